"""The JupyterLab / Notebook 7 extension is built from its source and installed here.

The extension (labextension/: the Korean notice on a widget whose kernel is gone) is
committed built, in mnistlab/labextension/ (``make labextension``), so that no install
needs Node.js. These checks catch a build that is missing or older than its source, and
an environment where Jupyter does not find it. What it does in a browser is tested in
tests/browser/test_kernel_gone.py; the wheel's copy in tests/test_wheel.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "labextension"
BUILT = REPO / "mnistlab" / "labextension"
NAME = "mnistlab-labextension"
REBUILD = "make labextension 로 다시 빌드하고 mnistlab/labextension/ 을 커밋하세요"


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def source_fingerprint(source: Path, patterns: tuple[str, ...]) -> str:
    """What ``sha256sum`` writes for the source files (the make target stores it with the build)."""
    return "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(source).as_posix()}\n"
                   for pattern in patterns for p in sorted(source.glob(pattern)))


def test_the_build_is_of_this_source():
    """make labextension stores the source's sha256 with the build: any change since fails here."""
    now = source_fingerprint(SOURCE, ("package.json", "package-lock.json", "src/*.js", "style/*.css"))
    assert (BUILT / "source.sha256").read_text(encoding="utf-8") == now, \
        f"labextension/ 이 빌드한 뒤에 바뀌었습니다: {REBUILD}"


def test_the_build_carries_the_source_package_json_and_the_python_version():
    source = json.loads((SOURCE / "package.json").read_text(encoding="utf-8"))
    built = json.loads((BUILT / "package.json").read_text(encoding="utf-8"))
    build = built["jupyterlab"].pop("_build")           # what the builder adds
    assert built == source, f"빌드가 labextension/package.json 과 다릅니다: {REBUILD}"
    assert source["name"] == NAME
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert source["version"] == version, "확장의 버전과 mnistlab 의 버전(pyproject.toml)이 다릅니다"
    assert (BUILT / build["load"]).is_file()
    assert (BUILT / "install.json").read_bytes() == (SOURCE / "install.json").read_bytes()


def test_the_bundle_holds_the_source_text():
    """Every quoted string of src/index.js and the whole style sheet are in the built files."""
    bundle = "".join(p.read_text(encoding="utf-8") for p in (BUILT / "static").glob("*.js"))
    script = "\n".join(p.read_text(encoding="utf-8") for p in sorted((SOURCE / "src").glob("*.js")))
    code = re.sub(r"/\*.*?\*/|(?<!:)//[^\n]*", "", script, flags=re.DOTALL)  # without comments
    strings = [x for x in re.findall(r"'((?:[^'\\\n]|\\.)*)'", code)
               if len(x) >= 3 and not x.startswith("./")]          # not the module paths
    assert "Error displaying widget: model not found" in strings
    assert any("커널과 연결이 끊겼습니다" in s for s in strings)
    assert "data-lm-suppress-shortcuts" in strings and "aria-live" in strings   # src/a11y.js
    stale = [s for s in strings if s not in bundle]
    assert not stale, f"빌드에 없는 src/index.js 의 문자열 {stale[:5]}: {REBUILD}"
    style = (SOURCE / "style" / "index.css").read_text(encoding="utf-8")
    assert style.strip() in bundle, f"빌드의 스타일이 style/index.css 와 다릅니다: {REBUILD}"


def test_jupyter_finds_the_extension_in_this_environment(tmp_path):
    """sys.prefix/share/jupyter/labextensions holds the build (the editable install copies it)."""
    installed = Path(sys.prefix, "share", "jupyter", "labextensions", NAME)
    assert files(installed) == files(BUILT), (
        f"{installed} 에 지금의 빌드가 설치되어 있지 않습니다: make 를 다시 실행하세요 "
        "(pip install -e . 가 복사합니다)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env |= {"JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "jupyter", "labextension", "list"],
                            capture_output=True, text=True, env=env, check=True)
    listing = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
    line = next((x for x in listing.splitlines() if NAME in x), "")
    assert re.search(rf"{NAME} v\S+ enabled\s+OK \(python, mnistlab\)", line), listing
