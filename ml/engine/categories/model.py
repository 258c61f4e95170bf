"""The niche classifier: TF-IDF views of what an influencer posts, one multinomial logistic regression,
temperature-calibrated out of fold.

Views (each its own vectoriser, so one view's vocabulary cannot crowd out another's):
- words: captions with hashtags, bio and business category (word uni- and bigrams),
- image: Instagram's automatic image descriptions ("Image may contain: food, indoor"),
- name: handle and display name as character n-grams ("makeupbynvs", "Chef Ana").

A second view reads meaning rather than words: the mean MiniLM vector of the influencer's posts (caption and
location), fed to its own logistic regression. Its logits are added to the TF-IDF logits with a weight chosen out of
fold. Without vectors (a caller that does not embed, or posts with no text) the words-only logits are used, with
their own out-of-fold calibration. README.md beside this file has the cross-validated figures.
"""

from __future__ import annotations

import gzip
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ml.engine.categories.records import CATEGORIES, InfluencerPosts, PostText

IMAGE_PREFIX = "Image may contain:"
EMBEDDING_DIM = 384
MODEL_FILE = "model.pkl.gz"
META_FILE = "meta.json"


def post_words(post: PostText) -> str:
    return f"{post.caption} {post.location}".strip()


def post_image(post: PostText) -> str:
    return post.image_description.replace(IMAGE_PREFIX, " ").strip()


def influencer_views(influencer: InfluencerPosts) -> dict[str, str]:
    words = " ".join([influencer.bio, influencer.business_category, *(post_words(p) for p in influencer.posts)])
    return {
        "words": words.strip(),
        "image": " ".join(post_image(p) for p in influencer.posts).strip(),
        "name": f"{influencer.username} {influencer.full_name}".strip(),
    }


def pooled_embedding(vectors: np.ndarray) -> np.ndarray:
    """One influencer's content vector: the L2-normalised mean of their posts' vectors (zeros when none has text)."""
    vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, EMBEDDING_DIM)
    vectors = vectors[np.linalg.norm(vectors, axis=1) > 0]
    if not len(vectors):
        return np.zeros(EMBEDDING_DIM, dtype=np.float32)
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm).astype(np.float32) if norm else np.zeros(EMBEDDING_DIM, dtype=np.float32)


def has_vector(embeddings: np.ndarray) -> np.ndarray:
    return np.linalg.norm(embeddings, axis=1) > 0


@dataclass
class TrainSettings:
    C: float = 4.0
    embed_C: float = 1.0
    class_weight: str | None = None
    max_word_features: int = 60000
    max_name_features: int = 30000
    seed: int = 42


def _vectorisers(settings: TrainSettings) -> dict[str, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return {
        "words": TfidfVectorizer(
            sublinear_tf=True,
            min_df=2,
            ngram_range=(1, 2),
            dtype=np.float32,
            max_features=settings.max_word_features,
            token_pattern=r"(?u)#?\b\w\w+\b",
        ),
        "image": TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=(1, 2), dtype=np.float32),
        "name": TfidfVectorizer(
            sublinear_tf=True,
            min_df=2,
            analyzer="char_wb",
            ngram_range=(3, 5),
            dtype=np.float32,
            max_features=settings.max_name_features,
        ),
    }


@dataclass
class Prediction:
    shares: list[tuple[str, float]]  # every category with its calibrated probability, highest first
    reasons: list[dict[str, Any]]  # the posts that weigh most towards the top category

    @property
    def mixed(self) -> bool:
        """Too uncertain to name one niche (ml.engine.categories.topics.MIXED_BELOW)."""
        from ml.engine.categories.topics import MIXED_BELOW

        return self.share < MIXED_BELOW

    @property
    def category(self) -> str:
        return self.shares[0][0]

    @property
    def share(self) -> float:
        return self.shares[0][1]


