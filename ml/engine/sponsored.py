"""Is a published post an ad? yes / likely / no, with the evidence, from its caption and the platform's own label.

    from ml.engine.sponsored import sponsorship
    s = sponsorship("Use code IVY15 for 15% off @glowco", platform_label=False)
    s.verdict, s.evidence  # "likely", [("discount code", "code IVY15"), ...]

- yes: the platform's paid-partnership label, or a clear disclosure word or hashtag in one of the languages creators
  post in (#ad, #sponsored, #anzeige, #werbung, #publicidad, #publi, #sponsorisé, #reklama, #advertentie, #reclame,
  #annonce, #pubblicità, #patrocinado, #iklan, #PR in Japanese posts, 広告, 광고, 廣告/广告, реклама, إعلان…).
- likely: no clear disclosure, but what paid posts carry: ambiguous tags (#sp, #spon, #collab, #partner,
  #ambassador, #gifted, #brandpartner…), "thanks to @brand", "in partnership with", "gifted by", a discount code, an
  affiliate or tracking link (amzn.to, rstyle.me, liketk.it, shopmy, ?ref=, utm_…).
- no: none of these. Undisclosed ads without any of these marks look organic here; what the check can and cannot see
  is measured on hand-labelled captions (`evaluate_model sponsored`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

YES, LIKELY, NO = "yes", "likely", "no"
VERDICTS = ((YES, "Sponsored"), (LIKELY, "Likely sponsored"), (NO, "Organic"))

# Clear disclosures, matched as a hashtag or as a stand-alone word (case-insensitive).
CLEAR_WORDS = (
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "sponsored",
    "sponsoredpost",
    "paidpartnership",
    "paid partnership",
    "paidad",
    "paid ad",
    "paid promotion",
    "anzeige",
    "werbung",
    "bezahltepartnerschaft",  # German
    "publicidad",
    "publi",
    "patrocinado",
    "patrocinada",
    "colaboracionpagada",  # Spanish, Portuguese
    "sponsorisé",
    "sponsorise",
    "sponsorisée",
    "partenariat rémunéré",
    "publicité",  # French
    "pubblicità",
    "adv",
    "sponsorizzato",
    "sponsorizzata",  # Italian
    "advertentie",
    "reclame",
    "gesponsord",  # Dutch
    "reklama",
    "sponsorowane",
    "współpraca reklamowa",  # Polish
    "reklame",
    "annonce",
    "annons",
    "mainos",
    "kaupallinen yhteistyö",  # Nordic
    "iklan",
    "disponsori",  # Indonesian, Malay
    "reklam",  # Turkish, Swedish
    "реклама",  # Russian, Ukrainian, Bulgarian
    "إعلان",  # Arabic
)
# Disclosures in scripts without word spaces: matched anywhere.
CLEAR_ANYWHERE = ("広告", "プロモーション", "광고", "협찬", "유료광고", "广告", "廣告", "赞助", "贊助")
# Japanese posts disclose with #PR: a paid post there, an ambiguous tag elsewhere.
JAPANESE_RE = re.compile(r"[\u3040-\u30ff]")

AMBIGUOUS_TAGS = (
    "sp",
    "spon",
    "collab",
    "collaboration",
    "partner",
    "partnership",
    "ambassador",
    "brandambassador",
    "brandpartner",
    "gifted",
    "gift",
    "pr",
    "prsample",
    "affiliate",
    "promo",
    "promotion",
    "kooperation",
    "colab",
    "colaboración",
    "collaborazione",
    "samenwerking",
    "partenariat",
    "samarbete",
    "samarbeid",
    "işbirliği",
    "спонсор",
)


def _guarded(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` behind a lookahead on the characters its matches can start with: the regex engine then rejects most
    positions of a long caption with one class test instead of trying every alternative (2x faster on the shipped
    captions' hard cases, bench/bench_sponsored.py); the same matches (tests/profiles/test_sponsored.py compares)."""
    GUARDED[pattern] = (first, flags)
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


GUARDED: dict[str, tuple[str, int]] = {}  # unguarded pattern -> (first characters, flags), for the test

