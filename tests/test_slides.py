"""make slides: static reveal.js decks that reference no asset on the network.

The decks are built here without fetching the npm packages (no network in tests);
what is checked is where every script, style, font and image of a deck comes from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mnistlab import slides

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
# Where a page loads something from: src/href attributes, CSS url()/@import, JS imports,
# and the module list require.js is given.
ASSET_REFS = re.compile(
    r"""(?:\bsrc|<link[^>]*\bhref)\s*=\s*["']([^"']+)["']"""
    r"""|url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)"""
    r"""|\bimport\s+\w+\s+from\s+["']([^"']+)["']|require\(\s*(?:\{[^}]*\},\s*)?\[([^\]]*)\]""")


def asset_references(html: str) -> list[str]:
    refs = []
    for m in ASSET_REFS.finditer(html):
        *single, modules = m.groups()
        refs += [g.strip() for g in single if g]
        if modules:                                       # require(["a", "b"], …)
            refs += [x.strip().strip("\"'") for x in modules.split(",")]
    return [r for r in refs if r and not r.startswith(("#", "data:"))]


def remote(refs: list[str]) -> list[str]:
    return [r for r in refs if re.match(r"(https?:)?//", r)]


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> list[Path]:
    return slides.build(tmp_path_factory.mktemp("slides"), NOTEBOOKS, fetch=False)


def test_a_deck_per_notebook(decks):
    assert [d.name for d in decks] == [f"{nb.stem}.slides.html" for nb in NOTEBOOKS]


@pytest.mark.parametrize("index", range(len(NOTEBOOKS)), ids=[nb.stem for nb in NOTEBOOKS])
def test_the_deck_loads_nothing_from_the_network(decks, index):
    html = decks[index].read_text(encoding="utf-8")
    refs = asset_references(html)
    assert not remote(refs), f"{decks[index].name}: 인터넷에서 받는 자원 {remote(refs)}"
    local = [r for r in refs if not r.startswith("lib/") and "reveal.js" not in r]
    assert not local, f"{decks[index].name}: lib/ 밖의 파일을 참조합니다 {local}"
    folders = {r.split("/")[1] for r in refs if r.startswith("lib/")}
    assert folders <= set(slides.ASSETS.values()), folders
    assert "lib/reveal.js/dist/reveal.css" in refs
    assert "application/vnd.jupyter.widget-view+json" not in html   # widgets: their PNG


def test_the_check_sees_a_cdn_reference():
    html = ("<script src='https://cdn.example/x.js'></script>"
            "<style>@import url(https://fonts.example/css);</style>"
            "<script type=module>import mermaid from 'https://cdn.example/m.mjs';</script>")
    assert len(remote(asset_references(html))) == 3


def _tarball(tmp_path: Path, names: dict[str, bytes]) -> Path:
    import io
    import tarfile

    tgz = tmp_path / "pkg.tgz"
    with tarfile.open(tgz, "w:gz") as tar:
        for name, data in names.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return tgz


@pytest.mark.parametrize("python_3_11_2", [False, True])
def test_npm_tarballs_unpack_on_every_supported_python(tmp_path, monkeypatch, python_3_11_2):
    """make slides unpacks npm tarballs; Debian 12's Python 3.11.2 has no extractall(filter=…)."""
    import tarfile

    if python_3_11_2:
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    tgz = _tarball(tmp_path, {"package/package.json": b"{}", "package/dist/reveal.js": b"x"})
    slides.unpack(tgz, tmp_path / "out")
    assert (tmp_path / "out" / "package" / "dist" / "reveal.js").read_bytes() == b"x"


@pytest.mark.parametrize("python_3_11_2", [False, True])
def test_a_tarball_member_outside_the_folder_is_refused(tmp_path, monkeypatch, python_3_11_2):
    import tarfile

    if python_3_11_2:
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    tgz = _tarball(tmp_path, {"package/ok.js": b"x", "../evil.js": b"y"})
    with pytest.raises((SystemExit, tarfile.TarError)):
        slides.unpack(tgz, tmp_path / "out")
    assert not (tmp_path / "evil.js").exists()
