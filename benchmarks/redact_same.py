#!/usr/bin/env python3
"""Whether two builds of opendata redact alike: every table of some corpora, redacted by each.

For each target (a table file of a corpus directory, or a package directory such as an example)
both commands run ``redact TARGET --out DIR``; their exit codes, their error output and every file
they wrote are compared (``datapackage.json`` without the redaction's time stamp). Prints one line
per target (its name, ``same`` or what differs — never a value) and exits 1 if any differs.

    python benchmarks/redact_same.py --old /path/old.od --new /path/new.od /work/b2/c1 examples/*
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TABLES = (".csv", ".xlsx", ".xls", ".json", ".parquet")


def targets(paths: list[str]) -> list[Path]:
    """Package directories as they are; in other directories, each table file."""
    out = []
    for p in map(Path, paths):
        if (p / "datapackage.json").exists() or p.is_file():
            out.append(p)
        elif p.is_dir():
            out += sorted(f for f in p.iterdir() if f.suffix in TABLES and f.name != "truth.json")
    return out


def run(od: str, target: Path, out: Path, env: dict) -> tuple[int, str]:
    proc = subprocess.run([od, "redact", str(target), "--out", str(out)], capture_output=True, text=True, env=env)
    return proc.returncode, proc.stderr


def files(out: Path) -> dict[str, bytes]:
    found = {}
    for f in sorted(out.rglob("*")) if out.exists() else []:
        if f.is_file():
            data = f.read_bytes()
            if f.name == "datapackage.json":
                descriptor = json.loads(data)
                descriptor.get("opendata", {}).get("redaction", {}).pop("time", None)
                data = json.dumps(descriptor, sort_keys=True).encode()
            found[str(f.relative_to(out))] = data
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", required=True, help="the command of one build (a wrapper script)")
    parser.add_argument("--new", required=True, help="the command of the other")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="redact-same-"))
    env = dict(os.environ)
    env.setdefault("OPENDATA_HOME", str(work / "home"))
    if not Path(env["OPENDATA_HOME"], "keys").exists():
        subprocess.run([args.new, "keys", "init"], capture_output=True, env=env)
    differ = 0
    try:
        for target in targets(args.paths):
            results = []
            out = work / "out" / target.stem  # one path for both: messages may name it
            for od in (args.old, args.new):
                shutil.rmtree(out, ignore_errors=True)
                code, err = run(od, target, out, env)
                results.append((code, err, files(out)))
            (c1, e1, f1), (c2, e2, f2) = results
            what = []
            if c1 != c2:
                what.append(f"exit {c1} != {c2}")
            if e1 != e2:
                what.append("error output differs")
            if f1.keys() != f2.keys():
                what.append("files differ")
            what += [f"{name} differs" for name in f1.keys() & f2.keys() if f1[name] != f2[name]]
            differ += bool(what)
            print(f"{target}: {'; '.join(what) if what else 'same'} (exit {c1}, {len(f1)} files)", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
