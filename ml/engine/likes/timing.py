"""When an account's own posts do best: a weekday × 3-hour heatmap of how each past post did against its usual.

Each post's residual is its ln(1 + likes) minus the median of its neighbours' (the NEIGHBOURS posts around it),
so an account that grew or shrank over the months does not make its early or late hours look good. A cell's
effect is the sum of its residuals over (posts + PRIOR_POSTS): a cell with one lucky post stays near "as usual",
a cell with many consistent posts keeps its mean (empirical-Bayes shrinkage towards zero).

An account has enough history when it has MIN_POSTS dated posts with likes over at least MIN_DAYS days; then
the score card's best times are the coming hours whose cell did best (at least MIN_CELL_POSTS posts in it), and
the heatmap is shown. Otherwise the best times are the like model's (posts like this one at each hour), in the
account's time zone, and the card says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from ml.engine.likes.records import PostRecord

BLOCK_HOURS = 3
BLOCKS = 24 // BLOCK_HOURS
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MIN_POSTS = 20
MIN_DAYS = 28
MIN_CELL_POSTS = 2
PRIOR_POSTS = 2.0
NEIGHBOURS = 9
MAX_POSTS = 300  # the newest posts read: about a year for a daily poster


def block_label(block: int) -> str:
    return f"{block * BLOCK_HOURS:02d}:00–{(block + 1) * BLOCK_HOURS:02d}:00"


@dataclass
class TimingMap:
    zone: str
    posts: int
    span_days: float
    counts: np.ndarray  # (7, BLOCKS) posts per cell
    effects: np.ndarray  # (7, BLOCKS) shrunk mean residual, log-likes

    @property
    def enough(self) -> bool:
        return self.posts >= MIN_POSTS and self.span_days >= MIN_DAYS

    def cell(self, when: datetime) -> tuple[int, int]:
        local = when.astimezone(ZoneInfo(self.zone))
        return local.weekday(), local.hour // BLOCK_HOURS

    def effect_at(self, when: datetime) -> tuple[float, int]:
        day, block = self.cell(when)
        return float(self.effects[day, block]), int(self.counts[day, block])

    def to_dict(self) -> dict[str, Any]:
        """What the score card draws: per cell the posts and the change against the usual, in percent."""
        return {
            "zone": self.zone,
            "posts": self.posts,
            "span_days": round(self.span_days, 1),
            "enough": self.enough,
            "block_hours": BLOCK_HOURS,
            "blocks": [block_label(b) for b in range(BLOCKS)],
            "rows": [
                {
                    "day": DAYS[day],
                    "cells": [
                        {
                            "block": block_label(block),
                            "posts": int(self.counts[day, block]),
                            "percent": round(math.expm1(float(self.effects[day, block])) * 100)
                            if self.counts[day, block]
                            else None,
                        }
                        for block in range(BLOCKS)
                    ],
                }
                for day in range(7)
            ],
        }


def timing_map(history: list[PostRecord], zone: ZoneInfo) -> TimingMap:
    """The heatmap of these posts (the dated ones with likes, newest MAX_POSTS), in the account's zone."""
    posts = sorted((p for p in history if p.likes is not None and p.taken_at is not None), key=lambda p: p.taken_at)
    posts = posts[-MAX_POSTS:]
    counts = np.zeros((7, BLOCKS), dtype=np.int64)
    sums = np.zeros((7, BLOCKS))
    if not posts:
        return TimingMap(str(zone.key), 0, 0.0, counts, np.zeros((7, BLOCKS)))
    logs = np.log1p(np.array([float(p.likes or 0) for p in posts]))
    half = NEIGHBOURS // 2
    for i, post in enumerate(posts):
        around = logs[max(0, i - half) : i + half + 1]
        residual = logs[i] - float(np.median(around))
        local = post.taken_at.astimezone(zone)
        counts[local.weekday(), local.hour // BLOCK_HOURS] += 1
        sums[local.weekday(), local.hour // BLOCK_HOURS] += residual
    span = (posts[-1].taken_at - posts[0].taken_at).total_seconds() / 86400
    return TimingMap(str(zone.key), len(posts), span, counts, sums / (counts + PRIOR_POSTS))
