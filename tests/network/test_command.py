"""`manage.py analyze_graph`: the last stdout line is one JSON object."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.network.conftest import DATA


def _run(*args: str) -> dict:
    out = io.StringIO()
    call_command("analyze_graph", *args, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue().strip().splitlines()[-1])


def test_edge_list_analysis_prints_the_summary_json():
    result = _run(str(DATA / "two_triangles.edgelist"), "--format", "edgelist", "--directed", "--top", "3")
    assert set(result) >= {"nodes", "edges", "communities", "modularity", "top", "seconds"}
    assert (result["nodes"], result["edges"], result["communities"]) == (6, 7, 2)
    assert result["directed"] is True and len(result["top"]) == 3 and result["modularity"] > 0.3
    ranks = [row["pagerank"] for row in result["top"]]
    assert ranks == sorted(ranks, reverse=True)


def test_edge_lists_are_undirected_unless_asked():
    assert _run(str(DATA / "two_triangles.edgelist"))["directed"] is False


@pytest.mark.parametrize(("name", "fmt", "nodes"), [("small.gexf", "gexf", 3), ("small.graphml", "graphml", 4)])
def test_xml_formats(name, fmt, nodes):
    result = _run(str(DATA / name), "--format", fmt, "--top", "1")
    assert result["nodes"] == nodes and len(result["top"]) == 1


def test_networkx_backend_gives_the_same_partition_here():
    fast = _run(str(DATA / "two_triangles.edgelist"))
    slow = _run(str(DATA / "two_triangles.edgelist"), "--backend", "networkx")
    assert fast["communities"] == slow["communities"] and abs(fast["modularity"] - slow["modularity"]) < 1e-9


def test_bad_or_missing_files_raise_a_command_error():
    with pytest.raises(CommandError, match="Line 2"):
        _run(str(DATA / "bad_weight.edgelist"))
    with pytest.raises(CommandError, match="No such file"):
        _run(str(DATA / "missing.edgelist"))
