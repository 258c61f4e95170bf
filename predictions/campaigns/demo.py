"""Demo data for campaign review (called by `manage.py seed_demo`): one campaign with a couple of submissions."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts.models import Organization, User
from predictions.campaigns import services
from predictions.campaigns.models import Campaign
from profiles.models import Platform, Post, Profile, Snapshot

DEMO_CAMPAIGN = "Summer Glow"


PORTRAIT = Path(__file__).with_name("demo_media") / "portrait.jpg"  # public domain; demo_media/SOURCE.md


def _demo_image(name: str, sky: tuple[int, int, int], sun: tuple[int, int, int]) -> SimpleUploadedFile:
    """A drawn beach with a real portrait photo in it, so face detection has a real face to find."""
    image = Image.new("RGB", (1080, 1080), sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 700, 1080, 1080], fill=(236, 210, 160))
    draw.ellipse([760, 120, 960, 320], fill=sun)
    with Image.open(PORTRAIT) as portrait:
        image.paste(portrait.convert("RGB").resize((520, 520)), (280, 300))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _demo_video(name: str) -> SimpleUploadedFile:
    """A 6-second vertical Reel made here by FFmpeg's encoders (PyAV): three scenes of the drawn beach, the first
    with the real portrait (a face in the first second), a pan of the sun, and a soft tone as its sound."""
    import tempfile

    import numpy as np

    from ml.services import write_clip

    fps, seconds, width, height = 30, 6, 720, 1280
    scenes = []
    for sky, sun, with_face in (
        ((120, 190, 240), (255, 220, 80), True),
        ((150, 210, 250), (255, 235, 120), False),
        ((250, 160, 110), (255, 120, 60), False),
    ):
        image = Image.new("RGB", (width, height), sky)
        draw = ImageDraw.Draw(image)
        draw.rectangle([0, 860, width, height], fill=(236, 210, 160))
        draw.ellipse([470, 140, 630, 300], fill=sun)
        if with_face:
            with Image.open(PORTRAIT) as portrait:
                image.paste(portrait.convert("RGB").resize((440, 440)), (140, 380))
        scenes.append(np.asarray(image))
    total = fps * seconds

    def frames():  # type: ignore[no-untyped-def]
        for index in range(total):
            shift = (index % (total // len(scenes))) * 2  # a slow pan
            yield np.roll(scenes[index * len(scenes) // total], shift, axis=1)

    with tempfile.TemporaryDirectory() as folder:
        path = write_clip(
            Path(folder) / name,
            frames(),
            fps=fps,
            width=width,
            height=height,
            seconds=seconds,
            options={"preset": "veryfast", "crf": "26"},
            tone=(330.0, 0.1),
        )
        return SimpleUploadedFile(name, path.read_bytes(), content_type="video/mp4")


def _demo_profile(organization: Organization, influencer: User) -> Profile:
    profile = Profile.objects.filter(organization=organization, is_linked=True, influencer=influencer).first()
    if profile is not None:
        return profile
    profile, _ = Profile.objects.get_or_create(
        organization=organization,
        platform=Platform.INSTAGRAM,
        handle="ivy.demo",
        defaults={
            "display_name": "Ivy Influencer",
            "followers_count": 24800,
            "following_count": 410,
            "posts_count": 320,
            "timezone": "Europe/Berlin",
        },
    )
    Profile.objects.filter(pk=profile.pk).update(is_linked=True, influencer=influencer)
    profile.refresh_from_db()
    if not profile.snapshots.exists():
        # Ivy is the demo's own made-up creator: six months of follower counts, so the growth, the trend line and
        # the chart have something to show (the imported 2019 accounts have one snapshot each, and say so).
        now = timezone.now()
        for months_ago, followers in enumerate([24800, 24100, 23300, 22900, 22000, 21400]):
            Snapshot.objects.create(
                profile=profile,
                taken_at=now - dt.timedelta(days=30 * months_ago),
                followers_count=followers,
                following_count=410,
                posts_count=320 - 4 * months_ago,
                source="demo",
            )
    if not profile.posts.exists():
        _demo_history(profile)
    return profile


def _demo_history(profile: Profile) -> None:
    """Twelve weeks of posts, one every two days at varied hours (Berlin time): evening posts do about a third
    better, Sundays a little better, with a slow growth and some noise (a fixed seed), so the score card has an
    account history to read its best hours from (ml.engine.likes.timing)."""
    import random
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    noise = random.Random(11)
    first_day = (timezone.now() - dt.timedelta(days=84)).astimezone(berlin).date()
    hours = [19, 9, 20, 12, 18, 8, 21, 13, 19, 10]
    for index in range(42):
        hour = hours[index % len(hours)]
        day = first_day + dt.timedelta(days=2 * index)
        taken_at = dt.datetime(day.year, day.month, day.day, hour, tzinfo=berlin)
        boost = (1.35 if hour >= 18 else 1.0) * (1.15 if day.weekday() == 6 else 1.0)
        likes = round(1150 * 1.004**index * boost * noise.lognormvariate(0.0, 0.1))
        reel = index % 3 == 2  # every third post a Reel, with its plays (about 14 per like, with noise)
        Post.objects.create(
            profile=profile,
            platform_id=f"demo-{index}",
            shortcode=f"DEMO{index:03d}",
            caption=f"Weekend moments {index} #travel",
            taken_at=taken_at,
            likes=likes,
            comments=likes // 25,
            media_type="video" if reel else "image",
            views=round(likes * 14 * noise.lognormvariate(0.0, 0.25)) if reel else None,
            duration_seconds=float(15 + (index * 7) % 30) if reel else None,
        )


def seed_campaign_demo(*, organization: Organization, stdout: Any) -> None:
    if Campaign.objects.filter(organization=organization, name=DEMO_CAMPAIGN).exists():
        return
    owner = User.objects.get(email="owner@demo.sociallens.local")
    reviewer = User.objects.get(email="reviewer@demo.sociallens.local")
    influencer = User.objects.get(email="influencer@demo.sociallens.local")
    with transaction.atomic():
        profile = _demo_profile(organization, influencer)
        today = timezone.localdate()
        campaign = services.campaign_create(
            user=owner,
            organization=organization,
            name=DEMO_CAMPAIGN,
            brand="Glow Co",
            brief="Bright, sunny beach moments with our SPF range. Faces welcome, smiles better.",
            starts_on=today - dt.timedelta(days=3),
            ends_on=today + dt.timedelta(days=40),
            required_hashtags="#summerglow",
            required_mentions="@glowco",
            influencers=[influencer],
            reviewers=[reviewer],
        )
        planned = (timezone.now() + dt.timedelta(days=4)).replace(minute=0, second=0, microsecond=0)
        first = services.submission_create(
            user=influencer,
            campaign=campaign,
            profile=profile,
            planned_at=planned,
            timezone_name="Europe/Berlin",
            caption="Sun's out, glow's out with @glowco #summerglow",
            submit=True,
            uploads=[_demo_image("beach.jpg", (120, 190, 240), (255, 220, 80))],
        )
        services.submission_review(
            user=reviewer,
            submission=first,
            decision="request_changes",
            note="Please add the ad disclosure (#ad) and a brighter shot.",
        )
        services.submission_resubmit(
            user=influencer,
            submission=first,
            planned_at=planned,
            timezone_name="Europe/Berlin",
            caption="Sun's out, glow's out with @glowco #summerglow #ad",
            uploads=[_demo_image("beach-bright.jpg", (150, 210, 250), (255, 235, 120))],
        )
        services.submission_create(
            user=influencer,
            campaign=campaign,
            profile=profile,
            planned_at=planned + dt.timedelta(days=2),
            timezone_name="Europe/Berlin",
            caption="Golden hour essentials #summerglow @glowco #ad",
            submit=True,
            uploads=[_demo_image("sunset.jpg", (250, 160, 110), (255, 120, 60))],
        )
        reel = services.submission_create(
            user=influencer,
            campaign=campaign,
            profile=profile,
            planned_at=planned + dt.timedelta(days=5, hours=2),
            timezone_name="Europe/Berlin",
            caption="Ad · 6 seconds of glow on the beach with @glowco #summerglow",
            submit=True,
            uploads=[],
            video=_demo_video("glow-reel.mp4"),
        )
        services.comment_add(
            user=reviewer,
            submission=reel,
            body="Love the opening. Can the logo stay on screen a second longer?",
            at_seconds=4.0,
        )
    stdout.write(
        f"Campaign demo: {DEMO_CAMPAIGN} with 3 submissions, one a video Reel (the worker processes and scores them)."
    )
