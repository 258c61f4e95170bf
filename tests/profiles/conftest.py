from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

DATA = Path(__file__).resolve().parent.parent / "data" / "profiles"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def run_import(agency):
    """Run import_profiles for alice's agency; returns the parsed last stdout line."""

    def run(*args: Any) -> dict[str, Any]:
        out = StringIO()
        call_command(
            "import_profiles", *[str(a) for a in args], "--organization", agency.slug, "--verbosity", "0", stdout=out
        )
        return json.loads(out.getvalue().strip().splitlines()[-1])

    return run
