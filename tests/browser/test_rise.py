"""Live slides: a lesson presented with RISE at 1280×720, its widget operated on the slide.

The teacher's way: notebook 00 is run in JupyterLab (*Run All*), then presented with
RISE (``/rise/<path>``: the page *Render as Reveal Slideshow* (Alt+R) and *Open as
Reveal Slideshow* show). The test moves forward through the slides and fragments with the space bar,
as a presenter does, to the slide of ``widgets.widget_check()``. The widget there
must be the live one (the widget manager restores it from the kernel), not its PNG
snapshot: dragging its slider changes its text and its picture. The cell is then run
again from the slide and the new widget answers to its typed value too. The widget
stays inside the 1280×720 slide and every Korean character has a font.

RISE's page is a small JupyterLab app of its own, without @jupyterlab/console, which
the widget manager (jupyterlab_widgets 3) needs; the lab extension in
labextension-rise/ gives the page that module. Without it the widget manager does
not load ("Failed to create module: package: @jupyter-widgets/jupyterlab-manager",
upstream jupyterlab-contrib/rise#119) and this test fails: no slider on the slide.
The test also checks that RISE's page uses our copy of @jupyterlab/console and that
JupyterLab, which has its own, never loads it.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from browser_report import RUN
from nbpage import JS_HELPERS, NotebookPage, notebook_facts
from test_browser import RUN_TIMEOUT, _failure_evidence

REPO = Path(__file__).resolve().parents[2]
LESSON = "notebooks/00_getting_started.ipynb"
WIDGET_CELL = "widgets.widget_check()"

NAME = "mnistlab-rise-widgets"         # our lab extension (labextension-rise/)
# Packages whose modules must load on RISE's page for widgets to be live there.
WIDGET_PACKAGES = ("@jupyter-widgets/jupyterlab-manager", "anywidget", NAME)
# Lab extensions that do not load on RISE's page, and why that does not matter on a slide.
KNOWN_NOT_LOADED = {
    "@jupyter-notebook/lab-extension":   # Notebook 7's "open in …" buttons, unused in RISE
        "needs @jupyterlab/docregistry ^4.6; RISE 0.43.1's page has 4.3.4",
}

# The present slide (the inner section of a vertical stack, else the top-level one).
PRESENT = ("(document.querySelector('.reveal .slides > section.present > section.present')"
           " || document.querySelector('.reveal .slides > section.present'))")
# Where the deck is: the present slide's index among all sections, and shown fragments.
POSITION = ("() => { const all = [...document.querySelectorAll('.reveal .slides section')];"
            f" return all.indexOf({PRESENT}) + ':'"
            " + document.querySelectorAll('.reveal .fragment.visible').length; }")


def _console_chunks() -> set[str]:
    """Files of our extension that hold its copy of @jupyterlab/console (its widget class)."""
    static = REPO / "labextension-rise" / "prebuilt" / "static"
    chunks = {f.name for f in static.glob("*.js") if "jp-CodeConsole" in f.read_text()}
    assert chunks, f"{static}: @jupyterlab/console 이 들어 있는 파일이 없습니다"
    return chunks


def _our_files(page) -> list[str]:
    """Names of the files of our extension that the page requests (filled as it loads)."""
    files: list[str] = []
    page.on("request", lambda r: files.append(r.url.split("?")[0].rsplit("/", 1)[-1])
            if "/mnistlab-rise-widgets/static/" in r.url else None)
    return files


def _present_text(page) -> str:
    return page.evaluate(f"() => {PRESENT}?.innerText || ''")


def _next(page) -> None:
    """One step forward (next fragment or slide), as the space bar or a clicker does."""
    before = page.evaluate(POSITION)
    page.keyboard.press("Space")
    page.wait_for_function(f"(b) => ({POSITION})() !== b", arg=before, timeout=10_000)
    _settled(page)


def _settled(page) -> None:
    """Wait until reveal.js's slide and fragment transitions have ended."""
    page.wait_for_function("() => document.getAnimations()"
                           ".every(a => a.playState !== 'running')", timeout=10_000)


