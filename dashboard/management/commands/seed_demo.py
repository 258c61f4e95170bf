"""Load the demo agency, its users and every app's demo data. Idempotent: running it again changes nothing that is
already there."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from accounts.demo import DEMO_PASSWORD, DEMO_USERS, demo_agency_load


class Command(BaseCommand):
    help = "Create the demo agency, its users (with known passwords) and demo data; safe to run repeatedly."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-passwords", action="store_true", help="Do not print the demo credentials.")
        parser.add_argument(
            "--force", action="store_true", help="Seed even with DEBUG=False (a throwaway staging copy)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            # The demo users, a superuser among them, have a published password: never on a real site by accident.
            raise CommandError(
                "seed_demo creates users with a published password, a site admin among them; it "
                "refuses to run with DEBUG=False. Pass --force for a throwaway staging copy."
            )
        organization = demo_agency_load()
        for step in self.demo_steps():
            step(organization=organization, stdout=self.stdout)
        # Fresh statistics for the planner: thousands of rows arrived at once, and a server without autovacuum (or
        # before its next round) would plan every page on empty-table estimates (discovery's page read and sorted all
        # 2,700 rows where an index hands it 50: 10.9 ms against 0.8 ms).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        if not options["quiet_passwords"]:
            self.stdout.write(self.style.SUCCESS(f"\nDemo users (password for all: {DEMO_PASSWORD})"))
            for email, _, role, is_admin in DEMO_USERS:
                self.stdout.write(f"  {email:<36} {role}{' + site admin' if is_admin else ''}")
            self.stdout.write("  Open http://127.0.0.1:8000/  ·  API docs /api/docs/  ·  admin /admin/\n")

    def demo_steps(self) -> list[Any]:
        """Each app's demo loader; each is idempotent and takes (organization, stdout)."""
        from discovery.demo import seed_discovery_demo
        from network.demo import seed_demo_graph
        from predictions.audits.demo import seed_audit_demo
        from predictions.campaigns.demo import seed_campaign_demo
        from predictions.results.demo import seed_results_demo
        from profiles.demo import demo_profiles_load, demo_video_profiles_load

        # Profiles first: campaigns and audits use linked profiles, and the demo graph is built from stored relations.
        # Discovery after audits: its rows carry each profile's latest audience quality score.
        return [
            demo_profiles_load,
            demo_video_profiles_load,
            seed_audit_demo,
            seed_campaign_demo,
            seed_results_demo,
            seed_demo_graph,
            seed_discovery_demo,
        ]
