"""Content language and country, from what a profile's data says.

- Language: see ml.engine.languages.
- Country: a post location or bio that names a country (ISO 3166 names and common aliases) or one of the IANA
  time-zone cities ("Paris", "Los Angeles"). Anything else is unknown; nothing is inferred from language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
UNKNOWN = "unknown"
_ALIASES = {
    "usa": "US",
    "u.s.a.": "US",
    "united states": "US",
    "america": "US",
    "nyc": "US",
    "new york": "US",
    "california": "US",
    "texas": "US",
    "florida": "US",
    "hawaii": "US",
    "uk": "GB",
    "u.k.": "GB",
    "united kingdom": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "london": "GB",
    "britain": "GB",
    "russia": "RU",
    "south korea": "KR",
    "korea": "KR",
    "vietnam": "VN",
    "iran": "IR",
    "syria": "SY",
    "taiwan": "TW",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "czech republic": "CZ",
    "czechia": "CZ",
    "uae": "AE",
    "dubai": "AE",
    "bali": "ID",
    "deutschland": "DE",
    "españa": "ES",
    "italia": "IT",
    "brasil": "BR",
    "méxico": "MX",
    "türkiye": "TR",
    "turkey": "TR",
    "holland": "NL",
}
# What people call themselves in a bio ("British designer", "French girl in NYC"): read in bios only, where it says
# where someone is from; in a caption or a place name ("Italian restaurant") it says nothing about the creator.
_DEMONYMS = {
    "british": "GB",
    "scottish": "GB",
    "welsh": "GB",
    "american": "US",
    "canadian": "CA",
    "mexican": "MX",
    "brazilian": "BR",
    "argentinian": "AR",
    "argentine": "AR",
    "colombian": "CO",
    "french": "FR",
    "italian": "IT",
    "german": "DE",
    "spanish": "ES",
    "portuguese": "PT",
    "dutch": "NL",
    "irish": "IE",
    "swedish": "SE",
    "norwegian": "NO",
    "danish": "DK",
    "finnish": "FI",
    "polish": "PL",
    "russian": "RU",
    "ukrainian": "UA",
    "turkish": "TR",
    "greek": "GR",
    "australian": "AU",
    "indian": "IN",
    "pakistani": "PK",
    "indonesian": "ID",
    "filipino": "PH",
    "filipina": "PH",
    "japanese": "JP",
    "korean": "KR",
    "chinese": "CN",
    "nigerian": "NG",
    "south african": "ZA",
    "egyptian": "EG",
}
# A profile is placed by its posts alone only when over two thirds of its located posts (and at least this many) agree.
HOME_MIN_POSTS = 2
_DISPLAY = {"GB": "United Kingdom", "US": "United States", "KR": "South Korea", "RU": "Russia"}
_AMBIGUOUS = {"georgia", "jersey", "chad", "guinea", "niger", "sudan", "dominica"}  # states, names or too vague


@cache
def country_names() -> dict[str, str]:
    """Lower-case country or city name -> ISO 3166 alpha-2 code, and code -> display name under key '#CC'."""
    names: dict[str, str] = {}
    for line in (HERE / "iso3166.tab").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        code, name = line.split("\t", 1)
        names[f"#{code}"] = _DISPLAY.get(code, name.strip())
        if name.strip().lower() not in _AMBIGUOUS:
            names[name.strip().lower()] = code
    for line in (HERE / "zone.tab").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) >= 3 and "/" in cells[2]:
            city = cells[2].rsplit("/", 1)[1].replace("_", " ").lower()
            if len(city) > 3 and city not in _AMBIGUOUS:
                names.setdefault(city, cells[0])
    names.update(_ALIASES)
    return names


@cache
def _country_pattern() -> re.Pattern[str]:
    keys = sorted((k for k in country_names() if not k.startswith("#")), key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w])", re.IGNORECASE)


def country_name(code: str) -> str:
    return country_names().get(f"#{code}", code)


@cache
def _demonym_pattern() -> re.Pattern[str]:
    keys = sorted(_DEMONYMS, key=len, reverse=True)
    return re.compile(r"(?<![\w#@])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w])", re.IGNORECASE)


def countries_in_bio(text: str) -> list[str]:
    """countries_in, plus what people call themselves ("British", "French")."""
    found = countries_in(text)
    for match in _demonym_pattern().finditer(text or ""):
        code = _DEMONYMS[match.group(1).lower()]
        if code not in found:
            found.append(code)
    return found


def countries_in(text: str) -> list[str]:
    """ISO codes of the countries a text names, in order, each once."""
    found: list[str] = []
    names = country_names()
    for match in _country_pattern().finditer(text or ""):
        word = match.group(1).lower()
        # Case-insensitive matching can pair "İstanbul" with "istanbul", whose lower() keeps a combining dot.
        code = names.get(word) or names.get(unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode())
        if code and code not in found:
            found.append(code)
    return found


@dataclass
class CountryEvidence:
    code: str
    name: str
    posts: int  # post locations naming it
    bio: bool

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "posts": self.posts, "bio": self.bio}


def profile_countries(*, locations: Iterable[str], bio: str = "", extra: Iterable[str] = ()) -> list[CountryEvidence]:
    """Countries with the evidence for each: how many post locations name it, and whether the bio or business
    address does. Those the bio or address names come first (where someone says they are from or based outranks
    where they travelled), then by posts."""
    counts: Counter[str] = Counter()
    for location in locations:
        for code in countries_in(location)[:1]:  # "Paris, France" is one post in one country
            counts[code] += 1
    in_bio = set(countries_in_bio(" ".join([bio, *extra])))
    for code in in_bio:
        counts.setdefault(code, 0)
    ranked = sorted(counts, key=lambda c: (c not in in_bio, -counts[c], c))
    return [CountryEvidence(code=c, name=country_name(c), posts=counts[c], bio=c in in_bio) for c in ranked]


def home_country(evidence: list[CountryEvidence]) -> str:
    """The one country to show for a profile, or "" when the evidence does not say: the first one its bio or address
    names; otherwise the post locations' country when over two thirds of the located posts (and at least
    HOME_MIN_POSTS) name it.
    A trip (five posts from Cuba beside three from California) is evidence shown, not a country."""
    if not evidence:
        return ""
    if evidence[0].bio:
        return evidence[0].code
    located = sum(e.posts for e in evidence)
    top = evidence[0]
    return top.code if top.posts >= HOME_MIN_POSTS and top.posts * 3 > located * 2 else ""
