"""labextension-rise/: the prebuilt lab extension that makes widgets live on RISE slides.

Its build output (prebuilt/) is committed; these checks catch a build that no longer
matches its package.json, a build that stopped offering @jupyterlab/console to the
page, and an environment where `make` did not install it (tests/browser/test_rise.py
shows what it is for; tests/test_wheel.py that a wheel installs it).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "labextension-rise"
BUILT = SOURCE / "prebuilt"
NAME = "mnistlab-rise-widgets"


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def source_fingerprint(source: Path, patterns: tuple[str, ...]) -> str:
    """What ``sha256sum`` writes for the source files (the make target stores it with the build)."""
    return "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(source).as_posix()}\n"
                   for pattern in patterns for p in sorted(source.glob(pattern)))


def test_the_build_is_of_this_source():
    """make labextension-rise stores the source's sha256 with the build: any change since fails here."""
    now = source_fingerprint(SOURCE, ("package.json", "package-lock.json", "src/*.js"))
    assert (BUILT / "source.sha256").read_text(encoding="utf-8") == now, \
        "labextension-rise/ 가 빌드한 뒤에 바뀌었습니다: make labextension-rise 로 다시 빌드하세요"


def test_the_build_is_of_this_package_json():
    source, built = _json(SOURCE / "package.json"), _json(BUILT / "package.json")
    build_info = built["jupyterlab"].pop("_build")
    assert built == source, "labextension-rise/package.json 이 바뀌었습니다: make labextension-rise"
    assert source["name"] == NAME
    assert (BUILT / build_info["load"]).is_file(), build_info
    assert build_info["extension"] == "./extension"


def test_the_build_offers_the_console_module_below_any_jupyterlab_4():
    """Registered as 4.0.0: JupyterLab (≥ 4.1) and Notebook 7 keep their own console."""
    entry = (BUILT / _json(BUILT / "package.json")["jupyterlab"]["_build"]["load"]).read_text()
    offered = re.findall(r'\("(@jupyterlab/console)","([^"]+)"', entry)
    assert offered == [("@jupyterlab/console", "4.0.0")], offered
    shared = _json(SOURCE / "package.json")["jupyterlab"]["sharedPackages"]
    assert shared["@jupyterlab/console"] == {"bundled": True, "singleton": True, "version": "4.0.0"}


def test_make_installed_the_current_build_into_this_environment():
    installed = Path(sys.prefix, "share", "jupyter", "labextensions", NAME)
    assert (installed / "package.json").is_file(), \
        f"{installed} 가 없습니다: make test (또는 pip install .) 로 설치하세요"
    assert _json(installed / "package.json") == _json(BUILT / "package.json"), \
        "설치된 확장이 labextension-rise/prebuilt 와 다릅니다: make test 가 다시 설치합니다"
    assert _json(installed / "install.json")["packageName"] == "mnistlab"
