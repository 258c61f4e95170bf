"""Reading files: bytes (plain or .xz) to text, text to JSON values with their line or record number."""
from __future__ import annotations

import json
import lzma
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from profiles.importers.parsers.values import Ctx
from profiles.importers.records import ImportFormatError


def read_text(path: Path, name: str) -> str:
    try:
        raw = lzma.open(path).read() if path.name.endswith(".xz") else path.read_bytes()
    except (OSError, lzma.LZMAError) as exc:
        raise ImportFormatError(file=name, line=None, field=None, message=f"cannot be read: {exc}") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFormatError(file=name, line=line, field=None, message="is not UTF-8 text") from exc


def json_values(text: str, name: str) -> Iterator[tuple[Ctx, Any]]:
    """Yield (context, value) for a JSON document (each array item is a record) or JSON Lines (each line)."""
    stripped = text.strip()
    if not stripped:
        raise ImportFormatError(file=name, line=None, field=None, message="is empty")
    try:
        document = json.loads(stripped)
    except json.JSONDecodeError as whole_error:
        if "\n" not in stripped:
            raise ImportFormatError(file=name, line=whole_error.lineno, field=None,
                                    message=f"is not valid JSON ({whole_error.msg})") from None
        for number, line in enumerate(text.split("\n"), start=1):  # not splitlines(): captions hold U+2028
            if not line.strip():
                continue
            try:
                yield Ctx(name, number), json.loads(line)
            except json.JSONDecodeError as exc:
                raise ImportFormatError(file=name, line=number, field=None,
                                        message=f"is not valid JSON ({exc.msg})") from None
        return
    if isinstance(document, list):
        for index, item in enumerate(document, start=1):
            yield Ctx(name, index, unit="record"), item
    else:
        yield Ctx(name, 1), document


def require_object(value: Any, ctx: Ctx) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ctx.fail(None, f"expected a JSON object, got {type(value).__name__}")
    return value
