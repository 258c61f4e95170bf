"""The trained like model as plain NumPy: standardise → MLP → (centre, lower, upper) of ln(1+likes) − baseline.

Training happens in Keras (`training.py`); the weights are exported to an `.npz` so scoring needs neither
TensorFlow nor its import time, and a batch of 170 candidate rows is one matrix product per layer.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .features import FEATURE_NAMES, IMAGE_STAT_FEATURES, INDEX

WEIGHTS_FILE = "weights.npz"
META_FILE = "meta.json"
Z_90 = 1.2815515655446004  # standard normal 90th percentile
INTERVAL_COVERAGE = 0.8  # the interval is p10..p90
# Fewer backtested posts than this: the interval stays as calibrated on the training populations' validation accounts.
ACCOUNT_RANGE_MIN_POSTS = 5
ACCOUNT_RANGE_LIMITS = (0.2, 5.0)  # the account's factor on the interval, clipped (e.g. identical like counts)
# What "an account like the ones trained on" means: size, posting rate, history length, likes per follower.
FAMILIARITY_FEATURES = ["acc_log_followers", "acc_mean_gap_days", "acc_n_history", "acc_like_rate"]
FAMILIARITY_DESCRIPTIONS = {
    "acc_log_followers": "follower count",
    "acc_mean_gap_days": "posting rate",
    "acc_n_history": "history length",
    "acc_like_rate": "likes per follower",
}


@dataclass
class Familiarity:
    """How far an account lies outside the training accounts, and what to do about it (fitted on validation
    accounts by `training.fit_familiarity`).

    unfamiliarity = the largest distance, over FAMILIARITY_FEATURES, outside the central range [low, high] of the
    training rows, in units of that range's width (0 inside it). Rows are binned by it (`edges`); in each bin the
    centre is shrunk toward the account's own baseline by `shrink` (the least-squares factor on validation
    rows, in [0, 1]) and each side of the interval is widened by `widen` (so 10% fall beyond it there)."""

    low: list[float]
    high: list[float]
    edges: list[float]  # upper bounds of the bins after the first (u == 0); the last bin is open
    shrink: list[float]
    widen_low: list[float]
    widen_high: list[float]

    def unfamiliarity(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(u, index into FAMILIARITY_FEATURES of the feature that is furthest out) per row."""
        columns = np.atleast_2d(rows)[:, [INDEX[name] for name in FAMILIARITY_FEATURES]]
        low, high = np.array(self.low), np.array(self.high)
        width = np.maximum(high - low, 1e-6)
        distance = np.maximum(np.maximum(low - columns, columns - high), 0.0) / width
        return distance.max(axis=1), distance.argmax(axis=1)

    def bin_of(self, u: np.ndarray) -> np.ndarray:
        return np.where(u <= 0, 0, 1 + np.searchsorted(np.array(self.edges), u, side="left").clip(0, len(self.edges)))

    def to_meta(self) -> dict[str, Any]:
        return {
            "features": FAMILIARITY_FEATURES,
            "low": self.low,
            "high": self.high,
            "edges": self.edges,
            "shrink": self.shrink,
            "widen_low": self.widen_low,
            "widen_high": self.widen_high,
        }

    @classmethod
    def from_meta(cls, meta: dict[str, Any] | None) -> Familiarity | None:
        if not meta:
            return None
        if meta.get("features") != FAMILIARITY_FEATURES:
            raise ValueError("the artifact's familiarity features differ from this code's; retrain it.")
        return cls(
            low=meta["low"],
            high=meta["high"],
            edges=meta["edges"],
            shrink=meta["shrink"],
            widen_low=meta["widen_low"],
            widen_high=meta["widen_high"],
        )


@dataclass(frozen=True)
class AccountRange:
    """The prediction fitted to one account: how the model did on the account's latest posts, each predicted from
    the posts before it (`features.history_rows`)."""

    scale: float  # factor on both sides of the interval
    posts: int  # backtested posts it rests on
    inside: int  # of those, how many fell inside the model's interval
    shift: float = 0.0  # added to centre and interval (log-likes): the account's recent residuals, shrunk
    mean_residual: float = 0.0  # their plain mean (how far the model was off on average; for the score card)


