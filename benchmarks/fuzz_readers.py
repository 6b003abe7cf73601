#!/usr/bin/env python3
"""Coverage-guided fuzzing of the readers with atheris (libFuzzer), for long runs outside CI.

Each input is split into a format byte and a body, written as a CSV, JSON, XLSX or Parquet file
(or as a datapackage.json beside a small CSV) and read the way `opendata check` reads it: opened,
every chunk pulled and every column typed by the schema. Anything but an :class:`OpendataError`
(exit 1 or 2 at the command line) is a bug, and atheris stops with the input that caused it.

    .venv/bin/pip install atheris                       # needs clang's libFuzzer; not in the dev extra
    .venv/bin/python benchmarks/fuzz_readers.py -atheris_runs=200000 build/fuzz-corpus
    .venv/bin/python benchmarks/fuzz_readers.py crash-<hash>        # replay one input

The corpus directory (created if missing) keeps the inputs that reached new code; seed it with
real files (the examples' CSVs, a few workbooks) to start deeper. tests/test_fuzz.py is the
bounded, property-based counterpart that runs in CI.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import opendata as od
    from opendata.errors import OpendataError
    from opendata.readers import open_table
    from opendata.validate import validate

SUFFIXES = (".csv", ".json", ".xlsx", ".parquet", "datapackage.json")
CSV = b"id,name\n1,a\n"
WORK = Path(tempfile.mkdtemp(prefix="opendata-fuzz-"))
os.environ.setdefault("OPENDATA_HOME", str(WORK / "home"))


def read_all(path: Path) -> None:
    """What `check` does with a file short of grading and the audit record: load it (descriptor or
    bare file), stream every chunk, validate every row against the schema."""
    if path.name != "datapackage.json":
        for _ in open_table(path).chunks(1024):
            pass
    package = od.load(path.parent if path.name == "datapackage.json" else path)
    validate(package)


def one_input(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    directory = WORK / "case"
    directory.mkdir(exist_ok=True)
    for stale in directory.iterdir():
        stale.unlink()
    if suffix == "datapackage.json":
        (directory / "data.csv").write_bytes(CSV)
        path = directory / "datapackage.json"
    else:
        path = directory / f"data{suffix}"
    path.write_bytes(data[1:])
    try:
        read_all(path)
    except OpendataError:
        pass  # a clear, named refusal is the right answer to a hostile file


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
