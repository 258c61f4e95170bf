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
