"""The trained authenticity model as plain numpy: imputation + missing indicators, standardisation, the dense
net's forward pass from exported Keras weights, Platt calibration, and an optional gradient-boosting partner.

Inference never imports TensorFlow: a 100,000-account batch is a few matrix products.
"""

from __future__ import annotations

import gzip
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ml.engine.authenticity.features import FEATURES, feature_matrix


@dataclass
class Preprocessor:
    """Keeps the columns the training data carried; adds an is-missing indicator where training saw gaps."""

    kept: np.ndarray  # indices into the full feature matrix
    indicators: np.ndarray  # indices (into kept) that get an is-missing column
    fill: np.ndarray  # training median per kept column
    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, matrix: np.ndarray) -> Preprocessor:
        present = ~np.isnan(matrix)
        kept = np.flatnonzero(present.any(axis=0))
        sub = matrix[:, kept]
        fill = np.array([np.median(col[~np.isnan(col)]) for col in sub.T])
        indicators = np.flatnonzero(np.isnan(sub).any(axis=0))
        transformed = cls._stack(sub, fill, indicators)
        mean, scale = transformed.mean(axis=0), transformed.std(axis=0)
        scale[scale < 1e-9] = 1.0
        return cls(kept, indicators, fill, mean, scale)

    @staticmethod
    def _stack(sub: np.ndarray, fill: np.ndarray, indicators: np.ndarray) -> np.ndarray:
        missing = np.isnan(sub)
        imputed = np.where(missing, fill, sub)
        return np.hstack([imputed, missing[:, indicators].astype(np.float64)])

    def transform(self, matrix: np.ndarray) -> np.ndarray:
        sub = matrix[:, self.kept]
        return ((self._stack(sub, self.fill, self.indicators) - self.mean) / self.scale).astype(np.float32)

    def to_arrays(self, prefix: str = "pre_") -> dict[str, np.ndarray]:
        return {f"{prefix}{name}": getattr(self, name) for name in ("kept", "indicators", "fill", "mean", "scale")}

    @classmethod
    def from_arrays(cls, arrays: Any, prefix: str = "pre_") -> Preprocessor:
        return cls(*(np.asarray(arrays[f"{prefix}{name}"]) for name in ("kept", "indicators", "fill", "mean", "scale")))


LARGE_BATCH = 2000  # rows from which the compiled scikit-learn tree predictor pays for its import
_controller: Any = None


def _single_thread(api: str) -> Any:
    """Run BLAS / OpenMP single-threaded inside the block. The inputs are thin, and on busy shared cores idle
    threads spinning at a barrier cost far more than they save (a 1-row predict went from ~0.3 ms to ~40 ms)."""
    global _controller
    if _controller is None:
        from threadpoolctl import ThreadpoolController

        _controller = ThreadpoolController()  # scanning loaded libraries is the slow part: once per process
    return _controller.limit(limits=1, user_api=api)


def dense_forward(weights: list[np.ndarray], inputs: np.ndarray) -> np.ndarray:
    """Logits of a ReLU dense net given [W0, b0, W1, b1, ...] (dropout is off at inference)."""
    hidden = inputs
    layers = len(weights) // 2
    with _single_thread("blas"):
        for i in range(layers):
            hidden = hidden @ weights[2 * i] + weights[2 * i + 1]
            if i < layers - 1:
                np.maximum(hidden, 0, out=hidden)
    return hidden[:, 0].astype(np.float64)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


