"""Build hooks: the wheel carries the shipped data and the prebuilt JupyterLab extension.

- resources/mnist and resources/models go into the wheel as mnistlab/_resources/.
  The shipped files stay at the repository's top level (resources/); an editable
  install reads them there (mnistlab/resources.py), a wheel or ``pip install .``
  gets copies inside the package.
- The JupyterLab / Notebook 7 extension, built from labextension/ by ``make
  labextension`` into mnistlab/labextension/ (committed, so no install needs
  Node.js), goes to share/jupyter/labextensions/mnistlab-labextension/, where
  Jupyter finds it; the editable install (``make lab``) gets a copy there too.

Everything else is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.editable_wheel import editable_wheel

SHIPPED = ("mnist/*.gz", "mnist/SHA256SUMS", "mnist/README.md", "models/*.npz")
LABEXTENSION = "mnistlab-labextension"
LABEXTENSION_BUILT = Path("mnistlab", "labextension")


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


class EditableWheelWithData(editable_wheel):
    """An editable install that installs the data files (the extension) as a wheel does.

    setuptools means to (``_run_install("data")``) but asks the distribution for
    ``has_data()``, which does not exist (it is ``has_data_files()``), and skips them.
    tests/test_labextension.py notices when the extension is not installed.
    """

    def _run_install(self, category):
        if category == "data" and self.distribution.has_data_files():
            self.run_command("install_data")
        else:
            super()._run_install(category)


def labextension_files() -> list[tuple[str, list[str]]]:
    """(folder under sys.prefix, its files) for each folder of the built extension."""
    target = Path("share", "jupyter", "labextensions", LABEXTENSION)
    folders = sorted([LABEXTENSION_BUILT, *(p for p in LABEXTENSION_BUILT.rglob("*") if p.is_dir())])
    return [((target / d.relative_to(LABEXTENSION_BUILT)).as_posix(),
             sorted(f.as_posix() for f in d.iterdir() if f.is_file())) for d in folders]


setup(cmdclass={"build_py": BuildPyWithResources, "editable_wheel": EditableWheelWithData},
      data_files=labextension_files())
