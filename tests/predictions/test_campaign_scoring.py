"""Every new version is scored on the `ml` queue; the score card shows progress, the result or a readable failure."""
from __future__ import annotations

import pytest
from django.urls import reverse
from PIL import Image

from config.celery import app
from config.errors import ApplicationError
from config.jobs import JobStatus
from predictions.campaign_models import VersionScore
from predictions.campaigns import scoring
from predictions.campaigns.tasks import score_submission_version
from tests.predictions.test_campaign_fixtures import *  # noqa: F401,F403
from tests.predictions.test_campaign_fixtures import jpeg_upload

pytestmark = pytest.mark.django_db


def test_scoring_task_is_routed_to_the_ml_queue():
    assert score_submission_version.name == "predictions.tasks.score_submission_version"
    route = app.amqp.router.route({}, score_submission_version.name)
    assert route["queue"].name == "ml"


def test_a_new_version_is_scored_with_faces_drawn(make_submission, fake_engine):
    submission = make_submission(uploads=[jpeg_upload("a.jpg"), jpeg_upload("b.jpg", color="teal")])
    version = submission.versions.get()
    score = version.score
    assert score.status == JobStatus.DONE and score.error == ""
    assert (score.predicted_likes, score.predicted_likes_low, score.predicted_likes_high) == (1500, 900, 2400)
    assert score.virality_score == pytest.approx(0.31) and score.ratio_to_mean == pytest.approx(1.39)
    assert [slot["lift"] for slot in score.best_times] == [0.13, 0.10, 0.07]
    assert all("path" not in features for features in score.image_features)
    assert score.image_features[0]["faces"][0]["smiling"] is True
    assert score.reasons[0]["text"] == "One smiling face raises likes."
    assert score.model_version == "likes-test-1"
    assert score.progress_done == score.progress_total == 3
    call = fake_engine.calls[0]
    assert call["profile"] == submission.profile and call["media_type"] == "carousel"
    assert call["timezone_name"] == "Europe/Berlin" and len(call["image_paths"]) == 2
    for row in version.images.all():
        assert row.faces_preview
        with Image.open(row.faces_preview.path) as preview:
            assert preview.convert("RGB").getpixel((10, 25))[1] > 200  # the green face box


def test_a_failed_score_keeps_a_readable_reason_that_the_page_shows(make_submission, fake_engine, ivy, client,
                                                                     django_capture_on_commit_callbacks):
    fake_engine.fail_with = ApplicationError("No trained like-prediction model is active.")
    submission = make_submission()
    score = submission.versions.get().score
    assert score.status == JobStatus.FAILED
    assert score.error == "No trained like-prediction model is active."
    client.force_login(ivy)
    page = client.get(reverse("predictions:submission_detail", args=[submission.pk])).content.decode()
    assert "No trained like-prediction model is active." in page

    fake_engine.fail_with = None
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("predictions:score_retry", args=[score.pk]))
    assert response.status_code == 302
    score.refresh_from_db()
    assert score.status == JobStatus.DONE and score.predicted_likes == 1500


def test_an_unexpected_engine_error_is_recorded_not_raised(make_submission, fake_engine):
    fake_engine.fail_with = RuntimeError("model file is corrupt")
    score = make_submission().versions.get().score
    assert score.status == JobStatus.FAILED
    assert score.error == "Scoring failed: RuntimeError: model file is corrupt"


def test_scoring_is_idempotent(make_submission, fake_engine):
    score = make_submission().versions.get().score
    assert scoring.version_score_run(score_id=score.pk) is None
    assert len(fake_engine.calls) == 1


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
    assert "hx-trigger" not in done.content.decode() and "1,500" in done.content.decode()
    assert done["HX-Refresh"] == "true"
    assert charlie_client.get(url).status_code == 404


def test_submission_page_has_score_card_chart_and_faces(make_submission, rey, client):
    submission = make_submission()
    client.force_login(rey)
    page = client.get(reverse("predictions:submission_detail", args=[submission.pk])).content.decode()
    assert 'id="score-card"' in page and 'data-score-status="done"' in page
    assert "1,500" in page and "31%" in page
    assert 'id="likes-chart"' in page and "chart.umd.min.js" in page
    assert '"p50": 1500.0' in page and '"likes": 1300' in page  # prediction against the account's recent posts
    assert "1 face detected" in page and "faces-img" in page and 'id="review-panel"' in page


REAL_SCORE_DRAFT = scoring.engine_score_draft
REAL_ANNOTATE = scoring.engine_annotate_image


@pytest.mark.slow
def test_the_real_like_engine_scores_a_submission_end_to_end(make_submission, monkeypatch):
    """With the shipped model (registered on first use): the row gets the engine's numbers and a faces preview."""
    monkeypatch.setattr(scoring, "engine_score_draft", REAL_SCORE_DRAFT)
    monkeypatch.setattr(scoring, "engine_annotate_image", REAL_ANNOTATE)
    submission = make_submission(uploads=[jpeg_upload("beach.jpg", size=(640, 640), color="skyblue")])
    score = submission.versions.get().score
    assert score.status == JobStatus.DONE, score.error
    assert 0 < score.predicted_likes_low <= score.predicted_likes <= score.predicted_likes_high
    assert 0 <= score.virality_score <= 1 and score.ratio_to_mean > 0
    assert len(score.best_times) == 3 and all("slot" in slot and "lift" in slot for slot in score.best_times)
    assert score.reasons and {"feature", "direction", "text"} <= set(score.reasons[0])
    assert score.model_version and "faces" in score.image_features[0]
    assert submission.versions.get().images.get().faces_preview
