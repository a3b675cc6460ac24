"""Build hooks: the wheel carries the shipped data and the prebuilt JupyterLab extensions.

- resources/mnist and resources/models go into the wheel as mnistlab/_resources/.
  The shipped files stay at the repository's top level (resources/); an editable
  install reads them there (mnistlab/resources.py), a wheel or ``pip install .``
  gets copies inside the package.
- The prebuilt JupyterLab / Notebook 7 extensions (committed, so no install needs
  Node.js) go to share/jupyter/labextensions/<name>/, where Jupyter and RISE find
  them; the editable install (``make lab``) gets copies there too:
  mnistlab-labextension (built from labextension/ by ``make labextension`` into
  mnistlab/labextension/: the Korean notice on a widget whose kernel is gone) and
  mnistlab-rise-widgets (labextension-rise/, ``make labextension-rise``: live
  widgets on RISE slides).

- ipython/ipython_kernel_config.py goes to etc/ipython/, where every IPython kernel of the
  environment reads it: it loads the mnistlab.notebook extension (the Korean NameError)
  before the first cell, so a cell run before the setup cell or after a restart is covered.

Everything else is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.editable_wheel import editable_wheel

SHIPPED = ("mnist/*.gz", "mnist/SHA256SUMS", "mnist/README.md", "models/*.npz")
RISE = Path("labextension-rise")
# name -> (folder of the built extension, files installed beside it)
LABEXTENSIONS = {
    "mnistlab-labextension": (Path("mnistlab", "labextension"), []),
    "mnistlab-rise-widgets": (RISE / "prebuilt",
                              [RISE / "install.json", RISE / "LICENSE-jupyterlab.txt"]),
}


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
    """(folder under sys.prefix, its files) for each folder of each built extension."""
    files = []
    for name, (built, beside) in LABEXTENSIONS.items():
        target = Path("share", "jupyter", "labextensions", name)
        folders = sorted([built, *(p for p in built.rglob("*") if p.is_dir())])
        for d in folders:
            inside = sorted(f.as_posix() for f in d.iterdir() if f.is_file())
            if d == built:
                inside += [f.as_posix() for f in beside]
            files.append(((target / d.relative_to(built)).as_posix(), inside))
    return files


IPYTHON_CONFIG = ("etc/ipython", ["ipython/ipython_kernel_config.py"])

setup(cmdclass={"build_py": BuildPyWithResources, "editable_wheel": EditableWheelWithData},
      data_files=[*labextension_files(), IPYTHON_CONFIG])
