"""Share links of a campaign report and the brand's magic approval links: signed, expiring, revocable, bound to
what they were made for, rate-limited, never a session, and leaking nothing of other campaigns or agencies."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from predictions.campaigns import services
from predictions.campaigns.models import ApprovalStep, SubmissionEvent, SubmissionStatus
from predictions.results import approvals
from predictions.results import services as result_services
from predictions.results.models import ApprovalLink, ReportShareLink
from tests.predictions.campaigns.uploads import GOOD_CAPTION

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _token_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


# --- share links ------------------------------------------------------------------------------------------------


@pytest.fixture
def other_campaigns(alice, agency, charlie, other_agency):
    """Another campaign of alice's agency and one of charlie's: neither may show through a share link."""
    today = timezone.localdate()
    mine = services.campaign_create(
        user=alice, organization=agency, name="Winter Secret Plan", brand="Other Brand", starts_on=today, ends_on=today
    )
    theirs = services.campaign_create(
        user=charlie,
        organization=other_agency,
        name="Charlie Confidential",
        brand="Rival",
        starts_on=today,
        ends_on=today,
    )
    return mine, theirs


def test_a_share_link_shows_only_its_campaign_report_without_login_and_records_the_opening(
    campaign, alice, other_campaigns
):
    link, token = result_services.share_link_create(user=alice, campaign=campaign, days=7, label="Brand team")
    assert token not in link.secret_digest and ReportShareLink.objects.get().secret_digest == link.secret_digest
    anonymous = Client()
    response = anonymous.get(reverse("brand:report", args=[token]))
    html = response.content.decode()
    assert response.status_code == 200 and "Summer Splash" in html and 'id="report-figures"' in html
    assert "Winter Secret Plan" not in html and "Charlie Confidential" not in html
    # Nothing else of the site: no navigation, no links into the app.
    assert not re.search(r'href="/(campaigns|profiles|graphs|api|admin)', html)
    # #27: dates in words ("21 Oct 2026"), as the app writes them; never ISO dates or timestamps
    assert re.search(r"Generated \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}", html)
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S))
    # the tampered link is the product's own page, not Django's technical one
    tampered = anonymous.get(reverse("brand:report", args=[token[:-2] + "xx"])).content.decode()
    assert "URLconf" not in tampered and "Traceback" not in tampered
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    link.refresh_from_db()
    assert link.open_count == 1 and link.last_opened_at is not None
    assert anonymous.get("/campaigns/").status_code == 302  # still signed out


def test_a_revoked_or_expired_share_link_says_so_and_a_forged_one_is_404(campaign, alice, charlie):
    link, token = result_services.share_link_create(user=alice, campaign=campaign)
    client = Client()
    result_services.share_link_revoke(user=alice, link=link)
    response = client.get(reverse("brand:report", args=[token]))
    assert response.status_code == 410 and "revoked" in response.content.decode()
    expired, expired_token = result_services.share_link_create(user=alice, campaign=campaign, days=1)
    ReportShareLink.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    response = client.get(reverse("brand:report", args=[expired_token]))
    assert response.status_code == 410 and "expired" in response.content.decode()
    _, good = result_services.share_link_create(user=alice, campaign=campaign)
    assert client.get(reverse("brand:report", args=[good[:-2] + "xx"])).status_code == 404
    # A correctly signed id with another link's secret does not open it.
    pk, secret = result_services.token_unsign(good, salt=result_services.SHARE_SALT)
    forged = signing.dumps([expired.pk, secret], salt=result_services.SHARE_SALT, compress=False)
    assert client.get(reverse("brand:report", args=[forged])).status_code == 404
    assert client.get(reverse("brand:report", args=["not-a-token"])).status_code == 404


def test_share_links_are_managed_by_owners_and_managers_of_the_agency_only(
    campaign, alice, bob, charlie, alice_client, charlie_client, bob_client
):
    response = alice_client.post(
        reverse("predictions:share_link_create", args=[campaign.pk]), {"label": "Glow", "days": "14"}
    )
    assert response.status_code == 302
    link = ReportShareLink.objects.get()
    page = alice_client.get(reverse("predictions:campaign_report", args=[campaign.pk])).content.decode()
    assert 'id="new-share-url"' in page and f'data-share-link="{link.pk}"' in page and "Alice Owner" in page
    again = alice_client.get(reverse("predictions:campaign_report", args=[campaign.pk])).content.decode()
    assert 'id="new-share-url"' not in again  # shown once
    assert charlie_client.post(reverse("predictions:share_link_create", args=[campaign.pk])).status_code == 404
    assert charlie_client.post(reverse("predictions:share_link_revoke", args=[link.pk])).status_code == 404
    assert bob_client.post(reverse("predictions:share_link_create", args=[campaign.pk])).status_code == 403
    assert bob_client.post(reverse("predictions:share_link_revoke", args=[link.pk])).status_code == 403
    link.refresh_from_db()
    assert link.revoked_at is None and ReportShareLink.objects.count() == 1


def test_share_link_days_are_bounded(campaign, alice):
    for days in (0, 400):
        with pytest.raises(Exception, match="between 1 and 365"):
            result_services.share_link_create(user=alice, campaign=campaign, days=days)


# --- external approval --------------------------------------------------------------------------------------------


@pytest.fixture
def brand_campaign(campaign, alice):
    services.campaign_update(user=alice, campaign=campaign, approval_step=ApprovalStep.AGENCY_THEN_BRAND)
    approvals.approver_add(user=alice, campaign=campaign, email="Brand.Lead@GlowCo.example", name="Bea Brand")
    return campaign


@pytest.fixture
def awaiting_brand(brand_campaign, make_submission, rey, django_capture_on_commit_callbacks):
    submission = make_submission()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_review(user=rey, submission=submission, decision="approve")
    submission.refresh_from_db()
    return submission


def _mailed_token() -> str:
    message = next(m for m in mail.outbox if m.to == ["brand.lead@glowco.example"])
    # dates as the app writes them ("planned for 12 Dec 2026, 14:00 Europe/Berlin"), never ISO or a bare "UTC"
    assert re.search(r"planned for \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} [A-Za-z/_]+\.", message.body)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", message.body)
    url = re.search(r"http\S+/brand/approve/\S+/", message.body).group(0)
    return _token_of(url)


def test_agency_approval_sends_the_brand_a_magic_link_and_the_brand_approves(
    awaiting_brand, ivy, alice_client, django_capture_on_commit_callbacks
):
    assert awaiting_brand.status == SubmissionStatus.BRAND_REVIEW
    token = _mailed_token()
    client = Client()
    page = client.get(reverse("brand:approval", args=[token]))
    html = page.content.decode()
    assert page.status_code == 200 and GOOD_CAPTION in html and 'id="approval-score"' in html
    assert "predicted likes" in html and f"/brand/approve/{token}/images/0/" in html
    image = client.get(reverse("brand:approval_image", args=[token, 0]))
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(reverse("brand:approval", args=[token]), {"decision": "approve", "note": "Lovely"})
    assert done.status_code == 200 and "approved" in done.content.decode()
    awaiting_brand.refresh_from_db()
    assert awaiting_brand.status == SubmissionStatus.APPROVED
    event = SubmissionEvent.objects.get(submission=awaiting_brand, action="brand_approved")
    assert event.actor is None and event.actor_email == "brand.lead@glowco.example" and "Lovely" in event.detail
    assert any(m.to == [ivy.email] and "brand approved" in m.subject for m in mail.outbox)
    trail = alice_client.get(reverse("predictions:submission_detail", args=[awaiting_brand.pk])).content.decode()
    assert "brand.lead@glowco.example (brand)" in trail
    # Never a session: the brand is still signed out of the site.
    assert settings.SESSION_COOKIE_NAME not in done.cookies and client.get("/campaigns/").status_code == 302


def test_a_link_reused_after_the_decision_says_so(awaiting_brand):
    token = _mailed_token()
    client = Client()
    client.post(reverse("brand:approval", args=[token]), {"decision": "request_changes", "note": "Brighter"})
    awaiting_brand.refresh_from_db()
    assert awaiting_brand.status == SubmissionStatus.CHANGES_REQUESTED
    again = client.post(reverse("brand:approval", args=[token]), {"decision": "approve"})
    assert again.status_code == 410 and "already decided" in again.content.decode()
    assert client.get(reverse("brand:approval", args=[token])).status_code == 410
    awaiting_brand.refresh_from_db()
    assert awaiting_brand.status == SubmissionStatus.CHANGES_REQUESTED


def test_request_changes_needs_a_comment(awaiting_brand):
    token = _mailed_token()
    response = Client().post(reverse("brand:approval", args=[token]), {"decision": "request_changes", "note": " "})
    assert response.status_code == 400 and "Say what should change" in response.content.decode()
    awaiting_brand.refresh_from_db()
    assert awaiting_brand.status == SubmissionStatus.BRAND_REVIEW


def test_an_expired_or_revoked_link_says_so(awaiting_brand, alice):
    token = _mailed_token()
    link = ApprovalLink.objects.get()
    ApprovalLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = Client().get(reverse("brand:approval", args=[token]))
    assert response.status_code == 410 and "expired" in response.content.decode()
    ApprovalLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() + dt.timedelta(days=1))
    approvals.approval_link_revoke(user=alice, link=link)
    response = Client().post(reverse("brand:approval", args=[token]), {"decision": "approve"})
    assert response.status_code == 410 and "revoked" in response.content.decode()
    awaiting_brand.refresh_from_db()
    assert awaiting_brand.status == SubmissionStatus.BRAND_REVIEW


def test_removing_an_approver_closes_their_links(awaiting_brand, alice):
    token = _mailed_token()
    approvals.approver_revoke(user=alice, approver=ApprovalLink.objects.get().approver)
    assert Client().get(reverse("brand:approval", args=[token])).status_code == 410


def test_a_link_is_bound_to_its_submission_and_approver(
    awaiting_brand, make_submission, rey, alice, django_capture_on_commit_callbacks
):
    token = _mailed_token()
    other = make_submission(caption="Second post with @brand #summer #ad")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_review(user=rey, submission=other, decision="approve")
    other_link = ApprovalLink.objects.get(submission=other)
    # The first link's secret under the other link's id (a signed payload with another submission's link id).
    _, secret = result_services.token_unsign(token, salt=approvals.APPROVAL_SALT)
    forged = signing.dumps([other_link.pk, secret], salt=approvals.APPROVAL_SALT, compress=False)
    assert Client().post(reverse("brand:approval", args=[forged]), {"decision": "approve"}).status_code == 404
    # A share-link token (another purpose) is not an approval token, and the other way round.
    _, share_token = result_services.share_link_create(user=alice, campaign=awaiting_brand.campaign)
    assert Client().get(reverse("brand:approval", args=[share_token])).status_code == 404
    assert Client().get(reverse("brand:report", args=[token])).status_code == 404
    other.refresh_from_db()
    assert other.status == SubmissionStatus.BRAND_REVIEW
    # Images: only the link's own version, by position.
    assert Client().get(reverse("brand:approval_image", args=[token, 5])).status_code == 404


def test_the_first_brand_decision_closes_the_other_approvers_links(
    awaiting_brand, alice, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approvals.approver_add(user=alice, campaign=awaiting_brand.campaign, email="second@glowco.example")
    second = _token_of(re.search(r"http\S+/brand/approve/\S+/", mail.outbox[-1].body).group(0))
    first_link = ApprovalLink.objects.get(approver__email="brand.lead@glowco.example")
    first = result_services.signed_token(pk=first_link.pk, salt=approvals.APPROVAL_SALT)  # a new secret: invalid
    assert Client().get(reverse("brand:approval", args=[first[0]])).status_code == 404
    assert Client().post(reverse("brand:approval", args=[second]), {"decision": "approve"}).status_code == 200
    first_link.refresh_from_db()
    assert "second@glowco.example already decided" in first_link.closed_reason


def test_magic_links_are_rate_limited(awaiting_brand, settings):
    settings.RESULTS_APPROVAL_RATE_PER_LINK = 3
    token = _mailed_token()
    client = Client()
    statuses = [client.get(reverse("brand:approval", args=[token])).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    settings.RESULTS_APPROVAL_RATE_PER_CLIENT = 2
    cache.clear()
    guesses = [client.get(reverse("brand:approval", args=[f"guess-{i}"])).status_code for i in range(3)]
    assert guesses == [404, 404, 429]


def test_brand_only_skips_the_agency_reviewers(campaign, alice, make_submission, django_capture_on_commit_callbacks):
    services.campaign_update(user=alice, campaign=campaign, approval_step=ApprovalStep.BRAND)
    approvals.approver_add(user=alice, campaign=campaign, email="brand@glowco.example")
    mail.outbox.clear()
    submission = make_submission()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.BRAND_REVIEW
    assert [m.to for m in mail.outbox] == [["brand@glowco.example"]]  # no mail to the agency's reviewers


def test_agency_only_approves_without_links(campaign, make_submission, rey, django_capture_on_commit_callbacks, alice):
    approvals.approver_add(user=alice, campaign=campaign, email="brand@glowco.example")
    submission = make_submission()
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_review(user=rey, submission=submission, decision="approve")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED and not ApprovalLink.objects.exists()


def test_adding_an_approver_later_sends_waiting_content(
    campaign, alice, make_submission, rey, django_capture_on_commit_callbacks
):
    services.campaign_update(user=alice, campaign=campaign, approval_step=ApprovalStep.AGENCY_THEN_BRAND)
    submission = make_submission()
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_review(user=rey, submission=submission, decision="approve")
    assert "Waiting for the agency to add a brand approver" in submission.events.get(action="sent_to_brand").detail
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approvals.approver_add(user=alice, campaign=campaign, email="late@glowco.example")
    assert [m.to for m in mail.outbox] == [["late@glowco.example"]]


def test_approvers_are_managed_by_the_agency_only(campaign, charlie_client, bob_client, alice_client):
    url = reverse("predictions:approver_add", args=[campaign.pk])
    assert charlie_client.post(url, {"email": "x@example.com"}).status_code == 404
    assert bob_client.post(url, {"email": "x@example.com"}).status_code == 403
    assert alice_client.post(url, {"email": "not an email"}).status_code == 302
    assert not campaign.external_approvers.exists()
    alice_client.post(url, {"email": "x@example.com"})
    approver = campaign.external_approvers.get()
    assert charlie_client.post(reverse("predictions:approver_revoke", args=[approver.pk])).status_code == 404
    step = reverse("predictions:approval_step_save", args=[campaign.pk])
    assert charlie_client.post(step, {"approval_step": "brand"}).status_code == 404
    campaign.refresh_from_db()
    assert campaign.approval_step == ApprovalStep.AGENCY


def test_the_share_link_also_serves_the_pdf_and_stops_with_the_link(campaign, alice):
    link, token = result_services.share_link_create(user=alice, campaign=campaign)
    client = Client()
    page = client.get(reverse("brand:report", args=[token])).content.decode()
    assert reverse("brand:report_pdf", args=[token]) in page
    pdf = client.get(reverse("brand:report_pdf", args=[token]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    link.refresh_from_db()
    assert link.open_count == 2
    result_services.share_link_revoke(user=alice, link=link)
    assert client.get(reverse("brand:report_pdf", args=[token])).status_code == 410


def test_resending_an_approval_link_replaces_its_secret(
    awaiting_brand, alice_client, charlie_client, django_capture_on_commit_callbacks
):
    old = _mailed_token()
    link = ApprovalLink.objects.get()
    assert charlie_client.post(reverse("predictions:approval_link_resend", args=[link.pk])).status_code == 404
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(reverse("predictions:approval_link_resend", args=[link.pk]))
    assert response.status_code == 302
    new = _mailed_token()
    assert new != old
    assert Client().get(reverse("brand:approval", args=[old])).status_code == 404
    assert Client().get(reverse("brand:approval", args=[new])).status_code == 200


def test_the_brand_watches_a_video_draft_with_its_moments_and_approves(
    brand_campaign, make_submission, rey, tmp_path, django_capture_on_commit_callbacks
):
    """A video draft on the magic-link page: the player (poster, byte ranges from the token alone), the comments at
    their moments on the timeline, the views figure; the brand approves; the trail and the e-mail say the moment."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from predictions.campaigns.models import SubmissionVideo
    from tests.videos import make_clip

    clip = make_clip(tmp_path / "draft.mp4", seconds=4, scenes=2)
    submission = make_submission(uploads=[], video=SimpleUploadedFile("draft.mp4", clip.read_bytes(), "video/mp4"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(user=rey, submission=submission, body="Logo visible here", at_seconds=1.5)
        services.submission_review(user=rey, submission=submission, decision="approve")
    assert any("At 0:01: Logo visible here" in m.body for m in mail.outbox)
    token = _mailed_token()
    client = Client()
    html = client.get(reverse("brand:approval", args=[token])).content.decode()
    assert (
        f'src="/brand/approve/{token}/video/web/"' in html and f'poster="/brand/approve/{token}/video/poster/"' in html
    )
    assert 'class="video-marker" style="left: 37.50%" data-seek="1.5"' in html and "Logo visible here" in html
    video = SubmissionVideo.objects.get()
    played = client.get(reverse("brand:approval_video", args=[token, "web"]), HTTP_RANGE="bytes=100-")
    size = video.rendition.size
    assert played.status_code == 206 and played["Content-Range"] == f"bytes 100-{size - 1}/{size}"
    assert client.get(reverse("brand:approval_video", args=[token, "original"])).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("brand:approval", args=[token]), {"decision": "approve", "note": "Ship it"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert client.get(reverse("brand:approval_video", args=[token, "web"])).status_code == 410  # decided: closed
