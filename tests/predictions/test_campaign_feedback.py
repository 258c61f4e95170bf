"""Feedback loop: published posts are matched to approved submissions, predicted vs actual is shown, and the weekly
run retrains only with enough new outcomes and activates only a better model."""
from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from ml.models import ModelVersion
from predictions.campaign_models import RetrainingRun, SubmissionStatus
from predictions.campaigns import feedback, services
from predictions.campaigns.tasks import likes_retrain_weekly
from tests.factories import PostFactory
from tests.predictions.test_campaign_fixtures import *  # noqa: F401,F403
from tests.predictions.test_campaign_fixtures import GOOD_CAPTION

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(make_submission, rey, django_capture_on_commit_callbacks):
    submission = make_submission()
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_review(user=rey, submission=submission, decision="approve")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    return submission


def test_published_post_is_matched_by_caption_and_time(approved, ivy_profile, django_capture_on_commit_callbacks):
    planned = approved.versions.get().planned_at
    PostFactory(profile=ivy_profile, taken_at=planned + dt.timedelta(hours=2), caption="Totally different words",
                likes=50)
    match = PostFactory(profile=ivy_profile, taken_at=planned + dt.timedelta(hours=3),
                        caption=GOOD_CAPTION + " 🌊", likes=1720)
    PostFactory(profile=ivy_profile, taken_at=planned + dt.timedelta(days=5), caption=GOOD_CAPTION, likes=9)
    assert feedback.submissions_match_published_posts(now=planned - dt.timedelta(hours=1)) == 0  # not yet planned
    with django_capture_on_commit_callbacks(execute=True):
        assert feedback.submissions_match_published_posts(now=planned + dt.timedelta(days=1)) == 1
    approved.refresh_from_db()
    assert approved.published_post == match and approved.actual_likes == 1720 and approved.actual_source == "matched"
    assert mail.outbox[-1].to == ["ivy@example.com"] and "Results are in" in mail.outbox[-1].subject
    assert feedback.submissions_match_published_posts(now=planned + dt.timedelta(days=1)) == 0  # idempotent


def test_no_match_when_captions_differ(approved, ivy_profile):
    planned = approved.versions.get().planned_at
    PostFactory(profile=ivy_profile, taken_at=planned, caption="Unrelated gym selfie #fitness", likes=10)
    assert feedback.submissions_match_published_posts(now=planned + dt.timedelta(days=1)) == 0


def test_manager_links_or_types_the_outcome_and_the_page_shows_predicted_vs_actual(approved, ivy_profile, alice,
                                                                                     client):
    post = PostFactory(profile=ivy_profile, caption="Something", likes=2222)
    client.force_login(alice)
    url = reverse("predictions:submission_outcome", args=[approved.pk])
    assert client.post(url, {"post": post.pk}).status_code == 302
    approved.refresh_from_db()
    assert approved.actual_likes == 2222 and approved.actual_source == "post"
    page = client.get(reverse("predictions:submission_detail", args=[approved.pk])).content.decode()
    score = approved.versions.get().score
    assert 'id="actual-likes">2,222<' in page
    assert (f"predicted {round(score.predicted_likes):,} ({round(score.predicted_likes_low):,}–"
            f"{round(score.predicted_likes_high):,})") in page
    assert '"actual": 2222' in page
    assert client.post(url, {"actual_likes": "1999"}).status_code == 302
    approved.refresh_from_db()
    assert approved.actual_likes == 1999 and approved.actual_source == "manual"


def test_outcome_for_another_profiles_post_is_refused(approved, alice, agency):
    from tests.factories import ProfileFactory

    foreign_post = PostFactory(profile=ProfileFactory(organization=agency), likes=5)
    with pytest.raises(Exception, match="another profile"):
        feedback.submission_link_post(user=alice, submission=approved, post=foreign_post)


class FakeBackend:
    def __init__(self, candidate_error: float, active_error: float) -> None:
        self.candidate_error, self.active_error = candidate_error, active_error
        self.trained_on: list[int] = []

    def train(self, *, outcomes, held_out, seed):
        self.trained_on = [o.submission_id for o in outcomes]
        return feedback.Candidate(version="likes-retrained-1", artifact_path="likes-retrained-1",
                                  metrics={"log_mse": 0.5})

    def predict(self, *, model_version, outcomes):
        factor = self.active_error if model_version is None else self.candidate_error
        return [o.actual_likes * factor for o in outcomes]


def _outcomes(make_submission, alice, count):
    for index in range(count):
        submission = make_submission()
        feedback.submission_record_actual_likes(user=alice, submission=submission, likes=1000 + index)


