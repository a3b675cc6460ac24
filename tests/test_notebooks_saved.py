"""The notebooks are committed as `make notebooks` leaves them: run top to bottom from a fresh
kernel, no saved error, no missing-glyph warning (what a learner opening them unexecuted sees)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebook_was_executed_top_to_bottom(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    counts = [c.get("execution_count") for c in code]
    assert counts == list(range(1, len(code) + 1)), f"{path.name}: make notebooks 로 다시 실행하세요"
    for cell in code:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"{path.name}: 저장된 출력이 오류입니다"
            text = "".join(out.get("text", "")) if out.get("output_type") == "stream" else ""
            assert not ("Glyph" in text and "missing" in text), f"{path.name}: 글꼴에 없는 글자"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_stale_widget_state_is_saved(path):
    """make notebooks drops the widget state: widgets show as their outputs' PNG snapshots, and
    an old state (with an earlier run's colours and numbers) cannot linger in the file."""
    assert "widgets" not in json.loads(path.read_text(encoding="utf-8"))["metadata"]
