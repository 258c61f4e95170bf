"""Feedback loop: published posts are matched to approved submissions, predicted vs actual is shown, and the weekly
run retrains only with enough new outcomes and activates only a better model."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from ml import services as ml_services
from ml.models import ModelVersion
from predictions.campaigns import feedback, services
from predictions.campaigns.models import RetrainingRun, SubmissionStatus
from predictions.campaigns.tasks import likes_retrain_weekly
from profiles.models import Post
from tests.factories import PostFactory
from tests.predictions.campaigns.uploads import GOOD_CAPTION

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
    PostFactory(
        profile=ivy_profile, taken_at=planned + dt.timedelta(hours=2), caption="Totally different words", likes=50
    )
    match = PostFactory(
        profile=ivy_profile, taken_at=planned + dt.timedelta(hours=3), caption=GOOD_CAPTION + " 🌊", likes=1720
    )
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


def test_manager_links_or_types_the_outcome_and_the_page_shows_predicted_vs_actual(
    approved, ivy_profile, alice, client
):
    post = PostFactory(profile=ivy_profile, caption="Something", likes=2222)
    client.force_login(alice)
    url = reverse("predictions:submission_outcome", args=[approved.pk])
    assert client.post(url, {"post": post.pk}).status_code == 302
    approved.refresh_from_db()
    assert approved.actual_likes == 2222 and approved.actual_source == "post"
    page = client.get(reverse("predictions:submission_detail", args=[approved.pk])).content.decode()
    score = approved.versions.get().score
    assert 'id="actual-likes">2,222<' in page
    assert (
        f"predicted {round(score.predicted_likes):,} ({round(score.predicted_likes_low):,}–"
        f"{round(score.predicted_likes_high):,})"
    ) in page
    assert '"actual": 2222' in page
    assert client.post(url, {"actual_likes": "1999"}).status_code == 302
    approved.refresh_from_db()
    assert approved.actual_likes == 1999 and approved.actual_source == "manual"


def test_outcome_for_another_profiles_post_is_refused(approved, alice, agency):
    from tests.factories import ProfileFactory

    foreign_post = PostFactory(profile=ProfileFactory(organization=agency), likes=5)
    with pytest.raises(Exception, match="another profile"):
        feedback.submission_link_post(user=alice, submission=approved, post=foreign_post)


def _published(make_submission, alice, ivy_profile, count: int) -> list:
    """`count` submissions, each linked to the post that was actually published (a real outcome)."""
    submissions = []
    for index in range(count):
        submission = make_submission(caption=f"Beach day {index} with @brand #summer #ad")
        version = submission.versions.get()
        post = PostFactory(
            profile=ivy_profile,
            caption=version.caption,
            likes=1000 + 50 * index,
            taken_at=version.planned_at + dt.timedelta(minutes=index),
        )
        submissions.append(feedback.submission_link_post(user=alice, submission=submission, post=post))
    return submissions


def test_retraining_is_skipped_without_enough_new_outcomes(make_submission, alice, ivy_profile, like_model):
    Post.objects.update(fetched_at=like_model.created_at - dt.timedelta(days=1))  # known to the active model
    outcomes = _published(make_submission, alice, ivy_profile, 2)
    # Posts fetched before the active model but linked to a submission since still count as new outcomes.
    Post.objects.filter(pk__in=[s.published_post_id for s in outcomes]).update(
        fetched_at=like_model.created_at - dt.timedelta(hours=1)
    )
    run = likes_retrain_weekly.apply().get()
    assert run == "skipped"
    run = RetrainingRun.objects.get()
    assert run.decision == "skipped" and run.new_outcomes == 2 and run.status == "done"
    assert run.detail == f"2 new outcomes since the active model; {settings.CAMPAIGN_RETRAIN_MIN_OUTCOMES} needed."
    assert run.active_version == like_model.version
    assert list(ModelVersion.objects.filter(task="like-prediction")) == [like_model]


@pytest.mark.slow
def test_the_weekly_run_trains_on_outcomes_and_activates_only_a_better_model(
    make_submission, alice, ivy_profile, settings, tmp_path, monkeypatch
):
    """The real decision, small: a weak first model (10 accounts, one epoch), then candidates trained by
    ml.likes.retrain_if_better on a 40-account slice of the shipped data plus ivy's profile with its campaign
    outcomes, compared with the active version on the same held-out accounts. Training is seeded, so which way
    each decision goes is reproducible; the test checks that the decision follows the measured numbers."""
    from ml import likes
    from tests.ml.conftest import DATASET

    settings.ML_ARTIFACTS_DIR = tmp_path / "artifacts"
    ModelVersion.objects.all().delete()
    lines = DATASET.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "ten.jsonl").write_text("".join(lines[:10]), encoding="utf-8")
    (tmp_path / "slice.jsonl").write_text("".join(lines[:40]), encoding="utf-8")
    monkeypatch.setattr(likes, "TRAIN_SETTINGS", {"hidden": (4,), "ensemble": 1, "epochs": 1})
    weak = likes.train(stdout=io.StringIO(), seed=3, data=str(tmp_path / "ten.jsonl"))
    Post.objects.update(fetched_at=weak.created_at - dt.timedelta(days=1))
    _published(make_submission, alice, ivy_profile, 5)

    monkeypatch.setattr(likes, "TRAIN_SETTINGS", {"hidden": (16,), "ensemble": 1, "epochs": 8})
    run = feedback.likes_retrain_if_enough_outcomes(min_new_outcomes=5, seed=4, data=str(tmp_path / "slice.jsonl"))
    assert run.status == "done", run.error
    assert run.new_outcomes == 5 and run.active_version == weak.version
    assert run.metrics["candidate_log_mse"] < run.metrics["previous_log_mse"]
    assert run.decision == "activated" and run.metrics["held_out_accounts"] > 0
    candidate = ModelVersion.objects.get(version=run.candidate_version)
    assert candidate.is_active and not ModelVersion.objects.get(pk=weak.pk).is_active
    assert candidate.training_data.endswith("+ 1 stored profiles: 33 accounts (80%)")  # ivy's profile included
    assert (settings.ML_ARTIFACTS_DIR / candidate.artifact_path / "weights.npz").exists()
    assert f"on {run.metrics['held_out_accounts']} held-out accounts: activated." in run.detail

    _published(make_submission, alice, ivy_profile, 5)  # five more outcomes; now a barely trained candidate
    monkeypatch.setattr(likes, "TRAIN_SETTINGS", {"hidden": (4,), "ensemble": 1, "epochs": 1})
    again = feedback.likes_retrain_if_enough_outcomes(min_new_outcomes=5, seed=5, data=str(tmp_path / "slice.jsonl"))
    assert again.status == "done", again.error
    assert again.metrics["candidate_log_mse"] >= again.metrics["previous_log_mse"]
    assert again.decision == "kept_active" and again.active_version == candidate.version
    assert ModelVersion.objects.get(task="like-prediction", is_active=True) == candidate
    assert ModelVersion.objects.filter(version=again.candidate_version, is_active=False).exists()
    ml_services._loaded.clear()


def test_a_retraining_failure_is_recorded_with_a_readable_reason(settings, tmp_path):
    from ml.services import model_version_register

    settings.ML_ARTIFACTS_DIR = tmp_path / "artifacts"  # the registered version's files are not on this machine
    ModelVersion.objects.all().delete()
    model_version_register(
        task="like-prediction",
        version="gone",
        artifact_path="like-prediction-gone",
        metrics={},
        training_data="",
        activate=True,
    )
    run = feedback.likes_retrain_if_enough_outcomes(min_new_outcomes=0)
    assert run.status == "failed" and run.decision == "failed"
    assert run.error.startswith("The like model gone cannot be loaded")


def test_weekly_beat_entries_exist_and_expire():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["campaigns-likes-retrain-weekly"]["task"] == likes_retrain_weekly.name
    assert schedule["campaigns-likes-retrain-weekly"]["options"]["expires"] > 0
    assert schedule["campaigns-match-published-posts"]["options"]["expires"] > 0
