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
    embeddings: np.ndarray | None = None,
    progress: Callable[[Iterable[Any]], Iterable[Any]] = iter,
) -> dict[str, Any]:
    """Out-of-fold logits of the words view (and of the MiniLM view, given one pooled vector per influencer), then
    oof_report: the blend weight and calibration for the final model, and nested figures."""
    from sklearn.model_selection import StratifiedKFold

    y = data.y
    text = np.zeros((len(y), len(CATEGORIES)), dtype=np.float64)
    embed = None if embeddings is None else np.zeros_like(text)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=settings.seed)
    for train_idx, test_idx in progress(list(splitter.split(np.zeros(len(y)), y))):
        model = CategoryModel.fit(
            [data.influencers[k] for k in train_idx],
            [data.labels[k] for k in train_idx],
            settings,
            embeddings=None if embeddings is None else embeddings[train_idx],
        )
        text[test_idx] = model.logits([data.influencers[k] for k in test_idx])
        if embed is not None and embeddings is not None:
            embed[test_idx] = model.embed_logits(embeddings[test_idx])
    report = oof_report(text, y, folds=folds, seed=settings.seed, embed=embed)
    return report | {"settings": asdict(settings), "logits": text}


BLEND_GRID = np.round(np.arange(0.0, 1.51, 0.125), 3)


def choose_blend(text: np.ndarray, embed: np.ndarray, y: np.ndarray) -> float:
    """The weight of the MiniLM logits minimising log-loss of the tempered blend (0 = words only)."""

    def loss(weight: float) -> float:
        logits = text + weight * embed
        p = softmax(logits / fit_temperature(logits, y))
        return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, None))))

    return float(min(BLEND_GRID, key=loss))


def _calibrate(text: np.ndarray, embed: np.ndarray | None, y: np.ndarray) -> dict[str, Any]:
    """Blend weight, offsets and temperature fitted on these rows; a separate words-only calibration beside."""
    text_offsets = fit_offsets(text, y)
    out: dict[str, Any] = {
        "blend": 0.0,
        "text_offsets": text_offsets,
        "text_temperature": fit_temperature(text + text_offsets, y),
    }
    if embed is None:
        return out | {"offsets": out["text_offsets"], "temperature": out["text_temperature"]}
    blend = choose_blend(text, embed, y)
    logits = text + blend * embed
    offsets = fit_offsets(logits, y)
    return out | {"blend": blend, "offsets": offsets, "temperature": fit_temperature(logits + offsets, y)}


def oof_report(
    logits: np.ndarray, y: np.ndarray, *, folds: int, seed: int, embed: np.ndarray | None = None
) -> dict[str, Any]:
    """Blend weight, offsets and temperature fitted on all out-of-fold logits (for the final model), and the figures
    each fold gets from those fitted on the *other* folds only (nested: never measured on what chose them)."""
    from sklearn.model_selection import StratifiedKFold

    final = _calibrate(logits, embed, y)
    nested = np.zeros_like(logits)
    nested_text = np.zeros_like(logits)
    blends = []
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed + 1)
    for rest, inside in splitter.split(np.zeros(len(y)), y):
        fold = _calibrate(logits[rest], None if embed is None else embed[rest], y[rest])
        blends.append(fold["blend"])
        blended = logits[inside] + (0 if embed is None else fold["blend"] * embed[inside])
        nested[inside] = calibrated(blended, fold["temperature"], fold["offsets"])
        nested_text[inside] = calibrated(logits[inside], fold["text_temperature"], fold["text_offsets"])
    report = {
        "folds": folds,
        "uncalibrated": scores(y, softmax(logits if embed is None else logits + final["blend"] * embed)),
        "calibrated": scores(y, nested),
        "words_only": scores(y, nested_text),
        "blend": round(final["blend"], 4),
        "nested_blends": blends,
        "temperature": round(float(final["temperature"]), 4),
        "offsets": [round(float(v), 4) for v in final["offsets"]],
        "text_temperature": round(float(final["text_temperature"]), 4),
        "text_offsets": [round(float(v), 4) for v in final["text_offsets"]],
        "probabilities": nested,  # the nested out-of-fold calibrated probabilities (for checks built on top)
    }
    if embed is not None:
        report["minilm_only"] = scores(y, softmax(embed / fit_temperature(embed, y)))
    return report


def train_final(
    data: LabelledSet, settings: TrainSettings, calibration: dict[str, Any], embeddings: np.ndarray | None = None
) -> CategoryModel:
    return CategoryModel.fit(data.influencers, data.labels, settings, embeddings=embeddings, calibration=calibration)
