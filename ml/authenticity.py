"""Django-facing door of the account-authenticity models: train + register, evaluate, load the active version
once per process, classify Profile rows and explain a verdict in plain words."""

from __future__ import annotations

import json
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from django.utils import timezone

from config.errors import ApplicationError
from ml.engine.authenticity.datasets import default_theme
from ml.engine.authenticity.explain import CATEGORY_SUSPICIOUS, categorise, top_reasons_batch
from ml.engine.authenticity.features import columns_from_records, keys_for
from ml.engine.authenticity.metrics import binary_metrics
from ml.engine.authenticity.model import AuthenticityModel
from ml.models import ModelTask, ModelVersion
from ml.services import artifacts_dir, model_version_active, model_version_register

TASK = ModelTask.ACCOUNT_AUTHENTICITY.value
PLATFORMS = ("instagram", "x", "tiktok")
PROFILE_FIELDS = (
    "id",
    "platform",
    "handle",
    "display_name",
    "bio",
    "external_url",
    "is_verified",
    "is_private",
    "is_business",
    "has_default_avatar",
    "avatar_url",
    "followers_count",
    "following_count",
    "posts_count",
    "account_created_at",
    "last_fetched_at",
    "extra",
)
# Instagram serves everyone without a picture the same anonymous image (its file names, and the base64 of
# "anonymous_profile_pic" in ig_cache_key); the follower list has only the URL to tell.
DEFAULT_AVATAR_MARKS = (
    "44884218_345707102882519_2446069589734326272_n",
    "464760996_1254146839119862_3605321457742435801_n",
    "YW5vbnltb3VzX3Byb2ZpbGVfcGlj",
)

_cache: dict[tuple[int, str], AuthenticityModel] = {}
_cache_lock = threading.Lock()


# -- training -------------------------------------------------------------------------------------------------
def train(
    *, stdout: Any, seed: int = 42, no_activate: bool = False, platforms: tuple[str, ...] = PLATFORMS, **_: Any
) -> list[ModelVersion]:
    from ml.engine.authenticity.train import DATASET_NOTES, PLATFORM_CONFIG, fit, load_training_data

    versions = []
    for platform in platforms:
        config = PLATFORM_CONFIG[platform]
        data = load_training_data(platform)
        stdout.write(
            f"Training {platform} authenticity model on {len(data)} accounts "
            f"({', '.join(config.datasets)}), seed {seed}…"
        )
        model, validation = fit(data, seed=seed, progress=True)
        # Timestamped like the like-prediction versions: a second training on the same day must not overwrite the
        # files of a version that may be active.
        version = timezone.now().strftime("%Y%m%d-%H%M%S") + f"-s{seed}"
        folder_name = f"{TASK}-{platform}-{version}"
        folder = artifacts_dir() / folder_name
        if folder.exists():
            shutil.rmtree(folder)
        counts = {name: int(sum(1 for s in data.sources if s == name)) for name in config.datasets}
        training_data = "; ".join(f"{DATASET_NOTES[name]}: {counts[name]} accounts" for name in config.datasets)
        final = "blend" if model.booster is not None else "net"
        model.meta = {
            "task": TASK,
            "platform": platform,
            "version": version,
            "training_data": training_data,
            "metrics": {
                **validation[final],
                "split": "20% stratified validation split the net never trained on; "
                "the second family scored out-of-fold",
                "by_family": validation,
            },
            "params": {
                "seed": seed,
                "hidden": list(config.hidden),
                "dropout": config.dropout,
                "booster": model.booster is not None,
                "datasets": list(config.datasets),
                "second_family": config.family if model.booster is not None else None,
                "net_weight": model.net_weight,
                "nets": config.nets,
            },
            "trained_at": timezone.now().isoformat(timespec="seconds"),
        }
        model.save(folder)
        if platform == "instagram":
            from ml.engine.authenticity.staged import fit_list_model

            list_model = fit_list_model(data.records, data.labels, data.sources, seed=seed)
            list_model.save(folder)
            model.meta["metrics"]["staged"] = list_model.metrics()
            (folder / "meta.json").write_text(json.dumps(model.meta, indent=1, sort_keys=True))
        versions.append(
            model_version_register(
                task=TASK,
                platform=platform,
                version=version,
                artifact_path=folder_name,
                metrics=model.meta["metrics"],
                training_data=training_data,
                params=model.meta["params"],
                activate=not no_activate,
            )
        )
        stdout.write(f"  {platform}: validation {json.dumps(validation[final])} → {folder_name}")
    return versions


# -- loading --------------------------------------------------------------------------------------------------
def model_for_version(model_version: ModelVersion) -> AuthenticityModel:
    key = (model_version.pk, model_version.artifact_path)
    with _cache_lock:
        model = _cache.get(key)
        if model is None:
            folder = Path(artifacts_dir()) / model_version.artifact_path
            if not (folder / "params.json").exists():
                raise ApplicationError(
                    f"The model files of {model_version} are missing ({folder}).", code="model_missing"
                )
            model = _cache[key] = AuthenticityModel.load(folder)
    return model