@dataclass
class CategoryModel:
    vectorisers: dict[str, Any]
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray
    temperature: float = 1.0
    offsets: np.ndarray | None = None  # per-class logit offsets fitted out of fold (macro-F1 vs accuracy)
    classes: tuple[str, ...] = CATEGORIES
    meta: dict[str, Any] = field(default_factory=dict)
    # The MiniLM view: a logistic regression on the pooled post vectors, its logits added with weight `blend`.
    # temperature/offsets calibrate the blend; text_temperature/text_offsets the words-only logits (no vector).
    embed_coef: np.ndarray | None = None  # (n_classes, EMBEDDING_DIM)
    embed_intercept: np.ndarray | None = None
    blend: float = 0.0
    text_temperature: float | None = None
    text_offsets: np.ndarray | None = None

    # --- fitting ---------------------------------------------------------------------------------------------------
    @classmethod
    def fit(
        cls,
        influencers: list[InfluencerPosts],
        labels: list[str],
        settings: TrainSettings | None = None,
        temperature: float = 1.0,
        offsets: np.ndarray | None = None,
        *,
        embeddings: np.ndarray | None = None,
        calibration: dict[str, Any] | None = None,
    ) -> CategoryModel:
        """Fit the TF-IDF view (and, given one pooled vector per influencer, the MiniLM view). `calibration` holds
        blend, temperature, offsets, text_temperature and text_offsets as oof_report chose them."""
        from sklearn.linear_model import LogisticRegression

        settings = settings or TrainSettings()
        vectorisers = _vectorisers(settings)
        views = [influencer_views(i) for i in influencers]
        matrix = _stack([vec.fit_transform([v[name] for v in views]) for name, vec in vectorisers.items()])
        y = np.array([CATEGORIES.index(label) for label in labels])
        clf = LogisticRegression(
            C=settings.C, max_iter=3000, tol=1e-3, class_weight=settings.class_weight, random_state=settings.seed
        )
        clf.fit(matrix, y)
        coef = np.zeros((len(CATEGORIES), matrix.shape[1]), dtype=np.float32)
        intercept = np.full(len(CATEGORIES), -1e4, dtype=np.float32)  # a class absent from training never wins
        coef[clf.classes_] = clf.coef_
        intercept[clf.classes_] = clf.intercept_
        model = cls(vectorisers=vectorisers, coef=coef, intercept=intercept, temperature=temperature, offsets=offsets)
        if embeddings is not None:
            model.embed_coef, model.embed_intercept = fit_embedding_head(embeddings, y, settings)
        if calibration:
            model.blend = float(calibration.get("blend", 0.0))
            model.temperature = float(calibration["temperature"])
            model.offsets = np.array(calibration["offsets"])
            if calibration.get("text_temperature") is not None:
                model.text_temperature = float(calibration["text_temperature"])
                model.text_offsets = np.array(calibration["text_offsets"])
        return model

    # --- scoring ---------------------------------------------------------------------------------------------------
    def _matrix(self, influencers: list[InfluencerPosts]) -> Any:
        views = [influencer_views(i) for i in influencers]
        return _stack([vec.transform([v[name] for v in views]) for name, vec in self.vectorisers.items()])

    def logits(self, influencers: list[InfluencerPosts]) -> np.ndarray:
        """The words-only (TF-IDF) logits."""
        return np.asarray(self._matrix(influencers) @ self.coef.T) + self.intercept

    @property
    def reads_vectors(self) -> bool:
        return self.embed_coef is not None and self.blend > 0

    def embed_logits(self, embeddings: np.ndarray) -> np.ndarray:
        """The MiniLM view's logits; zero for a row without a vector (it then adds nothing)."""
        assert self.embed_coef is not None and self.embed_intercept is not None
        embeddings = np.asarray(embeddings, dtype=np.float32)
        out = embeddings @ self.embed_coef.T + self.embed_intercept
        out[~has_vector(embeddings)] = 0.0
        return out

    def predict_proba(
        self, influencers: list[InfluencerPosts], embeddings: np.ndarray | None = None, *, words_only: bool = False
    ) -> np.ndarray:
        """Calibrated probabilities. With one pooled vector per influencer the blend is used for every row that
        has one; rows without (and every row when words_only or no vectors are given) get the words-only model."""
        text = self.logits(influencers)
        text_t = self.text_temperature if self.text_temperature is not None else self.temperature
        text_o = self.text_offsets if self.text_temperature is not None else self.offsets
        out = calibrated(text, text_t, text_o)
        if not self.reads_vectors or words_only or embeddings is None:
            return out
        rows = has_vector(np.asarray(embeddings))
        if rows.any():
            blended = text[rows] + self.blend * self.embed_logits(np.asarray(embeddings)[rows])
            out[rows] = calibrated(blended, self.temperature, self.offsets)
        return out

    def predict(
        self,
        influencers: list[InfluencerPosts],
        *,
        reasons: int = 3,
        embeddings: np.ndarray | None = None,
        words_only: bool = False,
    ) -> list[Prediction]:
        probabilities = self.predict_proba(influencers, embeddings, words_only=words_only)
        results = []
        for influencer, row in zip(influencers, probabilities, strict=True):
            order = np.argsort(-row)
            shares = [(self.classes[k], float(row[k])) for k in order]
            results.append(Prediction(shares=shares, reasons=self.post_reasons(influencer, int(order[0]), reasons)))
        return results

    def post_reasons(self, influencer: InfluencerPosts, class_index: int, limit: int) -> list[dict[str, Any]]:
        """Each post's own pull towards the class: its TF-IDF vector · the class's weights (minus the mean class)."""
        if not influencer.posts or limit <= 0:
            return []
        singles = [InfluencerPosts(username="", posts=[post]) for post in influencer.posts]
        matrix = self._matrix(singles)
        weights = self.coef[class_index] - self.coef.mean(axis=0)
        return reasons_from_pulls(influencer, np.asarray(matrix @ weights).ravel(), limit)

    # --- persistence -----------------------------------------------------------------------------------------------
    def save(self, folder: str | Path, meta: dict[str, Any]) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        payload = {
            "vectorisers": self.vectorisers,
            "coef": self.coef.astype(np.float16),
            "intercept": self.intercept,
            "temperature": self.temperature,
            "classes": list(self.classes),
            "offsets": None if self.offsets is None else [float(v) for v in self.offsets],
            "embed_coef": None if self.embed_coef is None else self.embed_coef.astype(np.float32),
            "embed_intercept": None if self.embed_intercept is None else self.embed_intercept.astype(np.float32),
            "blend": self.blend,
            "text_temperature": self.text_temperature,
            "text_offsets": None if self.text_offsets is None else [float(v) for v in self.text_offsets],
        }
        write_artifact(folder, MODEL_FILE, payload, meta)

    @classmethod
    def load(cls, folder: str | Path) -> CategoryModel:
        payload, meta = read_artifact(Path(folder), MODEL_FILE)
        return cls(
            vectorisers=payload["vectorisers"],
            coef=payload["coef"].astype(np.float32),
            intercept=payload["intercept"],
            temperature=float(payload["temperature"]),
            offsets=None if payload.get("offsets") is None else np.array(payload["offsets"]),
            classes=tuple(payload["classes"]),
            meta=meta,
            embed_coef=payload.get("embed_coef"),
            embed_intercept=payload.get("embed_intercept"),
            blend=float(payload.get("blend") or 0.0),
            text_temperature=payload.get("text_temperature"),
            text_offsets=None if payload.get("text_offsets") is None else np.array(payload["text_offsets"]),
        )


