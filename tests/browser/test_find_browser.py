"""Browser discovery: Playwright's own Chromium, then PATH, then the usual places, else none."""

from __future__ import annotations

from pathlib import Path

import find_browser
import pytest


@pytest.fixture
def nowhere(tmp_path, monkeypatch) -> Path:
    """A machine with no browser: empty PATH, no Playwright download, no known paths."""
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "playwright"))
    monkeypatch.delenv("MNISTLAB_CHROMIUM", raising=False)
    monkeypatch.setattr(find_browser, "KNOWN_PATHS", ())
    find_browser.find_chromium.cache_clear()
    yield tmp_path
    find_browser.find_chromium.cache_clear()


def fake_browser(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return str(path)


def test_no_browser_anywhere_finds_none(nowhere):
    assert find_browser.find_chromium() is None


@pytest.mark.parametrize("name", find_browser.ON_PATH)
def test_a_browser_on_path_is_found(nowhere, name):
    expected = fake_browser(nowhere / "bin" / name)
    assert find_browser.find_chromium() == expected


def test_playwrights_own_chromium_comes_first(nowhere):
    on_path = fake_browser(nowhere / "bin" / "chromium")
    own = find_browser._playwright_chromium()
    assert own and Path(own).is_relative_to(nowhere / "playwright")
    fake_browser(Path(own))
    assert find_browser.find_chromium() == own != on_path


def test_a_known_install_path_is_found(nowhere, monkeypatch):
    debian = fake_browser(nowhere / "usr" / "bin" / "chromium")
    monkeypatch.setattr(find_browser, "KNOWN_PATHS", (debian,))
    assert find_browser.find_chromium() == debian


def test_mnistlab_chromium_names_exactly_the_browser_to_use(nowhere, monkeypatch):
    fake_browser(nowhere / "bin" / "chromium")
    mine = fake_browser(nowhere / "mine" / "chrome")
    monkeypatch.setenv("MNISTLAB_CHROMIUM", mine)
    assert find_browser.find_chromium() == mine
    find_browser.find_chromium.cache_clear()
    monkeypatch.setenv("MNISTLAB_CHROMIUM", str(nowhere / "missing"))
    assert find_browser.find_chromium() is None
