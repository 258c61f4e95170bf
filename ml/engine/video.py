"""Video drafts: what a file holds (probe), and one decoding pass that makes everything else (process): the
web-playable rendition, the poster, the thumbnail strip and the features scoring explains itself with.

Both run in a child process under CPU-time, memory and wall-clock limits (`python -m ml.engine.video probe|process
…`, started by ml.services): a hostile file (a container claiming hours or 16k × 16k frames, a decoder bomb) can
cost that child its limits, never the web process or the worker. The child prints JSON lines: `{"progress": 0.42}`
while it works, then `{"result": {...}}` or `{"error": "…"}`.

The pass decodes every frame once (FFmpeg's own threads) and
- re-encodes it for the rendition: H.264 (libx264, `veryfast`, CRF 23, yuv420p) at most 960 px on the long side,
  AAC 128 kb/s, the index at the front (`movflags=+faststart`), upright (the phone's rotation applied), and no
  metadata (nothing of the original's container tags: GPS, device, dates);
- looks at about SAMPLE_FPS frames a second, downscaled, for the features: scene cuts (a grey-histogram jump
  between two looks), motion (mean absolute change), the first face (YuNet, the same detector as image drafts, in
  the first HOOK_SECONDS), brightness; and at the audio's loudness (RMS in dBFS) and how much of it is silence;
- keeps the poster (the first look with a face in the first seconds, else the look at one second) and STRIP_FRAMES
  looks spread over the video for the thumbnail strip.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

SAMPLE_FPS = 6.0
HOOK_SECONDS = 3.0
STRIP_FRAMES = 10
RENDITION_LONG_SIDE = 960  # review playback: sharp in a player ~70% of a screen high; 1280 cost 1.5× the time
PRESET = "veryfast"  # libx264: the rendition is for review playback, not for publishing
CUT_THRESHOLD = 0.5  # L1 distance between two normalised 32-bin grey histograms (0..2) that counts as a cut
SILENCE_DBFS = -50.0
TRUNCATED_SHARE = 0.9  # frames must reach this share of the duration the container claims
VIDEO_CODECS = {"h264": "H.264", "hevc": "H.265", "vp9": "VP9", "av1": "AV1"}
AUDIO_CODECS = {"aac": "AAC", "opus": "Opus"}
CONTAINERS = {"mov,mp4,m4a,3gp,3g2,mj2": "MP4/MOV", "matroska,webm": "WebM"}


class VideoError(Exception):
    """The file is not a video SocialLens reads; the message says why, for the person who sent it."""


def probe(path: str) -> dict[str, Any]:
    """The container, codecs, size, duration and rate of a file, from its headers (nothing decoded but one frame,
    for the rotation)."""
    import av

    try:
        container = av.open(path, metadata_errors="ignore")
    except (av.error.InvalidDataError, av.error.FFmpegError, UnicodeDecodeError) as error:
        raise VideoError("its content is not a video container FFmpeg recognises") from error
    with container:
        container_name = container.format.name
        if not container.streams.video:
            raise VideoError("it has no video track")
        stream = container.streams.video[0]
        context = stream.codec_context
        width, height = int(context.width or 0), int(context.height or 0)
        rate = stream.average_rate or stream.guessed_rate or stream.base_rate
        fps = float(rate) if rate else 0.0
        duration = None
        if container.duration:
            duration = container.duration / 1_000_000
        elif stream.duration and stream.time_base:
            duration = float(stream.duration * stream.time_base)
        audio = container.streams.audio[0] if container.streams.audio else None
        rotation = 0
        try:
            for frame in container.decode(video=0):
                rotation = int(round(getattr(frame, "rotation", 0) or 0)) % 360
                break
        except av.error.FFmpegError as error:
            raise VideoError("its first frame cannot be decoded (damaged or not really a video)") from error
        return {
            "container": container_name,
            "video_codec": context.name,
            "audio_codec": audio.codec_context.name if audio is not None else None,
            "audio_channels": int(audio.codec_context.channels) if audio is not None else 0,
            "width": width,
            "height": height,
            "rotation": rotation,
            "display_width": height if rotation in (90, 270) else width,
            "display_height": width if rotation in (90, 270) else height,
            "fps": round(fps, 3),
            "duration": None if duration is None else round(duration, 3),
            "frames": int(stream.frames or 0),
            "bit_rate": int(container.bit_rate or 0),
        }


@dataclass
class _Looks:
    """What the sampled looks found."""

    times: list[float] = field(default_factory=list)
    histograms: list[np.ndarray] = field(default_factory=list)
    motion: list[float] = field(default_factory=list)
    brightness: list[float] = field(default_factory=list)
    cuts: list[float] = field(default_factory=list)
    first_face: float | None = None
    faces_checked: int = 0
    previous: np.ndarray | None = None


def _upright(rgb: np.ndarray, rotation: int) -> np.ndarray:
    """The frame as it should be seen: FFmpeg's rotation is counter-clockwise degrees of the display matrix."""
    turns = {90: 1, 180: 2, 270: 3}.get(rotation % 360, 0)
    return np.ascontiguousarray(np.rot90(rgb, k=turns)) if turns else rgb