def active_model(platform: str) -> tuple[ModelVersion, AuthenticityModel]:
    model_version = model_version_active(task=TASK, platform=platform)
    return model_version, model_for_version(model_version)


# -- Profile rows → canonical records -------------------------------------------------------------------------
def _flag(value: Any) -> float | None:
    return None if value is None else float(bool(value))


EXTRA_KEYS = (
    "tagged_count",
    "favourites_count",
    "listed_count",
    "default_profile",
    "geo_enabled",
    "has_extended_profile",
    "has_banner",
    "use_background_image",
)
TEXT_EXTRA_KEYS = ("location", "profile_link_color", "profile_background_color")


def profile_rows(*, profile_ids: list[int]) -> list[dict[str, Any]]:
    """Profile rows for classification, with the few `extra` keys the models use read in SQL (no JSON decoding
    of whole `extra` blobs: that alone costs more than the model on large audits)."""
    from django.db import connection
    from django.db.models.expressions import RawSQL
    from django.db.models.fields.json import KT

    from profiles.models import Profile

    fields = [field for field in PROFILE_FIELDS if field != "extra"]
    annotations = {f"extra_{key}": KT(f"extra__{key}") for key in (*EXTRA_KEYS, *TEXT_EXTRA_KEYS)}
    if connection.vendor == "postgresql":
        # One array parameter instead of thousands of IN (...) placeholders.
        queryset = Profile.objects.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", (list(profile_ids),)))
    else:
        queryset = Profile.objects.filter(pk__in=profile_ids)
    queryset = queryset.annotate(**annotations).values(*fields, *annotations)
    # Run the ORM's SQL on a plain cursor: Django's per-row converters (booleans, datetimes) cost more than the
    # model here; the features accept 0/1 flags and ISO date strings as the drivers return them.
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    names = [*fields, *annotations]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def has_profile_pic(row: dict[str, Any]) -> float | None:
    """1 / 0 from the stored default-avatar flag, else from the picture URL (Instagram); None when unknown."""
    default_avatar = row.get("has_default_avatar")
    if default_avatar is not None:
        return float(not default_avatar)
    url = row.get("avatar_url")
    if row.get("platform", "instagram") == "instagram" and url:
        return float(not any(mark in url for mark in DEFAULT_AVATAR_MARKS))
    return None


def list_only(row: dict[str, Any]) -> bool:
    """A stored Instagram follower known only from a follower list page (no counts): judged by the list model."""
    return row.get("followers_count") is None and row.get("following_count") is None and row.get("posts_count") is None


def list_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "username": row["handle"],
        "full_name": row.get("display_name") or "",
        "is_private": _flag(row.get("is_private")),
        "is_verified": _flag(row.get("is_verified")),
        "has_profile_pic": has_profile_pic(row),
    }


def list_judge(model: AuthenticityModel) -> Any:
    """For staged audits: a function telling whether a follower's list entry (a profiles ProfileRecord) is
    judged confidently by the list model, i.e. needs no full profile request; None without a list model."""
    from ml.engine.authenticity.staged import list_matrix

    if model.list_model is None:
        return None
    list_model = model.list_model

    def judged(record: Any) -> bool:
        values = record.values
        row = {
            "handle": record.handle,
            "platform": "instagram",
            "display_name": values.get("display_name"),
            "is_private": values.get("is_private"),
            "is_verified": values.get("is_verified"),
            "avatar_url": values.get("avatar_url"),
        }
        return not bool(list_model.unsure(list_matrix([list_record(row)]))[0])

    return judged


def _extra(row: dict[str, Any], key: str, *, text: bool = False) -> Any:
    annotated = "extra_" + key
    if annotated in row:
        value = row[annotated]
        if value is None or text:
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        try:
            return float(value)
        except (TypeError, ValueError):
            return None
    return (row.get("extra") or {}).get(key)


