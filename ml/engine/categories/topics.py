"""The niches beyond the kim2020 eight: music, sports, gaming, entertainment, tech, business, education, art, news.

The kim2020 model (model.py) knows eight lifestyle niches and "other"; an artist, an athlete or a league lands in
"other" or, worse, in the nearest lifestyle niche. This second stage reads what the first cannot:

- a **topic model**: a multinomial logistic regression over the MiniLM vector of the influencer's posts, the MiniLM
  vector of who they say they are (name, declared category, bio) and both vectors' similarity to a short description
  of each new niche (DESCRIPTIONS). Classes: the nine new niches, "lifestyle" (one of kim2020's eight) and "other".
  Fitted on the top creators with a stated category and on the kim2020 lifestyle influencers (as "lifestyle");
  the descriptions also enter the fit as one weighted example each, so a niche with few labelled creators
  (gaming, education) is still reachable;
- a **gate**: the probability that the creator is a lifestyle creator at all, a logistic regression on both
  stages' log-probabilities (9 + 11 numbers), fitted on the kim2020 influencers (out of fold) and on the labelled
  top creators together.

The shares: a lifestyle niche c gets gate · P1(c | not other); a new niche (or "other") d gets
(1 - gate) · Q(d | not lifestyle). They sum to one. Collapsing the new niches back into "other" gives the kim2020
labels again, which is how the kim2020 figures are checked after the extension (README.md beside this file).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ml.engine.categories.model import read_artifact, softmax, write_artifact
from ml.engine.categories.records import CATEGORIES, InfluencerPosts

LIFESTYLE: tuple[str, ...] = tuple(c for c in CATEGORIES if c != "other")
NEW_NICHES: tuple[str, ...] = (
    "music",
    "sports",
    "gaming",
    "entertainment",
    "tech",
    "business",
    "education",
    "art",
    "news",
)
NICHES: tuple[str, ...] = (*LIFESTYLE, *NEW_NICHES, "other")
TOPICS: tuple[str, ...] = (*NEW_NICHES, "lifestyle", "other")
MIXED = "mixed"
# The shares are calibrated, so a top share is the chance that the niche is right: below one half the niche is more
# likely wrong than right, and the profile says "mixed" with its top two instead of naming one.
MIXED_BELOW = 0.5

NICHE_NAMES: dict[str, str] = {
    "beauty": "Beauty",
    "family": "Family & parenting",
    "fashion": "Fashion",
    "fitness": "Fitness",
    "food": "Food",
    "interior": "Home & interior",
    "pet": "Pets",
    "travel": "Travel",
    "music": "Music",
    "sports": "Sports",
    "gaming": "Gaming",
    "entertainment": "Entertainment & comedy",
    "tech": "Tech & science",
    "business": "Business & finance",
    "education": "Education",
    "art": "Art & photography",
    "news": "News & politics",
    "other": "Other",
    MIXED: "Mixed",
}

# What a creator of each new niche writes about: one sentence per niche, embedded once. Written from the niche's
# meaning, not from the labelled creators' posts.
DESCRIPTIONS: dict[str, str] = {
    "music": "singer, rapper, musician, band. New single and album out now, music video, world tour, concert "
    "tickets, studio session, live on stage, listen on Spotify",
    "sports": "athlete, footballer, basketball player, sports team. Match day, the game, goal, win, championship, "
    "league, training session, season, stadium, fans",
    "gaming": "gamer, streamer. Playing video games live on Twitch, new game, esports tournament, Fortnite, console, "
    "PC setup, gameplay",
    "entertainment": "actor, actress, comedian, TV host. New movie, film premiere, TV series, episode tonight, show, "
    "red carpet, comedy sketch, funny video, on set",
    "tech": "technology reviewer, engineer, scientist. New smartphone, gadget review, unboxing, laptop, software, "
    "apps, AI, science, innovation",
    "business": "entrepreneur, investor, CEO. Business tips, startup, finance, money, investing, stock market, "
    "crypto, marketing, success, leadership",
    "education": "teacher, tutor, educator. Learn, lesson, study tips, explainer, how to, facts, history, language "
    "learning, school, university",
    "art": "artist, painter, illustrator, photographer, designer. Artwork, painting, drawing, sketch, exhibition, "
    "gallery, photography, portrait",
    "news": "journalist, news outlet, politician. Breaking news, report, interview, election, government, politics, "
    "world news, headlines",
}

# The top-creator lists' Category_1 (ml/datasets/ig-top-influencers-2022) in this taxonomy; None: left out.
LIST_CATEGORIES: dict[str, str | None] = {
    "Music": "music",
    "Sports with a ball": "sports",
    "Racing Sports": "sports",
    "Water sports": "sports",
    "Winter sports": "sports",
    "Extreme Sports & Outdoor activity": "sports",
    "Gaming": "gaming",
    "Cinema & Actors/actresses": "entertainment",
    "Shows": "entertainment",
    "Humor & Fun & Happiness": "entertainment",
    "Kids & Toys": "entertainment",
    "Computers & Gadgets": "tech",
    "Machinery & Technologies": "tech",
    "Science": "tech",
    "Business & Careers": "business",
    "Finance & Economics": "business",
    "Management & Marketing": "business",
    "Crypto": "business",
    "Education": "education",
    "Literature & Journalism": "news",
    "Art/Artists": "art",
    "Photography": "art",
    "Beauty": "beauty",
    "Fashion": "fashion",
    "Clothing & Outfits": "fashion",
    "Accessories & Jewellery": "fashion",
    "Modeling": "fashion",
    "Luxury": "fashion",
    "Family": "family",
    "Fitness & Gym": "fitness",
    "Food & Cooking": "food",
    "Travel": "travel",
    "Nature & landscapes": "travel",
    "Animals": "pet",
    "DIY & Design": "interior",
    "Lifestyle": "other",
    "Cars & Motorbikes": "other",
    "Adult content": None,
}

MODEL_FILE = "topics.pkl.gz"


def niche_name(code: str) -> str:
    return NICHE_NAMES.get(code, code.replace("_", " ").capitalize() if code else "")


def describe_niche(niche: str, share: float | None, shares: list[dict[str, Any]], *, corrected: bool = False) -> str:
    """A profile's niche as a user reads it: "Music 72%"; "Mixed: Music 41% · Entertainment & comedy 33%" when the
    top share is under MIXED_BELOW; a user's correction by its name alone; "–" when there is none."""
    if not niche:
        return "–"
    if corrected or share is None:
        return niche_name(niche)
    if share < MIXED_BELOW and len(shares) >= 2:
        first, second = shares[0], shares[1]
        return (
            f"Mixed: {niche_name(first['category'])} {first['share']:.0%} · "
            f"{niche_name(second['category'])} {second['share']:.0%}"
        )
    return f"{niche_name(niche)} {share:.0%}"


