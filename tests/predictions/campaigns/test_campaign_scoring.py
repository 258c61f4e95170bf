"""Every new version is scored on the `ml` queue; the score card shows progress, the result or a readable failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image

from config.celery import app
from config.jobs import JobStatus
from ml.engine.likes.standing import standing_among
from predictions.campaigns import scoring, services
from predictions.campaigns.models import VersionScore
from predictions.campaigns.tasks import score_submission_version
from tests.predictions.campaigns.uploads import GOOD_CAPTION, jpeg_upload

pytestmark = pytest.mark.django_db


def test_scoring_task_is_routed_to_the_ml_queue():
    assert score_submission_version.name == "predictions.campaigns.tasks.score_submission_version"
    route = app.amqp.router.route({}, score_submission_version.name)
    assert route["queue"].name == "ml"


def test_a_new_version_is_scored_by_the_real_engine(make_submission, like_model, ivy_profile):
    submission = make_submission(uploads=[jpeg_upload("a.jpg"), jpeg_upload("b.jpg", size=(300, 600), color="teal")])
    version = submission.versions.get()
    score = version.score
    assert score.status == JobStatus.DONE and score.error == ""
    assert 0 < score.predicted_likes_low <= score.predicted_likes <= score.predicted_likes_high
    assert 0 <= score.virality_score <= 1
    # The account's own posts (mean 1,075 likes) are the baseline the ratio is measured against.
    assert score.ratio_to_mean == pytest.approx(score.predicted_likes / 1075, rel=0.02)
    assert len(score.best_times) == 3 and all({"slot", "predicted_likes", "lift"} <= set(s) for s in score.best_times)
    # Notes about the prediction itself (here: the range fitted to the account's record) come first, then drivers.
    notes = [r for r in score.reasons if r["direction"] == "none"]
    drivers = score.reasons[len(notes) :]
    assert [r["feature"] for r in notes] == ["account_range"] and score.reasons[: len(notes)] == notes
    assert drivers and all(r["direction"] in ("up", "down") and r["text"] for r in drivers)
    assert score.model_version == like_model.version
    assert score.progress_done == score.progress_total == 3
    assert all("path" not in features for features in score.image_features)
    first, second = score.image_features
    assert (first["width"], first["height"], second["aspect_ratio"]) == (320, 240, 2.0)
    assert first["faces"] == [] and second["faces"] == []  # flat colour: the Haar cascade finds nobody
    assert first["brightness"] > second["brightness"]  # orange is lighter than teal
    for row in version.images.all():
        assert row.faces_preview
        with Image.open(row.faces_preview.path) as preview:
            assert preview.size == (row.width, row.height)


def test_the_faces_preview_draws_the_engines_boxes(make_submission):
    """No face photo ships with the packages in the venv (OpenCV and Pillow wheels carry no test images, matplotlib
    is not installed, and the cascade finds no face in sklearn's china.jpg or flower.jpg), and a drawn face is not
    reliably detected, so the boxes are given here; drawing them is ml.likes.annotate_image, for real."""
    row = make_submission().versions.get().images.get()
    scoring._faces_preview(row, {"faces": [{"x": 10, "y": 10, "w": 60, "h": 60, "smiling": False, "eyes": 2}]})
    row.refresh_from_db()
    with Image.open(row.faces_preview.path) as preview:
        red, green, blue = preview.convert("RGB").getpixel((10, 40))
        assert green > 150 and red < 120  # the green box edge, drawn over orange
        assert preview.convert("RGB").getpixel((160, 200))[0] > 200  # elsewhere the photo is untouched


@pytest.fixture
def broken_model(like_model, settings, tmp_path):
    """A copy of the shipped artifacts whose active weights file is not a weights file (a damaged deploy)."""
    import shutil
    from pathlib import Path

    original = Path(settings.ML_ARTIFACTS_DIR)
    copy = tmp_path / "artifacts"
    shutil.copytree(original, copy)
    settings.ML_ARTIFACTS_DIR = str(copy)
    weights = copy / like_model.artifact_path / "weights.npz"
    good = weights.read_bytes()
    weights.write_bytes(b"not a numpy archive")
    yield lambda: weights.write_bytes(good)


def test_a_failed_score_keeps_a_readable_reason_that_the_page_shows(
    make_submission, broken_model, like_model, ivy, client, django_capture_on_commit_callbacks
):
    submission = make_submission()
    score = submission.versions.get().score
    assert score.status == JobStatus.FAILED
    assert score.error.startswith(f"The like model {like_model.version} cannot be loaded")
    assert "python manage.py train_model like-prediction" in score.error
    client.force_login(ivy)
    page = client.get(reverse("predictions:submission_detail", args=[submission.pk])).content.decode()
    assert f"The like model {like_model.version} cannot be loaded" in page

    broken_model()  # the weights are restored
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("predictions:score_retry", args=[score.pk]))
    assert response.status_code == 302
    score.refresh_from_db()
    assert score.status == JobStatus.DONE and score.predicted_likes > 0 and score.error == ""


def test_an_image_gone_from_disk_fails_the_score_with_its_name(
    campaign, ivy, ivy_profile, planned_at, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submission = services.submission_create(
            user=ivy,
            campaign=campaign,
            profile=ivy_profile,
            caption=GOOD_CAPTION,
            planned_at=planned_at,
            uploads=[jpeg_upload("sunset.jpg")],
            submit=True,
        )
    row = submission.versions.get().images.get()
    Path(row.image.path).unlink()  # e.g. media storage lost the file before the worker picked the job up
    for callback in callbacks:
        callback()
    score = submission.versions.get().score
    assert score.status == JobStatus.FAILED
    assert score.error.startswith(f"Could not read the image {Path(row.image.name).name}")


def test_scoring_is_idempotent(make_submission):
    score = make_submission().versions.get().score
    assert scoring.version_score_run(score_id=score.pk) is None
    again = VersionScore.objects.get(pk=score.pk)
    assert (again.status, again.finished_at, again.predicted_likes) == (
        JobStatus.DONE,
        score.finished_at,
        score.predicted_likes,
    )


def test_score_card_polls_while_pending_and_stops_when_done(make_submission, ivy, client, charlie_client):
    submission = make_submission()
    score = submission.versions.get().score
    VersionScore.objects.filter(pk=score.pk).update(status=JobStatus.RUNNING, progress_done=1, progress_total=3)
    client.force_login(ivy)
    url = reverse("predictions:score_card", args=[score.pk])
    running = client.get(url, headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in running.content.decode()
    assert "step 1 of 3" in running.content.decode() and "HX-Refresh" not in running
    VersionScore.finish(score.pk)
    done = client.get(url, headers={"HX-Request": "true"})
    assert "hx-trigger" not in done.content.decode()
    assert f'id="predicted-likes">{round(score.predicted_likes):,} <' in done.content.decode()
    assert done["HX-Refresh"] == "true"
    assert charlie_client.get(url).status_code == 404


def test_submission_page_has_score_card_chart_and_faces(make_submission, rey, client):
    submission = make_submission()
    client.force_login(rey)
    page = client.get(reverse("predictions:submission_detail", args=[submission.pk])).content.decode()
    assert 'id="score-card"' in page and 'data-score-status="done"' in page
    score = submission.versions.get().score
    assert f'id="predicted-likes">{round(score.predicted_likes):,} <' in page
    assert f'id="virality-score">{round(100 * score.virality_score)}%<' in page
    # Leading with where the draft lands among the account's own posts, worked out from the same prediction.
    likes = list(submission.profile.posts.order_by("-taken_at").values_list("likes", flat=True)[:10])
    standing = standing_among(
        likes, p50=score.predicted_likes, p10=score.predicted_likes_low, p90=score.predicted_likes_high
    )
    assert score.standing == standing.to_dict() and score.standing["of"] == len(likes)
    assert f"Expected to beat <strong>{standing.beats} of its last {len(likes)} posts</strong>" in page
    assert page.index('id="score-standing"') < page.index('id="virality-score"')
    assert 'id="likes-chart"' in page and "chart.umd.min.js" in page
    # the prediction against the account's recent posts
    assert f'"p50": {score.predicted_likes}' in page and '"likes": 1300' in page
    assert "0 faces detected" in page and "faces-img" in page and 'id="review-panel"' in page


def test_the_score_card_says_where_its_best_times_come_from_and_draws_the_accounts_heatmap(
    make_submission, rey, client
):
    from ml.engine.likes.timing import timing_map
    from tests.ml.test_likes_timing import BERLIN, _history

    submission = make_submission()
    client.force_login(rey)
    url = reverse("predictions:submission_detail", args=[submission.pk])
    score = submission.versions.get().score
    assert score.timing["basis"] == "model" and not score.timing["enough"]
    page = client.get(url).content.decode()
    assert "From the model (posts like this one at each hour)" in page and "too few to read its own" in page
    assert 'id="timing-heatmap"' not in page
    # An account with ten weeks of daily posts: its own best hours, and the heatmap they come from.
    heat = timing_map(_history(tuesday_evening_boost=1.6), BERLIN)
    VersionScore.objects.filter(pk=score.pk).update(timing={**heat.to_dict(), "basis": "history"})
    page = client.get(url).content.decode()
    assert "Chosen from the account&#x27;s own 70 posts" in page or "Chosen from the account's own 70 posts" in page
    assert 'id="timing-heatmap"' in page and 'title="Tue 18:00–21:00: 10 posts, +' in page
    assert page.count('class="timing-cell timing-up-2"') >= 1 and "timing-empty" in page
