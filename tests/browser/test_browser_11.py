"""Chapter 11's two widgets operated like a learner would, in JupyterLab (1280×720, file browser
open) in headless Chromium.

- 바라는 변화 탐험기: press '무작위로 고르기' → another test image, its loss and picture; move
  '1층 뉴런 j' with the keyboard → the picture changes.
- 계산 그래프 한 단계씩: press '다음 ▶' → step 1 (the first forward value) appears; press it
  again and '◀ 이전' → the steps follow.
Both fit the output area (no horizontal overflow), also at 125 % zoom.
"""

from __future__ import annotations

import re
import time

import nbformat
import pytest
from browser_report import RUN
from nbpage import NotebookPage

CELLS = [
    "from mnistlab import widgets\nexplorer = widgets.nudge_explorer()\nexplorer",
    "stepper = widgets.graph_stepper()\nstepper",
]


@pytest.fixture(scope="module")
def page11(jupyter, browser_context, nb_root, artifacts):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    rel = "chapter11_widgets.ipynb"
    nbformat.write(nb, nb_root / rel)
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    nbp = NotebookPage(page, jupyter, rel, "lab")
    try:
        nbp.open(sidebar=True)
        nbp.run_all(len(CELLS), 300)
        views = nbp.wait_widgets(2)
        assert len(views) == 2, f"위젯 2개 중 {len(views)}개만 그려졌습니다"
        nbp._tag_roots()
        yield nbp
    finally:
        page.screenshot(path=str(artifacts / "chapter11-lab.png"), full_page=True)
        RUN.screenshots.append(artifacts / "chapter11-lab.png")
        page.close()
        jupyter.shutdown_kernel(rel)


def _state(root) -> tuple[str, str]:
    info = root.locator(".widget-html-content").first.inner_text()
    picture = root.locator("img.widget-image").first.get_attribute("src")
    return info, picture


def _wait_change(root, before, what: str, timeout: float = 20) -> tuple[str, str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = _state(root)
        if now[0] != before[0] and now[1] != before[1]:
            time.sleep(0.1)
            return _state(root)
        time.sleep(0.05)
    raise AssertionError(f"{what} 뒤 {timeout:.0f}초가 지나도 그림과 글이 바뀌지 않았습니다: {now[0]!r}")


@pytest.mark.parametrize("size", [(1280, 720), (1024, 576)], ids=["1280x720", "125%"])
def test_both_widgets_fit_1280x720_with_the_sidebar_and_at_125_percent(page11, size):
    """1024×576 CSS pixels is what a 1280×720 screen shows at 125 % zoom (as in test_fit)."""
    page11.page.set_viewport_size({"width": size[0], "height": size[1]})
    try:
        time.sleep(0.5)
        for v in page11.overflow():
            assert v["needs"] <= v["area"] + 1, f"위젯 #{v['index'] + 1} 이 가로로 넘칩니다: {v}"
            assert not v["scrolls"], v["scrolls"]
    finally:
        page11.page.set_viewport_size({"width": 1280, "height": 720})


def test_nudge_explorer_random_image_and_neuron_slider(page11, artifacts):
    root = page11.page.locator("[data-mnl-root='0']")
    before = _state(root)
    assert "#38" in before[0] and "정답 2" in before[0]
    root.get_by_role("button", name="무작위로 고르기").click()
    after = _wait_change(root, before, "'무작위로 고르기'")
    assert re.search(r"시험 이미지 #\d+", after[0]) and "#38 " not in after[0]
    readout = root.locator(".widget-slider").last.locator(".widget-readout")   # '1층 뉴런 j'
    readout.fill("2")
    readout.press("Enter")
    moved = _wait_change(root, after, "'1층 뉴런 j' 옮기기")
    assert "1층 뉴런 2" in moved[0], moved[0]
    root.screenshot(path=str(artifacts / "chapter11-nudge_explorer.png"))
    RUN.screenshots.append(artifacts / "chapter11-nudge_explorer.png")


def test_graph_stepper_next_and_back(page11, artifacts):
    root = page11.page.locator("[data-mnl-root='1']")
    before = _state(root)
    assert "0단계" in before[0]
    root.get_by_role("button", name="다음 ▶").click()
    one = _wait_change(root, before, "'다음 ▶'")
    assert "1단계" in one[0] and "p = w × a" in one[0]
    root.get_by_role("button", name="다음 ▶").click()
    two = _wait_change(root, one, "'다음 ▶' 두 번째")
    assert "2단계" in two[0]
    root.get_by_role("button", name="◀ 이전").click()
    back = _wait_change(root, two, "'◀ 이전'")
    assert "1단계" in back[0]
    root.screenshot(path=str(artifacts / "chapter11-graph_stepper.png"))
    RUN.screenshots.append(artifacts / "chapter11-graph_stepper.png")


def test_every_kind_of_control_changes_the_output(page11):
    """The first slider, dropdown and button of each widget, worked by nbpage.operate; their
    input → painted frame times go to the summary (never asserted)."""
    views = page11.widgets()
    for i, name in enumerate(["nudge_explorer", "graph_stepper"]):
        kinds = {k: views[i][k] for k in ("slider", "dropdown", "button", "toggle", "checkbox")}
        reports = page11.operate(i, kinds, name, moves=4)
        assert reports, f"{name}: 움직일 컨트롤을 찾지 못했습니다"
        for rep in reports:
            RUN.controls.append(("chapter11_widgets", "lab", rep))
            assert rep.changed, f"{name}: {rep.control} 를 움직여도 출력이 바뀌지 않았습니다"
