"""Audience language in the audit report: the mix of the audited followers' names and bios."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from config.jobs import JobStatus
from predictions.audits.models import FollowerAudit, FollowerAuditResult
from predictions.audits.selectors import audit_audience_languages
from predictions.audits.services import audit_finalise
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db

BIOS = [
    "Amante del fútbol y de la buena comida, vivo en Sevilla",
    "Estudiante de medicina, me encanta viajar",
    "Madre de dos niños y profesora de historia",
    "Photographer and coffee lover based in Leeds",
    "",
    "xo",
]


@pytest.fixture
def audit(agency):
    creator = ProfileFactory(organization=agency, handle="creator")
    audit = FollowerAudit.objects.create(
        organization=agency,
        profile=creator,
        status=JobStatus.RUNNING,
        started_at=timezone.now(),
        classified_count=len(BIOS),
    )
    for bio in BIOS:
        follower = ProfileFactory(organization=agency, is_linked=False, bio=bio, display_name="")
        FollowerAuditResult.objects.create(audit=audit, follower=follower, category="real", probability=0.1, reasons=[])
    return audit_finalise(audit_id=audit.pk)


def test_the_audit_report_shows_the_audience_language_mix_beside_the_score(audit, alice_client) -> None:
    mix = audit_audience_languages(audit=audit)
    assert mix["followers"] == 6 and mix["with_text"] == 5
    assert mix["languages"] == [{"language": "es", "share": 0.75}, {"language": "en", "share": 0.25}]
    html = alice_client.get(reverse("predictions:audit_detail", args=[audit.pk])).content.decode()
    assert "Audience language:" in html and "Spanish 75%, English 25%" in html
    assert "of the 5 followers with a name or bio" in html


def test_charlie_gets_404_on_the_report(audit, charlie_client) -> None:
    assert charlie_client.get(reverse("predictions:audit_detail", args=[audit.pk])).status_code == 404


def test_the_mix_is_stored_when_the_audit_ends_and_an_older_audit_says_it_was_not_measured(audit, alice_client) -> None:
    for result in audit.results.select_related("follower"):
        result.follower.bio = "Photographer and coffee lover based in Leeds, always travelling"
        result.follower.save(update_fields=["bio"])
    audit.refresh_from_db()
    assert audit_audience_languages(audit=audit)["languages"][0]["language"] == "es"  # kept from when it ended
    assert audit_finalise(audit_id=audit.pk).audience_languages["languages"] == [{"language": "en", "share": 1.0}]
    FollowerAudit.objects.filter(pk=audit.pk).update(audience_languages=None)
    html = alice_client.get(reverse("predictions:audit_detail", args=[audit.pk])).content.decode()
    assert "not measured for this audit" in html
