"""Readers for the labelled account sets, each returning canonical records (see features.py) and 0/1 labels
(1 = fake or bot). The same readers serve training and `evaluate_model`, so held-out files in the shipped formats
go through exactly the code the model was trained with."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

DATASETS_DIR = Path(__file__).resolve().parents[2] / "datasets"
BOTORNOT_OBSERVED_AT = "Wed Mar 15 00:00:00 +0000 2017"  # the set's newest statuses are from mid-March 2017


@dataclass
class LabelledAccounts:
    platform: str
    records: list[dict[str, Any]]
    labels: np.ndarray
    sources: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.records)

    def __add__(self, other: LabelledAccounts) -> LabelledAccounts:
        assert self.platform == other.platform
        return LabelledAccounts(
            self.platform,
            self.records + other.records,
            np.concatenate([self.labels, other.labels]),
            self.sources + other.sources,
        )

    def subset(self, index: np.ndarray) -> LabelledAccounts:
        return LabelledAccounts(
            self.platform, [self.records[i] for i in index], self.labels[index], [self.sources[i] for i in index]
        )


def _flag(value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("true", "1", "yes", "t"):
            return 1.0
        if text in ("false", "0", "no", "f"):
            return 0.0
        return None
    return float(bool(value))


def _int(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def instafake_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "username_length": _int(row.get("usernameLength")),
        "username_digits": _int(row.get("usernameDigitCount")),
        "bio_length": _int(row.get("userBiographyLength")),
        "followers": _int(row.get("userFollowerCount")),
        "following": _int(row.get("userFollowingCount")),
        "posts": _int(row.get("userMediaCount")),
        "has_profile_pic": _flag(row.get("userHasProfilPic")),
        "is_private": _flag(row.get("userIsPrivate")),
        "has_external_url": _flag(row.get("userHasExternalUrl")),
        "tagged": _int(row.get("userTagsCount")),
    }


def load_instafake(*paths: Path | str) -> LabelledAccounts:
    """InstaFake JSON lists (records with `isFake`); defaults to the shipped fake + real files."""
    if not paths:
        folder = DATASETS_DIR / "instafake"
        paths = (folder / "fakeAccountData.json", folder / "realAccountData.json")
    records, labels = [], []
    for path in paths:
        rows = json.loads(Path(path).read_text())
        if not isinstance(rows, list):
            raise ValueError(f"{path}: expected a JSON list of account records.")
        for row in rows:
            if "isFake" not in row:
                raise ValueError(f"{path}: a record has no isFake field.")
            records.append(instafake_record(row))
            labels.append(int(row["isFake"]))
    return LabelledAccounts("instagram", records, np.array(labels, dtype=np.int64), ["instafake"] * len(records))


def kaggle_insta_record(row: dict[str, str]) -> dict[str, Any]:
    return {
        "has_profile_pic": _flag(row.get("profile pic")),
        "username_digit_ratio": _int(row.get("nums/length username")),
        "full_name_words": _int(row.get("fullname words")),
        "full_name_digit_ratio": _int(row.get("nums/length fullname")),
        "name_equals_username": _flag(row.get("name==username")),
        "bio_length": _int(row.get("description length")),
        "has_external_url": _flag(row.get("external URL")),
        "is_private": _flag(row.get("private")),
        "posts": _int(row.get("#posts")),
        "followers": _int(row.get("#followers")),
        "following": _int(row.get("#follows")),
    }


def load_kaggle_insta(path: Path | str | None = None) -> LabelledAccounts:
    path = Path(path or DATASETS_DIR / "kaggle-insta-fake" / "train.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or "fake" not in rows[0]:
        raise ValueError(f"{path}: expected the Kaggle CSV with a `fake` column.")
    records = [kaggle_insta_record(row) for row in rows]
    labels = np.array([int(float(row["fake"])) for row in rows], dtype=np.int64)
    return LabelledAccounts("instagram", records, labels, ["kaggle-insta"] * len(records))


# TikTok shows "No bio yet" where an account wrote none; TikAPI returns that text as the signature.
TIKTOK_NO_BIO = ("", "No bio yet")


def tiktok_record(row: dict[str, Any]) -> dict[str, Any]:
    """A TikTok account (TikAPI's user/stats fields, the columns of tiktok_accounts.csv) as canonical keys."""
    signature = (row.get("signature") or "").strip()
    return {
        "username": row.get("uniqueId"),
        "nickname": row.get("nickname") or "",
        "bio": "" if signature in TIKTOK_NO_BIO else signature,
        "followers": _int(row.get("followerCount")),
        "following": _int(row.get("followingCount")),
        "hearts": _int(row.get("heartCount")),
        "videos": _int(row.get("videoCount")),
        "is_verified": _flag(row.get("verified")),
    }


def load_tiktok_fake(path: Path | str | None = None) -> LabelledAccounts:
    """Aurucci & Miglino 2024 (SOURCE.md): "fake" there means an empty or inactive account."""
    path = Path(path or DATASETS_DIR / "tiktok-fake-accounts" / "train.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or "fake" not in rows[0] or "uniqueId" not in rows[0]:
        raise ValueError(f"{path}: expected TikTok accounts with `uniqueId` and a `fake` column.")
    records = [tiktok_record(row) for row in rows]
    labels = np.array([1 if str(row["fake"]).strip().lower() in ("true", "1") else 0 for row in rows], dtype=np.int64)
    return LabelledAccounts("tiktok", records, labels, ["tiktok-fake"] * len(records))


def twitter_user_record(user: dict[str, Any], observed_at: Any = None) -> dict[str, Any]:
    return {
        "screen_name": user.get("screen_name"),
        "name": user.get("name"),
        "description": user.get("description"),
        "followers": _int(user.get("followers_count")),
        "friends": _int(user.get("friends_count")),
        "statuses": _int(user.get("statuses_count")),
        "favourites": _int(user.get("favourites_count")),
        "listed": _int(user.get("listed_count", user.get("listedcount"))),
        "verified": _flag(user.get("verified")),
        "default_profile": _flag(user.get("default_profile")),
        "default_profile_image": _flag(user.get("default_profile_image")),
        "created_at": user.get("created_at"),
        "observed_at": observed_at,
        "has_url": None if "url" not in user else float(bool(user.get("url"))),
        "location": user.get("location"),
        "geo_enabled": _flag(user.get("geo_enabled")),
        "has_extended_profile": _flag(user.get("has_extended_profile")),
        "has_banner": None
        if "profile_banner_url" not in user and "profile_background_color" not in user
        else float(bool(user.get("profile_banner_url"))),
        "use_background_image": _flag(user.get("profile_use_background_image")),
        "default_theme": default_theme(user),
    }


_DEFAULT_LINK_COLOURS = {"1DA1F2", "0084B4"}
_DEFAULT_BACKGROUND_COLOURS = {"C0DEED", "F5F8FA"}


def default_theme(user: dict[str, Any]) -> float | None:
    """1 when both the link and background colours are still Twitter's defaults; None when not carried."""
    link, background = user.get("profile_link_color"), user.get("profile_background_color")
    if not link or not background:
        return None
    return float(str(link).upper() in _DEFAULT_LINK_COLOURS and str(background).upper() in _DEFAULT_BACKGROUND_COLOURS)


def read_label_tsv(path: Path | str) -> dict[str, int]:
    labels: dict[str, int] = {}
    for line_number, line in enumerate(Path(path).read_text().splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 2 or parts[1].strip().lower() not in ("bot", "human"):
            raise ValueError(f"{path}:{line_number}: expected `user_id<TAB>bot|human`.")
        labels[parts[0].strip()] = int(parts[1].strip().lower() == "bot")
    return labels


def load_twitter_v1(
    path: Path | str | None = None, labels_path: Path | str | None = None, *, source: str = "cresci-rtbust-2019"
) -> LabelledAccounts:
    """A JSON list of objects with a v1.1 `user` object (tweets or bare wrappers); labels from a TSV. Accounts
    appearing several times are kept once; accounts without a label are skipped."""
    folder = DATASETS_DIR / "twitter-cresci-rtbust-2019"
    path = Path(path or folder / "cresci-rtbust-2019_tweets.json")
    labels = read_label_tsv(labels_path or folder / "cresci-rtbust-2019.tsv")
    items = json.loads(path.read_text())
    if not isinstance(items, list):
        raise ValueError(f"{path}: expected a JSON list of objects with a `user` object.")
    records, y, seen = [], [], set()
    for item in items:
        user = item.get("user") if isinstance(item, dict) else None
        if not isinstance(user, dict):
            raise ValueError(f"{path}: every item needs a v1.1 `user` object.")
        user_id = str(user.get("id_str") or user.get("id"))
        if user_id in seen or user_id not in labels:
            continue
        seen.add(user_id)
        observed_at = item.get("created_at")
        if observed_at is None and isinstance(user.get("status"), dict):
            observed_at = user["status"].get("created_at")
        records.append(twitter_user_record(user, observed_at=observed_at))
        y.append(labels[user_id])
    return LabelledAccounts("x", records, np.array(y, dtype=np.int64), [source] * len(records))


_STATUS_DATE = re.compile(r"'created_at': '([^']+)'")


def load_botornot(folder: Path | str | None = None) -> LabelledAccounts:
    """The 'Bot or Not' course set: two CSVs of v1.1-like user columns; duplicate ids are kept once."""
    folder = Path(folder or DATASETS_DIR / "twitter-botornot-kaggle")
    records, y, seen = [], [], set()
    for file_name, label in (("bots_data.csv", 1), ("nonbots_data.csv", 0)):
        with (folder / file_name).open(newline="", encoding="utf-8", errors="replace") as handle:
            for row in csv.DictReader(handle):
                if row["id"] in seen:
                    continue
                seen.add(row["id"])
                match = _STATUS_DATE.search(row.get("status") or "")
                observed = match.group(1) if match else BOTORNOT_OBSERVED_AT
                records.append(twitter_user_record(row, observed_at=observed))
                y.append(label)
    return LabelledAccounts("x", records, np.array(y, dtype=np.int64), ["botornot"] * len(records))
