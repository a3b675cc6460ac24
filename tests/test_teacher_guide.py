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


def test_the_period_plans_list_the_notebooks_slides_as_they_are():
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import slide_list

    assert re.findall(r"<!-- slides (\d\d) -->", GUIDE), "안내서에 슬라이드 목록이 없습니다"
    assert slide_list.filled(GUIDE) == GUIDE, (
        "안내서의 슬라이드 목록이 노트북과 다릅니다: python tools/slide_list.py --write")


def test_every_notebook_is_in_a_45_minute_period():
    plans = re.split(r"^### (\d+)차시", GUIDE, flags=re.MULTILINE)[1:]
    assert plans, "안내서에 차시 계획이 없습니다"
    covered = set()
    for number, body in zip(plans[::2], plans[1::2]):
        body = body.split("\n## ")[0]
        minutes = [int(m) for m in re.findall(r"^\| (\d+) \|", body, re.MULTILINE)]
        assert sum(minutes) == 45, f"{number}차시의 시간 계획 합이 {sum(minutes)}분입니다"
        assert "여는 질문" in body and "나가는 질문" in body and "연습" in body, f"{number}차시"
        covered |= set(re.findall(r"<!-- slides (\d\d) -->", body))
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert nb.name[:2] in covered, f"{nb.name[:2]} 이 어느 차시에도 없습니다"
