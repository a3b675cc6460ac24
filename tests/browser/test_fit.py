"""Every widget fits a classroom screen: 1280×720 with Lab's file browser open, and 125 % zoom.

A generated notebook shows every factory of ``mnistlab.widgets``; it runs once per
user interface (JupyterLab with its file browser open, as it starts; Notebook 7)
in a 1280×720 window and again at 125 % zoom (what Chromium's zoom gives that
window: a 1024×576 CSS-pixel page drawn at 1.25 device pixels per CSS pixel). At both sizes
no part of any widget may stick out of its output area or scroll sideways. The
widths each widget's content needs are printed in the summary. The last test
shows that a widget too wide for the screen fails the check.
"""

from __future__ import annotations

import time

import nbformat
import pytest
from browser_report import RUN
from nbpage import NotebookPage, notebook_facts
from test_browser import FACTORIES, RUN_TIMEOUT, _failure_evidence, _widget_name

# name -> (CSS width, CSS height, device pixels per CSS pixel)
SCREENS = {"1280x720": (1280, 720, 1.0), "1280x720@125%": (1024, 576, 1.25)}


@pytest.fixture(scope="module")
def browser(browser_context):
    """The suite's Chromium; each check opens its own 1280×720 context in it."""
    return browser_context.browser


def _notebook(cells: list[str]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    return nb


def _overflow_problems(nb: NotebookPage, label_start: str) -> list[str]:
    problems = []
    for v in nb.overflow():
        first = v["text"].splitlines()[0][:16] if v["text"] else ""
        label = f"{label_start} 위젯 #{v['index'] + 1} «{first}»"
        RUN.notes.append(f"폭: {label}: 출력 영역 {v['area']}px, 내용 {v['needs']}px")
        if v["needs"] > v["area"] + 1:
            problems.append(f"{label} 이 가로로 넘칩니다: 출력 영역 {v['area']}px 에 "
                            f"{v['needs']}px 가 필요합니다 (가장 오른쪽: {v['widest']})")
        if v["scrolls"]:
            problems.append(f"{label} 안에서 가로로 스크롤되는 부분: {v['scrolls']}")
    return problems


def _operate_all(nb: NotebookPage, name: str, ui: str) -> None:
    """Work every widget's controls once (the latency table at this screen size)."""
    for v in nb.widgets():
        kinds = {k: v[k] for k in ("slider", "dropdown", "button", "toggle", "checkbox")}
        if any(kinds.values()):
            label = _widget_name(nb.widget_source(v["index"]), v["index"])
            RUN.controls += [(name, ui, r) for r in nb.operate(v["index"], kinds, label)]


def check_fit(browser, server, root, rel: str, ui: str, artifacts, name: str,
              operate: bool = False) -> None:
    """Run `rel` in `ui` on each screen of SCREENS; fail if a widget is wider than its area.

    With `operate`, every control is also worked on the first screen (then checked again).
    """
    n_code = notebook_facts(nbformat.read(root / rel, as_version=4))["code_cells"]
    problems = []
    for screen, (w, h, scale) in SCREENS.items():
        context = browser.new_context(viewport={"width": w, "height": h},
                                      device_scale_factor=scale, locale="ko-KR")
        context.set_default_timeout(60_000)
        page = context.new_page()
        nb = NotebookPage(page, server, rel, ui)
        tag = f"{name}-{ui}-{screen.replace('%', 'pct')}"
        try:
            nb.open(sidebar=True)
            nb.run_all(n_code, RUN_TIMEOUT)
            facts = notebook_facts(nb.save(root / rel))
            assert not facts["errors"], f"{rel} ({ui}) 셀 오류: {facts['errors']}"
            nb.wait_widgets(facts["widgets"])
            time.sleep(0.5)
            problems += _overflow_problems(nb, f"{name} ({ui}, {screen})")
            if operate and screen == next(iter(SCREENS)):
                _operate_all(nb, name, ui)
                problems += _overflow_problems(nb, f"{name} ({ui}, {screen}, 조작 후)")
            RUN.screenshots.append(nb.screenshot_notebook(artifacts / f"fit-{tag}.png"))
        except Exception:
            _failure_evidence(page, nb, artifacts / f"fit-{tag}-FAILED.png")
            raise
        finally:
            page.close()
            context.close()
            server.shutdown_kernel(rel)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("ui", "display"), [("lab", "normal"), ("nb7", "normal"),
                                             ("lab", "projector")])
def test_every_widget_fits_a_classroom_screen(ui, display, browser, jupyter, nb_root, artifacts):
    """Also with the projector setting (larger text) in effect."""
    rel = f"fit_gallery_{ui}_{display}.ipynb"
    cells = [f"import mnistlab as ml\nimport mnistlab.widgets as w\nml.set_display({display!r})"]
    cells += [f"w.{name}()" for name in FACTORIES]
    nbformat.write(_notebook(cells), nb_root / rel)
    check_fit(browser, jupyter, nb_root, rel, ui, artifacts, f"gallery-{display}",
              operate=(ui, display) == ("lab", "normal"))


def test_the_fit_check_catches_a_wide_widget(browser, jupyter, nb_root, artifacts):
    """The check itself: a row of fixed-width controls wider than the screen must fail."""
    code = ("import ipywidgets as W\n"
            "W.HBox([W.IntSlider(description='넓은', layout=W.Layout(width='700px', min_width='700px')),"
            " W.Button(description='오른쪽 끝')])")
    rel = "fit_broken.ipynb"
    nbformat.write(_notebook([code]), nb_root / rel)
    kept = [len(x) for x in (RUN.screenshots, RUN.notes)]
    with pytest.raises(AssertionError, match="가로로 넘칩니다"):
        check_fit(browser, jupyter, nb_root, rel, "lab", artifacts, "broken-expected")
    for n, x in zip(kept, (RUN.screenshots, RUN.notes)):
        del x[n:]
