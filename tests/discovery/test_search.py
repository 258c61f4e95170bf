"""GET /api/v1/discovery/ and /discovery/: filters alone and combined, sorts, empty results, pagination,
tenancy (charlie sees nothing of alice's agency) and roles (an influencer member is refused)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from discovery.insights import insights_refresh
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/discovery/"


def handles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["handle"] for row in response.json()["results"]]


def test_default_order_is_followers_descending_and_rows_carry_the_columns(refreshed, api_client_for, alice) -> None:
    response = api_client_for(alice).get(URL)
    assert handles(response) == ["max_the_golden", "chez_amelie", "liftwithsam"]
    row = response.json()["results"][1]
    assert row["niche"] == "food" and row["content_language"] == "fr" and row["country"] == "FR"
    assert row["sparkline"] == [41600, 46800, 52000]
    assert row["engagement_rate_percent"] == pytest.approx(5.25, rel=1e-3)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"niche": "food"}, ["chez_amelie"]),
        ({"niche": "food", "niche_min_share": 0.999}, []),
        ({"followers_min": 10000, "followers_max": 100000}, ["chez_amelie"]),
        ({"language": "en"}, ["max_the_golden", "liftwithsam"]),
        ({"country": "fr"}, ["chez_amelie"]),
        ({"verified": "true"}, ["chez_amelie"]),
        ({"linked": "false"}, ["liftwithsam"]),
        ({"posted_within_days": 30}, ["chez_amelie", "liftwithsam"]),
        ({"posted_within_days": 30, "language": "en", "followers_max": 9000}, ["liftwithsam"]),
        ({"engagement_min": 5, "language": "fr", "platform": "instagram"}, ["chez_amelie"]),
        ({"platform": "x"}, []),
        ({"q": "risotto"}, ["chez_amelie"]),
        ({"q": "golden"}, ["max_the_golden"]),
        ({"q": "squats", "niche": "food"}, []),
        ({"sort": "-followers"}, ["liftwithsam", "chez_amelie", "max_the_golden"]),
        ({"sort": "growth"}, ["max_the_golden", "chez_amelie", "liftwithsam"]),
    ],
)
def test_filters_alone_and_combined(refreshed, api_client_for, alice, params, expected) -> None:
    found = handles(api_client_for(alice).get(URL, params))
    if params.get("sort") == "growth":
        assert sorted(found) == sorted(expected)  # the same growth for all three; ties break by id
    else:
        assert found == expected


def test_quality_score_filter_and_sort_use_the_latest_audit(refreshed, api_client_for, alice) -> None:
    from django.utils import timezone

    from config.jobs import JobStatus
    from predictions.audits.models import FollowerAudit

    FollowerAudit.objects.create(
        organization=refreshed["food"].organization,
        profile=refreshed["food"],
        status=JobStatus.DONE,
        audience_quality_score=81.5,
        finished_at=timezone.now(),
    )
    insights_refresh(profile_ids=[refreshed["food"].pk], embed=False)
    assert handles(api_client_for(alice).get(URL, {"quality_min": 80})) == ["chez_amelie"]
    assert handles(api_client_for(alice).get(URL, {"sort": "quality"}))[0] == "chez_amelie"


def test_bad_filters_get_a_clear_error(refreshed, api_client_for, alice) -> None:
    response = api_client_for(alice).get(URL, {"niche": "cooking"})
    assert response.status_code == 400 and "niche" in response.content.decode()
    # A minimum above its maximum is a valid question with no answer: an empty page (the form says why, below).
    response = api_client_for(alice).get(URL, {"followers_min": 10, "followers_max": 5})
    assert response.status_code == 200 and response.json()["count"] == 0
    # An empty value is a filter left unset, for every kind of parameter, and the document says so.
    unset = {"niche": "", "language": "", "verified": "", "engagement_max": "", "followers_min": "", "country": ""}
    response = api_client_for(alice).get(URL, unset)
    assert response.status_code == 200 and response.json()["count"] == 3
    response = api_client_for(alice).get(URL, {"country": "\U000d3fa7\x01\r"})  # not two letters, even trimmed
    assert response.status_code == 400 and "country" in response.json()["error"]["fields"]


def test_the_search_form_says_when_a_minimum_is_above_its_maximum(refreshed, alice_client) -> None:
    page = alice_client.get(reverse("discovery:search"), {"followers_min": 10, "followers_max": 5}).content.decode()
    assert "The minimum followers is above the maximum." in page


def test_charlie_sees_only_his_agency_and_gets_404_for_alices(refreshed, api_client_for, charlie, agency) -> None:
    assert handles(api_client_for(charlie).get(URL)) == ["charlies_kitchen"]
    assert api_client_for(charlie).get(URL, {"organization": agency.pk}).status_code == 404
    profile = refreshed["food"]
    assert api_client_for(charlie).get(f"/api/v1/discovery/{profile.pk}/lookalikes/").status_code == 404
    assert (
        api_client_for(charlie)
        .post(f"/api/v1/discovery/{profile.pk}/niche/", {"category": "pet"}, format="json")
        .status_code
        == 404
    )


def test_influencer_members_do_not_see_discovery(refreshed, api_client_for, ivy, client) -> None:
    assert api_client_for(ivy).get(URL).status_code == 403
    client.force_login(ivy)
    assert client.get(reverse("discovery:search")).status_code == 403
    dashboard = client.get("/dashboard/")
    assert dashboard.status_code == 200 and b'href="/discovery/"' not in dashboard.content


def test_an_influencer_on_their_own_profile_is_not_offered_lookalikes_they_may_not_open(
    refreshed, alice_client, ivy, client
) -> None:
    """Lookalikes are discovery, which influencer members do not have: their own profile page offered "Find similar
    profiles" and the link answered 403."""
    profile = refreshed["food"]
    profile.influencer = ivy
    profile.save(update_fields=["influencer"])
    profile.insight.embedding = b"\x00" * 768  # a content vector, as the ml queue stores it
    profile.insight.save(update_fields=["embedding"])
    similar = reverse("discovery:lookalikes", args=[profile.pk])
    assert f'href="{similar}"' in alice_client.get(reverse("profiles:detail", args=[profile.pk])).content.decode()
    client.force_login(ivy)
    page = client.get(reverse("profiles:detail", args=[profile.pk]))
    assert page.status_code == 200 and "@chez_amelie" in page.content.decode()
    assert similar not in page.content.decode()
    assert client.get(similar).status_code == 403