UNPAID_RE = _guarded(
    "uw",
    r"unbezahlte\s*werbung|unbeauftragte\s*werbung|werbung\s*(?:ohne\s*auftrag|unbezahlt|unbeauftragt|wegen|da\b)"
    r"|unpaid\s*(?:ad|advertising)",
    re.IGNORECASE,
)
AMBIGUOUS_PHRASES = (
    r"thanks? (?:you )?to @[\w.]+",
    r"thank you @[\w.]+",
    r"in partnership with",
    r"in collaboration with",
    r"gifted by",
    r"partnered with",
    r"brought to you by",
    r"c/o @[\w.]+",
    r"courtesy of @[\w.]+",
    r"in zusammenarbeit mit",
    r"en colaboración con",
    r"en partenariat avec",
    r"in collaborazione con",
)
# A code is capitals and digits with at least one letter ("IVY15", not a zip code) after a word that introduces it.
CODE_RE = _guarded(
    r"cCrRgG\d",
    r"(?i:\b(?:code|c[oó]digo|codice|rabattcode|gutscheincode|coupon)\b)\s*[:\"“']?\s*(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,20}\b"
    r"|\b\d{1,2}\s?%\s?(?i:off|rabatt|de descuento|di sconto|de réduction)\b",
)
AFFILIATE_RE = _guarded(
    "arlsgb?&",
    r"(?:amzn\.to|amazon\.[a-z.]+/shop/|rstyle\.me|liketk\.it|shopmy\.us|go\.shopmy|ltk\.app|bit\.ly/\w+|"
    r"shareasale|awin1\.com|[?&](?:ref|aff|affiliate|utm_source|utm_campaign)=)",
    re.IGNORECASE,
)


