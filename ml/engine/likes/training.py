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
    BACKTEST_POSTS,
    EMBEDDING_COMPONENTS,
    FEATURE_NAMES,
    AccountContext,
    history_rows,
    post_feature_row,
    time_weighted_baseline,
)
from .model import (
    ACCOUNT_RANGE_MIN_POSTS,
    FAMILIARITY_FEATURES,
    Familiarity,
    LikeModel,
    account_range,
    with_range,
)
from .records import AccountRecord, PostRecord
from .standing import RECENT_POSTS
from .text import CAPTION_MAX_TOKENS, embed_captions

EVAL_TARGETS_PER_ACCOUNT = 3
EVAL_MIN_POSTS = 4
COLD_START_MAX_HISTORY = 2  # the cold-start protocol: accounts with 1–3 posts, the last predicted from 0–2
QUANTILES = (0.1, 0.9)
FAMILIARITY_RANGE = (5.0, 95.0)  # percentiles of the training rows that count as "seen"
FAMILIARITY_EDGES = [0.25, 0.5, 1.0]
FAMILIARITY_MIN_ROWS = 50
# Captions of these training sets are not embedded (their MiniLM features are 0, "no content signal", as for an
# empty caption): embedding kim2020's 32k captions did not fit the training budget on 2 shared cores. Scoring
# always embeds the draft's caption; its effect is what the model learned from the embedded sets.
UNEMBEDDED_DATASETS = frozenset({"kim2020"})


@dataclass
class TrainConfig:
    seed: int = 42
    # Chosen on the held-out accounts of the three training sets (README.md, "Populations"); the hidden layers,
    # dropout and L2 by the earlier grouped 5-fold cross-validation on the 2019 set.
    hidden: tuple[int, ...] = (128, 64)
    dropout: float = 0.3
    l2: float = 1e-3
    epochs: int = 80
    batch_size: int = 256
    steps_per_execution: int = 16
    learning_rate: float = 1e-3
    patience: int = 12
    validation_share: float = 0.15
    min_history: int = 0  # 0: a post with no earlier post trains the cold start (baseline from followers)
    max_targets_per_account: int = 12  # the latest posts of long histories (InstaFake has ~80 per account)
    # The evaluation predicts each account's last 3 posts; weighting those examples up (and stopping on them)
    # matches the training objective to it without using anything a live draft would not have.
    eval_target_weight: float = 1.0
    validate_on_eval_targets: bool = False
    ensemble: int = 3  # networks with seeds seed, seed+1, …, averaged (5 before; 3 fit the shared-CPU budget)
    cold_start_weight: float = 0.3  # sample weight of posts with no earlier post
    dataset_weights: dict[str, float] = field(default_factory=dict)  # sample weight per training set (default 1)
    loss: str = "mse"  # centre loss: "mse" (what log_mse measures) or "huber"


@dataclass
class Examples:
    rows: np.ndarray
    targets: np.ndarray  # ln(1+likes) − baseline
    baselines: np.ndarray
    groups: np.ndarray  # account index
    is_eval_target: np.ndarray  # one of the account's last 3 posts with ≥1 earlier post (evaluation protocol)
    raw_embeddings: np.ndarray = field(default_factory=lambda: np.zeros((0, 384)))
    weights: np.ndarray | None = None  # per-example sample weight (TrainConfig.dataset_weights); None = 1


