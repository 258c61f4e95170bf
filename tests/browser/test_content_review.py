"""Browser run of content review in Debian's chromium: the influencer uploads (drag and drop, instant preview), the
reviewer asks for changes, the influencer resubmits, the reviewer approves. Scoring runs eagerly in tests."""
from __future__ import annotations

import base64
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from PIL import Image, ImageDraw

from predictions.campaign_models import Submission, SubmissionStatus
from predictions.campaigns import scoring
from tests.predictions.test_campaign_fixtures import *  # noqa: F401,F403

# The real like engine scores here (eagerly, in the live server's thread), with the shipped model.
REAL_SCORE_DRAFT = scoring.engine_score_draft
REAL_ANNOTATE = scoring.engine_annotate_image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"


def _beach_jpeg() -> bytes:
    image = Image.new("RGB", (480, 480), (120, 190, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 320, 480, 480], fill=(236, 210, 160))
    draw.ellipse([170, 140, 310, 300], fill=(240, 200, 170))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@pytest.fixture
def review_browser(live_server) -> Iterator[object]:
    """A chromium browser; each user gets a context carrying their session cookie."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium is not installed (make browser)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself are still sync.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])

        def page_for(user):
            client = Client()
            client.force_login(user)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                                  "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                                  "url": live_server.url}])
            page = context.new_page()
            page.set_default_timeout(15_000)
            return page

        yield page_for
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def _drop_image(page, selector: str, name: str, data: bytes) -> None:
    """Drag and drop a file onto the drop zone the way a user's file manager does."""
    transfer = page.evaluate_handle("""([name, b64]) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, {type: "image/jpeg"}));
        return transfer;
    }""", [name, base64.b64encode(data).decode()])
    page.dispatch_event(selector, "dragenter", {"dataTransfer": transfer})
    page.dispatch_event(selector, "drop", {"dataTransfer": transfer})


def test_influencer_uploads_reviewer_requests_changes_influencer_resubmits_reviewer_approves(
        review_browser, live_server, campaign, ivy, ivy_profile, rey, monkeypatch):
    monkeypatch.setattr(scoring, "engine_score_draft", REAL_SCORE_DRAFT)
    monkeypatch.setattr(scoring, "engine_annotate_image", REAL_ANNOTATE)
    ARTIFACTS.mkdir(exist_ok=True)
    influencer = review_browser(ivy)
    reviewer = review_browser(rey)

    influencer.goto(f"{live_server.url}/campaigns/{campaign.pk}/")
    influencer.click("#upload-link")
    _drop_image(influencer, "#dropzone", "beach.jpg", _beach_jpeg())
    influencer.wait_for_selector("#previews img.upload-preview")
    assert influencer.locator("#previews img.upload-preview").count() == 1
    influencer.fill("#id_caption", "Beach day with @brand #summer")  # no disclosure yet
    influencer.fill("#id_planned_at", "2026-12-01T18:30")
    influencer.select_option("#id_timezone_name", "Europe/Berlin")
    influencer.screenshot(path=str(ARTIFACTS / "content-review-upload.png"), full_page=True)
    influencer.click("#submit-for-review")
    influencer.wait_for_selector("#score-card[data-score-status='done']", timeout=60_000)
    assert "Submitted" in influencer.inner_text(".badge[data-status]")
    assert "No ad disclosure" in influencer.inner_text("#brief-check")
    submission = Submission.objects.get()

    reviewer.goto(f"{live_server.url}/campaigns/review/")
    reviewer.click(f"#review-queue a[href$='/submissions/{submission.pk}/']")
    reviewer.fill("#review-note", "Please add #ad to disclose the partnership.")
    reviewer.click("#request-changes")
    reviewer.wait_for_selector(".badge[data-status='changes_requested']")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.CHANGES_REQUESTED

    influencer.goto(f"{live_server.url}/campaigns/submissions/{submission.pk}/")
    assert "Please add #ad" in influencer.inner_text("#comments")
    influencer.click("#resubmit-link")
    influencer.fill("#id_caption", "Beach day with @brand #summer #ad")
    influencer.click("#submit-for-review")
    influencer.wait_for_selector(".badge[data-status='resubmitted']", timeout=60_000)
    influencer.wait_for_selector("#score-card[data-score-status='done']")
    assert "v2 (latest)" in influencer.inner_text("#versions")

    reviewer.goto(f"{live_server.url}/campaigns/submissions/{submission.pk}/")
    assert "disclosed by #ad" in reviewer.inner_text("#brief-check")
    reviewer.click("#approve")
    reviewer.wait_for_selector(".badge[data-status='approved']")
    reviewer.wait_for_function("document.querySelector('#likes-chart').width > 0")
    reviewer.wait_for_function(
        "[...document.querySelectorAll('#preview-images img:not(.d-none)')].every(i => i.complete && i.naturalWidth)")
    reviewer.screenshot(path=str(ARTIFACTS / "content-review-approved.png"), full_page=True)

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED and submission.latest_version_number == 2
    reviewer.goto(f"{live_server.url}/campaigns/{campaign.pk}/")
    assert reviewer.inner_text("[data-status-count='approved'] .fs-4") == "1"
    reviewer.screenshot(path=str(ARTIFACTS / "content-review-dashboard.png"), full_page=True)
    actions = list(submission.events.values_list("action", flat=True))
    assert actions == ["created", "submitted", "changes_requested", "resubmitted", "approved"]
