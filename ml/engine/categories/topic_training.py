"""Fitting and measuring the niche extension (topics.py): the topic regression, the gate, and nested figures.

Two populations, each measured on what did not fit it:
- **kim2020 influencers**: their first-stage probabilities are the kim2020 model's own out-of-fold ones
  (training.cross_validate); measured on the kim2020 labels, the extended shares collapsed back (collapse_to_kim).
- **top creators with a stated category** (ml/datasets/ig-top-influencers-2022 joined to their 2019 posts): the
  kim2020 model never saw them (the few that are also in kim2020 get its out-of-fold rows).

Both are split into the same five folds (stratified within each population). For each fold the topic model is
fitted on the other folds (top creators, plus kim2020 lifestyle influencers as "lifestyle"), giving out-of-fold topic
probabilities; then, with a second split, the gate is fitted on the other folds' out-of-fold rows of both
populations and measured on the held fold. In the gate fit the top creators weigh `top_weight` times the kim2020
rows in total (18,000 kim2020 rows would otherwise decide it alone).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ml.engine.categories.records import CATEGORIES
from ml.engine.categories.topics import (
    LIFESTYLE,
    MIXED_BELOW,
    NICHES,
    TOPICS,
    TopicModel,
    collapse_to_kim,
    combine,
    fit_gate,
    fit_topic_weights,
    gate_features,
    topic_of,
)

FOLDS = 5


@dataclass
class TopicSettings:
    C: float = 3.0
    description_weight: float = 3.0
    kim_weight: float = 4.0  # kim2020 lifestyle rows' total weight in the topic fit, relative to the top creators'
    top_weight: float = 0.1  # the top creators' total weight in the gate fit, relative to the kim2020 rows'
    mixed_below: float = MIXED_BELOW
    seed: int = 42


@dataclass
class Population:
    first: np.ndarray  # (n, 9) kim2020-model probabilities, out of fold where the model saw the row
    posts: np.ndarray  # (n, 384) pooled post vectors
    about: np.ndarray  # (n, 384) name, declared category and bio, embedded
    labels: list[str]  # niches (NICHES for top creators, CATEGORIES for kim2020)

    def lifestyle(self) -> np.ndarray:
        return np.array([label in LIFESTYLE for label in self.labels], dtype=bool)


def _folds(labels: list[str], seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    topics = np.array([topic_of(label) for label in labels])
    counts = {t: int((topics == t).sum()) for t in set(topics)}
    strata = np.array([t if counts[t] >= FOLDS else "rare" for t in topics])
    return list(StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(np.zeros(len(labels)), strata))


def fit_topics(
    prototypes: np.ndarray,
    kim: Population,
    kim_rows: np.ndarray,
    top: Population,
    top_rows: np.ndarray,
    s: TopicSettings,
) -> TopicModel:
    """The topic regression on these rows: top creators by their niche's topic, kim2020 lifestyle rows as
    "lifestyle" (a kim2020 "other" says nothing about which new niche it is, so it is left out)."""
    model = TopicModel(prototypes=prototypes, coef=np.zeros(0), intercept=np.zeros(0))
    kim_rows = kim_rows[kim.lifestyle()[kim_rows]]
    kim_each = s.kim_weight * len(top_rows) / max(len(kim_rows), 1)
    model.coef, model.intercept = fit_topic_weights(
        model,
        np.vstack([top.posts[top_rows], kim.posts[kim_rows]]),
        np.vstack([top.about[top_rows], kim.about[kim_rows]]),
        [topic_of(top.labels[k]) for k in top_rows] + ["lifestyle"] * len(kim_rows),
        np.concatenate([np.ones(len(top_rows)), np.full(len(kim_rows), kim_each)]),
        C=s.C,
        description_weight=s.description_weight,
        seed=s.seed,
    )
    return model


def fit_the_gate(
    kim: Population, kim_topics: np.ndarray, top: Population, top_topics: np.ndarray, s: TopicSettings
) -> tuple[np.ndarray, float]:
    first = np.vstack([kim.first, top.first])
    topics = np.vstack([kim_topics, top_topics])
    lifestyle = np.concatenate([kim.lifestyle(), top.lifestyle()])
    top_each = s.top_weight * len(kim.labels) / max(len(top.labels), 1)
    weights = np.concatenate([np.ones(len(kim.labels)), np.full(len(top.labels), top_each)])
    return fit_gate(first, topics, lifestyle, weights)


def _subset(pop: Population, rows: np.ndarray) -> Population:
    return Population(pop.first[rows], pop.posts[rows], pop.about[rows], [pop.labels[k] for k in rows])


def cross_validate(prototypes: np.ndarray, kim: Population, top: Population, s: TopicSettings) -> dict[str, Any]:
    """Out-of-fold topic probabilities of both populations, nested out-of-fold shares, and the figures."""
    kim_topics = np.zeros((len(kim.labels), len(TOPICS)))
    top_topics = np.zeros((len(top.labels), len(TOPICS)))
    for (kim_train, kim_held), (top_train, top_held) in zip(
        _folds(kim.labels, s.seed), _folds(top.labels, s.seed), strict=True
    ):
        model = fit_topics(prototypes, kim, kim_train, top, top_train, s)
        kim_topics[kim_held] = model.topic_proba(kim.posts[kim_held], kim.about[kim_held])
        top_topics[top_held] = model.topic_proba(top.posts[top_held], top.about[top_held])

    kim_shares = np.zeros((len(kim.labels), len(NICHES)))
    top_shares = np.zeros((len(top.labels), len(NICHES)))
    for (kim_train, kim_held), (top_train, top_held) in zip(
        _folds(kim.labels, s.seed + 1), _folds(top.labels, s.seed + 1), strict=True
    ):
        coef, intercept = fit_the_gate(
            _subset(kim, kim_train), kim_topics[kim_train], _subset(top, top_train), top_topics[top_train], s
        )
        for pop, topics, shares, held in (
            (kim, kim_topics, kim_shares, kim_held),
            (top, top_topics, top_shares, top_held),
        ):
            gate = 1.0 / (1.0 + np.exp(-(gate_features(pop.first[held], topics[held]) @ coef + intercept)))
            shares[held] = combine(pop.first[held], topics[held], gate)
    return {
        "kim_topics": kim_topics,
        "top_topics": top_topics,
        "kim_shares": kim_shares,
        "top_shares": top_shares,
        "figures": figures(kim, kim_shares, top, top_shares, s.mixed_below),
    }


def train_final(
    prototypes: np.ndarray, kim: Population, top: Population, s: TopicSettings, cv: dict[str, Any]
) -> TopicModel:
    """The topic model on every row; the gate on every row's out-of-fold topic probabilities (what it will see)."""
    model = fit_topics(prototypes, kim, np.arange(len(kim.labels)), top, np.arange(len(top.labels)), s)
    model.gate_coef, model.gate_intercept = fit_the_gate(kim, cv["kim_topics"], top, cv["top_topics"], s)
    return model


