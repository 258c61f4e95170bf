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


# --- #29: the arrows between the apps run one way ---------------------------------------------------------------
# accounts < profiles < predictions < discovery < dashboard; ml/engine (pure Python) below them all, reached from
# predictions and discovery only through the ml door (ml/services.py), and the door knows none of its consumers.

ROOT = Path(accounts.__file__).resolve().parent.parent


def _imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function (both are arrows between layers)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _offenders(package: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    files = [p for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts]
    assert len(files) > 5, package
    found = {
        str(path.relative_to(ROOT)): sorted(
            name for name in _imported_modules(path) if name.split(".")[0] in forbidden or name.startswith(forbidden)
        )
        for path in files
    }
    return {name: modules for name, modules in found.items() if modules}


def test_predictions_never_imports_discovery_which_builds_on_it():
    assert _offenders("predictions", ("discovery", "dashboard")) == {}


def test_the_ml_door_knows_none_of_its_consumers():
    assert _offenders("ml", ("discovery", "predictions", "network", "dashboard")) == {}


def test_predictions_and_discovery_reach_the_engine_through_the_ml_door_only():
    assert _offenders("predictions", ("ml.engine",)) == {}
    assert _offenders("discovery", ("ml.engine",)) == {}
