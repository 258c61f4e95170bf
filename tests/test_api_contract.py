"""The API document and its behaviour agree (#28, finding 8): JSON bodies, text that is text, empty query values that
mean "any", a PATCH without the field changing nothing, unknown members as 404, nullable where a value can be null."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator

from discovery.services import shortlist_add, shortlist_create
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.mark.parametrize(
    ("path", "body"), [("/api/v1/organizations/", {"name": 0}), ("/api/v1/shortlists/", {"name": 7})]
)
def test_a_number_where_text_belongs_is_a_400_not_text(api_client_for, alice, path, body):
    response = api_client_for(alice).post(path, body, format="json")
    assert response.status_code == 400 and response.json()["error"]["fields"]["name"] == ["Not a valid string."]


def test_bodies_are_json_and_a_form_body_is_refused_as_such(api_client_for, alice, schema):
    response = api_client_for(alice).post("/api/v1/organizations/", {"name": "Side"}, format="multipart")
    assert response.status_code == 415
    create = schema["paths"]["/api/v1/organizations/"]["post"]["requestBody"]["content"]
    assert list(create) == ["application/json"]
    # The two that take files say so.
    assert "multipart/form-data" in schema["paths"]["/api/v1/submissions/"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in schema["paths"]["/api/v1/graphs/"]["post"]["requestBody"]["content"]


def test_empty_discovery_filters_mean_any(api_client_for, alice):
    response = api_client_for(alice).get("/api/v1/discovery/", {"sort": "", "platform": "", "country": ""})
    assert response.status_code == 200


def test_a_patch_without_a_note_changes_nothing(api_client_for, alice, agency):
    profile = ProfileFactory(organization=agency)
    shortlist = shortlist_create(user=alice, organization=agency, name="Keep")
    shortlist_add(user=alice, pk=shortlist.pk, profile_ids=[profile.pk], note="kept as it is")
    url = f"/api/v1/shortlists/{shortlist.pk}/entries/{profile.pk}/"
    response = api_client_for(alice).patch(url, {}, format="json")
    assert response.status_code == 200 and response.json()["note"] == "kept as it is"
    assert api_client_for(alice).patch(url, {"note": "new"}, format="json").json()["note"] == "new"


def test_inviting_someone_who_is_not_a_member_is_not_found(api_client_for, alice):
    body = {"name": "C", "brand": "B", "starts_on": "2026-01-01", "ends_on": "2026-01-02"}
    response = api_client_for(alice).post("/api/v1/campaigns/", {**body, "reviewers": ["nobody@x.org"]}, format="json")
    assert response.status_code == 404 and response.json()["error"]["fields"] == {
        "reviewers": ["Not members of this agency: nobody@x.org."]
    }


def test_the_document_says_what_can_be_null_and_what_a_time_is(schema):
    entry = schema["components"]["schemas"]["ShortlistEntry"]["properties"]["profile"]
    assert entry.get("nullable") is True or any(
        part.get("nullable") for part in entry.get("allOf", []) + entry.get("oneOf", [])
    )
    planned = schema["components"]["schemas"]["SubmissionInRequest"]["properties"]["planned_at"]
    assert planned["format"] == "date-time"


def test_hashtag_and_mention_rules_are_in_the_document_and_the_api_keeps_to_them(api_client_for, alice, agency, schema):
    import re

    body = schema["components"]["schemas"]["CampaignInRequest"]["properties"]
    hashtag = body["required_hashtags"]["items"]["pattern"]
    mention = body["required_mentions"]["items"]["pattern"]
    for tag, ok in (
        ("summer", True),
        ("#Été_2026", True),
        ("2026", False),
        ("#2026", False),
        ("", False),
        ("a b", False),
    ):
        assert bool(re.match(hashtag, tag)) is ok, tag
    for handle, ok in (("@glow.co", True), ("glow_co", True), (".glow", False), ("a..b", False), ("x" * 31, False)):
        assert bool(re.match(mention, handle)) is ok, handle
    api = api_client_for(alice)
    campaign = {"name": "Summer", "brand": "Glow", "starts_on": "2026-06-01", "ends_on": "2026-06-30"}
    refused = api.post("/api/v1/campaigns/", {**campaign, "required_hashtags": ["2026"]}, format="json")
    assert refused.status_code == 400 and "required_hashtags" in refused.json()["error"]["fields"]
    made = api.post("/api/v1/campaigns/", {**campaign, "required_hashtags": ["#Été_2026", "summer"]}, format="json")
    assert made.status_code == 201 and made.json()["required_hashtags"] == ["été_2026", "summer"]


def test_state_is_a_409_and_a_missing_reference_a_404(api_client_for, alice, agency):
    api = api_client_for(alice)
    empty = ProfileFactory(organization=agency, followers_count=None, following_count=None, posts_count=None)
    checked = api.post("/api/v1/authenticity/check/", {"profile_id": empty.pk}, format="json")
    assert checked.status_code == 409 and checked.json()["error"]["code"] == "profile_empty"
    graph = api.post("/api/v1/graphs/", {"name": "Nothing yet"}, format="multipart")
    assert graph.status_code == 409 and "no relations or posts" in graph.json()["error"]["message"]
    shortlist = shortlist_create(user=alice, organization=agency, name="Picks")
    other = ProfileFactory(organization=agency)
    patched = api.patch(f"/api/v1/shortlists/{shortlist.pk}/entries/{other.pk}/", {"note": "x"}, format="json")
    assert patched.status_code == 404 and "not on the list" in patched.json()["error"]["message"]
    campaign = api.post(
        "/api/v1/campaigns/",
        {"name": "Summer", "brand": "Glow", "starts_on": "2026-06-01", "ends_on": "2026-06-30"},
        format="json",
    ).json()
    body = {"campaign": campaign["id"], "profile": 987654, "caption": "hello", "planned_at": "2026-06-10T10:00:00Z"}
    submitted = api.post("/api/v1/submissions/", body, format="multipart")
    assert submitted.status_code == 404 and submitted.json()["error"]["fields"]["profile"]


def test_an_empty_query_value_is_documented_as_a_filter_left_unset(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/discovery/"]["get"]["parameters"]}
    for name in ("engagement_max", "followers_min", "verified"):
        assert {"type": "string", "enum": [""]} in parameters[name]["schema"]["anyOf"], name
        assert parameters[name]["description"].endswith("Empty: not set.")
    country = parameters["country"]["schema"]["oneOf"]  # two letters, or empty (and "" matches only the second)
    assert country == [{"type": "string", "pattern": "^[A-Za-z]{2}$"}, {"type": "string", "maxLength": 0}]
    assert "anyOf" not in parameters["page"]["schema"]  # a page is a number; an empty one is not a page
