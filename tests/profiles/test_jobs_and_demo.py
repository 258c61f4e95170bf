from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from config.jobs import JobStatus
from profiles import demo, services
from profiles.models import FetchJob, Profile
from profiles.tasks import refresh_linked_profiles, resume_waiting_fetches
from tests.factories import FetchJobFactory, ProfileFactory, RelationFactory

pytestmark = pytest.mark.django_db


def test_daily_refresh_queues_linked_profiles_of_enabled_platforms_only(
    agency, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.X_BEARER_TOKEN = "token"
    settings.INSTAGRAM_SESSION_KEY = ""
    queued: list[int] = []
    monkeypatch.setattr(services, "_enqueue_fetch", queued.append)
    nasa = ProfileFactory(organization=agency, platform="x", handle="nasa")
    ProfileFactory(organization=agency, platform="instagram", handle="natgeo")
    ProfileFactory(organization=agency, platform="x", handle="follower", is_linked=False)
    busy = ProfileFactory(organization=agency, platform="x", handle="busy")
    FetchJobFactory(profile=busy, status=JobStatus.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        assert refresh_linked_profiles() == 1
    job = FetchJob.objects.get(profile=nasa, kind="profile")
    assert queued == [job.pk]


def test_beat_schedule_has_the_daily_refresh_with_an_expiry():
    entry = django_settings.CELERY_BEAT_SCHEDULE["profiles-refresh-linked"]
    assert entry["task"] == "profiles.tasks.refresh_linked_profiles" and entry["options"]["expires"] > 0


def test_waiting_jobs_whose_wait_ended_are_requeued(agency, monkeypatch):
    queued: list[int] = []
    monkeypatch.setattr(services, "_enqueue_fetch", queued.append)
    overdue = FetchJobFactory(
        profile=ProfileFactory(organization=agency),
        status=JobStatus.WAITING,
        waiting_until=timezone.now() - timedelta(minutes=5),
    )
    FetchJobFactory(
        profile=ProfileFactory(organization=agency),
        status=JobStatus.WAITING,
        waiting_until=timezone.now() + timedelta(minutes=5),
    )
    assert resume_waiting_fetches() == 1 and queued == [overdue.pk]


def test_relation_factory_builds_a_follower_edge(agency):
    edge = RelationFactory(source__organization=agency)
    assert edge.kind == "follows" and edge.target.organization == agency and not edge.source.is_linked


def test_demo_loader_is_idempotent_and_links_some_profiles(agency, monkeypatch):
    monkeypatch.setattr(demo, "DEMO_PROFILES", 40)
    monkeypatch.setattr(demo, "DEMO_LINKED", 10)
    first = demo.demo_profiles_load(organization=agency)
    second = demo.demo_profiles_load(organization=agency)
    assert first.profiles == 40 and first.posts > 300
    assert (second.created, second.updated) == (0, 0)
    linked = Profile.objects.filter(organization=agency, is_linked=True)
    assert linked.count() == 10
    smallest_linked = min(linked.values_list("followers_count", flat=True))
    assert not Profile.objects.filter(
        organization=agency, is_linked=False, followers_count__gt=smallest_linked
    ).exists()
