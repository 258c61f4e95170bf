"""Demo data for `manage.py seed_demo`: the demo agency and its users with known passwords. Idempotent."""

from __future__ import annotations

from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sites.models import Site
from django.db import transaction

from accounts.models import Membership, Organization, User
from accounts.roles import Role

DEMO_ORGANIZATION = "Demo Agency"
DEMO_PASSWORD = "demo-pass-2026"
DEMO_USERS = [
    ("admin@demo.sociallens.local", "Ada Admin", Role.OWNER, True),
    ("owner@demo.sociallens.local", "Olivia Owner", Role.OWNER, False),
    ("manager@demo.sociallens.local", "Max Manager", Role.MANAGER, False),
    ("reviewer@demo.sociallens.local", "Rey Reviewer", Role.REVIEWER, False),
    ("viewer@demo.sociallens.local", "Vera Viewer", Role.VIEWER, False),
    ("influencer@demo.sociallens.local", "Ivy Influencer", Role.INFLUENCER, False),
]


@transaction.atomic
def demo_agency_load() -> Organization:
    """The demo agency with one verified user per DEMO_USERS row (and the site's name for links in emails)."""
    Site.objects.update_or_create(pk=1, defaults={"domain": urlsplit(settings.SITE_URL).netloc, "name": "SocialLens"})
    organization, _ = Organization.objects.get_or_create(slug="demo-agency", defaults={"name": DEMO_ORGANIZATION})
    for email, name, role, is_admin in DEMO_USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=DEMO_PASSWORD, full_name=name, is_staff=is_admin, is_superuser=is_admin
            )
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        Membership.objects.get_or_create(user=user, organization=organization, defaults={"role": role})
    return organization