class CaptionEmbedder:
    """Embeds captions once and remembers them; with `cache_dir`, in a content-addressed store on disk
    (`minilm-store/`, one .npz per embedded chunk keyed by SHA-1 of the caption), so an interrupted or
    different run reuses every caption already embedded."""

    CHUNK = 2048

    def __init__(self, cache_dir: str | Path | None = None, progress: bool = False) -> None:
        self.store = Path(cache_dir) / f"minilm-store-{CAPTION_MAX_TOKENS}" if cache_dir else None
        self.progress = progress
        self.vectors: dict[str, np.ndarray] = {}
        self._stored: dict[str, np.ndarray] | None = None

    @staticmethod
    def _key(caption: str) -> str:
        return hashlib.sha1(caption.encode()).hexdigest()

    def _load_store(self) -> dict[str, np.ndarray]:
        if self._stored is None:
            self._stored = {}
            if self.store and self.store.is_dir():
                for chunk in sorted(self.store.glob("*.npz")):
                    with np.load(chunk) as data:
                        self._stored.update(zip(data["keys"].tolist(), data["vectors"], strict=True))
        return self._stored

    def prime(self, captions: Iterable[str]) -> None:
        missing = sorted({c for c in captions if c not in self.vectors})
        if not missing:
            return
        stored = self._load_store() if self.store else {}
        still = []
        for caption in missing:
            vector = stored.get(self._key(caption))
            if vector is not None:
                self.vectors[caption] = vector
            else:
                still.append(caption)
        chunks = [still[i : i + self.CHUNK] for i in range(0, len(still), self.CHUNK)]
        for number, chunk in enumerate(chunks, 1):
            if self.progress and len(chunks) > 1:
                print(f"embedding captions: chunk {number}/{len(chunks)}", flush=True)
            vectors = embed_captions(chunk, progress=self.progress)
            self.vectors.update(zip(chunk, vectors, strict=True))
            if self.store:
                self.store.mkdir(parents=True, exist_ok=True)
                keys = np.array([self._key(c) for c in chunk])
                name = hashlib.sha1("".join(keys.tolist()).encode()).hexdigest()[:16]
                np.savez(self.store / f"{name}.npz", keys=keys, vectors=vectors)
                stored.update(zip(keys.tolist(), vectors, strict=True))

    def __call__(self, caption: str) -> np.ndarray:
        if caption not in self.vectors:
            self.prime([caption])
        return self.vectors[caption]


def embedded_captions(account: AccountRecord, posts: Iterable[PostRecord]) -> list[str]:
    return [] if account.dataset in UNEMBEDDED_DATASETS else [p.caption for p in posts]


def caption_vector(embedder: CaptionEmbedder, account: AccountRecord, caption: str) -> np.ndarray:
    return np.zeros(384) if account.dataset in UNEMBEDDED_DATASETS else embedder(caption)


def dated_posts(account: AccountRecord) -> list[PostRecord]:
    return sorted(account.posts, key=lambda p: p.taken_at)


def median_like_rate(accounts: list[AccountRecord]) -> float:
    """Median over accounts of ln(1 + median likes) − ln(1 + followers): the cold-start prior."""
    rates = [
        math.log1p(float(np.median([p.likes for p in a.posts if p.likes is not None]))) - math.log1p(a.followers)
        for a in accounts
        if a.followers and any(p.likes is not None for p in a.posts)
    ]
    return float(np.median(rates)) if rates else -4.0


def build_examples(
    accounts: list[AccountRecord],
    embedder: CaptionEmbedder,
    *,
    min_history: int = 0,
    prior_like_rate: float | None = None,
    max_targets_per_account: int = 0,
    progress: Callable[[Iterable[Any]], Iterable[Any]] = iter,
) -> Examples:
    """Rows of every post with at least `min_history` earlier posts (the latest `max_targets_per_account` of an
    account, 0 = all). A post without earlier posts needs the account's followers and `prior_like_rate`."""
    if prior_like_rate is None:
        prior_like_rate = median_like_rate(accounts)
    chosen = []
    for account in accounts:
        posts = [p for p in dated_posts(account) if p.likes is not None]
        first = max(min_history, len(posts) - max_targets_per_account) if max_targets_per_account else min_history
        chosen.append((posts, first))
    embedder.prime(
        c
        for account, (posts, first) in zip(accounts, chosen, strict=True)
        for c in embedded_captions(account, posts[first:])
    )
    rows, targets, baselines, groups, eval_flags, raw = [], [], [], [], [], []
    for group, account in enumerate(progress(accounts)):
        posts, first = chosen[group]
        for index in range(first, len(posts)):
            target = posts[index]
            if index == 0 and not account.followers:
                continue  # no history and no audience size: nothing to start from
            context = AccountContext.from_history(posts[:index], account.followers, prior_like_rate, account.niche)
            embedding = caption_vector(embedder, account, target.caption)
            rows.append(post_feature_row(context, target, np.zeros(EMBEDDING_COMPONENTS)))
            raw.append(embedding)
            targets.append(target.log_likes - context.baseline)
            baselines.append(context.baseline)
            groups.append(group)
            eval_flags.append(index >= len(posts) - EVAL_TARGETS_PER_ACCOUNT)
    return Examples(
        rows=np.array(rows).reshape(len(rows), len(FEATURE_NAMES)),
        targets=np.array(targets),
        baselines=np.array(baselines),
        groups=np.array(groups, dtype=int),
        is_eval_target=np.array(eval_flags, dtype=bool),
        raw_embeddings=np.array(raw, dtype=np.float64).reshape(len(rows), -1),
    )


