"""Imported text longer than the platform allows is cut to its limit, and the import says so (a 10 MB biography
was stored whole and served as 10.5 MB of HTML and JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from profiles.models import Profile
from profiles.services import profiles_import

pytestmark = pytest.mark.django_db

REAL = Path(__file__).resolve().parents[2] / "ml" / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl"


def test_a_forged_10_mb_bio_and_caption_are_cut_to_instagrams_limits_and_listed(agency, tmp_path, alice_client):
    account = json.loads(REAL.open(encoding="utf-8").readline())  # a real instaloader-style profile node
    account["biography"] = "a" * 10_000_000
    account["full_name"] = "N" * 500
    account["posts"][0]["edge_media_to_caption"] = "#tag " * 2000
    forged = tmp_path / "forged.jsonl"
    forged.write_text(json.dumps(account) + "\n", encoding="utf-8")
    result = profiles_import(organization=agency, paths=[forged], fmt="instagram-graphql", link=True)
    profile = Profile.objects.get(organization=agency, handle=account["username"])
    assert len(profile.bio) == 150 and len(profile.display_name) == 30
    caption = profile.posts.get(platform_id=account["posts"][0]["id"]).caption
    assert len(caption) == 2200
    assert result.as_dict()["cut_count"] == 3
    assert f"bio of @{account['username']}: 10,000,000 characters cut to 150" in result.cut
    page = alice_client.get(f"/profiles/{profile.pk}/")
    assert page.status_code == 200 and len(page.content) < 200_000
