"""A reload or address-bar visit of a form's POST-only URL lands on the form's page, never on a bare 405."""

from __future__ import annotations

import pytest

from config.post_only import _page_above

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("/graphs/build/", "/graphs/"),
        ("/graphs/import/", "/graphs/"),
        ("/profiles/link/", "/profiles/"),
        ("/profiles/import/", "/profiles/"),
    ],
)
def test_a_get_on_a_post_only_url_goes_to_the_page_of_its_form(alice_client, path, page):
    response = alice_client.get(path)
    assert response.status_code == 302 and response["Location"] == page
    assert alice_client.get(path, follow=True).status_code == 200


def test_the_enclosing_page_is_the_nearest_one_that_exists():
    assert _page_above("/agencies/invitations/") == "/"  # /agencies/ is no page; home leads to the dashboard
    assert _page_above("/campaigns/submissions/5/review/") == "/campaigns/submissions/5/"


def test_a_refused_graph_build_keeps_both_dates_and_the_name(alice_client):
    response = alice_client.post(
        "/graphs/build/",
        {"name": "Spring", "window_start": "2026-03-01", "window_end": "2026-05-31", "resolution": "1.0"},
    )
    assert response.status_code == 400  # no edge type chosen
    html = response.content.decode()
    assert 'value="2026-03-01"' in html and 'value="2026-05-31"' in html and 'value="Spring"' in html
