"""score_draft, the door the campaigns workflow calls, on the committed artifact and a stored profile."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from config.errors import ApplicationError
from ml.likes import LikeScore, score_draft

DATA = Path(__file__).resolve().parents[1] / "data" / "ml"
NOW = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)

pytestmark = pytest.mark.slow


def _score(profile, **overrides) -> LikeScore:
    arguments = {
        "profile": profile,
        "caption": "Sunset swim with @anna 🌅 #summer #ad",
        "planned_at": NOW + timedelta(days=1, hours=8),
        "media_type": "image",
        "image_paths": [str(DATA / "checker_landscape.jpg")],
        "now": NOW,
    }
    return score_draft(**{**arguments, **overrides})


def test_score_has_ordered_interval_and_probability(scored_profile) -> None:
    score = _score(scored_profile)
    assert 0 < score.predicted_likes_low <= score.predicted_likes <= score.predicted_likes_high
    assert 0.0 <= score.virality_score <= 1.0
    # The account gets 9–14k likes a post: the prediction stays in that world.
    assert 2_000 < score.predicted_likes < 60_000
    assert score.ratio_to_mean == pytest.approx(score.predicted_likes / score.account_mean_likes, rel=1e-3)
    assert score.model_version


def test_best_times_are_three_distinct_slots_in_the_next_week_in_the_profile_timezone(scored_profile) -> None:
    score = _score(scored_profile)
    assert len(score.best_times) == 3
    slots = [slot["slot"] for slot in score.best_times]
    assert all(NOW < slot <= NOW + timedelta(days=7) for slot in slots)
    assert all(str(slot.tzinfo) == "Europe/Berlin" for slot in slots)
    assert len(set(slots)) == 3
    predicted = [slot["predicted_likes"] for slot in score.best_times]
    assert predicted == sorted(predicted, reverse=True)
    assert score.best_times[0]["lift"] >= score.best_times[-1]["lift"]


def test_reasons_are_plain_words_with_a_direction(scored_profile) -> None:
    score = _score(scored_profile)
    # 14 posts: the range is fitted to the account's record, said first; then the drivers.
    caveat, *drivers = score.reasons
    assert caveat["feature"] == "account_range" and caveat["direction"] == "none"
    assert caveat["text"].startswith("Range fitted to this account: on its last 8 posts")
    assert drivers
    for reason in drivers:
        assert reason["direction"] in {"up", "down"}
        assert (reason["contribution"] > 0) == (reason["direction"] == "up")
        assert reason["text"].endswith("%.") and ("raises" in reason["text"] or "lowers" in reason["text"])


def test_image_features_come_back_per_image_and_the_result_is_json(scored_profile) -> None:
    score = _score(
        scored_profile,
        image_paths=[str(DATA / "checker_landscape.jpg"), str(DATA / "exif_rotated.jpg")],
        media_type="carousel",
    )
    assert [(f["width"], f["height"]) for f in score.image_features] == [(160, 90), (90, 160)]
    assert all(isinstance(f["faces"], list) for f in score.image_features)
    data = json.loads(json.dumps(score.to_dict()))
    assert datetime.fromisoformat(data["best_times"][0]["slot"]).tzinfo is not None
    assert data["timezone"] == "Europe/Berlin"


def test_an_explicit_timezone_overrides_the_profile(scored_profile) -> None:
    score = _score(scored_profile, timezone_name="America/New_York")
    assert str(score.best_times[0]["slot"].tzinfo) == "America/New_York"


def test_bad_input_gets_a_clear_message(scored_profile, tmp_path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    with pytest.raises(ApplicationError, match="Could not read the image broken.jpg"):
        _score(scored_profile, image_paths=[str(broken)])
    with pytest.raises(ApplicationError, match="timezone"):
        _score(scored_profile, planned_at=datetime(2026, 10, 2, 12))
    with pytest.raises(ApplicationError, match="Unknown media type"):
        _score(scored_profile, media_type="reel")


def test_a_profile_without_posts_starts_from_its_follower_count(db) -> None:
    from tests.factories import ProfileFactory

    fresh = ProfileFactory(followers_count=100_000)
    score = _score(fresh, image_paths=[])
    assert 0 < score.predicted_likes_low <= score.predicted_likes <= score.predicted_likes_high
    assert score.notes and "follower count" in score.notes[0]
    nobody = ProfileFactory(followers_count=None)
    with pytest.raises(ApplicationError, match="no posts with likes"):
        _score(nobody, image_paths=[])


def test_best_times_stay_inside_the_campaign_window_after_now() -> None:
    from datetime import date
    from zoneinfo import ZoneInfo

    from ml.engine.likes.scoring import _candidate_slots

    zone = ZoneInfo("Europe/Berlin")
    slots = _candidate_slots(NOW, zone, (date(2026, 10, 3), date(2026, 10, 4)))
    assert slots and all(slot > NOW and date(2026, 10, 3) <= slot.date() <= date(2026, 10, 4) for slot in slots)
    assert len(slots) == 48 and all(str(slot.tzinfo) == "Europe/Berlin" for slot in slots)
    # A window that starts in three weeks gets its own first days, never days before it.
    later = _candidate_slots(NOW, zone, (date(2026, 10, 22), date(2026, 10, 30)))
    assert later[0].date() == date(2026, 10, 22) and later[-1].date() <= date(2026, 10, 30)
    assert _candidate_slots(NOW, zone, (date(2026, 9, 1), date(2026, 9, 20))) == []  # the campaign is over


def test_a_winning_night_slot_says_why(scored_profile) -> None:
    from datetime import date

    score = _score(scored_profile, window=(date(2026, 10, 2), date(2026, 10, 9)))
    for slot in score.best_times:
        assert date(2026, 10, 2) <= slot["slot"].date() <= date(2026, 10, 9)
        if slot["slot"].hour < 6:
            assert "night-time" in slot["note"]
        else:
            assert "note" not in slot
