"""Write parsed records in one transaction with bulk upserts and precomputed lookups.

Idempotent: a row is written only when it is new or one of its values changed, so importing the same file twice
creates and updates nothing. Sparse sources (e.g. gallery-dl, which knows a profile's name but not its counts) never
blank fields another source filled: only the fields a record carries are applied over the stored values.
"""

from __future__ import annotations

import json
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import OperationalError, connections, models, router, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone

from accounts.models import Organization
from config.jobs import after_commit
from profiles.importers.records import (
    POST_FIELDS,
    PROFILE_FIELDS,
    ImportFormatError,
    ParsedFile,
    PostRecord,
    ProfileRecord,
    RepostRecord,
    collector_relaxed,
    text_cut,
)
from profiles.models import Post, Profile, Relation, RelationKind, Snapshot, sponsorship_columns
from profiles.platforms import PLATFORMS
from profiles.signals import posts_changed

ProgressCallback = Callable[[int, int], None]
BATCH = 1000
COUNT_FIELDS = ("followers_count", "following_count", "posts_count")
# Every post row carries every POST_FIELDS column, so rows from sparse and rich sources share one INSERT shape.
POST_DEFAULTS: dict[str, Any] = {
    "shortcode": "",
    "url": "",
    "media_type": "image",
    "caption": "",
    "hashtags": [],
    "mentions": [],
    "tagged_accounts": [],
    "taken_at": None,
    "likes": None,
    "comments": None,
    "views": None,
    "shares": None,
    "saves": None,
    "duration_seconds": None,
    "image_description": "",
    "is_sponsored": None,
}


@dataclass
class ImportResult:
    profiles: int = 0
    posts: int = 0
    reposts: int = 0
    created: int = 0
    updated: int = 0
    seconds: float = 0.0
    skipped: list[str] = dataclass_field(default_factory=list)  # files of a folder that were no importable format
    cut: list[str] = dataclass_field(default_factory=list)  # the first CUT_LISTED texts cut to the platform's limit
    cut_count: int = 0  # every text cut

    def as_dict(self) -> dict[str, Any]:
        return {
            "profiles": self.profiles,
            "posts": self.posts,
            "reposts": self.reposts,
            "created": self.created,
            "updated": self.updated,
            "seconds": round(self.seconds, 3),
            **({"skipped": self.skipped} if self.skipped else {}),
            **({"cut": self.cut[:CUT_LISTED], "cut_count": self.cut_count} if self.cut_count else {}),
        }


CUT_LISTED = 20  # cut texts named one by one in the result; the rest are counted


def _cut_texts(profiles: Any, posts: Any, result: ImportResult) -> None:
    for record in profiles.values():
        for name, length, limit in text_cut(record.platform, record.values):
            _note_cut(result, f"{name} of @{record.handle}: {length:,} characters cut to {limit:,}")
    for post, _ in posts.values():
        for name, length, limit in text_cut(post.platform, post.values):
            _note_cut(result, f"{name} of post {post.platform_id} by @{post.owner_handle}: {length:,} cut to {limit:,}")


def _note_cut(result: ImportResult, text: str) -> None:
    result.cut_count += 1
    if len(result.cut) < CUT_LISTED:
        result.cut.append(text)


_REQUIRED = object()


def fast_insert(model: type[models.Model], rows: list[dict[str, Any]], *, with_pk: bool = False) -> None:
    """INSERT new rows: COPY on PostgreSQL, executemany on SQLite.

    bulk_create builds a model instance and runs every field's get_db_prep_save for each value, and on SQLite it
    splits batches at 999 parameters (~40 rows of a Post); for 18,000 new posts that overhead was most of the import
    (see bench/bench_import.py). Changed rows still go through bulk_create(update_conflicts=True).
    Here only the columns that need conversion (JSON, datetimes) are converted; rows hold attnames
    (profile_id, not profile) and values already of the column's Python type; a column a row leaves out takes the
    field's default. Callers checked there are no conflicts (precomputed lookups
    inside the same transaction). `with_pk`: every row carries its primary key (from `allocate_ids`)."""
    if not rows:
        return
    columns: dict[str, list[Any]] = {}  # column by column: one comprehension per column, not a call per value
    for field in model._meta.concrete_fields:
        if field.primary_key and not with_pk:
            continue
        name = field.attname
        default = field.get_default() if field.has_default() else None if field.null else _REQUIRED
        if default is _REQUIRED:
            if any(name not in row for row in rows):
                raise ValueError(f"{model.__name__}.{name} has no value and no default")
            columns[name] = [row[name] for row in rows]
        else:  # a list or dict default is shared here: it is only read (encoded to JSON text), never changed
            columns[name] = [row.get(name, default) for row in rows]
    fast_insert_columns(model, columns)