def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = []
    for word in sorted(words, key=len, reverse=True):
        parts = word.split()
        alternatives.append(r"\s+".join(re.escape(p) for p in parts))
        if len(parts) > 1:
            alternatives.append(re.escape("".join(parts)))
    first = re.escape("".join(sorted({word[0].lower() for word in words} | {"#"})))
    return _guarded(first, rf"(?<![\w@-])#?(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE)


CLEAR_ANYWHERE_RE = re.compile("|".join(re.escape(w) for w in CLEAR_ANYWHERE))
AMBIGUOUS_PHRASE_RE = _guarded("tigpbce", "|".join(AMBIGUOUS_PHRASES), re.IGNORECASE)
# Words that mean something else in running text ("the ads on TV", "une annonce", "adv." for advanced): as words they
# count only at the start or beside a separator ("Ad |", "AD:", "[ad]", "(ad)"); as hashtags always.
_BARE_AD_RE = re.compile(r"^(?:ads?|adv|annonce|publi)$", re.IGNORECASE)


@dataclass(frozen=True)
class Sponsorship:
    verdict: str
    evidence: list[tuple[str, str]]

    def as_dict(self) -> dict[str, object]:
        return {"verdict": self.verdict, "evidence": [{"kind": k, "text": t} for k, t in self.evidence]}


# One pass over the words of a caption (hyphenated words stay whole: "ad-free" is not "ad") finds the one-word
# disclosures and tags; the phrases and patterns run only on captions that contain their key words. Same results as
# running every pattern on every caption, at a fraction of the cost (bench/bench_sponsored.py).
TOKEN_RE = re.compile(r"#?\w+(?:-\w+)*")
_CLEAR_ONE = frozenset(w.lower() for w in CLEAR_WORDS if " " not in w)
_CLEAR_MANY = tuple(w.lower() for w in CLEAR_WORDS if " " in w)
_CLEAR_MANY_RE = _word_pattern(tuple(w for w in CLEAR_WORDS if " " in w))
_AMBIGUOUS_ONE = frozenset(t.lower() for t in AMBIGUOUS_TAGS)
_AMBIGUOUS_SUFFIXES = ("partner", "ambassador", "ambassadress", "collab")
_KEYS = {
    "phrase": ("thank", "partner", "collab", "gifted", "brought", "c/o", "courtesy", "zusammenarbeit", "colaboraci"),
    "code": ("code", "digo", "codice", "coupon", "%"),
    "affiliate": (
        "amzn",
        "amazon.",
        "rstyle",
        "liketk",
        "shopmy",
        "ltk.app",
        "bit.ly",
        "shareasale",
        "awin1",
        "ref=",
        "aff",
        "utm_",
    ),
    "unpaid": ("werbung", "unpaid"),
}


# One search per key instead of one `in` per word: the same answer ("does any key word occur?").
_KEY_RES = {key: re.compile("|".join(re.escape(word) for word in words)) for key, words in _KEYS.items()}


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


# Every way a caption can carry evidence starts with one of these: a disclosure word standing alone, an ambiguous
# hashtag or one ending in an ambiguous suffix, the first word of a disclosure phrase, or a key word of the
# phrase / code / link / unpaid checks (CLEAR_ANYWHERE_RE is searched besides). A caption with none of them has no
# evidence, so most captions (92% of the shipped Instagram posts) are settled by a few substring searches instead of
# the word pass (bench/bench_sponsored.py; tests/ml/test_disclosure.py checks that no verdict changes).
_SCREEN_WORDS = tuple(
    sorted(
        {phrase.split()[0] for phrase in _CLEAR_MANY}
        | set(_AMBIGUOUS_SUFFIXES)
        | {word for words in _KEYS.values() for word in words}
    )
)
_SCREEN_CLEAR_RE = _guarded(
    re.escape("".join(sorted({word[0] for word in _CLEAR_ONE}))), rf"\b(?:{_alternatives(_CLEAR_ONE)})\b"
)
_SCREEN_TAG_RE = re.compile(rf"#(?:{_alternatives(_AMBIGUOUS_ONE)})")


def _may_have_evidence(caption: str, lowered: str) -> bool:
    return (
        any(word in lowered for word in _SCREEN_WORDS)
        or ("#" in lowered and _SCREEN_TAG_RE.search(lowered) is not None)
        or _SCREEN_CLEAR_RE.search(lowered) is not None
        or CLEAR_ANYWHERE_RE.search(caption) is not None
    )


def _has(lowered: str, key: str) -> bool:
    return _KEY_RES[key].search(lowered) is not None


def _disclosure_kept(caption: str, start: int, end: int, text: str) -> bool:
    if UNPAID_RE.search(caption[max(0, start - 14) : end + 16]):
        return False  # German creators' "unbezahlte Werbung": a brand named without payment (an ambiguous mark)
    if not text.startswith("#") and _BARE_AD_RE.match(text):
        before = caption[:start].rstrip()
        after = caption[end : end + 2].lstrip()
        if before and before[-1] not in "[(|•·-–—:" and after[:1] not in ("|", ":", "]", ")", "•", "·"):
            return False
    return True


def _words(caption: str) -> tuple[list[tuple[int, str]], list[str]]:
    """(disclosures as (position, text), ambiguous hashtags) found word by word."""
    clear: list[tuple[int, str]] = []
    tags: list[str] = []
    for match in TOKEN_RE.finditer(caption):
        text = match.group(0)
        word = text.lstrip("#").lower()
        if text[0] != "#" and word not in _CLEAR_ONE:
            continue  # most words: neither a hashtag nor a disclosure (checked first, the cheapest test)
        start = match.start()
        if start and (caption[start - 1] in "@-&_" or caption[start - 1].isalnum()):
            continue  # a handle, part of a hyphenated word, or glued to the word before ("#abudhabi#ad": Abu Dhabi)
        if word in _CLEAR_ONE and (text.count("#") <= 1) and _disclosure_kept(caption, start, match.end(), text):
            clear.append((start, text))
        elif text.startswith("#") and (
            word in _AMBIGUOUS_ONE
            or any(word.endswith(s) and 2 <= len(word) - len(s) <= 30 for s in _AMBIGUOUS_SUFFIXES)
        ):
            tags.append(text)
    return clear, tags


def _clear(caption: str, lowered: str, one_word: list[tuple[int, str]]) -> list[str]:
    found = list(one_word)
    if any(phrase.split()[0] in lowered for phrase in _CLEAR_MANY):
        for match in _CLEAR_MANY_RE.finditer(caption):
            if _disclosure_kept(caption, match.start(), match.end(), match.group(0)):
                found.append((match.start(), match.group(0)))
    found.extend((m.start(), m.group(0)) for m in CLEAR_ANYWHERE_RE.finditer(caption))
    return [text for _, text in sorted(found)]


def sponsorship(caption: str, *, platform_label: bool | None = None) -> Sponsorship:
    """The verdict for one post, with every piece of evidence found (empty for "no")."""
    caption = caption or ""
    evidence: list[tuple[str, str]] = []
    if platform_label:
        evidence.append(("platform label", "paid partnership"))
    lowered = caption.lower()
    if not platform_label and not _may_have_evidence(caption, lowered):
        return Sponsorship(NO, [])
    one_word, tags = _words(caption)
    evidence.extend(("disclosure", text) for text in dict.fromkeys(_clear(caption, lowered, one_word)))
    japanese = bool(JAPANESE_RE.search(caption))
    ambiguous = []
    for text in tags:
        if japanese and text.lower() == "#pr":
            evidence.append(("disclosure", text))  # the Japanese industry's own disclosure tag
        else:
            ambiguous.append(("ambiguous tag", text))
    if _has(lowered, "unpaid"):
        ambiguous.extend(("unpaid brand mention", m.group(0)) for m in UNPAID_RE.finditer(caption))
    if _has(lowered, "phrase"):
        ambiguous.extend(("brand thanks", m.group(0)) for m in AMBIGUOUS_PHRASE_RE.finditer(caption))
    if _has(lowered, "code"):
        ambiguous.extend(("discount code", m.group(0).strip()) for m in CODE_RE.finditer(caption))
    if _has(lowered, "affiliate"):
        ambiguous.extend(("affiliate link", m.group(0)) for m in AFFILIATE_RE.finditer(caption))
    verdict = YES if evidence else LIKELY if ambiguous else NO
    evidence.extend(dict.fromkeys(ambiguous))
    return Sponsorship(verdict, evidence[:8])


# Paid vs organic: over the same window of a creator's latest posts, the mean engagement per post of the sponsored
# ones ("yes" or "likely") divided by that of the others. Said only with PAID_MIN_POSTS on each side.
PAID_WINDOW = 60
PAID_MIN_POSTS = 3


@dataclass(frozen=True)
class PaidVsOrganic:
    window: int  # posts read
    disclosed: int  # "yes"
    likely: int
    organic: int
    sponsored_rate: float | None  # mean (likes + comments) / followers per sponsored post
    organic_rate: float | None

    @property
    def sponsored(self) -> int:
        return self.disclosed + self.likely

    @property
    def sponsored_percent(self) -> float | None:
        return None if self.sponsored_rate is None else self.sponsored_rate * 100

    @property
    def organic_percent(self) -> float | None:
        return None if self.organic_rate is None else self.organic_rate * 100

    @property
    def ratio(self) -> float | None:
        """Sponsored engagement ÷ organic engagement, or None when either side has too few posts or no engagement."""
        if self.sponsored < PAID_MIN_POSTS or self.organic < PAID_MIN_POSTS:
            return None
        if self.sponsored_rate is None or not self.organic_rate:
            return None
        return self.sponsored_rate / self.organic_rate

    def as_dict(self) -> dict[str, object]:
        return {
            "window": self.window,
            "disclosed": self.disclosed,
            "likely": self.likely,
            "organic": self.organic,
            "sponsored_rate": self.sponsored_rate,
            "organic_rate": self.organic_rate,
            "ratio": self.ratio,
        }


def paid_vs_organic(posts: list[tuple[str, int | None, int | None]], followers: int | None) -> PaidVsOrganic:
    """`posts`: (verdict, likes, comments) of the latest posts, newest first; the first PAID_WINDOW are read."""
    window = posts[:PAID_WINDOW]

    def rate(rows: list[tuple[str, int | None, int | None]]) -> float | None:
        if not rows or not followers:
            return None
        return sum((likes or 0) + (comments or 0) for _, likes, comments in rows) / len(rows) / followers

    paid = [p for p in window if p[0] in (YES, LIKELY)]
    organic = [p for p in window if p[0] not in (YES, LIKELY)]
    return PaidVsOrganic(
        window=len(window),
        disclosed=sum(1 for p in paid if p[0] == YES),
        likely=sum(1 for p in paid if p[0] == LIKELY),
        organic=len(organic),
        sponsored_rate=rate(paid),
        organic_rate=rate(organic),
    )
