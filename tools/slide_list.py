"""슬라이드 목록: the RISE slide titles of each notebook, in order, for the teacher's guide.

The guide's period plans list the slides they cover between the markers
``<!-- slides NN -->`` and ``<!-- /slides -->``; ``python tools/slide_list.py --write`` fills
them in from the notebooks, and tests/test_teacher_guide.py fails when they drift apart.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "docs" / "teacher-guide.md"
MARKERS = re.compile(r"(<!-- slides (\d\d) -->\n)(.*?)(<!-- /slides -->)", re.DOTALL)


def slides(notebook: Path) -> list[tuple[str, int]]:
    """(title, how many sub-slides and fragments follow it) for each top-level slide."""
    found: list[list] = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        kind = cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")
        source = "".join(cell["source"])
        if kind == "slide":
            heading = next((ln.lstrip("#").strip() for ln in source.splitlines()
                            if ln.startswith("#")), None)
            if heading is None:                       # a code slide: a widget or a figure
                heading = "(실습 화면)"
            found.append([heading, 0])
        elif kind == "subslide" and found:
            found[-1][1] += 1
    return [(t, n) for t, n in found]


def slide_block(number: str) -> str:
    notebook = next(REPO.glob(f"notebooks/{number}_*.ipynb"))
    lines = [f"**{number} 의 슬라이드 순서** (RISE, 스페이스 바로 넘기는 차례)", ""]
    for i, (title, more) in enumerate(slides(notebook), start=1):
        extra = f" (+{more}장)" if more else ""
        lines.append(f"{i}. {title}{extra}")
    return "\n".join(lines) + "\n"


def filled(guide: str) -> str:
    return MARKERS.sub(lambda m: m.group(1) + slide_block(m.group(2)) + m.group(4), guide)


if __name__ == "__main__":
    text = GUIDE.read_text(encoding="utf-8")
    if "--write" in sys.argv:
        GUIDE.write_text(filled(text), encoding="utf-8")
    else:
        for nb in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
            print(f"## {nb.name}\n{slide_block(nb.name[:2])}")
