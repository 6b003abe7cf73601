"""The distribution (issue 17): runtime dependencies are exactly what runtime code imports, and the
shipped data has one source. (Building and installing the wheel is scripts/wheel-test, run by CI.)"""

from __future__ import annotations

import ast
import re
import sys

from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: distribution name -> the module it installs
IMPORT_NAME = {"python-dateutil": "dateutil", "charset-normalizer": "charset_normalizer", "pyyaml": "yaml",
               "python-calamine": "python_calamine", "google-re2": "re2"}


#: optional extras of the runtime: the extra, and the only part of the package that imports it
EXTRAS = {"spark": "opendata/engines/spark"}


def _runtime_imports(skip: tuple[str, ...] = ()) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "opendata").rglob("*.py"):
        if any(path.is_relative_to(ROOT / s) for s in skip):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "opendata"}


def test_runtime_dependencies_are_exactly_what_runtime_code_imports():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {}
    for spec in project["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", spec).group(0).lower()
        if "python_version" in spec:
            continue  # tomli: Python 3.10's tomllib
        declared[IMPORT_NAME.get(name, name)] = name
    imported = _runtime_imports() - {"tomli"}
    # An optional extra (pip install 'opendata-zj[spark]') is imported by its own subpackage only:
    # the plain install never needs it.
    extras = {}
    for extra, where in EXTRAS.items():
        for spec in project["optional-dependencies"][extra]:
            name = re.match(r"[A-Za-z0-9_.-]+", spec).group(0).lower()
            extras[IMPORT_NAME.get(name, name)] = name
    assert set(extras) <= imported and not set(extras) & _runtime_imports(tuple(EXTRAS.values()))
    imported -= set(extras)
    assert set(declared) == imported, (sorted(set(declared) - imported), sorted(imported - set(declared)))
    assert "frictionless" not in declared
    assert project["name"] != "opendata"  # taken on the registry by an unrelated package
    assert project["scripts"]["opendata"] == "opendata.cli:main"


def test_shipped_data_has_one_source():
    # nothing under the package duplicates schemas/ or catalog/: the build copies them (setup.py)
    assert not (ROOT / "opendata" / "_data").exists()
    from opendata.paths import catalog_dir, schemas_dir

    assert schemas_dir() == ROOT / "schemas" and catalog_dir() == ROOT / "catalog"
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert '"schemas": "opendata/_data/schemas"' in setup and '"catalog": "opendata/_data/catalog"' in setup
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    assert "graft schemas" in manifest and "graft catalog" in manifest
