"""Chapter 09's 손실 탐험기 operated like a learner would, in JupyterLab at 1280×720 with the
file browser open, in headless Chromium.

Typed values for Δ and the output neuron j, the choice between bias and weight, the loss
toggle, the reset button, another test image, and a digit drawn with the mouse on 07's canvas: after each the picture and the Korean
status line change as the math says (image 8 is a 5 the network reads as 6; b^[3]_6 + 4
makes it a 5). The widget must not be wider than its output area. Times go to the summary.
"""

from __future__ import annotations

import itertools
import re
import time

import nbformat
import pytest
from browser_report import RUN
from conftest import CHROMIUM_ARGS
from nbpage import ControlReport, NotebookPage

CELLS = ["from mnistlab import widgets\nexplorer = widgets.loss_explorer(index=8)\nexplorer"]
PREDICTION = re.compile(r"예측\s*(\d)")
LOSS = re.compile(r"이 이미지의 (교차 엔트로피 오차|평균 제곱 오차)\s*([\d.]+)")


@pytest.fixture(scope="module")
def page09(jupyter, chromium, nb_root, artifacts):
    from playwright.sync_api import sync_playwright

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    rel = "chapter09_widgets.ipynb"
    nbformat.write(nb, nb_root / rel)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ko-KR")
        context.set_default_timeout(60_000)
        page = context.new_page()
        nbp = NotebookPage(page, jupyter, rel, "lab")
        try:
            nbp.open(sidebar=True)
            nbp.run_all(len(CELLS), 300)
            views = nbp.wait_widgets(1)
            assert len(views) == 1, "손실 탐험기가 그려지지 않았습니다"
            nbp._tag_roots()
            yield nbp
        finally:
            page.screenshot(path=str(artifacts / "chapter09-lab.png"), full_page=True)
            RUN.screenshots.append(artifacts / "chapter09-lab.png")
            page.close()
            context.close()
            browser.close()
            jupyter.shutdown_kernel(rel)


def _state(root) -> tuple[str, str]:
    info = root.locator(".widget-html-content").first.inner_text()
    picture = root.locator("img.widget-image").first.get_attribute("src")
    return info, picture


def _wait_change(root, before: tuple[str, str], timeout: float = 20) -> tuple[str, str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = _state(root)
        if now[0] != before[0] and now[1] != before[1]:
            time.sleep(0.1)
            return _state(root)
        time.sleep(0.05)
    raise AssertionError(f"{timeout:.0f}초가 지나도 그림과 설명이 바뀌지 않았습니다: {_state(root)[0]!r}")


def _slider(root, name: str):
    return root.locator(".widget-slider", has=root.page.get_by_text(name, exact=True)).first


def _type(root, name: str, value: str) -> None:
    readout = _slider(root, name).locator(".widget-readout").first
    readout.fill(value)
    readout.press("Enter")


def _stroke(page, canvas, points) -> None:
    """Draw through `points` (0..1 of the canvas) with the mouse, as in 07's test."""
    box = canvas.bounding_box()
    xy = [(box["x"] + px * box["width"], box["y"] + py * box["height"]) for px, py in points]
    page.mouse.move(*xy[0])
    page.mouse.down()
    for (x0, y0), (x1, y1) in itertools.pairwise(xy):
        for k in range(1, 9):
            page.mouse.move(x0 + (x1 - x0) * k / 8, y0 + (y1 - y0) * k / 8)
    page.mouse.up()


def _timed(report: ControlReport, page09, act) -> None:
    report.moves.append(page09._measure(0, ["keydown", "click", "change"], act, 15))


def test_the_loss_explorer_answers_every_control(page09, artifacts):
    page = page09.page
    root = page.locator("[data-mnl-root='0']")
    errors = root.locator(".jupyter-widgets-error-widget, .jupyter-widgets .widget-error")
    assert root.locator("img.widget-image").count() == 1, \
        f"그림이 그려지지 않았습니다 (브라우저 콘솔: {page09.console[-5:]})"
    assert errors.count() == 0, f"위젯 오류: {page09.console[-5:]}"
    info, _ = _state(root)
    assert "정답 5" in info and PREDICTION.search(info).group(1) == "6"
    start_loss = float(LOSS.search(info).group(2))
    overflow = [v for v in page09.overflow() if v["needs"] > v["area"] + 1 or v["scrolls"]]
    assert not overflow, f"1280×720 (파일 목록 열림)에서 위젯이 출력 칸보다 넓습니다: {overflow}"

    report = ControlReport("chapter09_widgets#0 loss_explorer", "typed Δ, j, 손실, 이미지")
    # output neuron j = 6 (the digit 5), then Δ = +4: the answer becomes 5, the loss drops
    before = _state(root)
    _timed(report, page09, lambda: _type(root, "출력 뉴런 j", "6"))
    before = _wait_change(root, before)
    assert "b[3]_6" in before[0]
    _timed(report, page09, lambda: _type(root, "더하는 양 Δ", "4"))
    now = _wait_change(root, before)
    assert PREDICTION.search(now[0]).group(1) == "5", now[0]
    assert float(LOSS.search(now[0]).group(2)) < start_loss

    # the squared error instead of cross-entropy
    before = now
    _timed(report, page09, lambda: root.locator(".widget-toggle-buttons button",
                                                 has_text="평균 제곱 오차").click())
    now = _wait_change(root, before)
    assert LOSS.search(now[0]).group(1) == "평균 제곱 오차"

    # a weight instead of a bias: the k slider comes alive
    before = now
    select = root.locator(".widget-dropdown", has_text="바꿀 값").locator("select")
    _timed(report, page09, lambda: select.select_option(index=1))
    now = _wait_change(root, before)
    assert "w[3]_6,1" in now[0]

    # reset: back to the trained values, prediction 6 again
    before = now
    _timed(report, page09, lambda: root.get_by_role("button", name="학습된 값으로").click())
    now = _wait_change(root, before)
    assert PREDICTION.search(now[0]).group(1) == "6" and "+ 0.0" in now[0]

    # another test image
    before = now
    _timed(report, page09, lambda: _type(root, "몇 번째", "0"))
    now = _wait_change(root, before)
    assert "#0" in now[0] and "정답 7" in now[0]

    # draw a digit on 07's canvas instead: a vertical stroke, called a 1
    before = now
    _timed(report, page09, lambda: root.locator(".widget-toggle-buttons button",
                                                 has_text="직접 그리기").click())
    canvas = root.locator("canvas.mnistlab-draw-canvas")
    canvas.wait_for(state="visible")
    now = _wait_change(root, before)
    assert "직접 그린 숫자" in now[0]
    before = now
    root.locator(".widget-dropdown", has_text="그린 숫자").locator("select").select_option(label="1")
    before = _wait_change(root, before)
    _stroke(page, canvas, [(0.5, 0.15), (0.5, 0.85)])
    now = _wait_change(root, before)
    assert "정답 1" in now[0] and PREDICTION.search(now[0]), now[0]

    root.screenshot(path=str(artifacts / "chapter09-loss_explorer.png"))
    RUN.screenshots.append(artifacts / "chapter09-loss_explorer.png")
    RUN.controls.append(("chapter09_widgets", "lab", report))
    assert report.changed
