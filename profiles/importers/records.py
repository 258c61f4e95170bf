"""Platform-neutral records that every parser produces and the writer upserts."""

from __future__ import annotations

import gc
import pickle
import re
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from config.errors import ApplicationError
from profiles.platforms import PLATFORMS, platform_get
from profiles.platforms.base import tag_pattern

MAX_COUNT = 2**63 - 1  # BigIntegerField; a count beyond it is a broken file, not a big account
HASHTAG_RE = tag_pattern("#", r"\w&", r"\w{1,100}", re.UNICODE)


class ImportFormatError(ApplicationError):
    """A malformed or unreadable input file: names the file, the line (or record) and the field.

    An ApplicationError, so whatever reaches the command, the API or a job row is this readable message."""

    code = "bad_import_file"

    def __init__(self, *, file: str, line: int | None, field: str | None, message: str, unit: str = "line") -> None:
        self.file, self.line, self.field, self.detail, self.unit = file, line, field, message, unit
        where = file + (f", {unit} {line}" if line is not None else "") + (f", field '{field}'" if field else "")
        super().__init__(
            f"{where}: {message}", code=self.code, extra={"file": file, "line": line, "unit": unit, "field": field}
        )


class UnknownFormat(ImportFormatError):
    """A file that holds nothing SocialLens imports (no known shape, or a story / highlight / comments file): inside
    a folder it is skipped and named in the result, given on its own it is refused."""


def handle_problem(platform: str, handle: str) -> str | None:
    """Why `handle` (already lower-case, without '@') is not a valid handle on `platform`, or None."""
    return platform_get(platform).handle_problem(handle)


def parse_hashtags(text: str) -> list[str]:
    return _unique(tag.lower() for tag in HASHTAG_RE.findall(text or ""))


def parse_mentions(text: str, platform: str) -> list[str]:
    found = platform_get(platform).mentions(text)
    return _unique(handle.lower().rstrip(".") for handle in found if handle.strip("."))


def _unique(items: Any) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return list(seen)


def normalize_handle(value: str) -> str:
    text = value.strip().lower()
    return text[1:] if text.startswith("@") else text  # one '@' only: "@@name" stays invalid


def from_timestamp(value: float | int) -> datetime:
    return datetime.fromtimestamp(float(value), tz=UTC)


PROFILE_FIELDS = (
    "platform_id",
    "display_name",
    "bio",
    "external_url",
    "is_verified",
    "is_private",
    "is_business",
    "business_category",
    "avatar_url",
    "has_default_avatar",
    "followers_count",
    "following_count",
    "posts_count",
    "account_created_at",
)
# The most each platform lets a person write in these fields (characters; PlatformSpec.text_limits). Imported text past
# them was not written on the platform (a forged or damaged file): it is cut to the limit, and the import result says
# what was cut.
TEXT_LIMIT_DEFAULT = {"display_name": 200, "bio": 1000, "business_category": 120, "caption": 25000}


def text_cut(platform: str, values: dict[str, Any]) -> list[tuple[str, int, int]]:
    """Cut the text fields of one record to its platform's limits, in place; (field, length, limit) of each cut."""
    limits = PLATFORMS[platform].text_limits if platform in PLATFORMS else TEXT_LIMIT_DEFAULT
    cut = []
    for name, limit in limits.items():
        value = values.get(name)
        if isinstance(value, str) and len(value) > limit:
            cut.append((name, len(value), limit))
            values[name] = value[:limit]
    return cut


POST_FIELDS = (
    "shortcode",
    "url",
    "media_type",
    "caption",
    "hashtags",
    "mentions",
    "tagged_accounts",
    "taken_at",
    "likes",
    "comments",
    "views",
    "shares",
    "saves",
    "duration_seconds",
    "image_description",
    "is_sponsored",
)


_ARGUMENTS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _by_arguments(record: Any) -> tuple[Any, ...]:
    """A record pickles (a large import's spool, Spool) as its class and its fields in order, the constructor's
    arguments, not as a class and an attribute dict: a batch of 5,000 records loads in 44 ms instead of 58 and
    dumps in 21 instead of 25. The fields are read from the dataclass, so a field added later is kept too."""
    cls = type(record)
    getter = _ARGUMENTS.get(cls)
    if getter is None:
        getter = _ARGUMENTS[cls] = attrgetter(*(item.name for item in fields(cls)))
    return (cls, getter(record))


