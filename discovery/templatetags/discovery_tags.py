from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def sparkline(values: list[int | None], width: int = 90, height: int = 24) -> str:
    """Inline SVG polyline of a follower series (no script needed; scales to its own min..max)."""
    points = [v for v in (values or []) if v is not None]
    if len(points) < 2:
        # Say why there is no line: a trend needs follower counts from two fetches or imports.
        why = "one snapshot: the trend needs two" if points else "no snapshot yet"
        return format_html('<span class="text-body-secondary small no-trend">{}</span>', why)
    low, high = min(points), max(points)
    span = (high - low) or 1
    step = width / (len(points) - 1)
    coords = " ".join(
        f"{i * step:.1f},{height - 2 - (v - low) / span * (height - 4):.1f}" for i, v in enumerate(points)
    )
    colour = "#198754" if points[-1] >= points[0] else "#dc3545"
    return format_html(
        '<svg class="sparkline" width="{}" height="{}" viewBox="0 0 {} {}" role="img" '
        'aria-label="followers {} to {}"><polyline fill="none" stroke="{}" stroke-width="1.5" '
        'points="{}"/></svg>',
        width,
        height,
        width,
        height,
        points[0],
        points[-1],
        colour,
        coords,
    )


@register.filter
def percent(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value * 100:.{digits}f}%"


@register.simple_tag
def niche_choices() -> tuple[str, ...]:
    from ml.services import NICHES

    return NICHES


@register.filter
def niche_name(code: str | None) -> str:
    """A niche code as people read it: "tech" -> "Tech & science"."""
    from ml.services import niche_name as name

    return name(code) if code else "–"


@register.filter
def niche_described(insight: Any) -> str:
    """The row's niche with its share, or "Mixed: …" with the top two when no niche is likely enough."""
    from ml.services import describe_niche

    if insight is None:
        return "–"
    return describe_niche(insight.niche, insight.niche_share, insight.niche_shares, corrected=insight.is_corrected)


@register.filter
def language(code: str | None) -> str:
    """A language code as people read it: "en" -> "English", "mixed" -> "Mixed", "" -> "–"."""
    from ml.services import language_name

    return language_name(code) if code else "–"


@register.filter
def languages_described(insight: Any) -> str:
    """A stored profile's languages in ml.engine.languages' own words: "English 92%", "Mixed: …", "Unknown (…)"."""
    from ml.services import LANGUAGE_UNKNOWN as UNKNOWN
    from ml.services import LanguageMix

    shares = [(row["language"], row["share"]) for row in insight.language_shares or []]
    return LanguageMix(label=insight.content_language or UNKNOWN, shares=shares).describe()


@register.filter
def country_reason(country: dict[str, Any]) -> str:
    """What one country of a profile rests on: "France: named in the bio, 2 post locations"."""
    said = [f"{country['posts']} post location{'s' if country['posts'] != 1 else ''}"] if country["posts"] else []
    if country.get("bio"):
        said.insert(0, "named in the bio")
    return f"{country['name']}: {', '.join(said)}"


@register.filter
def country_evidence(countries: list[dict[str, Any]] | None) -> str:
    """What a profile's country rests on, for a tooltip: "France: named in the bio · Cuba: 5 post locations"."""
    parts = [country_reason(country) for country in countries or [] if country.get("code")]
    return " · ".join(parts) or "no post location or bio names a country"


@register.filter
def safety_category(key: str) -> str:
    """A brand-safety category's name ("alcohol" → "Alcohol")."""
    from ml.services import BRAND_SAFETY_LABELS as LABELS

    return LABELS.get(key, key)


SAFETY_BADGE_CLASS = {"A": "text-bg-success", "B": "text-bg-warning"}  # any other grade: text-bg-danger


@register.filter
def safety_badge(insight: Any) -> str:
    """A profile's brand-safety grade as a badge, with what it rests on in its title; "" before any screening.
    A filter, not an {% include %}: a results page shows one a row, and the include cost 35 µs each."""
    grade = getattr(insight, "safety_grade", "")
    if not grade:
        return ""
    return format_html(
        '<span class="badge safety-grade {}" title="Brand safety {}: {} of {} screened posts flagged">safety {}</span>',
        SAFETY_BADGE_CLASS.get(grade, "text-bg-danger"),
        grade,
        insight.safety_flagged_posts,
        insight.safety_screened_posts,
        grade,
    )
