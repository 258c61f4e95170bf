"""Browser run of a video draft in Debian's chromium: the creator chooses a phone-style H.264/AAC clip (preview in a
player), uploads it with a progress bar, the page plays it; a reviewer comments at the moment the player shows and
the marker on the timeline seeks back there; a file that is not a video is refused with its reason, on a phone.
Processing and scoring run eagerly in tests (inside the upload request)."""

from __future__ import annotations

import pytest

from predictions.campaigns.models import Comment, Submission, SubmissionVideo
from tests.browser_fixtures import save_screenshot
from tests.predictions.campaigns.uploads import PLANNED_LOCAL
from tests.videos import make_clip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _until(page, expression: str, *, timeout: float = 30.0) -> None:
    """Poll `expression` from the test (page.evaluate goes through the DevTools protocol; wait_for_function's own
    polling evaluates strings inside the page, which the site's Content-Security-Policy forbids)."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout:.0f} s: {expression}")
        page.wait_for_timeout(100)


def test_a_creator_uploads_a_video_and_a_reviewer_comments_at_a_moment(
    make_browser_page, live_server, campaign, ivy, ivy_profile, rey, tmp_path
):
    clip = make_clip(tmp_path / "beach-reel.mp4", seconds=4, scenes=4, width=360, height=640)
    creator = make_browser_page(ivy)
    creator.goto(f"/campaigns/{campaign.pk}/")
    creator.click("#upload-link")
    creator.wait_for_selector("#dropzone")
    creator.set_input_files("#images", str(clip))  # the file chooser the drop zone opens
    creator.wait_for_selector("#previews video")
    _until(creator, "document.querySelector('#previews video').readyState >= 1")
    assert "360 × 640 · 4.0 s" in creator.inner_text("#previews")
    assert creator.evaluate("document.getElementById('video').files.length") == 1  # moved to the video field
    creator.fill("#id_caption", "Beach day with @brand #summer #ad")
    creator.fill("#id_planned_at", PLANNED_LOCAL)
    creator.click("#submit-for-review")
    creator.wait_for_selector("#upload-progress:not(.d-none)")
    creator.wait_for_url("**/campaigns/submissions/*/", timeout=90_000)
    creator.wait_for_selector("#draft-video")
    _until(creator, "document.querySelector('#draft-video').readyState >= 1")
    assert abs(creator.evaluate("document.querySelector('#draft-video').duration") - 4.0) < 0.2
    assert creator.evaluate("document.querySelector('#draft-video').paused")  # never autoplays
    creator.wait_for_selector("#score-card[data-score-status='done']", timeout=60_000)
    save_screenshot(creator, "video-draft-uploaded")
    submission = Submission.objects.get()
    assert SubmissionVideo.objects.get(version__submission=submission).features["cuts"] == 3

    reviewer = make_browser_page(rey)
    reviewer.goto(f"/campaigns/submissions/{submission.pk}/")
    _until(reviewer, "document.querySelector('#draft-video').readyState >= 1")
    reviewer.evaluate(
        """() => new Promise((done) => {
        const video = document.querySelector('#draft-video');
        video.addEventListener('seeked', () => done(), {once: true});
        video.currentTime = 2.2;
    })"""
    )
    reviewer.click("#comment-at-now")
    assert reviewer.input_value("#comment-at") == "0:02"
    reviewer.fill("#comment-form textarea[name=body]", "The logo is cut off here")
    reviewer.click("#comment-form button:has-text('Comment')")
    reviewer.wait_for_selector(".video-marker")
    comment = Comment.objects.get()
    assert comment.at_seconds == 2.0 and comment.body == "The logo is cut off here"
    reviewer.evaluate("document.querySelector('#draft-video').currentTime = 0")
    reviewer.click(".video-marker")
    _until(reviewer, "Math.abs(document.querySelector('#draft-video').currentTime - 2.0) < 0.05")
    reviewer.evaluate("document.querySelector('#draft-video').currentTime = 0")
    reviewer.click(".moment-link")
    _until(reviewer, "Math.abs(document.querySelector('#draft-video').currentTime - 2.0) < 0.05")
    save_screenshot(reviewer, "video-draft-moment")


def test_a_file_that_is_not_a_video_is_refused_with_its_reason_on_a_phone(
    make_browser_page, live_server, campaign, ivy, ivy_profile, tmp_path
):
    fake = tmp_path / "holiday.mp4"
    fake.write_text("Not a video: a text file somebody renamed.\n" * 100)
    phone = make_browser_page(ivy, viewport=PHONE)
    phone.goto(f"/campaigns/{campaign.pk}/upload/")
    phone.wait_for_selector("#dropzone")
    phone.set_input_files("#images", str(fake))
    phone.wait_for_selector("#previews video")
    phone.fill("#id_caption", "Beach day with @brand #summer #ad")
    phone.fill("#id_planned_at", PLANNED_LOCAL)
    phone.click("#submit-for-review")
    phone.wait_for_selector("#form-errors", timeout=30_000)
    assert "holiday.mp4: not a video we can read" in phone.inner_text("#form-errors")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    save_screenshot(phone, "video-draft-refused-phone")
    assert not Submission.objects.exists()


def test_a_large_video_goes_up_in_resumable_pieces_and_survives_a_dropped_connection(
    make_browser_page, live_server, campaign, ivy, ivy_profile, tmp_path, settings
):
    """Over the resumable threshold the browser speaks tus (tus-js-client): the first piece's connection is cut,
    the client asks the server where it stands (HEAD) and sends the piece again; the form then names the upload."""
    from predictions.campaigns.models import ResumableUpload

    settings.CAMPAIGN_VIDEO_RESUMABLE_OVER_BYTES = 10_000
    clip = make_clip(tmp_path / "long-take.mp4", seconds=4, scenes=2)
    creator = make_browser_page(ivy)
    seen: list[str] = []
    cut = {"done": False}

    def drop_first_piece(route):
        if route.request.method == "PATCH" and not cut["done"]:
            cut["done"] = True
            route.abort("connectionreset")
            return
        route.continue_()

    creator.route("**/campaigns/uploads/**", drop_first_piece)
    creator.on("request", lambda request: seen.append(request.method) if "/campaigns/uploads/" in request.url else None)
    creator.goto(f"/campaigns/{campaign.pk}/upload/")
    creator.wait_for_selector("#dropzone")
    creator.set_input_files("#images", str(clip))
    creator.fill("#id_caption", "Beach day with @brand #summer #ad")
    creator.fill("#id_planned_at", PLANNED_LOCAL)
    creator.click("#submit-for-review")
    creator.wait_for_url("**/campaigns/submissions/*/", timeout=90_000)
    creator.wait_for_selector("#draft-video")
    assert cut["done"] and seen.count("PATCH") >= 2 and "POST" in seen
    video = SubmissionVideo.objects.get()
    assert video.original.read() == clip.read_bytes() and video.original_name == "long-take.mp4"
    assert not ResumableUpload.objects.exists()
