from __future__ import annotations

import io

import pytest

from ml.services import register_shipped_artifacts
from predictions.audits.demo import DEMO_FOLLOWERS, seed_audit_demo
from predictions.audits.models import FollowerAudit
from profiles.models import Relation
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


def test_the_demo_audit_imports_followers_and_finishes_once(agency, alice):
    register_shipped_artifacts()
    ProfileFactory(organization=agency, handle="small.one", followers_count=10)
    star = ProfileFactory(organization=agency, handle="star", followers_count=5_000_000)
    seed_audit_demo(organization=agency, stdout=io.StringIO())
    audit = FollowerAudit.objects.get()
    assert audit.profile == star and audit.status == "done"
    assert Relation.objects.filter(target=star, kind="follows").count() == DEMO_FOLLOWERS
    assert audit.classified_count == DEMO_FOLLOWERS == sum(audit.category_counts.values())
    assert audit.suspicious_count > 0 and audit.real_count > audit.suspicious_count
    assert 0 < audit.audience_quality_score < 100

    seed_audit_demo(organization=agency, stdout=io.StringIO())
    assert FollowerAudit.objects.count() == 1
    assert Relation.objects.filter(target=star, kind="follows").count() == DEMO_FOLLOWERS