def test_page_searches_filters_and_shows_rows(refreshed, alice_client) -> None:
    page = alice_client.get(reverse("discovery:search"), {"q": "recette", "language": "fr"})
    body = page.content.decode()
    assert page.status_code == 200
    assert "@chez_amelie" in body and "@max_the_golden" not in body and '<svg class="sparkline"' in body
    empty = alice_client.get(reverse("discovery:search"), {"niche": "travel"}).content.decode()
    assert "No profiles match these filters." in empty
    assert 'href="/discovery/"' in alice_client.get("/dashboard/").content.decode()


def test_charlies_page_never_lists_alices_profiles(refreshed, charlie_client) -> None:
    body = charlie_client.get(reverse("discovery:search")).content.decode()
    assert "@charlies_kitchen" in body and "@chez_amelie" not in body


def _rows(agency, n: int) -> None:
    profiles = [ProfileFactory(organization=agency, handle=f"bulk{i}", followers_count=1000 + i) for i in range(n)]
    insights_refresh(profile_ids=[p.pk for p in profiles], embed=False)


@pytest.mark.parametrize("n", [5, 50])
def test_api_query_count_is_constant(agency, alice, api_client_for, django_assert_num_queries, n) -> None:
    _rows(agency, n)
    client = api_client_for(alice)
    client.get(URL)  # warm the session/membership caches the same way for both sizes
    with django_assert_num_queries(3):
        response = client.get(URL, {"sort": "followers"})
    assert response.json()["count"] == n


@pytest.mark.parametrize("n", [5, 50])
def test_page_query_count_is_constant(agency, alice_client, django_assert_num_queries, n) -> None:
    _rows(agency, n)
    alice_client.get(reverse("discovery:search"))
    with django_assert_num_queries(6):
        response = alice_client.get(reverse("discovery:search"))
    assert response.status_code == 200


def test_empty_trend_growth_and_quality_cells_say_why(alice_client, agency) -> None:
    from discovery.insights import insights_refresh
    from tests.factories import ProfileFactory, SnapshotFactory

    lone = ProfileFactory(organization=agency, handle="one.snapshot", is_linked=True, followers_count=900)
    SnapshotFactory(profile=lone, followers_count=900)
    insights_refresh(profile_ids=[lone.pk], embed=False)
    body = alice_client.get("/discovery/?q=one.snapshot").content.decode()
    row = next(r for r in body.split("<tr") if ">@one.snapshot</a>" in r).split("</tr>")[0]
    assert "one snapshot: the trend needs two" in row and "no audit yet" in row


