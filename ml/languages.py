"""Content language, the Django-facing door: `manage.py evaluate_model content-language FILE.tsv`.

The identifier is ml.engine.languages (lingua's shipped model over the languages people post in, with a prior from
how often each is tweeted); nothing is trained here, so every labelled file is unseen data for it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from config.errors import ApplicationError


def add_arguments(parser: Any) -> None:
    parser.add_argument("path", help="Tab-separated file with a header naming the columns `lang` and `text`.")
    parser.add_argument(
        "--min-letters",
        type=int,
        default=20,
        help="Score only texts with at least this many letters once hashtags, handles, URLs and emoji are out.",
    )


def evaluate(*, stdout: Any, path: str, min_letters: int = 20, **_: Any) -> dict[str, Any]:
    """Accuracy (an unnamed text counts as wrong), the share left unnamed, and both per language; then the same
    texts grouped twelve at a time per language as accounts (`profile_level`)."""
    import time

    from ml.engine.languages import LANGUAGE_NAMES, evaluate, evaluate_profiles, read_labelled

    if not Path(path).is_file():
        raise ApplicationError(f"{path} does not exist.", code="invalid")
    try:
        rows = read_labelled(path)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApplicationError(f"{path} cannot be read as labelled texts: {exc}", code="invalid") from exc
    started = time.perf_counter()
    report = evaluate(rows, min_letters=min_letters)
    unsupported = sorted(lang for lang in report["per_language"] if lang not in LANGUAGE_NAMES)
    stdout.write(
        f"{report['n']} texts of {min_letters}+ letters ({len(rows)} in the file) in "
        f"{len(report['per_language'])} languages, {time.perf_counter() - started:.1f} s"
        + (f"; not identifiable here: {', '.join(unsupported)}" if unsupported else "")
    )
    return {**report, "unsupported": unsupported, "profile_level": evaluate_profiles(rows)}