def fit_pca(embeddings: np.ndarray, components: int = EMBEDDING_COMPONENTS) -> tuple[np.ndarray, np.ndarray]:
    nonzero = embeddings[embeddings.any(axis=1)]
    if len(nonzero) <= components:  # no captions (InstaFake alone): no content signal to project
        return np.zeros(embeddings.shape[1]), np.zeros((components, embeddings.shape[1]))
    mean = nonzero.mean(axis=0)
    _, _, vt = np.linalg.svd(nonzero - mean, full_matrices=False)
    return mean, vt[:components]


def _with_embeddings(examples: Examples, model: LikeModel) -> np.ndarray:
    rows = examples.rows.copy()
    start = FEATURE_NAMES.index("emb_0")
    rows[:, start : start + EMBEDDING_COMPONENTS] = model.project_embeddings(examples.raw_embeddings)
    return rows


def _subset(examples: Examples, mask: np.ndarray) -> Examples:
    return Examples(
        rows=examples.rows[mask],
        targets=examples.targets[mask],
        baselines=examples.baselines[mask],
        groups=examples.groups[mask],
        is_eval_target=examples.is_eval_target[mask],
        raw_embeddings=examples.raw_embeddings[mask],
        weights=None if examples.weights is None else examples.weights[mask],
    )


def _configure_tensorflow(seed: int) -> Any:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    import keras
    import tensorflow as tf

    try:
        tf.config.threading.set_inter_op_parallelism_threads(1)
        tf.config.threading.set_intra_op_parallelism_threads(2)
    except RuntimeError:
        # TensorFlow already ran in this process (a worker that scored an audit with its Keras net before the
        # weekly retraining, or a test process): its thread pools are fixed from then on. Only the speed depends
        # on them; the seed and op determinism below still make the training reproducible.
        pass
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
    return keras


