"""Chapter 10's ball widget operated like a learner would, in JupyterLab in headless Chromium,
1280×720 with the file browser open.

- a marked learning rate (다): the status shows its η and the ball is back at the start;
- '한 걸음': the map and the cost plot change, the status says 1걸음;
- ▶: more steps arrive; the pause button, focused and pressed with the space bar, stops them;
- the widget fits its output area (nothing sticks out or scrolls sideways).
The click → painted map time goes to the summary (never asserted).
"""

from __future__ import annotations

import re
import time

import nbformat
import pytest
from browser_report import RUN
from nbpage import ControlReport, Move, NotebookPage

from mnistlab.widgets.descent import MARKED

CELLS = ["from mnistlab import widgets\nball = widgets.ball_explorer()\nball"]
STEPS = re.compile(r"(\d+)걸음")


@pytest.fixture(scope="module")
def page10(jupyter, browser_context, nb_root, artifacts):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    rel = "chapter10_widgets.ipynb"
    nbformat.write(nb, nb_root / rel)
    context = browser_context.browser.new_context(viewport={"width": 1280, "height": 720},
                                                  locale="ko-KR")
    context.set_default_timeout(60_000)
    page = context.new_page()
    nbp = NotebookPage(page, jupyter, rel, "lab")
    try:
        nbp.open(sidebar=True)
        nbp.run_all(len(CELLS), 300)
        views = nbp.wait_widgets(1)
        assert len(views) == 1, "공 굴리기 위젯이 그려지지 않았습니다"
        nbp._tag_roots()
        yield nbp
    finally:
        page.screenshot(path=str(artifacts / "chapter10-lab.png"), full_page=True)
        RUN.screenshots.append(artifacts / "chapter10-lab.png")
        context.close()
        jupyter.shutdown_kernel(rel)


def _status(root) -> str:
    return root.locator(".widget-html-content").first.inner_text()


def _steps(root) -> int:
    m = STEPS.search(_status(root))
    assert m, f"걸음 수가 보이지 않습니다: {_status(root)!r}"
    return int(m.group(1))


def _map_src(root) -> str:
    return root.locator("img.widget-image").first.get_attribute("src")


def _wait(condition, what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def test_the_ball_widget_fits_1280x720_with_the_sidebar(page10):
    for v in page10.overflow():
        assert v["needs"] <= v["area"] + 1, f"위젯이 넘칩니다: {v}"
        assert not v["scrolls"], f"가로로 스크롤되는 부분: {v['scrolls']}"


def test_marked_rate_step_play_and_keyboard_pause(page10, artifacts):
    page = page10.page
    root = page.locator("[data-mnl-root='0']")
    assert _steps(root) == 0

    root.locator(".widget-toggle-buttons button", has_text="다").click()
    rate = f"η = {MARKED['다']:.3g} ·"
    _wait(lambda: rate in _status(root), f"'다'를 눌러도 학습률이 그대로: {_status(root)!r}")
    assert _steps(root) == 0

    before = _map_src(root)
    t0 = time.monotonic()
    root.locator("button", has_text="한 걸음").click()
    _wait(lambda: _map_src(root) != before, "'한 걸음'을 눌러도 지도가 바뀌지 않습니다")
    step_ms = (time.monotonic() - t0) * 1000
    assert _steps(root) == 1

    play = root.locator(".widget-play button").first
    play.click()
    _wait(lambda: _steps(root) >= 5, f"▶ 를 눌러도 걸음이 늘지 않습니다: {_status(root)!r}")
    pause = root.locator(".widget-play button").nth(1)              # ❚❚
    pause.focus()
    page.keyboard.press("Space")
    time.sleep(1.0)                                                 # ticks already sent land
    stopped = _steps(root)
    time.sleep(1.0)
    assert _steps(root) == stopped, "스페이스 키로 ❚❚ 를 눌렀는데도 공이 계속 굴러갑니다"
    assert stopped > 1
    root.screenshot(path=str(artifacts / "chapter10-ball_explorer-played.png"))
    RUN.screenshots.append(artifacts / "chapter10-ball_explorer-played.png")
    report = ControlReport("ball_explorer", "'한 걸음' (click → new map in the DOM)")
    report.moves = [Move(True, step_ms, step_ms)]
    RUN.controls.append(("chapter10_widgets", "lab", report))
    RUN.notes.append(f"10 ball_explorer: ▶ 뒤 스페이스 키로 멈춤, {stopped}걸음에서 멈춤")
