"""Build hook: the wheel carries resources/mnist and resources/models as mnistlab/_resources/,
and the prebuilt JupyterLab extension(s) under share/jupyter/labextensions/.

The shipped files stay at the repository's top level (resources/); an editable
install reads them there (mnistlab/resources.py), a wheel or ``pip install .``
gets copies inside the package. Everything else is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("mnist/*.gz", "mnist/SHA256SUMS", "mnist/README.md", "models/*.npz")

# Prebuilt lab extensions: name -> source folder, whose prebuilt/ (made by `make labextension-rise`,
# committed) is installed, with the folder's install.json and LICENSE* files, into
# share/jupyter/labextensions/<name>/ where JupyterLab, Notebook 7 and RISE find it.
LABEXTENSIONS = {"mnistlab-rise-widgets": Path("labextension-rise")}


def labextension_data_files() -> list[tuple[str, list[str]]]:
    files = []
    for name, source in LABEXTENSIONS.items():
        target = Path("share", "jupyter", "labextensions", name)
        files.append((str(target), [str(p) for p in [source / "install.json",
                                                     *sorted(source.glob("LICENSE*"))]]))
        built = [p for p in sorted((source / "prebuilt").rglob("*")) if p.is_file()]
        for folder in sorted({p.parent for p in built}):
            files.append((str(target / folder.relative_to(source / "prebuilt")),
                          [str(p) for p in built if p.parent == folder]))
    return files


class BuildPyWithResources(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib, "mnistlab", "_resources")
        for pattern in SHIPPED:
            for source in sorted(Path("resources").glob(pattern)):
                copy = target / source.relative_to("resources")
                self.mkpath(str(copy.parent))
                self.copy_file(str(source), str(copy))


setup(cmdclass={"build_py": BuildPyWithResources}, data_files=labextension_data_files())