def train(
    examples: Examples,
    config: TrainConfig,
    *,
    on_epoch: Callable[[int, dict[str, float]], None] | None = None,
    prior_like_rate: float | None = None,
) -> tuple[LikeModel, dict[str, Any]]:
    """Fit on `examples` (accounts split again for early stopping and interval calibration)."""
    keras = _configure_tensorflow(config.seed)
    from keras import layers, ops

    rng = np.random.default_rng(config.seed)
    accounts = np.unique(examples.groups)
    validation_accounts = rng.choice(accounts, size=max(1, int(len(accounts) * config.validation_share)), replace=False)
    is_validation = np.isin(examples.groups, validation_accounts)
    fit_part, validation_part = _subset(examples, ~is_validation), _subset(examples, is_validation)

    pca_mean, pca_components = fit_pca(fit_part.raw_embeddings)
    model = LikeModel(
        feature_mean=np.zeros(len(FEATURE_NAMES)),
        feature_scale=np.ones(len(FEATURE_NAMES)),
        pca_mean=pca_mean,
        pca_components=pca_components,
        members=[],
        prior_like_rate=prior_like_rate,
    )
    x_fit = _with_embeddings(fit_part, model)
    x_validation = _with_embeddings(validation_part, model)
    mean, scale = x_fit.mean(axis=0), x_fit.std(axis=0)
    constant = scale < 1e-8
    scale[constant] = 1.0  # constant columns (e.g. image statistics never observed) stay at 0
    model.feature_mean, model.feature_scale = mean, scale
    model.constant_features = [name for name, flat in zip(FEATURE_NAMES, constant, strict=True) if flat]

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
    if fit_part.weights is not None:
        weights = weights * fit_part.weights
    # Posts without any earlier post (cold start) are the noisiest targets (baseline from followers only) and,
    # with kim2020's 1–2-post accounts, a third of the rows: weighted down so they do not drown the history signal.
    no_history = x_fit[:, FEATURE_NAMES.index("acc_n_history")] == 0
    weights = np.where(no_history, weights * config.cold_start_weight, weights)
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
        # Several steps per call: the net is small, so Python overhead per step, not arithmetic, set the pace.
        network.compile(
            optimizer=keras.optimizers.Adam(config.learning_rate),
            loss=loss,
            steps_per_execution=config.steps_per_execution,
        )
        callbacks: list[Any] = [keras.callbacks.EarlyStopping(patience=config.patience, restore_best_weights=True)]
        if on_epoch:
            callbacks.append(keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: on_epoch(epoch, logs)))
        history = network.fit(
            model.prepare(x_fit),
            fit_part.targets[:, None],
            sample_weight=weights,
            validation_data=(model.prepare(x_validation[stop_on]), validation_part.targets[stop_on][:, None]),
            epochs=config.epochs,
            batch_size=config.batch_size,
            shuffle=True,
            verbose=0,
            callbacks=callbacks,
        )
        model.members.append(
            [
                (layer.get_weights()[0].astype(np.float64), layer.get_weights()[1].astype(np.float64))
                for layer in network.layers
                if isinstance(layer, layers.Dense)
            ]
        )
        epochs_run.append(len(history.history["loss"]))
        best_losses.append(float(min(history.history["val_loss"])))

    # Calibrate the 80% interval on the validation accounts: scale each side so 10% fall outside it.
    predicted = model.forward(x_validation)
    y = validation_part.targets
    below_gap = (predicted[:, 0] - y) / np.maximum(predicted[:, 0] - predicted[:, 1], 1e-6)
    above_gap = (y - predicted[:, 0]) / np.maximum(predicted[:, 2] - predicted[:, 0], 1e-6)
    model.interval_scale = (_side_scale(below_gap), _side_scale(above_gap))
    model.familiarity = fit_familiarity(model, x_fit, x_validation, y)
    calibrated = model.forward(x_validation)
    has_history = x_validation[:, FEATURE_NAMES.index("acc_n_history")] > 0
    model.residual_prior_posts, prior_errors = fit_residual_prior(calibrated, y, validation_part.groups, has_history)
    coverage = float(np.mean((y >= calibrated[:, 1]) & (y <= calibrated[:, 2]))) if len(y) else float("nan")
    info = {
        "epochs": epochs_run,
        "validation_loss": round(float(np.mean(best_losses)), 4),
        "validation_interval_coverage": round(coverage, 4),
        "familiarity": model.familiarity.to_meta(),
        "residual_prior_posts": model.residual_prior_posts,
        "residual_prior_validation_mse": prior_errors,
        "fit_examples": int(len(fit_part.targets)),
        "validation_examples": int(len(y)),
    }
    return model, info


def fit_familiarity(
    model: LikeModel, x_fit: np.ndarray, x_validation: np.ndarray, y_validation: np.ndarray
) -> Familiarity:
    """Learn on the validation accounts how much to trust the network away from the training accounts: per
    unfamiliarity bin, the least-squares shrink of the centre toward the baseline and the widening of each
    side of the interval that keeps 10% beyond it. Sparse bins inherit from the bin before; shrink never grows
    and widening never narrows with distance."""
    columns = [FEATURE_NAMES.index(name) for name in FAMILIARITY_FEATURES]
    low = np.percentile(x_fit[:, columns], FAMILIARITY_RANGE[0], axis=0)
    high = np.percentile(x_fit[:, columns], FAMILIARITY_RANGE[1], axis=0)
    familiarity = Familiarity(
        low=[float(v) for v in low],
        high=[float(v) for v in high],
        edges=list(FAMILIARITY_EDGES),
        shrink=[],
        widen_low=[],
        widen_high=[],
    )
    raw = model.forward(x_validation, adjust=False)
    u, _ = familiarity.unfamiliarity(x_validation)
    bins = familiarity.bin_of(u)
    shrink, widen_low, widen_high = 1.0, 1.0, 1.0
    for b in range(len(FAMILIARITY_EDGES) + 2):
        mask = bins == b
        if mask.sum() >= FAMILIARITY_MIN_ROWS:
            centre, y = raw[mask, 0], y_validation[mask]
            fitted = float(np.clip(np.sum(centre * y) / max(np.sum(centre * centre), 1e-9), 0.0, 1.0))
            shrink = min(shrink, fitted) if b else fitted
            shrunk = centre * shrink
            below = (shrunk - y) / np.maximum(centre - raw[mask, 1], 1e-6)
            above = (y - shrunk) / np.maximum(raw[mask, 2] - centre, 1e-6)
            low_side, high_side = _side_scale(below), _side_scale(above)
            widen_low = max(widen_low, low_side) if b else low_side
            widen_high = max(widen_high, high_side) if b else high_side
        familiarity.shrink.append(round(shrink, 4))
        familiarity.widen_low.append(round(widen_low, 4))
        familiarity.widen_high.append(round(widen_high, 4))
    return familiarity


