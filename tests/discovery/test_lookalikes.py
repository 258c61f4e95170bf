"""Lookalikes from stored mean MiniLM vectors (the real bundled model), ranked by content then size."""

from __future__ import annotations

import numpy as np
import pytest

from discovery.insights import insights_refresh
from discovery.selectors import rank_similar
from tests.discovery.conftest import FOOD, make_creator

pytestmark = pytest.mark.django_db


def test_find_similar_ranks_the_other_food_creator_first(creators, agency, api_client_for, alice, alice_client) -> None:
    other_food = make_creator(
        agency,
        "la_cuisine_de_paul",
        [
            "Gratin dauphinois et poulet rôti pour le dîner #cuisine #food",
            "Mes cookies au chocolat, la recette est en bio #baking #dessert",
        ],
        followers=40000,
    )
    insights_refresh(profile_ids=[*(p.pk for p in creators.values()), other_food.pk], embed=True)
    response = api_client_for(alice).get(f"/api/v1/discovery/{creators['food'].pk}/lookalikes/")
    assert response.status_code == 200
    ranked = [row["profile"]["handle"] for row in response.json()]
    assert ranked[0] == "la_cuisine_de_paul" and "chez_amelie" not in ranked and len(ranked) == 3
    sims = [row["similarity"] for row in response.json()]
    assert sims == sorted(sims, reverse=True)
    page = alice_client.get(f"/discovery/profiles/{creators['food'].pk}/similar/").content.decode()
    assert page.index("@la_cuisine_de_paul") < page.index("@liftwithsam")


def test_charlies_profiles_never_appear_among_alices_lookalikes(creators, other_agency, api_client_for, alice) -> None:
    twin = make_creator(other_agency, "charlies_twin", FOOD, followers=52000)
    insights_refresh(profile_ids=[creators["food"].pk, creators["pets"].pk, twin.pk], embed=True)
    ranked = [
        row["profile"]["handle"]
        for row in api_client_for(alice).get(f"/api/v1/discovery/{creators['food'].pk}/lookalikes/").json()
    ]
    assert ranked == ["max_the_golden"]


def test_rank_similar_prefers_close_content_then_close_size() -> None:
    matrix = np.array([[1, 0], [0.9, 0.436], [0.9, 0.436], [0, 1]], dtype=np.float32)
    sizes = np.log1p(np.array([1000, 1000, 1_000_000, 1000], dtype=np.float32))
    ranked = rank_similar(matrix[0], float(sizes[0]), np.arange(4), sizes, matrix, limit=3, exclude=0)
    assert [pk for pk, _ in ranked] == [1, 2, 3]


def test_lookalikes_cross_platforms_leave_out_the_creators_own_accounts_and_filter_by_platform(
    creators, agency, alice, api_client_for, alice_client
) -> None:
    """A food creator's lookalikes include a TikTok food creator; the creator's own TikTok account (the same person)
    is not a lookalike; ?platform=tiktok ranks TikTok accounts only."""
    from profiles import services as profile_services

    tiktok_food = make_creator(
        agency,
        "paul.cuisine",
        [
            "Gratin dauphinois et poulet rôti pour le dîner #cuisine #food #recette",
            "Mes cookies au chocolat en 60 secondes #baking #dessert #foodtok",
        ],
        followers=45000,
        platform="tiktok",
    )
    own_tiktok = make_creator(agency, "chez.amelie.tok", FOOD, followers=52000, platform="tiktok")
    profile_services.creator_accounts_join(user=alice, profile=creators["food"], other=own_tiktok)
    insights_refresh(profile_ids=[*(p.pk for p in creators.values()), tiktok_food.pk, own_tiktok.pk], embed=True)
    everywhere = api_client_for(alice).get(f"/api/v1/discovery/{creators['food'].pk}/lookalikes/").json()
    handles = [(row["profile"]["handle"], row["profile"]["platform"]) for row in everywhere]
    assert handles[0] == ("paul.cuisine", "tiktok")  # the closest content is on another platform
    assert ("chez.amelie.tok", "tiktok") not in handles and {platform for _, platform in handles} == {
        "instagram",
        "tiktok",
    }
    only = api_client_for(alice).get(f"/api/v1/discovery/{creators['food'].pk}/lookalikes/?platform=tiktok").json()
    assert [(row["profile"]["handle"], row["profile"]["platform"]) for row in only] == [("paul.cuisine", "tiktok")]
    bad = api_client_for(alice).get(f"/api/v1/discovery/{creators['food'].pk}/lookalikes/?platform=myspace")
    assert bad.status_code == 400
    page = alice_client.get(f"/discovery/profiles/{creators['food'].pk}/similar/?platform=tiktok").content.decode()
    assert "@paul.cuisine" in page and "@liftwithsam" not in page and 'aria-current="page"' in page
