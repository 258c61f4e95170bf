"""The account's niche is a like-model input: kim2020's labelled categories in training, discovery's niche at
scoring (the agency's correction, else the niche model's)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from ml.engine.likes.features import INDEX, NICHES, AccountContext, niche_values
from ml.engine.likes.records import read_post_nodes

KIM = Path(__file__).resolve().parents[2] / "ml" / "datasets" / "ig-influencer-categories-kim2020"
NOW = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)


def test_kim2020_accounts_carry_their_labelled_category():
    labelled = {}
    for line in (KIM / "influencers.tsv").read_text(encoding="utf-8").split("\n")[1:]:
        cells = line.split("\t")
        if len(cells) > 1:
            labelled[cells[0].lower()] = cells[1]
    accounts = read_post_nodes(KIM / "posts.jsonl")
    known = [a for a in accounts if a.niche]
    assert len(known) > 0.9 * len(accounts)
    assert all(labelled[a.handle.lower()] == a.niche for a in known[:500])


def test_an_unknown_or_misspelt_niche_is_unknown():
    assert niche_values("food")["niche_food"] == 1.0 and niche_values("food")["niche_unknown"] == 0.0
    for value in ("", "fasion", "fashion 0.5"):
        values = niche_values(value)
        assert values["niche_unknown"] == 1.0 and sum(values[f"niche_{n}"] for n in NICHES) == 0.0
    context = AccountContext.from_history([], 20_000, prior_like_rate=-4.0, niche="travel")
    assert context.values["niche_travel"] == 1.0 and "niche_travel" in INDEX


def test_a_niche_beyond_the_kim2020_eight_is_other_to_the_like_model():
    # The like model was trained on kim2020's nine labels, where a musician or an athlete is "other".
    assert niche_values("music") == niche_values("other") == niche_values("sports")
    assert niche_values("music")["niche_other"] == 1.0


@pytest.mark.slow
def test_discoverys_niche_reaches_the_prediction(db):
    """A cold-start account (follower count only): the shipped model reads the niche it is given, and the
    campaigns path hands it discovery's niche for the profile."""
    from discovery.models import ProfileInsight
    from discovery.selectors import profile_niche
    from ml.likes import score_draft
    from ml.services import register_shipped_artifacts
    from tests.factories import ProfileFactory

    register_shipped_artifacts()
    profile = ProfileFactory(handle="new.creator", followers_count=20_000)
    assert profile_niche(profile=profile) == ""
    ProfileInsight.objects.create(
        profile=profile,
        organization=profile.organization,
        platform=profile.platform,
        handle=profile.handle,
        niche="food",
    )
    assert profile_niche(profile=profile) == "food"

    def predicted(niche: str) -> int:
        return score_draft(
            profile=profile,
            caption="Lunch at the market",
            planned_at=NOW + timedelta(days=1),
            media_type="image",
            image_paths=[],
            now=NOW,
            niche=niche,
        ).predicted_likes

    by_niche = {niche: predicted(niche) for niche in ("", *NICHES)}
    assert len(set(by_niche.values())) > 3  # the niches move the prediction
    assert np.all(np.array(list(by_niche.values())) > 0)
