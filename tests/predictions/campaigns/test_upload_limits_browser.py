"""The drop zone states the upload limits and the browser refuses an over-size image before sending anything."""

from __future__ import annotations

import pytest

from predictions.campaigns.models import Submission
from tests.browser_fixtures import save_screenshot
from tests.predictions.campaigns.uploads import PLANNED_LOCAL

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_image_over_10_mb_is_refused_in_the_browser(make_browser_page, live_server, campaign, ivy, ivy_profile):
    page = make_browser_page(ivy)
    page.goto(f"/campaigns/{campaign.pk}/upload/")
    assert "10 MB each" in page.inner_text("#upload-limits")
    sent: list[int] = []
    page.on("request", lambda request: sent.append(len(request.post_data_buffer or b"")))
    transfer = page.evaluate_handle("""() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(11 * 1024 * 1024)], "huge.jpg", {type: "image/jpeg"}));
        return transfer;
    }""")
    page.dispatch_event("#dropzone", "drop", {"dataTransfer": transfer})
    assert "huge.jpg is 11.0 MB; the limit is 10.0 MB per image." in page.inner_text("#upload-error")
    assert page.evaluate("document.getElementById('images').files.length") == 0
    assert page.locator("#previews img").count() == 0
    page.fill("#id_caption", "Beach day #summer @brand #ad")
    page.fill("#id_planned_at", PLANNED_LOCAL)
    save_screenshot(page, "upload-too-large")
    page.click("#submit-for-review")
    page.wait_for_timeout(300)
    # The form went without the image (the server then asks for one): no request carried the 11 MB.
    page.wait_for_selector("#form-errors")
    assert max(sent) < 1024 * 1024 and not Submission.objects.exists()


def test_a_refused_upload_keeps_what_was_typed(make_browser_page, live_server, campaign, ivy, ivy_profile):
    page = make_browser_page(ivy)
    page.goto(f"/campaigns/{campaign.pk}/upload/")
    caption = "x" * 2201
    page.fill("#id_caption", caption)
    page.fill("#id_planned_at", PLANNED_LOCAL)
    page.set_input_files(
        "#images",
        files=[
            {
                "name": "a.jpg",
                "mimeType": "image/jpeg",
                "buffer": open("tests/data/predictions/exif-rotated.jpg", "rb").read(),
            }
        ],
    )
    page.click("#submit-for-review")
    page.wait_for_selector("#caption-error")
    assert "at most 2,200 characters" in page.inner_text("#caption-error")
    assert page.input_value("#id_caption") == caption and page.input_value("#id_planned_at") == PLANNED_LOCAL
