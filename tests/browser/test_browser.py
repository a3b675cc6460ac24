"""Every notebook runs and its widgets answer in a real browser (headless Chromium).

For each notebook found in ``notebooks/`` (a copy of it, in a temporary Jupyter
root): open it in JupyterLab, wait for the kernel, clear the outputs and Run
All, then check what a learner sees — no error in any cell, every widget
rendered as a live view (not "model not found", not a raw ``VBox(...)``), no
Hangul drawn as empty boxes, and each widget's first slider / dropdown / button /
checkbox changes one of its outputs. A generated notebook with every widget
factory in ``mnistlab.widgets``, and the first chapter notebook with a widget,
run in Notebook 7 as well; the generated one also checks that merely displaying
a widget leaves its controls' values alone (a browser slider snaps a value that
is off its ``step`` grid and sends it back to the kernel). The last test breaks
notebooks on purpose to show that each check can fail.

Screenshots go to ``tests/browser/artifacts/``; the paths and a table of the
browser-side response times are printed at the end of the run (never asserted).
With ``MNISTLAB_SCREENSHOTS=<dir>`` the README screenshots are written there too
(``make screenshots``).
"""

from __future__ import annotations

import inspect
import json
import os
import re
import time
from pathlib import Path

import nbformat
import pytest
from browser_report import RUN
from nbpage import NOT_RENDERED, RAW_REPR, WIDGET_MIME, NotebookPage, notebook_facts
from playwright.sync_api import Error as PlaywrightError

import mnistlab.widgets

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p for p in (REPO / "notebooks").glob("*.ipynb"))


def _is_factory(name: str) -> bool:
    """A widget factory: a function of mnistlab.widgets callable with no arguments."""
    obj = getattr(mnistlab.widgets, name)
    if not (name[:1].islower() and inspect.isfunction(obj)):
        return False
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
               for p in inspect.signature(obj).parameters.values())


FACTORIES = sorted(n for n in mnistlab.widgets.__all__ if _is_factory(n))
# Widgets whose screenshots the README shows (written only with MNISTLAB_SCREENSHOTS set).
README_SHOTS = ("digit_browser", "network_explorer")
# Notebook 7's own start-up complaints (seen with no notebook code involved): not reported.
KNOWN_PAGE_ERRORS = ("reading 'schema'", "Command 'filebrowser:open-path' not registered")
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
RUN_TIMEOUT = 900        # seconds for Run All of one notebook (chapters train small models)