def _go_to_cell(page, text: str, steps: int = 30) -> None:
    """Step forward until the code cell showing `text` is on the present slide."""
    for _ in range(steps):
        if page.evaluate(f"(t) => [...{PRESENT}.querySelectorAll('.jp-CodeCell .jp-InputArea')]"
                         ".some(c => c.innerText.includes(t))", text):
            return
        _next(page)
    raise AssertionError(f"RISE: {steps}번 넘겨도 «{text}» 셀이 있는 슬라이드가 나오지 않았습니다 "
                         f"(지금 슬라이드: {_present_text(page)[:80]!r})")


def _widget_failures(console: list[str]) -> list[str]:
    """Console lines saying a module did not load on the page (other than the known ones)."""
    def failed(line: str) -> bool:
        m = re.search(r"Failed to create module: package: (\S+);", line)
        return ((m is not None and m.group(1) not in KNOWN_NOT_LOADED)
                or "doesn't exist in shared scope" in line
                or "No provider for: jupyter.extensions.jupyterWidgetRegistry" in line)
    return [c for c in console if failed(c)]


def _wait_text_change(view, before: str, what: str, timeout: float = 15) -> str:
    """The widget's text once it has changed from `before` and then stayed for half a second."""
    deadline = time.monotonic() + timeout
    last, since = view.inner_text(), time.monotonic()
    while last == before or time.monotonic() - since < 0.5:
        assert time.monotonic() < deadline, f"RISE: {what} 뒤에도 위젯의 글이 그대로입니다: {last!r}"
        time.sleep(0.1)
        now = view.inner_text()
        if now != last:
            last, since = now, time.monotonic()
    return last


@pytest.fixture
def lesson_run_in_lab(jupyter, browser_context, nb_root, artifacts):
    """Notebook 00 run in JupyterLab and saved, as a teacher does before presenting."""
    facts = notebook_facts(json.loads((nb_root / LESSON).read_text(encoding="utf-8")))
    page = browser_context.new_page()
    nb = NotebookPage(page, jupyter, LESSON, "lab")
    files = _our_files(page)
    try:
        nb.open()
        nb.run_all(facts["code_cells"], RUN_TIMEOUT)
        nb.save(nb_root / LESSON)
        assert any(f.startswith("remoteEntry.") for f in files), \
            f"JupyterLab 이 {NAME} 확장을 읽지 않았습니다 (make 로 설치했나요?): {files}"
        assert not _console_chunks() & set(files), \
            f"JupyterLab 이 자기 @jupyterlab/console 대신 {NAME} 의 사본을 읽었습니다: {files}"
    except Exception:
        _failure_evidence(page, nb, artifacts / "rise-lab-FAILED.png")
        raise
    finally:
        page.close()              # the kernel (and the widgets in it) stays for the slides
    yield LESSON
    jupyter.shutdown_kernel(LESSON)


