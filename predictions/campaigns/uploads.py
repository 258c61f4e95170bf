"""Image uploads are checked completely before anything is stored.

A file is accepted only if Pillow recognises real image content of an allowed format (the extension means
nothing), it is within the byte and pixel limits (decompression bombs are refused from the header alone, before
any pixel is decoded), and it decodes fully. One request may not exceed a total pixel budget either (all headers
are read before any image is decoded), and a large JPEG is decoded at a reduced scale (`Image.draft`) straight to
the stored size, so ten big photos cost the web process little CPU and memory. The stored file is a re-encoded
JPEG with the EXIF orientation applied and no metadata (EXIF, XMP, comments): every later reader (OpenCV,
browsers) sees the picture upright, and neither camera data nor text hidden in a comment survives.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, ImageOps, UnidentifiedImageError

from config.errors import ApplicationError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}


@dataclass(frozen=True)
class ValidatedImage:
    content: ContentFile
    width: int
    height: int
    original_name: str


def _limits() -> tuple[int, int, int]:
    return (
        settings.CAMPAIGN_UPLOAD_MAX_BYTES,
        settings.CAMPAIGN_UPLOAD_MAX_PIXELS,
        settings.CAMPAIGN_UPLOAD_MAX_IMAGES,
    )


def _megabytes(value: int) -> str:
    return f"{value / (1024 * 1024):.0f} MB"


def _read(upload: UploadedFile, name: str, max_bytes: int) -> bytes:
    if upload.size is not None and upload.size > max_bytes:
        raise ApplicationError(
            f"{name} is {_megabytes(upload.size)}; images may be at most {_megabytes(max_bytes)}.",
            field="images",
            code="image_too_large",
        )
    upload.seek(0)
    raw = upload.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise ApplicationError(
            f"{name} is larger than {_megabytes(max_bytes)}; please upload a smaller image.",
            field="images",
            code="image_too_large",
        )
    if not raw:
        raise ApplicationError(f"{name} is empty.", field="images", code="image_invalid")
    return raw


def _header_pixels(upload: UploadedFile) -> int:
    """width × height from the header alone (nothing decoded); 0 when unreadable (image_validate says why)."""
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                width, height = probe.size
        return width * height
    except Exception:  # noqa: BLE001  (any unreadable file is refused with its own message by image_validate)
        return 0
    finally:
        upload.seek(0)


def image_validate(*, upload: UploadedFile) -> ValidatedImage:
    """Return the upright, re-encoded image or raise ApplicationError with a message naming the file."""
    max_bytes, max_pixels, _ = _limits()
    max_edge = settings.CAMPAIGN_UPLOAD_MAX_EDGE
    name = os.path.basename(upload.name or "image")
    raw = _read(upload, name, max_bytes)
    try:
        with warnings.catch_warnings():
            # Pillow warns between MAX_IMAGE_PIXELS and twice that; treat it as the error it is for us.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as probe:
                image_format = probe.format
                width, height = probe.size
                if image_format not in ALLOWED_FORMATS:
                    raise ApplicationError(
                        f"{name} is a {image_format or 'unknown'} file; upload a JPEG, PNG or WebP image.",
                        field="images",
                        code="image_invalid",
                    )
                if width * height > max_pixels:
                    raise _too_many_pixels(name, width, height, max_pixels)
                probe.verify()
            with Image.open(io.BytesIO(raw)) as image:
                if image.format == "JPEG":
                    image.draft("RGB", (max_edge, max_edge))  # decode at 1/2, 1/4 or 1/8 scale when that suffices
                image.load()
                upright = ImageOps.exif_transpose(image)
                rgb = _to_rgb(upright)
                rgb.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
                icc_profile = image.info.get("icc_profile")
    except ApplicationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ApplicationError(
            f"{name} declares more pixels than we accept (a possible decompression bomb); "
            f"images may have at most {max_pixels:,} pixels.",
            field="images",
            code="image_too_many_pixels",
        ) from exc
    except UnidentifiedImageError as exc:
        raise ApplicationError(
            f"{name} is not an image (its content is not JPEG, PNG or WebP, whatever its name).",
            field="images",
            code="image_invalid",
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ApplicationError(
            f"{name} is damaged or truncated and cannot be read as an image.", field="images", code="image_invalid"
        ) from exc
    buffer = io.BytesIO()
    # Pillow writes info["comment"] (and would keep EXIF / XMP if passed): save with nothing but the colour profile.
    rgb.info = {}
    rgb.save(buffer, format="JPEG", quality=90, optimize=True, **({"icc_profile": icc_profile} if icc_profile else {}))
    stem = os.path.splitext(name)[0][:80] or "image"
    return ValidatedImage(
        content=ContentFile(buffer.getvalue(), name=f"{stem}.jpg"),
        width=rgb.width,
        height=rgb.height,
        original_name=name[:255],
    )


def _too_many_pixels(name: str, width: int, height: int, max_pixels: int) -> ApplicationError:
    return ApplicationError(
        f"{name} is {width}×{height} = {width * height:,} pixels; images may have at most {max_pixels:,} pixels "
        "(larger ones could be decompression bombs).",
        field="images",
        code="image_too_many_pixels",
    )


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode == "RGB":
        return image.copy()
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def images_validate(*, uploads: list[UploadedFile]) -> list[ValidatedImage]:
    """Validate every file of one upload; any bad file rejects the whole upload."""
    _, _, max_images = _limits()
    if not uploads:
        raise ApplicationError("Add at least one image.", field="images", code="image_missing")
    if len(uploads) > max_images:
        raise ApplicationError(
            f"At most {max_images} images per post; you sent {len(uploads)}.", field="images", code="image_too_many"
        )
    budget = settings.CAMPAIGN_UPLOAD_MAX_REQUEST_PIXELS
    total = sum(_header_pixels(upload) for upload in uploads)
    if total > budget:
        raise ApplicationError(
            f"These {len(uploads)} images have {total:,} pixels in all; one upload may have at most {budget:,} "
            "(send fewer or smaller images).",
            field="images",
            code="image_too_many_pixels",
        )
    return [image_validate(upload=upload) for upload in uploads]
