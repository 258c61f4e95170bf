"""YouTube files every video under a category the creator picks at upload (ml.engine.categories.declared): where
most categorised videos name one niche, the discovery row shows it, says why, and a user's correction still wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from discovery.insights import insights_refresh
from discovery.models import ProfileInsight
from ml.engine.categories.declared import declared_niche
from profiles.importers import parse_file
from tests.factories import PostFactory, ProfileFactory

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
# Titles the niche model reads as music and fashion (the demo's news commentator read "Mixed: Music 26%").
TITLES = [
    "Hasta la vista Premier Li: the new line-up on stage tonight",
    "The Two Sessions are just a show, a pipedream for the season's style",
    "America bans the app on federal devices: should the music stop?",
    "Premier Li's farewell tour and its last song",
]


def test_the_niche_most_categorised_videos_name_with_the_defaults_left_out():
    news = [{"category_id": "25"}] * 3 + [{"category_id": "22"}] * 5 + [{"categories": ["Comedy"]}]
    declared = declared_niche(news)
    assert declared is not None and (declared.niche, declared.videos, declared.counted) == ("news", 3, 4)
    assert declared.share == 0.75 and declared.categories == ["News & Politics"]
    assert declared.reason() == (
        "News & Politics: YouTube's category for 3 of 4 videos whose category names a niche (chosen by the creator)"
    )
    assert declared_niche([{"categories": ["News & Politics"]}] * 2) is None  # too few to take its word
    assert declared_niche([{"category_id": "25"}, {"category_id": "10"}, {"category_id": "17"}]) is None  # no majority
    assert declared_niche([{"category_id": "22"}, {"category_id": "26"}, {}, None] * 3) is None  # none names a niche
    assert declared_niche([{"categories": ["news & politics"]}, {"category_id": 25}, {"category_id": "25"}]).niche == (
        "news"
    )


@pytest.mark.django_db
def test_a_youtube_channel_whose_videos_are_filed_under_news_is_news_and_says_why(agency, alice_client):
    channel = ProfileFactory(organization=agency, platform="youtube", handle="wangsir", is_linked=True)
    for title in TITLES:
        PostFactory(profile=channel, caption=title, hashtags=[], extra={"category_id": "25", "title": title})
    untagged = ProfileFactory(organization=agency, platform="youtube", handle="plainchannel", is_linked=True)
    for title in TITLES:
        PostFactory(profile=untagged, caption=title, hashtags=[], extra={"category_id": "22"})
    insights_refresh(profile_ids=[channel.pk, untagged.pk], embed=False)

    row = ProfileInsight.objects.get(pk=channel.pk)
    assert (row.niche, row.niche_share) == ("news", 1.0)
    assert row.niche_shares == [{"category": "news", "share": 1.0}]
    assert row.niche_reasons[0]["text"].startswith("News & Politics: YouTube's category for 4 of 4 videos")
    assert row.niche_predicted and row.niche_predicted != "news"  # what the model alone made of the titles
    page = alice_client.get(f"/profiles/{channel.pk}/").content.decode()
    assert "News &amp; politics 100%" in page and "YouTube&#x27;s category for 4 of 4 videos" in page
    plain = ProfileInsight.objects.get(pk=untagged.pk)
    assert plain.niche == plain.niche_predicted != "news"  # People & Blogs names no niche: the model decides

    row.niche_corrected = "music"
    row.save(update_fields=["niche_corrected"])
    insights_refresh(profile_ids=[channel.pk], embed=False, force=True)
    assert ProfileInsight.objects.get(pk=channel.pk).niche == "music"  # a user's correction outranks the platform


@pytest.mark.parametrize(
    ("path", "fmt", "niche"),
    [
        ("yt-dlp/video_kfsKda_lNWs_2024-06.json", "yt-dlp", "gaming"),  # categories: ["Gaming"]
        ("yt-dlp/video_-74HEDcWf_g_youtube-dl_2021-02.info.json", "yt-dlp", "education"),
        ("youtube-api/videos_list_one_video.json", "youtube-api", "entertainment"),  # categoryId "24"
    ],
)
def test_the_category_real_yt_dlp_and_data_api_files_carry_reaches_the_declared_niche(path, fmt, niche):
    """What the importers keep of a real file's category (yt-dlp's names, the Data API's id) is what the rule reads;
    three videos so filed name the niche."""
    parsed = parse_file(REAL / path, fmt=fmt)
    extras = [post.extra for post in parsed.posts]
    assert len(extras) == 1
    declared = declared_niche(extras * 3)
    assert declared is not None and declared.niche == niche
