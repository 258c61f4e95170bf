"""An agency's own look on what it sends out: its logo and colour on the campaign report, the share page and the PDF.

The logo is checked completely before anything is stored (PNG, JPEG or WebP by content, at most MAX_LOGO_BYTES and
MAX_LOGO_PIXELS, decoded under Pillow's decompression-bomb guard), then re-encoded as a PNG at most LOGO_BOX: what
is stored and shown is our own small PNG without the upload's metadata, inlined as a data URI so that the share page
and the PDF need no file serving."""

from __future__ import annotations

import base64
import io
import re
import warnings
from typing import Any

from config.errors import ApplicationError

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_PIXELS = 16_000_000
LOGO_BOX = (600, 200)
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}
COLOR_RE = re.compile(r"^#[0-9a-f]{6}$")
DEFAULT_COLOR = "#0d6efd"


def logo_validate(upload: Any) -> bytes:
    """The stored PNG for an uploaded logo, or ApplicationError (field "logo") saying what is wrong with it."""
    from PIL import Image, UnidentifiedImageError

    raw = upload.read(MAX_LOGO_BYTES + 1)
    if len(raw) > MAX_LOGO_BYTES:
        raise ApplicationError(
            f"The logo is over {MAX_LOGO_BYTES // (1024 * 1024)} MB: use a smaller file.", field="logo"
        )
    if not raw:
        raise ApplicationError("The logo file is empty.", field="logo")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as probe:
                if probe.format not in LOGO_FORMATS:
                    raise ApplicationError(
                        f"A logo must be a PNG, JPEG or WebP image; this file is {probe.format or 'not an image'}.",
                        field="logo",
                    )
                width, height = probe.size
                if width * height > MAX_LOGO_PIXELS:
                    raise ApplicationError(
                        f"The logo is {width:,} × {height:,} pixels: at most {MAX_LOGO_PIXELS // 1_000_000} million.",
                        field="logo",
                    )
                probe.load()
                image = probe.convert("RGBA")
    except ApplicationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ApplicationError("The logo claims more pixels than any logo needs: refused.", field="logo") from exc
    except UnidentifiedImageError as exc:
        raise ApplicationError(
            "A logo must be a PNG, JPEG or WebP image; this file is not an image.", field="logo"
        ) from exc
    except (OSError, ValueError, SyntaxError) as exc:  # truncated or corrupt data
        raise ApplicationError("The logo image is damaged or cut short: export it again.", field="logo") from exc
    image.thumbnail(LOGO_BOX, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def color_validate(value: str) -> str:
    color = (value or "").strip().lower()
    if color and not COLOR_RE.match(color):
        raise ApplicationError("A colour is written #rrggbb, e.g. #0d6efd.", field="brand_color")
    return color


def _luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def text_color_for(color: str) -> str:
    """Black or white, whichever contrasts more with `color` (WCAG relative luminance)."""
    luminance = _luminance(color)
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


def branding(organization: Any) -> dict[str, Any]:
    """What the report, share page and PDF show of the agency: name, colour (with a readable text colour on it) and
    the logo as a data URI ("" without one)."""
    color = organization.brand_color or DEFAULT_COLOR
    logo = bytes(organization.logo_png) if organization.logo_png else b""
    return {
        "name": organization.name,
        "color": color,
        "text_color": text_color_for(color),
        "custom": bool(organization.brand_color or logo),
        "logo_uri": f"data:image/png;base64,{base64.b64encode(logo).decode()}" if logo else "",
    }
