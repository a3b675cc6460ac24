"""정적 웹 페이지: every notebook as one HTML page that works offline (``make html``).

``jupyter nbconvert --to html`` loads MathJax from a CDN (offline, every formula stays raw
LaTeX) and gives every picture the English alt "No description has been provided for this
image". These pages load MathJax from ``OUT/lib`` (fetched once with npm, as for ``make
slides``) and give each picture its Korean text alternative: the ``alt`` that mnistlab puts in
an output's metadata (figures and widget snapshots), else one naming the section it belongs to.

    python tools/webpages.py [OUT]        # default html/
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mnistlab.a11y import add_image_alts  # noqa: E402
from mnistlab.slides import fetch_assets  # noqa: E402

MATHJAX = "lib/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
ENGLISH_ALT = "No description has been provided for this image"


def picture_alts(nb) -> dict[str, str]:
    """PNG (base64, as nbconvert writes it into the page) → the alt to use where its output
    carries none: the cell's ``alt`` metadata, else one naming the section it belongs to."""
    alts, section = {}, ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith(("# ", "## ", "### ")):
                    section = line.lstrip("#").strip()
            continue
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if not png:
                continue
            alt = cell.metadata.get("alt") or f"「{section}」의 그림"
            alts["".join(png).strip()] = alt
    return alts


def page(path: Path) -> str:
    """One notebook as an offline HTML page with Korean alternatives for its pictures."""
    import nbformat
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("widgets", None)          # no widget state: widgets show as their snapshots
    exporter = HTMLExporter(config=Config({"HTMLExporter": {
        "mathjax_url": MATHJAX, "require_js_url": "lib/requirejs/require.js"}}))
    body, _ = exporter.from_notebook_node(nb)
    body = add_image_alts(body, nb)            # the alts the outputs carry (figures, snapshots)
    soup = BeautifulSoup(body, features="html.parser")
    alts = picture_alts(nb)
    for img in soup.find_all("img"):
        if img.get("alt") not in (None, "", ENGLISH_ALT):
            continue
        src = img.get("src", "")
        data = src.split(",", 1)[1] if src.startswith("data:image/png;base64,") else None
        img["alt"] = alts.get(data, "그림")
    soup.html["lang"] = "ko"
    return str(soup)


def build(out: Path, notebooks: list[Path] | None = None, fetch: bool = True) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    if fetch:
        fetch_assets(out / "lib")
    written = []
    for nb in notebooks or sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        target = out / f"{nb.stem}.html"
        target.write_text(page(nb), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for written in build(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "html"):
        print(f"웹 페이지: {written}")
