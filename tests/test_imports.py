"""The import graph read from the source (benchmarks/import_graph.py): no cycle, even through
imports inside functions, and validate a leaf that every module may import."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("import_graph", ROOT / "benchmarks" / "import_graph.py")
import_graph = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_graph)


def test_no_import_cycle():
    for lazy in (False, True):
        edges = import_graph.graph(lazy=lazy)
        assert edges.get("mnistlab.network")      # the graph was read
        assert import_graph.cycles(edges) == [], lazy


def test_validate_is_a_leaf():
    edges = import_graph.graph(lazy=True)
    assert edges["mnistlab.validate"] <= {"mnistlab.errors", "mnistlab.korean"}
    assert "mnistlab.network" not in edges["mnistlab.network_files"]   # files know no Network


def test_cycles_are_found_when_there_are_some():
    assert import_graph.cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