def test_a_widget_is_live_on_a_rise_slide(jupyter, browser_context, lesson_run_in_lab, artifacts):
    rel = lesson_run_in_lab
    context = browser_context.browser.new_context(viewport={"width": 1280, "height": 720},
                                                  locale="ko-KR")
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    files = _our_files(page)
    try:
        page.goto(f"{jupyter.base}/rise/{rel}?token={jupyter.token}")
        page.wait_for_selector(".reveal.ready .slides section", timeout=90_000)
        assert "00. 시작하기" in _present_text(page), _present_text(page)[:200]
        loaded = page.evaluate("() => Object.keys(window._JUPYTERLAB || {})")
        absent = [p for p in WIDGET_PACKAGES if p not in loaded]   # named if the widget is dead
        _go_to_cell(page, WIDGET_CELL)
        assert "슬라이더 써 보기" in page.evaluate("() => document.querySelector("
                                            "'.reveal .slides > section.present').innerText")
        cell = page.locator(".reveal section.present .jp-CodeCell", has_text=WIDGET_CELL).last
        view = cell.locator(".jp-OutputArea-output .jupyter-widgets.widget-container").first
        try:
            view.wait_for(timeout=30_000)
        except Exception as e:
            shown = cell.locator(".jp-OutputArea-output").first.inner_html()[:200]
            raise AssertionError(
                "RISE: 슬라이드에 살아 있는 위젯이 없습니다 (위젯 관리자가 읽히지 않음?). "
                f"출력: {shown!r}; 콘솔: {_widget_failures(console) or console[-5:]}; "
                f"페이지에 없는 랩 확장: {absent}") from e

        text, picture = view.locator(".widget-html-content").first, view.locator("img").first
        picture.wait_for()
        assert "1.00" in text.inner_text(), text.inner_text()
        _check_fits_and_korean(page, view)
        page.screenshot(path=str(artifacts / "rise-00-widget-before-1280x720.png"))

        # Drag the slider's handle a quarter of the way, as a teacher does with the mouse.
        src_before, text_before = picture.get_attribute("src"), text.inner_text()
        base = view.locator(".widget-slider .noUi-base").first.bounding_box()
        handle = view.locator(".widget-slider .noUi-handle").first.bounding_box()
        y = handle["y"] + handle["height"] / 2
        page.mouse.move(handle["x"] + handle["width"] / 2, y)
        page.mouse.down()
        page.mouse.move(base["x"] + 0.25 * base["width"], y, steps=8)
        page.mouse.up()
        after = _wait_text_change(text, text_before, "슬라이더를 끈")
        value = re.search(r"슬라이더 값: ([0-9.]+)", after)
        assert value and 0.15 <= float(value.group(1)) <= 0.35, after    # a quarter of 0..1
        deadline = time.monotonic() + 10
        while picture.get_attribute("src") == src_before:
            assert time.monotonic() < deadline, "RISE: 슬라이더를 끈 뒤에도 그림이 그대로입니다"
            time.sleep(0.1)
        page.screenshot(path=str(artifacts / "rise-00-widget-dragged-1280x720.png"))

        # Run the cell again from the slide: the new widget is live too (typed value).
        cell.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Control+Enter")
        fresh = cell.locator(".widget-html-content").first
        deadline = time.monotonic() + 30
        while "1.00" not in fresh.inner_text():
            assert time.monotonic() < deadline, "RISE: 슬라이드에서 다시 실행한 셀의 위젯이 없습니다"
            time.sleep(0.2)
        page.keyboard.press("Escape")
        readout = cell.locator(".widget-slider .widget-readout").first
        before = fresh.inner_text()
        readout.fill("0.60")
        readout.press("Enter")
        assert "0.60 × 255 ≈ 153" in _wait_text_change(fresh, before, "값을 입력한")
        _check_fits_and_korean(page, cell.locator(".jupyter-widgets.widget-container").first)
        shot = artifacts / "rise-00-widget-typed-1280x720.png"
        page.screenshot(path=str(shot))
        RUN.screenshots += [artifacts / "rise-00-widget-before-1280x720.png",
                            artifacts / "rise-00-widget-dragged-1280x720.png", shot]

        # Moving on: in the value box the space bar types, so first a click beside the widget.
        page.mouse.click(1000, 650)
        _next(page)
        assert "5. 환경 점검" in _present_text(page), _present_text(page)[:80]

        assert not _widget_failures(console), _widget_failures(console)
        assert _console_chunks() & set(files), f"RISE 가 {NAME} 의 @jupyterlab/console 을 쓰지 않았습니다"
        RUN.notes += [f"RISE: {c[:160]}" for c in console if "Failed to create module" in c]
    except Exception:
        _failure_evidence(page, _Console(console), artifacts / "rise-FAILED.png")
        raise
    finally:
        page.close()
        context.close()


class _Console:
    """What _failure_evidence reads from a NotebookPage: the console lines."""

    def __init__(self, lines: list[str]):
        self.console = lines


def _check_fits_and_korean(page, view) -> None:
    box = view.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, f"RISE: 위젯이 화면 밖에 있습니다: {box}"
    assert box["x"] + box["width"] <= 1280 and box["y"] + box["height"] <= 720, \
        f"RISE: 위젯이 1280×720 슬라이드를 넘칩니다: {box}"
    page.evaluate(JS_HELPERS)
    missing = page.evaluate("() => window.__mnl.missingGlyphs()")
    assert not missing, f"RISE: 글꼴이 없어 네모로 보이는 글자: {missing}"
