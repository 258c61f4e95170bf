"""Large files are read one record at a time and their records wait on disk in batches until the one write
transaction (profiles/importers/parsers/reading.py file_values, records.py Spool, writer.py import_records).

Every real file of tests/data/real is imported both ways (whole, and streamed with batches of three records, so every
merge across batches is exercised) and must store the same rows and say the same result, or be refused with the same
message; the streamed path keeps an import whole or absent, and names the bad record of a large generated file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from accounts.models import Organization
from config.errors import ApplicationError
from profiles.importers import records
from profiles.models import Post, Profile, Relation, Snapshot
from profiles.services import profiles_import
from tests.factories import OrganizationFactory
from tests.profiles.test_real_corpus import CORPUS, REAL

pytestmark = pytest.mark.django_db

PROFILE_COLUMNS = (
    "platform",
    "handle",
    "platform_id",
    "display_name",
    "bio",
    "followers_count",
    "following_count",
    "posts_count",
    "is_verified",
    "is_private",
    "is_business",
    "business_category",
    "extra",
    "is_linked",
    "last_source",
)
POST_COLUMNS = (
    "profile__handle",
    "platform_id",
    "caption",
    "hashtags",
    "mentions",
    "tagged_accounts",
    "taken_at",
    "likes",
    "comments",
    "views",
    "media_type",
    "extra",
    "sponsored",
)


def stored(organization: Organization) -> dict[str, Any]:
    """Every row an import writes, without ids and write times."""
    profiles = Profile.objects.filter(organization=organization)
    return {
        "profiles": sorted(map(repr, profiles.values_list(*PROFILE_COLUMNS))),
        "posts": sorted(map(repr, Post.objects.filter(profile__organization=organization).values_list(*POST_COLUMNS))),
        "relations": sorted(
            map(
                repr,
                Relation.objects.filter(organization=organization).values_list(
                    "source__handle", "target__handle", "kind", "count"
                ),
            )
        ),
        "snapshots": sorted(
            map(
                repr,
                Snapshot.objects.filter(profile__organization=organization).values_list(
                    "profile__handle", "source", "followers_count", "following_count", "posts_count"
                ),
            )
        ),
    }


def run_import(organization: Organization, path: Path, **options: Any) -> dict[str, Any] | str:
    try:
        result = profiles_import(organization=organization, paths=[path], **options)
    except ApplicationError as error:
        return f"refused: {error.message}"
    return {key: value for key, value in result.as_dict().items() if key != "seconds"}


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(records, "SPILL_RECORDS", 3)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_real_file_streamed_stores_what_it_stores_read_whole(name, settings, small_batches):
    path = REAL / name
    options: dict[str, Any] = {}
    if "followers_and_following" in name:
        options["followers_platform"] = "instagram"
    whole_org, streamed_org = OrganizationFactory(), OrganizationFactory()
    if "followers_and_following" in name:
        for organization in (whole_org, streamed_org):
            Profile.objects.create(organization=organization, platform="instagram", handle="owner", is_linked=True)
        options["followers_of"] = "owner"

    settings.PROFILES_IMPORT_STREAM_BYTES = 1 << 40
    whole = run_import(whole_org, path, **options)
    settings.PROFILES_IMPORT_STREAM_BYTES = 0
    streamed = run_import(streamed_org, path, **options)

    assert streamed == whole
    assert stored(streamed_org) == stored(whole_org)
    if isinstance(whole, dict) and not path.is_dir() and whole["profiles"] + whole["posts"] > 3:
        # more records than one batch: the streamed import really went through the spool
        assert whole["profiles"] + whole["posts"] + whole.get("reposts", 0) > records.SPILL_RECORDS


def test_a_streamed_import_is_all_or_nothing_when_a_late_batch_is_refused(settings, small_batches, tmp_path):
    """Ten accounts, then the first one again under a new handle with the same account id: the later batch is
    refused while earlier batches were already written inside the transaction, and nothing stays."""
    settings.PROFILES_IMPORT_STREAM_BYTES = 0
    lines = [
        {"username": f"creator{index}", "id": str(1000 + index), "edge_followed_by": {"count": 10 + index}}
        for index in range(10)
    ]
    lines.append({"username": "creator0_renamed", "id": "1000", "edge_followed_by": {"count": 99}})
    path = tmp_path / "profiles.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    organization = OrganizationFactory()

    answer = run_import(organization, path)

    assert isinstance(answer, str)
    assert "account id 1000 appears as @creator0" in answer and "@creator0_renamed" in answer
    assert "profiles.jsonl" in answer
    assert not Profile.objects.filter(organization=organization).exists()
    assert not Snapshot.objects.filter(profile__organization=organization).exists()


def test_counts_of_a_streamed_import_count_each_account_and_post_once(settings, small_batches, tmp_path):
    """The same account in several batches (a CSV row per post) is one profile with one snapshot, created once; the
    same file again changes nothing."""
    settings.PROFILES_IMPORT_STREAM_BYTES = 0
    rows = ["platform,handle,followers_count,post_id,caption,likes"]
    rows += [f"instagram,maker,5000,{index},post {index} with @friend{index % 2},{index}" for index in range(8)]
    path = tmp_path / "table.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    organization = OrganizationFactory()

    result = run_import(organization, path)
    again = run_import(organization, path)

    assert isinstance(result, dict) and isinstance(again, dict)
    assert (result["profiles"], result["posts"]) == (1, 8)
    # maker, @friend0, @friend1; 8 posts; one snapshot; 2 mention relations
    assert result["created"] == 3 + 8 + 1 + 2
    assert result["updated"] == 0
    snapshot = Snapshot.objects.get(profile__organization=organization)
    assert snapshot.followers_count == 5000
    assert list(
        Relation.objects.filter(organization=organization).order_by("target__handle").values_list("count", flat=True)
    ) == [4, 4]
    assert (again["created"], again["updated"]) == (0, 0)


@pytest.mark.slow
def test_a_200_mb_file_is_read_as_a_stream_and_its_bad_last_record_refused_with_its_line(tmp_path):
    """A generated 200 MB JSON Lines file whose last record has a negative follower count: refused naming the file,
    the line and the field after reading it to the end, with progress moving all along; nothing is written."""
    record = {
        "username": "creator",
        "id": "1",
        "edge_followed_by": {"count": 1000},
        "biography": "coffee, travel and photos " * 40,
    }
    path = tmp_path / "big.jsonl"
    lines = 0
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < 200 * 1024 * 1024:
            lines += 1
            handle.write(json.dumps({**record, "username": f"creator{lines}", "id": str(lines)}) + "\n")
        lines += 1
        handle.write(json.dumps({**record, "username": "broken", "id": "0", "edge_followed_by": {"count": -5}}) + "\n")
    organization = OrganizationFactory()
    reports: list[int] = []

    answer = run_import(organization, path, on_progress=lambda done, total: reports.append(done))

    assert isinstance(answer, str)
    assert f"big.jsonl, line {lines}, field 'edge_followed_by': must not be negative" in answer
    assert len(set(reports)) > 100  # the bar moved while the file was read
    assert not Profile.objects.filter(organization=organization).exists()


def test_the_relation_store_of_a_streamed_import_merges_batches_as_one_dict_does():
    """Counts add up, first and last seen keep the earliest and latest (a missing time never wins), keys that share
    a hash stay apart, and the chunks give every relation back exactly (times to the microsecond)."""
    import random
    from datetime import UTC, datetime, timedelta

    from profiles.importers.writer import _merge_relations, _RelationStore

    rng = random.Random(3)
    start = datetime(2024, 2, 29, 23, 59, 59, 999999, tzinfo=UTC)
    kinds = ["mentions", "tags", "replies", "retweets"]
    batches = []
    for _ in range(6):
        batch = {}
        for _ in range(300):
            key = (rng.randint(1, 40), rng.randint(1, 40), rng.choice(kinds))
            when = None if rng.random() < 0.2 else start + timedelta(microseconds=rng.randint(-(10**12), 10**12))
            batch[key] = [rng.randint(1, 3), when, when]
        batches.append(batch)
    merged: dict = {}
    store = _RelationStore()
    for batch in batches:
        _merge_relations(merged, {key: list(value) for key, value in batch.items()})
        store.add(batch)
    back: dict = {}
    for chunk in store.chunks(size=97):
        assert not set(chunk) & set(back)
        back.update(chunk)
    assert back == merged

    colliding = _RelationStore()
    original = colliding._find
    colliding.slot[hash((1, 2, "mentions"))] = 0  # a slot taken by another key with the same hash
    colliding.source.append(9), colliding.target.append(9), colliding.kind.append(0), colliding.count.append(5)
    colliding.first.append(_RelationStore.NONE), colliding.last.append(_RelationStore.NONE)
    colliding.add({(1, 2, "mentions"): [2, None, None]})
    assert original((1, 2, "mentions")) == 1 and colliding.count[1] == 2 and colliding.count[0] == 5


def test_a_follower_list_is_looked_up_in_few_queries_and_a_second_import_adds_nothing(
    settings, tmp_path, django_assert_max_num_queries
):
    """1,200 new followers in one batch: their handles are looked up (none stored) and their follows are written
    without asking for relations of accounts the batch itself created. PostgreSQL binds the keys as one array per
    lookup (`= ANY`), where IN lists of 500 made three queries per lookup; SQLite keeps IN lists. The same list again
    finds every follower and every edge: nothing created or updated."""
    settings.PROFILES_IMPORT_STREAM_BYTES = 1 << 40
    organization = OrganizationFactory()
    owner = Profile.objects.create(organization=organization, platform="instagram", handle="owner", is_linked=True)
    path = tmp_path / "followers.csv"
    rows = ["platform,handle,followers_count,following_count"]
    rows += [f"instagram,fan.{index},{index},{300 + index}" for index in range(1200)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    # PostgreSQL: 5 queries (COPY is not counted); with IN lists of 500 and the follows looked up it was 10.
    with django_assert_max_num_queries(6 if connection.vendor == "postgresql" else 14):
        first = profiles_import(organization=organization, paths=[path], fmt="csv", followers_of=owner)
    assert first.profiles == 1200
    assert Relation.objects.filter(target=owner, kind="follows").count() == 1200
    assert set(Profile.objects.filter(organization=organization).values_list("following_count", flat=True)) == {
        *range(300, 1500),
        None,
    }
    again = profiles_import(organization=organization, paths=[path], fmt="csv", followers_of=owner)
    assert (again.created, again.updated) == (0, 0)
    assert Relation.objects.filter(target=owner, kind="follows").count() == 1200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the planner's statistics of PostgreSQL")
def test_a_long_streamed_import_refreshes_the_planners_statistics_with_its_own_rows(
    settings, small_batches, tmp_path, monkeypatch
):
    """The lookups of each batch are planned from statistics; a table analysed when it was empty makes PostgreSQL
    scan every row of the agency for each batch of a large import (1.5 s a batch after a few million followers).
    Past ANALYZE_FIRST records the import analyses its tables inside its transaction, its own rows counted."""
    from profiles.importers import writer

    monkeypatch.setattr(writer, "ANALYZE_FIRST", 10)
    settings.PROFILES_IMPORT_STREAM_BYTES = 0
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE profiles_profile")
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'profiles_profile'")
        (before,) = cursor.fetchone()
    lines = [
        {"username": f"creator{index}", "biography": f"bio {index}", "edge_followed_by": {"count": index}}
        for index in range(60)
    ]
    path = tmp_path / "profiles.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")

    result = run_import(OrganizationFactory(), path)

    assert result["profiles"] == 60
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'profiles_profile'")
        (after,) = cursor.fetchone()
        cursor.execute("SHOW lock_timeout")
        (lock_timeout,) = cursor.fetchone()
        cursor.execute("SELECT attname FROM pg_stats WHERE tablename = 'profiles_profile'")
        with_statistics = {name for (name,) in cursor.fetchall()}
    assert before < 10 <= after  # analysed at 10 and 40 records written: the import's own rows are counted
    # the columns the lookups filter on, not the texts no lookup reads (their statistics took most of the time)
    assert {"organization_id", "platform", "handle"} <= with_statistics
    assert "bio" not in with_statistics
    assert lock_timeout == "0"  # the short wait for ANALYZE's lock does not outlive it


def test_an_import_collects_garbage_cycles_rarely_while_it_runs_and_restores_the_collector_after(
    settings, small_batches, tmp_path, monkeypatch
):
    """Parsing and writing run with the collector's first threshold at IMPORT_GC_THRESHOLD (every 700 objects it
    walked a batch's records again: about a sixth of a large import); the thresholds before come back afterwards,
    also when the import is refused."""
    import gc

    from profiles.importers import writer

    settings.PROFILES_IMPORT_STREAM_BYTES = 0
    seen: dict[str, tuple[int, int, int]] = {}
    parse_line, write_batch = records.ParsedFile.add_profile, writer._write_batch

    def noting_parse(self: records.ParsedFile, record: records.ProfileRecord) -> None:
        seen["parse"] = gc.get_threshold()
        parse_line(self, record)

    def noting_write(*args: Any, **kwargs: Any) -> None:
        seen["write"] = gc.get_threshold()
        write_batch(*args, **kwargs)

    monkeypatch.setattr(records.ParsedFile, "add_profile", noting_parse)
    monkeypatch.setattr(writer, "_write_batch", noting_write)
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    lines = [
        json.dumps({"username": f"creator{index}", "id": str(2000 + index), "edge_followed_by": {"count": index}})
        for index in range(5)
    ]
    good.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad.write_text("\n".join([*lines, '{"username": "creator9", "id": "9", "edge_followed_by": {"count": "many"}}']))
    before = gc.get_threshold()
    organization = OrganizationFactory()

    result = run_import(organization, good)

    assert isinstance(result, dict) and result["profiles"] == 5
    assert seen["parse"][0] == seen["write"][0] == records.IMPORT_GC_THRESHOLD > before[0]
    assert seen["parse"][1:] == seen["write"][1:] == before[1:]
    assert gc.get_threshold() == before
    seen.clear()
    refused = run_import(OrganizationFactory(), bad)
    assert isinstance(refused, str) and "bad.jsonl" in refused
    assert seen["parse"][0] == records.IMPORT_GC_THRESHOLD and "write" not in seen
    assert gc.get_threshold() == before


def test_imports_overlapping_in_threads_share_one_relaxed_collector_and_the_last_restores_it():
    """Two imports in threads of one process (a threads pool): the first to finish does not restore the threshold
    under the other, and the last leaves it as it found it (set and restored independently, the second would have
    saved the first's raised threshold and put it back for good)."""
    import gc
    import threading

    before = gc.get_threshold()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, int] = {}

    def first() -> None:
        with records.collector_relaxed():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with records.collector_relaxed():
            second_in.set()
            first_out.wait(5)
            seen["after the first finished"] = gc.get_threshold()[0]

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert seen["after the first finished"] == records.IMPORT_GC_THRESHOLD
    assert gc.get_threshold() == before


@pytest.mark.parametrize("record_class", [records.ProfileRecord, records.PostRecord, records.RepostRecord])
def test_a_spooled_record_comes_back_with_every_field(record_class: type) -> None:
    """The records pickle as their constructor's arguments (faster to spool, records._by_arguments): a field that did
    not make the round trip would come back from the spool with its default, and only large imports would lose it."""
    import dataclasses
    import pickle
    from datetime import UTC, datetime

    values: dict[str, Any] = {}
    for index, field in enumerate(dataclasses.fields(record_class)):
        if field.type in ("str", str):
            values[field.name] = f"value {index}"
        elif "datetime" in str(field.type):
            values[field.name] = datetime(2024, 5, index + 1, tzinfo=UTC)
        else:
            values[field.name] = {"field": index, "nested": [index]}
    record = record_class(**values)
    back = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301 - our own bytes
    assert type(back) is record_class
    assert dataclasses.asdict(back) == values
