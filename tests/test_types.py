"""mypy passes on the lesson's math and data layers (formulas, network, data, logistic, neuron,
descent), with every function annotated: the files and options are [tool.mypy] in pyproject."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_passes_on_the_math_and_data_layers():
    out = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success" in out.stdout and "6 source files" in out.stdout
