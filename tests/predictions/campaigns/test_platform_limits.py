"""Content the platform would refuse is refused here, before it is stored or scored: caption length and tag counts
per the profile's platform, planned times in the past or outside the campaign, hashtags and handles that are not
ones. The upload page keeps what was typed and shows the message beside the field."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from config.errors import ApplicationError
from predictions.campaigns import services
from predictions.campaigns.brief import caption_problems, normalise_tags, x_weighted_length
from predictions.campaigns.models import Submission
from tests.factories import ProfileFactory
from tests.predictions.campaigns.uploads import GOOD_CAPTION, PLANNED_LOCAL, jpeg_upload

pytestmark = pytest.mark.django_db


def test_instagram_limits_captions_to_2200_characters_and_30_hashtags():
    assert caption_problems(caption="x" * 2200, platform="instagram") == []
    assert (
        "at most 2,200 characters; this one has 2,201" in caption_problems(caption="x" * 2201, platform="instagram")[0]
    )
    thirty = " ".join(f"#tag{i}" for i in range(30))
    assert caption_problems(caption=thirty, platform="instagram") == []
    assert (
        "at most 30 hashtags; this caption has 31"
        in caption_problems(caption=thirty + " #one_more", platform="instagram")[0]
    )


def test_tiktok_takes_4000_characters_and_youtube_a_100_character_title_and_60_hashtags():
    """Each platform's own limits, from its module (profiles/platforms): TikTok captions 4,000 characters; a YouTube
    draft's first line is its title (100) and the rest its description (5,000); YouTube ignores every hashtag of a
    video with more than 60."""
    assert caption_problems(caption="x" * 4000, platform="tiktok") == []
    assert (
        "A TikTok caption takes at most 4,000 characters" in caption_problems(caption="x" * 4001, platform="tiktok")[0]
    )
    assert caption_problems(caption="t" * 100 + "\n" + "d" * 5000, platform="youtube") == []
    long_title = caption_problems(caption="t" * 101 + "\nshort", platform="youtube")
    assert long_title == ["A YouTube title (the first line) takes at most 100 characters; this one has 101."]
    assert "description takes at most 5,000" in caption_problems(caption="t\n" + "d" * 5001, platform="youtube")[0]
    sixty_one = "Title\n" + " ".join(f"#tag{i}" for i in range(61))
    assert (
        "YouTube ignores every hashtag of a video that has more than 60"
        in caption_problems(caption=sixty_one, platform="youtube")[0]
    )
    assert caption_problems(caption=" ".join(f"#tag{i}" for i in range(80)), platform="tiktok") == []


def test_x_counts_links_as_23_and_emoji_as_2_against_280():
    assert x_weighted_length("a" * 10 + " https://example.com/" + "p" * 80) == 11 + 23
    assert x_weighted_length("☀") == 2 and x_weighted_length("日本") == 4
    assert caption_problems(caption="a" * 280, platform="x") == []
    assert "counts 281" in caption_problems(caption="a" * 279 + "☀", platform="x")[0]
    # The same caption is fine on Instagram: limits follow the profile's platform.
    assert caption_problems(caption="a" * 400, platform="instagram") == []


@pytest.mark.parametrize("tag", ["#<b>tag</b>", "#2026", "#sun-set", "#"])
def test_required_hashtags_are_validated_as_the_platforms_do(tag):
    if tag == "#":
        assert normalise_tags(tag, prefix="#") == []
        return
    with pytest.raises(ApplicationError) as caught:
        normalise_tags(f"#summer {tag}", prefix="#")
    assert caught.value.field == "required_hashtags" and tag in caught.value.message


def test_valid_tags_and_handles_pass_in_any_script():
    assert normalise_tags("#Été #summer_2026 #日本", prefix="#") == ["été", "summer_2026", "日本"]
    assert normalise_tags("@glow.co, @Brand_1", prefix="@") == ["glow.co", "brand_1"]
    for bad in ("@a..b", "@.dot", "@<script>", "@" + "x" * 31):
        with pytest.raises(ApplicationError):
            normalise_tags(bad, prefix="@")


def test_an_over_long_x_caption_is_refused_before_anything_is_stored(campaign, ivy, agency):
    x_profile = ProfileFactory(organization=agency, platform="x", handle="ivy_x", influencer=ivy, is_linked=True)
    with pytest.raises(ApplicationError) as caught:
        services.submission_create(
            user=ivy,
            campaign=campaign,
            profile=x_profile,
            caption="#summer " + "a" * 300,
            planned_at=timezone.now() + dt.timedelta(days=2),
            uploads=[jpeg_upload()],
        )
    assert caught.value.field == "caption" and "X takes at most 280" in caught.value.message
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("shift", "message"), [(dt.timedelta(hours=-1), "already passed"), (dt.timedelta(days=45), "inside the campaign")]
)
def test_planned_times_in_the_past_or_outside_the_campaign_are_refused(campaign, ivy, ivy_profile, shift, message):
    with pytest.raises(ApplicationError) as caught:
        services.submission_create(
            user=ivy,
            campaign=campaign,
            profile=ivy_profile,
            caption=GOOD_CAPTION,
            planned_at=timezone.now() + shift,
            uploads=[jpeg_upload()],
        )
    assert caught.value.field == "planned_at" and message in caught.value.message
    assert not Submission.objects.exists()


def test_the_upload_page_keeps_the_typed_caption_and_says_what_is_wrong(client, campaign, ivy, ivy_profile):
    client.force_login(ivy)
    caption = "Too many " + " ".join(f"#t{i}" for i in range(31))
    response = client.post(
        reverse("predictions:submission_create", args=[campaign.pk]),
        {
            "profile": ivy_profile.pk,
            "caption": caption,
            "planned_at": PLANNED_LOCAL,
            "timezone_name": "Europe/Berlin",
            "images": [jpeg_upload()],
            "action": "submit",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 30 hashtags" in html and "#t30" in html and PLANNED_LOCAL in html
    assert response.context["form"].errors["caption"]
    assert not Submission.objects.exists()


def test_the_campaign_form_refuses_markup_in_required_hashtags(client, alice, agency):
    client.force_login(alice)
    response = client.post(
        reverse("predictions:campaign_create"),
        {
            "name": "Winter",
            "brand": "Snow Co",
            "starts_on": "2026-12-01",
            "ends_on": "2026-12-20",
            "required_hashtags": "#<b>tag</b>",
            "approval_rule": "any",
            "status": "active",
        },
    )
    assert response.status_code == 400
    assert "Not a valid hashtag" in response.content.decode()
    assert response.context["form"]["name"].value() == "Winter"