def _backend(fake):
    return feedback.RetrainBackend(train=fake.train, predict=fake.predict)


def test_retraining_is_skipped_without_enough_new_outcomes(make_submission, alice):
    _outcomes(make_submission, alice, 2)
    run = feedback.likes_retrain_if_enough_outcomes(min_new_outcomes=5, backend=_backend(FakeBackend(1.0, 2.0)))
    assert run.decision == "skipped" and run.new_outcomes == 2 and run.status == "done"
    assert "2 new outcomes since the active model; 5 needed." == run.detail
    assert not ModelVersion.objects.exists()


def test_a_better_candidate_is_activated_and_held_out_data_is_never_trained_on(make_submission, alice):
    ModelVersion.objects.create(task="like-prediction", version="likes-old", artifact_path="likes-old",
                                is_active=True, created_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    _outcomes(make_submission, alice, 10)
    fake = FakeBackend(candidate_error=1.05, active_error=1.8)
    run = feedback.likes_retrain_if_enough_outcomes(min_new_outcomes=10, backend=_backend(fake))
    assert run.decision == "activated", run.error
    assert RetrainingRun.objects.get() == run
    assert run.metrics["held_out"] == 2 and run.metrics["trained_on"] == 8
    held_out_ids = {o.submission_id for o in feedback.split_held_out(feedback.outcomes_since(None))[1]}
    assert len(held_out_ids) == 2
    assert not held_out_ids & set(fake.trained_on)
    assert ModelVersion.objects.get(is_active=True).version == "likes-retrained-1"
    assert run.metrics["candidate_log_mse"] < run.metrics["active_log_mse"]


def test_a_worse_candidate_is_registered_but_not_activated(make_submission, alice):
    ModelVersion.objects.create(task="like-prediction", version="likes-old", artifact_path="likes-old",
                                is_active=True, created_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    _outcomes(make_submission, alice, 5)
    run = feedback.likes_retrain_if_enough_outcomes(min_new_outcomes=5,
                                                    backend=_backend(FakeBackend(candidate_error=3.0,
                                                                                 active_error=1.1)))
    assert run.decision == "kept_active"
    assert ModelVersion.objects.get(is_active=True).version == "likes-old"
    assert ModelVersion.objects.filter(version="likes-retrained-1", is_active=False).exists()


def test_weekly_beat_entries_exist_and_expire():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["campaigns-likes-retrain-weekly"]["task"] == likes_retrain_weekly.name
    assert schedule["campaigns-likes-retrain-weekly"]["options"]["expires"] > 0
    assert schedule["campaigns-match-published-posts"]["options"]["expires"] > 0


@pytest.mark.slow
def test_the_like_engine_retrains_from_campaign_outcomes(make_submission, alice, ivy_profile, settings, tmp_path):
    """Real engine, small: 40 shipped accounts and 2 epochs. The candidate is saved, compared on held-out campaign
    outcomes against the active (shipped) model, and registered; activation follows the comparison."""
    import shutil
    from pathlib import Path

    from ml.services import register_shipped_artifacts
    from predictions.campaigns.retrain_engine import EngineRetrainBackend

    shipped = Path(settings.BASE_DIR) / "ml" / "artifacts"
    settings.ML_ARTIFACTS_DIR = str(tmp_path / "artifacts")
    shutil.copytree(shipped, settings.ML_ARTIFACTS_DIR)
    register_shipped_artifacts()
    base = tmp_path / "base.jsonl"
    source = Path(settings.BASE_DIR) / "ml" / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl"
    base.write_text("".join(source.read_text().splitlines(keepends=True)[:40]))
    for index in range(5):
        submission = make_submission(caption=f"Beach day {index} with @brand #summer #ad")
        post = PostFactory(profile=ivy_profile, caption=submission.versions.get().caption, likes=1000 + 50 * index,
                           taken_at=submission.versions.get().planned_at + dt.timedelta(minutes=index))
        feedback.submission_link_post(user=alice, submission=submission, post=post)
    engine = EngineRetrainBackend(base_dataset=base, config_overrides={"epochs": 2})
    run = feedback.likes_retrain_if_enough_outcomes(min_new_outcomes=5, backend=engine.as_backend())
    assert run.status == "done", run.error
    assert run.decision in ("activated", "kept_active")
    assert run.metrics["held_out"] == 1 and run.metrics["trained_on"] == 4
    candidate = ModelVersion.objects.get(version=run.candidate_version)
    assert (Path(settings.ML_ARTIFACTS_DIR) / candidate.artifact_path / "meta.json").exists()
    assert candidate.is_active == (run.decision == "activated")
    assert "40 accounts + 1 campaign profiles with 4 campaign outcomes" in candidate.training_data
