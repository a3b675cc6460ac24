"""environment.yml and pyproject.toml list the same runtime dependencies; the check works."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import mnistlab as ml

ROOT = Path(__file__).resolve().parents[1]
NOT_PACKAGES = {"python", "pip"}


def _name_and_spec(requirement: str) -> tuple[str, str]:
    m = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def pyproject_deps() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return dict(_name_and_spec(r) for r in project["dependencies"])


def environment_deps() -> dict[str, str]:
    """The conda packages of environment.yml (top-level '  - name spec' entries)."""
    deps, inside = {}, False
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("dependencies:"):
            inside = True
            continue
        if inside and re.match(r"^\S", line):
            break
        m = re.match(r"^  - ([^:#]+?)\s*$", line)
        if inside and m:
            name, spec = _name_and_spec(m.group(1))
            if name not in NOT_PACKAGES:
                deps[name] = spec
    return deps


def test_environment_yml_and_pyproject_list_the_same_dependencies():
    py, env = pyproject_deps(), environment_deps()
    assert py, "pyproject.toml lists no dependencies"
    assert set(py) == set(env), (
        f"only in pyproject.toml: {sorted(set(py) - set(env))}; "
        f"only in environment.yml: {sorted(set(env) - set(py))}")
    assert py == env, "the version bounds differ"


def test_environment_yml_installs_the_package_itself():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "- -e ." in text and "conda-forge" in text


def test_environment_check_passes_here_and_renders_korean_html():
    report = ml.check_environment()
    assert report.ok, str(report)
    names = [c.name for c in report.checks]
    assert names == ["파이썬", "MNIST 데이터", "한글 글꼴", "위젯(ipywidgets)"]
    assert "모든 점검을 통과했습니다" in report._repr_html_()


def test_environment_check_explains_missing_data(tmp_path, monkeypatch):
    monkeypatch.setenv("MNISTLAB_DATA", str(tmp_path))
    report = ml.check_environment()
    assert not report.ok
    text = str(report)
    assert "[문제] MNIST 데이터" in text and "git checkout -- resources/mnist" in text