def profile_record(row: dict[str, Any]) -> dict[str, Any]:
    """A canonical record (ml.engine.authenticity.features) from a Profile `.values(*PROFILE_FIELDS)` row or a
    `profile_rows` row."""
    default_avatar = row.get("has_default_avatar")
    if row["platform"] == "instagram":
        picture = has_profile_pic(row)
        extra = {"tagged_count": _extra(row, "tagged_count")}
        return {
            "username": row["handle"],
            "full_name": row.get("display_name") or "",
            "bio": row.get("bio") or "",
            "followers": row.get("followers_count"),
            "following": row.get("following_count"),
            "posts": row.get("posts_count"),
            "tagged": extra.get("tagged_count"),
            "is_private": _flag(row.get("is_private")),
            "is_verified": _flag(row.get("is_verified")),
            "has_profile_pic": picture,
            "has_external_url": float(bool(row.get("external_url"))),
            "is_business": _flag(row.get("is_business")),
        }
    if row["platform"] == "tiktok":
        return {
            "username": row["handle"],
            "nickname": row.get("display_name") or "",
            "bio": row.get("bio") or "",
            "followers": row.get("followers_count"),
            "following": row.get("following_count"),
            "hearts": _extra(row, "total_likes"),
            "videos": row.get("posts_count"),
            "is_verified": _flag(row.get("is_verified")),
        }
    extra = {key: _extra(row, key) for key in EXTRA_KEYS}
    return {
        "screen_name": row["handle"],
        "name": row.get("display_name") or "",
        "description": row.get("bio") or "",
        "followers": row.get("followers_count"),
        "friends": row.get("following_count"),
        "statuses": row.get("posts_count"),
        "favourites": extra.get("favourites_count"),
        "listed": extra.get("listed_count"),
        "verified": _flag(row.get("is_verified")),
        "default_profile": _flag(extra.get("default_profile")),
        "default_profile_image": _flag(default_avatar),
        "created_at": row.get("account_created_at"),
        "observed_at": row.get("last_fetched_at") or timezone.now(),
        "has_url": float(bool(row.get("external_url"))),
        # v1.1 profile details kept in `extra` by the importers; unknown (NaN) where the source did not carry them.
        "location": _extra(row, "location", text=True),
        "geo_enabled": _flag(extra.get("geo_enabled")),
        "has_extended_profile": _flag(extra.get("has_extended_profile")),
        "has_banner": _flag(extra.get("has_banner")),
        "use_background_image": _flag(extra.get("use_background_image")),
        "default_theme": default_theme(
            {
                "profile_link_color": _extra(row, "profile_link_color", text=True),
                "profile_background_color": _extra(row, "profile_background_color", text=True),
            }
        ),
    }


@dataclass
class Classified:
    probability: np.ndarray
    category: np.ndarray
    model: AuthenticityModel
    matrix: np.ndarray
    rows: list[dict[str, Any]]
    from_list: np.ndarray | None = None  # rows judged by the follower-list model (staged audits)

    def record(self, index: int) -> dict[str, Any]:
        return profile_record(self.rows[index])

    def reasons(self, index: int, limit: int = 3) -> list[dict[str, Any]]:
        return self.reasons_many(np.array([index]), limit=limit)[index]

    def reasons_many(self, indices: np.ndarray, limit: int = 3) -> dict[int, list[dict[str, Any]]]:
        if not len(indices):
            return {}
        groups, contributions = self.model.contributions(self.matrix[indices])
        towards_fake = self.probability[indices] >= self.model.threshold
        reasons = top_reasons_batch(
            self.model.platform,
            groups,
            contributions,
            towards_fake,
            lambda k: self.record(int(indices[k])),
            limit=limit,
        )
        return {int(i): reasons[k] for k, i in enumerate(indices)}