@dataclass
class TreeEnsemble:
    """A fitted binary HistGradientBoostingClassifier as flat numpy arrays (all trees' nodes in one table), so
    artifacts carry no pickle and inference needs neither scikit-learn nor its import time.

    Routing matches scikit-learn's numerical splits: NaN follows `missing_left`, else `x <= threshold` goes left."""

    feature: np.ndarray
    threshold: np.ndarray
    missing_left: np.ndarray
    left: np.ndarray
    right: np.ndarray
    is_leaf: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    baseline: float
    max_depth: int
    float32_inputs: bool = False  # scikit-learn's forests compare float32 copies of the inputs with thresholds

    @classmethod
    def from_sklearn(cls, booster: Any) -> TreeEnsemble:
        if getattr(booster, "is_categorical_", None) is not None and np.any(booster.is_categorical_):
            raise ValueError("categorical splits are not supported")
        tables, roots, offset = [], [], 0
        for (predictor,) in booster._predictors:  # binary: one tree per iteration
            nodes = predictor.nodes
            roots.append(offset)
            tables.append((nodes, offset))
            offset += len(nodes)
        nodes = np.concatenate([table for table, _ in tables])
        shift = np.concatenate([np.full(len(table), off) for table, off in tables])
        return cls(
            feature=nodes["feature_idx"].astype(np.int32),
            threshold=nodes["num_threshold"].astype(np.float64),
            missing_left=nodes["missing_go_to_left"].astype(bool),
            left=(nodes["left"] + shift).astype(np.int32),
            right=(nodes["right"] + shift).astype(np.int32),
            is_leaf=nodes["is_leaf"].astype(bool),
            value=nodes["value"].astype(np.float64),
            roots=np.array(roots, dtype=np.int32),
            baseline=float(np.ravel(booster._baseline_prediction)[0]),
            max_depth=int(nodes["depth"].max()),
        )

    @classmethod
    def from_sklearn_forest(cls, forest: Any) -> TreeEnsemble:
        """A fitted binary RandomForestClassifier in the same flat form: each leaf holds its tree's share of the
        positive-class probability (fraction / number of trees), so the summed 'raw' output is the forest's
        predict_proba[:, 1] (a test checks this). NaN routing follows scikit-learn's `missing_go_to_left`."""
        parts, roots, offset = [], [], 0
        n_trees = len(forest.estimators_)
        for estimator in forest.estimators_:
            tree = estimator.tree_
            leaf = tree.children_left == -1
            roots.append(offset)
            parts.append(
                {
                    "feature": np.where(leaf, 0, tree.feature),
                    "threshold": np.where(leaf, 0.0, tree.threshold),
                    "missing_left": np.asarray(tree.missing_go_to_left, dtype=bool),
                    "left": np.where(leaf, 0, tree.children_left) + offset,
                    "right": np.where(leaf, 0, tree.children_right) + offset,
                    "is_leaf": leaf,
                    "value": tree.value[:, 0, 1] / tree.value[:, 0, :].sum(axis=1) / n_trees,
                }
            )
            offset += tree.node_count
        stack = {key: np.concatenate([part[key] for part in parts]) for key in parts[0]}
        return cls(
            feature=stack["feature"].astype(np.int32),
            threshold=stack["threshold"].astype(np.float64),
            missing_left=stack["missing_left"],
            left=stack["left"].astype(np.int32),
            right=stack["right"].astype(np.int32),
            is_leaf=stack["is_leaf"],
            value=stack["value"],
            roots=np.array(roots, dtype=np.int32),
            baseline=0.0,
            max_depth=int(max(estimator.tree_.max_depth for estimator in forest.estimators_)),
            float32_inputs=True,
        )

    def predict_raw(self, matrix: np.ndarray) -> np.ndarray:
        """Log-odds for each row. Every (row, tree) pair walks down together, one level per step; pairs that
        reached a leaf drop out of the working set, so the cost follows the average depth, not the deepest."""
        n, trees = len(matrix), len(self.roots)
        if self.float32_inputs:
            matrix = np.asarray(matrix, dtype=np.float32)
        values = np.ascontiguousarray(matrix, dtype=np.float64).ravel()
        width = matrix.shape[1]
        node = np.tile(self.roots, n)
        base = np.repeat(np.arange(n, dtype=np.int64) * width, trees)
        active = np.flatnonzero(~self.is_leaf[node])
        while active.size:
            current = node[active]
            x = values[base[active] + self.feature[current]]
            nxt = np.where(x <= self.threshold[current], self.left[current], self.right[current])
            missing = np.isnan(x)
            if missing.any():
                nxt[missing] = np.where(
                    self.missing_left[current[missing]], self.left[current[missing]], self.right[current[missing]]
                )
            node[active] = nxt
            active = active[~self.is_leaf[nxt]]
        return self.baseline + self.value[node].reshape(n, trees).sum(axis=1)

    def to_arrays(self, prefix: str = "gb_") -> dict[str, np.ndarray]:
        arrays = {
            f"{prefix}{name}": getattr(self, name)
            for name in ("feature", "threshold", "missing_left", "left", "right", "is_leaf", "value", "roots")
        }
        arrays[f"{prefix}scalars"] = np.array(
            [self.baseline, self.max_depth, float(self.float32_inputs)], dtype=np.float64
        )
        return arrays

    @classmethod
    def from_arrays(cls, arrays: Any, prefix: str = "gb_") -> TreeEnsemble | None:
        if f"{prefix}scalars" not in arrays:
            return None
        scalars = np.asarray(arrays[f"{prefix}scalars"])

        def column(name: str) -> np.ndarray:
            return np.asarray(arrays[f"{prefix}{name}"])

        return cls(
            column("feature"),
            column("threshold"),
            column("missing_left"),
            column("left"),
            column("right"),
            column("is_leaf"),
            column("value"),
            column("roots"),
            baseline=float(scalars[0]),
            max_depth=int(scalars[1]),
            float32_inputs=bool(scalars[2]) if len(scalars) > 2 else False,
        )


