"""Profile.get_platform_display reads the platform registry instead of Django's generated method, which evaluates
the callable choices on every call (17 µs against 0.14 µs, once per row of every list): the same names."""

from __future__ import annotations

from profiles.models import Profile
from profiles.platforms import PLATFORMS


def test_the_registry_names_every_platform_as_djangos_choices_do():
    field = Profile._meta.get_field("platform")
    for key in [*PLATFORMS, "not-a-platform"]:
        profile = Profile(platform=key, handle="someone")
        assert profile.get_platform_display() == Profile._get_FIELD_display(profile, field=field)
    assert Profile(platform="x").get_platform_display() == "X (Twitter)"
