"""A widget whose kernel is gone tells the learner, in Korean, to run the cells again.

The mnistlab extension for JupyterLab and Notebook 7 (labextension/) is what is tested.
A copy of notebook 01 opens in JupyterLab (1280×720, file browser open) and in
Notebook 7, and the learner's way through it is followed:

1. the saved outputs are cleared, the 준비 셀 and the 숫자 브라우저 cell run: the widget
   answers its slider; the notebook is saved (trusted now, as every output in it came
   from this run: Jupyter draws its widget outputs as widgets, not as pictures);
2. Kernel → Restart Kernel: the widget stays on the page, greyed out, and the notice
   is over it;
3. the page is reloaded, in Lab with the restarted kernel, in Notebook 7 after the
   kernel was shut down (a new one starts): neither knows the widget, and the notice
   and the saved picture stand where "Error displaying widget: model not found" would be;
4. the two cells run again: the widget answers again and no notice is left;
5. Kernel → Shut Down Kernel: the notice is over the widget again (ipywidgets marks
   nothing then; the extension sees that the notebook has no kernel).

(A notebook opened untrusted, as the series is on first opening, shows the saved
picture of each widget instead: Jupyter draws no widget from an untrusted output.)

No English "Error displaying widget" may show at any step. Screenshots of steps 2 and 3
go to tests/browser/artifacts/. The last test turns the extension off for one page and
shows that the check then fails.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from browser_report import RUN
from nbpage import KERNEL_GONE, NotebookPage
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from test_browser import REPO, _failure_evidence

NOTEBOOK = REPO / "notebooks" / "01_mnist_dataset.ipynb"
SETUP_CELL = "# 준비 셀"
WIDGET_CELL = "widgets.digit_browser()"
ENGLISH = "Error displaying widget"
EXTENSION = "mnistlab-labextension"
NOTICE = ".jp-Notebook .mnl-KernelGone-notice"


# Page side: note when the cell's prompt shows [*] (the count after it may equal the old one).
WATCH_PROMPT = """c => {
  const p = c.querySelector('.jp-InputPrompt');
  c.mnlStarted = false;
  const o = new MutationObserver(() => {
    if (p.textContent.includes('*')) { c.mnlStarted = true; o.disconnect(); }
  });
  o.observe(p, {subtree: true, childList: true, characterData: true});
}"""


def run_cell(nb: NotebookPage, text: str, timeout: float = 120) -> None:
    """Click into the code cell containing `text` and run it (Shift+Enter), as a learner does."""
    cell = nb.page.locator(".jp-Notebook .jp-CodeCell", has_text=text).first
    prompt = cell.locator(".jp-InputPrompt")
    cell.evaluate(WATCH_PROMPT)
    cell.locator(".jp-InputArea-editor").click()
    nb.page.keyboard.press("Shift+Enter")
    deadline = time.monotonic() + timeout
    while True:
        now = prompt.inner_text().strip()
        if cell.evaluate("c => c.mnlStarted") and re.fullmatch(r"\[\d+\]:", now) \
                and nb.server.kernel_state(nb.path) == "idle":
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{nb.path}: «{text}» 셀이 {timeout:.0f}초 안에 끝나지 않았습니다 ({now})")
        time.sleep(0.2)


def page_text(nb: NotebookPage) -> str:
    return nb.page.locator("body").inner_text()


def widget_answers(nb: NotebookPage) -> bool:
    """The live digit browser's slider changes its picture."""
    views = nb.wait_widgets(1)
    assert len(views) == 1 and views[0]["slider"], f"{nb.path}: 살아 있는 위젯이 없습니다: {views}"
    kinds = {k: k == "slider" for k in ("slider", "dropdown", "button", "toggle", "checkbox")}
    reports = nb.operate(0, kinds, "digit_browser", moves=2)
    return any(r.changed for r in reports)


def check_saved_output_notice(nb: NotebookPage, step: str) -> None:
    """Where the widget model is unknown: the Korean notice and the saved picture, no English."""
    missing = nb.page.locator(".jp-Notebook .mnl-KernelGone-missing")
    try:
        missing.first.wait_for(timeout=30_000)
    except PlaywrightTimeout:
        raise AssertionError(f"{nb.path} ({nb.ui}, {step}): 위젯 자리에 한국어 안내가 없습니다. "
                             f"출력: {[t[:80] for t in nb.output_texts() if t.strip()][-3:]}") from None
    text = missing.first.inner_text()
    assert KERNEL_GONE in text and "다시 실행하세요" in text, text
    picture = missing.first.locator("img.mnl-KernelGone-snapshot")
    assert picture.evaluate("im => im.complete && im.naturalWidth > 0"), "저장된 정지 화면이 없습니다"
    assert ENGLISH not in page_text(nb), f"{step}: 영어 오류가 보입니다"


