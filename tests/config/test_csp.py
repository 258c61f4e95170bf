"""Content-Security-Policy: scripts only from the site's static files, and no page carries an inline script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)


def test_every_page_is_served_with_a_policy_that_forbids_inline_script(alice_client):
    response = alice_client.get("/dashboard/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in policy
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


def test_no_template_holds_an_inline_script_or_event_handler():
    offenders = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = path.read_text()
        if INLINE_SCRIPT.search(text) or re.search(r"\son[a-z]+=\"", text):
            offenders.append(str(path))
    assert not offenders


def test_the_api_docs_page_loads_swagger_from_a_script_file(alice_client):
    body = alice_client.get("/api/docs/").content.decode()
    assert not INLINE_SCRIPT.search(body)
    assert 'src="/api/docs/?script=' in body or "script=" in body
