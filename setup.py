"""Build step: the wheel carries the repository's top-level ``schemas/`` and ``catalog/`` as package
data (``opendata/_data/``), so they keep ONE source and nothing is committed twice. Everything else
about the build is in pyproject.toml. An editable install reads the top-level directories directly
(``opendata.paths.shipped``)."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
#: top-level directory -> its place in the package
SHIPPED = {"schemas": "opendata/_data/schemas", "catalog": "opendata/_data/catalog"}
SUFFIXES = {".json", ".yaml", ".md"}


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for source, target in SHIPPED.items():
            out = Path(self.build_lib) / target
            if out.exists():
                shutil.rmtree(out)
            out.mkdir(parents=True)
            for path in sorted((HERE / source).iterdir()):
                if path.is_file() and path.suffix in SUFFIXES:
                    shutil.copy2(path, out / path.name)


setup(cmdclass={"build_py": BuildWithData})