def _stored_widgets(path: Path) -> int:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return sum(WIDGET_MIME in o.get("data", {})
               for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", []))


def _first_widget_notebook() -> list[Path]:
    for path in NOTEBOOKS:
        if _stored_widgets(path):
            return [path]
    return NOTEBOOKS[:1]


def _widget_name(source: str, index: int) -> str:
    """The factory called in the widget's cell (e.g. digit_browser), else widget<n>."""
    calls = [m for m in re.findall(r"([A-Za-z_]\w*)\s*\(", source) if m in FACTORIES]
    return calls[-1] if calls else f"widget{index + 1}"


def run_in_browser(context, server, root: Path, rel: str, ui: str, artifacts: Path,
                   name: str | None = None, readme_dir: Path | None = None,
                   width: int | None = None, drift_cell: bool = False) -> None:
    """Open `rel` (relative to the server root) in `ui`, run it, check and operate its widgets."""
    file = root / rel
    stem = name or Path(rel).stem
    n_code = notebook_facts(json.loads(file.read_text(encoding="utf-8")))["code_cells"]
    page = context.new_page()
    if width:
        page.set_viewport_size({"width": width, "height": 900})
    nb = NotebookPage(page, server, rel, ui)
    try:
        t = time.monotonic()
        nb.open()
        t_open = time.monotonic() - t

        # What a learner sees on opening, before running anything: stored outputs.
        shown = [x for x in nb.output_texts() if any(s in x for s in NOT_RENDERED)]
        if shown:
            RUN.notes.append(f"{rel} ({ui}): 실행 전 저장된 출력에 위젯 대신 {shown[0][:80]!r}")

        t_run = nb.run_all(n_code, RUN_TIMEOUT)
        RUN.timings.append((stem, ui, t_open, t_run))
        saved = nb.save(file)
        facts = notebook_facts(saved)
        assert not facts["errors"], f"{rel} ({ui}) 셀 오류: {facts['errors']}"
        for s in facts["stderr"]:
            RUN.notes.append(f"{rel} ({ui}) stderr 출력: {s[:160]!r}")

        views = nb.wait_widgets(facts["widgets"])
        texts = nb.output_texts()
        broken = [x[:200] for x in texts if any(s in x for s in NOT_RENDERED)]
        assert not broken, f"{rel} ({ui}): 위젯이 그려지지 않았습니다: {broken}"
        raw = [x[:200] for x in texts if RAW_REPR.search(x)]
        assert not raw, f"{rel} ({ui}): 위젯 대신 글자(repr)가 보입니다: {raw}"
        assert len(views) == facts["widgets"], (
            f"{rel} ({ui}): 위젯 출력 {facts['widgets']}개 중 {len(views)}개만 화면에 그려졌습니다")
        for v in views:
            assert v["height"] > 0 and all(w > 0 for w in v["images"]), (
                f"{rel} ({ui}): 위젯 #{v['index']} 이 비어 있거나 이미지가 로드되지 않았습니다: {v}")

        missing = nb.missing_glyphs()
        hangul = [c for c in missing if HANGUL.match(c)]
        assert not hangul, (f"{rel} ({ui}): 한글이 네모(□)로 보입니다 {hangul[:10]} — 브라우저에 "
                            "한글 글꼴이 없습니다: apt-get install -y fonts-nanum")
        if missing:
            RUN.notes.append(f"{rel} ({ui}): 글꼴에 없어 네모로 보이는 문자 "
                             + " ".join(f"{c} (U+{ord(c):04X})" for c in missing))
        RUN.screenshots.append(nb.screenshot_notebook(artifacts / f"{stem}-{ui}.png"))

        problems = []
        if drift_cell:
            # The last cell lists controls whose kernel-side value changed although nobody
            # touched them: the browser view altered it on display (e.g. snapped to `step`).
            time.sleep(1.0)
            drift = [x for x in nb.rerun_last_cell().splitlines() if x.startswith("DRIFT")]
            problems += [f"{rel} ({ui}): 표시만 했는데 값이 바뀐 컨트롤 — {x[6:]}" for x in drift]

        names: dict[str, int] = {}
        for v in views:
            i = v["index"]
            name = _widget_name(nb.widget_source(i), i)
            names[name] = names.get(name, 0) + 1
            label = name if names[name] == 1 else f"{name}#{names[name]}"
            if readme_dir is not None and name in README_SHOTS and names[name] == 1:
                # as a learner first sees it, before any control has moved
                first = nb.screenshot_widget(i, artifacts / f"{stem}-{ui}-{label}-start.png")
                RUN.screenshots.append(_small_png(first, readme_dir / f"{name}.png"))
            kinds = {k: v[k] for k in ("slider", "dropdown", "button", "toggle", "checkbox")}
            if any(kinds.values()):
                reports = nb.operate(i, kinds, label)
                RUN.controls += [(stem, ui, r) for r in reports]
                dead = [r.control for r in reports if not r.changed]
                if len(dead) == len(reports):
                    problems.append(f"{rel} ({ui}): 위젯 {label} 의 어떤 컨트롤을 움직여도 출력이 "
                                    f"바뀌지 않습니다 ({', '.join(dead)})")
                for control in dead:
                    RUN.notes.append(f"{rel} ({ui}): {label} 의 {control} → 출력 변화 없음")
            else:
                RUN.notes.append(f"{rel} ({ui}): {label} 는 컨트롤이 없는 표시용 위젯이라 조작하지 "
                                 f"않았습니다: {v['text'][:40]!r}")
            for natural, shown in zip(v["images"], v["shown"]):
                if natural and abs(shown / natural - 1) > 0.1:
                    RUN.notes.append(f"{rel} ({ui}): {label} 의 이미지가 원래 폭 {natural}px 대신 "
                                     f"{shown}px 로 늘어나/줄어 보입니다 (흐릿해짐)")
            shot = nb.screenshot_widget(i, artifacts / f"{stem}-{ui}-{label}.png")
            RUN.screenshots.append(shot)
        assert not problems, "\n".join(problems)
    except Exception:
        _failure_evidence(page, nb, artifacts / f"{stem}-{ui}-FAILED.png")
        raise
    finally:
        RUN.notes += [f"{rel} ({ui}) 브라우저 {c}" for c in nb.console
                      if c.startswith("pageerror") and not any(k in c for k in KNOWN_PAGE_ERRORS)]
        page.close()
        server.shutdown_kernel(rel)


def _failure_evidence(page, nb: NotebookPage, path: Path) -> None:
    """Screenshot of the page as it failed, and the browser console's last complaints."""
    try:
        page.screenshot(path=str(path))
        RUN.screenshots.append(path)
        print(f"실패 화면: {path}")
    except PlaywrightError as e:
        print(f"실패 화면을 찍지 못했습니다: {e}")
    if nb.console:
        print("브라우저 콘솔:", *nb.console[-20:], sep="\n  ")


def _small_png(src: Path, dst: Path) -> Path:
    """A palette PNG of a screenshot: a few tens of kB, fine for the README."""
    from PIL import Image

    dst.parent.mkdir(parents=True, exist_ok=True)
    Image.open(src).convert("RGB").quantize(colors=128).save(dst, optimize=True)
    return dst


def _readme_dir() -> Path | None:
    d = os.environ.get("MNISTLAB_SCREENSHOTS")
    if not d:
        return None
    path = Path(d)
    return path if path.is_absolute() else REPO / path


GALLERY_SETUP = """\
import ipywidgets as W
import mnistlab.widgets as w

def _control_values(root):
    \"\"\"model id -> (type, description, value) for every control in a widget tree.\"\"\"
    found, stack = {}, [root]
    while stack:
        x = stack.pop()
        stack.extend(getattr(x, "children", ()))
        if isinstance(x, W.ValueWidget) and not isinstance(
                x, (W.HTML, W.HTMLMath, W.Label, W.Image, W.Textarea)):
            found[x.model_id] = (type(x).__name__, getattr(x, "description", ""), x.value)
    return found

_shown = {}
"""

GALLERY_DRIFT = """\
import math

def _same(a, b):
    if isinstance(a, float) or isinstance(b, float):   # the view's step arithmetic: 1e-16
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b

for _name, (_x, _before) in _shown.items():
    _after = _control_values(_x)
    for _key, (_type, _desc, _value) in _before.items():
        if not _same(_after[_key][2], _value):
            print(f"DRIFT {_name}: {_type} «{_desc}» {_value!r} -> {_after[_key][2]!r}")
print("checked", len(_shown))
"""


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_in_jupyterlab(notebook, jupyter, browser_context, nb_root, artifacts):
    run_in_browser(browser_context, jupyter, nb_root, f"notebooks/{notebook.name}", "lab",
                   artifacts)


@pytest.mark.parametrize("notebook", _first_widget_notebook(), ids=lambda p: p.stem)
def test_notebook_in_notebook7(notebook, jupyter, browser_context, nb_root, artifacts):
    # A second copy, so its kernel and saved file are separate from the Lab run.
    rel = f"notebooks/{notebook.stem}-nb7.ipynb"
    (nb_root / rel).write_bytes(notebook.read_bytes())
    run_in_browser(browser_context, jupyter, nb_root, rel, "nb7", artifacts, name=notebook.stem)


def test_every_widget_factory_in_notebook7(jupyter, browser_context, nb_root, artifacts):
    """A generated notebook showing every factory of mnistlab.widgets, with no arguments."""
    assert FACTORIES, "mnistlab.widgets 에 위젯 팩토리가 없습니다"
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# 위젯 모음 (브라우저 테스트용)"),
                nbformat.v4.new_code_cell(GALLERY_SETUP)]
    nb.cells += [nbformat.v4.new_code_cell(
        f"_x = w.{name}()\n_shown[{name!r}] = (_x, _control_values(_x))\n_x") for name in FACTORIES]
    nb.cells.append(nbformat.v4.new_code_cell(GALLERY_DRIFT))
    rel = "widget_gallery.ipynb"
    nbformat.write(nb, nb_root / rel)
    run_in_browser(browser_context, jupyter, nb_root, rel, "nb7", artifacts,
                   readme_dir=_readme_dir(), width=1000, drift_cell=True)


