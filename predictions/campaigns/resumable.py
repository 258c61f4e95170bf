"""Resumable uploads of large video drafts: the tus 1.0.0 protocol (tus.io; core, creation, checksum and
termination), spoken by tus-js-client in the browser, so a dropped connection resumes where it stopped instead of
starting over.

    POST   /campaigns/uploads/        Upload-Length, Upload-Metadata (filename)  → 201, Location
    HEAD   /campaigns/uploads/<id>/                                              → 200, Upload-Offset
    PATCH  /campaigns/uploads/<id>/   Upload-Offset, Upload-Checksum: sha1 <b64> → 204, Upload-Offset
    DELETE /campaigns/uploads/<id>/                                              → 204

Each chunk is appended to a part file under CAMPAIGN_UPLOAD_PARTS_DIR only when its offset is the one expected and
its SHA-1 (when sent) matches; a chunk that fails either is dropped whole (409 / 460), so the client resends it.
The request body is read in pieces, never whole into memory. Only the creator who started an upload sees it; a
finished upload is handed to the submission form by its id (the video is then checked like any other), and part
files untouched for a day are removed when the next upload starts.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from config.errors import ApplicationError
from predictions.campaigns.models import ResumableUpload

TUS_VERSION = "1.0.0"
READ_CHUNK = 1024 * 1024
STALE_AFTER = timedelta(days=1)


class TusError(ApplicationError):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status_code = status


def _metadata(header: str) -> dict[str, str]:
    values = {}
    for pair in filter(None, (part.strip() for part in header.split(","))):
        key, _, encoded = pair.partition(" ")
        try:
            values[key] = base64.b64decode(encoded).decode("utf-8") if encoded else ""
        except (binascii.Error, UnicodeDecodeError):
            raise TusError(f"Upload-Metadata {key!r} is not base64 UTF-8.", 400) from None
    return values


MAX_OPEN_PER_USER = 3  # unfinished uploads a person may hold at once (each may be up to CAMPAIGN_VIDEO_MAX_BYTES)


def upload_create(*, user: Any, length_header: str, metadata_header: str) -> ResumableUpload:
    """A new upload for someone who may upload content in one of their agencies, within their open uploads."""
    from django.db.models import F

    from accounts.roles import Capability
    from accounts.selectors import user_memberships

    _sweep()
    if not any(membership.can(Capability.SUBMIT_CONTENT) for membership in user_memberships(user=user)):
        raise TusError("Your roles cannot upload content.", 403)
    if ResumableUpload.objects.filter(user=user, offset__lt=F("length")).count() >= MAX_OPEN_PER_USER:
        raise TusError(
            f"You have {MAX_OPEN_PER_USER} unfinished uploads: finish or cancel one before starting another.", 429
        )
    try:
        length = int(length_header)
    except (TypeError, ValueError):
        raise TusError("Upload-Length must be the file's size in bytes.", 400) from None
    limit = int(settings.CAMPAIGN_VIDEO_MAX_BYTES)
    if length <= 0:
        raise TusError("The file is empty.", 400)
    if length > limit:
        raise TusError(
            f"The file is {length / 1024**2:,.0f} MB; a video may be at most {limit / 1024**2:,.0f} MB.", 413
        )
    name = os.path.basename(_metadata(metadata_header or "").get("filename", ""))[:255]
    upload = ResumableUpload.objects.create(user=user, filename=name, length=length)
    upload.path.touch()
    return upload


def upload_get(*, user: Any, pk: Any) -> ResumableUpload:
    try:
        return ResumableUpload.objects.get(pk=pk, user=user)
    except (ResumableUpload.DoesNotExist, ValueError, TypeError, ApplicationError):
        raise TusError("No such upload.", 404) from None


def upload_append(
    *, upload: ResumableUpload, offset_header: str, checksum_header: str, stream: Any, content_length: int | None
) -> int:
    """Append one chunk from `stream` at the expected offset; its checksum checked before it counts."""
    try:
        offset = int(offset_header)
    except (TypeError, ValueError):
        raise TusError("Upload-Offset must be a number.", 400) from None
    algorithm, expected = None, b""
    if checksum_header:
        algorithm, _, encoded = checksum_header.partition(" ")
        if algorithm != "sha1":
            raise TusError(f"Checksum algorithm {algorithm!r} is not supported (sha1).", 400)
        try:
            expected = base64.b64decode(encoded)
        except binascii.Error:
            raise TusError("Upload-Checksum is not base64.", 400) from None
    with transaction.atomic():
        current = ResumableUpload.objects.select_for_update().get(pk=upload.pk)
        if offset != current.offset:
            raise TusError(f"Upload-Offset {offset} is not where this upload stands ({current.offset}).", 409)
        digest = hashlib.sha1()  # noqa: S324  (tus's checksum extension: integrity against transfer errors)
        written = 0
        left = current.length - current.offset
        with current.path.open("ab") as out:
            start = out.tell()
            try:
                while True:
                    piece = stream.read(READ_CHUNK)
                    if not piece:
                        break
                    written += len(piece)
                    if written > left:
                        raise TusError("The chunk goes past the upload's length.", 413)
                    digest.update(piece)
                    out.write(piece)
                if content_length is not None and written != content_length:
                    raise TusError("The chunk ended before its Content-Length (the connection dropped).", 400)
                if algorithm and digest.digest() != expected:
                    raise TusError("The chunk's checksum does not match: it is dropped, send it again.", 460)
            except BaseException:
                out.truncate(start)  # the chunk never counts: the file stays at the last good offset
                raise
        current.offset += written
        current.save(update_fields=["offset", "updated_at"])
    upload.offset = current.offset
    return current.offset


def upload_delete(*, upload: ResumableUpload) -> None:
    upload.path.unlink(missing_ok=True)
    upload.delete()


def upload_take(*, user: Any, pk: Any) -> tuple[str, str]:
    """A finished upload handed to the submission form: (path of the file, now the caller's to remove; name)."""
    upload = upload_get(user=user, pk=pk)
    if not upload.complete:
        raise ApplicationError(
            f"{upload.filename or 'The video'} has {upload.offset:,} of its {upload.length:,} bytes: finish the "
            "upload first.",
            field="video",
        )
    taken = upload.path.with_suffix(".taken")
    os.replace(upload.path, taken)
    name = upload.filename or "video.mp4"
    upload.delete()
    return str(taken), name


def _sweep() -> None:
    cutoff = timezone.now() - STALE_AFTER
    for upload in ResumableUpload.objects.filter(updated_at__lt=cutoff):
        upload_delete(upload=upload)
