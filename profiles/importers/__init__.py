"""Importers: parse files of every supported format, then upsert them in one transaction.

    files = parse_files(paths, fmt="auto")        # raises ImportFormatError naming file, line and field
    result = import_records(organization=org, files=files)
"""
from __future__ import annotations

from pathlib import Path

from profiles.importers.parsers import FORMATS, PARSERS, detect_format
from profiles.importers.records import ImportFormatError, ParsedFile
from profiles.importers.writer import ImportResult, import_records

__all__ = ["FORMATS", "ImportFormatError", "ImportResult", "ParsedFile", "expand_paths", "import_records",
           "parse_file", "parse_files"]

IMPORTABLE_SUFFIXES = (".json", ".jsonl", ".json.xz", ".csv", ".ndjson")


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; directories (e.g. an instaloader download folder) expand to their importable files."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(IMPORTABLE_SUFFIXES)))
        else:
            files.append(path)
    return files


def parse_file(path: Path, *, fmt: str = "auto", name: str | None = None) -> ParsedFile:
    display = name or path.name
    if not path.exists():
        raise ImportFormatError(file=display, line=None, field=None, message="does not exist")
    chosen = detect_format(path, display) if fmt == "auto" else fmt
    if chosen not in PARSERS:
        raise ImportFormatError(file=display, line=None, field=None,
                                message=f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)} or auto")
    return PARSERS[chosen](path, display)


def parse_files(paths: list[Path], *, fmt: str = "auto") -> list[ParsedFile]:
    return [parse_file(path, fmt=fmt) for path in expand_paths(paths)]