# Notebooks a learner must never see, and what the checks above must say about them.
BROKEN = {
    "error": ("1 / 0", "셀 오류: .*ZeroDivisionError"),
    "repr": ("import ipywidgets as W\nprint(W.VBox([W.IntSlider(description='x')]))",
             "위젯 대신 글자"),
    "model": (("display({'application/vnd.jupyter.widget-view+json': {'model_id': 'f' * 32,"
              " 'version_major': 2, 'version_minor': 0}, 'text/plain': 'VBox()'}, raw=True)"),
              "위젯이 그려지지 않았습니다"),
    "dead": ("import ipywidgets as W\nW.VBox([W.IntSlider(description='x'), W.HTML('그대로')])",
             "출력이 바뀌지 않습니다"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_the_checks_catch_a_broken_notebook(kind, jupyter, browser_context, nb_root, artifacts):
    """The harness itself: each kind of breakage fails with its own Korean message."""
    code, message = BROKEN[kind]
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(code)]
    rel = f"broken_{kind}.ipynb"
    nbformat.write(nb, nb_root / rel)
    kept = [len(x) for x in (RUN.screenshots, RUN.notes, RUN.controls, RUN.timings)]
    with pytest.raises(AssertionError, match=message):
        run_in_browser(browser_context, jupyter, nb_root, rel, "lab", artifacts,
                       name=f"broken_{kind}-expected")
    for n, x in zip(kept, (RUN.screenshots, RUN.notes, RUN.controls, RUN.timings)):
        del x[n:]                                 # expected failures: not in the summary
