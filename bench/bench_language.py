"""Content-language identifiers side by side on the same labelled short texts: accuracy and speed.

    python bench/bench_language.py [FILE.tsv ...]   (default: ml/datasets/content-language-tweets/*.tsv)

Baseline = py3langid over its 97 languages, as SocialLens identified languages before (a text too short to tell
left out, a guess under 0.5 probability unnamed). Candidates: py3langid restricted to the languages lingua and the
platforms carry, lingua over all its 75 languages, lingua in low-accuracy mode, and ml.engine.languages.identify
(lingua over the social set with py3langid's second opinion, one-language scripts named from the script). Each is
scored on the texts with 20+ letters once hashtags, handles, URLs and emoji are taken out; "unknown" counts as wrong.
Speed = texts per second on one core after a warm-up pass (models loaded).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ml.engine import languages  # noqa: E402

DEFAULT_FILES = sorted((ROOT / "ml" / "datasets" / "content-language-tweets").glob("*.tsv"))


def py3langid_guesser(only: set[str] | None) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    if only:
        identifier.set_languages(sorted(only & set(identifier.nb_classes)))

    def guess(text: str) -> str | None:
        cleaned = languages.clean_text(text)
        if languages.letter_count(cleaned) < languages.MIN_LETTERS:
            return None
        code, probability = identifier.classify(cleaned)
        code = "no" if code in ("nb", "nn") else code
        return str(code) if probability >= 0.5 else None

    return guess


def lingua_guesser(*, low_accuracy: bool) -> Any:
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages()
    detector = (builder.with_low_accuracy_mode() if low_accuracy else builder).build()

    def guess(text: str) -> str | None:
        cleaned = languages.clean_text(text)
        if languages.letter_count(cleaned) < languages.MIN_LETTERS:
            return None
        values = detector.compute_language_confidence_values(cleaned)
        if not values or values[0].value < languages.MIN_CONFIDENCE:
            return None
        code = values[0].language.iso_code_639_1.name.lower()
        return "no" if code in ("nb", "nn") else code

    return guess


def chosen(text: str) -> str | None:
    result = languages.identify(text)
    return result.code if result else None


def main(paths: list[Path]) -> None:
    social = set(languages.LANGUAGE_NAMES)
    candidates = [
        ("py3langid, 97 languages (baseline)", py3langid_guesser(None)),
        ("py3langid, social set", py3langid_guesser(social)),
        ("lingua, all 75 languages", lingua_guesser(low_accuracy=False)),
        ("lingua, low-accuracy mode", lingua_guesser(low_accuracy=True)),
        ("identify (lingua + py3langid, social set)", chosen),
    ]
    for path in paths:
        rows = languages.read_labelled(path)
        print(f"\n{path.name}: {len(rows)} texts, {len({lang for lang, _ in rows})} languages")
        print(f"{'identifier':<42} {'n':>6} {'accuracy':>9} {'unknown':>8} {'worst language':>18} {'texts/s':>8}")
        for name, guess in candidates:
            for _, text in rows[:200]:  # warm-up: load the models this file needs
                guess(text)
            started = time.perf_counter()
            report = languages.evaluate(rows, guess)
            elapsed = time.perf_counter() - started
            worst = min(report["per_language"].items(), key=lambda item: item[1]["accuracy"])
            print(
                f"{name:<42} {report['n']:>6} {report['accuracy']:>9.3f} {report['unknown_share']:>8.3f} "
                f"{worst[0] + ' ' + format(worst[1]['accuracy'], '.2f'):>18} {len(rows) / elapsed:>8.0f}"
            )
        report = languages.evaluate(rows, chosen)
        weak = {lang: v["accuracy"] for lang, v in report["per_language"].items() if v["accuracy"] < 0.9}
        print("identify, languages under 0.90:", json.dumps(weak))


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT_FILES)
