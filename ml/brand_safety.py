"""Brand safety, the Django-facing door: `manage.py evaluate_model brand-safety FILE.jsonl`.

The screen is ml.engine.brand_safety (lexicons per category, alt-profanity-check's offensive-language model, the
agency's keywords). ml/datasets/brand-safety holds what measures it: OLID's test tweets (offensive language and
targeted insults, labelled by its authors) and Instagram captions labelled by hand (SOURCE.md says how)."""

from __future__ import annotations

from typing import Any

from config.errors import ApplicationError

# Not a category of the screen: a text the screen flags as profanity or as hate and harassment (what OLID's
# "offensive" label covers).
OFFENSIVE = "offensive"


def add_arguments(parser: Any) -> None:
    parser.add_argument(
        "path",
        help='JSON Lines: {"text", "categories": [...]} a line ("caption" is read when "text" is absent); an optional '
        '"labelled": [...] names the categories the line was judged for (default: every category). Categories: '
        "profanity, hate_harassment, adult, alcohol, drugs, gambling, violence_weapons, politics, and offensive "
        "(profanity or hate_harassment).",
    )


def read_labelled(path: str) -> list[dict[str, Any]]:
    from ml.engine.brand_safety import LEXICONS
    from ml.services import labelled_json_lines

    known = {*LEXICONS, OFFENSIVE}
    rows = []
    for number, row in labelled_json_lines(path):
        text = row.get("text", row.get("caption"))
        if not isinstance(text, str):
            raise ApplicationError(f"{path}:{number}: text must be text.", code="invalid")
        categories = row.get("categories")
        labelled = row.get("labelled", sorted(known - {OFFENSIVE}))
        for name, value in (("categories", categories), ("labelled", labelled)):
            if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
                raise ApplicationError(f"{path}:{number}: {name} must be a list of category names.", code="invalid")
            if unknown := sorted(set(value) - known):
                raise ApplicationError(
                    f"{path}:{number}: unknown categor{'ies' if len(unknown) > 1 else 'y'} {', '.join(unknown)}; "
                    f"known: {', '.join(sorted(known))}.",
                    code="invalid",
                )
        rows.append({"text": text, "categories": set(categories), "labelled": set(labelled)})
    if not rows:
        raise ApplicationError(f"{path} holds no labelled texts.", code="invalid")
    return rows


def evaluate(*, stdout: Any, path: str, **_: Any) -> dict[str, Any]:
    """Per category: how many lines were judged for it, how many are in it, how many the screen flags, and the
    precision and recall (None where there is nothing to divide by: "not measured" on that file)."""
    from ml.engine.brand_safety import Screener

    rows = read_labelled(path)
    flags = Screener().screen([row["text"] for row in rows])
    counts: dict[str, dict[str, int]] = {}
    for row, found in zip(rows, flags, strict=True):
        predicted = {flag.category for flag in found}
        if predicted & {"profanity", "hate_harassment"}:
            predicted.add(OFFENSIVE)
        for category in row["labelled"]:
            c = counts.setdefault(category, {"n": 0, "positives": 0, "flagged": 0, "true_positives": 0})
            truth, said = category in row["categories"], category in predicted
            c["n"] += 1
            c["positives"] += truth
            c["flagged"] += said
            c["true_positives"] += truth and said

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    per_category = {
        category: {
            **c,
            "precision": ratio(c["true_positives"], c["flagged"]),
            "recall": ratio(c["true_positives"], c["positives"]),
        }
        for category, c in sorted(counts.items())
    }
    flagged = sum(1 for found in flags if found)
    stdout.write(f"{len(rows)} labelled texts, {flagged} flagged by the screen")
    return {
        "n": len(rows),
        "per_category": per_category,
        "not_measured": sorted(k for k, c in per_category.items() if not c["positives"]),
        "images": "not screened",
    }
