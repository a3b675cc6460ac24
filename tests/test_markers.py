"""The markers are registered and applied by path, so a maintainer can steer a run:
``pytest -m "not browser"`` leaves out exactly the browser tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _collected(*args: str) -> set[str]:
    out = subprocess.run([sys.executable, "-m", "pytest", "--co", "-q", "--strict-markers", *args],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    return {line.split("::")[0] for line in out.stdout.splitlines() if "::" in line}


def test_markers_select_by_path():
    browser = _collected("-m", "browser", "tests")
    assert browser and all(p.startswith("tests/browser/") for p in browser)
    rest = _collected("-m", "not browser and not classroom and not slow", "tests")
    assert not any(p.startswith(("tests/browser/", "tests/classroom/")) for p in rest)
    assert "tests/test_network.py" in rest and "tests/test_wheel.py" not in rest
