"""Chapter 07's two widgets operated like a learner would, in JupyterLab in headless Chromium.

- 숫자 그리기: draw a stroke with the mouse on the canvas; the kernel's answer appears; a
  different drawing gets a different answer. The time from releasing the mouse button to
  the painted answer goes to the summary (never asserted).
- 학습 지켜보기: press ▶; the curves, weight maps and the batch count move; press ❚❚ and
  they stop.
"""

from __future__ import annotations

import itertools
import math
import re
import time

import nbformat
import pytest
from browser_report import RUN
from nbpage import ControlReport, Move, NotebookPage

CELLS = [
    "from mnistlab import widgets\ndrawer = widgets.draw_digit()\ndrawer",
    "trainer = widgets.training_explorer()\ntrainer",
]
PREDICTION = re.compile(r"신경망의 예측:\s*(\d)")


@pytest.fixture(scope="module")
def page07(jupyter, browser_context, nb_root, artifacts):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    rel = "chapter07_widgets.ipynb"
    nbformat.write(nb, nb_root / rel)
    page = browser_context.new_page()
    nbp = NotebookPage(page, jupyter, rel, "lab")
    try:
        nbp.open()
        nbp.run_all(len(CELLS), 300)
        views = nbp.wait_widgets(2)
        assert len(views) == 2, f"위젯 2개 중 {len(views)}개만 그려졌습니다"
        nbp._tag_roots()
        yield nbp
    finally:
        page.screenshot(path=str(artifacts / "chapter07-lab.png"), full_page=True)
        RUN.screenshots.append(artifacts / "chapter07-lab.png")
        page.close()
        jupyter.shutdown_kernel(rel)


def _status(root) -> str:
    return root.locator(".widget-html-content").first.inner_text()


def _stroke(page, canvas, points) -> None:
    """Draw through `points` (0..1 of the canvas) with the mouse."""
    box = canvas.bounding_box()
    xy = [(box["x"] + px * box["width"], box["y"] + py * box["height"]) for px, py in points]
    page.mouse.move(*xy[0])
    page.mouse.down()
    for a, b in itertools.pairwise(xy):
        for k in range(1, 9):
            page.mouse.move(a[0] + (b[0] - a[0]) * k / 8, a[1] + (b[1] - a[1]) * k / 8)
    page.mouse.up()


ARM = """(root) => {
  const d = window.__mnl07 = {up: null, changed: null, painted: null};
  root.querySelector('canvas.mnistlab-draw-canvas').addEventListener(
      'pointerup', () => { d.up = performance.now(); }, {capture: true, once: true});
  const img = root.querySelector('img.widget-image');         // the preparation steps
  new MutationObserver((_, obs) => {
    if (d.up === null) return;
    d.changed = performance.now();
    requestAnimationFrame(() => setTimeout(() => { d.painted = performance.now(); }, 0));
    obs.disconnect();
  }).observe(img, {attributes: true});
}"""


def _draw_and_wait(page, root, canvas, points, timeout: float = 20) -> tuple[str, tuple]:
    """Draw a stroke; wait for the kernel's answer after the mouse is released.
    Returns the status text and the release → answer in the DOM / painted times in ms."""
    root.element_handle().evaluate(ARM)
    _stroke(page, canvas, points)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        d = page.evaluate("() => window.__mnl07")
        if d["painted"] is not None:
            time.sleep(0.1)
            text = _status(root)
            assert PREDICTION.search(text), f"그린 뒤 예측 대신: {text!r}"
            return text, (d["changed"] - d["up"], d["painted"] - d["up"])
        time.sleep(0.02)
    raise AssertionError(f"그린 뒤 {timeout:.0f}초가 지나도 답이 오지 않았습니다: {_status(root)!r}")


def test_drawing_with_the_mouse_gets_an_answer(page07, artifacts):
    page = page07.page
    root = page.locator("[data-mnl-root='0']")
    canvas = root.locator("canvas.mnistlab-draw-canvas")
    assert "아직 아무것도 그리지 않았어요" in _status(root)

    text, first_ms = _draw_and_wait(page, root, canvas, [(0.5, 0.15), (0.5, 0.85)])
    first = PREDICTION.search(text).group(1)

    root.locator("button.mnistlab-draw-clear").click()
    deadline = time.monotonic() + 20
    while "아직 아무것도" not in _status(root):
        assert time.monotonic() < deadline, "모두 지우기 뒤에도 예측이 남아 있습니다"
        time.sleep(0.05)

    ring = [(0.5 + 0.22 * math.sin(t / 12 * 2 * math.pi),
             0.5 - 0.32 * math.cos(t / 12 * 2 * math.pi)) for t in range(13)]
    text, second_ms = _draw_and_wait(page, root, canvas, ring)
    second = PREDICTION.search(text).group(1)
    root.screenshot(path=str(artifacts / "chapter07-draw_digit-ring.png"))
    RUN.screenshots.append(artifacts / "chapter07-draw_digit-ring.png")
    report = ControlReport("draw_digit", "mouse stroke (release → answer)")
    report.moves = [Move(True, dom, frame) for dom, frame in (first_ms, second_ms)]
    RUN.controls.append(("chapter07_widgets", "lab", report))
    RUN.notes.append(f"07 draw_digit: 예측 — 세로 획 → {first}, 동그라미 → {second}")
    assert first != second, f"세로 획과 동그라미의 예측이 같습니다: {first}"


def _training_state(root) -> tuple[str, str]:
    info = root.locator(".widget-html-content").first.inner_text()
    curves = root.locator("img.widget-image").first.get_attribute("src")
    return info, curves


def _batches(info: str) -> int:
    m = re.search(r"배치 ([\d,]+)개", info)
    assert m, f"배치 수가 보이지 않습니다: {info!r}"
    return int(m.group(1).replace(",", ""))


def test_play_moves_the_curves_and_pause_stops_them(page07, artifacts):
    page = page07.page
    root = page.locator("[data-mnl-root='1']")
    info0, curves0 = _training_state(root)
    assert _batches(info0) == 0
    play = root.locator(".widget-play button").first
    play.click()
    seen, t0 = {curves0}, time.monotonic()
    while time.monotonic() - t0 < 4:
        seen.add(_training_state(root)[1])
        time.sleep(0.05)
    elapsed = time.monotonic() - t0
    play.click()                                            # ❚❚
    time.sleep(1.5)                                         # frames already under way land
    info1, curves1 = _training_state(root)
    time.sleep(1.0)
    info2, curves2 = _training_state(root)
    root.screenshot(path=str(artifacts / "chapter07-training_explorer-played.png"))
    RUN.screenshots.append(artifacts / "chapter07-training_explorer-played.png")
    RUN.notes.append(f"07 training_explorer: ▶ {elapsed:.1f}초 동안 다른 곡선 그림 {len(seen) - 1}장 "
                     f"(초당 {(len(seen) - 1) / elapsed:.1f}장), 배치 {_batches(info1)}개")
    assert len(seen) >= 3, "▶ 를 눌러도 곡선 그림이 (거의) 바뀌지 않습니다"
    assert _batches(info1) > 0 and curves1 != curves0
    assert (info2, curves2) == (info1, curves1), "❚❚ 를 눌렀는데도 학습이 계속됩니다"
