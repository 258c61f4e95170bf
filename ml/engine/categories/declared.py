"""The niche a platform's own categories declare: YouTube files every video under one of its categories (the Data
API's `snippet.categoryId`, yt-dlp's `categories`), chosen by the creator at upload. Where most of a channel's
categorised videos sit under categories that name one niche, that is the creator's own word for what they make,
and it outranks what the niche model reads in titles and descriptions (a Chinese news commentator's English titles
read "Mixed: Music 26% · Fashion 17%" to the model; YouTube files them under News & Politics).

Only categories that name a niche count: "People & Blogs" is YouTube's default, "Howto & Style" covers beauty,
fashion and DIY alike, "Autos & Vehicles" and "Nonprofits & Activism" have no niche of their own, so videos under
them are left out of the count rather than forced into one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# YouTube's video categories (the Data API's videoCategories list; yt-dlp writes their names) -> our niche, or ""
# for a category that names none.
YOUTUBE_CATEGORIES: dict[str, tuple[str, str]] = {
    "1": ("Film & Animation", "entertainment"),
    "2": ("Autos & Vehicles", ""),
    "10": ("Music", "music"),
    "15": ("Pets & Animals", "pet"),
    "17": ("Sports", "sports"),
    "18": ("Short Movies", "entertainment"),
    "19": ("Travel & Events", "travel"),
    "20": ("Gaming", "gaming"),
    "21": ("Videoblogging", ""),
    "22": ("People & Blogs", ""),
    "23": ("Comedy", "entertainment"),
    "24": ("Entertainment", "entertainment"),
    "25": ("News & Politics", "news"),
    "26": ("Howto & Style", ""),
    "27": ("Education", "education"),
    "28": ("Science & Technology", "tech"),
    "29": ("Nonprofits & Activism", ""),
    "30": ("Movies", "entertainment"),
    "43": ("Shows", "entertainment"),
    "44": ("Trailers", "entertainment"),
}
_BY_NAME = {name.lower(): (name, niche) for name, niche in YOUTUBE_CATEGORIES.values()}
MIN_VIDEOS = 3  # categorised videos that name a niche, before the platform's word is taken
MIN_SHARE = 0.6  # of those, the share one niche needs


@dataclass(frozen=True)
class Declared:
    niche: str
    share: float  # of the videos whose category names a niche
    videos: int  # videos filed under this niche's categories
    counted: int  # videos whose category names a niche
    shares: list[tuple[str, float]]  # every declared niche, largest first
    categories: list[str]  # YouTube's names for the winning niche's categories, most used first

    def reason(self) -> str:
        return (
            f"{' / '.join(self.categories)}: YouTube's category for {self.videos} of {self.counted} videos whose "
            "category names a niche (chosen by the creator)"
        )


def _category(extra: dict[str, Any]) -> tuple[str, str] | None:
    """(YouTube's name, niche) of one video, from the Data API's id or yt-dlp's names; None when it carries none."""
    if extra.get("category_id"):
        return YOUTUBE_CATEGORIES.get(str(extra["category_id"]))
    for name in extra.get("categories") or []:
        known = _BY_NAME.get(str(name).strip().lower())
        if known:
            return known
    return None


def declared_niche(extras: Iterable[dict[str, Any] | None]) -> Declared | None:
    """The niche most of the videos' own categories name, when MIN_VIDEOS of them name one and one niche holds
    MIN_SHARE of those; else None (the model decides)."""
    niches: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for extra in extras:
        found = _category(extra or {})
        if found is None or not found[1]:
            continue
        name, niche = found
        niches[niche] += 1
        names.setdefault(niche, Counter())[name] += 1
    counted = sum(niches.values())
    if counted < MIN_VIDEOS:
        return None
    niche, videos = niches.most_common(1)[0]
    if videos / counted < MIN_SHARE:
        return None
    return Declared(
        niche=niche,
        share=videos / counted,
        videos=videos,
        counted=counted,
        shares=[(n, c / counted) for n, c in niches.most_common()],
        categories=[name for name, _ in names[niche].most_common()],
    )
