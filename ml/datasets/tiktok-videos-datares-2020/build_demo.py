"""Builds demo_tiktok.csv (the demo agency's TikTok creators, in the import CSV shape of profiles/IMPORT_FORMATS.md)
from the UCLA DataRes "TikTok_Famous" files (SOURCE.md): the first DEMO_ACCOUNTS accounts of the top-250 list that
have videos, each with its DEMO_VIDEOS newest videos.

    python ml/datasets/tiktok-videos-datares-2020/build_demo.py /path/to/tiktok-videos-datares-2020

The dataset has no caption text, only each video's hashtags: the caption is those hashtags. Counts of 10,000 and more
are rounded to hundreds in the source (TikTok showed "480.8K"); they are kept as given."""

from __future__ import annotations

import ast
import csv
import sys
from datetime import UTC, datetime
from pathlib import Path

DEMO_ACCOUNTS = 12
DEMO_VIDEOS = 30
HERE = Path(__file__).resolve().parent
COLUMNS = [
    "platform", "handle", "followers_count", "posts_count", "post_id", "post_type", "post_url", "taken_at", "caption",
    "likes", "comments", "views", "shares", "duration_seconds",
]  # fmt: skip


def main(source: Path) -> None:
    with (source / "top-250-tiktokers.csv").open(encoding="utf-8") as ranked:
        order = [row["Username"].lstrip("@").lower() for row in csv.DictReader(ranked)]
    videos: dict[str, list[dict[str, str]]] = {}
    with (source / "top_users_vids.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            videos.setdefault(row["user_name"].lower(), []).append(row)
    chosen = [name for name in order if name in videos][:DEMO_ACCOUNTS]
    with (HERE / "demo_tiktok.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        for name in chosen:
            seen: set[str] = set()
            newest = sorted(videos[name], key=lambda row: int(row["create_time"]), reverse=True)
            for row in [r for r in newest if not (r["id"] in seen or seen.add(r["id"]))][:DEMO_VIDEOS]:
                tags = ast.literal_eval(row["hashtags"]) if row["hashtags"].startswith("[") else []
                writer.writerow(
                    {
                        "platform": "tiktok",
                        "handle": name,
                        "followers_count": row["n_followers"],
                        "posts_count": row["n_total_vids"],
                        "post_id": row["id"],
                        "post_type": "video",
                        "post_url": f"https://www.tiktok.com/@{name}/video/{row['id']}",
                        "taken_at": datetime.fromtimestamp(int(row["create_time"]), tz=UTC).isoformat(),
                        "caption": " ".join(f"#{tag}" for tag in tags),
                        "likes": row["n_likes"],
                        "comments": row["n_comments"],
                        "views": row["n_plays"],
                        "shares": row["n_shares"],
                        "duration_seconds": row["video_length"] if row["video_length"] != "0" else "",
                    }
                )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
