"""Uploads are validated before anything is stored: a bad file gets a clear message and leaves no row, no file."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from config.errors import ApplicationError
from predictions.campaigns.models import Submission, SubmissionImage, SubmissionVersion, VersionScore
from predictions.campaigns.uploads import image_validate
from tests.predictions.campaigns.uploads import PLANNED_LOCAL, data_upload, jpeg_upload, media_files

pytestmark = pytest.mark.django_db


def assert_nothing_saved(media_root) -> None:
    assert Submission.objects.count() == 0
    assert SubmissionVersion.objects.count() == 0
    assert SubmissionImage.objects.count() == 0
    assert VersionScore.objects.count() == 0
    assert media_files(media_root) == []


def test_a_text_file_named_jpg_is_refused_and_nothing_is_saved(make_submission, media_root):
    with pytest.raises(ApplicationError) as caught:
        make_submission(uploads=[data_upload("not-an-image.jpg")])
    assert "not-an-image.jpg is not an image" in caught.value.message
    assert_nothing_saved(media_root)


def test_one_bad_file_among_good_ones_rejects_the_whole_upload(make_submission, media_root):
    with pytest.raises(ApplicationError):
        make_submission(uploads=[jpeg_upload("a.jpg"), data_upload("not-an-image.jpg")])
    assert_nothing_saved(media_root)


def test_an_oversized_file_is_refused_before_decoding(make_submission, media_root, settings):
    settings.CAMPAIGN_UPLOAD_MAX_BYTES = 50_000
    buffer = io.BytesIO()
    Image.effect_noise((600, 600), 120).convert("RGB").save(buffer, "JPEG", quality=95)  # noise: no compression
    assert len(buffer.getvalue()) > 50_000
    upload = SimpleUploadedFile("huge.jpg", buffer.getvalue(), content_type="image/jpeg")
    with pytest.raises(ApplicationError) as caught:
        make_submission(uploads=[upload])
    assert caught.value.code == "image_too_large"
    assert "huge.jpg" in caught.value.message and "at most" in caught.value.message
    assert_nothing_saved(media_root)


def test_a_decompression_bomb_is_refused_from_its_header(make_submission, media_root):
    with pytest.raises(ApplicationError) as caught:
        make_submission(uploads=[data_upload("bomb.png", "image/png")])
    assert caught.value.code == "image_too_many_pixels"
    assert "decompression bomb" in caught.value.message
    assert_nothing_saved(media_root)


def test_an_image_over_our_pixel_limit_but_under_pillows_is_refused(settings):
    settings.CAMPAIGN_UPLOAD_MAX_PIXELS = 100 * 100
    with pytest.raises(ApplicationError) as caught:
        image_validate(upload=jpeg_upload("wide.jpg", size=(200, 100)))
    assert caught.value.code == "image_too_many_pixels"
    assert "200×100 = 20,000 pixels" in caught.value.message


def test_a_truncated_jpeg_is_refused():
    good = jpeg_upload("cut.jpg", size=(200, 200)).read()
    with pytest.raises(ApplicationError) as caught:
        image_validate(upload=SimpleUploadedFile("cut.jpg", good[: len(good) // 2], content_type="image/jpeg"))
    assert "damaged or truncated" in caught.value.message


def test_exif_orientation_is_applied_before_storing(make_submission, media_root):
    submission = make_submission(uploads=[data_upload("exif-rotated.jpg")])
    row = submission.versions.get().images.get()
    # Stored 60×40 landscape with orientation 6 → shown (and now stored) as 40×60 portrait.
    assert (row.width, row.height) == (40, 60)
    with Image.open(row.image.path) as stored:
        assert stored.size == (40, 60)
        assert stored.getexif().get(0x0112) is None
        top = stored.convert("RGB").getpixel((20, 5))
        bottom = stored.convert("RGB").getpixel((20, 55))
    # Rotating 90° clockwise puts the red left half on top.
    assert top[0] > 200 and top[2] < 60
    assert bottom[2] > 200 and bottom[0] < 60


def test_upload_page_shows_the_message_and_saves_nothing(campaign, ivy, ivy_profile, client, media_root):
    client.force_login(ivy)
    response = client.post(
        reverse("predictions:submission_create", args=[campaign.pk]),
        {
            "profile": ivy_profile.pk,
            "caption": "Hi #summer @brand #ad",
            "planned_at": PLANNED_LOCAL,
            "timezone_name": "Europe/Berlin",
            "action": "submit",
            "images": [data_upload("not-an-image.jpg")],
        },
    )
    assert response.status_code == 400
    assert "not-an-image.jpg is not an image" in response.content.decode()
    assert_nothing_saved(media_root)


def test_api_upload_of_a_bomb_returns_the_error_format(campaign, ivy, ivy_profile, api_client_for, media_root):
    response = api_client_for(ivy).post(
        reverse("api:submission-list"),
        {
            "campaign": campaign.pk,
            "profile": ivy_profile.pk,
            "caption": "x",
            "planned_at": PLANNED_LOCAL,
            "images": [data_upload("bomb.png", "image/png")],
        },
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "image_too_many_pixels"
    assert "images" in response.json()["error"]["fields"]
    assert_nothing_saved(media_root)


def test_no_images_is_a_clear_error(make_submission, media_root):
    with pytest.raises(ApplicationError, match="at least one image"):
        make_submission(uploads=[])
    assert_nothing_saved(media_root)


def test_a_jpeg_comment_and_exif_do_not_survive_the_re_encode():
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "SpyCam Inc"  # Make
    exif[0x8825] = {2: (48.0, 51.0, 24.0)}  # GPS latitude
    Image.new("RGB", (320, 240), "teal").save(buffer, "JPEG", comment=b"<script>alert(1)</script>", exif=exif)
    raw = buffer.getvalue()
    assert b"<script>" in raw and b"SpyCam" in raw
    stored = image_validate(upload=SimpleUploadedFile("tagged.jpg", raw, content_type="image/jpeg")).content.read()
    assert b"<script>" not in stored and b"SpyCam" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert "comment" not in image.info and "exif" not in image.info
        assert not image.getexif()


def test_a_large_jpeg_is_decoded_at_reduced_scale_to_the_stored_size(settings):
    settings.CAMPAIGN_UPLOAD_MAX_EDGE = 400
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1200), "navy").save(buffer, "JPEG")
    validated = image_validate(upload=SimpleUploadedFile("big.jpg", buffer.getvalue(), content_type="image/jpeg"))
    assert (validated.width, validated.height) == (400, 300)


def test_the_pixels_of_one_request_together_have_a_budget_checked_before_any_decoding(
    make_submission, media_root, settings, monkeypatch
):
    settings.CAMPAIGN_UPLOAD_MAX_REQUEST_PIXELS = 200_000
    decoded = []
    monkeypatch.setattr(
        "predictions.campaigns.uploads.image_validate",
        lambda *, upload: decoded.append(upload) or pytest.fail("decoded before the budget check"),
    )
    with pytest.raises(ApplicationError) as caught:
        make_submission(uploads=[jpeg_upload(f"p{n}.jpg", size=(320, 240)) for n in range(3)])
    assert "230,400 pixels in all" in caught.value.message and "at most 200,000" in caught.value.message
    assert decoded == []
    assert_nothing_saved(media_root)
