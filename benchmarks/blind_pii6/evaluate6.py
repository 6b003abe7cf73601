#!/usr/bin/env python3
"""Evaluate blind corpus #6 with benchmarks/blind_pii2/evaluate.py, unchanged, including its JSON and Parquet tables.

evaluate.py's read_input reads XLSX through openpyxl and everything else as CSV, so truth.json lists the CSV/XLSX
tables under `tables` (evaluate.py alone runs on those) and the JSON/Parquet tables under `tables_json_parquet`.
This wrapper imports evaluate.py, gives it a read_input that also reads JSON (an array of records; a nested object or
array reads as its json.dumps(ensure_ascii=False) text) and Parquet (date → YYYY-MM-DD, timestamp → 'YYYY-MM-DD
HH:MM:SS', number → str, null → ''), and a read_output that also accepts a JSON or Parquet output when redact writes no
CSV, and a measure that looks for a field's values in the whole output row when the field is missing from
the output by name (a nested field flattened into several columns); then it runs evaluate.main() on a merged truth.json (a temporary corpus directory of symlinks).

    python benchmarks/blind_pii6/evaluate6.py --corpus DIR --opendata PATH --out RESULTS.json [evaluate.py options]
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "blind_pii2"))
import evaluate  # noqa: E402  (benchmarks/blind_pii2/evaluate.py, unchanged)

leaked = evaluate.leaked
_orig_read_input = evaluate.read_input
_orig_read_output = evaluate.read_output


def render(v) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _records(path: Path, fmt: str, encoding: str | None):
    if fmt == "json":
        recs = json.loads(path.read_bytes().decode(encoding or "utf-8"))
        header = list(recs[0].keys())
        return header, [[render(r.get(h)) for h in header] for r in recs]
    import pyarrow.parquet as pq
    t = pq.read_table(path)
    header = t.column_names
    cols = [t.column(i).to_pylist() for i in range(t.num_columns)]
    return header, [[render(c[i]) for c in cols] for i in range(t.num_rows)]


def read_input(table: dict, path: Path):
    if table["format"] in ("json", "parquet"):
        return _records(path, table["format"], table.get("encoding"))
    return _orig_read_input(table, path)


def read_output(outdir: Path):
    h, rows = _orig_read_output(outdir)
    if h is not None:
        return h, rows
    for ext, fmt in (("*.parquet", "parquet"), ("*.json", "json")):
        files = [f for f in sorted(outdir.rglob(ext)) if f.name not in ("datapackage.json", "approval.json")]
        for f in files:
            try:
                return _records(f, fmt, "utf-8")
            except Exception:  # noqa: BLE001 - not a table
                continue
    return None, None


_orig_measure = evaluate.measure


def measure(outdir: Path, cols, in_rows, by_cell) -> dict:
    """evaluate.measure, plus: when a field is missing from the output by name (e.g. a nested JSON field written as
    several flattened columns), its labelled values are looked for in the whole output row instead of counting as
    removed.  Leaks found this way are added with `"row_wide": true`."""
    res = _orig_measure(outdir, cols, in_rows, by_cell)
    oh, orows = read_output(outdir)
    if oh is None or len(oh) == len(cols):
        return res
    present = {h.strip() for h in oh}
    missing = {i for i, c in enumerate(cols) if c not in present}
    for (r, c), items in by_cell.items():
        if c not in missing or r >= len(orows):
            continue
        row = "\t".join(orows[r])
        for typ, sub, core in items:
            if evaluate.leaked(typ, sub, core, row):
                res["leaks"].append({"row": r, "column": cols[c], "type": typ, "masked": evaluate.mask(sub),
                                     "row_wide": True})
    return res


def main():
    args = sys.argv[1:]
    if "--corpus" not in args:
        print(__doc__)
        return 2
    i = args.index("--corpus")
    corpus = Path(args[i + 1]).resolve()
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    tmp = Path(tempfile.mkdtemp(prefix="blind6-corpus-"))
    for t in truth["tables"] + truth.get("tables_json_parquet", []):
        (tmp / t["file"]).symlink_to(corpus / t["file"])
    merged = dict(truth, tables=truth["tables"] + truth.get("tables_json_parquet", []))
    merged.pop("tables_json_parquet", None)
    (tmp / "truth.json").write_text(json.dumps(merged, ensure_ascii=False), encoding="utf-8")
    args[i + 1] = str(tmp)
    evaluate.read_input = read_input
    evaluate.read_output = read_output
    evaluate.measure = measure
    sys.argv = [sys.argv[0]] + args
    return evaluate.main()


if __name__ == "__main__":
    sys.exit(main())