def write_artifact(folder: Path, name: str, payload: dict[str, Any], meta: dict[str, Any]) -> None:
    """A model's payload as a gzipped pickle beside its meta.json (the registry reads the meta)."""
    with gzip.open(folder / name, "wb", compresslevel=9) as handle:
        pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
    (folder / META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")


def read_artifact(folder: Path, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """write_artifact's payload and meta (empty when the folder has no meta.json)."""
    with gzip.open(folder / name, "rb") as handle:
        payload = pickle.load(handle)  # our own artifact, shipped in the repository
    meta = json.loads((folder / META_FILE).read_text()) if (folder / META_FILE).exists() else {}
    return payload, meta


def reasons_from_pulls(influencer: InfluencerPosts, pulls: np.ndarray, limit: int) -> list[dict[str, Any]]:
    """The `limit` posts with the strongest positive pull towards a niche (one number per post), as reasons."""
    order = np.argsort(-pulls)[:limit]
    return [
        {
            "post_id": influencer.posts[k].post_id,
            "weight": round(float(pulls[k]), 4),
            "text": (influencer.posts[k].caption or post_image(influencer.posts[k]))[:160],
        }
        for k in order
        if pulls[k] > 0
    ]


def fit_embedding_head(embeddings: np.ndarray, y: np.ndarray, settings: TrainSettings) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression on the pooled MiniLM vectors of the influencers that have one."""
    from sklearn.linear_model import LogisticRegression

    embeddings = np.asarray(embeddings, dtype=np.float32)
    rows = has_vector(embeddings)
    clf = LogisticRegression(C=settings.embed_C, max_iter=2000, tol=1e-4, random_state=settings.seed)
    clf.fit(embeddings[rows], y[rows])
    coef = np.zeros((len(CATEGORIES), embeddings.shape[1]), dtype=np.float32)
    intercept = np.full(len(CATEGORIES), -1e4, dtype=np.float32)
    coef[clf.classes_] = clf.coef_
    intercept[clf.classes_] = clf.intercept_
    return coef, intercept


def _stack(matrices: list[Any]) -> Any:
    from scipy.sparse import hstack

    return hstack(matrices, format="csr", dtype=np.float32)


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature minimising out-of-fold log-loss (golden-section search over 0.2..5)."""

    def loss(t: float) -> float:
        p = softmax(logits / t)
        return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, None))))

    low, high = 0.2, 5.0
    ratio = (5**0.5 - 1) / 2
    for _ in range(60):
        a, b = high - ratio * (high - low), low + ratio * (high - low)
        if loss(a) < loss(b):
            high = b
        else:
            low = a
    return (low + high) / 2


def calibrated(logits: np.ndarray, temperature: float, offsets: np.ndarray | None) -> np.ndarray:
    return softmax((logits + (0 if offsets is None else offsets)) / temperature)


def fit_offsets(logits: np.ndarray, y: np.ndarray, *, passes: int = 3) -> np.ndarray:
    """Per-class logit offsets maximising (accuracy + macro-F1) / 2 on out-of-fold logits, by coordinate search.

    Nine numbers fitted on thousands of out-of-fold rows: they move the decision towards the rarer niches (the
    model otherwise over-predicts "fashion" and "other") without touching the weights."""
    from sklearn.metrics import f1_score

    offsets = np.zeros(logits.shape[1])

    def objective(o: np.ndarray) -> float:
        predicted = (logits + o).argmax(axis=1)
        return float(np.mean(predicted == y)) + float(f1_score(y, predicted, average="macro", zero_division=0))

    best = objective(offsets)
    grid = np.linspace(-1.5, 1.5, 31)
    for _ in range(passes):
        for k in range(logits.shape[1]):
            for value in grid:
                trial = offsets.copy()
                trial[k] = value
                score = objective(trial)
                if score > best + 1e-9:
                    best, offsets = score, trial
    return offsets - offsets.mean()