RESIDUAL_PRIORS: tuple[float, ...] = (4, 8, 16, 32, 64, 128, 256)  # candidate prior strengths, in posts


def fit_residual_prior(
    outputs: np.ndarray, y: np.ndarray, groups: np.ndarray, has_history: np.ndarray
) -> tuple[float | None, dict[str, float]]:
    """How much an account's recent residuals should move its next prediction (`model.account_range`), chosen on
    the validation accounts: each of their rows with at least ACCOUNT_RANGE_MIN_POSTS earlier rows (of the same
    account, with history, within BACKTEST_POSTS) is predicted as centre + sum of those residuals / (n + prior);
    the prior in RESIDUAL_PRIORS with the lowest squared error wins, or None (no shift) if none beats it.
    Examples are contiguous per account and in time order (`build_examples`). Returns (prior, mse by prior)."""
    residual = y - outputs[:, 0]
    sums, counts = np.zeros(len(y)), np.zeros(len(y))
    for i in range(len(y)):
        earlier = [j for j in range(max(i - BACKTEST_POSTS, 0), i) if groups[j] == groups[i] and has_history[j]]
        sums[i], counts[i] = residual[earlier].sum(), len(earlier)
    eligible = counts >= ACCOUNT_RANGE_MIN_POSTS
    if not eligible.any():
        return None, {}
    errors = {"none": float(np.mean(residual[eligible] ** 2))}
    for prior in RESIDUAL_PRIORS:
        shifted = residual[eligible] - sums[eligible] / (counts[eligible] + prior)
        errors[str(prior)] = float(np.mean(shifted**2))
    best = min(errors, key=lambda key: errors[key])
    return (None if best == "none" else float(best)), {k: round(v, 6) for k, v in errors.items()}


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
        return {
            "accounts": self.accounts,
            "targets": self.targets,
            "log_mse": round(self.log_mse, 6),
            "baseline_log_mse": round(self.baseline_log_mse, 6),
        }

    def summary(self) -> dict[str, Any]:
        """Every figure, with the ratio to the baseline (what the targets are stated in); null where no account
        qualified (JSON has no NaN)."""
        ratio = self.log_mse / self.baseline_log_mse if self.baseline_log_mse else float("nan")
        figures = {
            **self.as_dict(),
            "ratio_to_baseline": round(ratio, 4),
            "interval_coverage_80": round(self.interval_coverage, 4),
        }
        return {
            key: None if isinstance(value, float) and math.isnan(value) else value for key, value in figures.items()
        }