@dataclass
class ProfileRecord:
    platform: str
    handle: str
    # Only the fields a source actually provides are written, so a sparse source never blanks richer data.
    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    where: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.platform, self.handle)

    def __reduce__(self) -> tuple[Any, ...]:
        return _by_arguments(self)


@dataclass
class PostRecord:
    platform: str
    owner_handle: str
    platform_id: str
    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    reply_to_handle: str = ""
    where: str = ""

    def __reduce__(self) -> tuple[Any, ...]:
        return _by_arguments(self)


@dataclass
class RepostRecord:
    """A retweet / repost: not the reposter's own content, so never a post of theirs; stored as a `retweets`
    relation (an influence edge) from the reposter to the original author."""

    platform: str
    reposter_handle: str
    original_handle: str
    original_post_id: str
    taken_at: datetime | None = None
    where: str = ""

    def __reduce__(self) -> tuple[Any, ...]:
        return _by_arguments(self)


@dataclass
class PendingOwner:
    """A post whose owner the file names only by account id (academictwitteR's data_ files, older instaloader post
    files): completed once the import's other files name that id (users_ file, the profile's own file)."""

    platform: str
    owner_id: str
    complete: Callable[[str, dict[str, str]], None]  # (owner handle, platform id -> handle)
    file: str
    line: int | None
    unit: str
    field: str
    missing: str  # what to say when no file of the import has the owner


# The cyclic garbage collector runs after every 700 container objects (dicts, lists, records) made and not freed.
# An import makes millions (each record is a few dicts and lists; a spooled batch of 5,000 unpickles into about
# 100,000) and keeps a batch's worth alive, so the collector kept walking them: measured with gc.callbacks on a 40 MB
# JSON Lines file, 1.0 s of a 5.8 s parse and 2.6-2.9 s of a 17 s write. Records hold no reference cycles, so while
# an import runs the collector waits for IMPORT_GC_THRESHOLD objects instead (0.0 s and 0.1 s there); garbage cycles
# made meanwhile (a few from Django's querysets) wait at most that long to be freed.
IMPORT_GC_THRESHOLD = 50_000


