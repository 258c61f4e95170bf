"""Follower audiences for the audit tests."""

from __future__ import annotations

from profiles.models import Profile, Relation, RelationKind


def mixed_followers(profile: Profile, n: int) -> list[Profile]:
    """A mixed audience: mass followers, influencers, obvious fakes and ordinary people."""
    rows = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            stats = {"followers_count": 80, "following_count": 3200, "posts_count": 3}
        elif kind == 1:
            stats = {
                "followers_count": 25000,
                "following_count": 400,
                "posts_count": 900,
                "bio": "Travel creator",
                "has_default_avatar": False,
            }
        elif kind == 2:
            stats = {
                "followers_count": 4,
                "following_count": 900,
                "posts_count": 0,
                "bio": "",
                "has_default_avatar": True,
                "display_name": "",
            }
        else:
            stats = {
                "followers_count": 420,
                "following_count": 380,
                "posts_count": 150,
                "bio": "Runner, cook and dad. Oslo",
                "has_default_avatar": False,
                "display_name": "Ola N",
            }
        handle = [f"mass{i}", f"star{i}", f"xq{i:04d}{i * 7919 % 100000:05d}", f"user{i}"][kind]
        rows.append(
            Profile(
                organization=profile.organization,
                platform=profile.platform,
                handle=handle,
                platform_id=str(900000 + i),
                **stats,
            )
        )
    created = Profile.objects.bulk_create(rows)
    Relation.objects.bulk_create(
        [
            Relation(organization=profile.organization, source=follower, target=profile, kind=RelationKind.FOLLOWS)
            for follower in created
        ]
    )
    return created
