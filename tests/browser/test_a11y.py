"""Accessibility in a real browser (issue 22): axe-core and a keyboard-only walk, per notebook.

For each notebook (a copy, in a temporary Jupyter root), in JupyterLab at 1280×720 after
Run All:

- axe-core (bundled with axe-playwright-python, runs offline) on mnistlab's outputs and
  widgets (``.jp-OutputArea-output``): no critical and no serious violation. The
  notebook's own text (markdown cells) and JupyterLab's chrome are measured too and
  reported in the summary, not asserted (Lab's chrome is not this project's);
- the keyboard walk: in every mnistlab widget, Tab reaches every control in order and
  then leaves the widget (no trap), each focused control shows a focus ring, each
  dropdown and slider changes its value with the arrow keys while keeping the focus
  (JupyterLab does not take the keys), and the picture outputs carry a Korean ``alt``.

Counts by rule and impact go to the summary and to ``artifacts/axe-<notebook>.json``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from browser_report import RUN
from nbpage import NotebookPage, notebook_facts

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
RUN_TIMEOUT = 900
OUTPUTS = ".jp-OutputArea-output"
BLOCKING = ("critical", "serious")
HANGUL = re.compile(r"[\uac00-\ud7a3]")

# The focusable controls of one widget root, in document (= Tab) order.
CONTROLS_JS = """(root) => [...root.querySelectorAll(
  'button, select, input, textarea, [contenteditable="true"], [tabindex]:not([tabindex="-1"])')]
  .filter(e => !e.disabled && e.offsetParent !== null && e.tabIndex >= 0)"""


def _axe(page, context) -> dict:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, context=context, options={"resultTypes": ["violations"]})
    return result.response


def _counts(response: dict) -> Counter:
    """(impact, rule) → number of offending elements."""
    return Counter({(v["impact"] or "none", v["id"]): len(v["nodes"])
                    for v in response["violations"]})


def _describe(counts: Counter) -> str:
    return ", ".join(f"{impact}/{rule} ×{n}" for (impact, rule), n in sorted(counts.items())) \
        or "없음"


@pytest.fixture(scope="module")
def lab720(browser_context):
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    yield page
    page.close()


def _open_and_run(page, jupyter, nb_root, name: str) -> NotebookPage:
    rel = f"notebooks/{name}"
    facts = notebook_facts(json.loads((nb_root / rel).read_text(encoding="utf-8")))
    nb = NotebookPage(page, jupyter, rel, "lab")
    nb.open()
    nb.run_all(facts["code_cells"], RUN_TIMEOUT)
    nb.wait_widgets(facts["widgets"])
    page.wait_for_timeout(500)        # the extension's pass (one animation frame) and images
    return nb


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_axe_and_keyboard(name, lab720, jupyter, nb_root, artifacts):
    page = lab720
    nb = _open_and_run(page, jupyter, nb_root, name)
    try:
        outputs = _axe(page, {"include": [[OUTPUTS]]})
        cells = _axe(page, {"include": [[".jp-MarkdownOutput"]]})
        chrome = _axe(page, {"exclude": [[".jp-Notebook"]]})
        found = {"outputs": _counts(outputs), "markdown": _counts(cells),
                 "lab": _counts(chrome)}
        (artifacts / f"axe-{Path(name).stem}.json").write_text(json.dumps(
            {k: {f"{i}/{r}": n for (i, r), n in c.items()} for k, c in found.items()},
            ensure_ascii=False, indent=1), encoding="utf-8")
        RUN.notes.append(f"axe {name}: 출력·위젯 {_describe(found['outputs'])} | "
                         f"마크다운 {_describe(found['markdown'])} | "
                         f"JupyterLab 화면 {_describe(found['lab'])}")
        blocking = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"][:3]])
                    for v in outputs["violations"] if v["impact"] in BLOCKING]
        errors = page.locator(".jupyter-widgets-error-widget").all_inner_texts()
        assert not blocking, f"{name}: 출력·위젯의 심각한 접근성 위반: {blocking} {errors[:2]} {nb.console[-6:]}"

        walked = _keyboard_walk(page, name)
        RUN.notes.append(f"키보드 {name}: " + "; ".join(walked) if walked else
                         f"키보드 {name}: mnistlab 위젯 없음")
    finally:
        shot = artifacts / f"a11y-{Path(name).stem}.png"
        page.screenshot(path=str(shot))
        RUN.screenshots.append(shot)
        jupyter.shutdown_kernel(f"notebooks/{name}")


def _focused(page) -> dict:
    return page.evaluate("""() => {
      const e = document.activeElement;
      const s = getComputedStyle(e);
      return {tag: e.tagName.toLowerCase(), cls: e.className || '',
              root: e.closest('.mnistlab-explorer')?.dataset.mnlA11y ?? null,
              name: e.getAttribute('aria-label') || e.innerText?.trim().slice(0, 30) || '',
              ring: (parseFloat(s.outlineWidth) > 0 && s.outlineStyle !== 'none')
                    || s.boxShadow !== 'none',
              type: e.type || '',
              choices: e.tagName === 'SELECT' ? e.options.length
                       : e.type === 'range' ? (e.min !== e.max ? 2 : 1)
                       : (e.getAttribute('aria-valuemin') !== e.getAttribute('aria-valuemax') ? 2 : 1),
              value: (e.tagName === 'SELECT' || e.type === 'range') ? e.value
                     : (e.getAttribute('aria-valuenow') ?? ''),
              k: e.dataset.mnlK ?? null};
    }""")


def _keyboard_walk(page, name: str) -> list[str]:
    """Tab through every mnistlab widget; arrows on dropdowns and sliders. Returns a line each."""
    n_roots = page.evaluate("""() => {
      const roots = [...document.querySelectorAll('.mnistlab-explorer')];
      roots.forEach((r, i) => r.dataset.mnlA11y = String(i));
      return roots.length;
    }""")
    lines = []
    for i in range(n_roots):
        root = page.locator(f'.mnistlab-explorer[data-mnl-a11y="{i}"]')
        assert root.get_attribute("lang") == "ko", f"{name} 위젯 #{i}: lang=\"ko\" 가 없습니다"
        for img in root.locator("img").all():
            alt = img.get_attribute("alt") or ""
            assert HANGUL.search(alt), f"{name} 위젯 #{i}: 그림에 한국어 대체 텍스트가 없습니다 ({alt!r})"
        controls = root.evaluate_handle(CONTROLS_JS)
        n = page.evaluate("(c) => { c.forEach((e, k) => e.dataset.mnlK = String(k)); return c.length; }",
                          controls)
        if not n:
            continue
        root.scroll_into_view_if_needed()
        page.evaluate("(c) => c[0].focus()", controls)
        page.keyboard.press("Tab")                  # keyboard use from here on (:focus-visible)
        page.keyboard.press("Shift+Tab")
        seen, operated = [], []
        for _ in range(n + 10):                         # a few stops more than the controls
            f = _focused(page)
            if f["root"] != str(i):
                break                                   # Tab left the widget: no trap
            assert f["ring"], f"{name} 위젯 #{i}: 포커스 표시가 보이지 않습니다 ({f})"
            seen.append(f)
            if f["name"] == "재생":                     # Play, then pause it from the keyboard
                _play_and_pause(page, root, name, i)
                operated.append("재생/일시 정지")
            if f["tag"] == "canvas":                    # the drawing canvas without a pointer
                _ink_from_keyboard(page, root, name, i)
                operated.append("그리기 칸")
            movable = f["tag"] == "select" or "noUi-handle" in f["cls"] or f["type"] == "range"
            if movable and f["choices"] > 1:            # (a dropdown of one choice: nothing to do)
                keys = ("ArrowDown", "ArrowUp") if f["tag"] == "select" else ("ArrowRight", "ArrowLeft")
                after = f
                for key in keys:                        # the other way at the end of the range
                    for _ in range(1 if f["tag"] == "select" else 12):   # a fine step: a few
                        page.keyboard.press(key)
                        page.wait_for_timeout(100)
                        after = _focused(page)
                        if after["value"] != f["value"] or after["tag"] != f["tag"]:
                            break
                    if after["value"] != f["value"] or after["tag"] != f["tag"]:
                        break
                assert after["root"] == str(i) and after["tag"] == f["tag"], (
                    f"{name} 위젯 #{i}: 화살표 키에 포커스가 위젯을 떠났습니다 ({f['name']} → {after})")
                assert after["value"] != f["value"], (
                    f"{name} 위젯 #{i}: 화살표 키로 {f['name']!r} 의 값이 바뀌지 않았습니다")
                operated.append(f["name"] or f["tag"])
            page.keyboard.press("Tab")
        reached = {s["k"] for s in seen}
        missed = [k for k in map(str, range(n)) if k not in reached]
        assert not missed, (f"{name} 위젯 #{i}: Tab 으로 닿지 않는 컨트롤 {len(missed)}개 "
                            f"(닿은 것: {[s['name'] for s in seen]})")
        assert _focused(page)["root"] != str(i), (
            f"{name} 위젯 #{i}: Tab 을 {n + 10}번 눌러도 위젯을 떠나지 않습니다: "
            f"{[(s['tag'], s['cls'][:30], s['name']) for s in seen[-5:]]}")
        lines.append(f"위젯 #{i} 컨트롤 {n}개 Tab, 화살표로 조작 {len(operated)}개")
    return lines


def _text(root) -> str:
    return root.evaluate("(r) => r.innerText")


def _wait_change(page, root, before: str, timeout_ms: int = 15000) -> str:
    for _ in range(timeout_ms // 250):
        page.wait_for_timeout(250)
        now = _text(root)
        if now != before:
            return now
    return before


def _ink_from_keyboard(page, root, name: str, i: int) -> None:
    """Arrows move the cursor, Space inks a cell: the kernel answers with a prediction."""
    before = _text(root)
    for key in ("ArrowUp", "ArrowUp", "Space", "ArrowDown", "Space", "ArrowDown", "Space",
                "ArrowDown", "Space"):
        page.keyboard.press(key)
    after = _wait_change(page, root, before)
    assert after != before and "예측" in after, f"{name} 위젯 #{i}: 키보드로 칠한 칸에 답이 없습니다"
    said = root.locator(".mnistlab-draw-said").inner_text()
    assert re.search(r"\d+행 \d+열", said), f"{name} 위젯 #{i}: 칠한 칸을 읽어 주지 않습니다 ({said!r})"


def _play_and_pause(page, root, name: str, i: int) -> None:
    """Space on ▶ starts training; the button becomes ❚❚ and Space pauses: the numbers stand still."""
    before = _text(root)
    page.keyboard.press("Space")
    moving = _wait_change(page, root, before)
    assert moving != before, f"{name} 위젯 #{i}: 키보드로 누른 재생이 시작되지 않았습니다"
    now = _focused(page)                        # the same button, now ❚❚ (its name follows)
    assert now["name"] == "일시 정지", f"{name} 위젯 #{i}: 재생 중인 버튼의 이름이 '일시 정지'가 아닙니다 ({now})"
    page.keyboard.press("Space")
    page.wait_for_timeout(1500)                 # the frame under way finishes
    paused = _text(root)
    page.wait_for_timeout(1500)
    assert _text(root) == paused, f"{name} 위젯 #{i}: 키보드로 일시 정지가 되지 않았습니다"
