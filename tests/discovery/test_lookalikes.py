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