@dataclass
class AuthenticityModel:
    platform: str
    preprocessor: Preprocessor
    weights: list[np.ndarray]
    platt: tuple[float, float] = (1.0, 0.0)  # calibrated p = sigmoid(a * logit + b)
    booster: TreeEnsemble | None = None  # gradient boosting, used only where it helped on validation data
    booster_platt: tuple[float, float] = (1.0, 0.0)
    threshold: float = 0.5
    net_weight: float = 0.5  # blend = net_weight * net + (1 - net_weight) * second family
    bigrams: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    # The same boosted trees as fitted by scikit-learn: identical predictions, faster on large batches (compiled
    # predictor) but a second of import; loaded lazily the first time a large batch arrives.
    sklearn_booster: Any = None
    folder: Path | None = None
    # Instagram: the follower-list model of staged audits (ml.engine.authenticity.staged), when trained.
    list_model: Any = None

    # -- inference -------------------------------------------------------------------------------------------
    def features(self, columns: dict[str, list[Any]]) -> np.ndarray:
        return feature_matrix(self.platform, columns, bigrams=self.bigrams)

    def net_probability(self, matrix: np.ndarray) -> np.ndarray:
        a, b = self.platt
        return sigmoid(a * np.clip(dense_forward(self.weights, self.preprocessor.transform(matrix)), -15, 15) + b)

    def booster_probability(self, matrix: np.ndarray) -> np.ndarray:
        if self.booster is None:
            raise ValueError("This model has no tree ensemble to blend.")
        booster = self.booster
        a, b = self.booster_platt
        inputs = matrix[:, self.preprocessor.kept]
        compiled = self._compiled_booster() if len(inputs) >= LARGE_BATCH else None
        if compiled is not None:
            with _single_thread("openmp"):
                raw = (
                    compiled.decision_function(inputs)
                    if hasattr(compiled, "decision_function")
                    else compiled.predict_proba(inputs)[:, 1]
                )  # a forest's raw output is its probability
        else:
            raw = booster.predict_raw(inputs)
        return sigmoid(a * np.clip(raw, -15, 15) + b)

    def _compiled_booster(self) -> Any:
        if self.sklearn_booster is None and self.folder is not None:
            if (self.folder / "booster.pkl").exists():
                self.sklearn_booster = pickle.loads((self.folder / "booster.pkl").read_bytes())
            elif (self.folder / "forest.pkl.gz").exists():
                self.sklearn_booster = pickle.loads(gzip.decompress((self.folder / "forest.pkl.gz").read_bytes()))
            else:
                return None
            global _controller
            _controller = None  # scikit-learn just loaded its OpenMP runtime: rescan, or the limit misses it
        return self.sklearn_booster

    def predict_proba_matrix(self, matrix: np.ndarray) -> np.ndarray:
        probability = self.net_probability(matrix)
        if self.booster is not None:
            probability = self.net_weight * probability + (1 - self.net_weight) * self.booster_probability(matrix)
        return probability

    def predict_proba(self, columns: dict[str, list[Any]]) -> np.ndarray:
        return self.predict_proba_matrix(self.features(columns))

    def contributions(self, matrix: np.ndarray) -> tuple[list[str], np.ndarray]:
        """Per feature group, how much the dense net's log-odds of 'inauthentic' drop when that group is replaced
        by 'unknown' (training median, flagged missing). Positive = the group pushes towards fake/bot.

        The net alone is explained (not the blend): it is smooth, so occlusion is meaningful, and a batch of
        suspicious followers x feature groups stays a few matrix products."""
        kept = set(self.preprocessor.kept.tolist())
        # Groups the training data never carried cannot move the model: leave them out of the batch.
        groups = sorted({feature.group for i, feature in enumerate(FEATURES[self.platform]) if i in kept})
        n = matrix.shape[0]
        base = logit(self.net_probability(matrix))
        blanked = np.repeat(matrix[None, :, :], len(groups), axis=0)
        for g, group in enumerate(groups):
            columns = [i for i, feature in enumerate(FEATURES[self.platform]) if feature.group == group]
            blanked[g][:, columns] = np.nan
        occluded = logit(self.net_probability(blanked.reshape(len(groups) * n, -1))).reshape(len(groups), n)
        return groups, (base[None, :] - occluded).T

    # -- persistence -----------------------------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, Any] = self.preprocessor.to_arrays()
        arrays.update({f"w{i}": w.astype(np.float32) for i, w in enumerate(self.weights)})
        if self.booster is not None:
            arrays.update(self.booster.to_arrays())
        np.savez_compressed(folder / "model.npz", **arrays)
        if self.sklearn_booster is not None:
            if hasattr(self.sklearn_booster, "decision_function"):
                (folder / "booster.pkl").write_bytes(pickle.dumps(self.sklearn_booster))
            else:  # random forest: much larger, compressed (about a quarter)
                (folder / "forest.pkl.gz").write_bytes(gzip.compress(pickle.dumps(self.sklearn_booster), mtime=0))
        params = {
            "platt": list(self.platt),
            "booster_platt": list(self.booster_platt),
            "threshold": self.threshold,
            "net_weight": self.net_weight,
            "layers": len(self.weights) // 2,
            "platform": self.platform,
        }
        (folder / "params.json").write_text(json.dumps(params, indent=1))
        if self.bigrams:
            (folder / "bigrams.json").write_text(json.dumps(self.bigrams, separators=(",", ":")))
        (folder / "meta.json").write_text(json.dumps(self.meta, indent=1, sort_keys=True))

    @classmethod
    def load(cls, folder: Path) -> AuthenticityModel:
        from ml.engine.authenticity.staged import ListModel  # staged builds on TreeEnsemble (this module)

        params = json.loads((folder / "params.json").read_text())
        with np.load(folder / "model.npz") as arrays:
            preprocessor = Preprocessor.from_arrays(arrays)
            weights = [np.asarray(arrays[f"w{i}"]) for i in range(2 * params["layers"])]
            booster = TreeEnsemble.from_arrays(arrays)
        bigrams = json.loads((folder / "bigrams.json").read_text()) if (folder / "bigrams.json").exists() else {}
        meta = json.loads((folder / "meta.json").read_text()) if (folder / "meta.json").exists() else {}
        return cls(
            platform=params["platform"],
            preprocessor=preprocessor,
            weights=weights,
            platt=tuple(params["platt"]),
            booster=booster,
            booster_platt=tuple(params["booster_platt"]),
            threshold=params["threshold"],
            net_weight=params.get("net_weight", 0.5),
            bigrams=bigrams,
            meta=meta,
            folder=folder,
            list_model=ListModel.load(folder),
        )
