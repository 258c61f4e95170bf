"""Video drafts: checked from their content before anything is stored, processed in one pass under limits on the
ml queue (rendition, poster, strip, features), scored, served with byte ranges, commented at a moment.

The clips are made here by FFmpeg's own encoders through PyAV (tests/videos.py): H.264 + AAC in MP4 as phones
export, VP9 + Opus in WebM, MPEG-4 Part 2 for a codec we refuse."""

from __future__ import annotations

import struct
from pathlib import Path

import av
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from config.errors import ApplicationError
from config.jobs import JobStatus
from predictions.campaigns import services
from predictions.campaigns.models import Comment, MediaKind, Submission, SubmissionVideo, VersionScore
from tests.predictions.campaigns.uploads import media_files
from tests.videos import make_clip

pytestmark = pytest.mark.django_db


def _upload(path: Path, name: str | None = None, content_type: str = "video/mp4") -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type=content_type)


@pytest.fixture
def clip(tmp_path) -> Path:
    """A 4 s vertical 360 × 640 H.264/AAC clip of four scenes."""
    return make_clip(tmp_path / "draft.mp4", seconds=4, scenes=4)


def _assert_nothing_saved(media_root) -> None:
    assert Submission.objects.count() == 0 and SubmissionVideo.objects.count() == 0
    assert media_files(media_root) == []


def test_a_phone_video_is_stored_processed_and_scored(make_submission, clip, media_root, client, ivy):
    submission = make_submission(uploads=[], video=_upload(clip))
    version = submission.versions.get()
    video = SubmissionVideo.objects.get(version=version)
    assert version.media_type == MediaKind.VIDEO
    assert video.status == JobStatus.DONE, video.error
    assert (video.probe["video_codec"], video.probe["audio_codec"], video.probe["duration"]) == ("h264", "aac", 4.0)
    # the rendition: H.264 + AAC in MP4, its index (moov) before the media (mdat), no container tags of the original
    rendition = Path(video.rendition.path)
    head = rendition.read_bytes()
    assert head.index(b"moov") < head.index(b"mdat")
    with av.open(str(rendition)) as played:
        assert [stream.codec_context.name for stream in played.streams] == ["h264", "aac"]
        assert {key for key in played.metadata} <= {"major_brand", "minor_version", "compatible_brands", "encoder"}
    assert video.poster and video.strip and Path(video.original.path).exists()
    features = video.features
    assert features["cuts"] == 3 and features["cut_times"] == [1.0, 2.0, 3.0]  # four scenes: three cuts
    assert features["has_audio"] and -20 < features["loudness_dbfs"] < -14  # a 0.2 sine: -17 dBFS
    assert features["vertical"] and (features["width"], features["height"]) == (360, 640)
    score = VersionScore.objects.get(version=version)
    assert score.status == JobStatus.DONE, score.error
    assert score.predicted_likes_low <= score.predicted_likes <= score.predicted_likes_high
    # served to the creator, through the tenancy check, with byte ranges for the player
    client.force_login(ivy)
    whole = client.get(f"/campaigns/videos/{video.pk}/web/")
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    part = client.get(f"/campaigns/videos/{video.pk}/web/", HTTP_RANGE="bytes=0-99")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 0-99/{rendition.stat().st_size}"
    assert b"".join(part.streaming_content) == head[:100]
    assert client.get(f"/campaigns/videos/{video.pk}/original/").status_code == 404  # never served


def test_the_page_plays_the_video_with_its_facts(make_submission, clip, client, ivy):
    submission = make_submission(uploads=[], video=_upload(clip))
    client.force_login(ivy)
    page = client.get(f"/campaigns/submissions/{submission.pk}/").content.decode()
    video = SubmissionVideo.objects.get()
    assert f'src="/campaigns/videos/{video.pk}/web/"' in page and "autoplay" not in page
    assert f'poster="/campaigns/videos/{video.pk}/poster/"' in page and "playsinline" in page
    assert "360 × 640 · 4.0 s · 30 fps · H264 + AAC" in page


