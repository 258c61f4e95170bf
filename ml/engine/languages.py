"""The language of short social texts (captions, bios, tweets, follower names), and of a profile from all of them.

    from ml.engine.languages import identify, profile_languages
    identify("Golden hour at the lake with @sunny.days #travel")  # Guess("en", 0.93, letters=22) or None
    profile_languages([bio, *captions])  # LanguageMix(label="en", shares=[("en", 0.92), ("es", 0.08)], …)

- Each text is cleaned of what carries no language (hashtags, handles, URLs, HTML entities, emoji, digits) and is
  named only with at least MIN_LETTERS letters left and a confidence of at least MIN_CONFIDENCE; otherwise it is
  "unknown" rather than a guess.
- lingua-language-detector (its models ship in the wheel) over the languages people post in (all but LEFT_OUT):
  lingua is built for short texts, and leaving out the languages nobody posts in (Latin, Esperanto, Nynorsk beside
  Bokmål) stops English hashtag captions reading as Latin. Scripts that one language alone writes and lingua does
  not model (Khmer, Lao, Myanmar, Sinhala, Tibetan, Thaana, Ethiopic, Kannada, Malayalam, Oriya) are named from
  the script.
- py3langid (a byte n-gram model trained on other corpora, its model in the wheel) gives a second opinion with a
  small weight (SECOND_OPINION_WEIGHT): its errors are not lingua's, and together they are right more often.
- Chat words only one of Indonesian, Malay and Tagalog uses (MARKERS) settle what lingua, trained on formal text,
  leaves open between them.
- A profile's languages come from its texts together: each text votes for its language with its letters, so a
  200-letter caption outweighs a three-word one, and the texts too short to name alone are read as one (voting only
  when that is clear); the profile is "unknown" below PROFILE_MIN_LETTERS letters in all, and "mixed" when no
  language has MIXED_BELOW of the votes.

bench/bench_language.py compares this with py3langid (the previous identifier) on labelled tweets;
`manage.py evaluate_model content-language FILE.tsv` measures it on any labelled file.
"""

from __future__ import annotations

import html
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ml.engine.intervals import wilson_interval

UNKNOWN = "unknown"
MIXED = "mixed"
MIN_LETTERS = 12  # below this a single text is not named
MIN_CONFIDENCE = 0.2  # relative confidence of the top language (of ~65) below which a text is not named
PROFILE_MIN_LETTERS = 40  # letters over all of a profile's usable texts before it gets a language
MIXED_BELOW = 0.6  # a profile whose top language weighs less than this is "mixed"
SHARE_FLOOR = 0.1  # languages below this share of a profile's votes are left out of its mix
VOTE_CAP = 300  # letters a single text votes with at most
# The texts too short to name alone, read together, vote only at this confidence: on Instagram they are often product
# words ("Bikini Top Bodysuit Outfit Leggings" reads 35% Dutch), no language at all.
REST_MIN_CONFIDENCE = 0.5

