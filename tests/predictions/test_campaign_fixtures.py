"""Fixtures shared by the campaign review tests (imported with `from ... import *`; no tests of its own).

Cast: alice (owner), bob (viewer), charlie (other agency) from tests/conftest.py, plus ivy (influencer with a
linked profile), rey and ria (reviewers) and a campaign by alice that requires #summer, @brand and a disclosure.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts.roles import Role
from predictions.campaign_models import Campaign
from predictions.campaigns import scoring, services
from tests.factories import MembershipFactory, PostFactory, ProfileFactory, UserFactory

DATA = Path(__file__).resolve().parent.parent / "data" / "predictions"
GOOD_CAPTION = "Beach day with @brand ☀️ #summer #ad"


def jpeg_upload(name: str = "photo.jpg", size: tuple[int, int] = (320, 240),
                color: str = "orange") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", quality=85)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def data_upload(name: str, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (DATA / name).read_bytes(), content_type=content_type)


def media_files(root: Path) -> list[Path]:
    return [p for p in Path(root).rglob("*") if p.is_file()]


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
    profile = ProfileFactory(organization=agency, handle="ivy.travels", influencer=ivy, is_linked=True,
                             followers_count=20000, timezone="Europe/Berlin")
    base = timezone.now() - dt.timedelta(days=40)
    for index, likes in enumerate([900, 1100, 950, 1300, 1000, 1200]):
        PostFactory(profile=profile, taken_at=base + dt.timedelta(days=6 * index), likes=likes,
                    caption=f"Old post {index} #travel")
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
        user=alice, organization=agency, name="Summer Splash", brand="Brand Co", brief="Sunny beach content.",
        starts_on=today, ends_on=today + dt.timedelta(days=30), required_hashtags="#summer",
        required_mentions=["@Brand"], influencers=[ivy])


@pytest.fixture
def planned_at() -> dt.datetime:
    return (timezone.now() + dt.timedelta(days=3)).replace(microsecond=0)


@dataclass
class FakeLikeScore:
    predicted_likes: float = 1500.0
    predicted_likes_low: float = 900.0
    predicted_likes_high: float = 2400.0
    ratio_to_mean: float = 1.39
    virality_score: float = 0.31
    reasons: list[dict[str, Any]] = field(default_factory=lambda: [
        {"feature": "faces", "direction": "up", "text": "One smiling face raises likes.", "contribution": 0.12},
        {"feature": "hour", "direction": "down", "text": "Late evening posts do a little worse.",
         "contribution": -0.05}])
    best_times: list[dict[str, Any]] = field(default_factory=lambda: [
        {"slot": "2026-11-24T18:00:00+01:00", "predicted_likes": 1700.0, "lift": 0.13},
        {"slot": "2026-11-25T12:00:00+01:00", "predicted_likes": 1650.0, "lift": 0.10},
        {"slot": "2026-11-26T19:00:00+01:00", "predicted_likes": 1600.0, "lift": 0.07}])
    image_features: list[dict[str, Any]] = field(default_factory=list)
    model_version: str = "likes-test-1"

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class FakeEngine:
    calls: list[dict[str, Any]] = field(default_factory=list)
    fail_with: Exception | None = None

    def score_draft(self, **kwargs: Any) -> FakeLikeScore:
        self.calls.append(kwargs)
        if self.fail_with is not None:
            raise self.fail_with
        faces = [{"path": path, "faces": [{"x": 10, "y": 10, "w": 40, "h": 40, "smiling": True, "eyes": 2}],
                  "smiles": 1, "brightness": 150.0} for path in kwargs["image_paths"]]
        return FakeLikeScore(image_features=faces)

    @staticmethod
    def annotate_image(path: str, boxes: list[Any], out_path: str) -> str:
        with Image.open(path) as image:
            copy = image.convert("RGB")
        draw = ImageDraw.Draw(copy)
        for box in boxes:
            x, y, w, h = box["x"], box["y"], box["w"], box["h"]
            draw.rectangle([x, y, x + w, y + h], outline=(0, 255, 0), width=3)
        copy.save(out_path, "JPEG")
        return out_path


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch) -> FakeEngine:
    """The like engine is its own tested unit (ml/); here it is replaced so review tests stay fast."""
    engine = FakeEngine()
    monkeypatch.setattr(scoring, "engine_score_draft", engine.score_draft)
    monkeypatch.setattr(scoring, "engine_annotate_image", engine.annotate_image)
    return engine


@pytest.fixture
def make_submission(campaign, ivy, ivy_profile, planned_at, django_capture_on_commit_callbacks):
    def make(*, caption: str = GOOD_CAPTION, submit: bool = True, uploads: list | None = None, **kwargs: Any):
        with django_capture_on_commit_callbacks(execute=True):
            return services.submission_create(
                user=ivy, campaign=campaign, profile=ivy_profile, caption=caption, planned_at=planned_at,
                uploads=uploads if uploads is not None else [jpeg_upload()], submit=submit, **kwargs)
    return make
