"""Drive one notebook in a real browser page (JupyterLab or Notebook 7).

Everything here works on what a learner sees: the page's menus, the rendered
cells and the widget views. The generic widget operator finds every top-level
widget view in the notebook, works its first slider, dropdown, button, checkbox
and toggle button, and records whether an output of the same widget (an
``Image``'s ``src``, an ``HTML`` text, an ``Output`` area, a progress bar)
changed and how long that took in the browser.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
# In every notice of mnistlab's JupyterLab extension (labextension/src/index.js) on a widget
# whose kernel is gone; in place of "Error displaying widget: model not found", or over the view.
KERNEL_GONE = "커널과 연결이 끊겼습니다"

# Text that means a widget did not render (shown in place of the widget view).
NOT_RENDERED = [
    "Error displaying widget",
    "model not found",
    KERNEL_GONE,
    "Failed to load model class",
    "is not registered",
    "Could not create a view",          # e.g. an Image with a tooltip but no description
    "노트북을 실행하면 움직이는 위젯이 나타납니다",  # Explorer's text/plain fallback
]
RAW_REPR = re.compile(
    r"\b(?:IntSlider|FloatSlider|FloatLogSlider|IntRangeSlider|VBox|HBox|Dropdown|Button|"
    r"Checkbox|ToggleButtons|Image|HTML|HTMLMath|Output|Label|Tab|Box|GridBox)\((?:children|value|"
    r"description|layout|options|min|max|format|outputs)="
)

# Page-side helpers: find widget roots, fingerprint their outputs, time changes.
JS_HELPERS = r"""
(() => {
  if (window.__mnl) return;
  // canvas.mnl-number-grid: the digit browser's canvas marks each repaint in data-drawn
  const OUT = 'img.widget-image, .widget-html-content, .widget-htmlmath-content, .widget-output,'
            + ' div.widget-label, .progress-bar, canvas.mnl-number-grid';
  const roots = () => {
    const nb = document.querySelector('.jp-Notebook');
    const all = [...nb.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets')];
    // top-level views only (not a widget shown inside another widget's Output area)
    return all.filter(r => !r.parentElement.closest('.jupyter-widgets'));
  };
  const outputs = (root) => [...root.querySelectorAll(OUT)];
  const fingerprint = (root) => outputs(root).map(e =>
      e.tagName === 'IMG' ? 'img:' + e.getAttribute('src')
      : e.classList.contains('progress-bar') ? 'bar:' + e.getAttribute('style')
      : e.tagName === 'CANVAS' ? 'canvas:' + e.dataset.drawn
      : 'txt:' + e.innerHTML).join('\u0001');
  let rec = null;
  const disarm = () => {
    if (!rec) return;
    rec.obs.disconnect();
    for (const [root, t, f] of rec.listeners) root.removeEventListener(t, f, true);
    rec = null;
  };
  const frame = () => new Promise(r => requestAnimationFrame(() => r(performance.now())));
  const arm = (i, types) => {
    disarm();
    const root = roots()[i];
    const r = {t0: null, first: null, last: null, painted: null, n: 0, listeners: [], pending: 0,
               hits: []};
    const onEvent = (e) => {
      if (r.t0 !== null) return;
      if (e.type === 'keydown' && e.key !== 'Enter') return;
      r.t0 = e.timeStamp;
    };
    for (const t of types) {
      root.addEventListener(t, onEvent, true);
      r.listeners.push([root, t, onEvent]);
    }
    r.obs = new MutationObserver((muts) => {
      if (r.t0 === null) return;
      const now = performance.now();
      let hit = null;
      for (const m of muts) {
        const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        const o = el && el.closest(OUT);
        if (o && root.contains(o)) { hit = o; break; }
      }
      if (!hit) return;
      r.n += 1;
      if (r.first === null) r.first = now;
      r.last = now;
      r.pending += 1;
      const kind = hit.tagName === 'IMG' ? 'img' : hit.className.split(' ').pop();
      const done = (t) => {
        r.pending -= 1; r.painted = Math.max(r.painted || 0, t);
        r.hits.push([kind, Math.round(now - r.t0), Math.round(t - r.t0)]);
      };
      const ready = hit.tagName === 'IMG' ? hit.decode().catch(() => null) : Promise.resolve();
      ready.then(frame).then(done);
    });
    r.obs.observe(root, {subtree: true, childList: true, characterData: true,
                         attributes: true, attributeFilter: ['src', 'style', 'data-drawn']});
    rec = r;
  };
  const result = () => rec && {
    t0: rec.t0, first: rec.first, last: rec.last, painted: rec.painted, n: rec.n,
    pending: rec.pending, hits: rec.hits,
    quiet: rec.last === null ? null : performance.now() - rec.last};
  const describe = () => roots().map((root, i) => {
    const q = (s) => root.querySelector(s);
    const slider = q('.widget-slider');
    return {
      index: i,
      slider: !!slider && !slider.querySelector('.noUi-target[disabled]'),
      dropdown: [...root.querySelectorAll('.widget-dropdown select:not(:disabled)')]
                .some(sel => sel.options.length > 1),
      button: !!q('button.widget-button:not(:disabled)'),
      toggle: !!q('.widget-toggle-buttons button:not(:disabled)'),
      checkbox: !!q('.widget-checkbox input:not(:disabled)'),
      outputs: outputs(root).length,
      images: [...root.querySelectorAll('img.widget-image')].map(im => im.naturalWidth),
      shown: [...root.querySelectorAll('img.widget-image')].map(im => im.clientWidth),
      width: root.getBoundingClientRect().width,
      height: root.getBoundingClientRect().height,
      text: root.innerText.slice(0, 300),
    };
  });
  // Characters the browser draws as an empty box (no font has them): each is drawn on a
  // canvas in the page's font and compared with a code point no font has.
  const missingGlyphs = () => {
    const nb = document.querySelector('.jp-Notebook');
    const family = getComputedStyle(nb.querySelector('.jp-RenderedHTMLCommon') || nb).fontFamily;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 48;
    const g = canvas.getContext('2d', {willReadFrequently: true});
    const draw = (ch) => {
      g.clearRect(0, 0, 48, 48);
      g.font = `32px ${family}`;
      g.fillText(ch, 4, 38);
      return Array.from(g.getImageData(0, 0, 48, 48).data.filter((_, k) => k % 4 === 3)).join();
    };
    const tofu = [draw('\u{10FFFD}'), draw('\u{E83A}')];
    const chars = [...new Set([...nb.innerText])].filter(ch => ch.codePointAt(0) > 0x7e
                                                         && !/\s/.test(ch));
    return chars.filter(ch => tofu.includes(draw(ch)));
  };
  // Widgets wider than their output area: what sticks out (or scrolls) sideways.
  const overflow = () => roots().map((root, i) => {
    const area = root.closest('.jp-OutputArea-output') || root.parentElement;
    const box = area.getBoundingClientRect();
    let right = box.left, worst = null;
    for (const el of [root, ...root.querySelectorAll('*')]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (r.right > right) { right = r.right; worst = el; }
    }
    // (a 1-pixel box is text kept for screen readers only, visually hidden on purpose)
    const scrolls = [root, ...root.querySelectorAll('*'), area].filter(el =>
        el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1
        && getComputedStyle(el).overflowX !== 'visible');
    const name = (el) => el ? (el.tagName.toLowerCase() + '.' + [...el.classList].join('.')
                               + ' ' + (el.innerText || el.getAttribute('src') || '').slice(0, 30))
                            : '';
    return {index: i, area: Math.round(box.width), needs: Math.round(right - box.left),
            widest: name(worst), scrolls: scrolls.map(name).slice(0, 3),
            text: root.innerText.slice(0, 40)};
  });
  window.__mnl = {roots, overflow, fingerprint: (i) => fingerprint(roots()[i]), arm, disarm, result,
                  describe, missingGlyphs};
})()
"""


@dataclass
class Move:
    """One input event and what the widget's outputs did after it."""

    changed: bool
    first_ms: float | None = None     # event → first output DOM change
    painted_ms: float | None = None   # event → last changed output decoded and in a frame
    mutations: int = 0
    hits: list = field(default_factory=list)   # [output kind, DOM ms, frame ms] per change


@dataclass
class ControlReport:
    widget: str          # "<notebook>#<n> <factory or first text>"
    control: str         # slider / dropdown / button / checkbox / toggle
    moves: list[Move] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(m.changed for m in self.moves)

    @property
    def hopeless(self) -> bool:
        """Two moves and no change: more moves of this control would only cost time."""
        return len(self.moves) >= 2 and not self.changed

    def slowest(self) -> str:
        """The output that was usually last in a frame (where the browser's time goes)."""
        kinds = [max(m.hits, key=lambda h: h[2])[0] for m in self.moves if m.hits]
        return max(set(kinds), key=kinds.count) if kinds else "-"

    def median(self, attr: str) -> float | None:
        xs = [getattr(m, attr) for m in self.moves if m.changed and getattr(m, attr) is not None]
        return statistics.median(xs) if xs else None


class NotebookPage:
    """One notebook opened in one browser page."""

    def __init__(self, page: Page, server, path: str, ui: str):
        self.page, self.server, self.path, self.ui = page, server, path, ui
        self.console: list[str] = []
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))

    # ------------------------------------------------------------ open / run
    def open(self, timeout: float = 90, sidebar: bool = False) -> None:
        """Open the notebook and wait for its kernel; Lab's file browser is closed unless `sidebar`."""
        url = self.server.lab_url(self.path) if self.ui == "lab" else \
            self.server.notebook7_url(self.path)
        self.page.goto(url)
        self.page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=timeout * 1000)
        self.wait_kernel_idle(timeout)
        if self.ui == "lab" and not sidebar:
            self.hide_left_sidebar()
        self.page.evaluate(JS_HELPERS)

    def wait_kernel_idle(self, timeout: float) -> None:
        """Poll the server until this notebook's kernel exists and is idle."""
        deadline = time.monotonic() + timeout
        while self.server.kernel_state(self.path) != "idle":
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.path}: 커널이 {timeout:.0f}초 안에 준비되지 않았습니다")
            time.sleep(0.2)

    def menu(self, top: str, item: str | re.Pattern) -> None:
        self.page.get_by_role("menuitem", name=top, exact=True).click()
        if isinstance(item, str):
            self.page.get_by_role("menuitem", name=item, exact=True).click()
        else:
            self.page.get_by_role("menuitem", name=item).first.click()

    def prompts(self) -> list[str]:
        return self.page.evaluate(
            "() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')]"
            ".map(c => (c.querySelector('.jp-InputPrompt')?.innerText || '').trim())")

    def run_all(self, n_code: int, timeout: float) -> float:
        """Clear outputs, Run All, wait until every non-empty code cell has finished."""
        self.menu("Edit", "Clear Outputs of All Cells")
        start = time.monotonic()
        self.menu("Run", "Run All Cells")
        deadline = start + timeout
        idle_since = None
        while True:
            prompts = self.prompts()
            done = sum(bool(re.fullmatch(r"\[\d+\]:", p)) for p in prompts)
            busy = any("*" in p for p in prompts)
            if not busy and self.server.kernel_state(self.path) == "idle":
                idle_since = idle_since or time.monotonic()
                # all cells done; or a cell failed and Lab dropped the rest of the queue
                quiet = time.monotonic() - idle_since
                if (done >= n_code and quiet > 0.5) or quiet > 3:
                    return time.monotonic() - start
            else:
                idle_since = None
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.path}: 모든 셀이 {timeout:.0f}초 안에 끝나지 않았습니다 "
                                     f"(프롬프트: {prompts})")
            time.sleep(0.25)

    def rerun_last_cell(self, timeout: float = 60) -> str:
        """Run the last code cell again (Ctrl+Enter in it) and return its output text."""
        cell = self.page.locator(".jp-Notebook .jp-CodeCell").last
        before = cell.locator(".jp-InputPrompt").inner_text().strip()
        cell.locator(".jp-InputArea-editor").click()
        self.page.keyboard.press("Control+Enter")
        deadline = time.monotonic() + timeout
        while True:
            now = cell.locator(".jp-InputPrompt").inner_text().strip()
            if now != before and re.fullmatch(r"\[\d+\]:", now) \
                    and self.server.kernel_state(self.path) == "idle":
                return "\n".join(cell.locator(".jp-OutputArea-output").all_inner_texts())
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.path}: 마지막 셀을 다시 실행하지 못했습니다 ({now})")
            time.sleep(0.2)

    def save(self, file: Path, timeout: float = 30) -> dict:
        """Save through the page (Ctrl+S) and return the notebook as the kernel left it."""
        before = file.stat().st_mtime_ns
        self.page.locator(".jp-Notebook").first.focus()
        self.page.keyboard.press("Control+s")
        deadline = time.monotonic() + timeout
        while file.stat().st_mtime_ns == before:
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.path}: 브라우저에서 저장이 되지 않았습니다")
            time.sleep(0.2)
        time.sleep(0.3)
        return json.loads(file.read_text(encoding="utf-8"))

    # ------------------------------------------------------------ checks
    def output_texts(self) -> list[str]:
        return self.page.evaluate(
            "() => [...document.querySelectorAll('.jp-Notebook .jp-OutputArea-output')]"
            ".map(e => e.innerText)")

    def missing_glyphs(self) -> list[str]:
        """Characters on the page that the browser can only draw as empty boxes."""
        self.page.evaluate(JS_HELPERS)
        return self.page.evaluate("() => window.__mnl.missingGlyphs()")

    def widgets(self) -> list[dict]:
        self.page.evaluate(JS_HELPERS)
        return self.page.evaluate("() => window.__mnl.describe()")

    def overflow(self) -> list[dict]:
        """Per widget: its output area's width, the width its content needs, what scrolls."""
        self.page.evaluate(JS_HELPERS)
        return self.page.evaluate("() => window.__mnl.overflow()")

    def wait_widgets(self, expected: int, timeout: float = 60) -> list[dict]:
        """Wait until `expected` widget views are on the page with their images loaded."""
        deadline = time.monotonic() + timeout
        while True:
            views = self.widgets()
            ready = len(views) >= expected and all(
                v["height"] > 0 and all(w > 0 for w in v["images"]) for v in views)
            failed = any(m in t for t in self.output_texts() for m in NOT_RENDERED)
            if ready or failed or time.monotonic() > deadline:
                return views
            time.sleep(0.25)

    # ------------------------------------------------------------ operating widgets
    def _tag_roots(self) -> None:
        self.page.evaluate("() => window.__mnl.roots().forEach((r, i) => r.dataset.mnlRoot = i)")

    def _measure(self, i: int, events: list[str], act, timeout: float, quiet: float = 0.3) -> Move:
        before = self.page.evaluate("(i) => window.__mnl.fingerprint(i)", i)
        self.page.evaluate("([i, ev]) => window.__mnl.arm(i, ev)", [i, events])
        act()
        start = time.monotonic()
        r = None
        while time.monotonic() - start < timeout:
            r = self.page.evaluate("() => window.__mnl.result()")
            if r and r["first"] is not None and r["quiet"] > quiet * 1000 and r["pending"] == 0:
                break
            # nothing yet: give up early once the kernel has finished the handler
            if (r is None or r["first"] is None) and time.monotonic() - start > 1.0 \
                    and self.server.kernel_state(self.path) == "idle":
                time.sleep(0.4)
                r = self.page.evaluate("() => window.__mnl.result()")
                if r is None or r["first"] is None:
                    break
            time.sleep(0.05)
        self.page.evaluate("() => window.__mnl.disarm()")
        after = self.page.evaluate("(i) => window.__mnl.fingerprint(i)", i)
        if not r or r["t0"] is None or r["first"] is None:
            return Move(changed=before != after)
        return Move(changed=before != after, first_ms=r["first"] - r["t0"],
                    painted_ms=(r["painted"] - r["t0"]) if r["painted"] else None,
                    mutations=r["n"], hits=r["hits"])

    def operate(self, i: int, kinds: dict, label: str, moves: int = 5,
                button_timeout: float = 120) -> list[ControlReport]:
        """Work the first control of each kind in widget `i`; one report per control."""
        self._tag_roots()
        root = self.page.locator(f"[data-mnl-root='{i}']")
        reports = []
        if kinds["slider"]:
            reports.append(self._slider(i, root, label, moves))
        if kinds["dropdown"]:
            reports.append(self._dropdown(i, root, label, moves))
        if kinds["checkbox"]:
            box = root.locator(".widget-checkbox input:not(:disabled)").first
            rep = ControlReport(label, "checkbox")
            for _ in range(2):
                rep.moves.append(self._measure(i, ["click"], box.click, 15))
            reports.append(rep)
        if kinds["toggle"]:
            reports.append(self._toggle(i, root, label, moves))
        if kinds["button"]:
            button = root.locator("button.widget-button:not(:disabled)").first
            name = button.inner_text().strip() or button.get_attribute("title") or "?"
            rep = ControlReport(label, f"button «{name}»")
            for _ in range(3):
                t = time.monotonic()
                rep.moves.append(self._measure(i, ["click"], button.click, button_timeout))
                if time.monotonic() - t > 3 or rep.hopeless:   # slow (training): once is enough
                    break
            reports.append(rep)
        return reports

    def _slider(self, i: int, root, label: str, moves: int) -> ControlReport:
        slider = root.locator(".widget-slider").first
        handle = slider.locator(".noUi-handle").first
        readout = slider.locator(".widget-readout").first
        lo = float(handle.get_attribute("aria-valuemin"))
        hi = float(handle.get_attribute("aria-valuemax"))
        now_text = readout.inner_text().strip() if readout.count() else ""
        is_int = re.fullmatch(r"-?\d+", now_text) is not None and lo.is_integer() and hi.is_integer()
        editable = readout.count() and readout.get_attribute("contenteditable") == "true" \
            and readout.is_visible()
        name = slider.locator(".widget-label").first.inner_text().strip()
        rep = ControlReport(label, f"slider «{name}»")
        fractions = [0.7, 0.3, 0.55, 0.15, 0.9, 0.45, 0.8][:moves]
        for f in fractions:
            v = lo + f * (hi - lo)
            text = str(round(v)) if is_int else f"{v:.2f}"
            if editable and _num(now_text) is not None and lo <= _num(now_text) <= hi:
                def act(text=text):
                    readout.fill(text)
                    readout.press("Enter")
                rep.moves.append(self._measure(i, ["keydown"], act, 15))
            else:                                   # no typed readout (or a log slider): drag
                def act(f=f):
                    box = slider.locator(".noUi-base").first.bounding_box()
                    hb = handle.bounding_box()
                    self.page.mouse.move(hb["x"] + hb["width"] / 2, hb["y"] + hb["height"] / 2)
                    self.page.mouse.down()
                    self.page.mouse.move(box["x"] + f * box["width"], hb["y"] + hb["height"] / 2,
                                         steps=4)
                    self.page.mouse.up()
                rep.moves.append(self._measure(i, ["pointerdown", "mousedown"], act, 15))
            if rep.hopeless:
                break
        return rep

    def _dropdown(self, i: int, root, label: str, moves: int) -> ControlReport:
        boxes = root.locator(".widget-dropdown:has(select:not(:disabled))")
        box = next(boxes.nth(k) for k in range(boxes.count())
                   if boxes.nth(k).locator("option").count() > 1)
        select = box.locator("select")
        name = box.locator(".widget-label").first.inner_text().strip()
        n = select.locator("option").count()
        rep = ControlReport(label, f"dropdown «{name}»")
        current = select.evaluate("s => s.selectedIndex")
        for k in range(min(moves, n - 1)):
            target = (current + 1 + k) % n
            rep.moves.append(self._measure(i, ["change"],
                                           lambda t=target: select.select_option(index=t), 15))
            if rep.hopeless:
                break
        return rep

    def _toggle(self, i: int, root, label: str, moves: int) -> ControlReport:
        buttons = root.locator(".widget-toggle-buttons").first.locator("button")
        n = buttons.count()
        rep = ControlReport(label, "toggle buttons")
        for k in range(min(moves, n)):
            b = buttons.nth((k + 1) % n)
            rep.moves.append(self._measure(i, ["click"], b.click, 15))
            if rep.hopeless:
                break
        return rep

    # ------------------------------------------------------------ screenshots
    def screenshot_notebook(self, path: Path) -> Path:
        """The whole notebook in one image (the notebook scrolls inside its own panel)."""
        size = self.page.viewport_size
        scroller = ("(() => document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer')"
                    " || document.querySelector('.jp-NotebookPanel-notebook'))()")
        extra = self.page.evaluate(
            f"() => {{ const s = {scroller}; return s ? s.scrollHeight - s.clientHeight : 0; }}")
        height = min(size["height"] + max(int(extra), 0), 30000)
        try:
            self.page.set_viewport_size({"width": size["width"], "height": height})
            self.page.evaluate(f"() => {{ const s = {scroller}; if (s) s.scrollTop = 0; }}")
            self.page.wait_for_timeout(300)
            self.page.screenshot(path=str(path))
        finally:
            self.page.set_viewport_size(size)
        return path

    def hide_left_sidebar(self) -> None:
        """Collapse Lab's file browser so the notebook gets the page width."""
        tab = self.page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
        if tab.count():
            tab.first.click()

    def screenshot_widget(self, i: int, path: Path) -> Path:
        """One widget, whole: the page grows first if the widget is taller than the window."""
        self._tag_roots()
        root = self.page.locator(f"[data-mnl-root='{i}']")
        size = self.page.viewport_size
        height = root.bounding_box()["height"]
        try:
            if height > size["height"] - 200:
                self.page.set_viewport_size({"width": size["width"],
                                             "height": int(height) + 300})
            root.scroll_into_view_if_needed()
            root.screenshot(path=str(path))
        finally:
            self.page.set_viewport_size(size)
        return path

    def widget_source(self, i: int) -> str:
        """The code of the cell whose output holds widget `i` (to name it in reports)."""
        self._tag_roots()
        return self.page.evaluate(
            "(i) => { const r = document.querySelector(`[data-mnl-root='${i}']`);"
            " const c = r.closest('.jp-CodeCell');"
            " return c ? (c.querySelector('.jp-InputArea-editor')?.innerText || '') : ''; }", i)


def _num(text: str) -> float | None:
    try:
        return float(text.replace("−", "-"))
    except ValueError:
        return None


def notebook_facts(nb: dict) -> dict:
    """What a saved notebook says: non-empty code cells, errors, widget outputs, stderr."""
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    errors, stderr, widgets = [], [], 0
    for n, cell in enumerate(code, 1):
        for out in cell.get("outputs", []):
            if out["output_type"] == "error":
                errors.append(f"코드 셀 {n}: {out['ename']}: {out['evalue']}")
            elif out["output_type"] == "stream" and out.get("name") == "stderr":
                stderr.append(f"코드 셀 {n}: {''.join(out['text'])[:300]}")
            elif WIDGET_MIME in out.get("data", {}):
                widgets += 1
    nonempty = sum(1 for c in code if "".join(c["source"]).strip())
    return {"code_cells": nonempty, "errors": errors, "stderr": stderr, "widgets": widgets}
