"""The package works outside the repository: build the wheel, install it, run the series.

The sdist is built from a copy of the source tree (so nothing is left in the
checkout), the wheel from the sdist (so both carry the shipped files), and the
wheel is installed with pip into a fresh virtual environment in a
temporary folder. That environment sees the test environment's third-party
packages (numpy, matplotlib, Jupyter …) through a .pth file, so the test needs
no network, but mnistlab itself comes only from the wheel: the editable install's
finder is not active there. The wheel also brings the prebuilt JupyterLab extension
into the environment's share/jupyter/labextensions/, where JupyterLab lists it.
The notebooks are copied alone into an empty folder and every one runs from a fresh
kernel under nbval (lax mode, checked outputs).
Slow (about a minute and a half): it is the learner's `pip install` + Run All.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                                    "artifacts", ".ipynb_checkpoints", "_resources", "notebooks",
                                    "node_modules")


def run(*cmd, **kw) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], check=False, capture_output=True, text=True, **kw)
    assert result.returncode == 0, f"{cmd}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The python of a fresh venv holding mnistlab installed from its freshly built wheel."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)
    run(sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", tmp / "dist", source)
    sdist, = (tmp / "dist").glob("mnistlab-*.tar.gz")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
        "-w", tmp / "dist", sdist)
    wheel, = (tmp / "dist").glob("mnistlab-*.whl")
    venv = tmp / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
                .stdout.strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
        "-q", wheel)
    return python


def test_installed_package_carries_data_network_and_fonts(installed, tmp_path):
    probe = ("import mnistlab as ml, mnistlab.data as d, mnistlab.network as n, mnistlab.korean as k;"
             "print(ml.__file__); print(d.data_dir()); print(n.PRETRAINED_FILE.is_file());"
             "print(sorted(p.name for p in k.FONT_DIR.glob('*.ttf')));"
             "print(ml.load_mnist('test')[1][:5].tolist())")
    env = {**os.environ, "MNISTLAB_CACHE": str(tmp_path / "cache")}
    env.pop("MNISTLAB_DATA", None)
    out = run(installed, "-c", probe, cwd=tmp_path, env=env).stdout.splitlines()
    assert Path(out[0]).is_relative_to(installed.parents[1])        # not the checkout
    assert out[1].endswith("mnistlab/_resources/mnist")
    assert out[2:] == ["True", "['NanumGothic.ttf', 'NanumGothicBold.ttf']", "[7, 2, 1, 0, 4]"]


def test_the_wheel_installs_the_jupyterlab_extension(installed, tmp_path):
    """The built extension lands where Jupyter looks, whole; JupyterLab lists it (no Node.js)."""
    venv = installed.parents[1]
    share = venv / "share" / "jupyter" / "labextensions" / "mnistlab-labextension"
    built = REPO / "mnistlab" / "labextension"
    assert {p.relative_to(share): p.read_bytes() for p in share.rglob("*") if p.is_file()} == \
        {p.relative_to(built): p.read_bytes() for p in built.rglob("*") if p.is_file()}
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env |= {"JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_DATA_DIR": str(tmp_path / "data")}
    result = run(installed, "-m", "jupyterlab.labextensions", "list", cwd=tmp_path, env=env)
    listing = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
    assert str(share.parent) in listing, listing
    assert re.search(r"mnistlab-labextension v\S+ enabled\s+OK \(python, mnistlab\)", listing), listing


def test_the_wheel_installs_the_rise_lab_extension(installed):
    """share/jupyter/labextensions/mnistlab-rise-widgets/: where Jupyter finds it (live slides)."""
    built = REPO / "labextension-rise" / "prebuilt"
    target = installed.parents[1] / "share" / "jupyter" / "labextensions" / "mnistlab-rise-widgets"
    expected = sorted(str(p.relative_to(built)) for p in built.rglob("*") if p.is_file())
    expected += ["LICENSE-jupyterlab.txt", "install.json"]
    got = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert got == sorted(expected)
    listing = run(installed, "-c", "import sys; from jupyterlab.labextensions import main;"
                  " sys.argv = ['jupyter-labextension', 'list']; main()").stderr
    assert re.search(r"mnistlab-rise-widgets v0\.1\.0 .*enabled.*OK.*\(python, mnistlab\)", listing), listing


def test_every_notebook_runs_from_an_empty_folder_with_the_installed_wheel(installed, tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    for nb in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        shutil.copy(nb, folder / nb.name)
    env = {**os.environ, "MNISTLAB_CACHE": str(tmp_path / "cache"), "MPLBACKEND": "Agg"}
    env.pop("MNISTLAB_DATA", None)
    result = subprocess.run(
        [installed, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
         "--nbval-current-env", "--nbval-cell-timeout=300", "--rootdir", folder, folder],
        check=False, cwd=folder, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-5000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