def test_someone_elses_video_is_a_404(make_submission, clip, client, charlie):
    make_submission(uploads=[], video=_upload(clip))
    client.force_login(charlie)
    video = SubmissionVideo.objects.get()
    assert client.get(f"/campaigns/videos/{video.pk}/web/").status_code == 404


@pytest.mark.parametrize(
    ("name", "body", "words"),
    [
        ("notes.mp4", b"These are my notes, not a video at all.\n" * 50, "not a video container FFmpeg recognises"),
        ("empty.mov", b"", "the file is empty"),
    ],
)
def test_a_file_that_is_not_a_video_is_refused_and_nothing_is_saved(make_submission, media_root, name, body, words):
    with pytest.raises(ApplicationError) as caught:
        make_submission(uploads=[], video=SimpleUploadedFile(name, body, content_type="video/mp4"))
    assert name in caught.value.message and words in caught.value.message
    _assert_nothing_saved(media_root)


def test_a_truncated_recording_without_its_index_is_refused(make_submission, clip, media_root):
    """A phone recording cut off before it was finalised: the MP4 index (moov, written last) is missing."""
    data = clip.read_bytes()
    cut = SimpleUploadedFile("cut.mp4", data[: data.index(b"moov") - 4], content_type="video/mp4")
    with pytest.raises(ApplicationError) as caught:
        make_submission(uploads=[], video=cut)
    assert "cut.mp4: not a video we can read" in caught.value.message
    _assert_nothing_saved(media_root)


