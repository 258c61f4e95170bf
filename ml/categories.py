"""Influencer niche classification, the Django-facing door: train, evaluate and classify with the active version.

    from ml.categories import classify
    predictions = classify([InfluencerPosts(username="chef_ana", full_name="Ana", bio="…", posts=[PostText(…)]))])
    predictions[0].shares   # [("food", 0.81), ("family", 0.06), …], calibrated
    predictions[0].reasons  # the posts that weigh most towards the top niche

Model code lives in ml/engine/categories (pure Python); this module picks the active registry version and caches
the loaded model per process.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from django.conf import settings

from config.errors import ApplicationError

TASK = "influencer-category"
DATASET = Path(settings.BASE_DIR) / "ml" / "datasets" / "ig-influencer-categories-kim2020"
POSTS_FILE = DATASET / "posts.jsonl.gz"
LABELS_FILE = DATASET / "influencers.tsv"

_lock = threading.Lock()
_loaded: dict[str, Any] = {}


def active_model() -> tuple[Any, str]:
    from ml.engine.categories.model import CategoryModel
    from ml.services import artifacts_dir, model_version_active, register_shipped_artifacts

    try:
        version = model_version_active(task=TASK)
    except ApplicationError:
        register_shipped_artifacts()  # a fresh database: the committed artifact is the first version
        version = model_version_active(task=TASK)
    path = artifacts_dir() / version.artifact_path
    key = f"{path}:{version.version}"
    with _lock:
        if key not in _loaded:
            try:
                model = CategoryModel.load(path)
            except (OSError, ValueError, KeyError, EOFError) as exc:
                raise ApplicationError(
                    f"The niche model {version.version} cannot be loaded ({exc}). Retrain it "
                    f"with `python manage.py train_model {TASK}`.",
                    code="model_broken",
                ) from exc
            _loaded.clear()
            _loaded[key] = model
        return _loaded[key], version.version


def classify(influencers: list[Any], *, reasons: int = 3) -> tuple[list[Any], str]:
    """Calibrated niche shares and reason posts for each ml.engine.categories.records.InfluencerPosts."""
    model, version = active_model()
    return model.predict(influencers, reasons=reasons), version


def training_set() -> tuple[Any, int]:
    """The kim2020 labelled influencers plus every stored niche correction (the correction wins); and the count."""
    from discovery.insights import niche_correction_records
    from ml.engine.categories.training import load_labelled, with_corrections

    return with_corrections(load_labelled(POSTS_FILE, LABELS_FILE), niche_correction_records())


def train(*, stdout: Any, seed: int = 42, no_activate: bool = False, folds: int = 5, **_: Any) -> Any:
    """Grouped k-fold cross-validation (the figures stored with the version), then the final fit on every
    labelled influencer with the out-of-fold temperature."""
    import json

    from django.utils import timezone
    from tqdm import tqdm

    from ml.engine.categories.model import TrainSettings
    from ml.engine.categories.training import cross_validate, train_final
    from ml.services import artifacts_dir, model_version_register

    data, corrections = training_set()
    train_settings = TrainSettings(seed=seed)
    stdout.write(
        f"Influencer category: {len(data.labels)} labelled influencers with posts ({corrections} of them users' "
        f"niche corrections); {folds}-fold grouped cross-validation, then the final fit."
    )
    cv = cross_validate(
        data, train_settings, folds=folds, progress=lambda it: tqdm(it, desc="cross-validation", unit="fold")
    )
    with tqdm(total=1, desc="final fit", unit="model") as bar:
        model = train_final(data, train_settings, cv["temperature"], cv["offsets"])
        bar.update(1)
    version = timezone.now().strftime("%Y%m%d-%H%M%S") + f"-s{seed}"
    folder = f"{TASK}-{version}"
    metrics = {
        **cv["calibrated"],
        "uncalibrated": cv["uncalibrated"],
        "temperature": cv["temperature"],
        "offsets": cv["offsets"],
        "protocol": f"{folds}-fold stratified cross-validation over influencers (grouped: all of an "
        "influencer's posts on one side); class offsets and temperature fitted on other folds",
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
    model.save(artifacts_dir() / folder, meta)
    model_version = model_version_register(
        task=TASK,
        version=version,
        artifact_path=folder,
        metrics=metrics,
        training_data=training_data,
        params=meta["params"],
        activate=not no_activate,
    )
    stdout.write(json.dumps(metrics))
    stdout.write(f"Registered {model_version} in {folder}.")
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
    result = scores(data.y, model.predict_proba(data.influencers))
    stdout.write(
        f"influencer-category {version}: {result['n']} influencers, log-loss {result['log_loss']}, ECE {result['ece']}"
    )
    return {"n": result["n"], "accuracy": result["accuracy"], "macro_f1": result["macro_f1"]}