class _RelaxedCollector:
    """The threshold is the process's: imports running at once in threads of one process (a threads pool) share one
    relaxation, set by the first to start and undone by the last to finish, so no import ends another's early and
    none leaves the threshold raised after all are done."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._before = gc.get_threshold()

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._users == 0:
                self._before = gc.get_threshold()
                gc.set_threshold(max(self._before[0], IMPORT_GC_THRESHOLD), *self._before[1:])
            self._users += 1
        try:
            yield
        finally:
            with self._lock:
                self._users -= 1
                if self._users == 0:
                    gc.set_threshold(*self._before)


# Collect garbage cycles less often while records are parsed or written (see IMPORT_GC_THRESHOLD); the thresholds
# before are restored after, also when the import fails: `with collector_relaxed(): ...`
collector_relaxed = _RelaxedCollector()


# While a large file is parsed (parse_file sets this), its ParsedFile keeps records on disk in batches of
# SPILL_RECORDS, so memory holds one batch whatever the file's size; the writer reads the batches back in order.
spooling: ContextVar[bool] = ContextVar("spooling", default=False)
SPILL_RECORDS = 5000
Batch = tuple[list[ProfileRecord], list[PostRecord], list[RepostRecord]]


class Spool:
    """Batches of records in an unnamed temporary file (pickled: written and read by this process only)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="sociallens-import-")
        self.batches = 0

    def put(self, batch: Batch) -> None:
        self._file.seek(0, 2)
        pickle.dump(batch, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.batches += 1

    def __iter__(self) -> Iterator[Batch]:
        self._file.seek(0)
        for _ in range(self.batches):
            batch: Batch = pickle.load(self._file)  # noqa: S301 - our own file, written above in this process
            yield batch

    def close(self) -> None:
        self._file.close()


@dataclass
class ParsedFile:
    name: str
    profiles: list[ProfileRecord] = field(default_factory=list)
    posts: list[PostRecord] = field(default_factory=list)
    reposts: list[RepostRecord] = field(default_factory=list)
    pending: list[PendingOwner] = field(default_factory=list)
    skipped: str = ""  # why a file found in a folder was not imported (no importable format)
    source: str = ""  # shown as "from where" on the profile page; "import:<file name>" unless set (e.g. "api")
    # A platform's own data export names its account in one file (X's account.js): (platform, handle) of that
    # account, which the export's other files (tweets.js) belong to.
    export_account: tuple[str, str] | None = None
    is_follower_list: bool = False  # accounts that follow someone the file does not name (needs --followers-of)
    spool: Spool | None = field(default=None, repr=False, compare=False)
    spilled: tuple[int, int, int] = (0, 0, 0)  # profiles, posts and reposts moved to the spool

    def __post_init__(self) -> None:
        if self.spool is None and spooling.get():
            self.spool = Spool()

    @property
    def source_label(self) -> str:
        return (self.source or f"import:{self.name}")[:300]

    def add_profile(self, record: ProfileRecord) -> None:
        self.profiles.append(record)
        self._maybe_spill()

    def add_post(self, record: PostRecord) -> None:
        self.posts.append(record)
        self._maybe_spill()

    def add_repost(self, record: RepostRecord) -> None:
        self.reposts.append(record)
        self._maybe_spill()

    def _maybe_spill(self) -> None:
        if self.spool is not None and len(self.profiles) + len(self.posts) + len(self.reposts) >= SPILL_RECORDS:
            self.spill()

    def spill(self) -> None:
        """Move the records in memory to the spool."""
        if self.spool is None or not (self.profiles or self.posts or self.reposts):
            return
        self.spool.put((self.profiles, self.posts, self.reposts))
        profiles, posts, reposts = self.spilled
        self.spilled = (profiles + len(self.profiles), posts + len(self.posts), reposts + len(self.reposts))
        self.profiles, self.posts, self.reposts = [], [], []

    @property
    def is_spooled(self) -> bool:
        return any(self.spilled)

    def batches(self) -> Iterator[Batch]:
        """Every record in the order parsed: the spooled batches, then what is still in memory."""
        if self.spool is not None:
            yield from self.spool
        yield (self.profiles, self.posts, self.reposts)

    def iter_profiles(self) -> Iterator[ProfileRecord]:
        for profiles, _, _ in self.batches():
            yield from profiles

    def close(self) -> None:
        if self.spool is not None:
            self.spool.close()

    @property
    def is_empty(self) -> bool:
        return not (self.is_spooled or self.profiles or self.posts or self.reposts or self.pending)


# The owner id of a post from a platform's data export, whose files do not name their account: the export's account
# file (X's account.js) or the import's --owner names it.
EXPORT_ACCOUNT = "(the export's own account)"


def resolve_pending_owners(files: list[ParsedFile], owner: tuple[str, str] | None = None) -> None:
    """Complete every pending post from the account ids the import's files name (and a data export's posts from its
    account file or `owner`, the import's --owner); an owner no file names stops the import with the pending post's
    file, record and field."""
    if owner is None and not any(parsed.pending for parsed in files):
        return
    handles: dict[str, dict[str, str]] = {}
    for parsed in files:
        for record in parsed.iter_profiles():
            if record.values.get("platform_id"):
                handles.setdefault(record.platform, {})[record.values["platform_id"]] = record.handle
        if parsed.export_account is not None:
            handles.setdefault(parsed.export_account[0], {})[EXPORT_ACCOUNT] = parsed.export_account[1]
    if owner is not None:
        known = handles.get(owner[0], {}).get(EXPORT_ACCOUNT)
        if known is not None and known != owner[1]:
            raise ImportFormatError(
                file="--owner",
                line=None,
                field=None,
                message=f"is @{owner[1]}, but the export's own account file names @{known}; import it without --owner",
            )
        handles.setdefault(owner[0], {})[EXPORT_ACCOUNT] = owner[1]
    for parsed in files:
        pending, parsed.pending = parsed.pending, []
        for item in pending:
            handle = handles.get(item.platform, {}).get(item.owner_id)
            if handle is None:
                raise ImportFormatError(
                    file=item.file, line=item.line, field=item.field, unit=item.unit, message=item.missing
                )
            item.complete(handle, handles.get(item.platform, {}))
