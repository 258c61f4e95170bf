"""Discovery rows: the shipped niche model, language and country from the data, corrections that stick, and
refreshes that follow changed posts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from discovery.insights import insights_refresh, stale_profiles
from discovery.models import ProfileInsight
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def test_refresh_gives_each_creator_a_calibrated_niche_with_reason_posts(refreshed) -> None:
    food = ProfileInsight.objects.get(pk=refreshed["food"].pk)
    fitness = ProfileInsight.objects.get(pk=refreshed["fitness"].pk)
    pets = ProfileInsight.objects.get(pk=refreshed["pets"].pk)
    assert (food.niche, fitness.niche, pets.niche) == ("food", "fitness", "pet")
    shares = [row["share"] for row in food.niche_shares]
    assert shares == sorted(shares, reverse=True) and 0 < sum(shares) <= 1.0001
    assert food.niche_share == pytest.approx(shares[0], abs=1e-4)
    assert food.niche_reasons and all(r["weight"] > 0 for r in food.niche_reasons)
    assert any("tarte" in r["text"] or "risotto" in r["text"] or "Brunch" in r["text"] for r in food.niche_reasons)
    assert food.niche_model_version


def test_language_and_country_come_from_the_data_and_unknown_is_said(refreshed) -> None:
    food = ProfileInsight.objects.get(pk=refreshed["food"].pk)
    pets = ProfileInsight.objects.get(pk=refreshed["pets"].pk)
    assert food.content_language == "fr"
    assert food.country == "FR" and food.countries[0] == {"code": "FR", "name": "France", "posts": 3, "bio": False}
    assert pets.content_language == "en"
    assert pets.country == "" and pets.countries == [{"code": "", "name": "unknown", "posts": 0, "bio": False}]


def test_metrics_engagement_growth_and_sparkline(refreshed) -> None:
    food = ProfileInsight.objects.get(pk=refreshed["food"].pk)
    # likes = followers/20, comments = followers/400 on every post
    assert food.engagement_rate == pytest.approx(1 / 20 + 1 / 400, rel=1e-3)
    assert food.growth_30d == pytest.approx(52000 / int(52000 * 0.9) - 1, rel=1e-3)
    assert food.sparkline == [int(52000 * 0.8), int(52000 * 0.9), 52000]
    assert food.is_verified and food.is_linked


def test_a_users_correction_wins_and_survives_a_refresh(refreshed, alice) -> None:
    from discovery.services import niche_correct

    profile = refreshed["fitness"]
    niche_correct(user=alice, profile_id=profile.pk, category="food")
    PostFactory(profile=profile, caption="Deadlift PR today #gym #fitness")
    assert insights_refresh(profile_ids=[profile.pk], embed=False) == 1
    row = ProfileInsight.objects.get(pk=profile.pk)
    assert (row.niche, row.niche_corrected, row.niche_predicted) == ("food", "food", "fitness")
    assert row.niche_corrected_by == alice
    niche_correct(user=alice, profile_id=profile.pk, category="")
    row.refresh_from_db()
    assert (row.niche, row.niche_corrected) == ("fitness", "")


def test_viewer_may_not_correct_and_outsider_gets_404(refreshed, bob, charlie) -> None:
    from django.http import Http404

    from config.errors import PermissionDenied
    from discovery.services import niche_correct

    with pytest.raises(PermissionDenied):
        niche_correct(user=bob, profile_id=refreshed["food"].pk, category="travel")
    with pytest.raises(Http404):
        niche_correct(user=charlie, profile_id=refreshed["food"].pk, category="travel")


@pytest.mark.slow
def test_only_profiles_whose_data_changed_are_stale_and_unchanged_inputs_are_skipped(refreshed) -> None:
    from discovery.tasks import insights_refresh_stale

    assert not stale_profiles().filter(pk__in=[p.pk for p in refreshed.values()]).exists()
    assert insights_refresh(profile_ids=[refreshed["pets"].pk], embed=False) == 0  # same inputs: skipped
    PostFactory(profile=refreshed["pets"], caption="Luna and Max sharing the sofa #cats #dogs")
    assert list(stale_profiles().values_list("pk", flat=True)) == [refreshed["pets"].pk]
    assert insights_refresh_stale.delay().get() == 1  # the ml-queue task, eager here
    assert not stale_profiles().exists()


def test_the_refresh_task_is_routed_to_the_ml_queue() -> None:
    from django.conf import settings

    assert settings.CELERY_TASK_ROUTES["discovery.tasks.insights_refresh_stale"] == {"queue": "ml"}
    assert "discovery-refresh-stale" in settings.CELERY_BEAT_SCHEDULE


MUSIC = [
    "Rehearsals for the tour start tomorrow, can't wait to play the new songs live #tour #newmusic",
    "Studio day with the band, finishing the last track of the record #studio #album",
    "Thank you Lisbon! Sold out show last night, you sang every word #concert #live",
]


def test_a_musician_is_music_not_the_nearest_lifestyle_niche_and_discovery_says_so(agency, alice, client) -> None:
    """kim2020's eight niches have no music: the extension (ml.niches) names it, with the posts behind it, the
    discovery filter finds it, and the profile page writes the niche's name."""
    from tests.discovery.conftest import make_creator

    musician = make_creator(
        agency,
        "nora_vale_music",
        MUSIC,
        followers=90000,
        bio="Singer-songwriter. New album 'Night Drive' out Friday",
        display_name="Nora Vale",
    )
    assert insights_refresh(profile_ids=[musician.pk]) == 1
    row = ProfileInsight.objects.get(pk=musician.pk)
    assert row.niche == "music" and "+" in row.niche_model_version
    assert row.niche_reasons and any("tour" in r["text"] or "album" in r["text"] for r in row.niche_reasons)
    client.force_login(alice)
    response = client.get(reverse("discovery:search"), {"niche": "music"})
    assert response.status_code == 200 and b"nora_vale_music" in response.content
    assert b"Music " in response.content  # the niche's name with its share, or "Mixed: Music …"


def test_the_refresh_screens_new_posts_for_brand_safety_and_grades_the_row(refreshed) -> None:
    """Brand safety runs inside the refresh (profiles.safety); the rest of it is tested in test_brand_safety.py."""
    from discovery.insights import insights_refresh
    from discovery.models import ProfileInsight
    from profiles.models import Post, SafetyFlag
    from tests.factories import PostFactory

    profile = refreshed["food"]
    assert not Post.objects.filter(profile=profile, safety_version="").exists()  # screened by the first refresh
    PostFactory(profile=profile, caption="Casino night, blackjack and a glock on the table #poker")
    assert insights_refresh(profile_ids=[profile.pk], embed=False) == 1
    flags = {f.category for f in SafetyFlag.objects.filter(post__profile=profile)}
    assert {"gambling", "violence_weapons"} <= flags
    row = ProfileInsight.objects.get(pk=profile.pk)
    assert row.safety_grade in ("B", "C") and row.safety_flagged_posts >= 1
