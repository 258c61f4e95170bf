"""Audience language in the audit report: the mix of the audited followers' names and bios."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from config.jobs import JobStatus
from predictions.audits.models import FollowerAudit, FollowerAuditResult
from predictions.audits.selectors import audit_audience_languages
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
        status=JobStatus.DONE,
        audience_quality_score=72.0,
        finished_at=timezone.now(),
        classified_count=len(BIOS),
    )
    for index, bio in enumerate(BIOS):
        follower = ProfileFactory(organization=agency, is_linked=False, bio=bio, display_name="")
        FollowerAuditResult.objects.create(audit=audit, follower=follower, category="real", probability=0.1, reasons=[])
        assert index >= 0
    return audit


def test_the_audit_report_shows_the_audience_language_mix_beside_the_score(audit, alice_client) -> None:
    mix = audit_audience_languages(audit=audit)
    assert mix["followers"] == 6
    assert mix["languages"] == [{"language": "es", "share": 0.75}, {"language": "en", "share": 0.25}]
    html = alice_client.get(reverse("predictions:audit_detail", args=[audit.pk])).content.decode()
    assert "Audience language:" in html and "es 75%" in html and "en 25%" in html


def test_charlie_gets_404_on_the_report(audit, charlie_client) -> None:
    assert charlie_client.get(reverse("predictions:audit_detail", args=[audit.pk])).status_code == 404


def test_a_finished_audits_mix_is_computed_once_and_a_rerun_computes_it_again(audit) -> None:
    from django.core.cache import cache

    cache.clear()
    first = audit_audience_languages(audit=audit)
    for result in audit.results.select_related("follower"):
        result.follower.bio = "Photographer and coffee lover based in Leeds, always travelling"
        result.follower.save(update_fields=["bio"])
    assert audit_audience_languages(audit=audit) == first  # kept: the report does not re-identify 600 bios
    audit.finished_at = timezone.now()
    audit.save(update_fields=["finished_at"])
    assert audit_audience_languages(audit=audit)["languages"] == [{"language": "en", "share": 1.0}]
