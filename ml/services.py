"""Django-facing door to ml/engine: the model registry (register, activate, load the active version)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from config.errors import ApplicationError
from ml.models import ModelVersion


def artifacts_dir() -> Path:
    path = Path(settings.ML_ARTIFACTS_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


@transaction.atomic
def model_version_register(
    *,
    task: str,
    platform: str = "",
    version: str,
    artifact_path: str,
    metrics: dict[str, Any],
    training_data: str = "",
    params: dict[str, Any] | None = None,
    activate: bool = True,
) -> ModelVersion:
    model_version, _ = ModelVersion.objects.update_or_create(
        task=task,
        platform=platform,
        version=version,
        defaults={
            "artifact_path": artifact_path,
            "metrics": metrics,
            "training_data": training_data,
            "params": params or {},
        },
    )
    if activate:
        model_version_activate(model_version=model_version)
    return model_version


@transaction.atomic
def model_version_activate(*, model_version: ModelVersion) -> ModelVersion:
    ModelVersion.objects.filter(task=model_version.task, platform=model_version.platform, is_active=True).exclude(
        pk=model_version.pk
    ).update(is_active=False)
    ModelVersion.objects.filter(pk=model_version.pk).update(is_active=True)
    model_version.is_active = True
    return model_version


def model_version_active(*, task: str, platform: str = "") -> ModelVersion:
    model_version = ModelVersion.objects.filter(task=task, platform=platform, is_active=True).first()
    if model_version is None:
        label = f"{task}/{platform}" if platform else task
        raise ApplicationError(
            f"No trained {label} model is active. Run `python manage.py train_model {task}` "
            "or activate a version in Django admin.",
            code="model_missing",
        )
    return model_version


def model_version_publish(
    *, model: Any, meta: dict[str, Any], folder: str, activate: bool, stdout: Any
) -> ModelVersion:
    """The end of every training: save the model with its meta.json under ML_ARTIFACTS_DIR/folder, register the
    version (task, version, metrics, training data and params read from `meta`), and say so on `stdout`."""
    model.save(artifacts_dir() / folder, meta)
    model_version = model_version_register(
        task=meta["task"],
        platform=meta.get("platform", ""),
        version=meta["version"],
        artifact_path=folder,
        metrics=meta["metrics"],
        training_data=meta["training_data"],
        params=meta["params"],
        activate=activate,
    )
    stdout.write(json.dumps(meta["metrics"]))
    stdout.write(f"Registered {model_version} in {folder}.")
    return model_version


def register_shipped_artifacts() -> list[ModelVersion]:
    """Register every artifact folder under ML_ARTIFACTS_DIR that carries a `meta.json` and is not yet known.

    A folder's meta.json holds task, platform, version, metrics and training_data; the first version of a
    task+platform becomes active, and so does a shipped version replacing an active one whose files are gone (an
    upgrade that ships retrained artifacts), so the platform never points at a model it cannot load.
    """
    registered = []
    for meta_path in sorted(artifacts_dir().glob("*/meta.json")):
        meta = json.loads(meta_path.read_text())
        exists = ModelVersion.objects.filter(
            task=meta["task"], platform=meta.get("platform", ""), version=meta["version"]
        ).exists()
        if exists:
            continue
        has_active = any(
            (artifacts_dir() / active.artifact_path).exists()
            for active in ModelVersion.objects.filter(
                task=meta["task"], platform=meta.get("platform", ""), is_active=True
            )
        )
        registered.append(
            model_version_register(
                task=meta["task"],
                platform=meta.get("platform", ""),
                version=meta["version"],
                artifact_path=meta_path.parent.name,
                metrics=meta.get("metrics", {}),
                training_data=meta.get("training_data", ""),
                params=meta.get("params", {}),
                activate=not has_active,
            )
        )
    return registered


_loaded_lock = threading.Lock()
_loaded: dict[str, tuple[str, Any]] = {}  # task -> (artifact key, loaded model): one loaded version per task


def loaded_artifact(*, version: ModelVersion, load: Callable[[Path], Any], what: str) -> Any:
    """The model of this registry version, loaded once per process (a newly activated version replaces the task's
    previous one). A file that cannot be read is an ApplicationError telling how to retrain."""
    path = artifacts_dir() / version.artifact_path
    key = f"{path}:{version.version}"
    with _loaded_lock:
        cached = _loaded.get(version.task)
        if cached is None or cached[0] != key:
            try:
                model = load(path)
            except (OSError, ValueError, KeyError, EOFError) as exc:
                raise ApplicationError(
                    f"The {what} {version.version} cannot be loaded ({exc}). Retrain it "
                    f"with `python manage.py train_model {version.task}`.",
                    code="model_broken",
                ) from exc
            _loaded[version.task] = (key, model)
        return _loaded[version.task][1]


def labelled_json_lines(path: str) -> list[tuple[int, dict[str, Any]]]:
    """An evaluator's labelled JSON Lines file: (line number, object) for each line, or ApplicationError naming the
    file and the line that is not a JSON object."""
    from ml.engine.jsonl import json_objects

    if not Path(path).is_file():
        raise ApplicationError(f"{path} does not exist.", code="invalid")
    with open(path, encoding="utf-8") as handle:
        try:
            return list(json_objects(handle, path))
        except ValueError as exc:
            raise ApplicationError(f"{exc}.", code="invalid") from exc
