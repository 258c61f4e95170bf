"""Brand safety of published texts: which of the categories agencies screen for a post touches, with the words that
triggered each, and a creator's grade from their flagged posts.

    from ml.engine.brand_safety import Screener
    screener = Screener(agency_keywords=["energy drink"])
    [flags] = screener.screen(["Vodka night with the crew 🍸 #cocktails"])
    flags  # [Flag(category="alcohol", evidence=("vodka", "#cocktails"))]

Two views, each explainable:

- **Lexicons** per category (alcohol, drugs and smoking, gambling, violence and weapons, adult, politics, slurs,
  swear words in the languages creators post in), matched as whole words or phrases, and as hashtags ("#craftbeer",
  "#winelover": a hashtag that starts or ends with a strong stem). Words that mean something else in running text
  ("shooting" a photo, "killing it", "bet", "wine red", "pot") are left out or need their context ("shooting range",
  "kill you").
- **An offensive-language model**: alt-profanity-check's linear SVM on TF-IDF words (MIT, weights in its wheel,
  trained on Davidson et al.'s tweets and Jigsaw's Wikipedia comments). A text it scores at or above
  OFFENSIVE_THRESHOLD, with at least one strongly offensive word of its own, is profanity; when the text also speaks
  to "you" (or, scored higher, to a third person or a group), it is hate and harassment. Its evidence is the words
  that weigh most towards "offensive" in that text; identity words never count.

The agency's own keyword list is matched as exact phrases (case-insensitive, as a hashtag too without spaces).

Images: the words Instagram read in a picture (its automatic description, "text that says '…'") are screened like
a caption, and such evidence is marked "in the image". The pictures themselves are not: no offline image classifier
with weights in its package and a licence we can ship was found (NudeNet's models are AGPL; nsfwpy, nsfwpy-onnx and
cucumberify download theirs at run time). Pages say so.

Measured by `manage.py evaluate_model brand-safety FILE.jsonl` (ml/brand_safety.py) on OLID's test tweets and on
kim2020 captions labelled by hand; nothing here was fitted to either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Bump when the lexicons, the rules, the thresholds or the grades change: the beat screens and grades again every
# post of an older version (profiles.safety.screen_stale). 2: grades by severity.
VERSION = "2"


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    severity: int  # 3 high (a brand walks away), 2 medium, 1 low (depends on the brand)


CATEGORIES = (
    Category("hate_harassment", "Hate and harassment", 3),
    Category("adult", "Adult and sexual", 3),
    Category("drugs", "Drugs and smoking", 3),
    Category("violence_weapons", "Violence and weapons", 3),
    Category("profanity", "Profanity", 2),
    Category("gambling", "Gambling", 2),
    Category("alcohol", "Alcohol", 1),
    Category("politics", "Politics and divisive topics", 1),
    Category("agency", "Your agency's keywords", 2),
)
BY_KEY = {c.key: c for c in CATEGORIES}
LABELS = {c.key: c.label for c in CATEGORIES}

# What alt-profanity-check scores as offensive; chosen on OLID's 13,240 training tweets (best F1 of the offensive class
# at precision >= 0.8), not on its test set, which measures.
OFFENSIVE_THRESHOLD = 0.5

# Whole words or phrases (a trailing * takes any ending: "fuck*" is fucking, fucked…).
LEXICONS: dict[str, tuple[str, ...]] = {
    "profanity": (
        "fuck*",
        "motherfuck*",
        "f*ck",
        "f**k",
        "fck*",
        "stfu",
        "wtf",
        "shit*",
        "bullshit",
        "horseshit",
        "bitch",
        "bitches",
        "bitchy",
        "cunt*",
        "asshole*",
        "arsehole*",
        "dickhead*",
        "bastard*",
        "puta",
        "puto",
        "putas",
        "mierda",
        "joder",
        "coño",
        "cabrón",
        "cabron",
        "pendejo*",
        "chingada",
        "merde",
        "putain",
        "connard*",
        "salope",
        "scheiße",
        "scheisse",
        "arschloch",
        "cazzo",
        "vaffanculo",
        "stronzo",
        "porra",
        "caralho",
        "foda-se",
        "kurwa",
        "blyat",
        "блять",
        "сука",
        "хуй",
        "orospu",
        "siktir",
        "kontol",
        "bangsat",
    ),
    "hate_harassment": (
        "nigger*",
        "nigga*",
        "faggot*",
        "fag",
        "fags",
        "dyke*",
        "tranny",
        "trannies",
        "retard",
        "retards",
        "retarded",
        "spic",
        "spics",
        "chink*",
        "kike*",
        "wetback*",
        "raghead*",
        "towelhead*",
        "gook*",
        "whore*",
        "slut*",
        "kill yourself",
        "kys",
        "go die",
        "hope you die",
        "you deserve to die",
        "white power",
        "sieg heil",
    ),
    "adult": (
        "porn*",
        "nsfw",
        "onlyfans",
        "only fans",
        "nudes",
        "nudity",
        "topless",
        "boobs",
        "tits",
        "titties",
        "horny",
        "erotic*",
        "fetish*",
        "bdsm",
        "stripper*",
        "strip club",
        "sex",
        "sexting",
        "sex toy*",
        "camgirl*",
        "18+",
        "sexo",
        "desnuda",
        "desnudo",
        "nackt",
        "porno",
    ),
    "alcohol": (
        "beer",
        "beers",
        "craft beer",
        "wine",
        "wines",
        "winery",
        "vino",
        "prosecco",
        "champagne",
        "champers",
        "rosé",
        "cocktail*",
        "margarita*",
        "mojito*",
        "martini*",
        "tequila",
        "vodka",
        "whisky",
        "whiskey",
        "bourbon",
        "gin and tonic",
        "gin tonic",
        "sangria",
        "mimosa",
        "mimosas",
        "aperol",
        "spritz",
        "brewery",
        "breweries",
        "pub crawl",
        "hangover",
        "hungover",
        "drunk",
        "tipsy",
        "booze*",
        "liquor",
        "alcohol",
        "alcoholic",
        "happy hour",
        "shots of",
        "heineken",
        "budweiser",
        "bacardi",
        "smirnoff",
        "jameson",
        "hennessy",
        "moët",
        "moet",
        "veuve clicquot",
        "dom perignon",
        "jägermeister",
        "jagermeister",
        "guinness",
        "jack daniels",
        "bier",
        "cerveza",
        "cervezas",
        "cerveja",
        "bière",
        "birra",
        "wein",
        "vinho",
        "oktoberfest",
    ),
    "drugs": (
        "weed",
        "marijuana",
        "cannabis",
        "ganja",
        "thc",
        "cbd",
        "stoned",
        "stoner*",
        "bong",
        "bongs",
        "blunt rolling",
        "cocaine",
        "heroin",
        "meth",
        "mdma",
        "ecstasy pills",
        "lsd",
        "shrooms",
        "magic mushrooms",
        "getting high",
        "get high",
        "high af",
        "vape",
        "vapes",
        "vaping",
        "vaper*",
        "e-cig*",
        "juul",
        "cigarette*",
        "cigar",
        "cigars",
        "smoking weed",
        "smoke weed",
        "hookah",
        "shisha",
        "nicotine",
        "tobacco",
        "xanax",
        "420",
        "drugs",
        "psychedelic*",
    ),
    "gambling": (
        "casino*",
        "gambling",
        "gamble",
        "gambler*",
        "betting",
        "bet365",
        "sportsbook*",
        "sports betting",
        "poker",
        "blackjack",
        "roulette",
        "slot machine*",
        "jackpot",
        "lottery",
        "lotto",
        "draftkings",
        "fanduel",
        "place your bets",
        "wager*",
        "bookie*",
        "apuestas",
        "cassino",
        "scommesse",
    ),
    "violence_weapons": (
        "gun",
        "guns",
        "rifle*",
        "pistol*",
        "handgun*",
        "shotgun*",
        "firearm*",
        "ammo",
        "ammunition",
        "ar15",
        "ar-15",
        "ak47",
        "ak-47",
        "glock*",
        "shooting range",
        "mass shooting",
        "school shooting",
        "gunshot*",
        "bullet wound*",
        "murder*",
        "kill you",
        "kill him",
        "kill her",
        "kill them",
        "kill people",
        "stabbed",
        "stabbing",
        "gore",
        "terrorist*",
        "terrorism",
        "weapon",
        "weapons",
        "violence",
        "violent",
        "assault rifle*",
        "bloodbath",
        "sniper*",
        "crosshair*",
    ),
    "politics": (
        "politics",
        "political",
        "politician*",
        "election*",
        "trump",
        "biden",
        "obama",
        "hillary",
        "clinton",
        "bernie sanders",
        "democrat*",
        "republican*",
        "gop",
        "maga",
        "brexit",
        "labour party",
        "tory",
        "tories",
        "congress",
        "senate",
        "senator",
        "parliament",
        "government",
        "protest",
        "protests",
        "protesters",
        "abortion*",
        "pro-choice",
        "pro-life",
        "immigration",
        "refugees",
        "gun control",
        "blacklivesmatter",
        "black lives matter",
        "bolsonaro",
        "macron",
        "putin",
        "erdogan",
        "elecciones",
        "eleições",
        "politik",
        "política",
        "politica",
        "politique",
        "activism",
        "activist*",
        "go vote",
        "show up and vote",
        "election day",
        "communism",
        "capitalism",
        "marxism",
        "socialism",
        "metoo",
        "feminism",
        "feminist*",
        "endgunviolence",
        "marchforourlives",
    ),
}
# A hashtag that starts or ends with one of these is in the category (#craftbeer, #winelover, #weedstagram).
TAG_STEMS: dict[str, tuple[str, ...]] = {
    "alcohol": (
        "beer",
        "wine",
        "cocktail",
        "vodka",
        "tequila",
        "whisk",
        "champagne",
        "prosecco",
        "brewery",
        "booze",
        "aperol",
        "bourbon",
    ),
    "drugs": ("weed", "cannabis", "marijuana", "stoner", "vape", "hookah", "shisha", "cigar", "420"),
    "gambling": ("casino", "poker", "gambl", "sportbet", "sportsbet", "betting", "blackjack", "roulette", "scommess"),
    "violence_weapons": ("firearm", "handgun", "shotgun", "rifle", "ammo", "guns"),
    "politics": ("trump", "maga", "brexit", "election", "politic", "democrat", "republican", "2ndamendment"),
    "profanity": ("bitch", "shit", "scheiss", "scheiß"),
}
# Only at the start of a hashtag: "#pornstar" is adult, "#foodporn", "#cloudporn" and "#nudelipstick" are not.
TAG_PREFIXES: dict[str, tuple[str, ...]] = {"adult": ("porn", "onlyfans", "nsfw", "nudes")}
# Inside any word or hashtag ("everyfuckingthing", "#myfuckingworld").
INFIX_RE = re.compile(r"\w*(?:fuck|f\*ck|fu\*k|sh\*t)\w*", re.IGNORECASE)
# Emoji that say the topic on their own.
EMOJI: dict[str, str] = {
    "alcohol": "\U0001f37a\U0001f37b\U0001f377\U0001f378\U0001f379\U0001f942\U0001f37e\U0001f943",
    "gambling": "\U0001f3b0",
}
# A model flag needs one word at least this offensive on its own in the SVM (idiot 6.3, stupid 5.3, dumb 3.1,
# loser 3.0; not damn 2.6, kill 2.3, hate 2.1, white 1.5), and identity words never count as evidence: the model
# learned them from hateful tweets and scores friendly posts that name them.
STRONG_WORD_WEIGHT = 2.75
IDENTITY_WORDS = frozenset(
    "black white gay gays lesbian lesbians queer trans transgender muslim muslims jew jews jewish christian "
    "christians asian asians mexican mexicans african women men girl girls boy boys".split()
)
# The text speaks to someone (a second-person word; not an @handle: captions credit people with them).
TARGET_RE = re.compile(r"(?i)(?<![\w@])(?:you|your|you're|youre|ur|u|yourself)(?!\w)")
# Aimed at someone else (a third person, a group; not an @handle): counts only at a higher model score, since captions
# credit people with @handles and name groups in friendly posts.
THIRD_PARTY_RE = re.compile(
    r"(?i)(?<![\w@])(?:he|she|his|her|him|they|them|their)(?!\w)"
    r"|\b(?:liberals?|conservatives?|democrats?|republicans?|muslims?|jews?|christians?|blacks?|whites?|gays?|"
    r"immigrants?|feminists?|leftists?|antifa)\b"
)
THIRD_PARTY_THRESHOLD = 0.8
# The model alone calls a text hate and harassment only above this and when it speaks to someone: identity words
# ("gay", "muslims") weigh towards "offensive" in its training data, so a lower bar flags friendly posts.
HARASSMENT_THRESHOLD = 0.5


@dataclass(frozen=True)
class Flag:
    category: str
    evidence: tuple[str, ...]
    source: str  # "words", "model" or "agency"

    def as_dict(self) -> dict[str, Any]:
        return {"category": self.category, "evidence": list(self.evidence), "source": self.source}


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """The agency's exact phrases as one pattern: any case, any spacing, and as one hashtag without spaces."""
    alternatives = []
    for phrase in sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True):
        parts = [re.escape(p) for p in phrase.split()]
        alternatives.append(r"\s+".join(parts))
        if len(parts) > 1:  # as one hashtag: "#energydrink" for "energy drink"
            alternatives.append("#" + "".join(parts))
    if not alternatives:
        return None
    return re.compile(rf"(?<![\w@])#?(?:{'|'.join(alternatives)})(?![\w])", re.IGNORECASE)


