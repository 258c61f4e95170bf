"""Fixtures of the campaign review tests (upload helpers are in tests/predictions/campaigns/uploads.py).

Cast: alice (owner), bob (viewer), charlie (other agency) from tests/conftest.py, plus ivy (influencer with a
linked profile), rey and ria (reviewers) and a campaign by alice that requires #summer, @brand and a disclosure.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from accounts.roles import Role
from predictions.campaigns import services
from predictions.campaigns.models import Campaign
from tests.factories import MembershipFactory, PostFactory, ProfileFactory, UserFactory
from tests.predictions.campaigns.uploads import GOOD_CAPTION, jpeg_upload


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def ivy(agency):
    user = UserFactory(email="ivy@example.com", full_name="Ivy Influencer")
    MembershipFactory(user=user, organization=agency, role=Role.INFLUENCER)
    return user


@pytest.fixture
def ivy_profile(agency, ivy):
    profile = ProfileFactory(
        organization=agency,
        handle="ivy.travels",
        influencer=ivy,
        is_linked=True,
        followers_count=20000,
        timezone="Europe/Berlin",
    )
    base = timezone.now() - dt.timedelta(days=40)
    for index, likes in enumerate([900, 1100, 950, 1300, 1000, 1200]):
        PostFactory(
            profile=profile,
            taken_at=base + dt.timedelta(days=6 * index),
            likes=likes,
            caption=f"Old post {index} #travel",
        )
    return profile


@pytest.fixture
def rey(agency):
    user = UserFactory(email="rey@example.com", full_name="Rey Reviewer")
    MembershipFactory(user=user, organization=agency, role=Role.REVIEWER)
    return user


@pytest.fixture
def ria(agency):
    user = UserFactory(email="ria@example.com", full_name="Ria Reviewer")
    MembershipFactory(user=user, organization=agency, role=Role.REVIEWER)
    return user


@pytest.fixture
def campaign(alice, agency, ivy, ivy_profile) -> Campaign:
    today = timezone.localdate()
    return services.campaign_create(
        user=alice,
        organization=agency,
        name="Summer Splash",
        brand="Brand Co",
        brief="Sunny beach content.",
        starts_on=today,
        ends_on=today + dt.timedelta(days=30),
        required_hashtags="#summer",
        required_mentions=["@Brand"],
        influencers=[ivy],
    )


@pytest.fixture
def planned_at() -> dt.datetime:
    return (timezone.now() + dt.timedelta(days=3)).replace(microsecond=0)


@pytest.fixture(autouse=True)
def like_model(db) -> Any:
    """The shipped like-prediction artifact (ml/artifacts/like-prediction-*), registered and active: every campaign
    test scores with the real engine (OpenCV image analysis, MiniLM caption embedding, the committed regressor)."""
    from ml.models import ModelVersion
    from ml.services import register_shipped_artifacts

    register_shipped_artifacts()
    return ModelVersion.objects.get(task="like-prediction", is_active=True)


@pytest.fixture
def make_submission(campaign, ivy, ivy_profile, planned_at, django_capture_on_commit_callbacks):
    def make(*, caption: str = GOOD_CAPTION, submit: bool = True, uploads: list | None = None, **kwargs: Any):
        with django_capture_on_commit_callbacks(execute=True):
            return services.submission_create(
                user=ivy,
                campaign=campaign,
                profile=ivy_profile,
                caption=caption,
                planned_at=planned_at,
                uploads=uploads if uploads is not None else [jpeg_upload()],
                submit=submit,
                **kwargs,
            )

    return make
