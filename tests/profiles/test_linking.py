from __future__ import annotations

import pytest

from config.errors import ApplicationError, PermissionDenied
from profiles import services
from profiles.models import FetchJob, Profile
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://www.instagram.com/natgeo/", ("instagram", "natgeo")),
        ("instagram.com/NatGeo?igsh=abc", ("instagram", "natgeo")),
        ("https://instagram.com/chef.maria_/reels/", ("instagram", "chef.maria_")),
        ("https://x.com/NASA", ("x", "nasa")),
        ("https://twitter.com/@jack/status/20", ("x", "jack")),
        ("mobile.twitter.com/esa", ("x", "esa")),
    ],
)
def test_profile_urls_are_recognised(text, expected):
    assert services.profile_reference_parse(text=text) == expected


def test_handles_need_a_platform_and_a_valid_name():
    assert services.profile_reference_parse(text="@Nasa", default_platform="x") == ("x", "nasa")
    with pytest.raises(ApplicationError, match="Choose a platform"):
        services.profile_reference_parse(text="@nasa")
    with pytest.raises(ApplicationError, match="not a valid X"):
        services.profile_reference_parse(text="@has.dot", default_platform="x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://www.tiktok.com/@khaby.lame", ("tiktok", "khaby.lame")),
        ("tiktok.com/@Khaby.Lame?lang=en", ("tiktok", "khaby.lame")),
        ("https://www.youtube.com/@MrBeast/videos", ("youtube", "mrbeast")),
        # a channel named by its id: kept as written (ids are case-sensitive), renamed when its @handle is read
        ("https://www.youtube.com/channel/UCX6OQ3DkcsbYNE6H8uQQuVA", ("youtube", "UCX6OQ3DkcsbYNE6H8uQQuVA")),
    ],
)
def test_tiktok_and_youtube_profile_urls_name_their_platform_and_handle(text, expected):
    assert services.profile_reference_parse(text=text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("https://www.facebook.com/natgeo", "not supported"),
        ("https://www.tiktok.com/foryou", "not a profile page.*tiktok.com/@"),
        ("https://www.youtube.com/watch?v=kfsKda_lNWs", "not a profile page.*youtube.com/@"),
        ("https://www.youtube.com/@ab", "not a valid YouTube handle"),
        ("https://www.instagram.com/p/C3abcDEFghi/", "not a profile page"),
        ("https://x.com/", "not a profile page"),
        ("https://www.instagram.com/bad..name!/", "not a valid Instagram handle"),
        ("", "Paste a profile URL"),
    ],
)
def test_malformed_or_unsupported_input_gets_a_clear_message(text, message):
    with pytest.raises(ApplicationError, match=message):
        services.profile_reference_parse(text=text)


def test_linking_promotes_a_discovered_profile_instead_of_duplicating_it(alice, agency):
    discovered = ProfileFactory(organization=agency, handle="natgeo", is_linked=False)
    profile, created = services.profile_link(
        user=alice, organization=agency, reference="https://www.instagram.com/natgeo/"
    )
    assert (profile.pk, created, profile.is_linked) == (discovered.pk, False, True)
    assert Profile.objects.filter(organization=agency, handle="natgeo").count() == 1


def test_linking_queues_no_fetch_while_the_integration_is_off(alice, agency, settings):
    settings.X_BEARER_TOKEN = ""
    services.profile_link(user=alice, organization=agency, reference="https://x.com/nasa")
    assert not FetchJob.objects.exists()


def test_a_viewer_cannot_link(bob, agency):
    with pytest.raises(PermissionDenied):
        services.profile_link(user=bob, organization=agency, reference="https://x.com/nasa")