# Words as the lexicons see them: letters and digits, "*" inside ("f*ck") and a trailing "+" ("18+"); a hashtag
# keeps its "#", an @handle its "@" (a handle is a name, never a word: "@margaritaville"). Hyphens and apostrophes
# split words ("beer-tasting" holds "beer").
WORD_RE = re.compile(r"[#@]?\w[\w*]*\+?")
MAX_PHRASE_WORDS = 4


@dataclass(frozen=True)
class _Lexicon:
    """Every category's words and phrases in one table: a caption is cut into words once, and each run of up to
    MAX_PHRASE_WORDS words is looked up, longest first ("gun control" wins over "gun"), instead of one regular
    expression scan per category (bench/bench_brand_safety.py)."""

    exact: dict[str, str]  # phrase (words joined by a space; its hashtag form, spaces dropped) -> category
    # By number of words: (start of a "word*" entry, category), longest first; and the starts alone, for one
    # str.startswith test.
    prefixes: dict[int, tuple[tuple[str, str], ...]]
    starts: dict[int, tuple[str, ...]]
    first_words: frozenset[str]  # the first words of every phrase of two words or more

    def categories(self, text: str) -> dict[str, list[str]]:
        words = WORD_RE.findall(text)
        keys = [w.lower().lstrip("#") if not w.startswith("@") else "" for w in words]
        hits: dict[str, list[str]] = {}
        i = 0
        while i < len(words):
            longest = min(MAX_PHRASE_WORDS, len(words) - i) if keys[i] in self.first_words else 1
            for n in range(longest, 0, -1):
                if not all(keys[i : i + n]):
                    continue
                key = " ".join(keys[i : i + n])
                category = self.exact.get(key)
                if category is None and key.startswith(self.starts.get(n, ())):
                    category = next(c for p, c in self.prefixes[n] if key.startswith(p))
                if category is not None:
                    hits.setdefault(category, []).append(" ".join(words[i : i + n]))
                    i += n
                    break
            else:
                i += 1
        return hits


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for category, entries in LEXICONS.items():
        for entry in entries:
            body = " ".join(WORD_RE.findall(entry.lower().rstrip("*")))
            forms = {body, body.replace(" ", "")}
            if entry.endswith("*"):
                prefixes.extend((form, category) for form in forms)
            else:
                exact.update(dict.fromkeys(forms, category))
    by_words: dict[int, tuple[tuple[str, str], ...]] = {}
    for n in {p.count(" ") + 1 for p, _ in prefixes}:
        by_words[n] = tuple(sorted((e for e in prefixes if e[0].count(" ") + 1 == n), key=lambda e: -len(e[0])))
    firsts = frozenset(phrase.split()[0] for phrase in [*exact, *(p for p, _ in prefixes)] if " " in phrase)
    starts = {n: tuple(p for p, _ in entries) for n, entries in by_words.items()}
    return _Lexicon(exact, by_words, starts, firsts)


