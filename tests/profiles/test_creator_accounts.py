"""One creator, several platforms: the agency links a person's Instagram, TikTok and YouTube accounts, and every
page that shows one names the others."""

from __future__ import annotations

import pytest

from profiles import services
from profiles.models import Profile
from tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts(agency):
    return {
        platform: ProfileFactory(organization=agency, platform=platform, handle=f"ivy_{platform}", is_linked=True)
        for platform in ("instagram", "tiktok", "youtube")
    }


def test_joining_accounts_makes_one_creator_and_groups_merge(alice, accounts):
    ig, tt, yt = accounts["instagram"], accounts["tiktok"], accounts["youtube"]
    services.creator_accounts_join(user=alice, profile=ig, other=tt)
    grouped = services.creator_accounts_join(user=alice, profile=yt, other=tt)
    assert {p.pk for p in grouped} == {ig.pk, tt.pk, yt.pk}
    assert len({p.creator_key for p in Profile.objects.filter(pk__in=[ig.pk, tt.pk, yt.pk])}) == 1
    services.creator_accounts_leave(user=alice, profile=Profile.objects.get(pk=tt.pk))
    ig.refresh_from_db(), yt.refresh_from_db(), tt.refresh_from_db()
    assert tt.creator_key is None and ig.creator_key == yt.creator_key is not None
    services.creator_accounts_leave(user=alice, profile=ig)
    yt.refresh_from_db()
    assert yt.creator_key is None  # a group of one is no group


def test_the_profile_page_and_discovery_name_the_creators_other_accounts(alice, alice_client, accounts):
    from discovery.insights import insights_refresh

    ig, tt = accounts["instagram"], accounts["tiktok"]
    response = alice_client.post(f"/profiles/{ig.pk}/creator/", {"other": tt.pk}, follow=True)
    page = response.content.decode()
    assert "One creator: @ivy_instagram (Instagram), @ivy_tiktok (TikTok)" in page
    card = page[page.index('id="creator-accounts"') :].split("</ul>", 1)[0]
    assert f'href="/profiles/{tt.pk}/">@ivy_tiktok</a>' in card and "TikTok" in card
    insights_refresh(profile_ids=[ig.pk, tt.pk], embed=False)
    found = alice_client.get("/discovery/").content.decode()
    assert "also @ivy_tiktok (TikTok)" in found and "also @ivy_instagram (Instagram)" in found


def test_only_a_role_that_manages_data_links_accounts_and_only_its_agencys(
    alice, bob_client, alice_client, accounts, other_agency
):
    ig, tt = accounts["instagram"], accounts["tiktok"]
    assert bob_client.post(f"/profiles/{ig.pk}/creator/", {"other": tt.pk}).status_code == 403  # a viewer
    elsewhere = ProfileFactory(organization=other_agency, platform="tiktok", handle="not_ours")
    assert alice_client.post(f"/profiles/{ig.pk}/creator/", {"other": elsewhere.pk}).status_code == 404
    response = alice_client.post(f"/profiles/{ig.pk}/creator/", {"other": "x"}, follow=True)
    assert "Choose the creator&#x27;s other account." in response.content.decode()
    assert Profile.objects.filter(creator_key__isnull=False).count() == 0