def account_range(
    outputs: np.ndarray, relative: np.ndarray, residual_prior_posts: float | None = None
) -> AccountRange | None:
    """Split-conformal on the account's own record: each backtested outcome's distance from the centre in units of
    the interval's side it fell on; the factor is the quantile of those distances that holds INTERVAL_COVERAGE of
    a new post, (n+1)/n-corrected for the few posts it rests on. None below ACCOUNT_RANGE_MIN_POSTS.

    The calibration fitted on validation accounts makes intervals right on average over the training populations;
    this makes them right for the account at hand (a steady 300-follower account gets a narrower range than the
    celebrities and typical influencers it was calibrated on, a volatile one a wider range).

    With `residual_prior_posts` (fitted on validation accounts, `training.fit_residual_prior`), the model's recent
    errors on the account also move the prediction: shift = sum of residuals / (n + prior), i.e. their mean
    shrunk toward 0 as if `prior` more posts had been predicted exactly (an account that keeps beating its
    predictions, e.g. a growing one, is predicted a little higher)."""
    n = len(relative)
    if n < ACCOUNT_RANGE_MIN_POSTS:
        return None
    centre = outputs[:, 0]
    residual = relative - centre
    width = np.where(residual >= 0, outputs[:, 2] - centre, centre - outputs[:, 1])
    distance = np.abs(residual) / np.maximum(width, 1e-6)
    scale = float(np.quantile(distance, min(1.0, INTERVAL_COVERAGE * (n + 1) / n)))
    shift = float(residual.sum() / (n + residual_prior_posts)) if residual_prior_posts is not None else 0.0
    return AccountRange(
        scale=float(np.clip(scale, *ACCOUNT_RANGE_LIMITS)),
        posts=n,
        inside=int(np.sum(distance <= 1.0)),
        shift=shift,
        mean_residual=float(residual.mean()),
    )


def with_range(outputs: np.ndarray, scale: np.ndarray | float, shift: np.ndarray | float = 0.0) -> np.ndarray:
    """`outputs` (n, 3: centre, q10, q90) with both sides of each interval multiplied by `scale` and the whole
    moved by `shift` (per row or one each)."""
    outputs = np.atleast_2d(outputs)
    scale = np.broadcast_to(np.asarray(scale, dtype=np.float64), outputs[:, 0].shape)
    shift = np.broadcast_to(np.asarray(shift, dtype=np.float64), outputs[:, 0].shape)
    centre = outputs[:, 0]
    lower = centre - (centre - outputs[:, 1]) * scale
    upper = centre + (outputs[:, 2] - centre) * scale
    return np.stack([centre, lower, upper], 1) + shift[:, None]


def _softplus(x: np.ndarray) -> np.ndarray:
    return np.logaddexp(0.0, x)


def _normal_sf(z: np.ndarray) -> np.ndarray:
    from scipy.special import ndtr

    return 1.0 - ndtr(z)