@lru_cache(maxsize=1)
def _offensive_model() -> tuple[Any, Any, Any]:
    """alt-profanity-check's vectoriser and calibrated SVM, and the SVM's mean word weights (for the evidence)."""
    import numpy as np
    from profanity_check import profanity_check

    model = profanity_check.model
    weights = np.mean([c.estimator.coef_[0] for c in model.calibrated_classifiers_], axis=0)
    names = [str(n) for n in profanity_check.vectorizer.get_feature_names_out()]
    return profanity_check.vectorizer, model, (weights, names)


def _tag_hits(text: str) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    for tag in re.findall(r"#(\w{3,})", text.lower()):
        for category, stems in TAG_STEMS.items():
            if tag.startswith(stems) or tag.endswith(stems):
                hits.setdefault(category, []).append("#" + tag)
        for category, stems in TAG_PREFIXES.items():
            if tag.startswith(stems):
                hits.setdefault(category, []).append("#" + tag)
    if swearing := INFIX_RE.findall(text):
        hits.setdefault("profanity", []).extend(swearing)
    for category, emoji in EMOJI.items():
        if found := [e for e in emoji if e in text]:
            hits.setdefault(category, []).extend(found)
    return hits


def _dedupe(words: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for word in words:
        seen.setdefault(word.lower(), None)
    return tuple(seen)[:5]


IMAGE_TEXT_RE = re.compile(r"text that says ['‘\"](.+?)['’\"]?(?:$|\.?\s*$)", re.IGNORECASE | re.DOTALL)
IN_IMAGE = " (in the image)"


def image_text(description: str) -> str:
    """The words the platform read in a picture, from its automatic description ("Image may contain: 2 people,
    text that says 'STOP TALKING SHIT'"); empty without any."""
    match = IMAGE_TEXT_RE.search(description or "")
    return match.group(1).strip() if match else ""


class Screener:
    """Screens texts in batches: one vectoriser and model call per batch, the lexicons per text."""

    def __init__(self, agency_keywords: Sequence[str] = ()) -> None:
        self.agency_keywords = tuple(k.strip() for k in agency_keywords if k.strip())
        self.agency_regex = _phrase_regex(k.replace("*", "") for k in self.agency_keywords)

    def offensive_scores(self, texts: Sequence[str]) -> list[float]:
        return self._scored(texts)[0]

    def _scored(self, texts: Sequence[str]) -> tuple[list[float], Any]:
        """The model's scores and the TF-IDF rows of the texts: one vectoriser and one SVM call for the batch."""
        if not texts:
            return [], None
        vectorizer, model, _ = _offensive_model()
        rows = vectorizer.transform(list(texts))
        return [float(p) for p in model.predict_proba(rows)[:, 1]], rows

    @staticmethod
    def _model_evidence(row: Any) -> tuple[str, ...]:
        """The words that weigh most towards "offensive" in this text (its TF-IDF row), strongest first; empty when
        none of them is a strong word on its own (then the score comes from many weak ones, or from identity words,
        and is not trusted: "Black and White" scores 0.84)."""
        _, _, (weights, names) = _offensive_model()
        contributions = sorted(
            ((value * weights[j], weights[j], names[j]) for value, j in zip(row.data, row.indices, strict=True)),
            reverse=True,
        )
        if not any(w >= STRONG_WORD_WEIGHT and name not in IDENTITY_WORDS for _, w, name in contributions):
            return ()
        return tuple(name for c, _, name in contributions[:3] if c > 0 and name not in IDENTITY_WORDS)

    def screen_posts(self, posts: Sequence[tuple[str, str]]) -> list[list[Flag]]:
        """(caption, the platform's image description) pairs: the caption and the words read in the image screened
        in one batch, a category from either side kept once, image evidence marked IN_IMAGE."""
        pictures = [image_text(description) for _, description in posts]
        flags = self.screen([caption for caption, _ in posts] + pictures)
        merged = []
        for k, caption_flags in enumerate(flags[: len(posts)]):
            found = {flag.category: flag for flag in caption_flags}
            for flag in flags[len(posts) + k] if pictures[k] else []:
                marked = tuple(word + IN_IMAGE for word in flag.evidence)
                old = found.get(flag.category)
                found[flag.category] = (
                    Flag(flag.category, (old.evidence + marked)[:5], old.source)
                    if old
                    else Flag(flag.category, marked, flag.source)
                )
            merged.append([found[c.key] for c in CATEGORIES if c.key in found])
        return merged

    def screen(self, texts: Sequence[str]) -> list[list[Flag]]:
        """The flags of each text, in CATEGORIES order."""
        scores, rows = self._scored(texts)
        return [
            self._screen_one(text, score, rows, k) for k, (text, score) in enumerate(zip(texts, scores, strict=True))
        ]

    def _screen_one(self, text: str, offensive: float, rows: Any, k: int) -> list[Flag]:
        found: dict[str, tuple[list[str], str]] = {
            category: (words, "words") for category, words in _lexicon().categories(text).items()
        }
        for category, tags in _tag_hits(text).items():
            found.setdefault(category, ([], "words"))[0].extend(tags)
        evidence = []
        if offensive >= OFFENSIVE_THRESHOLD and not {"profanity", "hate_harassment"} & found.keys():
            evidence = list(self._model_evidence(rows[k]))
        if evidence:
            aimed = (offensive >= HARASSMENT_THRESHOLD and TARGET_RE.search(text)) or (
                offensive >= THIRD_PARTY_THRESHOLD and THIRD_PARTY_RE.search(text)
            )
            found["hate_harassment" if aimed else "profanity"] = (evidence, "model")
        if self.agency_regex is not None:
            words = [m.group(0) for m in self.agency_regex.finditer(text)]
            if words:
                found["agency"] = (words, "agency")
        return [Flag(c.key, _dedupe(found[c.key][0]), found[c.key][1]) for c in CATEGORIES if c.key in found]


# What the screen does on 435 hand-labelled Instagram captions it was never changed for
# (ml/datasets/brand-safety/captions-test.jsonl; `evaluate_model brand-safety`): {category: (precision, recall,
# labelled positives)}; None where the file has no positive, shown as "not measured". The agency's keywords are
# exact phrases, nothing to measure. A test checks these against the evaluator.
MEASURED: dict[str, tuple[float, float, int] | None] = {
    "alcohol": (0.973, 0.900, 40),
    "adult": (0.800, 0.400, 10),
    "drugs": (0.714, 1.000, 5),
    "gambling": (1.000, 1.000, 3),
    "politics": (0.600, 0.375, 8),
    "profanity": (0.857, 0.857, 7),
    "violence_weapons": (1.000, 0.250, 4),
    "hate_harassment": None,
}


# Grades, from a creator's screened posts (dismissed flags left out). "Serious" posts carry a flag of medium or high
# severity (everything but alcohol and politics, which depend on the brand):
#   A  very safe: no high-severity post, at most 2% serious and at most 10% with any flag
#   B  some risk: at most one high-severity post and at most 10% serious (alcohol or politics alone: at most B)
#   C  caution: anything more
GRADES = (("A", "Very safe"), ("B", "Some risk"), ("C", "Caution"))
GRADE_LABELS = dict(GRADES)


def grade(*, screened: int, flagged: int, serious: int, high_severity: int) -> str:
    """The grade of a creator with `screened` posts: `flagged` of them with any flag, `serious` with a flag of medium
    or high severity, `high_severity` with a hate, adult, drugs or violence flag; "" when nothing was screened."""
    if screened <= 0:
        return ""
    if high_severity == 0 and serious <= 0.02 * screened and flagged <= 0.10 * screened:
        return "A"
    if high_severity <= 1 and serious <= 0.10 * screened:
        return "B"
    return "C"


GRADE_RULE = (
    "A: no post touches hate, adult content, drugs or violence, at most 2% touch profanity, gambling or your "
    "keywords, and at most 10% are flagged at all. B: at most one post on hate, adult content, drugs or violence and "
    "at most 10% beyond alcohol and politics (which depend on the brand). C: anything more. Dismissed flags do not "
    "count."
)
