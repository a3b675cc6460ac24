"""Where the learner-facing checks live: ``raise`` statements in validate.py and elsewhere.

    .venv/bin/python benchmarks/validation_sites.py [package folder]

Counts every ``raise`` of an exception in the package's source (re-raises and
NotImplementedError left out), per module, with validate.py first.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "mnistlab"


def sites(package: Path = PACKAGE) -> Counter:
    counts: Counter = Counter()
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and node.exc is not None:
                call = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                name = getattr(call, "id", getattr(call, "attr", ""))
                if name != "NotImplementedError":
                    counts[str(path.relative_to(package.parent))] += 1
    return counts


if __name__ == "__main__":
    package = Path(sys.argv[1]) if len(sys.argv) > 1 else PACKAGE
    counts = sites(package)
    inside = sum(n for m, n in counts.items() if m.endswith("mnistlab/validate.py"))
    print(f"validation sites (raise statements): {sum(counts.values())}, "
          f"in validate.py {inside}, elsewhere {sum(counts.values()) - inside}")
    for module, n in counts.most_common():
        print(f"  {n:4d}  {module}")
