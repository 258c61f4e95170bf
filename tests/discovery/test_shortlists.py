"""Shortlists: named lists per agency with notes, compare up to five, CSV export with formula cells neutralised,
link all / audit all, the API, and another agency's list as a 404."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from discovery.models import Shortlist
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shortlist(agency, alice, refreshed):
    from discovery.services import shortlist_add, shortlist_create

    shortlist = shortlist_create(user=alice, organization=agency, name="Autumn food")
    shortlist_add(
        user=alice, pk=shortlist.pk, profile_ids=[refreshed["food"].pk, refreshed["fitness"].pk], note="first pick"
    )
    return shortlist


def test_api_creates_lists_adds_profiles_and_edits_notes(refreshed, api_client_for, alice) -> None:
    client = api_client_for(alice)
    created = client.post("/api/v1/shortlists/", {"name": "Pets Q4"}, format="json")
    assert created.status_code == 201
    assert created.json()["size"] == 0  # an integer, as the schema says (was null before the list annotation)
    pk = created.json()["id"]
    added = client.post(
        f"/api/v1/shortlists/{pk}/entries/", {"profiles": [refreshed["pets"].pk, refreshed["pets"].pk]}, format="json"
    )
    assert added.json() == {"added": 1}
    assert client.post(
        f"/api/v1/shortlists/{pk}/entries/", {"profiles": [refreshed["pets"].pk]}, format="json"
    ).json() == {"added": 0}
    note = client.patch(
        f"/api/v1/shortlists/{pk}/entries/{refreshed['pets'].pk}/", {"note": "ask rates"}, format="json"
    )
    assert note.status_code == 200 and note.json()["note"] == "ask rates"
    detail = client.get(f"/api/v1/shortlists/{pk}/").json()
    assert [e["handle"] for e in detail["entries"]] == ["max_the_golden"] and detail["size"] == 1
    assert detail["entries"][0]["profile"]["niche"] == "pet"
    assert client.get("/api/v1/shortlists/").json()["results"][0]["size"] == 1
    duplicate = client.post("/api/v1/shortlists/", {"name": "Pets Q4"}, format="json")
    assert duplicate.status_code == 409 and "already exists" in duplicate.content.decode()  # a conflict


def test_another_agencys_list_is_404_and_its_profiles_cannot_be_added(
    shortlist, api_client_for, charlie, charlie_creator, alice, client
) -> None:
    outsider = api_client_for(charlie)
    for url in (f"/api/v1/shortlists/{shortlist.pk}/", f"/api/v1/shortlists/{shortlist.pk}/export.csv"):
        assert outsider.get(url).status_code == 404
    assert (
        outsider.post(
            f"/api/v1/shortlists/{shortlist.pk}/entries/", {"profiles": [charlie_creator.pk]}, format="json"
        ).status_code
        == 404
    )
    assert outsider.get("/api/v1/shortlists/").json()["results"] == []
    client.force_login(charlie)
    assert client.get(reverse("discovery:shortlist_detail", args=[shortlist.pk])).status_code == 404
    assert client.get(reverse("discovery:shortlist_compare", args=[shortlist.pk])).status_code == 404
    # alice cannot smuggle charlie's profile into her list either
    response = api_client_for(alice).post(
        f"/api/v1/shortlists/{shortlist.pk}/entries/", {"profiles": [charlie_creator.pk]}, format="json"
    )
    assert response.status_code == 404 and shortlist.entries.count() == 2


def test_influencer_members_have_no_lists(shortlist, api_client_for, ivy) -> None:
    assert api_client_for(ivy).get("/api/v1/shortlists/").status_code == 403
    # An influencer sees only their own work: the agency's list is as unknown to them as to an outsider.
    assert api_client_for(ivy).get(f"/api/v1/shortlists/{shortlist.pk}/").status_code == 404


def test_csv_export_neutralises_formula_cells(shortlist, alice, api_client_for, refreshed) -> None:
    from discovery.services import shortlist_entry_update

    shortlist_entry_update(
        user=alice, pk=shortlist.pk, profile_id=refreshed["food"].pk, note='=HYPERLINK("http://evil.example","click")'
    )
    refreshed["fitness"].display_name = "+1 555 0100"
    refreshed["fitness"].save()
    response = api_client_for(alice).get(f"/api/v1/shortlists/{shortlist.pk}/export.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_handle = {row["handle"]: row for row in rows}
    assert by_handle["chez_amelie"]["note"] == '\'=HYPERLINK("http://evil.example","click")'
    assert by_handle["liftwithsam"]["display_name"] == "'+1 555 0100"
    assert by_handle["chez_amelie"]["niche"] == "food" and by_handle["chez_amelie"]["followers"] == "52000"


def test_compare_shows_up_to_five_side_by_side(shortlist, alice, alice_client, agency, refreshed) -> None:
    from discovery.services import shortlist_add

    page = alice_client.get(reverse("discovery:shortlist_compare", args=[shortlist.pk]))
    body = page.content.decode()
    assert page.status_code == 200 and "@chez_amelie" in body and "@liftwithsam" in body
    assert "Predicted likes, typical post" in body
    extra = [ProfileFactory(organization=agency).pk for _ in range(4)]
    shortlist_add(user=alice, pk=shortlist.pk, profile_ids=extra)
    too_many = alice_client.get(
        reverse("discovery:shortlist_compare", args=[shortlist.pk]),
        {"profiles": [refreshed["food"].pk, refreshed["fitness"].pk, *extra]},
    )
    assert too_many.status_code == 400 and "at most 5" in too_many.content.decode()


def test_link_all_links_every_profile_and_audit_all_says_why_it_could_not_start(
    shortlist, alice, api_client_for, refreshed
) -> None:
    client = api_client_for(alice)
    assert client.post(f"/api/v1/shortlists/{shortlist.pk}/link/").json() == {"linked": 1}
    refreshed["fitness"].refresh_from_db()
    assert refreshed["fitness"].is_linked
    outcome = client.post(f"/api/v1/shortlists/{shortlist.pk}/audit/").json()
    assert outcome["started"] == []
    assert {s["handle"] for s in outcome["skipped"]} == {"chez_amelie", "liftwithsam"}
    assert all("No followers" in s["reason"] for s in outcome["skipped"])


def test_viewer_may_not_link_all(shortlist, api_client_for, bob) -> None:
    assert api_client_for(bob).post(f"/api/v1/shortlists/{shortlist.pk}/link/").status_code == 403


@pytest.mark.parametrize("n", [5, 50])
def test_shortlist_api_query_count_is_constant(agency, alice, api_client_for, django_assert_num_queries, n) -> None:
    from discovery.insights import insights_refresh
    from discovery.services import shortlist_add, shortlist_create

    profiles = [ProfileFactory(organization=agency) for _ in range(n)]
    insights_refresh(profile_ids=[p.pk for p in profiles], embed=False)
    shortlist = shortlist_create(user=alice, organization=agency, name="Bulk")
    shortlist_add(user=alice, pk=shortlist.pk, profile_ids=[p.pk for p in profiles])
    client = api_client_for(alice)
    client.get(f"/api/v1/shortlists/{shortlist.pk}/")
    with django_assert_num_queries(3):
        response = client.get(f"/api/v1/shortlists/{shortlist.pk}/")
    assert len(response.json()["entries"]) == n
    assert Shortlist.objects.count() == 1


def test_compare_shows_figures_made_ahead_and_never_loads_the_like_model(
    shortlist, alice_client, refreshed, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    import ml.likes
    from discovery.insights import typical_posts_refresh
    from discovery.models import ProfileInsight

    def no_model(**_):
        raise AssertionError("the compare page loaded the like model")

    food, fitness = refreshed["food"], refreshed["fitness"]
    url = reverse("discovery:shortlist_compare", args=[shortlist.pk])
    assert typical_posts_refresh(profile_ids=[food.pk]) == 1  # what the ml queue does when a profile is shortlisted
    stored = ProfileInsight.objects.get(pk=food.pk).typical_post
    assert stored["p10"] <= stored["p50"] <= stored["p90"] and stored["computed_at"]
    monkeypatch.setattr(ml.likes, "score_draft", no_model)
    body = alice_client.get(url).content.decode()
    assert f"{stored['p50']:,}" in body  # the stored figure
    assert "being predicted: reload in a minute" in body  # fitness: not made yet
    # A refresh of a shortlisted profile's row queues its typical post again (after the commit); not for others.
    import discovery.tasks
    from discovery.insights import insights_refresh

    sent: list[list[int]] = []
    monkeypatch.setattr(discovery.tasks.typical_posts_refresh, "delay", sent.append)
    outsider = refreshed["pets"]
    with django_capture_on_commit_callbacks(execute=True):
        insights_refresh(profile_ids=[fitness.pk, outsider.pk], embed=False, force=True)
    assert sent == [[fitness.pk]]
