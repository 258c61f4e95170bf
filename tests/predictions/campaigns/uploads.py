"""Uploads for the campaign review tests: JPEGs made with Pillow and the files in tests/data/predictions."""

from __future__ import annotations

import datetime as dt
import io
import zoneinfo
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

DATA = Path(__file__).resolve().parent.parent.parent / "data" / "predictions"
GOOD_CAPTION = "Beach day with @brand ☀️ #summer #ad"


def jpeg_upload(
    name: str = "photo.jpg", size: tuple[int, int] = (320, 240), color: str = "orange"
) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", quality=85)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def data_upload(name: str, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (DATA / name).read_bytes(), content_type=content_type)


def media_files(root: Path) -> list[Path]:
    return [p for p in Path(root).rglob("*") if p.is_file()]


# A planned time a few days ahead (inside the campaign fixture's 30-day window, never in the past), as the
# datetime-local input sends it, and the same wall-clock time in Berlin as UTC the API returns.
PLANNED_DAY = dt.date.today() + dt.timedelta(days=5)
PLANNED_LOCAL = f"{PLANNED_DAY.isoformat()}T18:30"
PLANNED_BERLIN = dt.datetime.combine(PLANNED_DAY, dt.time(18, 30), tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
PLANNED_BERLIN_UTC = PLANNED_BERLIN.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
