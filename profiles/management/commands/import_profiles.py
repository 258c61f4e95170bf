"""Import profiles and posts from files: python manage.py import_profiles --format auto PATH...

The last line on stdout is one JSON object: {"profiles": N, "posts": M, "created": C, "updated": U, "seconds": S}.
A malformed file makes the command exit non-zero with a message naming file, line and field; nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from accounts.models import Organization
from config.errors import ApplicationError
from profiles import services
from profiles.importers import FORMATS
from profiles.platforms import platform_choices


class Command(BaseCommand):
    help = "Import profiles and posts from instagram-graphql, instaloader, gallery-dl, twitter-v1/v2 or CSV files."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Files or folders (folders are searched).")
        parser.add_argument("--format", default="auto", choices=[*FORMATS, "auto"])
        parser.add_argument("--organization", help="Agency slug (default: the only agency, if there is one).")
        parser.add_argument("--link", action="store_true", help="Mark the imported profiles as linked.")
        parser.add_argument(
            "--followers-of",
            metavar="@HANDLE",
            help="Import the accounts as followers of this linked profile (for audits).",
        )
        parser.add_argument(
            "--owner",
            metavar="@HANDLE",
            help="The account a platform's own data export belongs to (Instagram's export, X's tweets.js without "
            "its account.js): its files do not name it. Needs --platform.",
        )
        parser.add_argument(
            "--platform",
            choices=[key for key, _ in platform_choices()],
            help="Platform of --followers-of when the handle exists on more than one.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organization = self._organization(options["organization"])
        bar = tqdm(total=0, desc="reading", unit="", disable=options["verbosity"] < 1, file=self.stderr._out)

        def on_progress(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        def on_writing(profiles: int, posts: int) -> None:
            bar.set_description(f"writing {profiles} profiles, {posts} posts")

        try:
            result = services.profiles_import(
                organization=organization,
                paths=options["paths"],
                fmt=options["format"],
                link=options["link"],
                followers_of=options["followers_of"],
                followers_platform=options["platform"],
                owner=options["owner"],
                owner_platform=options["platform"],
                on_progress=on_progress,
                on_writing=on_writing,
            )
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        finally:
            bar.close()
        for skipped in result.skipped:
            self.stderr.write(f"skipped {skipped}")
        self.stdout.write(json.dumps(result.as_dict()))

    def _organization(self, slug: str | None) -> Organization:
        if slug:
            organization = Organization.objects.filter(slug=slug).first()
            if organization is None:
                raise CommandError(f"No agency with slug {slug!r}.")
            return organization
        organizations = list(Organization.objects.order_by("pk")[:2])
        if len(organizations) != 1:
            raise CommandError("Pass --organization SLUG (there is not exactly one agency).")
        return organizations[0]
