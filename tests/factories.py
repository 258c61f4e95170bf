"""factory_boy factories shared by every test module."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.models import Invitation, Membership, Organization, User
from accounts.roles import Role
from profiles.models import FetchJob, Platform, Post, Profile, Relation, RelationKind, Snapshot

TEST_PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def verified_email(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            from allauth.account.models import EmailAddress

            self.save()
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Agency {n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.OWNER


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.com")
    role = Role.VIEWER
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    organization = factory.SubFactory(OrganizationFactory)
    platform = Platform.INSTAGRAM
    handle = factory.Sequence(lambda n: f"creator{n}")
    # Far above the ids in the real files under tests/data (1001, 1002… among them): a factory profile that took
    # one would be the same account to the importer (matched by id, as a rename) and swallow an imported one.
    platform_id = factory.Sequence(lambda n: str(9_000_000_000_000 + n))
    display_name = factory.Faker("name")
    followers_count = 12000
    following_count = 300
    posts_count = 120
    is_linked = True


class SnapshotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Snapshot

    profile = factory.SubFactory(ProfileFactory)
    taken_at = factory.LazyFunction(timezone.now)
    followers_count = 12000
    following_count = 300
    posts_count = 120


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    profile = factory.SubFactory(ProfileFactory)
    platform_id = factory.Sequence(lambda n: str(500000 + n))
    shortcode = factory.Sequence(lambda n: f"Bx{n:06d}")
    caption = "Sunset run #fitness"
    hashtags = factory.LazyFunction(lambda: ["fitness"])
    taken_at = factory.LazyFunction(timezone.now)
    likes = 800
    comments = 40


class RelationFactory(factory.django.DjangoModelFactory):
    """source --kind--> target; e.g. RelationFactory(source=follower, target=linked) for a follower edge."""

    class Meta:
        model = Relation

    source = factory.SubFactory(ProfileFactory, is_linked=False)
    target = factory.SubFactory(ProfileFactory, organization=factory.SelfAttribute("..source.organization"))
    organization = factory.SelfAttribute("source.organization")
    kind = RelationKind.FOLLOWS


class FetchJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FetchJob

    profile = factory.SubFactory(ProfileFactory)
    organization = factory.SelfAttribute("profile.organization")
