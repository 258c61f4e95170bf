"""The platforms SocialLens reads, one module each; this registry is the one list of them.

    from profiles.platforms import platform_get
    platform_get("tiktok").profile_url("khaby.lame")   # 'https://www.tiktok.com/@khaby.lame'

Adding a platform: write its module (a PlatformSpec) and add it to PLATFORMS below."""

from __future__ import annotations

from profiles.platforms import instagram, tiktok, x, youtube
from profiles.platforms.base import FETCHER_LABELS, PlatformSpec

__all__ = [
    "FETCHER_LABELS",
    "PLATFORMS",
    "PlatformSpec",
    "platform_choices",
    "platform_for_host",
    "platform_get",
    "platform_names",
    "shown_handle",
]

PLATFORMS: dict[str, PlatformSpec] = {
    spec.key: spec for spec in (instagram.PLATFORM, x.PLATFORM, tiktok.PLATFORM, youtube.PLATFORM)
}


def platform_get(key: str) -> PlatformSpec:
    """The platform stored as `key`; KeyError for one SocialLens does not know."""
    return PLATFORMS[key]


def shown_handle(platform: str, handle: str) -> str:
    """The account as people read it: "@name", or an id that stands in for a handle as it is
    (PlatformSpec.shown_handle); "@name" on a platform SocialLens does not know."""
    spec = PLATFORMS.get(platform)
    return spec.shown_handle(handle) if spec else f"@{handle}"


def platform_for_host(host: str) -> PlatformSpec | None:
    host = host.lower()
    return next((spec for spec in PLATFORMS.values() if host in spec.hosts), None)


def platform_choices() -> list[tuple[str, str]]:
    """(value, label) of every platform: the choices of Profile.platform (a callable, so no migration per platform)."""
    return [(spec.key, spec.label) for spec in PLATFORMS.values()]


def platform_names(*, joiner: str = " or ") -> str:
    """'instagram, x, tiktok or youtube': the values, for error messages."""
    keys = list(PLATFORMS)
    return ", ".join(keys[:-1]) + joiner + keys[-1]
