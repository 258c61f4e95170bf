"""Reading files: bytes (plain or .xz) to text, text to JSON values with their line or record number."""

from __future__ import annotations

import codecs
import io
import json
import lzma
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Any

from profiles.importers.parsers.values import Ctx
from profiles.importers.records import ImportFormatError


def read_text(path: Path, name: str) -> str:
    with _binary(path, name) as (stream, _, _):
        raw = stream.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFormatError(file=name, line=line, field=None, message="is not UTF-8 text") from exc


# Set by parse_file while a file is parsed: called with (records done, records in the file) as parsing goes, so a
# long import shows progress (and its worker a heartbeat) before anything is written.
record_progress: ContextVar[Callable[[int, int], None] | None] = ContextVar("record_progress", default=None)
PROGRESS_EVERY = 250


def _report(done: int, total: int) -> None:
    hook = record_progress.get()
    if hook is not None and (done % PROGRESS_EVERY == 0 or done == total):
        hook(done, total)


def _loads(text: str, name: str, line: int | None) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise ImportFormatError(file=name, line=line, field=None, message="is nested too deeply to read") from None


def json_values(text: str, name: str) -> Iterator[tuple[Ctx, Any]]:
    """Yield (context, value) for a JSON document (each array item is a record) or JSON Lines (each line)."""
    stripped = text.strip()
    if not stripped:
        raise ImportFormatError(file=name, line=None, field=None, message="is empty")
    try:
        document = _loads(stripped, name, None)
    except json.JSONDecodeError as whole_error:
        if "\n" not in stripped:
            raise ImportFormatError(
                file=name, line=whole_error.lineno, field=None, message=f"is not valid JSON ({whole_error.msg})"
            ) from None
        lines = text.split("\n")  # not splitlines(): captions hold U+2028
        first_record = True
        for number, line in enumerate(lines, start=1):
            _report(number - 1, len(lines))
            if not line.strip():
                continue
            try:
                value = _loads(line, name, number)
            except json.JSONDecodeError as exc:
                if first_record and line.strip() in ("{", "["):
                    # One indented document, not JSON Lines: the document's own error is the useful one.
                    raise ImportFormatError(
                        file=name,
                        line=whole_error.lineno,
                        field=None,
                        message=f"is not valid JSON ({whole_error.msg}); is the file cut off?",
                    ) from None
                raise ImportFormatError(
                    file=name, line=number, field=None, message=f"is not valid JSON ({exc.msg})"
                ) from None
            first_record = False
            yield Ctx(name, number), value
        _report(len(lines), len(lines))
        return
    if isinstance(document, list):
        for index, item in enumerate(document, start=1):
            _report(index - 1, len(document))
            yield Ctx(name, index, unit="record"), item
        _report(len(document), len(document))
    else:
        yield Ctx(name, 1), document
        _report(1, 1)


def stream_threshold() -> int:
    """Files above this many bytes (as stored, compressed or not) are read one record at a time."""
    from django.conf import settings

    return int(getattr(settings, "PROFILES_IMPORT_STREAM_BYTES", 8 * 1024 * 1024))


def is_large(path: Path) -> bool:
    try:
        return path.stat().st_size > stream_threshold()
    except OSError:
        return False


def file_values(path: Path, name: str) -> Iterator[tuple[Ctx, Any]]:
    """Every parser's way in: (context, value) for each record of a JSON document, JSON array or JSON Lines file.

    A small file is read whole (json_values over its text). A large one is read as a stream, so memory does not grow
    with the file: a JSON array item by item through ijson's C parser, JSON Lines line by line; progress is the
    share of the file's bytes read. Both refuse a malformed file with its line or record."""
    if not is_large(path):
        yield from json_values(read_text(path, name), name)
        return
    try:
        with _binary(path, name) as (stream, position, size):
            yield from _stream_values(stream, name, position, size)
    except _OneDocument:
        # One JSON document indented over many lines (an API page saved pretty-printed): it is read whole, as
        # nothing short of its end says what it holds. Only JSON arrays and JSON Lines are read as they go.
        yield from json_values(read_text(path, name), name)


class _OneDocument(Exception):
    """Raised before the first record when a large file is one multi-line JSON document, not JSON Lines."""


