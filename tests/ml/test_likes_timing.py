"""Best times from the account's own history (ml.engine.likes.timing): the heatmap reads the account's time zone,
does not mistake growth for good hours, needs enough history, and drives the score card's best times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ml.engine.likes.records import PostRecord
from ml.engine.likes.timing import MIN_POSTS, timing_map

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 1, 5, tzinfo=UTC)  # a Monday, winter time: Berlin is UTC+1


def _history(days: int = 70, *, growth: float = 1.0, tuesday_evening_boost: float = 1.0) -> list[PostRecord]:
    """One post a day at 10:00 UTC (11:00 Berlin), and on Tuesdays at 17:00 UTC (18:00 Berlin) instead."""
    posts = []
    for day in range(days):
        moment = START + timedelta(days=day)
        tuesday = moment.weekday() == 1
        likes = 1000 * growth**day * (tuesday_evening_boost if tuesday else 1.0)
        posts.append(PostRecord(taken_at=moment.replace(hour=17 if tuesday else 10), likes=int(likes)))
    return posts


def test_the_best_cell_is_where_the_accounts_posts_did_best_in_its_own_time_zone():
    heat = timing_map(_history(tuesday_evening_boost=1.6), BERLIN)
    assert heat.enough and heat.posts == 70
    effect, posts = heat.effect_at(datetime(2026, 3, 3, 18, 30, tzinfo=BERLIN))  # a Tuesday, 18:00-21:00 block
    assert posts == 10 and effect > 0.3  # ln 1.6 = 0.47, pulled a little towards zero
    assert heat.effect_at(datetime(2026, 3, 4, 11, 0, tzinfo=BERLIN))[0] < 0.05  # Wednesday late morning: usual
    cells = heat.to_dict()["rows"][1]["cells"]  # Tuesday
    assert cells[6] == {"block": "18:00–21:00", "posts": 10, "percent": cells[6]["percent"]}
    assert 35 < cells[6]["percent"] < 60


def test_growth_alone_does_not_make_any_hour_look_good():
    heat = timing_map(_history(growth=1.03), BERLIN)  # +3% a day: the late posts get far more likes
    assert abs(heat.effect_at(datetime(2026, 3, 3, 18, 30, tzinfo=BERLIN))[0]) < 0.05
    assert abs(heat.effect_at(datetime(2026, 3, 4, 11, 0, tzinfo=BERLIN))[0]) < 0.05


def test_too_little_history_is_not_enough():
    assert not timing_map(_history(days=MIN_POSTS - 1), BERLIN).enough
    assert not timing_map(_history(days=70)[::4], BERLIN).enough  # 18 posts
    assert not timing_map([], BERLIN).enough


@pytest.mark.slow
def test_the_score_cards_best_times_come_from_the_history_when_there_is_enough(db):
    from ml.likes import score_draft
    from tests.factories import PostFactory, ProfileFactory

    profile = ProfileFactory(handle="evening.poster", followers_count=80_000, timezone="Europe/Berlin")
    for post in _history(tuesday_evening_boost=1.6):
        PostFactory(profile=profile, taken_at=post.taken_at, likes=post.likes, comments=20, caption="Day out")
    now = datetime(2026, 3, 15, 9, 0, tzinfo=UTC)  # a Sunday
    score = score_draft(
        profile=profile,
        caption="Evening walk",
        planned_at=now + timedelta(days=1),
        media_type="image",
        image_paths=[],
        now=now,
    )
    assert score.best_times_basis == "history" and score.timing["enough"]
    first = score.best_times[0]
    assert first["slot"].weekday() == 1 and 18 <= first["slot"].hour < 21  # Tuesday evening, Berlin
    assert first["history"]["posts"] == 10 and first["history"]["percent"] > 30
    assert first["note"].startswith("Its 10 posts on Tue 18:00–21:00 did +")
    # Without the history (a profile with 14 posts) the model picks the hours, and says so on the card.
    few = ProfileFactory(handle="new.poster", followers_count=80_000, timezone="Europe/Berlin")
    for post in _history(days=14):
        PostFactory(profile=few, taken_at=post.taken_at, likes=post.likes, comments=20, caption="Day out")
    assert (
        score_draft(
            profile=few, caption="x", planned_at=now + timedelta(days=1), media_type="image", image_paths=[], now=now
        ).best_times_basis
        == "model"
    )
