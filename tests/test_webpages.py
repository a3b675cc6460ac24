"""make html: each notebook as a web page that loads nothing from the network and describes
every picture in Korean (nbconvert's own page loads MathJax from a CDN and says "No description")."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "tests"))

import webpages  # noqa: E402
from test_slides import asset_references, remote  # noqa: E402

NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return webpages.build(tmp_path_factory.mktemp("html"), NOTEBOOKS, fetch=False)


def test_a_page_per_notebook_loading_nothing_from_the_network(pages):
    assert len(pages) == len(NOTEBOOKS)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not remote(asset_references(html)), page.name
        assert webpages.MATHJAX in html and 'lang="ko"' in html


def test_every_picture_has_a_korean_alternative(pages):
    for page in pages:
        from bs4 import BeautifulSoup

        html = page.read_text(encoding="utf-8")
        alts = [img.get("alt") for img in BeautifulSoup(html, "html.parser").find_all("img")]
        assert alts and all(alts), page.name
        assert webpages.ENGLISH_ALT not in html
        assert all(re.search(r"[가-힣]", a) for a in alts), page.name


def test_a_figure_alt_from_the_output_metadata_wins(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("## 1. 절"),
        nbformat.v4.new_code_cell("fig", outputs=[nbformat.v4.new_output(
            "display_data", data={"image/png": "iVBORw0KGgo="},
            metadata={"image/png": {"alt": "그림: 픽셀 하나로 5 맞히기"}})]),
        nbformat.v4.new_code_cell("fig2", outputs=[nbformat.v4.new_output(
            "display_data", data={"image/png": "iVBORw0KGgoA"})]),
    ])
    path = tmp_path / "00_t.ipynb"
    nbformat.write(nb, path)
    html = webpages.page(path)
    assert 'alt="그림: 픽셀 하나로 5 맞히기"' in html and 'alt="「1. 절」의 그림"' in html
