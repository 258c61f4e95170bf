"""A service's ApplicationError on a page goes through one path (config.middleware): the 403/404 page with its
message, or the message shown where the view's @on_error_redirect says (views hold no try/except of their own)."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from config.jobs import JobStatus
from network.models import GraphSnapshot
from predictions.audits.models import FollowerAudit
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_last_owner_leaving_is_refused_with_the_message_on_the_settings_page(alice_client, alice, agency):
    response = alice_client.post(reverse("organization_leave"))
    assert response.status_code == 302 and response["Location"] == reverse("organization_settings")
    assert any("owner" in m.lower() for m in _messages(response))
    assert alice.memberships.filter(organization=agency).exists()


def test_a_refused_member_action_shows_its_message_on_the_members_page(alice_client, alice, agency):
    own = alice.memberships.get(organization=agency)
    response = alice_client.post(reverse("membership_change_role", args=[own.pk]), {"role": "viewer"})
    assert response.status_code == 302 and response["Location"] == reverse("organization_members")
    assert any("owner" in m.lower() for m in _messages(response))
    own.refresh_from_db()
    assert own.role == "owner"


def test_a_refused_export_get_redirects_to_the_graph_with_the_message(alice_client, charlie_client, agency):
    snapshot = GraphSnapshot.objects.create(organization=agency, name="empty", status=JobStatus.PENDING)
    url = reverse("network:graph_export", args=[snapshot.pk, "csv"])
    response = alice_client.get(url)
    assert response.status_code == 302 and response["Location"] == reverse("network:graph_detail", args=[snapshot.pk])
    assert _messages(response) == ["This graph has no data to export yet."]
    assert charlie_client.get(url).status_code == 404


def test_resuming_a_finished_audit_is_a_conflict_shown_on_the_audit(alice_client, charlie_client, alice, agency):
    profile = ProfileFactory(organization=agency, handle="done")
    audit = FollowerAudit.objects.create(organization=agency, profile=profile, requested_by=alice)
    FollowerAudit.finish(audit.pk)
    url = reverse("predictions:audit_resume", args=[audit.pk])
    response = alice_client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("predictions:audit_detail", args=[audit.pk])
    assert _messages(response) == ["This audit is finished or still running; nothing to resume."]
    assert charlie_client.post(url).status_code == 404


def test_a_service_permission_refusal_is_the_403_page_not_a_redirect(bob_client, agency):
    profile = ProfileFactory(organization=agency, handle="p")
    response = bob_client.post(reverse("profiles:fetch", args=[profile.pk]), {"kind": "profile"})
    assert response.status_code == 403
    assert 'id="error-403"' in response.content.decode()


def test_a_page_refused_on_its_own_get_renders_the_400_page_instead_of_looping(rf):
    from config.errors import ApplicationError
    from config.middleware import ApplicationErrorMiddleware, on_error_redirect

    request = rf.get("/somewhere/1/")

    @on_error_redirect("organization_members")
    def view(request, pk):
        raise ApplicationError("nope")

    with pytest.raises(ApplicationError):
        view(request, pk=1)
    request.application_error_redirect = "/somewhere/1/"
    response = ApplicationErrorMiddleware(lambda r: None).process_exception(request, ApplicationError("Nope."))
    assert response.status_code == 400 and "Nope." in response.content.decode()
