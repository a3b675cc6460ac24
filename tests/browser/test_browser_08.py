"""Chapter 08's two widgets operated like a learner would, in JupyterLab (1280×720, file
browser open) in headless Chromium.

- 가중치 행렬 탐험기: type a new k into its slider's readout; the value w^[l]_jk shown and the
  heat map change to the real weight; the highlight buttons change the diagram; every control
  kind is also worked by the generic operator (its times go to the browser summary).
- 모양 실험실: choose a wrong product → numpy's error explained in Korean appears; type other
  layer sizes → the table follows.
Neither widget sticks out of its output area sideways.
"""

from __future__ import annotations

import re
import time

import nbformat
import pytest
from browser_report import RUN
from nbpage import NotebookPage

import mnistlab as ml

CELLS = [
    "from mnistlab import widgets\nexplorer = widgets.weight_matrix_explorer()\nexplorer",
    "lab = widgets.shape_lab()\nlab",
]
WEIGHT = re.compile(r"w\s*\[?(\d)\]?\s*(\d+),(\d+)\s*=\s*(-?\d+\.\d+)")


@pytest.fixture(scope="module")
def page08(jupyter, browser_context, nb_root, artifacts):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    rel = "chapter08_widgets.ipynb"
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
        page.screenshot(path=str(artifacts / "chapter08-lab.png"), full_page=True)
        RUN.screenshots.append(artifacts / "chapter08-lab.png")
        page.close()
        jupyter.shutdown_kernel(rel)


def _wait_for(fn, what: str, timeout: float = 20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{timeout:.0f}초 안에 {what}")


def _info(root) -> str:
    return root.locator(".widget-html-content").first.inner_text()


def test_typing_k_shows_the_real_weight_and_moves_the_heat_map(page08, artifacts):
    root = page08.page.locator("[data-mnl-root='0']")
    net = ml.pretrained_network()
    heat_before = root.locator("img.widget-image").nth(1).get_attribute("src")
    k_slider = root.locator(".widget-slider").nth(2)
    assert "보내는 뉴런 k" in k_slider.inner_text()
    readout = k_slider.locator(".widget-readout")
    readout.fill("300")
    readout.press("Enter")
    text = _wait_for(lambda: "net.W[1][0, 299]" in _info(root) and _info(root),
                     "k = 300 의 가중치가 보이지 않습니다")
    shown = float(re.search(r"= (-?\d+\.\d+) · 코드", text).group(1))
    assert shown == round(float(net.W[1][0, 299]), 4)
    heat_after = root.locator("img.widget-image").nth(1).get_attribute("src")
    assert heat_after != heat_before, "k 를 바꿨는데 열지도가 그대로입니다"

    diagram = root.locator("img.widget-image").first
    before = diagram.get_attribute("src")
    root.locator(".widget-toggle-buttons button", has_text="행 j").click()
    _wait_for(lambda: diagram.get_attribute("src") != before and "들어오는" in _info(root),
              "'행 j' 를 눌렀는데 그림이 바뀌지 않습니다")
    root.screenshot(path=str(artifacts / "chapter08-weight_matrix_explorer-row.png"))
    RUN.screenshots.append(artifacts / "chapter08-weight_matrix_explorer-row.png")


def test_every_control_kind_of_the_explorer_changes_its_output(page08):
    views = page08.widgets()
    kinds = {k: views[0][k] for k in ("slider", "dropdown", "button", "toggle", "checkbox")}
    reports = page08.operate(0, kinds, "weight_matrix_explorer", moves=3)
    RUN.controls += [("chapter08_widgets", "lab", r) for r in reports]
    dead = [r.control for r in reports if not r.changed]
    assert not dead, f"출력이 바뀌지 않은 컨트롤: {dead}"


def test_a_wrong_product_shows_numpys_error_in_korean(page08, artifacts):
    root = page08.page.locator("[data-mnl-root='1']")
    select = root.locator(".widget-dropdown", has_text="계산해 볼 식").locator("select")
    select.select_option(label="A[l-1] @ W[l]")
    text = _wait_for(lambda: "numpy 오류" in root.inner_text() and root.inner_text(),
                     "틀린 식을 골랐는데 오류 설명이 나오지 않습니다")
    assert "ValueError" in text and "열 수" in text and "784" in text

    sizes = root.locator(".widget-text input")
    sizes.fill("784-32-10")
    sizes.press("Enter")
    _wait_for(lambda: "(32, 784)" in root.inner_text() and "25,450" in root.inner_text(),
              "층 크기를 바꿨는데 표가 그대로입니다")
    root.screenshot(path=str(artifacts / "chapter08-shape_lab-error.png"))
    RUN.screenshots.append(artifacts / "chapter08-shape_lab-error.png")
    reports = page08.operate(1, {"slider": True, "dropdown": True, "button": False,
                                 "toggle": False, "checkbox": False}, "shape_lab", moves=3)
    RUN.controls += [("chapter08_widgets", "lab", r) for r in reports]
    assert all(r.changed for r in reports), [r.control for r in reports if not r.changed]


def test_both_widgets_fit_beside_the_file_browser(page08):
    for o in page08.overflow():
        assert o["needs"] <= o["area"] + 2, f"위젯 {o['index']} 이 출력 칸({o['area']}px)보다 넓습니다: {o}"
        assert not o["scrolls"], f"위젯 {o['index']} 에 가로 스크롤이 생겼습니다: {o['scrolls']}"