def protocol_rows(
    accounts: list[AccountRecord],
    model: LikeModel,
    embedder: CaptionEmbedder,
    cold_start: bool = False,
    previous: list[np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, np.ndarray]:
    """Feature rows of the evaluation protocol: for every account with ≥4 dated posts, its last 3 posts, each
    from the profile and all earlier posts plus its own caption, time, type and image description (never its
    likes or comments). Returns rows, baselines, actual ln(1+likes), the number of accounts and each row's
    (interval factor, shift) from the account's own record (`model.account_range` on the BACKTEST_POSTS posts
    before the target, as scoring does; (1, 0) where there are too few).

    `cold_start`: instead, every account with 1–3 posts has its last post predicted from the 0–2 before it
    (with none, the baseline is the follower count times the model's prior likes per follower).
    `previous`: when given, gets each target's RECENT_POSTS earlier posts' ln(1+likes) (the standing's yardstick)."""
    if cold_start:
        return _cold_start_rows(accounts, model, embedder)
    window = EVAL_TARGETS_PER_ACCOUNT + BACKTEST_POSTS
    # Only the predicted posts' captions are embedded (earlier posts enter through likes and caption stats).
    embedder.prime(
        c for a in accounts if len(a.posts) >= EVAL_MIN_POSTS for c in embedded_captions(a, dated_posts(a)[-window:])
    )
    rows: list[np.ndarray] = []
    baselines: list[float] = []
    actual: list[float] = []
    targets: list[tuple[int, list[int]]] = []
    n_accounts = 0
    for account in accounts:
        posts = dated_posts(account)
        if len(posts) < EVAL_MIN_POSTS:
            continue
        first = len(posts) - EVAL_TARGETS_PER_ACCOUNT
        vectors = np.zeros((len(posts), EMBEDDING_COMPONENTS))
        start = max(first - BACKTEST_POSTS, 0)
        vectors[start:] = model.project_embeddings(
            np.array([caption_vector(embedder, account, p.caption) for p in posts[start:]])
        )
        kept, account_rows, account_baselines = history_rows(posts, account.followers, account.niche, vectors, start)
        log_likes = np.array([posts[i].log_likes for i in kept])
        offset = len(rows)
        rows.extend(account_rows)
        baselines.extend(account_baselines)
        actual.extend(log_likes)
        for k, index in enumerate(kept):
            if index >= first:
                back = [offset + m for m, j in enumerate(kept) if index - BACKTEST_POSTS <= j < index]
                targets.append((offset + k, back))
                if previous is not None:
                    earlier = [p.log_likes for p in posts[max(index - RECENT_POSTS, 0) : index] if p.likes is not None]
                    previous.append(np.array(earlier))
        n_accounts += int(any(index >= first for index in kept))
    all_rows = np.array(rows).reshape(len(rows), len(FEATURE_NAMES))
    all_baselines, all_actual = np.array(baselines), np.array(actual)
    outputs = model.forward(all_rows) if len(all_rows) else np.zeros((0, 3))
    adjustments = np.tile([1.0, 0.0], (len(targets), 1))
    for t, (_, back) in enumerate(targets):
        fitted = account_range(outputs[back], all_actual[back] - all_baselines[back], model.residual_prior_posts)
        if fitted:
            adjustments[t] = fitted.scale, fitted.shift
    chosen = [row for row, _ in targets]
    return all_rows[chosen], all_baselines[chosen], all_actual[chosen], n_accounts, adjustments


def _cold_start_rows(
    accounts: list[AccountRecord], model: LikeModel, embedder: CaptionEmbedder
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, np.ndarray]:
    chosen = []
    for account in accounts:
        posts = [p for p in dated_posts(account) if p.likes is not None]
        if 1 <= len(posts) <= COLD_START_MAX_HISTORY + 1 and (len(posts) > 1 or account.followers):
            chosen.append((account, posts))
    embedder.prime(c for account, posts in chosen for c in embedded_captions(account, posts[-1:]))
    rows, baselines, actual = [], [], []
    for account, posts in chosen:
        target = posts[-1]
        context = AccountContext.from_history(posts[:-1], account.followers, model.prior_like_rate, account.niche)
        vector = model.project_embeddings(caption_vector(embedder, account, target.caption))[0]
        rows.append(post_feature_row(context, target, vector))
        baselines.append(context.baseline)
        actual.append(target.log_likes)
    return (
        np.array(rows).reshape(len(rows), len(FEATURE_NAMES)),
        np.array(baselines),
        np.array(actual),
        len(chosen),
        np.tile([1.0, 0.0], (len(rows), 1)),
    )


def calibration(quantiles: np.ndarray, actual: np.ndarray, previous: list[np.ndarray]) -> dict[str, Any]:
    """Reliability tables of the two figures a reviewer reads, on the evaluated posts: the expected number of the
    account's previous posts the post beats (ml.engine.likes.standing) against the number it did beat, and the
    chance of doubling the median of those posts (the virality score) against how often it happened."""
    standing_bins: dict[str, list[float]] = {}
    virality_bins: dict[str, list[float]] = {}
    virality_edges = [(0.0, 0.01), (0.01, 0.05), (0.05, 0.2), (0.2, 1.01)]
    for q, y, earlier in zip(quantiles, actual, previous, strict=True):
        if len(earlier) < 3:
            continue
        rows = np.repeat(q[None, :], len(earlier), axis=0)
        expected = float(LikeModel.exceedance(rows, earlier).sum()) / len(earlier)
        observed = float(np.mean(earlier < y))
        band = min(int(expected * 5), 4)
        key = f"{band * 20}-{band * 20 + 20}%"
        standing_bins.setdefault(key, []).extend([expected, observed])
        threshold = math.log1p(2 * float(np.median(np.expm1(earlier))))
        chance = float(LikeModel.exceedance(q[None, :], threshold)[0])
        doubled = float(y >= threshold)
        for low, high in virality_edges:
            if low <= chance < high:
                virality_bins.setdefault(f"{low:.0%}-{min(high, 1):.0%}", []).extend([chance, doubled])

    def table(bins: dict[str, list[float]]) -> list[dict[str, Any]]:
        out = []
        for key, values in sorted(bins.items(), key=lambda kv: float(kv[0].split("-")[0].rstrip("%"))):
            predicted, happened = values[0::2], values[1::2]
            out.append(
                {
                    "bin": key,
                    "n": len(predicted),
                    "predicted": round(float(np.mean(predicted)), 4),
                    "observed": round(float(np.mean(happened)), 4),
                }
            )
        return out

    return {"standing_share_beaten": table(standing_bins), "virality": table(virality_bins)}


def evaluate(
    accounts: list[AccountRecord],
    model: LikeModel,
    embedder: CaptionEmbedder,
    cold_start: bool = False,
    calibration_out: dict[str, Any] | None = None,
) -> EvaluationResult:
    """`calibration_out`: when given (history protocol), filled with the reliability tables of `calibration`."""
    previous: list[np.ndarray] | None = [] if calibration_out is not None and not cold_start else None
    rows, baselines, actual, n_accounts, adjustments = protocol_rows(
        accounts, model, embedder, cold_start=cold_start, previous=previous
    )
    if not len(actual):
        return EvaluationResult(0, 0, float("nan"), float("nan"), float("nan"))
    quantiles = with_range(model.forward(rows), adjustments[:, 0], adjustments[:, 1]) + baselines[:, None]
    if previous is not None and calibration_out is not None:
        calibration_out.update(calibration(quantiles, actual, previous))
    # Predicted likes are rounded to whole likes, as the product shows them; the metric uses those.
    predicted_log = np.log1p(np.maximum(np.round(np.expm1(quantiles[:, 0])), 0))
    baseline_log = np.log1p(np.maximum(np.round(np.expm1(baselines)), 0))
    return EvaluationResult(
        accounts=n_accounts,
        targets=len(actual),
        log_mse=float(np.mean((predicted_log - actual) ** 2)),
        baseline_log_mse=float(np.mean((baseline_log - actual) ** 2)),
        interval_coverage=float(np.mean((actual >= quantiles[:, 1]) & (actual <= quantiles[:, 2]))),
    )


def _pooled(results: list[EvaluationResult]) -> EvaluationResult:
    results = [r for r in results if r.targets]
    targets = sum(r.targets for r in results)
    if not targets:
        return EvaluationResult(0, 0, float("nan"), float("nan"), float("nan"))
    return EvaluationResult(
        accounts=sum(r.accounts for r in results),
        targets=targets,
        log_mse=sum(r.log_mse * r.targets for r in results) / targets,
        baseline_log_mse=sum(r.baseline_log_mse * r.targets for r in results) / targets,
        interval_coverage=sum(r.interval_coverage * r.targets for r in results) / targets,
    )


def _by_dataset(accounts: list[AccountRecord]) -> dict[str, list[AccountRecord]]:
    grouped: dict[str, list[AccountRecord]] = {}
    for account in accounts:
        grouped.setdefault(account.dataset, []).append(account)
    return grouped


def fit(
    accounts: list[AccountRecord],
    embedder: CaptionEmbedder,
    config: TrainConfig,
    *,
    on_epoch: Callable[[int, dict[str, float]], None] | None = None,
    progress: Callable[[Iterable[Any]], Iterable[Any]] = iter,
) -> tuple[LikeModel, dict[str, Any]]:
    """Train on `accounts` (the cold-start prior is theirs too)."""
    prior = median_like_rate(accounts)
    examples = build_examples(
        accounts,
        embedder,
        min_history=config.min_history,
        prior_like_rate=prior,
        max_targets_per_account=config.max_targets_per_account,
        progress=progress,
    )
    if config.dataset_weights:
        per_account = np.array([config.dataset_weights.get(a.dataset, 1.0) for a in accounts])
        examples.weights = per_account[examples.groups]
    return train(examples, config, on_epoch=on_epoch, prior_like_rate=prior)


PROTOCOLS = ("history", "cold_start")


def evaluate_protocols(
    accounts: list[AccountRecord], model: LikeModel, embedder: CaptionEmbedder
) -> dict[str, EvaluationResult]:
    """Both evaluation protocols on the same accounts: "history" (the last 3 posts of every account with ≥4
    dated posts) and "cold_start" (accounts with 1–3 posts, the last predicted from the 0–2 before it)."""
    return {kind: evaluate(accounts, model, embedder, cold_start=kind == "cold_start") for kind in PROTOCOLS}


def summarise_protocols(results: dict[str, EvaluationResult]) -> dict[str, dict[str, Any]]:
    """The JSON report of `evaluate_protocols` (what meta.json, crossval and evaluate_model print)."""
    return {kind: result.summary() for kind, result in results.items()}


def score_by_dataset(
    accounts: list[AccountRecord], model: LikeModel, embedder: CaptionEmbedder
) -> dict[str, dict[str, EvaluationResult]]:
    return {name: evaluate_protocols(group, model, embedder) for name, group in sorted(_by_dataset(accounts).items())}


def grouped_cross_validation(
    accounts: list[AccountRecord],
    embedder: CaptionEmbedder,
    config: TrainConfig,
    *,
    folds: int = 5,
    progress: Callable[[Iterable[Any]], Iterable[Any]] = iter,
) -> dict[str, Any]:
    """k-fold by account over every dataset at once: train on k−1 folds, score the held-out fold's accounts
    with the evaluation protocol (and the cold-start protocol), per dataset."""
    order = np.random.default_rng(config.seed).permutation(len(accounts))
    fold_of = np.empty(len(accounts), dtype=int)
    fold_of[order] = np.arange(len(accounts)) % folds
    per_fold: list[dict[str, dict[str, EvaluationResult]]] = []
    for fold in progress(range(folds)):
        model, _ = fit([a for i, a in enumerate(accounts) if fold_of[i] != fold], embedder, config)
        per_fold.append(score_by_dataset([a for i, a in enumerate(accounts) if fold_of[i] == fold], model, embedder))
    result: dict[str, Any] = {"folds": folds}
    for name in sorted(per_fold[0]):
        result[name] = {kind: _pooled([f[name][kind] for f in per_fold if name in f]).summary() for kind in PROTOCOLS}
        result[name]["history_per_fold_ratio"] = [
            round(f[name]["history"].log_mse / f[name]["history"].baseline_log_mse, 4)
            for f in per_fold
            if name in f and f[name]["history"].targets
        ]
    return result


def leave_one_dataset_out(
    accounts: list[AccountRecord],
    embedder: CaptionEmbedder,
    config: TrainConfig,
    *,
    progress: Callable[[Iterable[Any]], Iterable[Any]] = iter,
) -> dict[str, Any]:
    """Train on every dataset but one, score all of the one left out."""
    grouped = _by_dataset(accounts)
    result: dict[str, Any] = {}
    for name in progress(sorted(grouped)):
        model, _ = fit([a for a in accounts if a.dataset != name], embedder, config)
        result[name] = summarise_protocols(evaluate_protocols(grouped[name], model, embedder))
        result[name]["residual_prior_posts"] = model.residual_prior_posts  # chosen on the others' validation
    return result


def train_final(
    accounts: list[AccountRecord],
    embedder: CaptionEmbedder,
    config: TrainConfig,
    *,
    on_epoch: Callable[[int, dict[str, float]], None] | None = None,
    progress: Callable[[Iterable[Any]], Iterable[Any]] = iter,
) -> tuple[LikeModel, dict[str, Any]]:
    return fit(accounts, embedder, config, on_epoch=on_epoch, progress=progress)


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