def _instagram_columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Feature columns straight from Profile rows (same mapping as profile_record, without a dict per row)."""
    return {
        "username": [row["handle"] for row in rows],
        "full_name": [row.get("display_name") or "" for row in rows],
        "bio": [row.get("bio") or "" for row in rows],
        "followers": [row.get("followers_count") for row in rows],
        "following": [row.get("following_count") for row in rows],
        "posts": [row.get("posts_count") for row in rows],
        "tagged": [_extra(row, "tagged_count") for row in rows],
        "is_private": [_flag(row.get("is_private")) for row in rows],
        "is_verified": [_flag(row.get("is_verified")) for row in rows],
        "has_profile_pic": [has_profile_pic(row) for row in rows],
        "has_external_url": [float(bool(row.get("external_url"))) for row in rows],
        "is_business": [_flag(row.get("is_business")) for row in rows],
    }


def classify_rows(rows: list[dict[str, Any]], *, platform: str, model: AuthenticityModel | None = None) -> Classified:
    """Probabilities and audience categories for Profile value rows of one platform, in one batched pass."""
    if model is None:
        _, model = active_model(platform)
    if platform == "instagram":
        columns = _instagram_columns(rows)
        followers_list, following_list = columns["followers"], columns["following"]
    else:
        columns = columns_from_records([profile_record(row) for row in rows], keys_for(platform))
        followers_list = columns["followers"]
        following_list = columns["friends"] if platform == "x" else columns["following"]
    matrix = model.features(columns)
    probability = model.predict_proba_matrix(matrix) if len(rows) else np.zeros(0)
    from_list = None
    if platform == "instagram" and model.list_model is not None and len(rows):
        from_list = np.array([list_only(row) for row in rows], dtype=bool)
        if from_list.any():
            from ml.engine.authenticity.staged import list_matrix

            listed = [list_record(row) for row, flag in zip(rows, from_list, strict=True) if flag]
            probability[from_list] = model.list_model.probability(list_matrix(listed))
    followers = np.array(followers_list, dtype=float)
    following = np.array(following_list, dtype=float)
    category = categorise(followers, following, probability, model.threshold)
    return Classified(probability, category, model, matrix, rows, from_list)


def check_profile_row(row: dict[str, Any]) -> dict[str, Any]:
    """The single-profile verdict: category, probability of being inauthentic and the top reasons."""
    model_version, model = active_model(row["platform"])
    result = classify_rows([row], platform=row["platform"], model=model)
    probability = float(result.probability[0])
    return {
        "category": str(result.category[0]),
        "probability_inauthentic": round(probability, 4),
        "verdict": "likely fake or bot" if probability >= model.threshold else "likely authentic",
        "is_suspicious": str(result.category[0]) == CATEGORY_SUSPICIOUS,
        "reasons": result.reasons(0),
        "model_version": str(model_version.version),
    }


# -- evaluate_model account-authenticity ----------------------------------------------------------------------
def add_arguments(parser: Any) -> None:
    parser.add_argument(
        "--format",
        required=True,
        choices=["instafake", "kaggle-insta", "twitter-v1", "tiktok-accounts"],
        dest="data_format",
    )
    parser.add_argument("path", nargs="+", help="Labelled file(s) in the chosen format.")
    parser.add_argument("--labels", help="TSV of user_id<TAB>bot|human (twitter-v1 only).")
    parser.add_argument(
        "--staged",
        action="store_true",
        help="Instagram: score the way a staged audit does (follower-list fields first, full "
        "profile only inside the unsure band) and add fetched_share.",
    )


def staged_metrics(model: AuthenticityModel, records: list[dict[str, Any]], labels: np.ndarray) -> dict[str, Any]:
    """Full-model metrics, plus the staged verdict's: the list model outside its unsure band, the full model
    inside it; `fetched_share` = share of accounts that needed their full profile."""
    from ml.engine.authenticity.staged import list_matrix

    if model.list_model is None:
        raise ApplicationError(
            "The active Instagram model has no follower-list model; retrain it with "
            "`python manage.py train_model account-authenticity`.",
            code="no_list_model",
        )
    full_p = model.predict_proba(columns_from_records(records, keys_for("instagram")))
    listed = list_matrix(records)
    list_p = model.list_model.probability(listed)
    predicted, fetched = model.list_model.staged_verdicts(listed, full_p, model.threshold, probability=list_p)
    full = binary_metrics(labels, full_p, model.threshold)
    staged = binary_metrics(labels, predicted.astype(float), 0.5)
    return {
        **full,
        "staged_accuracy": staged["accuracy"],
        "staged_f1": staged["f1"],
        "accuracy_drop": round(full["accuracy"] - staged["accuracy"], 4),
        "fetched_share": round(float(fetched.mean()), 4),
        "list_only_accuracy": round(float(((list_p >= 0.5) == labels).mean()), 4),
        "bands": model.list_model.metrics()["bands"],
    }


def evaluate(
    *, stdout: Any, data_format: str, path: list[str], labels: str | None = None, staged: bool = False, **_: Any
) -> dict[str, Any]:
    from django.core.management.base import CommandError

    from ml.engine.authenticity.datasets import load_instafake, load_kaggle_insta, load_tiktok_fake, load_twitter_v1

    if data_format == "twitter-v1" and not labels:
        raise CommandError("--labels is required for --format twitter-v1 (a TSV of user_id<TAB>bot|human).")
    try:
        if data_format == "instafake":
            data = load_instafake(*path)
        elif data_format == "kaggle-insta":
            data = load_kaggle_insta(path[0])
        elif data_format == "tiktok-accounts":
            data = load_tiktok_fake(path[0])
        else:
            data = load_twitter_v1(path[0], labels)
    except (OSError, ValueError, KeyError) as exc:
        raise CommandError(f"Could not read {', '.join(path)}: {exc}") from exc
    if not len(data):
        raise CommandError(f"No labelled accounts found in {', '.join(path)}.")
    try:
        model_version, model = active_model(data.platform)
    except ApplicationError as exc:
        raise CommandError(exc.message) from exc
    if staged:
        if data.platform != "instagram":
            raise CommandError("--staged applies to Instagram formats (instafake, kaggle-insta).")
        try:
            result = staged_metrics(model, data.records, data.labels)
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        stdout.write(f"Scored {len(data)} accounts with {model_version}, staged")
        return result
    probability = model.predict_proba(columns_from_records(data.records, keys_for(data.platform)))
    stdout.write(f"Scored {len(data)} accounts with {model_version}")
    return binary_metrics(data.labels, probability, model.threshold)