# ISO 639-1 code -> English name, for every language this module can name.
LANGUAGE_NAMES = {
    "af": "Afrikaans",
    "am": "Amharic",
    "ar": "Arabic",
    "az": "Azerbaijani",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "bo": "Tibetan",
    "bs": "Bosnian",
    "ca": "Catalan",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "dv": "Dhivehi",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "gu": "Gujarati",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "is": "Icelandic",
    "it": "Italian",
    "ja": "Japanese",
    "ka": "Georgian",
    "kk": "Kazakh",
    "km": "Khmer",
    "kn": "Kannada",
    "ko": "Korean",
    "lo": "Lao",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "ml": "Malayalam",
    "mn": "Mongolian",
    "mr": "Marathi",
    "ms": "Malay",
    "my": "Burmese",
    "nl": "Dutch",
    "no": "Norwegian",
    "or": "Odia",
    "pa": "Punjabi",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "si": "Sinhala",
    "sk": "Slovak",
    "sl": "Slovenian",
    "so": "Somali",
    "sq": "Albanian",
    "sr": "Serbian",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "th": "Thai",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "yo": "Yoruba",
    "zh": "Chinese",
    "zu": "Zulu",
}
# lingua's languages left out: nobody posts in Latin or Esperanto, Nynorsk is named Norwegian through Bokmål, and the
# Bantu/Maori models named English and Spanish hashtag captions on the labelled tweets (bench/bench_language.py).
LEFT_OUT = {"LATIN", "ESPERANTO", "NYNORSK", "GANDA", "SHONA", "SOTHO", "TSONGA", "TSWANA", "XHOSA", "MAORI"}
# Scripts that only one language writes, which lingua has no model for: (first, last code point) -> language.
SCRIPT_LANGUAGES = {
    (0x1200, 0x139F): "am",  # Ethiopic
    (0x1780, 0x17FF): "km",  # Khmer
    (0x0E80, 0x0EFF): "lo",  # Lao
    (0x1000, 0x109F): "my",  # Myanmar
    (0x0D80, 0x0DFF): "si",  # Sinhala
    (0x0F00, 0x0FFF): "bo",  # Tibetan
    (0x0780, 0x07BF): "dv",  # Thaana
    (0x0C80, 0x0CFF): "kn",  # Kannada
    (0x0D00, 0x0D7F): "ml",  # Malayalam
    (0x0B00, 0x0B7F): "or",  # Oriya
}

# How often each language is tweeted: the labels of Twitter's uniformly sampled language-ID gold set (120,575 tweets,
# github.com/mitjat/langid_eval uniformly_sampled.tsv, CC0; Trampus 2015). Taken to a small power (PRIOR_POWER) it
# settles what lingua leaves open on a short text (Indonesian before Malay, English before Yoruba or Afrikaans) without
# overruling a clear text in a rarer language. PRIOR_POWER was chosen on ml/datasets/content-language-tweets/
# twitter-recall.tsv and checked on its two other files (bench/bench_language.py).
TWEETS_PER_LANGUAGE = {
    "en": 37817,
    "ja": 31737,
    "es": 10575,
    "id": 5705,
    "pt": 5677,
    "ar": 4836,
    "ru": 3279,
    "tr": 2251,
    "fr": 1941,
    "ko": 1928,
    "tl": 955,
    "th": 857,
    "it": 538,
    "nl": 331,
    "de": 312,
    "ms": 299,
    "pl": 226,
    "sv": 95,
    "zh": 76,
    "el": 72,
    "fa": 48,
    "he": 45,
    "sr": 45,
    "lv": 39,
    "fi": 32,
    "uk": 32,
    "ca": 30,
    "vi": 27,
    "hi": 25,
    "jv": 20,
    "hu": 19,
    "ta": 16,
    "da": 15,
    "ro": 15,
    "no": 14,
    "su": 14,
    "ur": 13,
    "sq": 12,
    "hr": 10,
    "ne": 10,
    "bn": 9,
    "sw": 9,
    "bs": 8,
    "mn": 7,
    "bg": 5,
    "cs": 5,
    "gl": 5,
    "ht": 5,
    "az": 4,
    "et": 4,
    "mr": 4,
    "xh": 4,
    "cy": 3,
    "eu": 3,
    "km": 3,
    "mk": 3,
    "sk": 3,
    "hy": 2,
    "la": 2,
    "sl": 2,
    "dv": 1,
    "gu": 1,
    "ha": 1,
    "is": 1,
    "lt": 1,
    "ml": 1,
    "ps": 1,
    "si": 1,
    "tn": 1,
    "wo": 1,
    "yo": 1,
    "zu": 1,
}
PRIOR_POWER = 0.1
PRIOR_SMOOTHING = 5  # tweets added to every language, so that one the sample never saw is not ruled out
# A text's confidences are lingua's and py3langid's together, a weighted geometric mean (py3langid's share below;
# the floor keeps a language it gives no chance from being ruled out). Chosen on twitter-recall.tsv and checked on
# the two other files (bench/bench_language.py): at 0.1 twitter-recall 0.839 -> 0.846, twitter-uniform 0.935 ->
# 0.950, mozetic-2016 0.866 -> 0.864; larger shares cost Bosnian (py3langid reads it as Croatian) and mozetic-2016.
SECOND_OPINION_WEIGHT = 0.1
SECOND_OPINION_FLOOR = 1e-4

