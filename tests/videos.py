"""Video files for tests, made by FFmpeg's own encoders through PyAV (libx264 + AAC in MP4, libvpx-vp9 + Opus in
WebM, MPEG-4 Part 2 for a codec we refuse): scenes of flat colour with a moving square, a sine tone, optional
rotation metadata (as phones write it) and an optional face (a photo of a face pasted into the first scene)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
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
    frames = int(round(seconds * fps))
    with av.open(str(path), "w", format=container) as output:
        video = output.add_stream(codec, rate=fps)
        video.width, video.height = width, height
        video.pix_fmt = "yuv420p"
        if rotation:
            video.set_display_rotation(rotation)
        sound = None
        if audio:
            sound = output.add_stream(audio_codec, rate=48000)
            sound.layout = "stereo"
        for index in range(frames):
            scene = min(scenes - 1, index * scenes // frames)
            image = np.empty((height, width, 3), np.uint8)
            image[:] = COLOURS[scene % len(COLOURS)]
            side = max(8, min(width, height) // 6)
            x = int((width - side) * (index % fps) / fps)
            image[height // 3 : height // 3 + side, x : x + side] = 255
            if face is not None and scene == 0:
                fh, fw = face.shape[:2]
                top, left = (height - fh) // 2, (width - fw) // 2
                image[top : top + fh, left : left + fw] = face
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            frame.pts = index
            frame.time_base = Fraction(1, fps)
            for packet in video.encode(frame):
                output.mux(packet)
        for packet in video.encode():
            output.mux(packet)
        if sound is not None:
            rate, samples = 48000, 1024
            total = int(seconds * rate)
            sample_format = "fltp"
            for start in range(0, total, samples):
                t = (np.arange(start, min(total, start + samples)) / rate).astype(np.float32)
                tone = (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
                chunk = av.AudioFrame.from_ndarray(np.vstack([tone, tone]), format=sample_format, layout="stereo")
                chunk.sample_rate = rate
                chunk.pts = start
                chunk.time_base = Fraction(1, rate)
                for packet in sound.encode(chunk):
                    output.mux(packet)
            for packet in sound.encode():
                output.mux(packet)
    return path
