"""config/gunicorn.conf.py: a worker freezes what it loaded at start and collects young garbage less often."""

from __future__ import annotations

import gc
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

CONFIG = Path(__file__).resolve().parents[2] / "config" / "gunicorn.conf.py"


def _load(monkeypatch: pytest.MonkeyPatch, threshold: str | None) -> ModuleType:
    if threshold is None:
        monkeypatch.delenv("GUNICORN_GC_THRESHOLD", raising=False)
    else:
        monkeypatch.setenv("GUNICORN_GC_THRESHOLD", threshold)
    spec = importlib.util.spec_from_file_location("gunicorn_conf_under_test", CONFIG)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def collector() -> Iterator[None]:
    before = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


def test_a_started_worker_freezes_its_objects_and_raises_the_young_threshold(
    monkeypatch: pytest.MonkeyPatch, collector: None
) -> None:
    config = _load(monkeypatch, None)
    before = gc.get_threshold()
    loaded = [object() for _ in range(10)]  # stand-ins for what the application loaded
    assert gc.get_freeze_count() == 0
    config.post_worker_init(object())
    assert gc.get_freeze_count() >= len(loaded)  # every object alive at start is out of the collector's walks
    assert gc.get_threshold()[0] == 20000
    assert gc.get_threshold()[1:] == before[1:]  # the older generations as they were


def test_zero_keeps_pythons_defaults(monkeypatch: pytest.MonkeyPatch, collector: None) -> None:
    before = gc.get_threshold()
    _load(monkeypatch, "0").post_worker_init(object())
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