def _even(value: float) -> int:
    return max(2, int(round(value / 2)) * 2)


def _target_size(width: int, height: int) -> tuple[int, int]:
    scale = min(1.0, RENDITION_LONG_SIDE / max(width, height))
    return _even(width * scale), _even(height * scale)


def process(path: str, out_dir: str, *, report: Any = None) -> dict[str, Any]:
    """Decode `path` once; write rendition.mp4, poster.jpg and strip.jpg into `out_dir`; return the features."""
    import av
    from PIL import Image

    from ml.engine.likes.image import detect_faces

    info = probe(path)
    duration = float(info["duration"] or 0.0)
    rotation = int(info["rotation"])
    out = Path(out_dir)
    looks = _Looks()
    strip_times = [duration * (index + 0.5) / STRIP_FRAMES for index in range(STRIP_FRAMES)] if duration else []
    strip: list[np.ndarray] = []
    poster: np.ndarray | None = None
    poster_at = min(1.0, duration / 2) if duration else 0.0
    next_look = 0.0
    decoded = 0
    loudness: list[float] = []
    audio_samples, video_pts = 0, -1
    width, height = int(info["display_width"]), int(info["display_height"])
    out_width, out_height = _target_size(width, height)
    source = av.open(path, metadata_errors="ignore")
    target = av.open(str(out / "rendition.mp4"), "w", options={"movflags": "+faststart"})
    try:
        in_video = source.streams.video[0]
        in_video.thread_type = "AUTO"
        in_audio = source.streams.audio[0] if source.streams.audio else None
        rate = in_video.average_rate or Fraction(30, 1)
        if rate > 60:
            rate = Fraction(60, 1)
        out_video = target.add_stream("libx264", rate=rate)
        out_video.width, out_video.height, out_video.pix_fmt = out_width, out_height, "yuv420p"
        out_video.options = {"preset": PRESET, "crf": "23", "threads": "2"}
        out_audio = None
        resampler = None
        if in_audio is not None:
            out_audio = target.add_stream("aac", rate=48000)
            out_audio.bit_rate = 128_000
            out_audio.layout = "stereo"
            resampler = av.AudioResampler(format="fltp", layout="stereo", rate=48000)
        streams = [in_video] + ([in_audio] if in_audio is not None else [])
        for packet in source.demux(*streams):
            for frame in packet.decode():
                if isinstance(frame, av.AudioFrame):
                    samples = frame.to_ndarray().astype(np.float32)
                    if samples.size:
                        if frame.format.name.startswith(("s16",)):
                            samples = samples / 32768.0
                        elif frame.format.name.startswith(("s32",)):
                            samples = samples / 2147483648.0
                        rms = float(np.sqrt(np.mean(np.square(samples))))
                        loudness.append(20 * math.log10(rms) if rms > 1e-9 else -120.0)
                    assert resampler is not None and out_audio is not None
                    for chunk in resampler.resample(frame):
                        chunk.pts, chunk.time_base = audio_samples, Fraction(1, 48000)
                        audio_samples += chunk.samples
                        for out_packet in out_audio.encode(chunk):
                            target.mux(out_packet)
                    continue
                if not isinstance(frame, av.VideoFrame):
                    continue
                decoded += 1
                when = float(frame.time) if frame.time is not None else decoded / float(rate)
                if rotation:
                    rgb = _upright(frame.to_ndarray(format="rgb24"), rotation)
                    scaled = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(
                        width=out_width, height=out_height, format="yuv420p"
                    )
                else:
                    scaled = frame.reformat(width=out_width, height=out_height, format="yuv420p")
                # Constant-rate output timestamps from the frame's own time (kept increasing for odd sources).
                video_pts = max(video_pts + 1, int(round(when * float(rate))))
                scaled.pts, scaled.time_base = video_pts, Fraction(1, 1) / rate
                for out_packet in out_video.encode(scaled):
                    target.mux(out_packet)
                if when + 1e-6 >= next_look:
                    next_look = when + 1.0 / SAMPLE_FPS
                    small = scaled.reformat(width=_even(out_width / 4), height=_even(out_height / 4), format="rgb24")
                    look = small.to_ndarray()
                    _look(looks, look, when, detect_faces if when <= HOOK_SECONDS else None)
                    if looks.first_face is not None and looks.first_face == when and poster is None:
                        poster = scaled.to_ndarray(format="rgb24")
                    if poster is None and when >= poster_at and looks.first_face is None and when > HOOK_SECONDS:
                        poster = scaled.to_ndarray(format="rgb24")
                    while strip_times and when + 1e-6 >= strip_times[0]:
                        strip_times.pop(0)
                        strip.append(look)
                if report is not None and duration and decoded % 15 == 0:
                    report(min(0.99, when / duration))
        for out_packet in out_video.encode():
            target.mux(out_packet)
        if out_audio is not None and resampler is not None:
            for chunk in resampler.resample(None):
                chunk.pts, chunk.time_base = audio_samples, Fraction(1, 48000)
                audio_samples += chunk.samples
                for out_packet in out_audio.encode(chunk):
                    target.mux(out_packet)
            for out_packet in out_audio.encode():
                target.mux(out_packet)
    except av.error.FFmpegError as error:
        raise VideoError(
            "it could not be decoded to the end: the file is truncated or damaged "
            f"(FFmpeg: {error.strerror or type(error).__name__})"
        ) from error
    finally:
        target.close()
        source.close()
    if decoded == 0:
        raise VideoError("no frame of it could be decoded")
    reached = looks.times[-1] if looks.times else 0.0
    if duration and reached < duration * TRUNCATED_SHARE - 1.0:
        raise VideoError(
            f"it stops at {reached:.1f} s of the {duration:.1f} s it claims: the file is truncated or damaged"
        )
    if poster is None:
        poster = _frame_fallback(str(out / "rendition.mp4"))
    Image.fromarray(poster).save(out / "poster.jpg", quality=85)
    if strip:
        tile_height = 120
        tiles = [
            Image.fromarray(tile).resize((max(1, round(tile.shape[1] * tile_height / tile.shape[0])), tile_height))
            for tile in strip
        ]
        sheet = Image.new("RGB", (sum(tile.width for tile in tiles), tile_height))
        x = 0
        for tile in tiles:
            sheet.paste(tile, (x, 0))
            x += tile.width
        sheet.save(out / "strip.jpg", quality=80)
    seconds = duration or (looks.times[-1] if looks.times else 0.0)
    audible = [value for value in loudness if value > SILENCE_DBFS]
    features = {
        "duration": round(seconds, 2),
        "width": width,
        "height": height,
        "fps": info["fps"],
        "aspect": round(width / height, 4) if height else None,
        "vertical": height > width,
        "cuts": len(looks.cuts),
        "cuts_per_10s": round(len(looks.cuts) / max(seconds, 1e-6) * 10, 2) if seconds else 0.0,
        "cut_times": [round(value, 2) for value in looks.cuts[:200]],
        "motion": round(float(np.mean(looks.motion)), 4) if looks.motion else 0.0,
        "brightness": round(float(np.mean(looks.brightness)), 4) if looks.brightness else 0.0,
        "first_face_seconds": None if looks.first_face is None else round(looks.first_face, 2),
        "faces_checked": looks.faces_checked,
        "has_audio": info["audio_codec"] is not None,
        "loudness_dbfs": round(float(np.mean(audible)), 1) if audible else None,
        "silent_share": round(1 - len(audible) / len(loudness), 3) if loudness else None,
        "frames_decoded": decoded,
        "rendition": {"width": out_width, "height": out_height, "codec": "h264", "audio": out_audio is not None},
    }
    if report is not None:
        report(1.0)
    return features


