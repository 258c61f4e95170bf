"""Reading files: bytes (plain or .xz) to text, text to JSON values with their line or record number."""

from __future__ import annotations

import json
import lzma
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from profiles.importers.parsers.values import Ctx
from profiles.importers.records import ImportFormatError


def read_text(path: Path, name: str) -> str:
    try:
        if path.name.endswith(".xz"):
            with lzma.open(path) as compressed:
                raw = compressed.read()
        else:
            raw = path.read_bytes()
    except EOFError as exc:  # lzma's answer to a cut-off download
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


def require_object(value: Any, ctx: Ctx) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ctx.fail(None, f"expected a JSON object, got {type(value).__name__}")
    return value
