"""python manage.py safety_feedback OUT.jsonl [--organization ID]: the brand-safety flags reviewers dismissed, as
labelled lines `evaluate_model brand-safety` reads ({"text", "categories", "labelled"}: the dismissed category judged
absent, the post's other live flags kept as they stand), with the reviewer's note. What the next revision of the
lexicons and thresholds is checked against."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand

from profiles.models import SafetyFlag


class Command(BaseCommand):
    help = "Write the dismissed brand-safety flags as labelled JSON Lines for evaluate_model brand-safety."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("out", help="JSON Lines file to write.")
        parser.add_argument("--organization", type=int, help="Only this agency's flags (its id).")

    def handle(self, *args: Any, **options: Any) -> None:
        dismissed = SafetyFlag.objects.filter(dismissed_at__isnull=False).select_related("post__profile")
        if options["organization"]:
            dismissed = dismissed.filter(post__profile__organization_id=options["organization"])
        written = 0
        with open(options["out"], "w", encoding="utf-8") as out:
            for flag in dismissed.order_by("pk").iterator(chunk_size=500):
                live = SafetyFlag.objects.filter(post_id=flag.post_id, dismissed_at__isnull=True)
                line = {
                    "text": flag.post.caption,
                    "categories": sorted(c for c in live.values_list("category", flat=True) if c != "agency"),
                    "labelled": [flag.category],
                    "post_id": flag.post_id,
                    "profile": flag.post.profile.handle,
                    "evidence": flag.evidence,
                    "note": flag.dismissal_note,
                    "dismissed_at": flag.dismissed_at.isoformat() if flag.dismissed_at else None,
                }
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                written += 1
        self.stdout.write(f"{written} dismissed flag{'s' if written != 1 else ''} written to {options['out']}")
