"""Where the shipped files are: the MNIST IDX files and the trained network.

In the repository they live in ``resources/`` at the top level; a built wheel or
a plain ``pip install .`` carries the same files inside the package as
``mnistlab/_resources/`` (setup.py maps them there at build time). Everything
that reads a shipped file asks :func:`resource_dir`, so both kinds of install
behave the same.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
INSTALLED = _PACKAGE / "_resources"           # wheel / pip install .
REPOSITORY = _PACKAGE.parent / "resources"    # editable install, source checkout


def resource_dir(kind: str) -> Path:
    """The folder of one kind of shipped file: ``"mnist"`` or ``"models"``."""
    installed = INSTALLED / kind
    return installed if installed.is_dir() else REPOSITORY / kind
