"""One version string: pyproject.toml's, read back with importlib.metadata."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import mnistlab as ml

ROOT = Path(__file__).resolve().parents[1]


def test_one_version_string():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert ml.__version__ == version("mnistlab") == declared
