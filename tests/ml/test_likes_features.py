"""Deterministic parts of the like-prediction features: image statistics, EXIF, captions, descriptions, timing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from ml.engine.likes.features import (
    FEATURE_NAMES,
    INDEX,
    AccountContext,
    ImageInputs,
    feature_row,
    time_weighted_baseline,
)
from ml.engine.likes.records import PostRecord, account_from_json
from ml.engine.likes.text import caption_stats, count_emoji, parse_image_description

DATA = Path(__file__).resolve().parents[1] / "data" / "ml"


def _write(array: np.ndarray, path: Path) -> Path:
    from PIL import Image

    Image.fromarray(array).save(path, quality=95)
    return path


def test_brightness_and_contrast_order_images_as_expected(tmp_path: Path) -> None:
    from ml.engine.likes.image import analyze_image

    rng = np.random.default_rng(0)
    dark = _write(np.full((120, 120, 3), 30, np.uint8), tmp_path / "dark.jpg")
    bright = _write(np.full((120, 120, 3), 220, np.uint8), tmp_path / "bright.jpg")
    noisy = _write(rng.integers(0, 255, (120, 120, 3), dtype=np.uint8), tmp_path / "noisy.jpg")
    dark_f, bright_f, noisy_f = (analyze_image(p) for p in (dark, bright, noisy))
    assert dark_f.brightness < 60 < 190 < bright_f.brightness
    assert noisy_f.contrast > 40 > dark_f.contrast
    assert noisy_f.faces == [] and dark_f.faces == []


def test_sharpness_drops_when_the_image_is_blurred(tmp_path: Path) -> None:
    import cv2

    from ml.engine.likes.image import analyze_image

    sharp = np.zeros((200, 200, 3), np.uint8)
    sharp[::10] = 255
    blurred = cv2.GaussianBlur(sharp, (15, 15), 5)
    assert (
        analyze_image(_write(sharp, tmp_path / "s.jpg")).sharpness
        > 5 * analyze_image(_write(blurred, tmp_path / "b.jpg")).sharpness
    )


def test_colourfulness_is_zero_for_grey_and_high_for_saturated_colours(tmp_path: Path) -> None:
    from ml.engine.likes.image import analyze_image

    grey = analyze_image(_write(np.full((60, 60, 3), 128, np.uint8), tmp_path / "g.jpg"))
    colourful = analyze_image(DATA / "checker_landscape.jpg")
    assert grey.colourfulness < 3 < 30 < colourful.colourfulness


def test_exif_orientation_is_applied_before_measuring() -> None:
    from ml.engine.likes.image import analyze_image

    plain = analyze_image(DATA / "checker_landscape.jpg")
    rotated = analyze_image(DATA / "exif_rotated.jpg")
    assert (plain.width, plain.height) == (160, 90)
    assert (rotated.width, rotated.height) == (90, 160)
    assert plain.aspect_ratio == pytest.approx(90 / 160)
    assert rotated.aspect_ratio == pytest.approx(160 / 90)


def test_large_images_are_downscaled_but_boxes_use_full_size_coordinates(tmp_path: Path) -> None:
    from ml.engine.likes.image import analyze_image

    big = analyze_image(_write(np.full((2000, 1000, 3), 90, np.uint8), tmp_path / "big.jpg"))
    assert (big.width, big.height) == (1000, 2000)
    assert big.aspect_ratio == pytest.approx(2.0)


def test_annotated_preview_draws_the_boxes(tmp_path: Path) -> None:
    from PIL import Image

    from ml.likes import annotate_image

    source = _write(np.full((100, 100, 3), 0, np.uint8), tmp_path / "black.jpg")
    out = annotate_image(
        str(source), [{"x": 20, "y": 20, "w": 40, "h": 40, "smiling": False}], str(tmp_path / "out" / "preview.jpg")
    )
    pixels = np.asarray(Image.open(out).convert("RGB")).astype(int)
    assert pixels[20, 40, 1] > 120  # on the green box edge
    assert pixels[40, 40].sum() < 40  # inside the box stays black


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Image may contain: 2 people, people smiling, outdoor", {"people": 2, "smiling": 1, "closeup": 0}),
        ("Image may contain: 1 person, selfie and closeup", {"people": 1, "smiling": 0, "closeup": 1}),
        ("Image may contain: one or more people and crowd", {"people": 10, "smiling": 0, "closeup": 0}),
        ("Image may contain: one or more people, shoes", {"people": 1, "smiling": 0, "closeup": 0}),
        ("Image may contain: 12 people, people standing", {"people": 10, "smiling": 0, "closeup": 0}),
        ("Image may contain: food", {"people": 0, "smiling": 0, "closeup": 0}),
    ],
)
def test_instagram_image_descriptions_map_to_the_opencv_features(description: str, expected: dict) -> None:
    parsed = parse_image_description(description)
    assert parsed["image_known"] == 1.0
    assert {k: parsed[k] for k in expected} == expected


@pytest.mark.parametrize("description", ["", "No photo description available."])
def test_missing_descriptions_are_marked_unknown(description: str) -> None:
    assert parse_image_description(description) == {"image_known": 0.0, "people": 0.0, "smiling": 0.0, "closeup": 0.0}


def test_caption_features_count_hashtags_mentions_and_emoji() -> None:
    stats = caption_stats("Sunset with @anna.b and @tom 🌅🔥 #travel #sea #ad?")
    assert stats["hashtags"] == 3 and stats["mentions"] == 2 and stats["emoji"] == 2
    assert stats["has_question"] == 1.0 and stats["words"] == 9
    assert count_emoji("no emoji here") == 0
    assert caption_stats("")["chars"] == 0


def test_time_weighted_baseline_halves_the_weight_every_three_posts() -> None:
    assert time_weighted_baseline([10.0]) == 10.0
    # Weights oldest..newest: 0.5, 2^(-2/3), 2^(-1/3), 1 → newest dominates.
    value = time_weighted_baseline([0.0, 0.0, 0.0, 12.0])
    weights = 0.5 ** (np.arange(3, -1, -1) / 3)
    assert value == pytest.approx(12.0 / weights.sum())
    assert time_weighted_baseline([]) == 0.0


def _history(n: int = 6) -> list[PostRecord]:
    start = datetime(2019, 1, 1, 18, tzinfo=UTC)
    return [
        PostRecord(
            taken_at=start + timedelta(days=2 * i),
            caption="Hello #a",
            likes=1000 * (i + 1),
            comments=10,
            image_description="Image may contain: 1 person",
        )
        for i in range(n)
    ]


def test_feature_row_reflects_account_context_and_timing() -> None:
    context = AccountContext.from_history(_history(), followers=100_000)
    row = feature_row(
        context,
        caption="Hi",
        media_type="carousel",
        planned_at=datetime(2019, 1, 13, 18, tzinfo=UTC),
        image=ImageInputs(known=True, people=3, smiling=True),
        caption_embedding=np.ones(16),
    )
    assert row.shape == (len(FEATURE_NAMES),)
    assert row[INDEX["type_carousel"]] == 1 and row[INDEX["type_image"]] == 0
    assert row[INDEX["acc_type_seen"]] == 0  # the account never posted a carousel
    assert row[INDEX["t_gap_days"]] == pytest.approx(np.log1p(2.0))
    assert row[INDEX["t_hour_vs_habit"]] == pytest.approx(0.0, abs=1e-6)  # it always posts at 18:00
    assert row[INDEX["acc_trend"]] > 0  # likes grow post after post
    assert row[INDEX["img_people_vs_account"]] == pytest.approx(np.log1p(3) - np.log1p(1))
    assert row[INDEX["img_stats_missing"]] == 1  # described, not measured
    assert context.likes_median == 3500 and context.engagement_rate == pytest.approx(0.0351)


def test_profile_json_is_parsed_oldest_first_with_missing_caption_as_empty() -> None:
    account = account_from_json(
        {
            "username": "a",
            "edge_followed_by": 5,
            "posts": [
                {
                    "taken_at_timestamp": 200,
                    "edge_media_to_caption": "None",
                    "edge_liked_by": 3,
                    "__typename": "GraphVideo",
                },
                {
                    "taken_at_timestamp": 100,
                    "edge_media_to_caption": "x",
                    "edge_liked_by": 4,
                    "__typename": "GraphSidecar",
                    "dimensions": {"width": 1080, "height": 1350},
                },
                {"edge_liked_by": 9},  # undated: skipped
            ],
        }
    )
    assert [p.likes for p in account.posts] == [4, 3]
    assert account.posts[1].caption == "" and account.posts[1].media_type == "video"
    assert account.posts[0].media_type == "carousel" and account.posts[0].height == 1350


def test_preview_of_a_large_image_scales_full_size_boxes(tmp_path: Path) -> None:
    from PIL import Image

    from ml.engine.likes.image import annotate_image

    source = _write(np.zeros((2160, 2160, 3), np.uint8), tmp_path / "large.jpg")
    out = annotate_image(
        source, [{"x": 400, "y": 400, "w": 800, "h": 800, "smiling": True}], tmp_path / "p.jpg", max_side=1080
    )
    pixels = np.asarray(Image.open(out).convert("RGB")).astype(int)
    assert pixels.shape[:2] == (1080, 1080)
    assert pixels[200, 400, 0] > 150  # top edge of the box, halved: yellow (smiling)
    assert pixels[400, 400].sum() < 40


def test_virality_probability_follows_the_predicted_quantiles() -> None:
    from ml.engine.likes.model import LikeModel

    quantiles = np.array([[0.0, -1.0, 2.0]])  # centre, p10, p90 (asymmetric)
    assert LikeModel.exceedance(quantiles, 0.0)[0] == pytest.approx(0.5)
    assert LikeModel.exceedance(quantiles, 2.0)[0] == pytest.approx(0.1)
    assert LikeModel.exceedance(quantiles, -1.0)[0] == pytest.approx(0.9)
    assert LikeModel.exceedance(quantiles, 5.0)[0] < 0.01


def test_scoring_runs_single_threaded_and_restores_opencv_threads() -> None:
    import cv2

    from ml.engine.likes.scoring import single_threaded

    before = cv2.getNumThreads()
    with single_threaded():
        assert cv2.getNumThreads() == 1
    assert cv2.getNumThreads() == before


def test_a_real_face_is_found_upright_and_with_the_head_tilted() -> None:
    """A public-domain portrait (tests/data/ml/SOURCE.md): one face, found upright and with the head tilted by 25°
    as in many selfies, where the Haar cascade used before found none."""
    from PIL import Image

    from ml.engine.likes.image import analyze_array, analyze_image

    upright = analyze_image(DATA / "astronaut.jpg")
    assert upright.people == 1
    face = upright.faces[0]
    assert 150 < face["x"] + face["w"] / 2 < 300 and 60 < face["y"] + face["h"] / 2 < 200  # on her face
    tilted = np.asarray(Image.open(DATA / "astronaut.jpg").rotate(25, resample=Image.Resampling.BICUBIC))
    assert analyze_array(tilted).people == 1
    assert analyze_image(DATA / "checker_landscape.jpg").people == 0