# Words that tell apart the languages lingua confuses most on tweets, because its models are trained on formal text
# and people tweet in the colloquial one: Indonesian and Malay share most of their vocabulary (lingua alone splits
# tweets between the two almost at random: 81% of Indonesian and 61% of Malay ones right, given only those two), and
# chatty Tagalog reads as English, Swahili or nothing. Each list holds only words of that language that the others
# in the group do not use that way, from the standard comparisons of the two written standards (Malay "nak", "je",
# "kerana", "awak" beside Indonesian "mau", "aja", "karena", "gue") and their chat spellings ("dh", "jgk", "bgt",
# "udh"). Short words other languages write too are left out (Tagalog "na", "sa", "ko", "ako": they read Slovak,
# Croatian and Haitian tweets as Tagalog). A text's confidence for a language is multiplied by exp(MARKER_WEIGHT) for
# each distinct marker word it holds (at most MARKER_CAP), so a marker settles a near tie within the group but does
# not make a language of a text lingua gave no chance. MARKER_WEIGHT was chosen on twitter-recall.tsv (Indonesian
# 0.806 -> 0.874, Tagalog 0.875 -> 0.902; it has no Malay; 0.5-2.0 all give 0.848 overall) and checked on
# twitter-uniform.tsv (0.950 -> 0.959: Indonesian 0.833 -> 0.864, Malay 0.444 -> 0.704, Tagalog 0.838 -> 0.876) and
# mozetic-2016.tsv (unchanged, no language moved), bench/bench_language.py. Checked against film subtitles
# (OpenSubtitles 2018 word counts, github.com/hermitdave/FrequencyWords, CC BY-SA 4.0): 43 of the 48 Malay and 45 of
# the 58 Indonesian words are at least 3x as frequent, per word of text, in subtitles of their language as in the
# other's; the rest are chat spellings subtitles hardly use ("dh", "kt", "udh", "wkwk"). "pon" and "gua", which the
# subtitles did not bear out, were taken out (no tweet file's figure moved). Words the subtitles alone suggest
# (335 Malay, 98 Indonesian at 10x among each language's 2,000 commonest) were tried too and not kept: the Malay
# subtitles hold much Indonesian, so they pulled Indonesian tweets to Malay (uniform Indonesian 0.864 -> 0.840).
MARKERS = {
    "ms": frozenset(
        """nak nk je jer dah dh kat kt macam mcm ckp cakap jugak jgk pastu lepastu dorang diorang korang kitorang
        takde takpe takpelah xde xpe xnak awak amik sikit camne camtu camni tengok tgk bgtau bagitau bagitahu kerana
        seronok lawa budak jom sape mane kenape bile bebudak mende""".split()
    ),
    "id": frozenset(
        """gue gw lo lu udah udh aja aj banget bgt nggak ngga gak engga enggak gk sih dong deh kok nih tuh loh lho
        kayak kyk gimana gmn gitu gini emang ngapain doang bikin pake makasih bener liat cewek cowok bisa karena krn
        kalo yuk uang mobil kantor wkwk wkwkwk wkwkwkwk anjir kagak gapapa nggk gausah ntar entar""".split()
    ),
    "tl": frozenset(
        """ang ng mga naman nmn lng yung po hindi ikaw siya sya kayo tayo natin namin talaga ito rin nang niya pag
        kung nga sige tapos pala kahit diba dba akin atin sino saan paano ganun ganon kasama lahat
        yata daw nako""".split()
    ),
}
MARKER_WEIGHT = 1.0
MARKER_CAP = 3
_REPEATS = re.compile(r"(\w)\1{2,}")  # "bangettt" -> "banget"
_DOUBLES = re.compile(r"(\w)\1+$")  # "jugakk" -> "jugak", tried only when the word is not a marker as written
_MARKER_LANGUAGE = {word: code for code, words in MARKERS.items() for word in words}  # the lists share no word

