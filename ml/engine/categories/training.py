"""Grouped cross-validation, calibration and the final fit of the niche classifier.

Every influencer is one example (all their posts together), so stratified folds over influencers are grouped folds:
no influencer's posts are ever on both sides. The temperature is fitted on out-of-fold logits only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ml.engine.categories.model import (
    CategoryModel,
    TrainSettings,
    calibrated,
    fit_offsets,
    fit_temperature,
    softmax,
)
from ml.engine.categories.records import CATEGORIES, InfluencerPosts, normalise_label, read_influencers, read_labels


@dataclass
class LabelledSet:
    influencers: list[InfluencerPosts]
    labels: list[str]

    @property
    def y(self) -> np.ndarray:
        return np.array([CATEGORIES.index(label) for label in self.labels])


def load_labelled(posts_path: str | Path, labels_path: str | Path) -> LabelledSet:
    """The labelled influencers that have at least one post in the file (the evaluation population)."""
    labels = read_labels(labels_path)
    influencers = [i for i in read_influencers(posts_path) if i.username in labels]
    if not influencers:
        raise ValueError(f"no influencer of {labels_path} has a post in {posts_path}")
    return LabelledSet(influencers=influencers, labels=[labels[i.username] for i in influencers])


def with_corrections(data: LabelledSet, corrections: list[tuple[InfluencerPosts, str]]) -> tuple[LabelledSet, int]:
    """The dataset plus users' niche corrections as labelled examples; a correction wins over a dataset row of the
    same username (the user's label, the stored posts). Returns the set and how many corrections it holds."""
    corrected: dict[str, tuple[InfluencerPosts, str]] = {}
    for record, label in corrections:
        corrected[record.username] = (record, normalise_label(label))
    kept = [(i, label) for i, label in zip(data.influencers, data.labels, strict=True) if i.username not in corrected]
    rows = kept + list(corrected.values())
    return LabelledSet(influencers=[i for i, _ in rows], labels=[label for _, label in rows]), len(corrected)


def scores(y: np.ndarray, probabilities: np.ndarray) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    predicted = probabilities.argmax(axis=1)
    true_p = np.clip(probabilities[np.arange(len(y)), y], 1e-12, None)
    confidence = probabilities.max(axis=1)
    bins = np.minimum((confidence * 10).astype(int), 9)
    ece = sum(
        abs(float(np.mean(predicted[bins == b] == y[bins == b])) - float(np.mean(confidence[bins == b])))
        * float(np.mean(bins == b))
        for b in range(10)
        if np.any(bins == b)
    )
    return {
        "n": int(len(y)),
        "accuracy": round(float(accuracy_score(y, predicted)), 4),
        "macro_f1": round(
            float(f1_score(y, predicted, average="macro", labels=list(range(len(CATEGORIES))), zero_division=0)), 4
        ),
        "log_loss": round(float(-np.mean(np.log(true_p))), 4),
        "ece": round(ece, 4),
    }


def cross_validate(
    data: LabelledSet,
    settings: TrainSettings,
    *,
    folds: int = 5,
    progress: Callable[[Iterable[Any]], Iterable[Any]] = iter,
) -> dict[str, Any]:
    """Out-of-fold figures before and after temperature scaling, and the fitted temperature."""
    from sklearn.model_selection import StratifiedKFold

    y = data.y
    logits = np.zeros((len(y), len(CATEGORIES)), dtype=np.float64)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=settings.seed)
    for train_idx, test_idx in progress(list(splitter.split(np.zeros(len(y)), y))):
        model = CategoryModel.fit(
            [data.influencers[k] for k in train_idx], [data.labels[k] for k in train_idx], settings
        )
        logits[test_idx] = model.logits([data.influencers[k] for k in test_idx])
    return oof_report(logits, y, folds=folds, seed=settings.seed) | {"settings": asdict(settings), "logits": logits}


def oof_report(logits: np.ndarray, y: np.ndarray, *, folds: int, seed: int) -> dict[str, Any]:
    """Offsets and temperature fitted on all out-of-fold logits (for the final model), and the figures each fold
    gets from offsets and temperature fitted on the *other* folds only (nested: never measured on what chose them)."""
    from sklearn.model_selection import StratifiedKFold

    offsets = fit_offsets(logits, y)
    temperature = fit_temperature(logits + offsets, y)
    nested = np.zeros_like(logits)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed + 1)
    for rest, inside in splitter.split(np.zeros(len(y)), y):
        fold_offsets = fit_offsets(logits[rest], y[rest])
        fold_temperature = fit_temperature(logits[rest] + fold_offsets, y[rest])
        nested[inside] = calibrated(logits[inside], fold_temperature, fold_offsets)
    return {
        "folds": folds,
        "uncalibrated": scores(y, softmax(logits)),
        "calibrated": scores(y, nested),
        "temperature": round(temperature, 4),
        "offsets": [round(float(v), 4) for v in offsets],
    }


def train_final(
    data: LabelledSet, settings: TrainSettings, temperature: float, offsets: list[float] | None = None
) -> CategoryModel:
    return CategoryModel.fit(
        data.influencers,
        data.labels,
        settings,
        temperature=temperature,
        offsets=None if offsets is None else np.array(offsets),
    )