@dataclass
class LikeModel:
    feature_mean: np.ndarray
    feature_scale: np.ndarray
    pca_mean: np.ndarray
    pca_components: np.ndarray  # (components, 384)
    members: list[list[tuple[np.ndarray, np.ndarray]]]  # ensemble of MLPs: (W, b) per layer, ReLU between
    interval_scale: tuple[float, float] = (1.0, 1.0)  # calibration of the lower / upper widths
    feature_names: list[str] = field(default_factory=lambda: list(FEATURE_NAMES))
    image_stats_trained: bool = False
    # Features that never varied in training (e.g. the observation age when no training set recorded one): the
    # network cannot have learned them, so they are fed at their training value rather than as an untrained input.
    constant_features: list[str] = field(default_factory=list)
    familiarity: Familiarity | None = None
    prior_like_rate: float | None = None  # cold start: typical ln(1+likes) − ln(1+followers) in training
    # How much the account's own recent residuals move its prediction (account_range); None: not at all.
    residual_prior_posts: float | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def project_embeddings(self, embeddings: np.ndarray) -> np.ndarray:
        embeddings = np.atleast_2d(embeddings).astype(np.float64)
        projected = (embeddings - self.pca_mean) @ self.pca_components.T
        # An empty caption embeds as zeros: keep it at zero after projection too (no content signal).
        projected[~embeddings.any(axis=1)] = 0.0
        return projected

    def prepare(self, rows: np.ndarray) -> np.ndarray:
        rows = np.atleast_2d(np.asarray(rows, dtype=np.float64)).copy()
        if not self.image_stats_trained:
            # The network never saw these measured (the training data has no pixels): feed them as missing.
            for name in IMAGE_STAT_FEATURES:
                rows[:, INDEX[name]] = 0.0
            rows[:, INDEX["img_stats_missing"]] = 1.0
        for name in self.constant_features:
            rows[:, INDEX[name]] = self.feature_mean[INDEX[name]]
        return (rows - self.feature_mean) / self.feature_scale

    def forward(self, rows: np.ndarray, *, adjust: bool = True) -> np.ndarray:
        """(n, 3): centre, q10, q90 of the relative log-likes. With `adjust` (and a fitted `familiarity`),
        rows of accounts unlike the training accounts are shrunk toward their baseline and get wider intervals."""
        raw_out = self._network(rows)
        if not adjust or self.familiarity is None:
            return raw_out
        u, _ = self.familiarity.unfamiliarity(rows)
        bins = self.familiarity.bin_of(u)
        shrink = np.array(self.familiarity.shrink)[bins]
        widen_low = np.array(self.familiarity.widen_low)[bins]
        widen_high = np.array(self.familiarity.widen_high)[bins]
        centre = raw_out[:, 0] * shrink
        lower = centre - (raw_out[:, 0] - raw_out[:, 1]) * widen_low
        upper = centre + (raw_out[:, 2] - raw_out[:, 0]) * widen_high
        return np.stack([centre, lower, upper], axis=1)

    def _network(self, rows: np.ndarray) -> np.ndarray:
        prepared = self.prepare(rows)
        raw = np.zeros((len(prepared), 3))
        for layers in self.members:
            hidden = prepared
            for weights, bias in layers[:-1]:
                hidden = np.maximum(hidden @ weights + bias, 0.0)
            weights, bias = layers[-1]
            raw += hidden @ weights + bias
        raw /= len(self.members)
        centre = raw[:, 0]
        lower = centre - _softplus(raw[:, 1]) * self.interval_scale[0]
        upper = centre + _softplus(raw[:, 2]) * self.interval_scale[1]
        return np.stack([centre, lower, upper], axis=1)

    @staticmethod
    def exceedance(quantiles: np.ndarray, threshold: np.ndarray | float) -> np.ndarray:
        """P(relative log-likes ≥ threshold) under a two-piece normal through (q10, centre, q90): each half
        has its own spread so an asymmetric interval gives an asymmetric tail."""
        centre, lower, upper = quantiles[:, 0], quantiles[:, 1], quantiles[:, 2]
        threshold = np.broadcast_to(np.asarray(threshold, dtype=np.float64), centre.shape)
        sigma_low = np.maximum((centre - lower) / Z_90, 1e-6)
        sigma_high = np.maximum((upper - centre) / Z_90, 1e-6)
        sigma = np.where(threshold >= centre, sigma_high, sigma_low)
        return _normal_sf((threshold - centre) / sigma)

    def save(self, folder: str | Path, meta: dict[str, Any]) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {
            "feature_mean": self.feature_mean,
            "feature_scale": self.feature_scale,
            "pca_mean": self.pca_mean,
            "pca_components": self.pca_components,
        }
        for m, layers in enumerate(self.members):
            for i, (weights, bias) in enumerate(layers):
                arrays[f"m{m}_w{i}"] = weights
                arrays[f"m{m}_b{i}"] = bias
        float32: dict[str, Any] = {k: v.astype(np.float32) for k, v in arrays.items()}
        np.savez_compressed(folder / WEIGHTS_FILE, **float32)
        meta = {
            **meta,
            "feature_names": self.feature_names,
            "n_members": len(self.members),
            "n_layers": len(self.members[0]),
            "interval_scale": list(self.interval_scale),
            "image_stats_trained": self.image_stats_trained,
            "constant_features": self.constant_features,
            "familiarity": self.familiarity.to_meta() if self.familiarity else None,
            "prior_like_rate": self.prior_like_rate,
            "residual_prior_posts": self.residual_prior_posts,
        }
        (folder / META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
        self.meta = meta

    @classmethod
    def load(cls, folder: str | Path) -> LikeModel:
        folder = Path(folder)
        meta = json.loads((folder / META_FILE).read_text())
        if meta.get("feature_names") != FEATURE_NAMES:
            raise ValueError(f"{folder} was trained on other features than this code builds; retrain it.")
        with np.load(folder / WEIGHTS_FILE) as data:
            arrays = {key: data[key].astype(np.float64) for key in data.files}
        members = [
            [(arrays[f"m{m}_w{i}"], arrays[f"m{m}_b{i}"]) for i in range(meta["n_layers"])]
            for m in range(meta["n_members"])
        ]
        return cls(
            feature_mean=arrays["feature_mean"],
            feature_scale=arrays["feature_scale"],
            pca_mean=arrays["pca_mean"],
            pca_components=arrays["pca_components"],
            members=members,
            interval_scale=tuple(meta["interval_scale"]),
            image_stats_trained=meta["image_stats_trained"],
            constant_features=list(meta.get("constant_features", [])),
            familiarity=Familiarity.from_meta(meta.get("familiarity")),
            prior_like_rate=meta.get("prior_like_rate", meta.get("median_like_rate")),
            residual_prior_posts=meta.get("residual_prior_posts"),
            meta=meta,
        )


def likes_from_log(value: float) -> int:
    return max(0, int(round(math.expm1(value))))
