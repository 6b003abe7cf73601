"""Run one parity case through ``opendata check --format json`` and through ``frictionless.validate``.

Both sides read the same files on disk; each result is the multiset of ``(type, row, field_number)``
of the errors found (header errors have no row, table errors neither row nor field). An input the
CLI refuses with exit 2 (a documented input error) is the result ``("input-error",)``.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from pathlib import Path

import frictionless

from opendata import cli
from parity_cases import Case

INPUT_ERROR = ("input-error", None, None)
RESOURCE_ERROR = ("resource-error", None, None)


def write_case(case: Case, directory: Path) -> Path:
    """Write the data file (and a ``datapackage.json`` unless the case is a bare file)."""
    directory.mkdir(parents=True, exist_ok=True)
    data_path = directory / case.filename
    if callable(case.data):
        case.data(data_path)
    else:
        data_path.write_bytes(case.data if isinstance(case.data, bytes) else case.data.encode("utf-8"))
    if case.schema is None:
        return data_path
    resource = {"name": "data", "path": case.filename, "schema": case.schema, **case.resource}
    others = []
    for other in case.others:
        (directory / other["path"]).write_text(other["text"], encoding="utf-8")
        others.append({"name": other["name"], "path": other["path"], "schema": other["schema"]})
    descriptor = {"name": "parity", "title": "parity", "opendata": {"grade": "L1"}, "resources": [resource, *others]}
    (directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return directory


def ours(target: Path) -> tuple[Counter, dict]:
    """``opendata check TARGET --format json``, in-process: the error multiset and the JSON report."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", str(target), "--format", "json"])
    if code == 2:
        return Counter([INPUT_ERROR]), {"stderr": err.getvalue()}
    assert code in (0, 1), (code, err.getvalue())
    report = json.loads(out.getvalue())
    errors = next(r for r in report["validation"]["resources"] if r["name"] in ("data", report["name"]))["errors"] \
        if len(report["validation"]["resources"]) > 1 else report["validation"]["resources"][0]["errors"]
    return Counter((e["type"], e.get("row"), e.get("field_number")) for e in errors), report


def theirs(case: Case, target: Path) -> Counter:
    """``frictionless.validate`` of the same resource (its own inference for a bare file)."""
    if case.others:  # foreign keys between resources need the package
        report = frictionless.validate(str(target / "datapackage.json"))
        task = next(t for t in report.tasks if t.name == "data")
        return Counter((e.type, getattr(e, "row_number", None), getattr(e, "field_number", None))
                       for e in task.errors)
    try:
        if case.schema is None:
            resource = frictionless.Resource(path=case.filename, basepath=str(target.parent))
        else:
            descriptor = {"name": "data", "path": case.filename, "schema": case.schema, **case.resource}
            resource = frictionless.Resource(descriptor, basepath=str(target))
        report = frictionless.validate(resource)
    except frictionless.FrictionlessException:  # it refuses the descriptor itself
        return Counter([RESOURCE_ERROR])
    task = report.tasks[0]
    return Counter((e.type, getattr(e, "row_number", None), getattr(e, "field_number", None))
                   for e in task.errors)


def as_counter(errors: list[tuple]) -> Counter:
    return Counter(tuple(e) + (None,) * (3 - len(e)) for e in errors)
