"""Load the demo agency and its users. Idempotent: running it again changes nothing that is already there."""
from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Membership, Organization, User
from accounts.roles import Role

DEMO_ORGANIZATION = "Demo Agency"
DEMO_PASSWORD = "demo-pass-2026"
DEMO_USERS = [
    ("admin@demo.sociallens.local", "Ada Admin", Role.OWNER, True),
    ("owner@demo.sociallens.local", "Olivia Owner", Role.OWNER, False),
    ("reviewer@demo.sociallens.local", "Rey Reviewer", Role.REVIEWER, False),
    ("influencer@demo.sociallens.local", "Ivy Influencer", Role.INFLUENCER, False),
]


class Command(BaseCommand):
    help = "Create the demo agency, its users (with known passwords) and demo data; safe to run repeatedly."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-passwords", action="store_true", help="Do not print the demo credentials.")

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            Site.objects.update_or_create(pk=1, defaults={"domain": "127.0.0.1:8000", "name": "SocialLens"})
            organization, _ = Organization.objects.get_or_create(slug="demo-agency",
                                                                 defaults={"name": DEMO_ORGANIZATION})
            for email, name, role, is_admin in DEMO_USERS:
                user = User.objects.filter(email=email).first()
                if user is None:
                    user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=name,
                                                    is_staff=is_admin, is_superuser=is_admin)
                EmailAddress.objects.get_or_create(user=user, email=email,
                                                   defaults={"verified": True, "primary": True})
                Membership.objects.get_or_create(user=user, organization=organization, defaults={"role": role})
        for step in self.demo_steps():
            step(organization=organization, stdout=self.stdout)
        if not options["quiet_passwords"]:
            self.stdout.write(self.style.SUCCESS(f"\nDemo users (password for all: {DEMO_PASSWORD})"))
            for email, _, role, is_admin in DEMO_USERS:
                self.stdout.write(f"  {email:<36} {role}{' + site admin' if is_admin else ''}")
            self.stdout.write("  Open http://127.0.0.1:8000/  ·  API docs /api/docs/  ·  admin /admin/\n")

    def demo_steps(self) -> list[Any]:
        """Each app's demo loader; each is idempotent and takes (organization, stdout)."""
        from network.demo import seed_demo_graph
        from predictions.audits.demo import seed_audit_demo
        from predictions.campaigns.demo import seed_campaign_demo
        from profiles.services import demo_profiles_load

        # Profiles first: campaigns and audits use linked profiles, and the demo graph is built from stored relations.
        return [demo_profiles_load, seed_audit_demo, seed_campaign_demo, seed_demo_graph]
