"""Build hook: the wheel carries resources/mnist and resources/models as mnistlab/_resources/.

The shipped files stay at the repository's top level (resources/); an editable
install reads them there (mnistlab/resources.py), a wheel or ``pip install .``
gets copies inside the package. Everything else is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("mnist/*.gz", "mnist/SHA256SUMS", "mnist/README.md", "models/*.npz")


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


setup(cmdclass={"build_py": BuildPyWithResources})