def test_the_profile_page_names_its_languages_and_what_its_country_rests_on(alice_client, agency) -> None:
    import datetime as dt

    from discovery.insights import insights_refresh
    from tests.factories import PostFactory, ProfileFactory

    creator = ProfileFactory(organization=agency, handle="betty.demo", is_linked=True, bio="From Paris with love")
    for day, place in enumerate(["Trinidad, Cuba", "La Habana, Cuba", "Los Angeles, California"], start=1):
        PostFactory(
            profile=creator,
            caption="Golden hour at the beach with my favourite people, what a wonderful week #travel",
            taken_at=dt.datetime(2026, 11, day, 12, tzinfo=dt.UTC),
            extra={"location": {"name": place}},
        )
    insights_refresh(profile_ids=[creator.pk], embed=False)
    page = alice_client.get(f"/profiles/{creator.pk}/").content.decode()
    assert page.split('id="profile-language">')[1].split("<")[0] == "English 100%"
    assert page.split('id="profile-country">')[1].split("<")[0] == "France"
    evidence = page.split('id="profile-countries"')[1].split("</ul>")[0]
    assert "France: named in the bio</li>" in evidence and "Cuba: 2 post locations</li>" in evidence


def test_a_text_search_keeps_the_count_the_sort_and_find_similar(refreshed, alice_client) -> None:
    """#27: a text search hid the result count and the "find similar" links."""
    import numpy as np

    from discovery.models import ProfileInsight

    ProfileInsight.objects.filter(handle="chez_amelie").update(embedding=np.ones(384, np.float32).tobytes())
    body = alice_client.get(reverse("discovery:search"), {"q": "recette", "sort": "followers"}).content.decode()
    header = body[body.index('id="results-header"') :].split("</form>", 1)[0]
    assert 'id="result-count">1 profile<' in header and 'id="id_sort"' in header  # the sort sits in the header
    assert "find similar" in body and "@chez_amelie" in body


COVERING_INDEXES = [  # (migration, its forward function, index, the key a count can be bounded by)
    ("0008_filter_count_index_by_place", "keyed_by_place", "disc_org_filters", ["country", "content_language"]),
    ("0009_filter_count_index_by_niche", "create_index", "disc_org_niche_filters", ["niche", "quality_score"]),
]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's covering indexes (migrations 0007-0009)")
@pytest.mark.parametrize(("migration", "function", "index", "bounds"), COVERING_INDEXES)
def test_a_filtered_count_reads_only_a_covering_index_bounded_by_place_or_niche(
    agency, alice, migration, function, index, bounds
) -> None:
    """The count under a results page ("1,234 profiles match") is an index-only scan when every column it filters on
    is in the index. Keyed on the agency alone it read every entry of the agency (240 ms at a million rows,
    bench/bench_discovery.py); keyed on agency, country, language (0008) a search naming a country reads only that
    country's entries, and keyed on agency, niche, AQS (0009) a search naming a niche only that niche's entries at or
    above the AQS asked for. (A test table of a few rows is read whatever the indexes, so the index is checked, not
    the plan.)"""
    import re
    from importlib import import_module

    from discovery.selectors import DiscoveryQuery, discovery_search

    every_filter = DiscoveryQuery(
        platform="instagram",
        niche="food",
        niche_min_share=0.1,
        followers_min=1,
        followers_max=10**9,
        engagement_min=0.1,
        engagement_max=90.0,
        quality_min=1,
        language="fr",
        country="FR",
        verified=True,
        business=False,
        linked=True,
        posted_within_days=365,
        sponsored=False,
        safety="B",
    )
    rows = discovery_search(user=alice, organization=agency, query=every_filter)
    sql = str(rows.order_by().values("pk").query)
    filtered = set(re.findall(r'"discovery_profileinsight"\."(\w+)"', sql.split(" WHERE ", 1)[1]))
    # The suite runs without migrations: build the index as the migration does.
    with connection.schema_editor() as schema_editor:
        getattr(import_module(f"discovery.migrations.{migration}"), function)(None, schema_editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [index])
        (definition,) = cursor.fetchone()
    keys, included = re.match(r".*\((.*?)\) INCLUDE \((.*)\)", definition).groups()
    assert [key.strip() for key in keys.split(",")] == ["organization_id", *bounds], definition
    assert filtered - {key.strip() for key in [*keys.split(","), *included.split(",")]} == set(), definition