def test_a_truncated_file_with_its_index_first_fails_processing_and_is_not_kept(make_submission, tmp_path, media_root):
    """The index says 8 s but the media stops after about a third: the headers pass, the decoding pass (in the
    worker) finds the end early; the job says so and the file is removed."""
    source = make_clip(tmp_path / "long.mp4", seconds=8, scenes=2)
    faststart = tmp_path / "faststart.mp4"
    with av.open(str(source)) as inp, av.open(str(faststart), "w", options={"movflags": "+faststart"}) as out:
        streams = {s.index: out.add_stream_from_template(s) for s in inp.streams}
        for packet in inp.demux():
            if packet.dts is not None:
                packet.stream = streams[packet.stream.index]
                out.mux(packet)
    data = faststart.read_bytes()
    assert data.index(b"moov") < data.index(b"mdat")
    cut = SimpleUploadedFile("half.mp4", data[: len(data) // 3], content_type="video/mp4")
    submission = make_submission(uploads=[], video=cut)
    video = SubmissionVideo.objects.get(version__submission=submission)
    assert video.status == JobStatus.FAILED and "the file is truncated or damaged" in video.error
    assert "half.mp4 could not be processed" in video.error
    assert VersionScore.objects.get(version=video.version).error == video.error
    assert not video.original and media_files(media_root) == []


def test_a_video_hours_long_is_refused(make_submission, tmp_path, media_root):
    """Two hours (one frame a minute): what the file says it lasts is checked before anything is kept."""
    from fractions import Fraction

    import numpy as np

    path = tmp_path / "hours.mp4"
    with av.open(str(path), "w") as output:
        stream = output.add_stream("libx264", rate=Fraction(1, 60))
        stream.width, stream.height, stream.pix_fmt = 160, 160, "yuv420p"
        for index in range(121):
            frame = av.VideoFrame.from_ndarray(np.full((160, 160, 3), index % 255, np.uint8), format="rgb24")
            frame.pts, frame.time_base = index, Fraction(60, 1)
            for packet in stream.encode(frame):
                output.mux(packet)
        for packet in stream.encode():
            output.mux(packet)
    with pytest.raises(ApplicationError) as caught:
        make_submission(uploads=[], video=_upload(path))
    assert caught.value.code == "video_too_long"
    assert (
        "hours.mp4: it is 2 h 0" in caught.value.message
        and "Reels videos may be at most 3:00 min" in caught.value.message
    )
    _assert_nothing_saved(media_root)


def test_a_header_lying_about_its_timing_is_refused(make_submission, clip, media_root):
    """The video track's time-to-sample table edited to say each frame lasts minutes: a frame rate no video has."""
    data = bytearray(clip.read_bytes())
    at = data.find(b"stts")  # version and flags, entry count, then (sample count, sample delta) pairs
    count = struct.unpack(">I", data[at + 12 : at + 16])[0]
    mdhd = data.find(b"mdhd")
    timescale = struct.unpack(">I", data[mdhd + 16 : mdhd + 20])[0]
    data[at + 16 : at + 20] = struct.pack(">I", 9 * 3600 * timescale // count)
    with pytest.raises(ApplicationError) as caught:
        make_submission(uploads=[], video=SimpleUploadedFile("timing.mp4", bytes(data), content_type="video/mp4"))
    assert "timing.mp4: its frame rate (0.0" in caught.value.message and "is not one a video draft can have" in (
        caught.value.message
    )
    _assert_nothing_saved(media_root)


def test_frames_larger_than_4k_are_refused(make_submission, tmp_path, media_root):
    huge = make_clip(tmp_path / "huge.mp4", seconds=3, width=4112, height=4112, fps=1, scenes=1, audio=False)
    with pytest.raises(ApplicationError) as caught:
        make_submission(uploads=[], video=_upload(huge))
    assert "it claims 4112 × 4112 frames; videos may be at most 4096 px on a side" in caught.value.message
    _assert_nothing_saved(media_root)


def test_a_codec_phones_do_not_export_is_refused(make_submission, tmp_path, media_root):
    old = make_clip(tmp_path / "old.mp4", seconds=3, codec="mpeg4")
    with pytest.raises(ApplicationError) as caught:
        make_submission(uploads=[], video=_upload(old))
    assert "its video is mpeg4; upload H.264, H.265, VP9 or AV1" in caught.value.message
    _assert_nothing_saved(media_root)


def test_webm_with_vp9_and_opus_is_taken(make_submission, tmp_path):
    webm = make_clip(tmp_path / "clip.webm", seconds=3, codec="libvpx-vp9", audio_codec="libopus", container="webm")
    submission = make_submission(uploads=[], video=_upload(webm, content_type="video/webm"))
    video = SubmissionVideo.objects.get(version__submission=submission)
    assert video.status == JobStatus.DONE, video.error
    assert (video.probe["video_codec"], video.probe["audio_codec"]) == ("vp9", "opus")
    assert video.original.name.endswith(".webm") and video.rendition.name.endswith(".mp4")


def test_the_platforms_limits_and_the_warnings(make_submission, tmp_path, ivy_profile):
    short = make_clip(tmp_path / "short.mp4", seconds=1.5, scenes=1)
    with pytest.raises(ApplicationError, match="it is 1.5 s long; Reels videos are at least 3 s"):
        make_submission(uploads=[], video=_upload(short))
    wide = make_clip(tmp_path / "wide.mp4", seconds=3, width=640, height=360, scenes=1)
    submission = make_submission(uploads=[], video=_upload(wide))
    warnings = SubmissionVideo.objects.get(version__submission=submission).warnings
    assert warnings == [
        "It is 640 × 360, not 9:16: Reels shows it with bars or cropped, which costs reach.",
        "It is under 720p (640 × 360): it will look soft on phones.",
    ]
    ivy_profile.platform = "x"
    ivy_profile.save()
    long = make_clip(tmp_path / "long.mp4", seconds=150, fps=1, scenes=1, audio=False)
    with pytest.raises(ApplicationError, match="it is 2:30 min long; X videos may be at most 2:20 min"):
        make_submission(uploads=[], video=_upload(long))


def test_a_phones_rotation_is_applied_to_the_rendition(make_submission, tmp_path):
    """Stored 640 × 360 with a 90° display rotation, as phones record portrait video: shown 360 × 640."""
    turned = make_clip(tmp_path / "turned.mp4", seconds=3, width=640, height=360, rotation=90, scenes=1)
    submission = make_submission(uploads=[], video=_upload(turned))
    video = SubmissionVideo.objects.get(version__submission=submission)
    assert video.probe["rotation"] == 90 and video.display_size == (360, 640)
    with av.open(video.rendition.path) as played:
        stream = played.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (360, 640)
        frame = next(played.decode(video=0))
        assert int(getattr(frame, "rotation", 0) or 0) == 0  # upright pixels, no rotation left to apply
    assert not any("9:16" in warning for warning in video.warnings)


def test_images_and_a_video_together_are_refused(make_submission, clip, media_root):
    from tests.predictions.campaigns.uploads import jpeg_upload

    with pytest.raises(ApplicationError, match="Upload images or one video, not both"):
        make_submission(uploads=[jpeg_upload()], video=_upload(clip))
    _assert_nothing_saved(media_root)


def test_a_video_larger_than_the_limit_is_refused_while_streaming(make_submission, clip, media_root, settings):
    settings.CAMPAIGN_VIDEO_MAX_BYTES = 10_000
    with pytest.raises(ApplicationError) as caught:
        make_submission(uploads=[], video=_upload(clip))
    assert caught.value.code == "video_too_large" and "draft.mp4" in caught.value.message
    _assert_nothing_saved(media_root)


def test_processing_past_its_time_budget_is_stopped_with_a_reason(make_submission, clip, settings, media_root):
    settings.VIDEO_PROCESS_SECONDS = 0.05
    submission = make_submission(uploads=[], video=_upload(clip))
    video = SubmissionVideo.objects.get(version__submission=submission)
    assert video.status == JobStatus.FAILED
    assert "took longer than a video draft may take" in video.error
    assert media_files(media_root) == []


def test_a_reviewer_comments_at_a_moment(make_submission, clip, rey, client, ivy):
    submission = make_submission(uploads=[], video=_upload(clip))
    comment = services.comment_add(user=rey, submission=submission, body="The logo is cut off", at_seconds=2.5)
    assert comment.moment == "0:02" and comment.at_seconds == 2.5
    event = submission.events.filter(action="commented").latest("created_at")
    assert event.detail == "At 0:02: The logo is cut off"
    with pytest.raises(ApplicationError, match=r"0:09 is not in the video \(it is 0:04 long\)"):
        services.comment_add(user=rey, submission=submission, body="late", at_seconds=9)
    client.force_login(rey)
    response = client.post(
        f"/campaigns/submissions/{submission.pk}/comment/", {"body": "Music too loud here", "at": "0:03"}
    )
    assert response.status_code == 302
    assert Comment.objects.get(body="Music too loud here").at_seconds == 3.0
    page = client.get(f"/campaigns/submissions/{submission.pk}/").content.decode()
    assert page.count('class="video-marker"') == 2
    assert 'style="left: 62.50%" data-seek="2.5"' in page and 'data-seek="3.0"' in page


def test_a_moment_on_an_image_draft_is_refused(make_submission, rey):
    submission = make_submission()
    with pytest.raises(ApplicationError, match="Only a video draft has moments"):
        services.comment_add(user=rey, submission=submission, body="here", at_seconds=1)


def test_a_new_version_without_a_new_file_keeps_the_video_and_a_new_one_shows_beside_it(
    make_submission, clip, ivy, planned_at, tmp_path, client, rey, django_capture_on_commit_callbacks
):
    submission = make_submission(uploads=[], video=_upload(clip))
    services.comment_add(user=rey, submission=submission, body="Shorter caption please")
    services.submission_review(user=rey, submission=submission, decision="request_changes", note="caption")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_resubmit(
            user=ivy, submission=submission, caption="Beach day with @brand #summer #ad", planned_at=planned_at
        )
    first, second = (SubmissionVideo.objects.get(version__number=n) for n in (1, 2))
    assert second.status == JobStatus.DONE and second.rendition.name == first.rendition.name
    assert VersionScore.objects.get(version=second.version).status == JobStatus.DONE
    other = make_clip(tmp_path / "v3.mp4", seconds=3, scenes=2)
    services.submission_review(user=rey, submission=submission, decision="request_changes", note="new cut")
    with django_capture_on_commit_callbacks(execute=True):
        services.submission_resubmit(
            user=ivy,
            submission=submission,
            caption="Beach day with @brand #summer #ad",
            planned_at=planned_at,
            video=_upload(other),
        )
    third = SubmissionVideo.objects.get(version__number=3)
    assert third.status == JobStatus.DONE and third.rendition.name != first.rendition.name
    client.force_login(rey)
    page = client.get(f"/campaigns/submissions/{submission.pk}/").content.decode()
    assert 'id="previous-version"' in page and f"/campaigns/videos/{second.pk}/web/" in page


def test_a_tiktok_video_draft_gets_predicted_views_with_their_interval_and_the_videos_checks(
    make_submission, clip, ivy_profile, client, ivy
):
    from profiles.models import Post

    ivy_profile.platform = "tiktok"
    ivy_profile.save()
    for index, post in enumerate(Post.objects.filter(profile=ivy_profile).order_by("taken_at")):
        Post.objects.filter(pk=post.pk).update(views=(post.likes or 0) * 20 + index * 500, duration_seconds=15)
    submission = make_submission(uploads=[], video=_upload(clip))
    score = VersionScore.objects.get(version__submission=submission)
    assert score.status == JobStatus.DONE, score.error
    assert score.predicted_views_low <= score.predicted_views <= score.predicted_views_high
    assert score.video["history"] == 6 and score.video["standing"]["of"] == 6
    assert [check["kind"] for check in score.video["checks"]] == ["hook", "pace", "sound"]
    assert score.video["checks"][1]["text"] == "3 cuts (7.5 per 10 s)."
    client.force_login(ivy)
    page = client.get(f"/campaigns/submissions/{submission.pk}/").content.decode()
    assert 'id="predicted-views"' in page and "A week after posting · 80% interval" in page
    assert "No face in the first 3 seconds" in page


def test_without_videos_with_views_the_draft_says_why_it_has_no_views_figure(make_submission, clip, client, ivy):
    submission = make_submission(uploads=[], video=_upload(clip))
    score = VersionScore.objects.get(version__submission=submission)
    assert score.predicted_views is None
    assert score.video["missing"].startswith("@ivy.travels has 0 stored posts with views")
    client.force_login(ivy)
    assert 'id="views-missing"' in client.get(f"/campaigns/submissions/{submission.pk}/").content.decode()


def test_the_api_takes_a_video_and_a_comment_at_a_moment_and_shows_them(
    clip, campaign, ivy, ivy_profile, rey, api_client_for, planned_at, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client_for(ivy).post(
            "/api/v1/submissions/",
            {
                "campaign": campaign.pk,
                "profile": ivy_profile.pk,
                "caption": "Beach day with @brand #summer #ad",
                "planned_at": planned_at.isoformat(),
                "submit": "true",
                "video": _upload(clip),
            },
            format="multipart",
        )
    assert response.status_code == 201, response.content
    submission_id = response.json()["id"]
    comment = api_client_for(rey).post(
        f"/api/v1/submissions/{submission_id}/comments/", {"body": "Logo here", "at_seconds": 1.5}, format="json"
    )
    assert comment.status_code == 201 and comment.json()["at_seconds"] == 1.5
    versions = api_client_for(rey).get(f"/api/v1/submissions/{submission_id}/versions/").json()
    video = versions[0]["video"]
    assert versions[0]["media_type"] == "video" and video["status"] == "done"
    assert video["urls"]["web"].endswith(f"/campaigns/videos/{SubmissionVideo.objects.get().pk}/web/")
    assert video["features"]["cuts"] == 3 and video["probe"]["video_codec"] == "h264"
    assert "predicted_views" in versions[0]["score"]
    refused = api_client_for(ivy).post(
        "/api/v1/submissions/",
        {
            "campaign": campaign.pk,
            "profile": ivy_profile.pk,
            "planned_at": planned_at.isoformat(),
            "video": SimpleUploadedFile("x.mp4", b"not a video" * 100, "video/mp4"),
        },
        format="multipart",
    )
    assert refused.status_code == 400 and "x.mp4: not a video we can read" in refused.content.decode()
