"""Static views show pictures: nbconvert's HTML (what nbviewer and static hosts use) shows
each widget's PNG snapshot in its place, as an inline image that needs no network.

The notebooks are exported as JupyterLab saves them (its default keeps no widget
state) and as ``make notebooks`` leaves them once it runs with
``--ExecutePreprocessor.store_widget_state=False``: with a saved widget state
nbconvert would instead emit a widget script loaded from a CDN (empty offline).
"""

from __future__ import annotations

from html import escape as html_escape
from pathlib import Path

import nbformat
import pytest
from nbconvert import HTMLExporter

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


EXPLORER = "노트북을 실행하면 움직이는 위젯이 나타납니다"    # text/plain of every mnistlab widget


def widget_outputs(nb) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if WIDGET_MIME in o.get("data", {})]


def check_static_html(nb, name: str, exporter: HTMLExporter) -> None:
    """Each mnistlab widget shows its PNG inline; any other widget (a tqdm bar) its text."""
    nb.metadata.pop("widgets", None)
    html, _ = exporter.from_notebook_node(nb)
    for n, out in enumerate(widget_outputs(nb), 1):
        data = out["data"]
        if EXPLORER in data.get("text/plain", ""):
            assert "image/png" in data, f"{name}: 위젯 출력 {n} 에 정지 화면(PNG)이 없습니다"
            png = data["image/png"].replace("\n", "")
            assert f'src="data:image/png;base64,{png[:200]}' in html, (
                f"{name}: HTML 에 위젯 {n} 의 정지 화면 그림이 없습니다")
        else:
            text = data.get("text/plain", "").splitlines()[0]
            assert html_escape(text) in html, f"{name}: HTML 에 위젯 {n} 의 글({text!r})이 없습니다"
    assert "widget-view+json" not in html, f"{name}: HTML 이 위젯 스크립트(CDN)를 씁니다"


@pytest.fixture(scope="module")
def exporter() -> HTMLExporter:
    return HTMLExporter()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_html_export_shows_every_widget_as_its_snapshot(path, exporter):
    check_static_html(nbformat.read(path, as_version=4), path.name, exporter)


def test_the_check_fails_when_a_widget_has_no_picture(exporter):
    """A mnistlab widget output without its PNG is caught."""
    nb = nbformat.v4.new_notebook()
    out = nbformat.v4.new_output("display_data", data={
        WIDGET_MIME: {"model_id": "f" * 32, "version_major": 2, "version_minor": 0},
        "text/plain": f"[숫자 브라우저] {EXPLORER}"})
    nb.cells = [nbformat.v4.new_code_cell("digit_browser()", outputs=[out])]
    with pytest.raises(AssertionError, match="정지 화면"):
        check_static_html(nb, "broken.ipynb", exporter)
