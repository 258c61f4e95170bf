"""An import that stores new or changed posts queues one batched niche/language refresh for exactly those profiles."""

from __future__ import annotations

from unittest import mock

import pytest
from django.urls import reverse
from django.utils.html import escape

from discovery.models import ProfileInsight
from discovery.services import insights_refresh_enqueue
from ml.engine.categories.topics import describe_niche
from profiles.models import Post, Profile

pytestmark = pytest.mark.django_db


def test_import_refreshes_the_imported_profiles_and_the_page_shows_the_niche(
    run_import, data_dir, agency, alice_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run_import(data_dir / "ig_graphql_sample.jsonl")
    with_posts = set(Post.objects.filter(profile__organization=agency).values_list("profile_id", flat=True))
    assert with_posts
    refreshed = ProfileInsight.objects.filter(pk__in=with_posts).exclude(niche="")
    assert set(refreshed.values_list("pk", flat=True)) == with_posts
    jihoon = Profile.objects.get(organization=agency, handle="0529.jihoon.ig")
    page = alice_client.get(reverse("profiles:detail", args=[jihoon.pk])).content.decode()
    insight = ProfileInsight.objects.get(pk=jihoon.pk)
    # The niche by name with its share, or "Mixed: …" with the top two (ml.engine.categories.topics.describe_niche).
    described = describe_niche(insight.niche, insight.niche_share, insight.niche_shares)
    assert f'id="profile-niche">{escape(described)}' in page
    assert insight.niche_reasons and 'id="niche-reasons"><li>' in page


def test_reimport_without_post_changes_queues_nothing_and_a_large_import_is_few_tasks(
    run_import, data_dir, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run_import(data_dir / "ig_graphql_sample.jsonl")
    with mock.patch("discovery.tasks.insights_refresh.delay") as delay:
        with django_capture_on_commit_callbacks(execute=True):
            run_import(data_dir / "ig_graphql_sample.jsonl")
        assert delay.call_count == 0
        assert insights_refresh_enqueue(profile_ids=[*range(1, 1001), *range(1, 1001)]) == 2
    assert [len(call.args[0]) for call in delay.call_args_list] == [500, 500]
    assert sorted(i for call in delay.call_args_list for i in call.args[0]) == list(range(1, 1001))
