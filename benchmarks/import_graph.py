"""The package's import graph: which mnistlab module imports which, and any cycle.

    .venv/bin/python benchmarks/import_graph.py            # the graph, then the cycles
    .venv/bin/python benchmarks/import_graph.py --lazy     # with imports inside functions

Read from the source (ast), not by importing. By default only module-level imports
count (what runs when a module is imported); ``--lazy`` adds the imports made
inside functions, which hide a cycle rather than remove it.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "mnistlab"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def graph(lazy: bool = False) -> dict[str, set[str]]:
    """module → the mnistlab modules it imports (a package counts as its __init__)."""
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in paths}
    edges: dict[str, set[str]] = {}
    for path in paths:
        name = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = ast.walk(tree) if lazy else iter(tree.body)
        found: set[str] = set()
        for node in nodes:
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # "from mnistlab import validate" imports the submodule mnistlab.validate
                targets = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
            else:
                continue
            for t in targets:
                while t and t not in modules:
                    t = t.rpartition(".")[0]
                if t.startswith("mnistlab") and t != name:
                    found.add(t)
        # "from mnistlab.x import y" also runs mnistlab/__init__: not an edge of interest
        found.discard("mnistlab")
        edges[name] = found
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every elementary cycle found by a depth-first search (each reported once)."""
    found, seen = [], set()

    def visit(node: str, path: list[str]) -> None:
        for nxt in sorted(edges.get(node, ())):
            if nxt in path:
                cycle = path[path.index(nxt):]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    found.append([*cycle, nxt])
            elif len(path) < 12:
                visit(nxt, [*path, nxt])

    for start in sorted(edges):
        visit(start, [start])
    return found


if __name__ == "__main__":
    lazy = "--lazy" in sys.argv
    edges = graph(lazy=lazy)
    for module in sorted(edges):
        print(f"{module:<32s} → {', '.join(sorted(edges[module])) or '-'}")
    found = cycles(edges)
    print(f"\ncycles ({'with' if lazy else 'without'} imports inside functions): {len(found)}")
    for c in found:
        print("  " + " → ".join(c))
