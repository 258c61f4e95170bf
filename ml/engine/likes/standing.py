"""Where a draft is expected to land among the account's own recent posts: what a reviewer can act on, beside the
probability of doubling the account's median (the virality score), which is near zero for most drafts.

The prediction is read as a log-normal distribution of likes: its median is the predicted likes and its 80%
interval (p10-p90) sets the spread. The expected number of recent posts the draft beats is the sum, over those
posts, of the probability that the draft gets more likes than each."""

from __future__ import annotations

import math
from dataclasses import dataclass

RECENT_POSTS = 10
_Z90 = 1.2815515655446004  # the standard normal's 90th percentile


@dataclass(frozen=True)
class Standing:
    of: int  # recent posts compared with (up to RECENT_POSTS)
    expected_beats: float  # expected number of them the draft gets more likes than
    median_beats: int  # how many of them the predicted median itself beats

    @property
    def beats(self) -> int:
        return round(self.expected_beats)

    def to_dict(self) -> dict[str, float | int]:
        return {
            "of": self.of,
            "beats": self.beats,
            "expected_beats": round(self.expected_beats, 2),
            "median_beats": self.median_beats,
        }


def _normal_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def standing_among(recent_likes: list[int], *, p50: float, p10: float, p90: float) -> Standing | None:
    """The draft's standing among `recent_likes` (the account's latest posts' likes), or None without any."""
    likes = [max(int(n), 0) for n in recent_likes[:RECENT_POSTS] if n is not None]
    if not likes or p50 <= 0:
        return None
    mu = math.log(p50)
    sigma = (math.log(max(p90, p50 + 1e-9)) - math.log(max(min(p10, p50), 1e-9))) / (2 * _Z90)
    sigma = max(sigma, 1e-6)
    expected = sum(1.0 - _normal_cdf((math.log(max(n, 0.5)) - mu) / sigma) for n in likes)
    return Standing(of=len(likes), expected_beats=expected, median_beats=sum(1 for n in likes if n < p50))
