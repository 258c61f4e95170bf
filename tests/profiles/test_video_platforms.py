"""TikTok and YouTube through the import: one profile per channel whichever file names it first, the counts video
platforms have (views, shares, saves, duration), and nothing personal from a creator's own data export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from profiles.models import Post, Profile
from profiles.platforms import PLATFORMS, platform_get

pytestmark = pytest.mark.django_db

REAL = Path(__file__).resolve().parent.parent / "data" / "real"
FLAT = REAL / "yt-dlp" / "flat_playlist_j_entries_first3_2023.03.04.json"
CHANNEL_ID = "UCBKDRq35-L8xev4O7ZqBeLg"  # the channel of FLAT, which names it by id only (yt-dlp 2023.03.04)


def test_a_channel_named_by_its_id_becomes_its_handle_and_stays_one_profile(run_import, agency, tmp_path):
    run_import(FLAT)
    by_id = Profile.objects.get(organization=agency, platform="youtube")
    assert (by_id.handle, by_id.platform_id, by_id.posts.count()) == (CHANNEL_ID, CHANNEL_ID, 3)
    assert by_id.url == f"https://www.youtube.com/channel/{CHANNEL_ID}"
    table = tmp_path / "channel.csv"
    table.write_text(f"platform,handle,platform_id,followers_count\nyoutube,wangzhian,{CHANNEL_ID},1500000\n")
    run_import(table)  # the same channel by its @handle: the profile is renamed, not doubled
    run_import(FLAT)  # and the id-only file again lands on it
    profile = Profile.objects.get(organization=agency, platform="youtube")
    assert (profile.pk, profile.handle, profile.followers_count) == (by_id.pk, "wangzhian", 1_500_000)
    assert profile.url == "https://www.youtube.com/@wangzhian"
    first = json.loads(FLAT.read_text())[0]
    post = Post.objects.get(profile=profile, platform_id=first["id"])
    assert (post.views, post.duration_seconds, post.media_type) == (first["view_count"], first["duration"], "video")


def test_tiktok_counts_include_shares_and_saves_and_the_exact_v2_figures(run_import, agency):
    path = REAL / "tiktok" / "tiktokapi_video_info_sofm.json"
    item = json.loads(path.read_text())
    run_import(path)
    post = Post.objects.get(profile__platform="tiktok", platform_id=item["id"])
    # stats.collectCount is the string "7" beside numbers, statsV2 has every count as a string
    assert (post.views, post.likes, post.shares, post.saves) == (20000, 544, 6, 7)
    assert post.url == "https://www.tiktok.com/@sofm_official/video/" + item["id"]


def test_a_tiktok_export_gives_the_account_and_never_its_personal_data(run_import, agency):
    path = REAL / "tiktok" / "user_data_tiktok_2024-12_your_activity.json"
    export = json.loads(path.read_text())
    private = export["Profile"]["Profile Info"]["ProfileMap"]
    run_import(path)
    profile = Profile.objects.get(organization=agency, platform="tiktok")
    stored = json.dumps(
        {field.name: str(getattr(profile, field.name)) for field in Profile._meta.fields} | profile.extra
    )
    assert profile.handle == private["userName"]
    for secret in (private["emailAddress"], private["birthDate"], "Direct Message", "Watch History"):
        assert secret not in stored


def test_a_tiktok_export_video_without_an_id_in_its_link_is_refused(run_import, agency, tmp_path):
    from django.core.management import CommandError

    export = json.loads((REAL / "tiktok" / "user_data_tiktok_2024-12_your_activity.json").read_text())
    export["Post"]["Posts"]["VideoList"] = [
        {
            "Date": "2024-12-01 10:00:00",
            "Link": "https://www.tiktokv.com/share/video/7443312345678901234/",
            "Likes": "12",
        },
        {"Date": "2024-12-02 10:00:00", "Link": "https://www.tiktok.com/", "Likes": "3"},
    ]
    path = tmp_path / "user_data_tiktok.json"
    path.write_text(json.dumps(export))
    with pytest.raises(CommandError, match="video 2, field 'Link': does not end in a TikTok video id"):
        run_import(path)
    assert not Profile.objects.filter(organization=agency).exists()  # all or nothing
    export["Post"]["Posts"]["VideoList"].pop()
    path.write_text(json.dumps(export))
    run_import(path)
    post = Post.objects.get(profile__organization=agency)
    assert (post.platform_id, post.likes, post.taken_at.isoformat()) == (
        "7443312345678901234",  # above 2^53: kept exact as text
        12,
        "2024-12-01T10:00:00+00:00",
    )


def test_every_platform_is_one_module_behind_the_registry():
    """The apps ask the registry; each platform answers the same questions."""
    assert list(PLATFORMS) == ["instagram", "x", "tiktok", "youtube"]
    for key, spec in PLATFORMS.items():
        assert platform_get(key) is spec and spec.key == key
        assert spec.handle_problem("valid_name") is None, key
        assert spec.handle_problem("not valid!") is not None, key
        assert spec.profile_url("valid_name").startswith("https://"), key
        assert spec.engagement_basis in ("followers", "views")
    assert not platform_get("youtube").has_follower_lists and not platform_get("tiktok").has_follower_lists
    assert platform_get("tiktok").engagement_basis == "views" == platform_get("youtube").engagement_basis


def test_a_tiktok_profile_page_shows_engagement_on_views_with_its_formula(run_import, agency, alice_client):
    path = REAL / "tiktok" / "tiktokapi_user_videos_cnn_first3.json"
    items = json.loads(path.read_text())
    run_import(path)
    profile = Profile.objects.get(organization=agency, platform="tiktok", handle="cnn")
    page = alice_client.get(f"/profiles/{profile.pk}/").content.decode()
    # each video's (likes + comments + shares) / views, averaged over the videos (the file repeats one video with
    # other counts; the last read is kept, and each video counts once)
    assert len({item["id"] for item in items}) == profile.posts.count() < len(items)
    last = {item["id"]: item for item in items}  # the last occurrence of each video wins
    for video_id, item in last.items():
        assert profile.posts.get(platform_id=video_id).views == int(item["statsV2"]["playCount"])
    rates = [(post.likes + post.comments + post.shares) / post.views for post in profile.posts.all()]
    expected = sum(rates) / len(rates) * 100
    views_card = page[page.index('id="engagement-rate-views"') :].split("</div>", 1)[0]
    assert f"{expected:.2f}%" in views_card
    assert "(likes + comments + shares) / views" in page and "TikTok gives no follower lists" in page
    assert "Sample followers" not in page and "Views</th>" in page


def test_a_youtube_channel_page_says_subscribers_are_rounded(run_import, agency, alice_client):
    run_import(REAL / "yt-dlp" / "channel_MrBeast_2025.08.27.info.json")
    profile = Profile.objects.get(organization=agency, platform="youtube")
    page = alice_client.get(f"/profiles/{profile.pk}/").content.decode()
    assert "Subscribers" in page and "426,000,000" in page
    assert 'id="followers-rounded"' in page and "rounded to 3 significant digits" in page
    assert "YouTube fetching is off on this server" in page
