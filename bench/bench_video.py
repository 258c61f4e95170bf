"""A 60 s 1080 × 1920 video draft end to end, per stage, beside a naive pass over the same file.

    python bench/bench_video.py [--seconds 60] [--fps 30] [--texture]

Stages, as a draft goes through them: validate (the headers, in the child process under limits: what the upload
request waits for), process (the one decoding pass on the ml queue: the 720 × 1280 H.264/AAC rendition, poster,
strip and features), score (the like engine on the poster frame and caption, and the views model on the account's
history: what the score task adds once the features exist). The baseline is the naive way to get the same
features: decode every frame at full size to RGB in the process (no rendition at all). The clip is made first with
libx264 `ultrafast` (not timed): a vertical phone-like video, scenes, motion and a tone. Uses DATABASE_URL when
set, else a fresh SQLite file in /tmp.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
if "DATABASE_URL" not in os.environ:
    db_path = Path("/tmp/sociallens-bench-video.sqlite3")
    db_path.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"


def make_clip(
    path: Path, *, seconds: int, fps: int, width: int = 1080, height: int = 1920, texture: bool = False
) -> None:
    """`texture`: a fine random pattern drifting over every frame, so the file carries detail at a phone's bitrate
    (about 15 Mb/s) instead of flat colour that compresses to almost nothing."""
    import numpy as np

    from ml.engine.video import write_clip

    colours = [(200, 60, 40), (40, 150, 70), (40, 70, 190), (220, 190, 40), (120, 40, 150), (30, 30, 30)]
    scene_seconds = 3
    grain = np.random.default_rng(7).integers(0, 48, (height, width + 64, 1), dtype=np.uint8)

    def frames():  # type: ignore[no-untyped-def]
        base = np.zeros((height, width, 3), np.uint8)
        for index in range(seconds * fps):
            base[:] = colours[(index // (scene_seconds * fps)) % len(colours)]
            if texture:
                shift = index % 64
                base += grain[:, shift : shift + width]
            x = (index * 12) % (width - 200)
            base[height // 3 : height // 3 + 200, x : x + 200] = 255
            yield base

    write_clip(
        path,
        frames(),
        fps=fps,
        width=width,
        height=height,
        seconds=seconds,
        options={"preset": "ultrafast", "crf": "20" if texture else "28"},
    )


def naive_features(path: Path) -> int:
    """Every frame decoded at full size to RGB, a grey histogram each: the baseline (no rendition made)."""
    import av
    import numpy as np

    count = 0
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            rgb = frame.to_ndarray(format="rgb24")
            np.histogram(rgb.mean(axis=2), bins=32, range=(0, 255))
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--texture", action="store_true", help="Detail at a phone's bitrate (a larger file).")
    args = parser.parse_args()

    import django

    django.setup()
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from accounts.models import Organization
    from ml import services as ml
    from ml.likes import score_draft
    from ml.services import register_shipped_artifacts
    from ml.video_views import score_video
    from profiles.models import Post, Profile

    register_shipped_artifacts()
    organization, _ = Organization.objects.get_or_create(slug="bench-video", defaults={"name": "Bench video"})
    profile, _ = Profile.objects.get_or_create(
        organization=organization, platform="tiktok", handle="bench.creator", defaults={"followers_count": 80_000}
    )
    now = timezone.now()
    if not profile.posts.exists():
        for index in range(24):
            Post.objects.create(
                profile=profile,
                platform_id=f"bench-{index}",
                taken_at=now - timedelta(days=48 - 2 * index),
                views=40_000 + 1_500 * (index % 7),
                likes=3_000 + 100 * (index % 5),
                comments=80,
                duration_seconds=30,
                caption=f"Beach routine part {index} #beach #summer",
            )
    folder = Path(tempfile.mkdtemp(prefix="bench-video-"))
    clip = folder / "draft.mp4"
    started = time.perf_counter()
    make_clip(clip, seconds=args.seconds, fps=args.fps, texture=args.texture)
    made = time.perf_counter() - started
    print(
        f"clip: {args.seconds} s at 1080 × 1920, {args.fps} fps, {clip.stat().st_size / 1e6:.1f} MB "
        f"(made in {made:.1f} s, not timed below)"
    )

    stages: dict[str, float] = {}
    started = time.perf_counter()
    probe = ml.video_probe(str(clip))
    stages["validate (headers, child process)"] = time.perf_counter() - started
    out = folder / "out"
    out.mkdir()
    started = time.perf_counter()
    features = ml.video_process(str(clip), str(out))
    stages["process (rendition + poster + strip + features)"] = time.perf_counter() - started

    def score(days: int) -> float:
        started = time.perf_counter()
        planned = now + timedelta(days=days)
        score_video(profile=profile, planned_at=planned, duration=features["duration"], hashtags=2)
        score_draft(
            profile=profile,
            caption="Beach routine #beach #summer #ad",
            planned_at=planned,
            media_type="video",
            image_paths=[str(out / "poster.jpg")],
            timezone_name="UTC",
            window=None,
            niche="",
        )
        return time.perf_counter() - started

    first_score = score(2)  # a cold worker: the models load
    stages["score (warm worker: like engine + views model)"] = score(3)
    total = sum(stages.values())
    started = time.perf_counter()
    frames = naive_features(clip)
    naive = time.perf_counter() - started

    print(
        f"probe: {probe['video_codec']} {probe['display_width']}×{probe['display_height']} {probe['fps']:g} fps "
        f"{probe['duration']:.1f} s; rendition {features['rendition']['width']}×{features['rendition']['height']}, "
        f"{(out / 'rendition.mp4').stat().st_size / 1e6:.1f} MB; {features['cuts']} cuts, {features['frames_decoded']} "
        "frames decoded"
    )
    for name, seconds in stages.items():
        print(f"  {name:52s} {seconds:7.2f} s")
    print(f"  {'total (goal ≤ 20 s; score ≤ 2 s)':52s} {total:7.2f} s")
    print(f"  {'(first score in a cold worker: models loading)':52s} {first_score:7.2f} s")
    print(
        f"baseline: every frame decoded at full size to RGB in-process ({frames} frames, features only, no "
        f"rendition): {naive:.2f} s"
    )


if __name__ == "__main__":
    main()
