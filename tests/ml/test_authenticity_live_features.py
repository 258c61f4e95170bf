"""The live path (an imported X account stored as a Profile) must give the model the same features as the training
path (the raw v1.1 user object), or predictions on real followers drift from what was validated."""

from __future__ import annotations

import json

import numpy as np
import pytest
from django.core.management import call_command

from ml.authenticity import profile_record, profile_rows
from ml.engine.authenticity.datasets import twitter_user_record
from ml.engine.authenticity.features import columns_from_records, keys_for, x_matrix
from profiles.models import Profile

pytestmark = pytest.mark.django_db

USER = {
    "id": 3022357312,
    "id_str": "3022357312",
    "name": "patatavis",
    "screen_name": "pattavis",
    "location": "Roma",
    "description": "",
    "url": None,
    "protected": False,
    "followers_count": 218,
    "friends_count": 285,
    "listed_count": 0,
    "created_at": "Fri Feb 06 22:33:59 +0000 2015",
    "favourites_count": 2305,
    "geo_enabled": False,
    "verified": False,
    "statuses_count": 3477,
    "lang": "it",
    "profile_background_color": "C0DEED",
    "profile_link_color": "1DA1F2",
    "profile_use_background_image": True,
    "has_extended_profile": False,
    "default_profile": True,
    "default_profile_image": False,
    "profile_banner_url": "https://pbs.twimg.com/profile_banners/3022357312/1487891445",
}


def test_an_imported_x_account_gets_the_features_its_raw_v1_object_gives(tmp_path, agency):
    path = tmp_path / "users.json"
    path.write_text(json.dumps([USER]))
    call_command(
        "import_profiles",
        "--format",
        "twitter-v1",
        str(path),
        "--organization",
        agency.slug,
        "--verbosity",
        "0",
        stdout=open(tmp_path / "out.txt", "w"),
    )
    profile = Profile.objects.get(handle="pattavis")
    live = profile_record(profile_rows(profile_ids=[profile.pk])[0])
    trained = twitter_user_record(USER, observed_at=live["observed_at"])
    keys = keys_for("x")
    live_matrix = x_matrix(columns_from_records([live], keys))
    trained_matrix = x_matrix(columns_from_records([trained], keys))
    np.testing.assert_allclose(live_matrix, trained_matrix, equal_nan=True)
    # The v1.1 profile details are known, not imputed.
    for key in (
        "location",
        "geo_enabled",
        "has_extended_profile",
        "has_banner",
        "use_background_image",
        "default_theme",
    ):
        assert live[key] is not None, key