def _look(looks: _Looks, rgb: np.ndarray, when: float, faces: Any) -> None:
    grey = rgb.mean(axis=2)
    histogram = np.histogram(grey, bins=32, range=(0, 255))[0].astype(np.float64)
    histogram /= max(histogram.sum(), 1.0)
    if looks.histograms:
        if float(np.abs(histogram - looks.histograms[-1]).sum()) > CUT_THRESHOLD:
            looks.cuts.append(when)
        assert looks.previous is not None
        looks.motion.append(float(np.mean(np.abs(grey - looks.previous))) / 255.0)
    looks.histograms.append(histogram)
    looks.previous = grey
    looks.times.append(when)
    looks.brightness.append(float(grey.mean()) / 255.0)
    if faces is not None and looks.first_face is None:
        looks.faces_checked += 1
        if faces(rgb, grey.astype(np.uint8)):
            looks.first_face = when


def _frame_fallback(path: str) -> np.ndarray:
    import av

    with av.open(path) as container:
        for frame in container.decode(video=0):
            return np.asarray(frame.to_ndarray(format="rgb24"))
    raise VideoError("no frame of it could be decoded")


# --- writing clips (the demo's Reel, the benchmark's draft, the tests' files) ------------------------------------


def write_clip(
    path: str | Path,
    frames: Any,
    *,
    fps: int,
    width: int,
    height: int,
    seconds: float,
    codec: str = "libx264",
    options: dict[str, str] | None = None,
    container: str | None = None,
    tone: tuple[float, float] | None = (440.0, 0.2),
    audio_codec: str = "aac",
    rotation: int = 0,
) -> Path:
    """Encode `frames` (RGB uint8 arrays of height × width) at `fps`, with a sine `tone` (hertz, amplitude) as its
    sound for `seconds` (None: silent), by FFmpeg's own encoders through PyAV; `rotation`: the display rotation a
    phone would record."""
    import av

    output: Any = av.open(str(path), "w", format=container)  # Any: PyAV's stubs type the streams as a union
    with output:
        video = output.add_stream(codec, rate=fps)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        if options:
            video.options = options
        if rotation:
            video.set_display_rotation(rotation)
        sound = None
        if tone is not None:
            sound = output.add_stream(audio_codec, rate=48000)
            sound.layout = "stereo"
        for index, image in enumerate(frames):
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            frame.pts, frame.time_base = index, Fraction(1, fps)
            for packet in video.encode(frame):
                output.mux(packet)
        for packet in video.encode():
            output.mux(packet)
        if sound is not None and tone is not None:
            rate, block = 48000, 1024
            total = int(seconds * rate)
            for start in range(0, total, block):
                t = (np.arange(start, min(total, start + block)) / rate).astype(np.float32)
                wave = (tone[1] * np.sin(2 * np.pi * tone[0] * t)).astype(np.float32)
                chunk = av.AudioFrame.from_ndarray(np.vstack([wave, wave]), format="fltp", layout="stereo")
                chunk.sample_rate, chunk.pts, chunk.time_base = rate, start, Fraction(1, rate)
                for packet in sound.encode(chunk):
                    output.mux(packet)
            for packet in sound.encode():
                output.mux(packet)
    return Path(path)


# --- the sandboxed child ---------------------------------------------------------------------------------------------


def _limit(cpu_seconds: int, memory_bytes: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def _emit(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    command, path = argv[0], argv[1]
    cpu, memory = int(argv[-2]), int(argv[-1])
    _limit(cpu, memory)
    try:
        if command == "probe":
            _emit({"result": probe(path)})
        else:
            _emit({"result": process(path, argv[2], report=lambda share: _emit({"progress": round(share, 3)}))})
    except VideoError as error:
        _emit({"error": str(error)})
        return 2
    except MemoryError:
        _emit({"error": "decoding it needed more memory than a video draft may use"})
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
