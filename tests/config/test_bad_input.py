"""Bad ids and parameters get a 4xx, never a 500, and every API error is in the one error format
{"error": {"code", "message", "fields"?}}. The routes come from the URLconf (as in the outsider walk), so a route
added later is probed without editing this file."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from tests.test_outsider_walk import _routes, agency_world  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

BAD_IDS = ["99999999999999999999", "9223372036854775808", "0"]
BAD_QUERY_VALUES = ["abc", "99999999999999999999", "-1"]
QUERY_PARAMS = [
    "campaign",
    "profile_id",
    "organization",
    "status",
    "community",
    "min_degree",
    "other",
    "page",
    "category",
    "linked",
    "platform",
    "ordering",
    "search",
]
BAD_BODY_VALUES = [99999999999999999999, -(2**70), "abc", None, True]
BODY_FIELDS = [
    "profile_id",
    "organization",
    "organization_id",
    "campaign",
    "profile",
    "sample_size",
    "role",
    "influencers",
    "reviewers",
    "snapshot",
    "other",
    "reference",
    "name",
]


def _assert_error_format(response, what: str) -> None:
    assert response["Content-Type"].startswith("application/json"), f"{what}: {response['Content-Type']}"
    body = response.json()
    assert set(body) == {"error"}, f"{what}: {body}"
    assert {"code", "message"} <= set(body["error"]) <= {"code", "message", "fields", "retry_after_seconds"}, what


def _fill(route: str, value: str) -> str:
    def one(match: re.Match) -> str:
        converter = match.group(1)
        if converter in ("str", "slug"):
            return "x"
        return value

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", one, route)


@pytest.mark.slow
def test_ids_beyond_the_integer_range_in_paths_are_404s_in_the_error_format(agency_world, alice):  # noqa: F811
    page, api = Client(), APIClient()
    page.force_login(alice)
    api.force_authenticate(alice)
    routes = [r for r in _routes() if "<" in r and "<str:token>" not in r]
    checked = 0
    for route in routes:
        client = api if route.startswith("api/") else page
        for value in BAD_IDS:
            url = _fill(route, value)
            for method in ("get", "post", "patch", "delete"):
                response = getattr(client, method)(url, {"name": "x"})
                checked += 1
                if response.status_code == 302 and method == "get" and client is page:
                    # A page GET on a POST-only URL goes to the page above it (config.post_only), which 404s.
                    response = page.get(response["Location"], follow=True)
                    assert response.status_code in (200, 404), f"GET {url} → {response.status_code}"
                    continue
                assert response.status_code in (404, 405), f"{method.upper()} {url}: {response.status_code}"
                if route.startswith("api/"):
                    _assert_error_format(response, f"{method.upper()} {url}")
    assert checked > 300


def test_malformed_api_paths_answer_404_in_the_error_format_not_an_html_page(alice):
    api = APIClient()
    api.force_authenticate(alice)
    for url in ("/api/v1/profiles/true/", "/api/v1/profiles/-1/", "/api/v1/nothing-here/", "/api/v1/campaigns/1.5/"):
        response = api.get(url)
        assert response.status_code == 404, url
        _assert_error_format(response, url)
        assert response.json()["error"]["code"] == "not_found"


@pytest.mark.slow
def test_bad_query_parameters_on_every_list_are_4xx_or_ignored_never_500(agency_world, alice):  # noqa: F811
    page, api = Client(), APIClient()
    page.force_login(alice)
    api.force_authenticate(alice)
    checked = 0
    # Lists and every API route (pages with an id take no query parameters but the graph comparison's `other`).
    routes = [r for r in _routes() if "<str:" not in r and ("<" not in r or r.startswith("api/") or "compare" in r)]
    for route in routes:
        client = api if route.startswith("api/") else page
        url = _fill(route, "1")
        for param in QUERY_PARAMS:
            for value in BAD_QUERY_VALUES:
                response = client.get(url, {param: value})
                checked += 1
                if checked % 400 == 0:
                    cache.clear()
                assert response.status_code < 500, f"GET {url}?{param}={value}: {response.status_code}"
                if route.startswith("api/") and response.status_code >= 400:
                    _assert_error_format(response, f"GET {url}?{param}={value}")
    assert checked > 500


@pytest.mark.slow
def test_bad_values_in_api_bodies_are_400s_in_the_error_format(agency_world, alice):  # noqa: F811
    api = APIClient()
    api.force_authenticate(alice)
    checked = 0
    for route in [r for r in _routes() if r.startswith("api/") and "<str:" not in r]:
        url = _fill(route, "1")
        for field in BODY_FIELDS:
            for value in BAD_BODY_VALUES:
                for method in ("post", "patch"):
                    response = getattr(api, method)(url, {field: value, "name": "x"}, format="json")
                    checked += 1
                    if checked % 400 == 0:
                        cache.clear()
                    assert response.status_code < 500, f"{method.upper()} {url} {field}={value!r}"
                    if response.status_code >= 400:
                        _assert_error_format(response, f"{method.upper()} {url} {field}={value!r}")
    assert checked > 500


def test_options_on_every_api_route_with_any_format_is_never_a_500(agency_world, alice):  # noqa: F811
    api = APIClient()
    api.force_authenticate(alice)
    for route in [r for r in _routes() if r.startswith("api/") and "<str:" not in r]:
        for fmt in ("csv", "pdf", "json"):
            response = api.options(_fill(route, "1") + f"?format={fmt}")
            assert response.status_code < 500, f"OPTIONS {route}?format={fmt}: {response.status_code}"


def test_every_api_operation_declares_its_errors_in_the_error_format(alice):
    api = APIClient()
    api.force_authenticate(alice)
    schema = api.get("/api/schema/?format=json").json()
    operations = [op for methods in schema["paths"].values() for op in methods.values() if isinstance(op, dict)]
    assert len(operations) > 30
    for operation in operations:
        assert {"400", "401", "403", "404", "429"} <= set(operation["responses"]), operation["operationId"]
    assert schema["components"]["schemas"]["ApiError"]["required"] == ["error"]


def test_the_schema_says_what_the_api_refuses_nul_ids_from_1_and_page_numbers(api_client_for, alice):
    """Finding 8 of #28: the document and the behaviour agree (schemathesis' positive_data_acceptance check)."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    shortlist = schema["components"]["schemas"]["ShortlistRequest"]["properties"]["name"]
    assert shortlist["pattern"] == "^[^\\u0000]*$"
    graphs = {p["name"]: p for p in schema["paths"]["/api/v1/graphs/"]["get"]["parameters"]}
    # An optional id may also be empty (not set); a page is a number from 1.
    organization = graphs["organization"]["schema"]["anyOf"]
    assert organization[0]["minimum"] == 1 and organization[1] == {"type": "string", "enum": [""]}
    assert graphs["page"]["schema"]["minimum"] == 1
    discovery = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/discovery/"]["get"]["parameters"]}
    # A country is two letters, or empty for any; the platform and the sort may be empty too (the default).
    patterns = [s.get("pattern", s.get("maxLength")) for s in discovery["country"]["oneOf"]]
    assert patterns == ["^[A-Za-z]{2}$", 0] and {"instagram", ""} <= set(discovery["platform"]["enum"])
    assert "" in discovery["sort"]["enum"]
    client = api_client_for(alice)
    assert client.get("/api/v1/shortlists/?page=").status_code == 404
    assert client.get("/api/v1/shortlists/?page=1").status_code == 200
    assert client.post("/api/v1/shortlists/", {"name": "a\x00b"}, format="json").status_code == 400
