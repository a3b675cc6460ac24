"""슬라이드: static reveal.js decks of the notebooks that work offline (``make slides``).

``python -m mnistlab.slides [OUT]`` writes one ``<notebook>.slides.html`` per
notebook into OUT (default ``slides/``, git-ignored) and every script, style and
font the decks need into ``OUT/lib/``, fetched once from the npm registry
(``npm pack``). A deck then opens from the folder with no network: reveal.js,
MathJax, require.js, jQuery and Font Awesome are local, widgets show as their
PNG snapshots (the notebook's saved widget state is left out, so no widget
script is loaded from a CDN). Live slides: RISE in JupyterLab (``make lab``, then
the notebook's "Render as slides" button) runs code on the slides, but its 0.43
release does not draw ipywidgets 8 views (jupyterlab-contrib/rise#119), so a
widget shows its snapshot there too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# npm package -> folder under lib/ (versions the nbconvert reveal template works with)
ASSETS = {
    "reveal.js@4.6.1": "reveal.js",
    "mathjax@2.7.9": "mathjax",
    "requirejs@2.3.7": "requirejs",
    "jquery@3.7.1": "jquery",
    "font-awesome@4.7.0": "font-awesome",
}
# The template imports mermaid (diagrams) in every deck; the series has none, so an
# empty module written inline (a file:// module would be refused by the browser).
MERMAID_STUB = "data:text/javascript,export%20default%20%7Binitialize()%7B%7D%7D%3B"


def exporter_config(lib: str = "lib") -> dict:
    """nbconvert settings that point every asset of a deck at `lib` (relative to the deck)."""
    return {
        "SlidesExporter": {
            "reveal_url_prefix": f"{lib}/reveal.js",
            "reveal_scroll": True,
            "reveal_theme": "white",          # its font is bundled (others load Google Fonts)
            "require_js_url": f"{lib}/requirejs/require.js",
            "mathjax_url": f"{lib}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
            "jquery_url": f"{lib}/jquery/dist/jquery.min.js",
            "font_awesome_url": f"{lib}/font-awesome/css/font-awesome.css",
        },
        # Without the saved widget state nbconvert shows each widget's PNG snapshot.
        "ClearMetadataPreprocessor": {"enabled": True, "clear_cell_metadata": False},
    }


def fetch_assets(lib: Path) -> None:
    """Unpack the npm packages of ASSETS into `lib` (skipped for those already there)."""
    lib.mkdir(parents=True, exist_ok=True)
    missing = {spec: name for spec, name in ASSETS.items() if not (lib / name).is_dir()}
    if not missing:
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("슬라이드의 reveal.js·MathJax 를 받으려면 npm 이 필요합니다 "
                         "(Debian/Ubuntu: sudo apt-get install npm). 한 번 받으면 인터넷 없이 씁니다.")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([npm, "pack", "--silent", "--pack-destination", tmp, *missing],
                       check=True, stdout=subprocess.DEVNULL)
        for (_spec, name), tgz in zip(missing.items(), _tarballs(Path(tmp), missing)):
            unpack(tgz, Path(tmp) / name)
            shutil.move(Path(tmp) / name / "package", lib / name)


def unpack(tgz: Path, dest: Path) -> None:
    """Extract an npm tarball into `dest`, refusing members that would land outside it.

    Python 3.11.4+ does this with ``extractall(filter="data")``; Debian 12's own Python is
    3.11.2, which has no ``filter`` argument, so the same rule is applied member by member.
    """
    with tarfile.open(tgz) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(dest, filter="data")
            return
        root = dest.resolve()
        for member in tar.getmembers():
            target = (dest / member.name).resolve()
            if not (member.isfile() or member.isdir()) or not target.is_relative_to(root):
                raise SystemExit(f"슬라이드 자료 {tgz.name} 에 풀 수 없는 항목이 있습니다: {member.name}")
            member.mode = (member.mode | 0o600) & 0o755 if member.isfile() else 0o755
        tar.extractall(dest)


def _tarballs(folder: Path, specs: dict) -> list[Path]:
    """The tarball `npm pack` wrote for each spec (named <package>-<version>.tgz)."""
    found = []
    for spec in specs:
        package, version = spec.rsplit("@", 1)
        found.append(folder / f"{package.lstrip('@').replace('/', '-')}-{version}.tgz")
    return found


def build(out: Path, notebooks: list[Path] | None = None, fetch: bool = True) -> list[Path]:
    """Write a deck for each notebook into `out`; returns the deck paths."""
    import json

    from nbconvert import SlidesExporter
    from traitlets.config import Config

    from mnistlab.a11y import add_image_alts

    out.mkdir(parents=True, exist_ok=True)
    if fetch:
        fetch_assets(out / "lib")
    exporter = SlidesExporter(config=Config(exporter_config()))
    # not configurable in nbconvert 7 (no config tag), so set on the exporter itself
    exporter.mermaid_js_url = exporter.mermaid_layout_elk_js_url = MERMAID_STUB
    decks = []
    for nb in notebooks or sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        body, _ = exporter.from_filename(str(nb))
        body = add_image_alts(body, json.loads(nb.read_text(encoding="utf-8")))   # figures' alt
        deck = out / f"{nb.stem}.slides.html"
        deck.write_text(body, encoding="utf-8")
        decks.append(deck)
    return decks


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else REPO / "slides"
    for deck in build(out):
        print(f"슬라이드: {deck}")


if __name__ == "__main__":
    main(sys.argv[1:])
