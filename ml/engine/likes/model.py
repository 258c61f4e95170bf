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
        return (rows - self.feature_mean) / self.feature_scale

    def forward(self, rows: np.ndarray) -> np.ndarray:
        """(n, 3): centre, q10, q90 of the relative log-likes."""
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
        arrays = {"feature_mean": self.feature_mean, "feature_scale": self.feature_scale,
                  "pca_mean": self.pca_mean, "pca_components": self.pca_components}
        for m, layers in enumerate(self.members):
            for i, (weights, bias) in enumerate(layers):
                arrays[f"m{m}_w{i}"] = weights
                arrays[f"m{m}_b{i}"] = bias
        float32: dict[str, Any] = {k: v.astype(np.float32) for k, v in arrays.items()}
        np.savez_compressed(folder / WEIGHTS_FILE, **float32)
        meta = {**meta, "feature_names": self.feature_names, "n_members": len(self.members),
                "n_layers": len(self.members[0]), "interval_scale": list(self.interval_scale),
                "image_stats_trained": self.image_stats_trained}
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
        members = [[(arrays[f"m{m}_w{i}"], arrays[f"m{m}_b{i}"]) for i in range(meta["n_layers"])]
                   for m in range(meta["n_members"])]
        return cls(feature_mean=arrays["feature_mean"], feature_scale=arrays["feature_scale"],
                   pca_mean=arrays["pca_mean"], pca_components=arrays["pca_components"], members=members,
                   interval_scale=tuple(meta["interval_scale"]), image_stats_trained=meta["image_stats_trained"],
                   meta=meta)


def likes_from_log(value: float) -> int:
    return max(0, int(round(math.expm1(value))))