def topic_of(niche: str) -> str:
    """The topic model's class of a niche: a kim2020 lifestyle niche is "lifestyle"."""
    return "lifestyle" if niche in LIFESTYLE else niche


def about_text(influencer: InfluencerPosts) -> str:
    """Who the creator says they are: name, the platform's declared category and the bio, in one sentence."""
    parts = [influencer.full_name, influencer.business_category, influencer.bio]
    return ". ".join(p.strip() for p in parts if p and p.strip())


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


@dataclass
class TopicModel:
    prototypes: np.ndarray  # (len(NEW_NICHES), 384): the DESCRIPTIONS embedded, unit length
    coef: np.ndarray  # (len(TOPICS), n_features)
    intercept: np.ndarray
    # The gate's weights over gate_features (log P1, then log Q) and its intercept; None: trust the first stage
    # alone (P(lifestyle) = 1 - P1(other)).
    gate_coef: np.ndarray | None = None
    gate_intercept: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)

    # --- features ----------------------------------------------------------------------------------------------
    def features(self, posts: np.ndarray, about: np.ndarray) -> np.ndarray:
        """Posts vector, about vector, and each one's cosine with every niche description."""
        posts, about = _unit_rows(posts), _unit_rows(about)
        return np.hstack([posts, about, posts @ self.prototypes.T, about @ self.prototypes.T]).astype(np.float32)

    def topic_proba(self, posts: np.ndarray, about: np.ndarray) -> np.ndarray:
        return softmax(self.features(posts, about) @ self.coef.T + self.intercept)

    # --- the extended shares -----------------------------------------------------------------------------------
    def lifestyle_probability(self, first: np.ndarray, topics: np.ndarray) -> np.ndarray:
        if self.gate_coef is None:
            return 1.0 - np.asarray(first)[:, CATEGORIES.index("other")]
        return 1.0 / (1.0 + np.exp(-(gate_features(first, topics) @ self.gate_coef + self.gate_intercept)))

    def extend(self, first: np.ndarray, topics: np.ndarray) -> np.ndarray:
        """(n, len(NICHES)) shares from the first stage's kim2020 probabilities and the topic probabilities."""
        return combine(first, topics, self.lifestyle_probability(first, topics))

    def niche_direction(self, niche: str) -> np.ndarray:
        """The posts-vector part of a new niche's weights, minus the mean topic: what a post that pulls towards it
        looks like (the reasons shown for a new niche)."""
        width = self.prototypes.shape[1]
        weights = self.coef[:, :width]
        return weights[TOPICS.index(niche)] - weights.mean(axis=0)

    # --- persistence -------------------------------------------------------------------------------------------
    def save(self, folder: str | Path, meta: dict[str, Any]) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        payload = {
            "prototypes": self.prototypes.astype(np.float32),
            "coef": self.coef.astype(np.float32),
            "intercept": self.intercept.astype(np.float32),
            "gate_coef": None if self.gate_coef is None else [float(v) for v in self.gate_coef],
            "gate_intercept": float(self.gate_intercept),
            "topics": list(TOPICS),
        }
        write_artifact(folder, MODEL_FILE, payload, meta)

    @classmethod
    def load(cls, folder: str | Path) -> TopicModel:
        payload, meta = read_artifact(Path(folder), MODEL_FILE)
        if tuple(payload["topics"]) != TOPICS:
            raise ValueError(f"the artifact's topics {payload['topics']} are not this code's {list(TOPICS)}")
        return cls(
            prototypes=payload["prototypes"],
            coef=payload["coef"],
            intercept=payload["intercept"],
            gate_coef=None if payload["gate_coef"] is None else np.array(payload["gate_coef"]),
            gate_intercept=float(payload["gate_intercept"]),
            meta=meta,
        )