def check_live_widget_notice(nb: NotebookPage, step: str, restarted: bool = False) -> None:
    """A view whose kernel is gone: the Korean notice over it (greyed out by ipywidgets when
    the kernel `restarted`)."""
    notice = nb.page.locator(f"{NOTICE}:visible")
    try:
        notice.first.wait_for(timeout=30_000)
    except PlaywrightTimeout:
        raise AssertionError(f"{nb.path} ({nb.ui}, {step}): 끊긴 위젯 위에 한국어 안내가 없습니다") \
            from None
    output = nb.page.locator(".jp-Notebook .mnl-KernelGone-disconnected")
    assert output.count() == 1, "안내가 위젯 출력에 붙어 있지 않습니다"
    if restarted:
        assert output.locator(".jupyter-widgets-disconnected").count() > 0
    assert KERNEL_GONE in notice.first.inner_text()
    assert ENGLISH not in page_text(nb), f"{step}: 영어 오류가 보입니다"


def restart_kernel(nb: NotebookPage) -> None:
    """Kernel → Restart Kernel… → Restart; back when the new kernel is idle."""
    nb.menu("Kernel", re.compile(r"^Restart Kernel…"))
    nb.page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept").click()      # "Restart"
    deadline = time.monotonic() + 10           # the server may still say "idle" for a moment
    while nb.server.kernel_state(nb.path) == "idle" and time.monotonic() < deadline:
        time.sleep(0.1)
    nb.wait_kernel_idle(60)


def show(nb: NotebookPage, selector: str) -> None:
    """Scroll the notebook so that `selector` is near the top of the window."""
    nb.page.locator(selector).first.evaluate("el => el.scrollIntoView({block: 'start'})")
    nb.page.wait_for_timeout(300)


def walk_through(nb: NotebookPage, file: Path, artifacts: Path, tag: str) -> None:
    """Steps 1–5 of the module docstring."""
    nb.open(sidebar=True)
    assert ENGLISH not in page_text(nb)

    nb.menu("Edit", "Clear Outputs of All Cells")
    run_cell(nb, SETUP_CELL)
    run_cell(nb, WIDGET_CELL)
    assert nb.page.locator(NOTICE).count() == 0, "살아 있는 위젯에 안내가 붙었습니다"
    assert widget_answers(nb), "실행한 위젯이 슬라이더에 답하지 않습니다"
    nb.save(file)

    restart_kernel(nb)
    check_live_widget_notice(nb, "2. 커널 다시 시작", restarted=True)
    show(nb, ".jp-Notebook .mnl-KernelGone-disconnected")
    RUN.screenshots.append(artifacts / f"kernel-gone-{tag}-restarted.png")
    nb.page.screenshot(path=str(RUN.screenshots[-1]))

    if nb.ui == "nb7":
        nb.server.shutdown_kernel(nb.path)
    nb.page.reload()
    nb.page.wait_for_selector(".jp-Notebook .jp-Cell")
    nb.wait_kernel_idle(60)
    check_saved_output_notice(nb, "3. 새로 고침")
    show(nb, ".jp-Notebook .mnl-KernelGone-missing")
    RUN.screenshots.append(artifacts / f"kernel-gone-{tag}-reloaded.png")
    nb.page.screenshot(path=str(RUN.screenshots[-1]))

    run_cell(nb, SETUP_CELL)
    run_cell(nb, WIDGET_CELL)
    assert widget_answers(nb), "다시 실행한 위젯이 슬라이더에 답하지 않습니다"
    assert nb.page.locator(NOTICE).count() == 0, "다시 실행한 뒤에도 안내가 남아 있습니다"
    assert ENGLISH not in page_text(nb)

    nb.menu("Kernel", "Shut Down Kernel")
    check_live_widget_notice(nb, "5. 커널 끄기")


def open_and_walk(browser, server, root: Path, ui: str, artifacts: Path, tag: str) -> None:
    rel = f"notebooks/kernel_gone_{tag}.ipynb"
    (root / rel).write_bytes(NOTEBOOK.read_bytes())
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ko-KR")
    context.set_default_timeout(60_000)
    page = context.new_page()
    nb = NotebookPage(page, server, rel, ui)
    try:
        walk_through(nb, root / rel, artifacts, tag)
    except Exception:
        _failure_evidence(page, nb, artifacts / f"kernel-gone-{tag}-FAILED.png")
        raise
    finally:
        page.close()
        context.close()
        server.shutdown_kernel(rel)


@pytest.mark.parametrize("ui", ["lab", "nb7"])
def test_a_widget_whose_kernel_is_gone_says_so_in_korean(ui, jupyter, browser_context, nb_root,
                                                          artifacts):
    open_and_walk(browser_context.browser, jupyter, nb_root, ui, artifacts, ui)


def labextension(server, action: str) -> None:
    """`jupyter labextension enable/disable` in the test server's own settings."""
    subprocess.run([sys.executable, "-m", "jupyter", "labextension", action, "--level=user",
                    EXTENSION], env=server.env(), check=True, capture_output=True)


def test_the_check_fails_without_the_extension(jupyter, browser_context, nb_root, artifacts):
    """The harness itself: with the extension disabled, step 2 finds no Korean notice."""
    labextension(jupyter, "disable")
    kept = len(RUN.screenshots)
    try:
        with pytest.raises(AssertionError, match="한국어 안내가 없습니다"):
            open_and_walk(browser_context.browser, jupyter, nb_root, "lab", artifacts,
                          "disabled-expected")
    finally:
        labextension(jupyter, "enable")
        del RUN.screenshots[kept:]
