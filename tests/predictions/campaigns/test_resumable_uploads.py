"""Resumable video uploads (the tus 1.0.0 protocol: core, creation, checksum, termination): pieces append only at
the expected offset and with a matching SHA-1, a broken piece never counts, the upload resumes from its offset, and
the finished file becomes a video draft through the same checks as a direct upload."""

from __future__ import annotations

import base64
import hashlib

import pytest

from config.jobs import JobStatus
from predictions.campaigns.models import ResumableUpload, SubmissionVideo
from tests.videos import make_clip

pytestmark = pytest.mark.django_db

TUS = {"HTTP_TUS_RESUMABLE": "1.0.0"}


def _metadata(name: str) -> str:
    return "filename " + base64.b64encode(name.encode()).decode()


def _create(client, size: int, name: str = "reel.mp4"):
    return client.post("/campaigns/uploads/", HTTP_UPLOAD_LENGTH=str(size), HTTP_UPLOAD_METADATA=_metadata(name), **TUS)


def _patch(client, url: str, data: bytes, offset: int, checksum: bytes | None = None):
    extra = {"HTTP_UPLOAD_OFFSET": str(offset), **TUS}
    if checksum is not None:
        extra["HTTP_UPLOAD_CHECKSUM"] = "sha1 " + base64.b64encode(checksum).decode()
    return client.generic("PATCH", url, data, content_type="application/offset+octet-stream", **extra)


@pytest.fixture
def clip_bytes(tmp_path) -> bytes:
    return make_clip(tmp_path / "reel.mp4", seconds=4, scenes=3).read_bytes()


def test_the_server_says_what_it_speaks(client, ivy):
    client.force_login(ivy)
    response = client.options("/campaigns/uploads/")
    assert response.status_code == 204
    assert (response["Tus-Version"], response["Tus-Checksum-Algorithm"]) == ("1.0.0", "sha1")
    assert set(response["Tus-Extension"].split(",")) == {"creation", "checksum", "termination"}


def test_pieces_append_at_their_offset_with_their_checksum_and_a_broken_one_never_counts(client, ivy, clip_bytes):
    client.force_login(ivy)
    created = _create(client, len(clip_bytes))
    assert created.status_code == 201
    url = created["Location"]
    first, rest = clip_bytes[:10_000], clip_bytes[10_000:]
    done = _patch(client, url, first, 0, hashlib.sha1(first).digest())
    assert done.status_code == 204 and done["Upload-Offset"] == "10000"
    # a piece whose bytes changed on the way: refused whole, the file stays at the last good offset
    damaged = bytes([rest[0] ^ 0xFF]) + rest[1:5000]
    refused = _patch(client, url, damaged, 10_000, hashlib.sha1(rest[:5000]).digest())
    assert refused.status_code == 460 and "checksum does not match" in refused.content.decode()
    assert client.head(url, **TUS)["Upload-Offset"] == "10000"
    # a piece sent for the wrong place: 409, nothing written
    assert _patch(client, url, rest[:100], 9_000).status_code == 409
    upload = ResumableUpload.objects.get()
    assert upload.path.stat().st_size == 10_000
    finished = _patch(client, url, rest, 10_000, hashlib.sha1(rest).digest())
    assert finished["Upload-Offset"] == str(len(clip_bytes))
    assert upload.path.read_bytes() == clip_bytes


def test_uploads_are_their_creators_own_and_sized(client, ivy, rey, clip_bytes, settings):
    client.force_login(ivy)
    url = _create(client, len(clip_bytes))["Location"]
    client.force_login(rey)
    assert client.head(url, **TUS).status_code == 404
    assert _patch(client, url, clip_bytes, 0).status_code == 404
    client.force_login(ivy)
    settings.CAMPAIGN_VIDEO_MAX_BYTES = 1000
    too_big = _create(client, 5000)
    assert too_big.status_code == 413 and "at most" in too_big.content.decode()
    assert client.delete(url, **TUS).status_code == 204
    assert not ResumableUpload.objects.exists()


def test_a_finished_upload_becomes_a_video_draft_checked_like_any_other(
    client, ivy, clip_bytes, make_submission, media_root
):
    client.force_login(ivy)
    url = _create(client, len(clip_bytes))["Location"]
    half = len(clip_bytes) // 2
    _patch(client, url, clip_bytes[:half], 0)
    upload = ResumableUpload.objects.get()
    with pytest.raises(Exception, match="finish the upload first"):
        make_submission(uploads=[], video=str(upload.pk))
    _patch(client, url, clip_bytes[half:], half)
    submission = make_submission(uploads=[], video=str(upload.pk))
    video = SubmissionVideo.objects.get(version__submission=submission)
    assert video.status == JobStatus.DONE and video.original_name == "reel.mp4"
    assert video.original.read() == clip_bytes and video.features["cuts"] == 2
    assert not ResumableUpload.objects.exists() and not list(upload.path.parent.glob(f"{upload.pk}*"))


def test_a_finished_upload_that_is_not_a_video_is_refused_and_removed(client, ivy, make_submission):
    client.force_login(ivy)
    body = b"plain text, not a video\n" * 400
    url = _create(client, len(body), "notes.mp4")["Location"]
    _patch(client, url, body, 0)
    upload = ResumableUpload.objects.get()
    with pytest.raises(Exception, match="notes.mp4: not a video we can read"):
        make_submission(uploads=[], video=str(upload.pk))
    assert not list(upload.path.parent.glob(f"{upload.pk}*")) and not SubmissionVideo.objects.exists()


def test_only_people_who_upload_content_start_uploads_and_a_few_at_a_time(client, ivy, bob):
    client.force_login(bob)  # a viewer of the agency
    refused = _create(client, 1000)
    assert refused.status_code == 403 and "cannot upload content" in refused.content.decode()
    client.force_login(ivy)
    for _ in range(3):
        assert _create(client, 1000).status_code == 201
    full = _create(client, 1000)
    assert full.status_code == 429 and "3 unfinished uploads" in full.content.decode()
    assert ResumableUpload.objects.filter(user=ivy).count() == 3
