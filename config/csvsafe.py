"""CSV cells a spreadsheet will not run: OWASP's CSV-injection advice, in one place for every export.

Display names, bios and handles come from other people's accounts; a cell starting with `=`, `+`, `-`, `@` (or a
tab / carriage return) is read by Excel, LibreOffice and Google Sheets as a formula (`=HYPERLINK(...)`), so such a
text cell is prefixed with a single quote. Numbers are written as numbers. No Django import: importable anywhere.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """The cell as written to a CSV export: text that a spreadsheet would evaluate gets a leading "'"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer whose rows pass through csv_safe."""

    def __init__(self, stream: Any, **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([csv_safe(cell) for cell in row])