def _scores(truth: list[str], predicted: list[str]) -> dict[str, Any]:
    from sklearn.metrics import accuracy_score, f1_score

    present = sorted(set(truth))
    return {
        "n": len(truth),
        "accuracy": round(float(accuracy_score(truth, predicted)), 4),
        "macro_f1": round(float(f1_score(truth, predicted, labels=present, average="macro", zero_division=0)), 4),
    }


def per_niche(truth: list[str], predicted: list[str]) -> dict[str, dict[str, Any]]:
    """Per niche: how many truly are, how many were said, precision and recall (None where undefined)."""
    out = {}
    for niche in NICHES:
        n = sum(t == niche for t in truth)
        said = sum(p == niche for p in predicted)
        hits = sum(t == p == niche for t, p in zip(truth, predicted, strict=True))
        if n or said:
            out[niche] = {
                "n": n,
                "predicted": said,
                "precision": round(hits / said, 3) if said else None,
                "recall": round(hits / n, 3) if n else None,
            }
    return out


def confident(truth: list[str], predicted: list[str], top_share: np.ndarray, below: float) -> dict[str, Any]:
    """How many rows name a niche (top share ≥ below) and how often that niche is right; the rest say "mixed"."""
    named = top_share >= below
    right = np.array(predicted) == np.array(truth)
    return {
        "named_share": round(float(named.mean()), 4),
        "accuracy_named": round(float(right[named].mean()), 4) if named.any() else None,
        "accuracy_mixed": round(float(right[~named].mean()), 4) if (~named).any() else None,
    }


def figures(
    kim: Population, kim_shares: np.ndarray, top: Population, top_shares: np.ndarray, below: float
) -> dict[str, Any]:
    kim_collapsed = collapse_to_kim(kim_shares)
    kim_before = [CATEGORIES[k] for k in kim.first.argmax(axis=1)]
    kim_after = [CATEGORIES[k] for k in kim_collapsed.argmax(axis=1)]
    top_before = [CATEGORIES[k] for k in top.first.argmax(axis=1)]  # the kim2020 model alone: no new niche
    top_after = [NICHES[k] for k in top_shares.argmax(axis=1)]
    return {
        "kim2020": {
            "before": _scores(kim.labels, kim_before),
            "after": _scores(kim.labels, kim_after),
            "confident": confident(kim.labels, kim_after, kim_collapsed.max(axis=1), below),
        },
        "top_creators": {
            "before": _scores(top.labels, top_before),
            "after": _scores(top.labels, top_after),
            "per_niche": per_niche(top.labels, top_after),
            "confident": confident(top.labels, top_after, top_shares.max(axis=1), below),
        },
    }
