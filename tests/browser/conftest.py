"""Fixtures for the real-browser tests: one Jupyter server and one Chromium for the module.

Module scope: both stop before pytest moves on (e.g. to nbval), so Playwright's event
loop never meets the notebook runner's.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict
from pathlib import Path

import pytest
from browser_report import ARTIFACTS, RUN, summary
from find_browser import (
    HOW_TO_ENABLE,
    MISSING_IN_CI,
    SKIP_REASON,
    browser_required,
    find_chromium,
)
from nbserver import JupyterServer

REPO = Path(__file__).resolve().parents[2]
# Without the networking flags Chromium keeps trying to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def artifacts() -> Path:
    """tests/browser/artifacts/ (git-ignored), emptied of the previous run's files."""
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.iterdir():
        if old.is_file():
            old.unlink()
    return ARTIFACTS


@pytest.fixture(scope="module")
def nb_root(tmp_path_factory) -> Path:
    """A temporary root holding COPIES of notebooks/ and resources/ (same relative layout)."""
    root = tmp_path_factory.mktemp("jupyter-root")
    shutil.copytree(REPO / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(REPO / "resources", root / "resources",
                    ignore=shutil.ignore_patterns("screenshots"))
    return root


@pytest.fixture(scope="module")
def chromium() -> str:
    """The browser to drive; without one the test is skipped (or fails when it is required)."""
    path = find_chromium()
    if path is None:
        if browser_required():
            pytest.fail(MISSING_IN_CI)
        pytest.skip(SKIP_REASON)
    return path


@pytest.fixture(scope="module")
def jupyter(chromium, nb_root, tmp_path_factory):
    server = JupyterServer(nb_root, tmp_path_factory.mktemp("jupyter-state")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser_context(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
        context.set_default_timeout(60_000)
        yield context
        context.close()
        browser.close()


def pytest_terminal_summary(terminalreporter):
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if SKIP_REASON in str(getattr(r, "longrepr", ""))]
    if skipped:
        terminalreporter.write_line(
            f"브라우저 테스트 {len(skipped)}개를 건너뛰었습니다(Chromium 없음). {HOW_TO_ENABLE}")
    if RUN.controls or RUN.screenshots or RUN.timings:
        text = summary()
        terminalreporter.write_sep("=", "browser tests")
        terminalreporter.write_line(text)
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "summary.txt").write_text(text + "\n", encoding="utf-8")
        (ARTIFACTS / "latency.json").write_text(json.dumps(
            [{"notebook": nb, "ui": ui, "widget": r.widget, "control": r.control,
              "moves": [asdict(m) for m in r.moves]} for nb, ui, r in RUN.controls],
            ensure_ascii=False, indent=1), encoding="utf-8")
