"""Ad disclosure, the Django-facing door: `manage.py evaluate_model disclosure FILE.jsonl`.

The check is ml.engine.disclosure (each jurisdiction's rules from its regulator's guidance); nothing is trained, so
every labelled file is unseen data for it. ml/datasets/disclosure-cases/cases.jsonl holds our own cases, each naming
the guidance it follows."""

from __future__ import annotations

import json
from typing import Any

from config.errors import ApplicationError

FIELDS = ("caption", "platform", "paid_partnership", "jurisdiction", "compliant")


def add_arguments(parser: Any) -> None:
    parser.add_argument(
        "path",
        help='JSON Lines, one case a line: {"caption", "platform", "paid_partnership", "jurisdiction", "compliant"}.',
    )


def read_cases(path: str) -> list[dict[str, Any]]:
    """Every line a case with all of FIELDS of the right type, or ApplicationError naming the line and field."""
    from ml.engine.disclosure import JURISDICTIONS
    from ml.services import labelled_json_lines

    cases = []
    for number, case in labelled_json_lines(path):
        missing = [name for name in FIELDS if name not in case]
        if missing:
            raise ApplicationError(f"{path}:{number}: lacks {', '.join(missing)}.", code="invalid")
        for name, kind in (("caption", str), ("platform", str), ("paid_partnership", bool), ("compliant", bool)):
            if not isinstance(case[name], kind):
                raise ApplicationError(
                    f"{path}:{number}: {name} must be {'text' if kind is str else 'true or false'}.",
                    code="invalid",
                )
        if case["jurisdiction"] not in JURISDICTIONS:
            raise ApplicationError(
                f"{path}:{number}: jurisdiction {case['jurisdiction']!r} is not one of {', '.join(JURISDICTIONS)}.",
                code="invalid",
            )
        cases.append(case)
    if not cases:
        raise ApplicationError(f"{path} holds no cases.", code="invalid")
    return cases


def evaluate(*, stdout: Any, path: str, **_: Any) -> dict[str, Any]:
    """Accuracy, and the two ways to be wrong as counts: compliant said of a non-compliant case (the costly one: an
    undisclosed ad approved), and non-compliant said of a compliant one; then the same per jurisdiction."""
    from ml.engine.disclosure import check_disclosure

    cases = read_cases(path)
    tally: dict[str, dict[str, int]] = {}
    for case in cases:
        said = check_disclosure(
            case["caption"],
            platform=case["platform"],
            paid_partnership=case["paid_partnership"],
            jurisdiction=case["jurisdiction"],
        ).compliant
        for key in ("all", case["jurisdiction"]):
            row = tally.setdefault(key, {"n": 0, "right": 0, "false_compliant": 0, "false_noncompliant": 0})
            row["n"] += 1
            row["right"] += said == case["compliant"]
            row["false_compliant"] += said and not case["compliant"]
            row["false_noncompliant"] += case["compliant"] and not said

    def figures(row: dict[str, int]) -> dict[str, Any]:
        return {
            "n": row["n"],
            "accuracy": round(row["right"] / row["n"], 4),
            "false_compliant": row["false_compliant"],
            "false_noncompliant": row["false_noncompliant"],
        }

    for key in sorted(k for k in tally if k != "all"):
        stdout.write(f"{key}: {json.dumps(figures(tally[key]))}")
    return {**figures(tally["all"]), "per_jurisdiction": {k: figures(v) for k, v in tally.items() if k != "all"}}
