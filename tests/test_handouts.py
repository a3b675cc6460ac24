"""make handouts: A4 worksheets per notebook, Hangul rendered with the font embedded, no figure cut.

Chromium prints them (as in the browser tests); poppler's pdffonts / pdftotext / pdfimages read
the PDFs back the way a printer would see them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "tests" / "browser"))

import handouts  # noqa: E402
from find_browser import SKIP_REASON, browser_required, find_chromium  # noqa: E402

NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SAMPLE = ("02", "06")          # a long one with many figures, a short one with formulas
POPPLER = all(shutil.which(t) for t in ("pdffonts", "pdftotext", "pdfimages"))


def _need_tools():
    if find_chromium() and POPPLER:
        return
    if browser_required():
        pytest.fail("학습지 테스트에 Chromium 과 poppler-utils 가 필요합니다 (apt-get install chromium poppler-utils)")
    pytest.skip(SKIP_REASON if not find_chromium() else "poppler-utils(pdffonts) 가 없어 건너뜁니다.")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    _need_tools()
    out = tmp_path_factory.mktemp("handouts")
    return {p.name: p for p in handouts.build(out, list(SAMPLE))}


def _run(*cmd) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_exercise_of_a_notebook_is_on_its_worksheet(path):
    sheet = handouts.read_worksheet(path)
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    ids = re.findall(r"""ml\.check\(\s*["']([^"']+)["']""",
                     "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code"))
    assert [e.exercise_id for e in sheet.exercises] == ids
    assert all(e.question.strip() for e in sheet.exercises)
    assert sheet.title.startswith(path.name[:2])


def test_the_teacher_copy_has_every_answer_of_the_guide():
    answers = handouts.guide_answers((REPO / "docs" / "teacher-guide.md").read_text(encoding="utf-8"))
    for path in NOTEBOOKS:
        for ex in handouts.read_worksheet(path).exercises:
            assert ex.exercise_id in answers, f"안내서에 {ex.exercise_id} 의 정답 행이 없습니다"


def test_a_student_and_a_teacher_pdf_per_notebook(pdfs):
    for number in SAMPLE:
        stem = next(p.stem for p in NOTEBOOKS if p.name.startswith(number))
        assert {f"{stem}.pdf", f"{stem}.teacher.pdf"} <= set(pdfs)


@pytest.mark.parametrize("kind", ["student", "teacher"])
def test_every_page_is_a4_with_the_korean_font_embedded(pdfs, kind):
    for name, pdf in pdfs.items():
        if (kind == "teacher") != name.endswith(".teacher.pdf"):
            continue
        info = _run("pdfinfo", str(pdf))
        assert re.search(r"Page size:\s+59[45]\.\d+ x 841\.\d+", info), info     # A4 in points
        fonts = _run("pdffonts", str(pdf)).splitlines()[2:]
        assert any("NanumGothic" in f for f in fonts), fonts
        assert all(f.split()[-5] == "yes" for f in fonts), f"내장되지 않은 글꼴: {fonts}"
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        for page in range(1, pages + 1):
            text = _run("pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-")
            assert re.search(r"[가-힣]", text), f"{name} {page}쪽에 한글이 없습니다"
            assert "\ufffd" not in text and "□" not in text


def test_the_teacher_copy_shows_answers_and_the_student_copy_blanks(pdfs):
    for name, pdf in pdfs.items():
        text = _run("pdftotext", str(pdf), "-")
        assert text.count("연습") >= 3
        if name.endswith(".teacher.pdf"):
            assert "정답" in text and "이렇게 생각했어요" not in text
        else:
            assert "이렇게 생각했어요" in text and "정답 (" not in text


def test_no_figure_is_cut_across_pages(pdfs):
    """Each key figure is one image on one page: a figure split by a page break shows up twice."""
    for name, pdf in pdfs.items():
        number = name[:2]
        nb = next(p for p in NOTEBOOKS if p.name.startswith(number))
        sheet = handouts.read_worksheet(nb)
        expected = len(sheet.figures) + sum(bool(e.figure) for e in sheet.exercises)
        rows = _run("pdfimages", "-list", str(pdf)).splitlines()[2:]
        images = [r.split() for r in rows if r.split()[2] == "image"]       # not soft masks
        assert len(images) == expected, f"{name}: 그림 {expected}개, PDF 안의 그림 조각 {len(images)}개"
