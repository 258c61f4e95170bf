"""The audience quality score comes with its scale (band and thresholds) and a comparison with the agency's other
audited accounts (their latest audits), never another agency's."""

from __future__ import annotations

import pytest
from django.utils import timezone

from predictions.audits.models import FollowerAudit
from predictions.audits.selectors import audience_quality_band, audience_quality_comparison
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (0, "poor"),
        (39.9, "poor"),
        (40, "average"),
        (59.9, "average"),
        (60, "good"),
        (80, "excellent"),
        (100, "excellent"),
    ],
)
def test_every_score_falls_in_one_band(score, label):
    band = audience_quality_band(score)
    assert band["label"] == label
    assert [(b["low"], b["high"]) for b in band["scale"]] == [(0, 40), (40, 60), (60, 80), (80, 100)]
    assert sum(b["current"] for b in band["scale"]) == 1


def _done(agency, alice, profile, score, minutes_ago=0):
    return FollowerAudit.objects.create(
        organization=agency,
        profile=profile,
        requested_by=alice,
        status="done",
        audience_quality_score=score,
        finished_at=timezone.now() - timezone.timedelta(minutes=minutes_ago),
    )


def test_the_report_shows_the_band_and_the_comparison_with_the_agencys_other_accounts(
    alice_client, alice, agency, charlie, other_agency
):
    mine = _done(agency, alice, ProfileFactory(organization=agency, handle="main"), 72.0)
    second = ProfileFactory(organization=agency, handle="second")
    _done(agency, alice, second, 90.0, minutes_ago=60)  # superseded by the later audit below
    _done(agency, alice, second, 50.0)
    _done(agency, alice, ProfileFactory(organization=agency, handle="third"), 30.0)
    _done(other_agency, charlie, ProfileFactory(organization=other_agency, handle="theirs"), 99.0)
    assert audience_quality_comparison(audit=mine) == {"count": 2, "below": 2, "median": 40.0, "percentile": 100}
    page = alice_client.get(f"/campaigns/audits/{mine.pk}/").content.decode()
    assert 'id="quality-band">Good<' in page and "60–80" in page and "80–100" in page
    assert "Higher than 2 of the agency's 2 other audited accounts (median 40.0)" in page


def test_a_lone_audit_says_there_is_nothing_to_compare_with(alice_client, alice, agency):
    audit = _done(agency, alice, ProfileFactory(organization=agency, handle="alone"), 35.0)
    page = alice_client.get(f"/campaigns/audits/{audit.pk}/").content.decode()
    assert 'id="quality-band">Poor<' in page and "No other audited account in this agency" in page
