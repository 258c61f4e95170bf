"""Browser run of content review in Debian's chromium: the influencer uploads (drag and drop, instant preview), the
reviewer asks for changes, the influencer resubmits, the reviewer approves. Scoring runs eagerly in tests."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image, ImageDraw

from predictions.campaigns.models import Submission, SubmissionStatus
from tests.browser_fixtures import save_screenshot
from tests.predictions.campaigns.uploads import PLANNED_LOCAL

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _beach_jpeg() -> bytes:
    image = Image.new("RGB", (480, 480), (120, 190, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 320, 480, 480], fill=(236, 210, 160))
    draw.ellipse([170, 140, 310, 300], fill=(240, 200, 170))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _drop_image(page, selector: str, name: str, data: bytes) -> None:
    """Drag and drop a file onto the drop zone the way a user's file manager does."""
    # The upload link navigates: build the file in the new page, once its drop-zone script has run (on a cold
    # browser the handle was once made in the page being left, and the drop showed no preview).
    page.wait_for_selector(selector)
    page.wait_for_load_state("load")
    transfer = page.evaluate_handle(
        """([name, b64]) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, {type: "image/jpeg"}));
        return transfer;
    }""",
        [name, base64.b64encode(data).decode()],
    )
    page.dispatch_event(selector, "dragenter", {"dataTransfer": transfer})
    page.dispatch_event(selector, "drop", {"dataTransfer": transfer})


def test_influencer_uploads_reviewer_requests_changes_influencer_resubmits_reviewer_approves(
    make_browser_page, live_server, campaign, ivy, ivy_profile, rey
):
    # The real like engine scores here (eagerly, in the live server's thread), with the shipped model.
    influencer = make_browser_page(ivy)
    reviewer = make_browser_page(rey)

    influencer.goto(f"{live_server.url}/campaigns/{campaign.pk}/")
    influencer.click("#upload-link")
    _drop_image(influencer, "#dropzone", "beach.jpg", _beach_jpeg())
    influencer.wait_for_selector("#previews img.upload-preview")
    assert influencer.locator("#previews img.upload-preview").count() == 1
    influencer.fill("#id_caption", "Beach day with @brand #summer")  # no disclosure yet
    influencer.fill("#id_planned_at", PLANNED_LOCAL)
    influencer.select_option("#id_timezone_name", "Europe/Berlin")
    save_screenshot(influencer, "content-review-upload")
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
        "[...document.querySelectorAll('#preview-images img:not(.d-none)')].every(i => i.complete && i.naturalWidth)"
    )
    save_screenshot(reviewer, "content-review-approved")

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED and submission.latest_version_number == 2
    reviewer.goto(f"{live_server.url}/campaigns/{campaign.pk}/")
    assert reviewer.inner_text("[data-status-count='approved'] .fs-4") == "1"
    save_screenshot(reviewer, "content-review-dashboard")
    actions = list(submission.events.values_list("action", flat=True))
    assert actions == ["created", "submitted", "changes_requested", "resubmitted", "approved"]
