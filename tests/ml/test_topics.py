"""Niches beyond the kim2020 eight (ml.engine.categories.topics, ml.niches): the shares' arithmetic, the wording,
the labelled files read right or refused, and the shipped extension on creators it never saw."""

from __future__ import annotations

import numpy as np
import pytest

from ml.engine.categories.records import CATEGORIES, InfluencerPosts, PostText
from ml.engine.categories.topics import (
    LIFESTYLE,
    NEW_NICHES,
    NICHES,
    TOPICS,
    TopicModel,
    collapse_to_kim,
    combine,
    describe_niche,
)


def _random_rows(rng, n, width):
    rows = rng.random((n, width)) + 1e-3
    return rows / rows.sum(axis=1, keepdims=True)


def test_shares_sum_to_one_and_fold_back_onto_the_kim2020_labels():
    rng = np.random.default_rng(0)
    first, topics = _random_rows(rng, 50, len(CATEGORIES)), _random_rows(rng, 50, len(TOPICS))
    model = TopicModel(prototypes=np.eye(len(NEW_NICHES), 4), coef=np.zeros((len(TOPICS), 4)), intercept=np.zeros(4))
    shares = model.extend(first, topics)
    assert shares.shape == (50, len(NICHES))
    np.testing.assert_allclose(shares.sum(axis=1), 1.0, atol=1e-9)
    # The default gate trusts the first stage alone: folding the new niches into "other" gives its shares back.
    np.testing.assert_allclose(collapse_to_kim(shares), first, atol=1e-9)


def test_the_gate_moves_mass_between_lifestyle_and_the_new_niches_only():
    first = np.array([[0.05, 0.05, 0.6, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05]])  # fashion
    topics = np.zeros((1, len(TOPICS)))
    topics[0, TOPICS.index("music")] = 0.9
    topics[0, TOPICS.index("lifestyle")] = 0.1
    shares = combine(first, topics, np.array([0.2]))[0]
    assert NICHES[int(shares.argmax())] == "music"
    assert shares[NICHES.index("music")] == pytest.approx(0.8)  # 1 - gate, all of the topic model's non-lifestyle
    lifestyle = shares[: len(LIFESTYLE)]
    assert lifestyle.sum() == pytest.approx(0.2)
    assert lifestyle.argmax() == LIFESTYLE.index("fashion")  # the first stage still orders the lifestyle niches


def test_a_niche_is_named_only_when_more_likely_right_than_wrong():
    shares = [{"category": "music", "share": 0.41}, {"category": "entertainment", "share": 0.33}]
    assert describe_niche("music", 0.41, shares) == "Mixed: Music 41% · Entertainment & comedy 33%"
    assert describe_niche("music", 0.72, shares) == "Music 72%"
    assert describe_niche("tech", 0.3, shares, corrected=True) == "Tech & science"
    assert describe_niche("", None, []) == "–"


def test_the_stated_categories_file_is_read_or_refused_with_its_line(tmp_path):
    from ml.niches import read_stated

    good = tmp_path / "good.tsv"
    good.write_text("username\tcategory\tcategory_2\tlists\nAriana\tMusic\t\t2022-06\nx\tAdult content\t\t2022-06\n")
    assert read_stated(good) == {"ariana": "music"}  # a category the taxonomy leaves out is dropped, by rule
    bad = tmp_path / "bad.tsv"
    bad.write_text("username\tcategory\nariana\tSingers\n")
    with pytest.raises(ValueError, match=r"bad.tsv:2: unknown category 'Singers'"):
        read_stated(bad)
    headless = tmp_path / "headless.tsv"
    headless.write_text("ariana\tMusic\n")
    with pytest.raises(ValueError, match="header"):
        read_stated(headless)


def test_every_category_of_the_shipped_lists_has_a_place_in_the_taxonomy():
    from ml.engine.categories.topics import LIST_CATEGORIES
    from ml.niches import LABELS_FILE

    lines = LABELS_FILE.read_text(encoding="utf-8").splitlines()[1:]
    categories = {line.split("\t")[1] for line in lines}
    assert len(lines) > 1000
    assert categories <= set(LIST_CATEGORIES)
    assert {v for v in LIST_CATEGORIES.values() if v} <= set(NICHES)


CREATORS = {
    # Written for this test (never in any training file): what each kind of creator posts.
    "music": (
        "Singer-songwriter. New album 'Night Drive' out Friday",
        [
            "Rehearsals for the tour start tomorrow, can't wait to play the new songs live #tour #newmusic",
            "Studio day with the band, finishing the last track of the record #studio #album",
            "Thank you Berlin! Sold out show last night, you sang every word #concert #live",
        ],
    ),
    "sports": (
        "Professional footballer | Midfielder",
        [
            "Huge win tonight, three points and a clean sheet! Proud of the team #matchday #football",
            "Back in training after the break, preseason starts now #training #soccer",
            "What a goal in the derby, the fans were unbelievable #goal #league",
        ],
    ),
    "food": (
        "Home cook sharing easy recipes",
        [
            "Sunday roast chicken with lemon, garlic and rosemary potatoes #recipe #dinner #homecooking",
            "Fresh pasta from scratch: flour, eggs and a little patience #pasta #foodie",
            "Banana bread with walnuts, the easiest bake of the week #baking #dessert",
        ],
    ),
}


@pytest.mark.django_db
def test_the_shipped_extension_names_musicians_and_athletes_and_keeps_lifestyle_creators():
    from ml.categories import classify

    records = [
        InfluencerPosts(
            username=f"creator_{niche}",
            full_name="Sam Taylor",
            bio=bio,
            posts=[PostText(caption=caption, post_id=str(k)) for k, caption in enumerate(captions)],
        )
        for niche, (bio, captions) in CREATORS.items()
    ]
    predictions, version = classify(records)
    assert "+" in version  # the first stage and the extension both named
    assert [p.category for p in predictions] == list(CREATORS)
    for prediction in predictions:
        assert sum(share for _, share in prediction.shares) == pytest.approx(1.0, abs=1e-6)
        assert {niche for niche, _ in prediction.shares} == set(NICHES)
