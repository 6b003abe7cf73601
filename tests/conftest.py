"""Shared helpers: small real packages on a real disk, and the CLI run in-process."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import opendata as od
from opendata import cli, messages
from opendata.trust import keys

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
#: The bundled examples that pass (``invalid-*`` are broken on purpose).
VALID_EXAMPLES = sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and not p.name.startswith("invalid-"))
DATA = Path(__file__).resolve().parent / "data"


def make_package(directory: Path, fields: list[dict[str, Any]], text: str | bytes, *,
                 name: str = "test-data", filename: str = "data.csv", encoding: str = "utf-8",
                 schema_extra: dict[str, Any] | None = None, grade: str | None = "L1",
                 accountable: bool = True, **package_props: Any) -> Path:
    """Write ``text`` as the one resource of a package with ``fields``; return the directory.

    ``grade`` is the dataset's declared grade (``None``: leave it unclassified); ``accountable``
    adds the licence, publisher and contact publishing requires.
    """
    if grade is not None:
        package_props.setdefault("opendata", {}).setdefault("grade", grade)
    if accountable:  # what publishing requires: a licence, a publisher, a contact
        package_props.setdefault("licenses", [{"name": "CC-BY-4.0"}])
        package_props.setdefault("opendata", {}).setdefault("publisher", "demo-data")
        package_props["opendata"].setdefault("contact", {"name": "数据开放办公室", "email": "opendata@demo-city.example"})
    directory.mkdir(parents=True, exist_ok=True)
    raw = text if isinstance(text, bytes) else text.encode(encoding)
    (directory / filename).write_bytes(raw)
    schema = {"fields": fields, **(schema_extra or {})}
    descriptor = {"name": name, "title": "测试数据", **package_props,
                  "resources": [{"name": "data", "path": filename, "schema": schema}]}
    (directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return directory


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys):
    """Run the CLI in-process: ``run("check", path)`` → CliResult."""

    def invoke(*args: str) -> CliResult:
        code = cli.main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return invoke


@pytest.fixture(autouse=True)
def _default_language(monkeypatch):
    monkeypatch.delenv("OPENDATA_LANG", raising=False)
    messages.set_language(None)
    yield
    messages.set_language(None)


REVIEWER = "测试审核员"


@pytest.fixture(scope="session", autouse=True)
def _opendata_home(tmp_path_factory):
    """One $OPENDATA_HOME for the session (keys, trust store, audit log), never the user's own."""
    home = tmp_path_factory.mktemp("opendata-home")
    previous = os.environ.get("OPENDATA_HOME")
    os.environ["OPENDATA_HOME"] = str(home)
    keys.init_data_keys()
    keys.create_signing_key(REVIEWER)
    yield home
    if previous is None:
        os.environ.pop("OPENDATA_HOME", None)
    else:
        os.environ["OPENDATA_HOME"] = previous


def approved(directory: Path, workdir: Path, *, reviewer: str = REVIEWER) -> "od.Package":
    """What an officer does before publishing: redact into ``workdir``, then approve the output."""
    out, _ = od.redact(od.load(directory), workdir)
    od.approve(out, od.check(out), reviewer=reviewer)
    return od.load(workdir)


def publish_examples(catalog: "od.LocalCatalog", workdir: Path) -> None:
    """Redact, approve and publish every valid bundled example into ``catalog`` (a portal to look at)."""
    for directory in VALID_EXAMPLES:
        od.publish(approved(directory, workdir / directory.name), catalog)
