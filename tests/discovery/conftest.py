"""Profiles with recognisable content for discovery tests: a food creator posting in French from Paris, a
fitness creator in English, a pet account with no location; the shipped niche model classifies them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from tests.factories import MembershipFactory, PostFactory, ProfileFactory, SnapshotFactory, UserFactory

FOOD = [
    "Recette du jour : tarte aux pommes maison, pâte sablée et caramel au beurre salé "
    "#food #foodie #instafood #foodporn #recipe #dessert",
    "Brunch du dimanche avec des pancakes, des fruits frais et un bon café "
    "#brunch #foodie #yummy #foodstagram #delicious",
    "Mon plat préféré : risotto aux champignons et parmesan, prêt en trente minutes "
    "#cuisine #dinner #homemade #foodblogger",
]
FITNESS = [
    "Leg day done! 5x5 squats and lunges, feeling strong #fitness #gym #workout #legday",
    "Morning HIIT session before work, 30 minutes of burpees and sprints #fitnessmotivation #cardio",
    "Protein smoothie after training: banana, oats and whey #gymlife #fitfam #training",
]
PETS = [
    "My golden retriever Max loves the park so much #dog #dogsofinstagram #puppy",
    "Caturday naps with Luna the cat #catsofinstagram #cat #meow #catstagram #pets",
    "Max got a new chew toy and he is the happiest pup ever #doglover #pets #petsofinstagram #dogstagram",
]


def make_creator(
    organization,
    handle: str,
    captions: list[str],
    *,
    followers: int,
    location: str = "",
    bio: str = "",
    days_ago: int = 1,
    **fields,
):
    # Names are fixed, not Faker's: the niche model reads the display name, and a random one could move a
    # borderline creator between niches depending on which tests ran before.
    profile = ProfileFactory(organization=organization, handle=handle, followers_count=followers, bio=bio, **fields)
    now = timezone.now()
    for index, caption in enumerate(captions):
        PostFactory(
            profile=profile,
            caption=caption,
            taken_at=now - timedelta(days=days_ago + index),
            likes=followers // 20,
            comments=followers // 400,
            extra={"location": {"name": location}} if location else {},
        )
    for weeks, count in ((9, int(followers * 0.8)), (5, int(followers * 0.9)), (0, followers)):
        SnapshotFactory(profile=profile, taken_at=now - timedelta(weeks=weeks, hours=1), followers_count=count)
    return profile


@pytest.fixture
def creators(agency):
    return {
        "food": make_creator(
            agency,
            "chez_amelie",
            FOOD,
            followers=52000,
            location="Paris, France",
            bio="Cuisine maison et recettes faciles",
            is_verified=True,
            display_name="Amélie Laurent",
        ),
        "fitness": make_creator(
            agency,
            "liftwithsam",
            FITNESS,
            followers=8000,
            bio="Coach | gym | nutrition",
            is_linked=False,
            display_name="Sam Carter",
        ),
        "pets": make_creator(agency, "max_the_golden", PETS, followers=150000, days_ago=60, display_name="Max"),
    }


@pytest.fixture
def charlie_creator(other_agency):
    return make_creator(other_agency, "charlies_kitchen", FOOD, followers=30000)


@pytest.fixture
def ivy(agency):
    """An influencer member of alice's agency: an outside creator, who must not see discovery."""
    user = UserFactory(email="ivy@example.com")
    MembershipFactory(user=user, organization=agency, role=Role.INFLUENCER)
    return user


@pytest.fixture
def refreshed(creators, charlie_creator):
    from discovery.insights import insights_refresh

    ids = [p.pk for p in creators.values()] + [charlie_creator.pk]
    insights_refresh(profile_ids=ids, embed=False)
    return creators
