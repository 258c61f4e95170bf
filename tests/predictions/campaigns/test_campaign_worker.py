"""A real Celery worker consuming only the `ml` queue scores a new version: the task is routed there, claims the row,
and the row ends finished — never stuck. Runs on the suite's broker and database (Redis and PostgreSQL in CI)."""

from __future__ import annotations

import pytest

from config.jobs import JobStatus
from predictions.campaigns import services
from predictions.campaigns.models import VersionScore
from tests.predictions.campaigns.uploads import GOOD_CAPTION, jpeg_upload
from tests.worker_fixtures import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_a_worker_on_the_ml_queue_finishes_the_score(
    start_celery_worker, media_root, campaign, ivy, ivy_profile, planned_at, like_model
):
    worker = start_celery_worker(queues=("ml",))
    submission = services.submission_create(
        user=ivy,
        campaign=campaign,
        profile=ivy_profile,
        caption=GOOD_CAPTION,
        planned_at=planned_at,
        uploads=[jpeg_upload()],
        submit=False,
    )
    score = VersionScore.objects.get(version__submission=submission)

    def finished() -> bool:
        score.refresh_from_db()
        return score.is_finished

    wait_for(finished, timeout=120, worker=worker, what="the score to finish")
    assert score.started_at is not None
    # The worker process scores with the shipped model the like_model fixture registered.
    assert score.status == JobStatus.DONE, score.error
    assert score.predicted_likes > 0 and score.model_version == like_model.version
