"""Importers: parse files of every supported format, then upsert them in one transaction.

files = parse_files(paths, fmt="auto")        # raises ImportFormatError naming file, line and field
result = import_records(organization=org, files=files)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from profiles.importers.parsers import FORMATS, PARSERS, UnknownFormat, detect_format
from profiles.importers.parsers.reading import is_large, record_progress
from profiles.importers.records import (
    ImportFormatError,
    ParsedFile,
    collector_relaxed,
    resolve_pending_owners,
    spooling,
)
from profiles.importers.writer import ImportResult, import_records

__all__ = [
    "FORMATS",
    "ImportFormatError",
    "ImportResult",
    "ParsedFile",
    "expand_paths",
    "import_records",
    "parse_file",
    "parse_files",
]

IMPORTABLE_SUFFIXES = (".json", ".jsonl", ".json.xz", ".csv", ".ndjson", ".js")  # .js: X's archive (data/*.js)
ProgressCallback = Callable[[int, int], None]
# Parse progress is reported in these units per file, so several files of different sizes share one bar.
UNITS_PER_FILE = 1000


def expand_paths(paths: list[Path]) -> list[tuple[Path, bool]]:
    """(file, found in a folder): files as given; directories (an instaloader or gallery-dl download folder, an
    academictwitteR data_path) expand to their importable files."""
    files: list[tuple[Path, bool]] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                (p, True) for p in sorted(path.rglob("*")) if p.is_file() and p.name.endswith(IMPORTABLE_SUFFIXES)
            )
        else:
            files.append((path, False))
    return files


def parse_file(
    path: Path, *, fmt: str = "auto", name: str | None = None, on_progress: ProgressCallback | None = None
) -> ParsedFile:
    """Parse one file. Every failure is an ImportFormatError naming the file (and the line or record and field
    where the parser knows them), whatever went wrong inside."""
    display = name or path.name
    if not path.exists():
        raise ImportFormatError(file=display, line=None, field=None, message="does not exist")
    chosen = detect_format(path, display) if fmt == "auto" else fmt
    if chosen not in PARSERS:
        raise ImportFormatError(
            file=display,
            line=None,
            field=None,
            message=f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)} or auto",
        )
    position: list[int] = [0]

    def on_records(done: int, total: int) -> None:
        position[0] = done
        if on_progress is not None:
            on_progress(done, total)

    token = record_progress.set(on_records)
    spool_token = spooling.set(is_large(path))  # a large file's records wait on disk, not in memory
    try:
        return PARSERS[chosen](path, display)
    except ImportFormatError:
        raise
    except Exception as exc:  # a shape no parser expected: still the file and where, never a traceback
        raise ImportFormatError(
            file=display,
            line=position[0] + 1 if position[0] else None,
            field=None,
            unit="record",
            message=f"could not be read as {chosen} ({type(exc).__name__}: {str(exc)[:200]})",
        ) from exc
    finally:
        spooling.reset(spool_token)
        record_progress.reset(token)


def parse_files(
    paths: list[Path],
    *,
    fmt: str = "auto",
    on_progress: ProgressCallback | None = None,
    names: dict[Path, str] | None = None,
    owner: tuple[str, str] | None = None,
) -> list[ParsedFile]:
    """Parse every file (nothing is written). In a folder, JSON files that are no importable format (e.g. other
    tools' files beside gallery-dl metadata) are skipped and reported in `ParsedFile.skipped`; a file of a known
    format that is malformed stops the import."""
    with collector_relaxed():
        found = expand_paths(paths)
        total = max(1, len(found)) * UNITS_PER_FILE
        parsed_files: list[ParsedFile] = []
        for index, (path, in_folder) in enumerate(found):

            def file_progress(done: int, records: int, base: int = index * UNITS_PER_FILE) -> None:
                if on_progress is not None:
                    on_progress(base + (UNITS_PER_FILE * done) // max(1, records), total)

            name = (names or {}).get(path) or path.name
            try:
                parsed_files.append(parse_file(path, fmt=fmt, name=name, on_progress=file_progress))
            except UnknownFormat as exc:
                if not in_folder:
                    raise
                parsed_files.append(ParsedFile(name, skipped=exc.detail))
            file_progress(1, 1)
        resolve_pending_owners(parsed_files, owner)
    return parsed_files
