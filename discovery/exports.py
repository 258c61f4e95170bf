"""Shortlist CSV export. Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a leading
apostrophe (OWASP "CSV injection"): a handle or note like '=HYPERLINK(…)' opens as text, not as a live formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
COLUMNS = [
    "platform",
    "handle",
    "display_name",
    "url",
    "followers",
    "engagement_rate_percent",
    "sponsored_posts",
    "paid_window",
    "sponsored_to_organic_engagement",
    "audience_quality_score",
    "brand_safety_grade",
    "brand_safety_flagged_posts",
    "brand_safety_screened_posts",
    "growth_30d_percent",
    "niche",
    "niche_share",
    "content_language",
    "country",
    "linked",
    "note",
    "added_at",
]


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def shortlist_csv(entries: Iterable[Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for entry in entries:
        profile = entry.profile
        insight = getattr(profile, "insight", None)
        row = [
            profile.platform,
            profile.handle,
            profile.display_name,
            profile.url,
            profile.followers_count,
            _round(insight.engagement_percent if insight else None, 3),
            insight.sponsored_posts if insight else None,
            insight.paid_window if insight else None,
            _round(insight.paid_ratio if insight else None, 3),
            _round(insight.quality_score if insight else None, 1),
            insight.safety_grade if insight else "",
            insight.safety_flagged_posts if insight else None,
            insight.safety_screened_posts if insight else None,
            _round(insight.growth_30d * 100 if insight and insight.growth_30d is not None else None, 2),
            insight.niche if insight else "",
            _round(insight.niche_share if insight else None, 3),
            insight.content_language if insight else "",
            insight.country if insight else "",
            "yes" if profile.is_linked else "no",
            entry.note,
            entry.added_at.isoformat(),
        ]
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
