"""Where a draft is expected to land among the account's own recent posts: what a reviewer can act on, beside the
probability of doubling the account's median (the virality score), which is near zero for most drafts.

The prediction is read the way the virality score reads it (LikeModel.exceedance): a two-piece normal in
ln(1 + likes) through the 80% interval and the median. The expected number of recent posts the draft beats is the
sum, over those posts, of the probability that the draft gets more likes than each. Its calibration on held-out
accounts is in `evaluate_model like-prediction` ("calibration")."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .model import LikeModel

RECENT_POSTS = 10


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


def standing_among(recent_likes: list[int], *, p50: float, p10: float, p90: float) -> Standing | None:
    """The draft's standing among `recent_likes` (the account's latest posts' likes), or None without any."""
    likes = [max(int(n), 0) for n in recent_likes[:RECENT_POSTS] if n is not None]
    if not likes:
        return None
    centre, lower, upper = math.log1p(max(p50, 0)), math.log1p(max(p10, 0)), math.log1p(max(p90, 0))
    quantiles = np.repeat(np.array([[centre, min(lower, centre), max(upper, centre)]]), len(likes), axis=0)
    chances = LikeModel.exceedance(quantiles, np.log1p(np.array(likes, dtype=np.float64)))
    return Standing(of=len(likes), expected_beats=float(chances.sum()), median_beats=sum(1 for n in likes if n < p50))
