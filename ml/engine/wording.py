"""Counts in sentences: the right plural, rounding that matches what a person can count, and "unknown" when
the figure is missing. Pure Python, used by every model's reasons (ml/engine stays free of Django)."""

from __future__ import annotations

import math

IRREGULAR = {"person": "people", "child": "children"}


def _plural_of(singular: str) -> str:
    if singular in IRREGULAR:
        return IRREGULAR[singular]
    if singular.endswith(("s", "x", "ch", "sh")):
        return singular + "es"
    if singular.endswith("y") and singular[-2:-1] not in "aeiou":
        return singular[:-1] + "ies"
    return singular + "s"


def count_noun(count: float | None, singular: str, plural: str | None = None, *, zero: str | None = None) -> str:
    """'1 mention', '3 mentions', '0 mentions' (or `zero`, e.g. 'no mentions'), '12,400 posts';
    'an unknown number of posts' when the count is missing."""
    if count is None or (isinstance(count, float) and math.isnan(count)):
        return f"an unknown number of {plural or _plural_of(singular)}"
    whole = int(round(count))
    if whole == 0 and zero is not None:
        return zero
    return f"{whole:,} {singular if whole == 1 else plural or _plural_of(singular)}"


def about(value: float, singular: str, plural: str | None = None, *, zero: str | None = None) -> str:
    """A typical (averaged) amount of countable things: 'about 2 people', 'about 1 person', and for averages
    that round to nothing, `zero` ('none' by default) rather than 'about 0.0 people'."""
    if value < 0.5:
        return zero or f"no {plural or _plural_of(singular)}"
    return "about " + count_noun(value, singular, plural)


def days(value: float) -> str:
    """'under a day', '1 day', '3.5 days'."""
    if value < 1:
        return "under a day"
    rounded = round(value, 1)
    if rounded == int(rounded):
        return count_noun(rounded, "day")
    return f"{rounded:.1f} days"
