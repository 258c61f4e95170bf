"""Sponsored posts, the Django-facing door: `manage.py evaluate_model sponsored FILE.jsonl`.

The check is ml.engine.sponsored (disclosure words and hashtags in many languages, the platform's label, ambiguous
tags, brand thanks, discount codes, affiliate links); nothing is trained, so every labelled file is unseen data for
it. ml/datasets/sponsored-labels/labels.jsonl holds 240 kim2020 captions labelled by hand (SOURCE.md says how)."""

from __future__ import annotations

from typing import Any

from config.errors import ApplicationError


def add_arguments(parser: Any) -> None:
    parser.add_argument(
        "path",
        help='JSON Lines: {"caption", "sponsored": true/false} a line, optional "platform_label" and "weight" (a '
        "stratified sample's weight: how many posts of the whole set the line stands for).",
    )


def read_labelled(path: str) -> list[dict[str, Any]]:
    from ml.services import labelled_json_lines

    rows = []
    for number, row in labelled_json_lines(path):
        if not isinstance(row.get("caption"), str):
            raise ApplicationError(f"{path}:{number}: caption must be text.", code="invalid")
        if not isinstance(row.get("sponsored"), bool):
            raise ApplicationError(f"{path}:{number}: sponsored must be true or false.", code="invalid")
        weight = row.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
            raise ApplicationError(f"{path}:{number}: weight must be a positive number.", code="invalid")
        rows.append(row)
    if not rows:
        raise ApplicationError(f"{path} holds no labelled posts.", code="invalid")
    return rows


def evaluate(*, stdout: Any, path: str, **_: Any) -> dict[str, Any]:
    """Precision and recall of "yes" alone and of "yes or likely" (flagged), weighted by each line's weight, and the
    counts behind them."""
    from ml.engine.sponsored import LIKELY, NO, YES, sponsorship

    rows = read_labelled(path)
    sums = {"tp_yes": 0.0, "fp_yes": 0.0, "tp_flag": 0.0, "fp_flag": 0.0, "positives": 0.0}
    verdicts = {YES: 0, LIKELY: 0, NO: 0}
    for row in rows:
        verdict = sponsorship(row["caption"], platform_label=bool(row.get("platform_label"))).verdict
        verdicts[verdict] += 1
        weight, truth = float(row.get("weight", 1)), row["sponsored"]
        sums["positives"] += weight * truth
        if verdict == YES:
            sums["tp_yes" if truth else "fp_yes"] += weight
        if verdict != NO:
            sums["tp_flag" if truth else "fp_flag"] += weight

    def ratio(a: float, b: float) -> float | None:
        return round(a / b, 4) if b else None

    stdout.write(f"{len(rows)} labelled posts, said yes {verdicts[YES]}, likely {verdicts[LIKELY]}, no {verdicts[NO]}")
    return {
        "n": len(rows),
        "weighted": any("weight" in row for row in rows),
        "precision_yes": ratio(sums["tp_yes"], sums["tp_yes"] + sums["fp_yes"]),
        "recall_yes": ratio(sums["tp_yes"], sums["positives"]),
        "precision_flagged": ratio(sums["tp_flag"], sums["tp_flag"] + sums["fp_flag"]),
        "recall_flagged": ratio(sums["tp_flag"], sums["positives"]),
        "verdicts": verdicts,
    }
