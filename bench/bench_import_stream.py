"""Large imports in flat memory: a generated 200 MB file of each shape (JSON Lines, a JSON array, the CSV table)
imported through the product's import service, streamed (records read one at a time and kept on disk in batches
until the one write transaction) beside the whole-file read (the baseline: PROFILES_IMPORT_STREAM_BYTES above the
file's size), each in its own process so peak memory (ru_maxrss) is the import's own.

    python bench/bench_import_stream.py                      # SQLite, 200 MB files
    python bench/bench_import_stream.py --postgres URL       # PostgreSQL (a scratch database is created and dropped)
    python bench/bench_import_stream.py --mb 50 --shapes jsonl --no-baseline
    python bench/bench_import_stream.py --followers-mb 1024  # also a 1 GB follower list (--followers-of), streamed

The files are the shipped ig-influencer-posts-2019 profiles (instagram-graphql records with their posts), copied
under new handles and post ids until the size is reached; the CSV holds the same posts as table rows. Each run checks
its counts against what was written. Goal (issue #32): under 400 MB and under 30 s for 200 MB.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.scratch import scratch_database  # noqa: E402

DATASET = ROOT / "ml" / "datasets" / "ig-influencer-posts-2019" / "profiles_slim.jsonl"
CSV_HEADER = ["platform", "handle", "followers_count", "post_id", "caption", "taken_at", "likes", "comments"]


def _copies(limit: int):  # type: ignore[no-untyped-def]
    """Profiles of the dataset under new handles and post ids, as many as fit in `limit` bytes of JSON Lines."""
    base = [json.loads(line) for line in DATASET.read_text(encoding="utf-8").split("\n") if line.strip()]
    written, copy = 0, 0
    while True:
        for record in base:
            clone = dict(record, username=f"{record['username'][:50]}_{copy}", id=f"{record['id']}{copy:04d}")
            clone["posts"] = [
                dict(post, id=f"{post['id']}{copy:04d}", shortcode=f"{post['shortcode']}{copy}")
                for post in record.get("posts", [])
            ]
            line = json.dumps(clone, ensure_ascii=False)
            written += len(line.encode()) + 1
            yield clone, line
            if written >= limit:
                return
        copy += 1


def make_files(folder: Path, megabytes: int, shapes: list[str]) -> dict[str, tuple[Path, int, int]]:
    """shape -> (file, profiles, posts)."""
    limit = megabytes * 1024 * 1024
    made: dict[str, tuple[Path, int, int]] = {}
    if "jsonl" in shapes or "array" in shapes:
        jsonl, array = folder / "profiles.jsonl", folder / "profiles.json"
        profiles = posts = 0
        with jsonl.open("w", encoding="utf-8") as lines, array.open("w", encoding="utf-8") as items:
            items.write("[\n")
            for index, (record, line) in enumerate(_copies(limit)):
                lines.write(line + "\n")
                items.write(("," if index else "") + line + "\n")
                profiles += 1
                posts += len(record.get("posts", []))
            items.write("]\n")
        if "jsonl" in shapes:
            made["jsonl"] = (jsonl, profiles, posts)
        if "array" in shapes:
            made["array"] = (array, profiles, posts)
    if "csv" in shapes:
        table = folder / "profiles.csv"
        profiles = posts = 0
        size = 0
        with table.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            for record, _ in _copies(limit * 3):  # a CSV row is smaller than its JSON
                profiles += bool(record.get("posts"))  # an account is a row of the table only with a post
                for post in record.get("posts", []):
                    taken = datetime.fromtimestamp(post["taken_at_timestamp"], tz=UTC).isoformat()
                    caption = post.get("edge_media_to_caption") or ""
                    row = [
                        "instagram",
                        record["username"],
                        record.get("edge_followed_by"),
                        post["id"],
                        caption,
                        taken,
                        post.get("edge_liked_by"),
                        post.get("edge_media_to_comment"),
                    ]
                    writer.writerow(row)
                    size += sum(len(str(value)) for value in row) + 16
                    posts += 1
                if size >= limit:
                    break
        made["csv"] = (table, profiles, posts)
    return made


def make_followers(folder: Path, megabytes: int) -> tuple[Path, int]:
    """A follower list as the CSV table (one account per row with its counts)."""
    path = folder / "followers.csv"
    limit, size, rows = megabytes * 1024 * 1024, 0, 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["platform", "handle", "display_name", "bio", "followers_count", "following_count"])
        while size < limit:
            row = [
                "instagram",
                f"follower.{rows}",
                f"Follower {rows}",
                "coffee, travel and photos " * 3,
                rows % 900,
                311,
            ]
            writer.writerow(row)
            size += sum(len(str(value)) for value in row) + 6
            rows += 1
    return path, rows


def child(args: argparse.Namespace) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from accounts.models import Organization
    from discovery.services import on_posts_changed
    from profiles.models import Post, Profile
    from profiles.services import profiles_import
    from profiles.signals import posts_changed

    # The discovery refresh an import asks for afterwards is its own task on the ml queue, not part of the import.
    posts_changed.disconnect(on_posts_changed, dispatch_uid="discovery-refresh-on-posts-changed")
    organization = Organization.objects.create(name=args.label, slug=f"bench-{os.getpid()}")
    target = None
    if args.followers_of:
        target = Profile.objects.create(organization=organization, platform="instagram", handle="brand", is_linked=True)
    ticks: list[int] = []
    writing: list[float] = []  # when the write transaction began: parsing is before, writing after
    started = time.perf_counter()
    result = profiles_import(
        organization=organization,
        paths=[Path(args.child)],
        fmt="csv" if args.child.endswith(".csv") else "instagram-graphql",
        followers_of=target,
        on_progress=lambda done, total: ticks.append(done),
        on_writing=lambda profiles, posts: writing.append(time.perf_counter()),
    )
    seconds = time.perf_counter() - started
    stored_posts = Post.objects.filter(profile__organization=organization).count()
    print(
        json.dumps(
            {
                "seconds": round(seconds, 1),
                "parse_seconds": round(writing[0] - started, 1),
                "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "profiles": result.profiles,
                "posts": result.posts,
                "stored_posts": stored_posts,
                "progress_reports": len(set(ticks)),
            }
        )
    )


def run_one(url: str, path: Path, *, stream: bool, label: str, followers_of: bool = False) -> dict[str, object]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        # As a worker runs it (DEBUG off): with DEBUG on, Django keeps the text of its last 9,000 queries, and the
        # key lookups of a 1 GB follower list alone held about 190 MB of it.
        "DEBUG": "false",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "PROFILES_IMPORT_STREAM_BYTES": str(8 * 1024 * 1024 if stream else 1 << 50),
    }
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], env=env, check=True, cwd=ROOT, capture_output=True)
    command = [sys.executable, __file__, "--child", str(path), "--label", label]
    if followers_of:
        command.append("--followers-of")
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"{label} failed")
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def _write_seconds(report: dict[str, object]) -> float:
    """The write transaction's share of the import: everything after the parse."""
    return float(report["seconds"]) - float(report["parse_seconds"])  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", help="PostgreSQL server URL (a scratch database on it is created and dropped)")
    parser.add_argument("--mb", type=int, default=200, help="size of each generated file (MB)")
    parser.add_argument("--shapes", default="jsonl,array,csv")
    parser.add_argument("--no-baseline", action="store_true", help="skip the whole-file baseline runs")
    parser.add_argument("--followers-mb", type=int, default=0, help="also import a follower list of this size")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--label", default="", help=argparse.SUPPRESS)
    parser.add_argument("--followers-of", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    with tempfile.TemporaryDirectory() as folder:
        made = make_files(Path(folder), args.mb, args.shapes.split(","))
        print(f"database: {'postgresql' if args.postgres else 'sqlite'}; files of {args.mb} MB from {DATASET.name}")
        print(
            f"{'file':<8} {'read':<12} {'MB':>6} {'seconds':>8} {'parse':>6} {'write':>6} {'peak MB':>8} "
            f"{'profiles':>9} {'posts':>9}"
        )
        runs = [(shape, stream) for shape in made for stream in ((True,) if args.no_baseline else (True, False))]
        for shape, stream in runs:
            path, profiles, posts = made[shape]
            label = f"{shape} {'streamed' if stream else 'whole'}"
            url = (
                scratch_database(args.postgres, f"bench_import_{os.getpid()}", create=True)
                if args.postgres
                else f"sqlite:///{Path(folder) / f'{shape}-{stream}.sqlite3'}"
            )
            try:
                report = run_one(url, path, stream=stream, label=label)
            finally:
                if args.postgres:
                    scratch_database(args.postgres, f"bench_import_{os.getpid()}", create=False)
            assert report["stored_posts"] == posts == report["posts"], (report, posts)
            assert report["profiles"] == profiles, (report, profiles)
            print(
                f"{shape:<8} {'streamed' if stream else 'whole (base)':<12} {path.stat().st_size / 2**20:>6.0f} "
                f"{report['seconds']:>8.1f} {report['parse_seconds']:>6.1f} {_write_seconds(report):>6.1f} "
                f"{report['peak_mb']:>8,} {profiles:>9,} {posts:>9,}"
            )
        if args.followers_mb:
            path, rows = make_followers(Path(folder), args.followers_mb)
            url = (
                scratch_database(args.postgres, f"bench_import_{os.getpid()}", create=True)
                if args.postgres
                else f"sqlite:///{Path(folder) / 'followers.sqlite3'}"
            )
            try:
                report = run_one(url, path, stream=True, label="followers", followers_of=True)
            finally:
                if args.postgres:
                    scratch_database(args.postgres, f"bench_import_{os.getpid()}", create=False)
            assert report["profiles"] == rows, (report, rows)
            print(
                f"{'followers':<8} {'streamed':<12} {path.stat().st_size / 2**20:>6.0f} {report['seconds']:>8.1f} "
                f"{report['parse_seconds']:>6.1f} {_write_seconds(report):>6.1f} {report['peak_mb']:>8,} "
                f"{rows:>9,} {0:>9,}"
            )


if __name__ == "__main__":
    main()
