"""The niche extension beyond kim2020's eight (ml.engine.categories.topics), the Django-facing door: train it, load
the active version, and extend the first stage's shares.

    python manage.py train_model influencer-topic

Data: the top-creator lists' stated categories (ml/datasets/ig-top-influencers-2022) joined to those creators'
2019 posts and bios (ml/datasets/ig-influencer-posts-2019), and the kim2020 influencers for the gate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings

from config.errors import ApplicationError

TASK = "influencer-topic"
DATASET = Path(settings.BASE_DIR) / "ml" / "datasets" / "ig-top-influencers-2022"
LABELS_FILE = DATASET / "categories.tsv"
POSTS_FILE = Path(settings.BASE_DIR) / "ml" / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl"


def active_model() -> tuple[Any, str] | tuple[None, str]:
    """The active topic model and its version; (None, "") when none is registered (the first stage alone)."""
    from ml.engine.categories.topics import TopicModel
    from ml.models import ModelVersion
    from ml.services import loaded_artifact, register_shipped_artifacts

    version = ModelVersion.objects.filter(task=TASK, platform="", is_active=True).first()
    if version is None:
        register_shipped_artifacts()
        version = ModelVersion.objects.filter(task=TASK, platform="", is_active=True).first()
    if version is None:
        return None, ""
    return loaded_artifact(version=version, load=TopicModel.load, what="niche extension"), version.version


def about_vectors(influencers: list[Any], *, cache: bool = False, progress: bool = False) -> Any:
    from ml.categories import post_vectors
    from ml.engine.categories.topics import about_text

    return post_vectors([about_text(i) for i in influencers], cache=cache, progress=progress)


# -- the labelled top creators -------------------------------------------------------------------------------------


def read_stated(path: Path = LABELS_FILE) -> dict[str, str]:
    """username -> niche from the top-creator lists (a category the taxonomy leaves out is dropped)."""
    from ml.engine.categories.topics import LIST_CATEGORIES

    stated: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        if header[:2] != ["username", "category"]:
            raise ValueError(f"{path}: the header must start with username, category (got {header[:2]})")
        for number, line in enumerate(handle, start=2):
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 2:
                raise ValueError(f"{path}:{number}: expected tab-separated username and category")
            if cells[1] not in LIST_CATEGORIES:
                raise ValueError(f"{path}:{number}: unknown category {cells[1]!r}")
            niche = LIST_CATEGORIES[cells[1]]
            if niche:
                stated[cells[0].lower()] = niche
    return stated


def read_profiles(path: Path, usernames: set[str]) -> list[Any]:
    """InfluencerPosts records of these usernames from an Instagram web-profile JSONL (profiles_slim.jsonl)."""
    from ml.engine.categories.records import InfluencerPosts, PostText

    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                user = json.loads(line)
                username = str(user["username"]).lower()
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not a profile object ({exc})") from exc
            if username not in usernames:
                continue
            posts = []
            for post in user.get("posts") or []:
                location = post.get("location") or ""
                if isinstance(location, dict):
                    location = location.get("name") or ""
                posts.append(
                    PostText(
                        caption=str(post.get("edge_media_to_caption") or ""),
                        image_description=str(post.get("accessibility_caption") or ""),
                        location=str(location),
                        post_id=str(post.get("id") or ""),
                    )
                )
            records.append(
                InfluencerPosts(
                    username=username,
                    full_name=str(user.get("full_name") or ""),
                    bio=str(user.get("biography") or ""),
                    business_category=str(user.get("business_category_name") or ""),
                    posts=posts,
                )
            )
    return records


# -- train_model influencer-topic -----------------------------------------------------------------------------------


def train(*, stdout: Any, seed: int = 42, no_activate: bool = False, **_: Any) -> Any:
    """Out-of-fold first-stage probabilities of the kim2020 influencers, the topic model and gate with nested
    figures for both populations, then the final fit; registered as a new version."""
    from django.utils import timezone

    from ml.categories import active_model as category_model
    from ml.categories import influencer_embeddings, training_set
    from ml.engine.categories.model import TrainSettings
    from ml.engine.categories.records import CATEGORIES
    from ml.engine.categories.topic_training import Population, TopicSettings, cross_validate, train_final
    from ml.engine.categories.topics import DESCRIPTIONS, NEW_NICHES
    from ml.engine.categories.training import cross_validate as category_cv
    from ml.engine.likes.text import embed_captions
    from ml.services import model_version_publish, niche_correction_records

    kim_data, _ = training_set()
    stdout.write(f"kim2020: {len(kim_data.labels)} influencers; their MiniLM vectors (cached under var/cache):")
    kim_posts = influencer_embeddings(kim_data.influencers, cache=True, progress=True)
    first_model, first_version = category_model()
    stdout.write(f"kim2020 out-of-fold probabilities ({first_version}'s settings, 5 folds):")
    kim_cv = category_cv(kim_data, TrainSettings(**first_model.meta.get("params", {})), embeddings=kim_posts)
    kim_first = kim_cv["probabilities"]
    kim = Population(
        first=kim_first,
        posts=kim_posts,
        about=about_vectors(kim_data.influencers, cache=True),
        labels=list(kim_data.labels),
    )

    stated = read_stated()
    records = [r for r in read_profiles(POSTS_FILE, set(stated)) if r.posts]
    labels = [stated[r.username] for r in records]
    corrections = niche_correction_records()  # a user's correction is a labelled creator too (it wins)
    corrected = {record.username for record, _ in corrections}
    kept = [k for k, r in enumerate(records) if r.username not in corrected]
    records = [records[k] for k in kept] + [record for record, _ in corrections]
    labels = [labels[k] for k in kept] + [label for _, label in corrections]
    top_posts = influencer_embeddings(records, cache=True, progress=True)
    top_first = first_model.predict_proba(records, top_posts)
    oof = {influencer.username: row for influencer, row in zip(kim_data.influencers, kim_first, strict=True)}
    for k, record in enumerate(records):  # a top creator the first stage trained on: its out-of-fold row
        if record.username in oof:
            top_first[k] = oof[record.username]
    top = Population(first=top_first, posts=top_posts, about=about_vectors(records, cache=True), labels=labels)
    stdout.write(
        f"Top creators with a stated category and posts: {len(records)} ({len(corrections)} users' corrections)"
    )

    prototypes = embed_captions([DESCRIPTIONS[n] for n in NEW_NICHES])
    topic_settings = TopicSettings(seed=seed)
    cv = cross_validate(prototypes, kim, top, topic_settings)
    model = train_final(prototypes, kim, top, topic_settings, cv)
    version = timezone.now().strftime("%Y%m%d-%H%M%S") + f"-s{seed}"
    folder = f"{TASK}-{version}"
    metrics = {
        **cv["figures"],
        "first_stage": first_version,
        "protocol": "5 folds over both populations: topic probabilities out of fold; the gate fitted per fold on "
        "the other folds' out-of-fold rows and measured on the held fold; kim2020 first-stage probabilities out "
        "of fold (train_model influencer-category's own cross-validation)",
    }
    training_data = (
        f"ig-top-influencers-2022 (top-1000 Instagram lists of the Kaggle release 'Social Media Influencers in "
        f"2022'; no licence stated): {len(records)} creators with a stated category joined to their posts in "
        f"ig-influencer-posts-2019, {len(corrections)} of them users' corrections; and {len(kim.labels)} kim2020 "
        f"influencers ({', '.join(CATEGORIES)}; research use)"
    )
    params = {
        key: getattr(topic_settings, key)
        for key in ("C", "description_weight", "kim_weight", "top_weight", "mixed_below", "seed")
    }
    meta = {
        "task": TASK,
        "platform": "",
        "version": version,
        "metrics": metrics,
        "training_data": training_data,
        "params": params,
    }
    model_version = model_version_publish(
        model=model, meta=meta, folder=folder, activate=not no_activate, stdout=stdout
    )
    return model_version


# -- evaluate_model influencer-topic PROFILES.jsonl --labels CATEGORIES.tsv -----------------------------------------


def add_arguments(parser: Any) -> None:
    parser.add_argument("path", help="Instagram web-profile JSONL with a posts list per line (profiles_slim.jsonl).")
    parser.add_argument(
        "--labels", required=True, help="Tab-separated username/category file (categories.tsv's format)."
    )


def evaluate(*, stdout: Any, path: str, labels: str, **_: Any) -> dict[str, Any]:
    """Accuracy, macro-F1 and per-niche precision/recall of the full niche pipeline (first stage and extension)
    over the labelled creators that have a profile in the file, and how many it names rather than calls mixed."""
    from ml.categories import classify, influencer_embeddings
    from ml.engine.categories.topic_training import per_niche

    for name in (path, labels):
        if not Path(name).is_file():
            raise ApplicationError(f"{name} does not exist.", code="invalid")
    try:
        stated = read_stated(Path(labels))
        records = [r for r in read_profiles(Path(path), set(stated)) if r.posts]
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise ApplicationError(str(exc), code="invalid") from exc
    if not records:
        raise ApplicationError(f"No labelled creator of {labels} has posts in {path}.", code="invalid")
    predictions, version = classify(records, embeddings=influencer_embeddings(records, progress=True))
    truth = [stated[r.username] for r in records]
    predicted = [p.category for p in predictions]
    named = [not p.mixed for p in predictions]
    right = [t == p for t, p in zip(truth, predicted, strict=True)]
    present = sorted(set(truth))
    from sklearn.metrics import f1_score

    stdout.write(f"influencer-topic {version}: {len(records)} creators")
    stdout.write(json.dumps(per_niche(truth, predicted)))
    n_named = sum(named)
    return {
        "n": len(records),
        "accuracy": round(sum(right) / len(right), 4),
        "macro_f1": round(float(f1_score(truth, predicted, labels=present, average="macro", zero_division=0)), 4),
        "named_share": round(n_named / len(records), 4),
        "accuracy_named": round(sum(r for r, n in zip(right, named, strict=True) if n) / n_named, 4)
        if n_named
        else None,
    }
