"""Training, evaluation protocol and grouped cross-validation of the like model (Keras/TensorFlow for fitting).

Examples: every post of an account that has at least one earlier post with likes, predicted from the earlier
posts only. The target is `ln(1+likes) − time_weighted_baseline(earlier posts)`. Accounts are split as groups:
no account is ever both trained on and scored.
"""
from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .features import (
    EMBEDDING_COMPONENTS,
    FEATURE_NAMES,
    AccountContext,
    ImageInputs,
    feature_row,
    time_weighted_baseline,
)
from .model import LikeModel
from .records import AccountRecord, PostRecord
from .text import embed_captions

EVAL_TARGETS_PER_ACCOUNT = 3
EVAL_MIN_POSTS = 4
QUANTILES = (0.1, 0.9)


@dataclass
class TrainConfig:
    seed: int = 42
    # Chosen by grouped 5-fold cross-validation (python -m ml.engine.likes.crossval); see README.md.
    hidden: tuple[int, ...] = (128, 64)
    dropout: float = 0.3
    l2: float = 1e-3
    epochs: int = 80
    batch_size: int = 256
    learning_rate: float = 2e-3
    patience: int = 8
    validation_share: float = 0.15
    min_history: int = 1
    # The evaluation predicts each account's last 3 posts; weighting those examples up (and stopping on them)
    # matches the training objective to it without using anything a live draft would not have.
    eval_target_weight: float = 1.0
    validate_on_eval_targets: bool = False
    ensemble: int = 5  # networks with seeds seed, seed+1, …; their outputs are averaged
    loss: str = "mse"  # centre loss: "mse" (what log_mse measures) or "huber"


@dataclass
class Examples:
    rows: np.ndarray
    targets: np.ndarray  # ln(1+likes) − baseline
    baselines: np.ndarray
    groups: np.ndarray  # account index
    is_eval_target: np.ndarray  # one of the account's last 3 posts with ≥1 earlier post (evaluation protocol)
    raw_embeddings: np.ndarray = field(default_factory=lambda: np.zeros((0, 384)))


class CaptionEmbedder:
    """Embeds captions once and remembers them (optionally in an .npy cache keyed by the caption set)."""

    def __init__(self, cache_dir: str | Path | None = None, progress: bool = False) -> None:
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.progress = progress
        self.vectors: dict[str, np.ndarray] = {}

    def prime(self, captions: Iterable[str]) -> None:
        missing = sorted({c for c in captions if c not in self.vectors})
        if not missing:
            return
        cache_file = None
        if self.cache_dir:
            digest = hashlib.sha256("\x00".join(missing).encode()).hexdigest()[:16]
            cache_file = self.cache_dir / f"minilm-{digest}.npy"
            if cache_file.exists():
                self.vectors.update(zip(missing, np.load(cache_file), strict=True))
                return
        vectors = embed_captions(missing, progress=self.progress)
        if cache_file:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            np.save(cache_file, vectors)
        self.vectors.update(zip(missing, vectors, strict=True))

    def __call__(self, caption: str) -> np.ndarray:
        if caption not in self.vectors:
            self.prime([caption])
        return self.vectors[caption]


def dated_posts(account: AccountRecord) -> list[PostRecord]:
    return sorted(account.posts, key=lambda p: p.taken_at)


def build_examples(accounts: list[AccountRecord], embedder: CaptionEmbedder, *, min_history: int = 1,
                   progress: Callable[[Iterable[Any]], Iterable[Any]] = iter) -> Examples:
    embedder.prime(p.caption for a in accounts for p in a.posts)
    rows, targets, baselines, groups, eval_flags, raw = [], [], [], [], [], []
    for group, account in enumerate(progress(accounts)):
        posts = [p for p in dated_posts(account) if p.likes is not None]
        for index in range(min_history, len(posts)):
            target = posts[index]
            context = AccountContext.from_history(posts[:index], account.followers)
            embedding = embedder(target.caption)
            rows.append(feature_row(
                context, caption=target.caption, media_type=target.media_type, planned_at=target.taken_at,
                image=ImageInputs.from_description(target.image_description, target.width, target.height),
                caption_embedding=np.zeros(EMBEDDING_COMPONENTS)))
            raw.append(embedding)
            targets.append(target.log_likes - context.baseline)
            baselines.append(context.baseline)
            groups.append(group)
            eval_flags.append(index >= len(posts) - EVAL_TARGETS_PER_ACCOUNT)
    return Examples(rows=np.array(rows), targets=np.array(targets), baselines=np.array(baselines),
                    groups=np.array(groups), is_eval_target=np.array(eval_flags, dtype=bool),
                    raw_embeddings=np.array(raw, dtype=np.float64).reshape(len(rows), -1))


