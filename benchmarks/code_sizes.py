"""Module and class sizes of the package, in lines (the issue asks for ~400 / ~150 at most).

    .venv/bin/python benchmarks/code_sizes.py

Prints every module of ``mnistlab/`` with its line count, then every class with
its own line count (from ``class`` to its last line), largest first.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "mnistlab"


def sizes() -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(module, lines) and (module.Class, lines), largest first."""
    modules, classes = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = str(path.relative_to(PACKAGE.parent))
        text = path.read_text(encoding="utf-8")
        modules.append((name, len(text.splitlines())))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                classes.append((f"{name}:{node.name}", node.end_lineno - node.lineno + 1))
    return (sorted(modules, key=lambda m: -m[1]), sorted(classes, key=lambda c: -c[1]))


if __name__ == "__main__":
    modules, classes = sizes()
    print(f"modules: {len(modules)}, total {sum(n for _, n in modules)} lines")
    for name, n in modules:
        print(f"  {n:5d}  {name}")
    print(f"classes: {len(classes)}")
    for name, n in classes:
        print(f"  {n:5d}  {name}")
