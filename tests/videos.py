"""Video files for tests, made by FFmpeg's own encoders through PyAV (libx264 + AAC in MP4, libvpx-vp9 + Opus in
WebM, MPEG-4 Part 2 for a codec we refuse): scenes of flat colour with a moving square, a sine tone, optional
rotation metadata (as phones write it) and an optional face (a photo of a face pasted into the first scene)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

COLOURS = [(200, 40, 40), (40, 160, 60), (40, 60, 200), (220, 200, 40), (120, 40, 160), (30, 30, 30)]


def make_clip(
    path: Path,
    *,
    seconds: float = 3.0,
    width: int = 360,
    height: int = 640,
    fps: int = 30,
    scenes: int = 3,
    audio: bool = True,
    codec: str = "libx264",
    audio_codec: str = "aac",
    container: str = "mp4",
    rotation: int = 0,
    face: np.ndarray | None = None,
) -> Path:
    """Write a clip to `path`: `scenes` scenes of equal length, each a flat colour with a white square moving
    across; `face` (an RGB array) pasted in the middle of the first scene."""
    from ml.engine.video import write_clip

    count = int(round(seconds * fps))

    def frames():  # type: ignore[no-untyped-def]
        for index in range(count):
            scene = min(scenes - 1, index * scenes // count)
            image = np.empty((height, width, 3), np.uint8)
            image[:] = COLOURS[scene % len(COLOURS)]
            side = max(8, min(width, height) // 6)
            x = int((width - side) * (index % fps) / fps)
            image[height // 3 : height // 3 + side, x : x + side] = 255
            if face is not None and scene == 0:
                fh, fw = face.shape[:2]
                top, left = (height - fh) // 2, (width - fw) // 2
                image[top : top + fh, left : left + fw] = face
            yield image

    return write_clip(
        path,
        frames(),
        fps=fps,
        width=width,
        height=height,
        seconds=seconds,
        codec=codec,
        container=container,
        tone=(440.0, 0.2) if audio else None,
        audio_codec=audio_codec,
        rotation=rotation,
    )
