"""Reasons read right for none, one and many: plurals, rounding of averages, and what each number means."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from ml.engine.authenticity.explain import reason_text
from ml.engine.likes.features import INDEX
from ml.engine.likes.scoring import _describe
from ml.engine.wording import about, count_noun, days


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (0, "0 mentions"),
        (1, "1 mention"),
        (2, "2 mentions"),
        (24800, "24,800 mentions"),
        (None, "an unknown number of mentions"),
    ],
)
def test_count_noun_agrees_with_the_count(count, text):
    assert count_noun(count, "mention") == text


def test_irregular_and_zero_wordings():
    assert count_noun(1, "person") == "1 person" and count_noun(3, "person") == "3 people"
    assert count_noun(0, "hashtag", zero="No hashtags") == "No hashtags"
    assert about(0.04, "person", zero="nobody") == "nobody"
    assert about(1.2, "person") == "about 1 person" and about(2.6, "person") == "about 3 people"
    assert days(0.3) == "under a day" and days(1.0) == "1 day" and days(3.46) == "3.5 days"


@pytest.mark.parametrize(("posts", "text"), [(0, "has never posted"), (1, "has 1 post"), (10, "has 10 posts")])
def test_authenticity_post_reason_for_none_one_and_many(posts, text):
    assert reason_text("instagram", "posts", {"posts": posts}) == text


def test_followers_are_described_as_followers_not_as_followed_back():
    text = reason_text("instagram", "audience", {"following": 1, "followers": 24800})
    assert text == "follows 1 account, followed by 24,800 accounts"
    assert "follow back" not in text


def _describe_caption(group: str, caption: str, *, usual_people: float = 0.0, media_type: str = "photo") -> str:
    row = np.zeros(len(INDEX))
    typical = np.zeros(len(INDEX))
    typical[INDEX["img_people"]] = np.log1p(usual_people)

    class Context:
        mean_caption_chars = np.log1p(40.0)
        mean_caption_hashtags = np.log1p(0.2)
        mean_gap_days = 3.0

    return _describe(
        group,
        row,
        typical,
        Context(),
        caption=caption,
        media_type=media_type,
        planned_local=datetime(2026, 6, 1, 18, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("caption", "text"), [("no tags here", "No mentions"), ("hi @brand", "1 mention"), ("@a @b @c", "3 mentions")]
)
def test_score_card_mentions_for_none_one_and_many(caption, text):
    assert _describe_caption("mentions", caption) == text


def test_score_card_never_says_about_zero_point_zero_people():
    text = _describe_caption("people", "", usual_people=0.02)
    assert "0.0" not in text and text == "No faces in the image (this account's posts usually show nobody)"
    assert _describe_caption("hashtags", "#one") == "1 hashtag (usually none)"
    assert _describe_caption("caption_length", "x").startswith("A caption of 1 character ")


def test_a_video_drafts_picture_is_its_poster_frame_not_an_image():
    assert _describe_caption("people", "", media_type="video") == (
        "No faces in the poster frame (this account's posts usually show nobody)"
    )
    assert _describe_caption("smiling", "", media_type="video") == "No smile detected in the poster frame"