@contextmanager
def _binary(path: Path, name: str) -> Iterator[tuple[IO[bytes], Callable[[], int], int]]:
    """The file's bytes (decompressed for .xz), how far into the stored file reading is, and its stored size; a
    missing, unreadable, cut-off or damaged file is refused with the reason."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise ImportFormatError(file=name, line=None, field=None, message=f"cannot be read: {exc}") from exc
    size = path.stat().st_size
    try:
        if path.name.endswith(".xz"):
            with lzma.open(raw) as compressed:
                yield compressed, raw.tell, size
        else:
            yield raw, raw.tell, size
    except EOFError as exc:
        raise ImportFormatError(
            file=name, line=None, field=None, message="is truncated: the .xz data ends early (download it again)"
        ) from exc
    except lzma.LZMAError as exc:
        raise ImportFormatError(
            file=name,
            line=None,
            field=None,
            message=f"is not valid .xz data ({exc}); instaloader writes .json.xz files",
        ) from exc
    except OSError as exc:
        raise ImportFormatError(file=name, line=None, field=None, message=f"cannot be read: {exc}") from exc
    finally:
        raw.close()


def _first_byte(reader: Any) -> bytes:
    """The first byte that is not whitespace; `reader` can peek (a buffered file or an
    LZMAFile), so nothing is consumed but leading whitespace."""
    while True:
        head = reader.peek(64)[:64]
        if not head:
            return b""
        stripped = head.lstrip()
        if stripped:
            return stripped[:1]
        reader.read(len(head))


def _stream_values(reader: Any, name: str, position: Callable[[], int], size: int) -> Iterator[tuple[Ctx, Any]]:
    if reader.peek(3)[:3] == codecs.BOM_UTF8:
        reader.read(3)
    first = _first_byte(reader)
    if not first:
        raise ImportFormatError(file=name, line=None, field=None, message="is empty")
    if first == b"[":
        yield from _array_items(reader, name, position, size)
    else:
        yield from _json_lines(reader, name, position, size)
    _report_bytes(size, size)


def _report_bytes(done: int, total: int) -> None:
    hook = record_progress.get()
    if hook is not None:
        hook(min(done, total), max(total, 1))


def _array_items(reader: IO[bytes], name: str, position: Callable[[], int], size: int) -> Iterator[tuple[Ctx, Any]]:
    import ijson

    index = 0
    items = ijson.items(reader, "item", use_float=True)
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except ijson.JSONError as exc:
            raise ImportFormatError(
                file=name,
                line=index + 1,
                field=None,
                unit="record",
                message=f"is not valid JSON ({_ijson_reason(exc)}); is the file cut off?",
            ) from None
        except UnicodeDecodeError:
            raise ImportFormatError(
                file=name, line=index + 1, field=None, unit="record", message="is not UTF-8 text"
            ) from None
        index += 1
        if index % PROGRESS_EVERY == 0:
            _report_bytes(position(), size)
        yield Ctx(name, index, unit="record"), item


def _ijson_reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def _json_lines(reader: IO[bytes], name: str, position: Callable[[], int], size: int) -> Iterator[tuple[Ctx, Any]]:
    first_record = True
    for number, raw_line in enumerate(reader, start=1):
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError:
            raise ImportFormatError(file=name, line=number, field=None, message="is not UTF-8 text") from None
        if not line.strip():
            continue
        try:
            value = _loads(line, name, number)
        except json.JSONDecodeError as exc:
            if first_record:
                raise _OneDocument from None
            raise ImportFormatError(
                file=name, line=number, field=None, message=f"is not valid JSON ({exc.msg})"
            ) from None
        first_record = False
        if number % PROGRESS_EVERY == 0:
            _report_bytes(position(), size)
        yield Ctx(name, number), value


def text_lines(path: Path, name: str) -> Iterator[str]:
    """The lines of a text file (CSV) as a stream of str: whole for a small file, read as it goes for a large one;
    refused with its line when it is not UTF-8."""
    if not is_large(path):
        yield from io.StringIO(read_text(path, name), newline="")
        return
    with _binary(path, name) as (stream, position, size):
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        number = 0
        while True:
            try:
                line = text.readline()
            except UnicodeDecodeError:
                raise ImportFormatError(file=name, line=number + 1, field=None, message="is not UTF-8 text") from None
            if not line:
                break
            number += 1
            if number % PROGRESS_EVERY == 0:
                _report_bytes(position(), size)
            yield line
        text.detach()
        _report_bytes(size, size)


def require_object(value: Any, ctx: Ctx) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ctx.fail(None, f"expected a JSON object, got {type(value).__name__}")
    return value
