"""Layout rules every template keeps, so a new page cannot widen the phone layout (the browser test in
tests/browser/test_layout.py measures the pages that exist; this catches the class in every template)."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def _tables_outside_a_scroll_box(text: str) -> int:
    opened = 0
    for match in re.finditer(r"<table\b", text):
        if 'class="table-responsive' not in text[max(0, match.start() - 160) : match.start()]:
            opened += 1
    return opened


def test_the_rule_sees_a_bare_table():
    assert _tables_outside_a_scroll_box('<div class="card"><table class="table"></table></div>') == 1
    assert _tables_outside_a_scroll_box('<div class="table-responsive"><table class="table"></table></div>') == 0


def test_every_table_scrolls_inside_its_own_box_rather_than_widening_the_page():
    bare = {
        str(path.relative_to(TEMPLATES)): count
        for path in TEMPLATES.rglob("*.html")
        if (count := _tables_outside_a_scroll_box(path.read_text()))
    }
    assert bare == {}


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
