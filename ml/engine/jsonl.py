"""JSON Lines read one way everywhere: each non-blank line a JSON object, or a ValueError naming the line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any


def json_objects(lines: Iterable[str], source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; ValueError "source:N: …" for a line that is not an object."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{source}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(value, dict):
            raise ValueError(f"{source}:{number}: expected a JSON object per line")
        yield number, value
