"""Redirects built from user input (a `next` field, the Referer header) never leave the site."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "\\\\evil.example"],
)
def test_the_agency_switcher_refuses_an_off_site_next(alice_client, agency, next_url):
    response = alice_client.post(f"/agencies/{agency.pk}/switch/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"


def test_the_agency_switcher_goes_back_to_a_page_of_the_site(alice_client, agency):
    response = alice_client.post(f"/agencies/{agency.pk}/switch/", {"next": "/profiles/"})
    assert response["Location"] == "/profiles/"


@pytest.mark.parametrize(
    ("referer", "location"),
    [
        ("http://testserver/campaigns/", "http://testserver/campaigns/"),
        ("https://evil.example/", "/campaigns/1/act/"),
        ("//evil.example/", "/campaigns/1/act/"),
    ],
)
def test_a_refused_form_post_goes_back_to_the_referring_page_only_when_it_is_on_the_site(rf, referer, location):
    from django.contrib.messages.storage.fallback import FallbackStorage

    from config.errors import Conflict
    from config.middleware import ApplicationErrorMiddleware

    request = rf.post("/campaigns/1/act/", HTTP_REFERER=referer)
    request.session = {}
    request._messages = FallbackStorage(request)
    response = ApplicationErrorMiddleware(lambda r: None).process_exception(
        request, Conflict("This submission was already approved.")
    )
    assert response.status_code == 302
    assert response["Location"] == location
    assert [str(m) for m in request._messages] == ["This submission was already approved."]


def test_a_service_refusal_on_a_page_is_the_403_page_with_its_message(bob_client, alice, agency):
    response = bob_client.post("/campaigns/new/", {"name": "x"})
    assert response.status_code == 403
    body = response.content.decode()
    assert 'id="error-403"' in body and "Viewer" in body
