"""A user's niche correction enters the niche model's training set with the corrected label and the stored posts."""

from __future__ import annotations

import pytest

from discovery.insights import insights_refresh
from discovery.models import ProfileInsight
from ml.categories import training_set
from profiles.models import Post, Profile

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_a_stored_correction_is_a_labelled_training_example(run_import, data_dir, agency):
    run_import(data_dir / "ig_graphql_sample.jsonl")
    jihoon = Profile.objects.get(organization=agency, handle="0529.jihoon.ig")
    insights_refresh(profile_ids=[jihoon.pk], embed=False)
    before, none = training_set()
    assert none == 0
    ProfileInsight.objects.filter(pk=jihoon.pk).update(niche_corrected="pet")
    data, used = training_set()
    assert used == 1
    assert len(data.labels) == len(before.labels) + 1
    record, label = data.influencers[-1], data.labels[-1]
    assert (record.username, label) == ("0529.jihoon.ig", "pet")
    stored = set(Post.objects.filter(profile=jihoon).values_list("caption", flat=True))
    assert record.posts and {post.caption for post in record.posts} <= stored