def combine(first: np.ndarray, topics: np.ndarray, lifestyle: np.ndarray) -> np.ndarray:
    first, topics = np.asarray(first, dtype=np.float64), np.asarray(topics, dtype=np.float64)
    out = np.zeros((len(first), len(NICHES)))
    kim_lifestyle = [CATEGORIES.index(c) for c in LIFESTYLE]
    within = first[:, kim_lifestyle]
    within = within / np.maximum(within.sum(axis=1, keepdims=True), 1e-12)
    out[:, : len(LIFESTYLE)] = lifestyle[:, None] * within
    rest = [TOPICS.index(t) for t in (*NEW_NICHES, "other")]
    beyond = topics[:, rest]
    beyond = beyond / np.maximum(beyond.sum(axis=1, keepdims=True), 1e-12)
    out[:, len(LIFESTYLE) :] = (1.0 - lifestyle)[:, None] * beyond
    return out


def collapse_to_kim(shares: np.ndarray) -> np.ndarray:
    """Extended shares back onto the kim2020 labels: every new niche counts as "other"."""
    out = np.zeros((len(shares), len(CATEGORIES)))
    for k, niche in enumerate(NICHES):
        out[:, CATEGORIES.index(niche if niche in CATEGORIES else "other")] += shares[:, k]
    return out


# --- fitting -------------------------------------------------------------------------------------------------


def gate_features(first: np.ndarray, topics: np.ndarray) -> np.ndarray:
    return np.hstack([np.log(np.clip(first, 1e-6, 1.0)), np.log(np.clip(topics, 1e-6, 1.0))])


def fit_topic_weights(
    model: TopicModel,
    posts: np.ndarray,
    about: np.ndarray,
    topics: list[str],
    sample_weight: np.ndarray,
    *,
    C: float = 3.0,
    description_weight: float = 3.0,
    seed: int = 42,
) -> tuple[np.ndarray, np.ndarray]:
    """The topic regression: labelled creators (each with its TOPICS class and weight) plus one example per
    description."""
    from sklearn.linear_model import LogisticRegression

    x = model.features(posts, about)
    y = np.array([TOPICS.index(topic) for topic in topics])
    seeds = model.features(model.prototypes, model.prototypes)
    seed_y = np.array([TOPICS.index(n) for n in NEW_NICHES])
    weights = np.concatenate([sample_weight, np.full(len(seed_y), description_weight)])
    clf = LogisticRegression(C=C, max_iter=5000, random_state=seed)
    clf.fit(np.vstack([x, seeds]), np.concatenate([y, seed_y]), sample_weight=weights)
    coef = np.zeros((len(TOPICS), x.shape[1]), dtype=np.float32)
    intercept = np.full(len(TOPICS), -1e4, dtype=np.float32)  # a topic absent from training never wins
    coef[clf.classes_] = clf.coef_
    intercept[clf.classes_] = clf.intercept_
    return coef, intercept


def fit_gate(
    first: np.ndarray, topics: np.ndarray, is_lifestyle: np.ndarray, sample_weight: np.ndarray
) -> tuple[np.ndarray, float]:
    """The gate: a logistic regression of "is a lifestyle creator" on both stages' log-probabilities."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1.0, max_iter=3000)
    clf.fit(gate_features(first, topics), is_lifestyle.astype(int), sample_weight=sample_weight)
    return clf.coef_[0].astype(np.float64), float(clf.intercept_[0])