_NOISE = re.compile(r"(?:https?://|www\.)\S+|[#@][\w.]+|\bRT\b|&\w+;|[\d_]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def language_name(code: str) -> str:
    if code == UNKNOWN:
        return "Unknown"
    if code == MIXED:
        return "Mixed"
    return LANGUAGE_NAMES.get(code, code)


def clean_text(text: str) -> str:
    """The words of a text: hashtags, handles, URLs, HTML entities, digits, emoji and symbols taken out."""
    text = _NOISE.sub(" ", html.unescape(text or ""))
    kept = [ch if (ch.isalpha() or ch in " '’-" or unicodedata.category(ch) in ("Mn", "Mc")) else " " for ch in text]
    return _SPACES.sub(" ", "".join(kept)).strip()


def letter_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def marker_counts(cleaned: str) -> dict[str, int]:
    """Distinct marker words (MARKERS) per language in a cleaned text; a word drawn out ("bangettt", "jugakk") counts
    as the marker it draws out."""
    found: dict[str, set[str]] = {}
    for word in cleaned.lower().replace("’", "'").split():
        word = word.strip("'-")
        form = word if word in _MARKER_LANGUAGE else _REPEATS.sub(r"\1", word)
        if form not in _MARKER_LANGUAGE:
            form = _DOUBLES.sub(r"\1", word)
        if form in _MARKER_LANGUAGE:
            found.setdefault(_MARKER_LANGUAGE[form], set()).add(form)
    return {code: len(words) for code, words in found.items()}


def _script_language(text: str) -> str | None:
    """The language of a text written mostly in a one-language script lingua does not model."""
    counts: Counter[str] = Counter()
    letters = 0
    for ch in text:
        if not ch.isalpha() and unicodedata.category(ch) not in ("Mn", "Mc"):
            continue
        letters += 1
        point = ord(ch)
        for (first, last), code in SCRIPT_LANGUAGES.items():
            if first <= point <= last:
                counts[code] += 1
                break
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    return code if n >= 0.5 * letters else None


class _BuiltOnce:
    """A model built on first use, once per process: threads that ask together wait for the one build."""

    def __init__(self, build: Callable[[], Any]) -> None:
        self.build, self.lock, self.value = build, threading.Lock(), None

    def __call__(self) -> Any:
        if self.value is None:
            with self.lock:
                if self.value is None:
                    self.value = self.build()
        return self.value


def _lingua() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [language for language in Language.all() if language.name not in LEFT_OUT]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _py3langid() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


# lingua's detector over every language but LEFT_OUT (its models load lazily, per language).
detector = _BuiltOnce(_lingua)
_second = _BuiltOnce(_py3langid)


def second_opinion(cleaned: str) -> dict[str, float]:
    """py3langid's probability per language code (its 97 languages, Norwegian's written forms as one): a model of
    another kind (byte n-grams with naive Bayes, trained on other corpora) whose errors are not lingua's, so the two
    together are right more often than either (SECOND_OPINION_WEIGHT)."""
    probabilities: dict[str, float] = {}
    for code, probability in _second().rank(cleaned):
        code = "no" if code in ("nb", "nn") else code
        probabilities[code] = probabilities.get(code, 0.0) + float(probability)
    return probabilities


def _code(language: Any) -> str:
    code = language.iso_code_639_1.name.lower()
    return "no" if code == "nb" else code


@dataclass(frozen=True)
class Guess:
    code: str
    confidence: float
    letters: int


def confidences(cleaned: str) -> dict[str, float]:
    """Relative confidence per language code for an already cleaned text (they sum to 1), prior included."""
    script = _script_language(cleaned)
    if script:
        return {script: 1.0}
    values = detector().compute_language_confidence_values(cleaned)
    second = second_opinion(cleaned)
    weighted = {
        code: value ** (1 - SECOND_OPINION_WEIGHT)
        * (second.get(code, 0.0) + SECOND_OPINION_FLOOR) ** SECOND_OPINION_WEIGHT
        * _prior(code)
        for code, value in ((_code(v.language), v.value) for v in values if v.value > 0)
    }
    for code, count in marker_counts(cleaned).items():
        if code in weighted:
            weighted[code] *= math.exp(MARKER_WEIGHT * min(count, MARKER_CAP))
    total = sum(weighted.values())
    return {code: value / total for code, value in weighted.items()} if total else {}


@cache
def _prior(code: str) -> float:
    return float((TWEETS_PER_LANGUAGE.get(code, 0) + PRIOR_SMOOTHING) ** PRIOR_POWER)


def identify(text: str) -> Guess | None:
    """The language of one text, or None when it is too short or too uncertain to name."""
    cleaned = clean_text(text)
    letters = letter_count(cleaned)
    best = _named(cleaned, letters)
    return None if best is None else Guess(code=best[0], confidence=round(best[1], 4), letters=letters)


@dataclass(frozen=True)
class LanguageMix:
    """A set of texts' languages: `label` is a code, MIXED or UNKNOWN; `shares` the languages by weight."""

    label: str
    shares: list[tuple[str, float]] = field(default_factory=list)
    letters: int = 0  # letters of the texts that were used
    texts: int = 0  # texts that were used (long enough to read)

    @property
    def top_two(self) -> list[tuple[str, float]]:
        return self.shares[:2]

    def describe(self) -> str:
        """ "English 92%", "Mixed: English 55%, Spanish 40%", or "Unknown (too little text)"."""
        if self.label == UNKNOWN:
            return "Unknown (too little text)"
        parts = ", ".join(f"{language_name(c)} {round(s * 100)}%" for c, s in self.shares)
        return f"Mixed: {parts}" if self.label == MIXED else parts


def profile_languages(texts: Iterable[str], *, min_letters: int = PROFILE_MIN_LETTERS) -> LanguageMix:
    """Languages of a profile from all its texts together. Each text that can be named on its own votes for its
    language with its letters (capped, so one essay does not outvote ten captions); the texts too short or too
    uncertain alone are read again as one text, which votes the same way when it is clear (REST_MIN_CONFIDENCE).
    Below `min_letters` letters in all the profile is UNKNOWN; when no language has MIXED_BELOW of the votes it is
    MIXED."""
    votes: Counter[str] = Counter()
    rest: list[str] = []
    used_letters = used_texts = 0
    for text in texts:
        cleaned = clean_text(text)
        letters = letter_count(cleaned)
        if not letters:
            continue
        named = _named(cleaned, letters)
        if named is None:
            rest.append(cleaned)
            continue
        votes[named[0]] += min(letters, VOTE_CAP)
        used_letters += letters
        used_texts += 1
    if rest:
        together = " ".join(rest)
        letters = letter_count(together)
        named = _named(together, letters)
        if named is not None and named[1] >= REST_MIN_CONFIDENCE:
            votes[named[0]] += min(letters, VOTE_CAP)
            used_letters += letters
            used_texts += len(rest)
    total = sum(votes.values())
    if used_letters < min_letters or not total:
        return LanguageMix(label=UNKNOWN, letters=used_letters, texts=used_texts)
    shares = [(code, n / total) for code, n in votes.most_common() if n / total >= SHARE_FLOOR]
    kept = sum(s for _, s in shares)
    shares = [(code, round(s / kept, 4)) for code, s in shares]
    label = shares[0][0] if shares[0][1] >= MIXED_BELOW else MIXED
    return LanguageMix(label=label, shares=shares, letters=used_letters, texts=used_texts)


def _named(cleaned: str, letters: int) -> tuple[str, float] | None:
    """(code, confidence) of a cleaned text's language when it can be named: MIN_LETTERS and MIN_CONFIDENCE."""
    if letters < MIN_LETTERS:
        return None
    scores = confidences(cleaned)
    if not scores:
        return None
    code = max(scores, key=lambda c: scores[c])
    return (code, scores[code]) if scores[code] >= MIN_CONFIDENCE else None


def read_labelled(path: Any) -> list[tuple[str, str]]:
    """(lang, text) rows of a labelled TSV with a `lang` and a `text` column (header first); refuses anything else."""
    import csv
    from pathlib import Path

    rows: list[tuple[str, str]] = []
    with Path(path).open(encoding="utf-8", newline="") as source:
        reader = csv.reader(source, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if not header or "lang" not in header or "text" not in header:
            raise ValueError(f"{path}: the first line must name the columns `lang` and `text` (tab-separated)")
        lang_at, text_at = header.index("lang"), header.index("text")
        for number, row in enumerate(reader, start=2):
            if len(row) != len(header):
                raise ValueError(f"{path}, line {number}: {len(row)} fields where the header has {len(header)}")
            lang = row[lang_at].strip().lower()
            if not lang:
                raise ValueError(f"{path}, line {number}: no language label")
            rows.append((lang, row[text_at]))
    if not rows:
        raise ValueError(f"{path}: no labelled texts")
    return rows


def evaluate(rows: list[tuple[str, str]], guess: Any = None, *, min_letters: int = 20) -> dict[str, Any]:
    """Accuracy of `guess(text) -> code | None` (default: identify) on the rows whose cleaned text has at least
    `min_letters` letters; an unnamed text counts as wrong. Per language: accuracy and count."""
    if guess is None:

        def guess(text: str) -> str | None:
            result = identify(text)
            return result.code if result else None

    per: dict[str, list[int]] = {}
    right = unknown = n = 0
    for lang, text in rows:
        if letter_count(clean_text(text)) < min_letters:
            continue
        code = guess(text)
        n += 1
        hit = int(code == lang)
        right += hit
        unknown += int(code is None)
        per.setdefault(lang, [0, 0])
        per[lang][0] += hit
        per[lang][1] += 1
    return {
        "n": n,
        "min_letters": min_letters,
        "accuracy": round(right / n, 4) if n else None,
        "unknown_share": round(unknown / n, 4) if n else None,
        # Each language with the 95% range its accuracy could lie in on so few tweets (Malay: 54).
        "per_language": {
            lang: {"accuracy": round(r / t, 4), "n": t, **_range(r / t, t)} for lang, (r, t) in sorted(per.items())
        },
    }


def _range(share: float, n: int) -> dict[str, float]:
    low, high = wilson_interval(share, n)
    return {"low": round(low, 4), "high": round(high, 4)}


def audience_languages(texts: Iterable[str]) -> list[tuple[str, float]]:
    """Share of people per language, for an audience (one text per follower: name and bio). Unlike a profile's
    texts, each follower counts once whatever the length of their bio; followers whose text is too short or too
    uncertain are left out (the caller says how many were)."""
    counts: Counter[str] = Counter()
    for text in texts:
        guess = identify(text)
        if guess is not None:
            counts[guess.code] += 1
    total = sum(counts.values())
    return [(code, round(n / total, 4)) for code, n in counts.most_common()] if total else []


def evaluate_profiles(rows: list[tuple[str, str]], *, texts_per_profile: int = 12) -> dict[str, Any]:
    """Profile-level accuracy: the file's texts of each language, in file order, taken `texts_per_profile` at a
    time as one account's captions (the size of a scraped Instagram profile), named with profile_languages."""
    by_language: dict[str, list[str]] = {}
    for lang, text in rows:
        by_language.setdefault(lang, []).append(text)
    right = n = mixed = unknown = 0
    for lang, texts in by_language.items():
        for start in range(0, len(texts) - texts_per_profile + 1, texts_per_profile):
            label = profile_languages(texts[start : start + texts_per_profile]).label
            n += 1
            right += int(label == lang)
            mixed += int(label == MIXED)
            unknown += int(label == UNKNOWN)
    return {
        "profiles": n,
        "texts_per_profile": texts_per_profile,
        "accuracy": round(right / n, 4) if n else None,
        "mixed_share": round(mixed / n, 4) if n else None,
        "unknown_share": round(unknown / n, 4) if n else None,
    }
