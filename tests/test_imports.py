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


# The layers of ARCHITECTURE.md: a module imports from its own layer or the ones below it.
LAYERS = {
    0: {"errors", "korean", "resources", "validate", "notebook"},
    1: {"cache", "data", "network_files", "formulas"},
    2: {"logistic", "neuron", "network", "descent", "gates", "inside", "notation", "drawing",
        "matrices", "loss", "landscape", "sgd", "backprop"},
    3: {"raster", "a11y", "draw"},
    4: {"check", "exercises", "display", "alt_text", "environment", "progress", "widgets"},
    5: {"slides", "train_network"},
}
SHARED_WIDGET_PARTS = {"mnistlab.widgets.base", "mnistlab.widgets.layout"}
# Widgets that still borrow a part of a sibling widget: each is to move into widgets.base
# (the list may only shrink; a new sibling import fails the test below).
SIBLING_IMPORTS_TO_REMOVE = {
    ("mnistlab.widgets.draw", "mnistlab.widgets.network"),      # DiagramCanvas
    ("mnistlab.widgets.draw", "mnistlab.widgets.per_digit"),    # the ten models' bars
    ("mnistlab.widgets.loss", "mnistlab.widgets.draw"),         # the drawing canvas
    ("mnistlab.widgets.per_digit", "mnistlab.widgets.logistic"),  # yes/no colours
}


def _layer(module: str) -> int:
    top = module.split(".")[1]
    found = [n for n, names in LAYERS.items() if top in names]
    assert found, f"{module} 이 ARCHITECTURE.md 의 어느 층에도 없습니다 (tests/test_imports.py 의 LAYERS)"
    return found[0]


def test_every_import_stays_in_its_layer_or_goes_down():
    edges = import_graph.graph(lazy=True)
    up = [(a, b) for a, bs in edges.items() if a != "mnistlab" for b in bs
          if _layer(b) > _layer(a)]
    assert up == [], f"위 층을 가져오는 import: {up}"


def test_widgets_never_import_a_sibling_widget():
    edges = import_graph.graph(lazy=True)
    siblings = {(a, b) for a, bs in edges.items() if a.startswith("mnistlab.widgets.")
                for b in bs if b.startswith("mnistlab.widgets.") and b not in SHARED_WIDGET_PARTS}
    assert siblings <= SIBLING_IMPORTS_TO_REMOVE, siblings - SIBLING_IMPORTS_TO_REMOVE


def test_the_layer_check_sees_an_upward_import():
    assert _layer("mnistlab.validate") < _layer("mnistlab.network") < _layer("mnistlab.draw.loss")
