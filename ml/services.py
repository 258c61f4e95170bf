"""Django-facing door to ml/engine: the model registry (register, activate, load the active version)."""

from __future__ import annotations

import importlib
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


# --- what the apps give the models -----------------------------------------------------------------------------------
# The agency's niche corrections are labelled examples for the niche models; discovery owns them and registers where
# to read them at start-up (discovery/apps.py), so this door never imports a consumer.
_niche_correction_sources: list[Callable[[], list[Any]]] = []


def niche_corrections_source_register(source: Callable[[], list[Any]]) -> None:
    if source not in _niche_correction_sources:
        _niche_correction_sources.append(source)


def niche_correction_records() -> list[Any]:
    """[(InfluencerPosts record, niche)] of every stored correction, from the registered source; [] without one."""
    return _niche_correction_sources[-1]() if _niche_correction_sources else []


# --- video drafts: the engine's probe and decoding pass, in a child process under limits ------------------------------


def _video_child(args: list[str], *, timeout: float, on_progress: Callable[[float], None] | None) -> dict[str, Any]:
    """Run `python -m ml.engine.video ARGS` under CPU-time and memory limits and a wall-clock timeout; its result, or
    ApplicationError with its reason (the file's fault) or the limit it hit."""
    import subprocess
    import sys

    cpu = int(getattr(settings, "VIDEO_CPU_SECONDS", 240))
    memory = int(getattr(settings, "VIDEO_MEMORY_BYTES", 2 * 1024**3))
    command = [sys.executable, "-m", "ml.engine.video", *args, str(cpu), str(memory)]
    result: dict[str, Any] | None = None
    error = ""
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(settings.BASE_DIR)
    ) as child:
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            assert child.stdout is not None
            for line in child.stdout:
                try:
                    message = json.loads(line)
                except ValueError:
                    continue
                if "progress" in message and on_progress is not None:
                    on_progress(float(message["progress"]))
                elif "result" in message:
                    result = message["result"]
                elif "error" in message:
                    error = str(message["error"])
            child.wait()
        finally:
            timer.cancel()
        stderr = child.stderr.read() if child.stderr is not None else ""
    if result is not None:
        return result
    if error:
        raise ApplicationError(error, code="video_invalid")
    if child.returncode in (-9, -24) or child.returncode == 137:  # killed: the timer (SIGKILL) or RLIMIT_CPU (SIGXCPU)
        raise ApplicationError(
            "reading it took longer than a video draft may take (a damaged file or a decoding bomb)",
            code="video_too_costly",
        )
    if "MemoryError" in stderr or "Cannot allocate memory" in stderr or "std::bad_alloc" in stderr:
        raise ApplicationError("decoding it needed more memory than a video draft may use", code="video_too_costly")
    raise ApplicationError(
        f"it could not be read (the video reader stopped with code {child.returncode})", code="video_invalid"
    )


def video_probe(path: str) -> dict[str, Any]:
    """Container, codecs, size, rotation, duration and rate of the file at `path` (ml.engine.video.probe)."""
    return _video_child(["probe", path], timeout=float(getattr(settings, "VIDEO_PROBE_SECONDS", 20)), on_progress=None)


def video_process(path: str, out_dir: str, *, on_progress: Callable[[float], None] | None = None) -> dict[str, Any]:
    """Rendition, poster and strip written into `out_dir`; the video's features (ml.engine.video.process)."""
    return _video_child(
        ["process", path, out_dir],
        timeout=float(getattr(settings, "VIDEO_PROCESS_SECONDS", 300)),
        on_progress=on_progress,
    )


# --- the door to ml/engine ------------------------------------------------------------------------------------------
# What the apps above (predictions, discovery) use of the pure-Python engine, by the name they use it under: they
# import it from here (`from ml.services import NICHES`), never from ml.engine, so the engine can be reorganised
# behind this table. Resolved on first use (PEP 562), so importing ml.services never loads a model library.
ENGINE: dict[str, tuple[str, str]] = {
    "AUTHENTICITY_DATASETS_DIR": ("ml.engine.authenticity.datasets", "DATASETS_DIR"),
    "AuthenticityModel": ("ml.engine.authenticity.model", "AuthenticityModel"),
    "BRAND_SAFETY_LABELS": ("ml.engine.brand_safety", "LABELS"),
    "ann_build": ("ml.engine.ann", "build"),
    "ann_load": ("ml.engine.ann", "load"),
    "ann_save": ("ml.engine.ann", "save"),
    "pooled_embedding": ("ml.engine.categories.model", "pooled_embedding"),
    "post_words": ("ml.engine.categories.model", "post_words"),
    "InfluencerPosts": ("ml.engine.categories.records", "InfluencerPosts"),
    "PostText": ("ml.engine.categories.records", "PostText"),
    "NICHES": ("ml.engine.categories.topics", "NICHES"),
    "declared_niche": ("ml.engine.categories.declared", "declared_niche"),
    "niche_name": ("ml.engine.categories.topics", "niche_name"),
    "about_text": ("ml.engine.categories.topics", "about_text"),
    "describe_niche": ("ml.engine.categories.topics", "describe_niche"),
    "DEFAULT_JURISDICTION": ("ml.engine.disclosure", "DEFAULT_JURISDICTION"),
    "JURISDICTIONS": ("ml.engine.disclosure", "JURISDICTIONS"),
    "JURISDICTION_CHOICES": ("ml.engine.disclosure", "JURISDICTION_CHOICES"),
    "check_disclosure": ("ml.engine.disclosure", "check_disclosure"),
    "LANGUAGE_NAMES": ("ml.engine.languages", "LANGUAGE_NAMES"),
    "LANGUAGE_MIXED": ("ml.engine.languages", "MIXED"),
    "LANGUAGE_UNKNOWN": ("ml.engine.languages", "UNKNOWN"),
    "LanguageMix": ("ml.engine.languages", "LanguageMix"),
    "audience_languages": ("ml.engine.languages", "audience_languages"),
    "language_name": ("ml.engine.languages", "language_name"),
    "profile_languages": ("ml.engine.languages", "profile_languages"),
    "STANDING_RECENT_POSTS": ("ml.engine.likes.standing", "RECENT_POSTS"),
    "standing_among": ("ml.engine.likes.standing", "standing_among"),
    "VIDEO_AUDIO_CODECS": ("ml.engine.video", "AUDIO_CODECS"),
    "VIDEO_CODECS": ("ml.engine.video", "VIDEO_CODECS"),
    "VIDEO_CONTAINERS": ("ml.engine.video", "CONTAINERS"),
    "write_clip": ("ml.engine.video", "write_clip"),
    "COUNTRY_UNKNOWN": ("ml.engine.places", "UNKNOWN"),
    "home_country": ("ml.engine.places", "home_country"),
    "profile_countries": ("ml.engine.places", "profile_countries"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attribute = ENGINE[name]
    except KeyError:
        raise AttributeError(f"module 'ml.services' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value
