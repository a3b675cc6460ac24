"""학습지: printable worksheets of the notebooks (``make handouts``), A4 PDF with the Korean font embedded.

For every notebook ``notebooks/NN_*.ipynb`` this writes two PDFs into OUT (default ``handouts/``):

* ``NN_*.pdf`` — the student's worksheet: the notebook's title, one key figure per section (the
  first picture the section's cells drew), every exercise with boxes to write the answer and the
  reasoning in, and the notebook's 정리;
* ``NN_*.teacher.pdf`` — the same with each exercise's answer and explanation from the
  teacher's guide (docs/teacher-guide.md, "연습문제 정답과 풀이").

The pages are HTML printed by Chromium (Playwright), offline: the NanumGothic font comes from
the package and MathJax from ``slides/lib`` (fetched once with npm, shared with ``make slides``).
Run: ``python tools/handouts.py [OUT] [--only NN ...]``.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
GUIDE = REPO / "docs" / "teacher-guide.md"
FONTS = REPO / "mnistlab" / "fonts"
MATHJAX = "mathjax/MathJax.js?config=TeX-AMS_SVG"   # SVG output: formulas print as vector shapes
CHECK_CALL = re.compile(r"""ml\.check\(\s*["']([^"']+)["']""")


@dataclass
class Exercise:
    """One ``### 연습 N.`` of a notebook: its question (Markdown), code given, and checker id."""

    heading: str
    question: str
    code: str = ""
    exercise_id: str = ""
    figure: str = ""          # a picture the exercise's cells draw (PNG base64), if any


@dataclass
class Worksheet:
    """What a notebook's worksheet shows."""

    number: str
    title: str
    figures: list[tuple[str, str]] = field(default_factory=list)   # (section heading, PNG base64)
    exercises: list[Exercise] = field(default_factory=list)
    summary: str = ""


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _first_png(cell: dict) -> str | None:
    for out in cell.get("outputs", []):
        png = out.get("data", {}).get("image/png")
        if png:
            return "".join(png) if isinstance(png, list) else png
    return None


def read_worksheet(path: Path) -> Worksheet:
    """The worksheet content of one executed notebook."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    sheet = Worksheet(number=path.name[:2], title=path.stem)
    section, in_exercises, pending = "", False, None
    for cell in cells:
        src = _source(cell)
        if cell["cell_type"] == "markdown":
            first = src.strip().splitlines()[0] if src.strip() else ""
            if first.startswith("# "):
                sheet.title = first[2:].strip()
            elif first.startswith("## "):
                section = first[3:].strip()
                in_exercises = section.startswith("연습문제")
                if section.startswith("정리"):
                    sheet.summary = src.strip().split("\n", 1)[1] if "\n" in src.strip() else ""
                elif not in_exercises:
                    sheet.figures.append((section, ""))
            elif in_exercises and first.startswith("### "):
                body = src.strip().split("\n", 1)
                pending = Exercise(heading=first[4:].strip(), question=body[1] if len(body) > 1 else "")
                sheet.exercises.append(pending)
        elif cell["cell_type"] == "code":
            if in_exercises and pending is not None:
                found = CHECK_CALL.search(src)
                given = [ln for ln in src.splitlines()
                         if not ln.startswith(("answer =", "ml.check(")) and ln.strip()]
                pending.code = "\n".join(filter(None, [pending.code, *given]))
                pending.figure = pending.figure or _first_png(cell) or ""
                if found:
                    pending.exercise_id = found.group(1)
                    pending = None
            elif sheet.figures and not sheet.figures[-1][1]:
                png = _first_png(cell)
                if png:
                    sheet.figures[-1] = (sheet.figures[-1][0], png)
    sheet.figures = [(s, png) for s, png in sheet.figures if png]
    return sheet


def guide_answers(guide: str) -> dict[str, tuple[str, str]]:
    """exercise id → (answer, explanation), from the guide's answer tables
    (rows ``| 연습 N (`id`) | answer | explanation |``)."""
    answers = {}
    for row in re.finditer(r"^\|\s*연습\s*\d+\s*\(`([^`]+)`\)\s*\|(.*?)\|(.*)\|\s*$", guide, re.MULTILINE):
        answers[row.group(1)] = (row.group(2).strip(), row.group(3).strip())
    return answers


def _markdown(text: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return markdown2html_mistune(text)


STYLE = """
@font-face { font-family: "NanumGothic"; src: url("{font}"); }
@font-face { font-family: "NanumGothic"; font-weight: bold; src: url("{bold}"); }
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
html { font-family: "NanumGothic", sans-serif; font-size: 10.5pt; color: #111; line-height: 1.5; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 0.4mm solid #333; }
.who { display: flex; gap: 8mm; margin: 2mm 0 4mm; }
.who span { flex: 1; border-bottom: 0.3mm solid #555; padding-bottom: 1mm; }
figure { break-inside: avoid; margin: 3mm 0; text-align: center; }
figure img { max-width: 100%; max-height: 95mm; }
figcaption { font-size: 9pt; color: #333; }
.exercise { break-inside: avoid; border: 0.3mm solid #666; border-radius: 2mm; padding: 2mm 4mm;
            margin: 3mm 0; }
.exercise h3 { font-size: 11pt; margin: 1mm 0; }
pre { font-size: 9pt; background: #f2f2f2; padding: 1.5mm 2mm; white-space: pre-wrap; }
.blank { border: 0.3mm dashed #777; height: 12mm; margin: 2mm 0; padding: 1mm 2mm;
         font-size: 8.5pt; color: #444; }
.blank.reason { height: 24mm; }
.key { background: #eef3fb; border-left: 1.2mm solid #1f4e99; padding: 1.5mm 3mm; margin-top: 2mm; }
.summary { break-inside: avoid; }
table { border-collapse: collapse; } td, th { border: 0.2mm solid #999; padding: 0.5mm 2mm; }
"""


def render_html(sheet: Worksheet, answers: dict | None, mathjax_url: str) -> str:
    """The worksheet as one HTML page; ``answers`` (id → (answer, why)) makes the teacher's copy."""
    font, bold = (FONTS / "NanumGothic.ttf").as_uri(), (FONTS / "NanumGothicBold.ttf").as_uri()
    teacher = answers is not None
    parts = [
        "<!DOCTYPE html><html lang='ko'><head><meta charset='utf-8'>",
        f"<title>{html.escape(sheet.title)} 학습지</title>",
        "<style>" + STYLE.replace("{font}", font).replace("{bold}", bold) + "</style>",
        "<script type='text/x-mathjax-config'>MathJax.Hub.Config({tex2jax: {inlineMath: "
        "[['$','$']], processEscapes: true}, SVG: {font: 'TeX'}, showMathMenu: false, "
        "messageStyle: 'none'}); MathJax.Hub.Queue(function () { document.body.dataset.typeset = "
        "'yes'; });</script>",
        f"<script src='{html.escape(mathjax_url)}'></script></head><body>",
        f"<h1>{html.escape(sheet.title)} — {'교사용 학습지 (정답 포함)' if teacher else '학습지'}</h1>",
        "<div class='who'><span>반:</span><span>번호:</span><span>이름:</span><span>날짜:</span></div>",
    ]
    if sheet.figures:
        parts.append("<h2>핵심 그림</h2>")
        for section, png in sheet.figures:
            parts.append(
                f"<figure><img src='data:image/png;base64,{png}' alt='{html.escape(section)} 그림'>"
                f"<figcaption>{html.escape(section)}</figcaption></figure>")
    if sheet.exercises:
        parts.append("<h2>연습문제</h2>")
    for ex in sheet.exercises:
        parts.append(f"<section class='exercise'><h3>{_markdown(ex.heading)}</h3>{_markdown(ex.question)}")
        if ex.figure:
            parts.append(f"<figure><img src='data:image/png;base64,{ex.figure}' "
                         f"alt='{html.escape(ex.heading)} 그림'></figure>")
        elif ex.code:
            parts.append(f"<pre>{html.escape(ex.code)}</pre>")
        if teacher:
            answer, why = answers.get(ex.exercise_id, ("(안내서에 정답이 없습니다)", ""))
            parts.append(f"<div class='key'><b>정답</b> ({html.escape(ex.exercise_id)}): "
                         f"{_markdown(answer)}{_markdown(why)}</div>")
        else:
            parts.append("<div class='blank'>답</div><div class='blank reason'>이렇게 생각했어요</div>")
        parts.append("</section>")
    if sheet.summary:
        parts.append(f"<section class='summary'><h2>정리</h2>{_markdown(sheet.summary)}</section>")
    parts.append("</body></html>")
    return "\n".join(parts)


def build(out: Path, only: list[str] | None = None, chromium: str | None = None) -> list[Path]:
    """Write the student's and the teacher's PDF of every notebook (or those numbered ``only``)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO))
    from mnistlab.slides import fetch_assets

    out.mkdir(parents=True, exist_ok=True)
    lib = REPO / "slides" / "lib"           # shared with make slides: fetched once (npm)
    fetch_assets(lib)
    answers = guide_answers(GUIDE.read_text(encoding="utf-8"))
    notebooks = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if only:
        notebooks = [nb for nb in notebooks if nb.name[:2] in only]
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium or _chromium(), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page()
        for nb in notebooks:
            sheet = read_worksheet(nb)
            for suffix, key in (("", None), (".teacher", answers)):
                page_html = out / f"{nb.stem}{suffix}.html"
                page_html.write_text(render_html(sheet, key, f"{lib.as_uri()}/{MATHJAX}"), encoding="utf-8")
                page.goto(page_html.as_uri())
                page.wait_for_selector("body[data-typeset='yes']", timeout=60_000)
                pdf = out / f"{nb.stem}{suffix}.pdf"
                page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True,
                         display_header_footer=True, header_template="<span></span>",
                         footer_template="<div style='font-size:8pt;width:100%;text-align:center'>"
                                         f"{html.escape(sheet.title)} · <span class='pageNumber'></span>"
                                         " / <span class='totalPages'></span></div>")
                written.append(pdf)
        browser.close()
    return written


def _chromium() -> str:
    sys.path.insert(0, str(REPO / "tests" / "browser"))
    from find_browser import find_chromium

    found = find_chromium()
    if not found:
        raise SystemExit("학습지를 PDF 로 만들려면 Chromium 이 필요합니다 "
                         "(Debian/Ubuntu: sudo apt-get install chromium fonts-nanum).")
    return found


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="노트북마다 학습지 PDF(학생용, 교사용)를 만듭니다.")
    parser.add_argument("out", nargs="?", default=str(REPO / "handouts"))
    parser.add_argument("--only", nargs="*", help="이 번호의 노트북만 (예: 02 04)")
    args = parser.parse_args(argv)
    for pdf in build(Path(args.out), args.only):
        print(f"학습지: {pdf}")


if __name__ == "__main__":
    main(sys.argv[1:])