def fit_pca(embeddings: np.ndarray, components: int = EMBEDDING_COMPONENTS) -> tuple[np.ndarray, np.ndarray]:
    nonzero = embeddings[embeddings.any(axis=1)]
    mean = nonzero.mean(axis=0)
    _, _, vt = np.linalg.svd(nonzero - mean, full_matrices=False)
    return mean, vt[:components]


def _with_embeddings(examples: Examples, model: LikeModel) -> np.ndarray:
    rows = examples.rows.copy()
    start = FEATURE_NAMES.index("emb_0")
    rows[:, start:start + EMBEDDING_COMPONENTS] = model.project_embeddings(examples.raw_embeddings)
    return rows


def _subset(examples: Examples, mask: np.ndarray) -> Examples:
    return Examples(rows=examples.rows[mask], targets=examples.targets[mask], baselines=examples.baselines[mask],
                    groups=examples.groups[mask], is_eval_target=examples.is_eval_target[mask],
                    raw_embeddings=examples.raw_embeddings[mask])


def _configure_tensorflow(seed: int) -> Any:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    import keras
    import tensorflow as tf

    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(2)
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
    return keras


def train(examples: Examples, config: TrainConfig, *, on_epoch: Callable[[int, dict[str, float]], None] | None = None
          ) -> tuple[LikeModel, dict[str, Any]]:
    """Fit on `examples` (accounts split again for early stopping and interval calibration)."""
    keras = _configure_tensorflow(config.seed)
    from keras import layers, ops

    rng = np.random.default_rng(config.seed)
    accounts = np.unique(examples.groups)
    validation_accounts = rng.choice(accounts, size=max(1, int(len(accounts) * config.validation_share)),
                                     replace=False)
    is_validation = np.isin(examples.groups, validation_accounts)
    fit_part, validation_part = _subset(examples, ~is_validation), _subset(examples, is_validation)

    pca_mean, pca_components = fit_pca(fit_part.raw_embeddings)
    model = LikeModel(feature_mean=np.zeros(len(FEATURE_NAMES)), feature_scale=np.ones(len(FEATURE_NAMES)),
                      pca_mean=pca_mean, pca_components=pca_components, members=[])
    x_fit = _with_embeddings(fit_part, model)
    x_validation = _with_embeddings(validation_part, model)
    mean, scale = x_fit.mean(axis=0), x_fit.std(axis=0)
    scale[scale < 1e-8] = 1.0  # constant columns (e.g. image statistics never observed) stay at 0
    model.feature_mean, model.feature_scale = mean, scale

    def loss(y_true: Any, y_pred: Any) -> Any:
        y = y_true[:, 0]
        centre = y_pred[:, 0]
        lower = centre - ops.softplus(y_pred[:, 1])
        upper = centre + ops.softplus(y_pred[:, 2])
        error = y - centre
        if config.loss == "huber":
            centre_loss = ops.where(ops.abs(error) < 1.0, 0.5 * ops.square(error), ops.abs(error) - 0.5)
        else:
            centre_loss = ops.square(error)

        def pinball(quantile: Any, tau: float) -> Any:
            error = y - quantile
            return ops.maximum(tau * error, (tau - 1.0) * error)

        return ops.mean(centre_loss + pinball(lower, QUANTILES[0]) + pinball(upper, QUANTILES[1]))

    weights = np.where(fit_part.is_eval_target, config.eval_target_weight, 1.0)
    weights = weights / weights.mean()
    stop_on = validation_part.is_eval_target if config.validate_on_eval_targets else np.ones(len(x_validation), bool)
    epochs_run, best_losses = [], []
    for member in range(config.ensemble):
        keras.utils.set_random_seed(config.seed + member)
        regulariser = keras.regularizers.L2(config.l2)
        inputs = keras.Input(shape=(len(FEATURE_NAMES),))
        hidden = inputs
        for width in config.hidden:
            hidden = layers.Dense(width, activation="relu", kernel_regularizer=regulariser)(hidden)
            hidden = layers.Dropout(config.dropout, seed=config.seed + member)(hidden)
        outputs = layers.Dense(3)(hidden)
        network = keras.Model(inputs, outputs)
        network.compile(optimizer=keras.optimizers.Adam(config.learning_rate), loss=loss)
        callbacks: list[Any] = [keras.callbacks.EarlyStopping(patience=config.patience, restore_best_weights=True)]
        if on_epoch:
            callbacks.append(keras.callbacks.LambdaCallback(
                on_epoch_end=lambda epoch, logs: on_epoch(epoch, logs)))
        history = network.fit(
            model.prepare(x_fit), fit_part.targets[:, None], sample_weight=weights, validation_data=(
                model.prepare(x_validation[stop_on]), validation_part.targets[stop_on][:, None]),
            epochs=config.epochs, batch_size=config.batch_size, shuffle=True, verbose=0, callbacks=callbacks)
        model.members.append([(layer.get_weights()[0].astype(np.float64), layer.get_weights()[1].astype(np.float64))
                              for layer in network.layers if isinstance(layer, layers.Dense)])
        epochs_run.append(len(history.history["loss"]))
        best_losses.append(float(min(history.history["val_loss"])))

    # Calibrate the 80% interval on the validation accounts: scale each side so 10% fall outside it.
    predicted = model.forward(x_validation)
    y = validation_part.targets
    below_gap = (predicted[:, 0] - y) / np.maximum(predicted[:, 0] - predicted[:, 1], 1e-6)
    above_gap = (y - predicted[:, 0]) / np.maximum(predicted[:, 2] - predicted[:, 0], 1e-6)
    model.interval_scale = (_side_scale(below_gap), _side_scale(above_gap))
    calibrated = model.forward(x_validation)
    coverage = float(np.mean((y >= calibrated[:, 1]) & (y <= calibrated[:, 2]))) if len(y) else float("nan")
    info = {"epochs": epochs_run, "validation_loss": round(float(np.mean(best_losses)), 4),
            "validation_interval_coverage": round(coverage, 4),
            "fit_examples": int(len(fit_part.targets)), "validation_examples": int(len(y))}
    return model, info