def allocate_ids(model: type[models.Model], count: int) -> list[int] | None:
    """`count` fresh primary keys from the table's sequence (PostgreSQL), so new rows can be written with their ids
    known instead of being read back by key after the insert (half an import's lookups). None on SQLite, where the
    caller reads them back."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql" or count == 0:
        return None if connection.vendor != "postgresql" else []
    table = str(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def fast_insert_columns(model: type[models.Model], columns: dict[str, list[Any]]) -> None:
    """fast_insert for rows given column by column (attname -> one value per row, every column named): no dict per
    row, each column converted in one pass (a graph's million nodes)."""
    connection = connections[router.db_for_write(model)]
    by_attname = {field.attname: field for field in model._meta.concrete_fields}
    fields = [by_attname[name] for name in columns]
    converted = []
    for field, values in zip(fields, columns.values(), strict=True):
        convert = _converter(field, connection)
        converted.append(values if convert is None else [convert(value) for value in values])
    _insert(model, fields, list(zip(*converted, strict=True)))


def _insert(model: type[models.Model], fields: list[models.Field], params: list[tuple[Any, ...]]) -> None:
    if not params:
        return
    connection = connections[router.db_for_write(model)]
    table = connection.ops.quote_name(str(model._meta.db_table))
    columns = ", ".join(connection.ops.quote_name(str(field.column)) for field in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams rows without a statement per row: on PostgreSQL the fastest way in (psycopg 3).
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for values in params:
                    copy.write_row(values)
            return
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
        for chunk in _chunks(params, 5000):
            cursor.executemany(sql, chunk)


def _converter(field: models.Field, connection: Any) -> Callable[[Any], Any] | None:
    """The cheapest correct adaptation of a value for this column on this backend (None: pass as is)."""
    if isinstance(field, models.JSONField):
        # SQLite stores JSON text; PostgreSQL's COPY parses the same text into jsonb.
        encode = json.JSONEncoder().encode if field.encoder is None else field.encoder().encode
        return lambda value: None if value is None else ("[]" if value == [] else encode(value))
    if isinstance(field, models.DateTimeField):
        if connection.vendor == "sqlite":
            # What Django's SQLite backend stores: naive UTC, str() of the datetime.
            return lambda value: None if value is None else str(value.astimezone(UTC).replace(tzinfo=None))
        return None  # psycopg adapts aware datetimes itself
    if isinstance(field, models.DateField):
        return lambda value: field.get_db_prep_save(value, connection)
    return None


def _chunks(items: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


ANY_CHUNK = 20_000  # values per `= ANY(array)` lookup on PostgreSQL


def _among(queryset: models.QuerySet[Any], field: str, values: list[Any]) -> Iterable[models.QuerySet[Any]]:
    """`queryset` narrowed to the rows whose `field` is one of `values`, in as few queries as the backend allows.
    PostgreSQL: one `column = ANY(%s)` per ANY_CHUNK values, the values bound as one array (an IN list of 500 was a
    query, a parse and a plan per 500 keys: half the write time of a follower list went to looking up handles that
    were not stored). SQLite: IN lists of 500."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        for chunk in _chunks(values):
            yield queryset.filter(**{f"{field}__in": chunk})
        return
    model, quote = queryset.model, connection.ops.quote_name
    column = f"{quote(model._meta.db_table)}.{quote(model._meta.get_field(field).column)}"
    for chunk in _chunks(values, ANY_CHUNK):
        yield queryset.filter(RawSQL(f"{column} = ANY(%s)", (chunk,), output_field=models.BooleanField()))


def _resolve_id_handles(organization: Organization, files: list[ParsedFile]) -> None:
    """Records that name an account by the id standing in for its handle (YouTube's "UC…" channel ids: an API
    video names its channel so) are written under the account's real handle when the import or the agency's stored
    profiles know it, so one channel is one profile whichever file named it first."""
    ids: dict[tuple[str, str], str] = {}
    for parsed in files:
        for record in parsed.profiles:
            spec = PLATFORMS.get(record.platform)
            if spec is not None and spec.id_handle_re is not None and spec.is_id_handle(record.handle):
                ids[(record.platform, record.handle)] = ""
    for parsed in files:
        for post in parsed.posts:
            spec = PLATFORMS.get(post.platform)
            if spec is not None and spec.is_id_handle(post.owner_handle):
                ids[(post.platform, post.owner_handle)] = ""
    if not ids:
        return
    for parsed in files:
        for record in parsed.profiles:
            if (record.platform, record.values.get("platform_id", "")) in ids and not PLATFORMS[
                record.platform
            ].is_id_handle(record.handle):
                ids[(record.platform, record.values["platform_id"])] = record.handle
    for platform, handle, platform_id in Profile.objects.filter(
        organization=organization, platform__in={key[0] for key in ids}, platform_id__in={key[1] for key in ids}
    ).values_list("platform", "handle", "platform_id"):
        if not ids.get((platform, platform_id)) and not PLATFORMS[platform].is_id_handle(handle):
            ids[(platform, platform_id)] = handle
    for parsed in files:
        for record in parsed.profiles:
            record.handle = ids.get((record.platform, record.handle)) or record.handle
        for post in parsed.posts:
            post.owner_handle = ids.get((post.platform, post.owner_handle)) or post.owner_handle


def _merge_profiles(files: list[ParsedFile]) -> tuple[dict[tuple[str, str], ProfileRecord], dict[tuple[str, str], str]]:
    merged: dict[tuple[str, str], ProfileRecord] = {}
    sources: dict[tuple[str, str], str] = {}
    by_platform_id: dict[tuple[str, str], ProfileRecord] = {}
    for parsed in files:
        for record in parsed.profiles:
            platform_id = record.values.get("platform_id")
            if platform_id:
                seen = by_platform_id.setdefault((record.platform, platform_id), record)
                if seen.handle != record.handle:
                    # One account under two handles (renamed between two saves): which handle is current is not
                    # knowable from the files, so neither is guessed.
                    raise ImportFormatError(
                        file=record.where.rsplit(":", 1)[0] or parsed.name,
                        line=None,
                        field="username",
                        message=f"account id {platform_id} appears as @{seen.handle} ({seen.where}) and as "
                        f"@{record.handle} ({record.where}): the account was renamed between the saves; "
                        "import the files separately, oldest first",
                    )
            current = merged.get(record.key)
            if current is None:
                merged[record.key] = ProfileRecord(
                    record.platform, record.handle, dict(record.values), dict(record.extra), record.where
                )
            else:
                current.values.update(record.values)
                current.extra.update(record.extra)
            sources[record.key] = parsed.source_label
    return merged, sources


def _merge_posts(files: list[ParsedFile]) -> dict[tuple[str, str, str], tuple[PostRecord, str]]:
    merged: dict[tuple[str, str, str], tuple[PostRecord, str]] = {}
    for parsed in files:
        for record in parsed.posts:
            key = (record.platform, record.owner_handle, record.platform_id)
            if key in merged:
                merged[key][0].values.update(record.values)
                merged[key][0].extra.update(record.extra)
            else:
                merged[key] = (
                    PostRecord(
                        record.platform,
                        record.owner_handle,
                        record.platform_id,
                        dict(record.values),
                        dict(record.extra),
                        record.reply_to_handle,
                        record.where,
                    ),
                    parsed.name,
                )
    return merged


def _merge_reposts(files: list[ParsedFile]) -> dict[tuple[str, str, str], RepostRecord]:
    """(platform, reposter, original post id) -> repost: the same repost seen twice counts once."""
    merged: dict[tuple[str, str, str], RepostRecord] = {}
    for parsed in files:
        for record in parsed.reposts:
            merged.setdefault((record.platform, record.reposter_handle, record.original_post_id), record)
    return merged


@dataclass
class _Run:
    """One import: what every batch shares. A file small enough to be read whole is one batch; a large file's
    spooled batches are written one after the other inside the same transaction, meeting the rows earlier batches
    wrote as stored rows (`now` marks them)."""

    organization: Organization
    link: bool
    followers_of: Profile | None
    always_snapshot: bool
    streamed: bool
    now: datetime = dataclass_field(default_factory=timezone.now)
    result: ImportResult = dataclass_field(default_factory=ImportResult)
    relations: dict[RelationKey, list[Any]] = dataclass_field(default_factory=dict)  # from posts and reposts
    changed: set[int] = dataclass_field(default_factory=set)  # profiles whose posts changed
    counted: set[int] = dataclass_field(default_factory=set)  # posts (hashed keys) whose relations are counted
    store: _RelationStore = dataclass_field(default_factory=lambda: _RelationStore())  # streamed: all the relations
    keys: dict[str, list[Any]] = dataclass_field(default_factory=lambda: {"profiles": [], "posts": []})
    referenced_ids: dict[tuple[str, str], int] = dataclass_field(default_factory=dict)  # bounded: REFERENCED_IDS_KEPT
    analyze_at: int = 0  # records written when the planner's statistics are next refreshed (0: ANALYZE_FIRST)


REFERENCED_IDS_KEPT = 100_000  # about 25 MB of (platform, handle) -> id


def import_records(
    *,
    organization: Organization,
    files: list[ParsedFile],
    link: bool = False,
    followers_of: Profile | None = None,
    on_progress: ProgressCallback | None = None,
    always_snapshot: bool = False,
) -> ImportResult:
    """Upsert everything parsed from `files` into `organization`, all or nothing (one transaction).

    Files read whole are merged and written in one batch; a large file's records come back from its spool batch by
    batch, so memory holds one batch (profiles/importers/records.py Spool)."""
    started = time.perf_counter()
    run = _Run(
        organization=organization,
        link=link,
        followers_of=followers_of,
        always_snapshot=always_snapshot,
        streamed=any(parsed.is_spooled for parsed in files),
    )
    with collector_relaxed(), transaction.atomic():
        agency_write_lock(organization.pk)
        if not run.streamed:
            _write_batch(run, files, on_progress)
        else:
            written = 0
            total = sum(sum(parsed.spilled) + len(parsed.profiles) + len(parsed.posts) for parsed in files)
            for parsed in files:
                for profiles, posts, reposts in parsed.batches():
                    batch = ParsedFile(
                        parsed.name, profiles=profiles, posts=posts, reposts=reposts, source=parsed.source
                    )
                    _write_batch(run, [batch], None)
                    written += len(profiles) + len(posts) + len(reposts)
                    _refresh_statistics(run, written)
                    if on_progress is not None:
                        on_progress(min(written, total), total)
        _finish(run)
    run.result.seconds = time.perf_counter() - started
    return run.result


ANALYZE_FIRST = 50_000  # records a streamed import writes before it first refreshes the planner's statistics
# The tables a streamed import writes, and the columns its lookups by key filter on: only these are analysed (with
# the table's row and page counts, which every ANALYZE updates). Statistics of the text and JSON columns (captions,
# bios, extra) took most of an ANALYZE and no lookup reads them: 1.6 s -> 0.6 s on 1.8 million posts.
ANALYZED_COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
    Profile: ("organization", "platform", "handle", "platform_id"),
    Post: ("profile", "platform_id"),
    Relation: ("source", "target", "kind"),
    Snapshot: ("profile", "taken_at"),
}


def _refresh_statistics(run: _Run, written: int) -> None:
    """PostgreSQL: ANALYZE the tables a streamed import writes each time it has written four times as many records
    (50,000, 200,000, 800,000, ...). Every batch looks up the rows it may update by key; the planner sizes those
    lookups from statistics that know nothing of the rows this uncommitted transaction added, so past a few hundred
    thousand rows it scanned all of the agency's profiles for each batch (1.5 s a batch, growing) instead of probing
    the index for each key. ANALYZE in the transaction counts its own rows. Its lock (SHARE UPDATE EXCLUSIVE, kept to
    the end of the transaction) is not waited for: if another import holds it, this one goes on without."""
    if written < (run.analyze_at or ANALYZE_FIRST):
        return
    run.analyze_at = 4 * written
    connection = transaction.get_connection()
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    tables = ", ".join(
        f"{quote(model._meta.db_table)} ({', '.join(quote(model._meta.get_field(name).column) for name in names)})"
        for model, names in ANALYZED_COLUMNS.items()
    )
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        (previous,) = cursor.fetchone()
        try:
            with transaction.atomic():  # a savepoint: a refused lock undoes only this
                cursor.execute("SET LOCAL lock_timeout = '200ms'")
                cursor.execute(f"ANALYZE {tables}")
        except OperationalError:
            pass  # another transaction holds the lock: the lookups keep the plans they had
        finally:
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [previous])


# The advisory-lock namespace of an agency's imports (pg_advisory_xact_lock's first key; the agency id is the second).
_IMPORT_LOCK = 0x51_6D_70  # "Imp"


def agency_write_lock(organization_id: int) -> None:
    """Hold the agency's import lock until the transaction ends (PostgreSQL), so two imports or fetches of one agency
    write one after the other. Both may create the same profile (two fetched accounts replying to @esa): without it
    the second transaction's insert waits for the first and then fails on the unique handle. Taken first in the
    transaction, so everything read after it sees the other import's rows. Agencies do not wait for each other, and
    the slow part of a fetch (the platform's answers) happens before. SQLite lets one writer in at a time anyway."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_IMPORT_LOCK, organization_id])


def _write_batch(run: _Run, files: list[ParsedFile], on_progress: ProgressCallback | None) -> None:
    organization, now, result, link = run.organization, run.now, run.result, run.link
    followers_of, always_snapshot = run.followers_of, run.always_snapshot
    _resolve_id_handles(organization, files)
    profiles, sources = _merge_profiles(files)
    posts = _merge_posts(files)
    reposts = _merge_reposts(files)
    if run.streamed:  # distinct across batches: counted at the end
        run.keys["profiles"].append(_hashes(profiles))
        run.keys["posts"].append(_hashes(posts))
        result.reposts += len(reposts)
    else:
        result.profiles, result.posts, result.reposts = len(profiles), len(posts), len(reposts)
    _cut_texts(profiles, posts, result)
    total = len(profiles) + len(posts)

    def progress(done: int) -> None:
        if on_progress is not None:
            on_progress(min(done, total), total)

    # Accounts only referenced (mentioned, tagged, replied to, or owners without a profile record): created bare,
    # never updated from here.
    referenced: set[tuple[str, str]] = set()
    for post, _ in posts.values():
        referenced.add((post.platform, post.owner_handle))
        for handle in [*post.values.get("mentions", []), *post.values.get("tagged_accounts", []), post.reply_to_handle]:
            if handle:
                referenced.add((post.platform, handle[:64]))
    for repost in reposts.values():
        referenced.update({(repost.platform, repost.reposter_handle), (repost.platform, repost.original_handle)})
    referenced -= set(profiles)

    updated_keys = set(profiles)  # read whole, to compare; referenced accounts only need their ids
    if followers_of is not None:
        updated_keys.add((followers_of.platform, followers_of.handle))
    wanted = updated_keys | referenced
    platform_ids = {
        (key[0], record.values["platform_id"]) for key, record in profiles.items() if record.values.get("platform_id")
    }
    existing: dict[tuple[str, str], dict[str, Any]] = {}
    by_platform_id: dict[tuple[str, str], dict[str, Any]] = {}
    for stored in _stored_profiles(organization, updated_keys, platform_ids):
        existing[(stored["platform"], stored["handle"])] = stored
        if stored["platform_id"]:
            by_platform_id[(stored["platform"], stored["platform_id"])] = stored
    # An account mentioned in one batch is mostly mentioned again in later ones: its id is remembered.
    referenced_ids = {key: run.referenced_ids[key] for key in referenced if key in run.referenced_ids}
    unknown = referenced - referenced_ids.keys() - existing.keys()
    for stored in _stored_profiles(organization, unknown, set(), ("id",)):
        referenced_ids[(stored["platform"], stored["handle"])] = stored["id"]

    to_create: list[dict[str, Any]] = []
    to_upsert: list[Profile] = []
    renamed: list[Profile] = []
    snapshot_keys: list[tuple[tuple[str, str], dict[str, Any]]] = []
    repeated = 0  # rows an earlier batch of this import wrote: neither new nor updated again
    rewritten: list[int] = []  # their ids: a snapshot an earlier batch took is replaced, not added
    matched: dict[tuple[str, str], dict[str, Any]] = {}  # the stored row each record updates
    for key, record in profiles.items():
        row = existing.get(key)
        platform_id = record.values.get("platform_id")
        holder = by_platform_id.get((key[0], platform_id)) if platform_id else None
        if row is None and holder is not None:
            if run.streamed and holder["last_fetched_at"] == now:
                # What _merge_profiles says of two records of one file: the same account under two handles.
                raise ImportFormatError(
                    file=record.where.rsplit(":", 1)[0] or files[0].name,
                    line=None,
                    field="username",
                    message=f"account id {platform_id} appears as @{holder['handle']} (earlier in the file) and as "
                    f"@{key[1]} ({record.where}): the account was renamed between the saves; "
                    "import the files separately, oldest first",
                )
            row = holder  # the account changed its handle
            if (key[0], row["handle"]) in profiles:
                raise ImportFormatError(
                    file=record.where.rsplit(":", 1)[0],
                    line=None,
                    field="username",
                    message=f"account id {platform_id} is stored as @{row['handle']} and this import holds "
                    f"both @{row['handle']} and @{key[1]} ({record.where}); import them separately",
                )
        elif row is not None and holder is not None and holder["id"] != row["id"]:
            raise ImportFormatError(
                file=record.where.rsplit(":", 1)[0],
                line=None,
                field="id",
                message=f"@{key[1]} ({record.where}) has account id {platform_id}, which is stored for "
                f"@{holder['handle']}; one of the two accounts was renamed since the last import. "
                f"Re-import @{holder['handle']} first (or remove the outdated profile)",
            )
        source = sources[key]
        if row is not None:
            matched[key] = row
        if row is None:
            values = {name: record.values[name] for name in PROFILE_FIELDS if name in record.values}
            to_create.append(
                dict(
                    organization_id=organization.pk,
                    platform=key[0],
                    handle=key[1],
                    extra=record.extra,
                    is_linked=link,
                    last_source=source,
                    last_fetched_at=now,
                    created_at=now,
                    updated_at=now,
                    **values,
                )
            )
            if any(values.get(name) is not None for name in COUNT_FIELDS):
                snapshot_keys.append((key, values))
            continue
        merged = {name: row[name] for name in PROFILE_FIELDS}
        merged.update({name: record.values[name] for name in PROFILE_FIELDS if name in record.values})
        extra = {**(row["extra"] or {}), **record.extra}
        # Written by an earlier batch of this import (created bare as a mention, or from an earlier file): its
        # source becomes the last file that holds it, as when the files are merged in memory.
        written_now = row["created_at"] == now or row["last_fetched_at"] == now
        changed = (
            any(merged[name] != row[name] for name in PROFILE_FIELDS)
            or extra != (row["extra"] or {})
            or row["handle"] != key[1]
            or (link and not row["is_linked"])
            or (written_now and row["last_source"] != source)
        )
        if not changed:
            if always_snapshot:
                snapshot_keys.append((key, merged))
            continue
        profile = Profile(
            id=row["id"],
            organization=organization,
            platform=key[0],
            handle=key[1],
            extra=extra,
            is_linked=row["is_linked"] or link,
            last_source=source,
            last_fetched_at=now,
            **merged,
        )
        (renamed if row["handle"] != key[1] else to_upsert).append(profile)
        repeated += written_now
        if written_now:
            rewritten.append(row["id"])
        if any(merged[name] != row[name] for name in COUNT_FIELDS) or always_snapshot:
            snapshot_keys.append((key, merged))
    for key in referenced:
        if key not in existing and key not in referenced_ids:
            to_create.append(
                dict(organization_id=organization.pk, platform=key[0], handle=key[1], created_at=now, updated_at=now)
            )

    new_ids = allocate_ids(Profile, len(to_create))
    if new_ids is not None:
        for values, new_id in zip(to_create, new_ids, strict=True):
            values["id"] = new_id
    fast_insert(Profile, to_create, with_pk=new_ids is not None)
    if to_upsert:
        Profile.objects.bulk_create(
            to_upsert,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["organization", "platform", "handle"],
            update_fields=[*PROFILE_FIELDS, "extra", "is_linked", "last_source", "last_fetched_at", "updated_at"],
        )
    if renamed:
        Profile.objects.bulk_update(
            renamed,
            [*PROFILE_FIELDS, "handle", "extra", "is_linked", "last_source", "last_fetched_at"],
            batch_size=BATCH,
        )
    result.created += len(to_create)
    result.updated += len(to_upsert) + len(renamed) - repeated
    progress(len(profiles))

    ids: dict[tuple[str, str], int]
    if new_ids is None:  # SQLite: the new rows' ids read back by key
        ids = {
            (row["platform"], row["handle"]): row["id"]
            for row in _stored_profiles(organization, wanted, set(), ("id",))
        }
    else:
        ids = {(values["platform"], values["handle"]): values["id"] for values in to_create}
        ids.update((key, row["id"]) for key, row in existing.items() if key not in profiles)
        ids.update((key, row["id"]) for key, row in matched.items())
        ids.update(referenced_ids)
    if len(run.referenced_ids) > REFERENCED_IDS_KEPT or renamed:  # a renamed account's old handle is free again
        run.referenced_ids.clear()
    run.referenced_ids.update((key, ids[key]) for key in referenced)
    snapshots = [
        dict(
            profile_id=ids[key],
            taken_at=now,
            source=sources[key],
            **{name: values.get(name) for name in COUNT_FIELDS},
        )
        for key, values in snapshot_keys
    ]
    if rewritten:
        for query in _among(Snapshot.objects.filter(taken_at=now), "profile", rewritten):
            replaced, _ = query.delete()
            result.created -= replaced
    fast_insert(Snapshot, snapshots)
    result.created += len(snapshots)

    created_posts, updated_posts, changed_profiles = _write_posts(
        posts, ids, now, lambda done: progress(len(profiles) + done), fresh=set(new_ids or ())
    )
    result.created += created_posts
    result.updated += updated_posts
    run.changed.update(changed_profiles)

    if run.streamed:  # a post met again in a later batch was counted in its relations already
        linking = {  # only posts that name other accounts make relations (and need remembering)
            key: value
            for key, value in posts.items()
            if value[0].values.get("mentions") or value[0].values.get("tagged_accounts") or value[0].reply_to_handle
        }
        fresh = {key: value for key, value in linking.items() if hash(key) not in run.counted}
        run.counted.update(hash(key) for key in fresh)
        batch_relations = _relations_from_posts(fresh, ids)
        _add_repost_relations(batch_relations, reposts, ids)
        run.store.add(batch_relations)
    else:
        _merge_relations(run.relations, _relations_from_posts(posts, ids))
        _add_repost_relations(run.relations, reposts, ids)
    if followers_of is not None:
        follows: dict[RelationKey, list[Any]] = {}
        for key in profiles:
            source_id = ids[key]
            if key[0] == followers_of.platform and source_id != followers_of.pk:
                # No observation time: an unchanged follower list must not rewrite every edge on re-import.
                follows[(source_id, followers_of.pk, RelationKind.FOLLOWS)] = [1, None, None]
        created_relations, updated_relations = _write_relations(organization, follows, fresh=set(new_ids or ()))
        result.created += created_relations
        result.updated += updated_relations
    progress(total)


def _finish(run: _Run) -> None:
    """What the whole import decides once: the relations counted over every batch and (streamed) distinct counts."""
    for relations in [run.relations] if not run.streamed else run.store.chunks():
        created_relations, updated_relations = _write_relations(run.organization, relations)
        run.result.created += created_relations
        run.result.updated += updated_relations
    if run.changed:
        changed = sorted(run.changed)
        after_commit(lambda: posts_changed.send(sender=Profile, profile_ids=changed))
    if not run.streamed:
        return
    import numpy as np

    for name in ("profiles", "posts"):
        # One array of every batch's key hashes, sorted in place and counted where a value changes. np.unique of the
        # concatenated batches held them, the concatenation, sorted copies and masks at once: for 8 million keys
        # 513 MB above the batches at the very end of the import, now 61 MB (measured apart, same hashes).
        arrays, run.keys[name] = run.keys[name], []
        hashes = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)
        del arrays
        hashes.sort()
        setattr(run.result, name, int(np.count_nonzero(hashes[1:] != hashes[:-1])) + 1 if hashes.size else 0)


def _hashes(keys: Any) -> Any:
    import numpy as np

    return np.fromiter((hash(key) for key in keys), dtype=np.int64, count=len(keys))


def _stored_profiles(
    organization: Organization,
    keys: set[tuple[str, str]],
    platform_ids: set[tuple[str, str]],
    columns: tuple[str, ...] = (),
) -> Iterable[dict[str, Any]]:
    """The agency's stored profiles with these (platform, handle) keys or (platform, platform id) pairs, read by
    key in chunks: the cost follows the import, not the size of the agency."""
    columns = columns or (
        "id",
        "handle",
        "is_linked",
        "extra",
        "last_source",
        "last_fetched_at",
        "created_at",
        *PROFILE_FIELDS,
    )
    fields = ("platform", "handle", *[column for column in columns if column not in ("platform", "handle")])
    seen: set[int] = set()
    for lookup, pairs in (("handle", keys), ("platform_id", platform_ids)):
        by_platform: dict[str, list[str]] = {}
        for platform, value in pairs:
            by_platform.setdefault(platform, []).append(value)
        for platform, values in by_platform.items():
            stored = Profile.objects.filter(organization=organization, platform=platform)
            for query in _among(stored, lookup, sorted(values)):
                for row in query.values("id", *[field for field in fields if field != "id"]):
                    if row["id"] not in seen:
                        seen.add(row["id"])
                        yield row


class _RelationStore:
    """A streamed import's relations over all its batches, (source, target, kind) -> posts, first and last seen, in
    arrays: about 130 bytes a relation instead of 350 in a dict of lists (a 200 MB file holds hundreds of
    thousands). Written at the end in chunks of sources, as one dict would be."""

    KINDS = tuple(RelationKind.values)
    NONE = -(2**63)  # no observation time

    def __init__(self) -> None:
        self.slot: dict[int, int] = {}
        self.source, self.target, self.count = array("q"), array("q"), array("q")
        self.first, self.last, self.kind = array("q"), array("q"), array("b")

    def _find(self, key: RelationKey) -> int | None:
        probe = hash(key)
        while True:
            slot = self.slot.get(probe)
            if slot is None:
                return None
            if (self.source[slot], self.target[slot], self.KINDS[self.kind[slot]]) == key:
                return slot
            probe = hash((probe, 1))  # another key with the same hash: the next probe

    def _free_probe(self, key: RelationKey) -> int:
        probe = hash(key)
        while probe in self.slot:
            probe = hash((probe, 1))
        return probe

    EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

    @classmethod
    def _micros(cls, when: datetime | None) -> int:  # exact: integer microseconds, no float on the way
        return cls.NONE if when is None else (when - cls.EPOCH) // timedelta(microseconds=1)

    @classmethod
    def _time(cls, micros: int) -> datetime | None:
        return None if micros == cls.NONE else cls.EPOCH + timedelta(microseconds=micros)

    def add(self, relations: dict[RelationKey, list[Any]]) -> None:
        for key, (count, first, last) in relations.items():
            slot = self._find(key)
            if slot is None:
                self.slot[self._free_probe(key)] = len(self.source)
                self.source.append(key[0])
                self.target.append(key[1])
                self.kind.append(self.KINDS.index(key[2]))
                self.count.append(count)
                self.first.append(self._micros(first))
                self.last.append(self._micros(last))
                continue
            self.count[slot] += count
            if first is not None:
                stored = self.first[slot]
                self.first[slot] = self._micros(first) if stored == self.NONE else min(stored, self._micros(first))
            if last is not None:
                stored = self.last[slot]
                self.last[slot] = self._micros(last) if stored == self.NONE else max(stored, self._micros(last))

    def chunks(self, size: int = 50000) -> Iterator[dict[RelationKey, list[Any]]]:
        order = sorted(range(len(self.source)), key=self.source.__getitem__)
        for start in range(0, len(order), size):
            yield {
                (self.source[i], self.target[i], self.KINDS[self.kind[i]]): [
                    self.count[i],
                    self._time(self.first[i]),
                    self._time(self.last[i]),
                ]
                for i in order[start : start + size]
            }


def _merge_relations(into: dict[RelationKey, list[Any]], relations: dict[RelationKey, list[Any]]) -> None:
    for key, (count, first, last) in relations.items():
        entry = into.get(key)
        if entry is None:
            into[key] = [count, first, last]
            continue
        entry[0] += count
        if first is not None:
            entry[1] = first if entry[1] is None else min(entry[1], first)
        if last is not None:
            entry[2] = last if entry[2] is None else max(entry[2], last)


def _write_posts(
    posts: dict[tuple[str, str, str], tuple[PostRecord, str]],
    ids: dict[tuple[str, str], int],
    now: datetime,
    progress: Callable[[int], None],
    fresh: set[int] | frozenset[int] = frozenset(),
) -> tuple[int, int, list[int]]:
    """`fresh`: ids of profiles this batch created (no stored posts to compare with)."""
    owner_ids = sorted({ids[(platform, owner)] for platform, owner, _ in posts} - fresh)
    existing: dict[tuple[int, str], dict[str, Any]] = {}
    for query in _among(Post.objects.all(), "profile", owner_ids):
        for row in query.values("id", "profile_id", "platform_id", "extra", "fetched_at", *POST_FIELDS):
            existing[(row["profile_id"], row["platform_id"])] = row
    to_create: list[dict[str, Any]] = []
    to_upsert: list[Post] = []
    repeated = 0  # posts an earlier batch of this import wrote: not counted as updated again
    for (platform, owner, platform_id), (record, _source) in posts.items():
        profile_id = ids[(platform, owner)]
        row = existing.get((profile_id, platform_id))
        if row is None:
            values = {
                **POST_DEFAULTS,
                "profile_id": profile_id,
                "platform_id": platform_id,
                "extra": record.extra,
                "fetched_at": now,
                **record.values,
            }
            values["sponsored"], values["sponsored_evidence"] = sponsorship_columns(
                values["caption"], values["is_sponsored"]
            )
            to_create.append(values)
            continue
        merged = {name: row[name] for name in POST_FIELDS}
        merged.update(record.values)
        extra = {**(row["extra"] or {}), **record.extra}
        if all(merged[name] == row[name] for name in POST_FIELDS) and extra == (row["extra"] or {}):
            continue
        sponsored, evidence = sponsorship_columns(merged["caption"], merged["is_sponsored"])
        repeated += row["fetched_at"] == now
        to_upsert.append(
            Post(
                id=row["id"],
                profile_id=profile_id,
                platform_id=platform_id,
                extra=extra,
                fetched_at=now,
                sponsored=sponsored,
                sponsored_evidence=evidence,
                **merged,
            )
        )
    done = 0
    for chunk in _chunks(to_create, 5000):
        fast_insert(Post, chunk)
        done += len(chunk)
        progress(done)
    for chunk in _chunks(to_upsert, BATCH):
        Post.objects.bulk_create(
            chunk,
            update_conflicts=True,
            unique_fields=["profile", "platform_id"],
            update_fields=[*POST_FIELDS, "sponsored", "sponsored_evidence", "extra", "fetched_at"],
        )
    changed = sorted({row["profile_id"] for row in to_create} | {post.profile_id for post in to_upsert})
    return len(to_create), len(to_upsert) - repeated, changed


RelationKey = tuple[int, int, str]


def _relations_from_posts(
    posts: dict[tuple[str, str, str], tuple[PostRecord, str]], ids: dict[tuple[str, str], int]
) -> dict[RelationKey, list[Any]]:
    """(source, target, kind) -> [count of posts, first seen, last seen]."""
    relations: dict[RelationKey, list[Any]] = {}

    def add(source: int, target: int, kind: str, when: datetime | None) -> None:
        if source == target:
            return
        entry = relations.get((source, target, kind))
        if entry is None:
            relations[(source, target, kind)] = [1, when, when]
            return
        entry[0] += 1
        if when is not None:
            entry[1] = when if entry[1] is None else min(entry[1], when)
            entry[2] = when if entry[2] is None else max(entry[2], when)

    for (platform, owner, _), (record, _source) in posts.items():
        source_id = ids[(platform, owner)]
        when = record.values.get("taken_at")
        for handle in record.values.get("mentions", []):
            add(source_id, ids[(platform, handle[:64])], RelationKind.MENTIONS, when)
        for handle in record.values.get("tagged_accounts", []):
            add(source_id, ids[(platform, handle[:64])], RelationKind.TAGS, when)
        if record.reply_to_handle:
            add(source_id, ids[(platform, record.reply_to_handle[:64])], RelationKind.REPLIES, when)
    return relations


def _add_repost_relations(
    relations: dict[RelationKey, list[Any]],
    reposts: dict[tuple[str, str, str], RepostRecord],
    ids: dict[tuple[str, str], int],
) -> None:
    """A retweet is an influence edge: reposter -> original author, one count per reposted post."""
    for repost in reposts.values():
        source, target = ids[(repost.platform, repost.reposter_handle)], ids[(repost.platform, repost.original_handle)]
        if source == target:
            continue
        entry = relations.setdefault((source, target, RelationKind.RETWEETS), [0, None, None])
        entry[0] += 1
        when = repost.taken_at
        if when is not None:
            entry[1] = when if entry[1] is None else min(entry[1], when)
            entry[2] = when if entry[2] is None else max(entry[2], when)


def _write_relations(
    organization: Organization, relations: dict[RelationKey, list[Any]], fresh: set[int] | frozenset[int] = frozenset()
) -> tuple[int, int]:
    """`fresh`: ids of profiles this batch created, whose relations cannot be stored yet (not looked up)."""
    if not relations:
        return 0, 0
    now = timezone.now()
    source_ids = sorted({key[0] for key in relations} - fresh)
    existing: dict[RelationKey, Any] = {}
    for query in _among(Relation.objects.all(), "source", source_ids):
        for row in query.values("id", "source_id", "target_id", "kind", "count", "first_seen_at", "last_seen_at"):
            existing[(row["source_id"], row["target_id"], row["kind"])] = row
    to_create: list[dict[str, Any]] = []
    to_upsert: list[Relation] = []
    for key, (count, first, last) in relations.items():
        stored = existing.get(key)
        if stored is None:
            to_create.append(
                dict(
                    organization_id=organization.pk,
                    source_id=key[0],
                    target_id=key[1],
                    kind=key[2],
                    count=count,
                    first_seen_at=first or now,
                    last_seen_at=last or now,
                )
            )
            continue
        # Counts are "posts seen with this relation"; max() keeps re-imports idempotent.
        new_count = max(stored["count"], count)
        new_first = min(stored["first_seen_at"], first) if first else stored["first_seen_at"]
        new_last = max(stored["last_seen_at"], last) if last else stored["last_seen_at"]
        if (new_count, new_first, new_last) != (stored["count"], stored["first_seen_at"], stored["last_seen_at"]):
            to_upsert.append(
                Relation(
                    id=stored["id"],
                    organization=organization,
                    source_id=key[0],
                    target_id=key[1],
                    kind=key[2],
                    count=new_count,
                    first_seen_at=new_first,
                    last_seen_at=new_last,
                )
            )
    fast_insert(Relation, to_create)
    if to_upsert:
        Relation.objects.bulk_create(
            to_upsert,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["source", "target", "kind"],
            update_fields=["count", "first_seen_at", "last_seen_at"],
        )
    return len(to_create), len(to_upsert)
