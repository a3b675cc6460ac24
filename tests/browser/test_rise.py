"""Live slides: a notebook presented with RISE (JupyterLab) at 1280×720.

A small notebook with slide metadata (a title slide with a set-up cell, a widget on
the next slide) is opened in RISE's presentation view; the test runs the code
from the slides and moves forward to the widget's slide, as a teacher would.

jupyterlab-rise 0.43.1 does not render ipywidgets 8 views (upstream:
jupyterlab-contrib/rise#119 and #126), so a widget on a RISE slide shows the PNG
snapshot every mnistlab widget carries: the test checks that the learner sees that
picture, not a raw ``VBox(...)`` text. When RISE renders widgets again, the slider
part of this test (operating the widget) becomes possible; see the report in #12.
"""

from __future__ import annotations

import time
from types import SimpleNamespace

import nbformat
from browser_report import RUN
from test_browser import _failure_evidence

SLIDES = [
    ("markdown", "# 첫 슬라이드\n\n위젯이 살아 있는 발표", "slide"),
    ("code", "import mnistlab.widgets as w", "-"),
    ("markdown", "## 두 번째 슬라이드: 위젯", "slide"),
    ("code", "w.widget_check()", "-"),
]


def _notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    for kind, source, slide_type in SLIDES:
        cell = (nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell)(source)
        cell.metadata["slideshow"] = {"slide_type": slide_type}
        nb.cells.append(cell)
    return nb


def _current_slide(page) -> str:
    return page.evaluate("() => document.querySelector('.reveal .slides section.present"
                         " section.present, .reveal .slides > section.present')?.innerText || ''")


def _run_code_cell(page, text: str) -> None:
    """Click the code cell showing `text` on the current slide and run it (Shift+Enter)."""
    cell = page.locator(".reveal section.present .jp-CodeCell", has_text=text).first
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")


def test_a_widget_works_on_a_live_rise_slide(jupyter, browser_context, nb_root, artifacts):
    rel = "rise_demo.ipynb"
    nbformat.write(_notebook(), nb_root / rel)
    context = browser_context.browser.new_context(viewport={"width": 1280, "height": 720},
                                                  locale="ko-KR")
    page = context.new_page()
    try:
        page.goto(f"{jupyter.base}/rise/{rel}?token={jupyter.token}")
        page.wait_for_selector(".reveal.ready .slides section", timeout=90_000)
        deadline = time.monotonic() + 90
        while jupyter.kernel_state(rel) != "idle":
            assert time.monotonic() < deadline, "RISE: 커널이 준비되지 않았습니다"
            time.sleep(0.2)
        assert "첫 슬라이드" in _current_slide(page)
        _run_code_cell(page, "import mnistlab.widgets")
        page.keyboard.press("Escape")
        page.keyboard.press("ArrowRight")                 # next slide
        page.wait_for_function("() => document.querySelector('.reveal').innerText"
                               ".includes('두 번째 슬라이드')")
        assert "두 번째 슬라이드" in _current_slide(page), "RISE: 다음 슬라이드로 넘어가지 않았습니다"
        _run_code_cell(page, "widget_check")
        output = page.locator(".reveal section.present .jp-OutputArea-output").first
        output.wait_for(timeout=60_000)
        picture = output.locator("img").first
        picture.wait_for(timeout=30_000)
        assert picture.evaluate("im => im.complete && im.naturalWidth > 0"), "RISE: 위젯 그림이 없습니다"
        text = output.inner_text()
        assert "VBox(" not in text and "Error displaying widget" not in text, text
        shot = artifacts / "rise-widget-slide-1280x720.png"
        page.screenshot(path=str(shot))
        RUN.screenshots.append(shot)
    except Exception:
        _failure_evidence(page, SimpleNamespace(console=[]), artifacts / "rise-FAILED.png")
        raise
    finally:
        page.close()
        context.close()
        jupyter.shutdown_kernel(rel)