def _side_scale(gap: np.ndarray) -> float:
    """The factor that makes one side of the interval hold 10% of outcomes beyond it (gap = outcome beyond the
    centre in units of that side's width; 90% of outcomes should have gap ≤ 1)."""
    if gap.size == 0:
        return 1.0
    return float(np.clip(np.quantile(gap, 0.9), 0.1, 10.0))


@dataclass
class EvaluationResult:
    accounts: int
    targets: int
    log_mse: float
    baseline_log_mse: float
    interval_coverage: float

    def as_dict(self) -> dict[str, Any]:
        return {"accounts": self.accounts, "targets": self.targets, "log_mse": round(self.log_mse, 6),
                "baseline_log_mse": round(self.baseline_log_mse, 6)}


def protocol_rows(accounts: list[AccountRecord], model: LikeModel, embedder: CaptionEmbedder
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Feature rows of the evaluation protocol: for every account with ≥4 dated posts, its last 3 posts, each
    from the profile and all earlier posts plus its own caption, time, type and image description (never its
    likes or comments). Returns rows, baselines, actual ln(1+likes) and the number of accounts."""
    # Only the predicted posts' captions are embedded (earlier posts enter through likes and caption stats).
    embedder.prime(p.caption for a in accounts for p in dated_posts(a)[-EVAL_TARGETS_PER_ACCOUNT:]
                   if len(a.posts) >= EVAL_MIN_POSTS)
    rows, baselines, actual, n_accounts = [], [], [], 0
    for account in accounts:
        posts = dated_posts(account)
        if len(posts) < EVAL_MIN_POSTS:
            continue
        scored = False
        for index in range(len(posts) - EVAL_TARGETS_PER_ACCOUNT, len(posts)):
            target = posts[index]
            if target.likes is None:
                continue
            history = [p for p in posts[:index] if p.likes is not None]
            if not history:
                continue
            context = AccountContext.from_history(history, account.followers)
            blind = PostRecord(taken_at=target.taken_at, caption=target.caption, media_type=target.media_type,
                               image_description=target.image_description, width=target.width,
                               height=target.height)
            rows.append(feature_row(
                context, caption=blind.caption, media_type=blind.media_type, planned_at=blind.taken_at,
                image=ImageInputs.from_description(blind.image_description, blind.width, blind.height),
                caption_embedding=model.project_embeddings(embedder(blind.caption))[0]))
            baselines.append(context.baseline)
            actual.append(target.log_likes)
            scored = True
        n_accounts += int(scored)
    return (np.array(rows).reshape(len(rows), len(FEATURE_NAMES)), np.array(baselines), np.array(actual),
            n_accounts)


def evaluate(accounts: list[AccountRecord], model: LikeModel, embedder: CaptionEmbedder) -> EvaluationResult:
    rows, baselines, actual, n_accounts = protocol_rows(accounts, model, embedder)
    if not len(actual):
        return EvaluationResult(0, 0, float("nan"), float("nan"), float("nan"))
    quantiles = model.forward(rows) + baselines[:, None]
    # Predicted likes are rounded to whole likes, as the product shows them; the metric uses those.
    predicted_log = np.log1p(np.maximum(np.round(np.expm1(quantiles[:, 0])), 0))
    baseline_log = np.log1p(np.maximum(np.round(np.expm1(baselines)), 0))
    return EvaluationResult(
        accounts=n_accounts, targets=len(actual),
        log_mse=float(np.mean((predicted_log - actual) ** 2)),
        baseline_log_mse=float(np.mean((baseline_log - actual) ** 2)),
        interval_coverage=float(np.mean((actual >= quantiles[:, 1]) & (actual <= quantiles[:, 2]))))


def grouped_cross_validation(accounts: list[AccountRecord], embedder: CaptionEmbedder, config: TrainConfig, *,
                             folds: int = 5, progress: Callable[[Iterable[Any]], Iterable[Any]] = iter
                             ) -> dict[str, Any]:
    """k-fold by account: train on k−1 folds, score the held-out fold's accounts with the evaluation protocol."""
    examples = build_examples(accounts, embedder, min_history=config.min_history)
    order = np.random.default_rng(config.seed).permutation(len(accounts))
    fold_of = np.empty(len(accounts), dtype=int)
    fold_of[order] = np.arange(len(accounts)) % folds
    per_fold = []
    for fold in progress(range(folds)):
        train_mask = fold_of[examples.groups] != fold
        model, _ = train(_subset(examples, train_mask), config)
        held_out = [a for i, a in enumerate(accounts) if fold_of[i] == fold]
        per_fold.append(evaluate(held_out, model, embedder))
    targets = sum(r.targets for r in per_fold)
    log_mse = sum(r.log_mse * r.targets for r in per_fold) / targets
    baseline = sum(r.baseline_log_mse * r.targets for r in per_fold) / targets
    return {
        "folds": folds, "accounts": sum(r.accounts for r in per_fold), "targets": targets,
        "log_mse": round(log_mse, 4), "baseline_log_mse": round(baseline, 4),
        "reduction": round(1 - log_mse / baseline, 4),
        "interval_coverage_80": round(sum(r.interval_coverage * r.targets for r in per_fold) / targets, 4),
        "per_fold": [{"log_mse": round(r.log_mse, 4), "baseline_log_mse": round(r.baseline_log_mse, 4),
                      "reduction": round(1 - r.log_mse / r.baseline_log_mse, 4)} for r in per_fold],
    }


def train_final(accounts: list[AccountRecord], embedder: CaptionEmbedder, config: TrainConfig, *,
                on_epoch: Callable[[int, dict[str, float]], None] | None = None,
                progress: Callable[[Iterable[Any]], Iterable[Any]] = iter) -> tuple[LikeModel, dict[str, Any]]:
    examples = build_examples(accounts, embedder, min_history=config.min_history, progress=progress)
    return train(examples, config, on_epoch=on_epoch)


def baseline_only_log_mse(accounts: list[AccountRecord], half_life: float) -> float:
    errors = []
    for account in accounts:
        posts = dated_posts(account)
        if len(posts) < EVAL_MIN_POSTS:
            continue
        for index in range(len(posts) - EVAL_TARGETS_PER_ACCOUNT, len(posts)):
            history = [p.log_likes for p in posts[:index] if p.likes is not None]
            if history and posts[index].likes is not None:
                errors.append((time_weighted_baseline(history, half_life) - posts[index].log_likes) ** 2)
    return float(np.mean(errors)) if errors else math.nan
