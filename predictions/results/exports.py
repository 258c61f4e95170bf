"""The report as JSON-ready data, CSV and PDF. All three come from report.campaign_report; nothing is recomputed."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string

from predictions.results.charts import report_charts

CSV_COLUMNS = [
    "id",
    "influencer",
    "profile",
    "platform",
    "status",
    "published",
    "planned_at",
    "published_at",
    "timing",
    "timing_delta_hours",
    "likes",
    "comments",
    "views",
    "shares",
    "followers_at_posting",
    "engagement_rate",
    "engagement_rate_views",
    "predicted_views",
    "predicted_likes",
    "predicted_likes_low",
    "predicted_likes_high",
    "interval_hit",
    "reach",
    "reach_is_estimate",
    "cost",
    "emv",
    "compliant",
    "compliance_problems",
    "caption_differs",
    "caption_similarity",
    "approved_caption",
    "published_caption",
    "post_url",
]
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def csv_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    return value


def report_json(report: dict[str, Any]) -> dict[str, Any]:
    """Money as decimal strings (exact), everything else as is."""
    return _json_value(report)


def _csv_row(row: dict[str, Any]) -> list[Any]:
    compliance = row.get("compliance") or {}
    difference = row.get("caption_difference") or {}
    values = {
        **row,
        "compliant": compliance.get("ok") if compliance else None,
        "compliance_problems": " ".join(compliance.get("problems", [])) if compliance else "",
        "caption_differs": difference.get("differs") if difference else None,
        "caption_similarity": difference.get("similarity") if difference else None,
    }
    return [csv_safe("" if values.get(column) is None else values.get(column)) for column in CSV_COLUMNS]


def report_csv(report: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in report["rows"]:
        writer.writerow(_csv_row(row))
    writer.writerow([])
    writer.writerow(["campaign totals"])
    for key in (
        "submissions",
        "published",
        "on_time",
        "late",
        "early",
        "predicted_likes",
        "actual_likes",
        "comments",
        "views",
        "engagements",
        "engagement_rate",
        "interval_hits",
        "interval_compared",
        "audience",
        "accounts",
        "reach",
        "reach_is_estimate",
        "spend",
        "emv",
        "cost_per_engagement",
        "cost_per_1000_reached",
    ):
        writer.writerow([key, csv_safe("" if report.get(key) is None else report[key])])
    writer.writerow(["currency", csv_safe(report["currency"])])
    for key, formula in report["formulas"].items():
        writer.writerow([f"formula: {key}", csv_safe(formula)])
    return buffer.getvalue()


def report_pdf(report: dict[str, Any], branding: dict[str, Any] | None = None) -> bytes:
    """The printable report with its charts as inline SVG (WeasyPrint draws SVG natively), under the agency's
    colour and logo (accounts.branding)."""
    html_class = _weasyprint_html()
    html = render_to_string(
        "predictions/results/report_pdf.html",
        {"report": report, "charts": report_charts(report), "branding": branding or report_branding(report)},
    )
    return html_class(string=html, base_url=None).write_pdf()


def report_branding(report: dict[str, Any]) -> dict[str, Any]:
    """The colour and logo of the agency whose campaign the report is (accounts.branding)."""
    from accounts.branding import branding
    from predictions.campaigns.models import Campaign

    campaign = Campaign.objects.select_related("organization").get(pk=report["campaign"]["id"])
    return branding(campaign.organization)


def _weasyprint_html() -> Any:
    """weasyprint.HTML, imported lazily (1.3 s: only PDF requests pay for it). Importing WeasyPrint sets Pillow's
    process-wide ImageFile.LOAD_TRUNCATED_IMAGES = True, which would make upload validation in the same process
    accept truncated images; the setting is put back (the report PDFs embed no raster images)."""
    from PIL import ImageFile

    before = ImageFile.LOAD_TRUNCATED_IMAGES
    from weasyprint import HTML

    ImageFile.LOAD_TRUNCATED_IMAGES = before
    return HTML


def report_filename(report: dict[str, Any], extension: str) -> str:
    from django.utils.text import slugify

    return f"{slugify(report['campaign']['name']) or 'campaign'}-report.{extension}"
