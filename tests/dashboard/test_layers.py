"""Identity sits below every app: nothing in accounts/ imports the apps that build on it."""

from __future__ import annotations

import ast
from pathlib import Path

import accounts

ABOVE_ACCOUNTS = {"profiles", "predictions", "network", "ml", "dashboard"}


def _imported_top_level_packages(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_accounts_imports_none_of_the_apps_above_it():
    root = Path(accounts.__file__).resolve().parent
    offenders = {
        str(path.relative_to(root)): sorted(_imported_top_level_packages(path) & ABOVE_ACCOUNTS)
        for path in root.rglob("*.py")
    }
    assert len(offenders) > 10  # the walk found accounts' modules, migrations included
    assert {name: found for name, found in offenders.items() if found} == {}
