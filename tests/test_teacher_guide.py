"""The teacher's guide covers every notebook and answers every exercise the checker knows."""

import re
from pathlib import Path

from mnistlab.check import exercises

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")


def test_every_notebook_has_its_section():
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        number = nb.name[:2]
        assert re.search(rf"^## {number}\. ", GUIDE, re.MULTILINE), f"안내서에 {number} 절이 없습니다"
        assert re.search(rf"^### {number}\. ", GUIDE, re.MULTILINE), f"안내서에 {number} 의 정답 표가 없습니다"


def test_every_exercise_is_answered():
    missing = [e for e in exercises() if f"(`{e}`)" not in GUIDE]
    assert not missing, f"안내서에 정답이 없는 연습문제: {missing}"
