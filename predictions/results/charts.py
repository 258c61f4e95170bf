"""The report's three charts as self-contained SVG, drawn on the server so the page, the share link and the PDF
(WeasyPrint renders inline SVG) show the same pictures without JavaScript."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 60, 16, 20, 52
# Text size in chart units: the PDF draws a chart 160 mm wide (report_pdf.html), 0.25 mm a unit, so 14 units print
# at about 10 pt (the page shows a chart at most 640 px wide: 14 px).
FONT = 14
PALETTE = ["#2563eb", "#f97316", "#16a34a", "#9333ea", "#dc2626", "#0891b2", "#ca8a04", "#db2777"]


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def _number(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}M"
    if value >= 10_000:
        return f"{value / 1000:.0f}k"
    if value >= 1000:
        return f"{value / 1000:.1f}k"
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def _fit(text: str, room: float) -> str:
    """The label cut to what `room` chart units hold at FONT (an ellipsis marks the cut)."""
    chars = max(3, int(room / (0.6 * FONT)))
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _frame(title: str, y_max: float, body: list[str], legend: list[tuple[str, str]]) -> str:
    plot_h = HEIGHT - TOP - BOTTOM
    # The legend wraps onto more lines below the chart rather than running off its right edge.
    lines: list[list[tuple[str, str, int]]] = [[]]
    x = LEFT
    for label, colour in legend:
        width = 24 + round(0.6 * FONT * len(label))
        if lines[-1] and x + width > WIDTH - RIGHT:
            lines.append([])
            x = LEFT
        lines[-1].append((label, colour, x))
        x += width
    height = HEIGHT + 20 * (len(lines) - 1)
    # Scales to its box (viewBox + width 100%), so a chart never widens a card or the page.
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'style="max-width: {WIDTH}px; height: auto" role="img" aria-label="{escape(title)}" '
        f'font-family="sans-serif" font-size="{FONT}">',
        f"<title>{escape(title)}</title>",
    ]
    for i in range(5):
        value = y_max * i / 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e7eb"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 5:.1f}" text-anchor="end" fill="#6b7280">{_number(value)}</text>')
    parts.extend(body)
    for row, line in enumerate(lines):
        for label, colour, x in line:
            top = HEIGHT - 16 + 20 * row
            parts.append(f'<rect x="{x}" y="{top}" width="11" height="11" fill="{colour}"/>')
            parts.append(f'<text x="{x + 15}" y="{top + 10}" fill="#374151">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _empty(title: str, message: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} 80" width="100%" '
        f'style="max-width: {WIDTH}px; height: auto" role="img" aria-label="{escape(title)}" '
        f'font-family="sans-serif" font-size="{FONT}">'
        f'<text x="{WIDTH / 2}" y="44" text-anchor="middle" fill="#6b7280">{escape(message)}</text></svg>'
    )


def actual_vs_predicted_svg(rows: list[dict[str, Any]]) -> str:
    """Per submission: the predicted p50 with its p10–p90 whisker, and the actual likes beside it."""
    title = "Actual vs predicted likes per submission"
    rows = [r for r in rows if r["published"] or r["predicted_likes"] is not None]
    if not rows:
        return _empty(title, "No scored or published submissions yet.")
    y_max = _nice_max(
        max(max(r["predicted_likes_high"] or r["predicted_likes"] or 0, r["likes"] or 0) for r in rows) * 1.05
    )
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(rows)
    bar = min(28.0, slot / 3)

    def y(value: float) -> float:
        return TOP + plot_h - plot_h * value / y_max

    body = []
    for index, row in enumerate(rows):
        x0 = LEFT + slot * index + slot / 2 - bar
        if row["predicted_likes"] is not None:
            body.append(
                f'<rect x="{x0:.1f}" y="{y(row["predicted_likes"]):.1f}" width="{bar:.1f}" '
                f'height="{TOP + plot_h - y(row["predicted_likes"]):.1f}" fill="{PALETTE[0]}" opacity="0.75">'
                f"<title>predicted {row['predicted_likes']}</title></rect>"
            )
            if row["predicted_likes_low"] is not None and row["predicted_likes_high"] is not None:
                cx = x0 + bar / 2
                body.append(
                    f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(row["predicted_likes_low"]):.1f}" '
                    f'y2="{y(row["predicted_likes_high"]):.1f}" stroke="#1e3a8a" stroke-width="2"/>'
                )
        if row["likes"] is not None:
            colour = PALETTE[2] if row["interval_hit"] else PALETTE[1]
            body.append(
                f'<rect x="{x0 + bar:.1f}" y="{y(row["likes"]):.1f}" width="{bar:.1f}" '
                f'height="{TOP + plot_h - y(row["likes"]):.1f}" fill="{colour}">'
                f"<title>actual {row['likes']}</title></rect>"
            )
        label = _fit(f"#{row['id']} {row['profile_shown']}", slot - 6)
        body.append(
            f'<text x="{LEFT + slot * index + slot / 2:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" '
            f'fill="#374151">{escape(label)}</text>'
        )
    return _frame(
        title,
        y_max,
        body,
        [("predicted (p10–p90)", PALETTE[0]), ("actual, in interval", PALETTE[2]), ("actual, outside", PALETTE[1])],
    )


def engagement_over_time_svg(rows: list[dict[str, Any]]) -> str:
    """Likes + comments (+ shares) of each published post by days since publication, from its metric history."""
    title = "Engagement over time since publication"
    series = [r for r in rows if len(r["history"]) >= 1]
    if not series:
        return _empty(title, "No tracked readings of published posts yet.")
    x_max = max(max(point["days"] for point in r["history"]) for r in series) or 1.0
    y_max = _nice_max(max(max(point["engagements"] for point in r["history"]) for r in series) * 1.05)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    body = []
    for i in range(0, 5):
        days = x_max * i / 4
        x = LEFT + plot_w * i / 4
        body.append(
            f'<text x="{x:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" fill="#6b7280">day {days:.0f}</text>'
        )
    legend = []
    for index, row in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        points = " ".join(
            f"{LEFT + plot_w * p['days'] / x_max:.1f},{TOP + plot_h - plot_h * p['engagements'] / y_max:.1f}"
            for p in row["history"]
        )
        body.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for p in row["history"]:
            body.append(
                f'<circle cx="{LEFT + plot_w * p["days"] / x_max:.1f}" '
                f'cy="{TOP + plot_h - plot_h * p["engagements"] / y_max:.1f}" r="2.5" fill="{colour}">'
                f"<title>{escape(p['recorded_at'])}: {p['engagements']}</title></circle>"
            )
        legend.append((f"#{row['id']} {row['profile_shown']}"[:22], colour))
    return _frame(title, y_max, body, legend[:6])


def spend_vs_emv_svg(report: dict[str, Any]) -> str:
    """Per creator and in total: the fee paid and the earned media value of their published posts."""
    title = f"Spend vs EMV ({report['currency']})"
    groups = [(c["influencer"], c["fee"] or Decimal("0"), c["emv"] or Decimal("0")) for c in report["spend_by_creator"]]
    groups.append(("Campaign", report["spend"] or Decimal("0"), report["emv"] or Decimal("0")))
    y_max = _nice_max(float(max(max(fee, emv) for _, fee, emv in groups)) * 1.05)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(groups)
    bar = min(36.0, slot / 3)
    body = []
    for index, (label, fee, emv) in enumerate(groups):
        x0 = LEFT + slot * index + slot / 2 - bar
        for offset, value, colour, name in ((0, fee, PALETTE[3], "spend"), (bar, emv, PALETTE[2], "EMV")):
            height = plot_h * float(value) / y_max
            body.append(
                f'<rect x="{x0 + offset:.1f}" y="{TOP + plot_h - height:.1f}" width="{bar:.1f}" '
                f'height="{height:.1f}" fill="{colour}"><title>{name} {value}</title></rect>'
            )
        body.append(
            f'<text x="{LEFT + slot * index + slot / 2:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" '
            f'fill="#374151">{escape(_fit(label, slot - 6))}</text>'
        )
    return _frame(title, y_max, body, [("spend (fees)", PALETTE[3]), ("EMV", PALETTE[2])])


def report_charts(report: dict[str, Any]) -> dict[str, str]:
    return {
        "actual_vs_predicted": actual_vs_predicted_svg(report["rows"]),
        "engagement_over_time": engagement_over_time_svg(report["rows"]),
        "spend_vs_emv": spend_vs_emv_svg(report),
    }
