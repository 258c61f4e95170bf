"""How far a share measured on n cases can be trusted: the Wilson score interval, for every evaluation that reports
an accuracy on a small labelled set (a language's 54 tweets, a 120-account held-out file)."""

from __future__ import annotations

import math

Z95 = 1.959964  # two-sided 95%


def wilson_interval(share: float, n: int) -> tuple[float, float]:
    """Wilson score interval (95%) of a proportion measured on n cases; (0, 1) with no cases."""
    if n <= 0:
        return 0.0, 1.0
    z2 = Z95 * Z95
    centre = (share + z2 / (2 * n)) / (1 + z2 / n)
    half = Z95 * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)
