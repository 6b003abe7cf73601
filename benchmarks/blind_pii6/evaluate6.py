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


#: per table read (keyed by id of its rows): the cells an officer sees written otherwise than evaluate.py renders
#: them — an XLSX date cell (number format without a time) is shown YYYY-MM-DD, not str(datetime).
_SHOWN: dict[int, dict[tuple[int, int], str]] = {}


def _xlsx_dates_as_shown(path: Path) -> dict[tuple[int, int], str]:
    import datetime
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    shown = {}
    for r, row in enumerate(wb.active.iter_rows(min_row=2)):
        for c, cell in enumerate(row):
            v = getattr(cell, "value", None)
            fmt = (getattr(cell, "number_format", "") or "").lower()
            if isinstance(v, datetime.datetime) and v.time() == datetime.time(0) and "h" not in fmt and "s" not in fmt:
                shown[(r, c)] = v.date().isoformat()
    return shown


def read_input(table: dict, path: Path):
    if table["format"] in ("json", "parquet"):
        return _records(path, table["format"], table.get("encoding"))
    header, rows = _orig_read_input(table, path)
    if table["format"] == "xlsx":
        _SHOWN[id(rows)] = _xlsx_dates_as_shown(path)
    return header, rows


def _same_as_shown(val: str, out: str | None, shown: str | None) -> bool:
    """Whether output cell ``out`` is input cell ``val`` as an officer sees it: an XLSX date in its number
    format, or a nested JSON value as the same JSON (compact or spaced)."""
    if out is None:
        return False
    if out == val or (shown is not None and out == shown):
        return True
    if val[:1] in "[{" and out[:1] in "[{":
        try:
            return json.loads(val) == json.loads(out)
        except ValueError:
            return False
    return False


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
    if res.get("nonpi") and oh is not None:
        res["nonpi"]["as_shown"] = _count_as_shown(cols, in_rows, by_cell, oh, orows)
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


def _count_as_shown(cols, in_rows, by_cell, oh, orows) -> int:
    """The non-personal cells evaluate.measure compares, counted identical as an officer sees them."""
    shown = _SHOWN.get(id(in_rows), {})
    oidx = ({name: i for i, name in enumerate(cols)} if len(oh) == len(cols)
            else {name.strip(): i for i, name in enumerate(oh)})
    same = 0
    for r, row in enumerate(in_rows):
        for c, val in enumerate(row):
            if (r, c) in by_cell or val == "":
                continue
            oi = oidx.get(cols[c])
            o = orows[r][oi] if oi is not None and r < len(orows) and oi < len(orows[r]) else None
            same += _same_as_shown(val, o, shown.get((r, c)))
    return same


def _print_as_shown(out: Path) -> None:
    results = json.loads(out.read_text(encoding="utf-8"))
    nonpi = [t["nonpi"] for t in results["tables"] if t.get("nonpi")]
    total = sum(n["cells"] for n in nonpi)
    shown = sum(n.get("as_shown", n["identical"]) for n in nonpi)
    if total:
        print(f"non-personal cells identical as shown (XLSX dates in their number format, nested JSON as JSON) "
              f"{shown / total:.4f} of {total}")
        for t in results["tables"]:
            n = t.get("nonpi")
            if n and n.get("as_shown", n["identical"]) != n["cells"]:
                print(f"  as shown: {t['file']} {n.get('as_shown', n['identical'])}/{n['cells']}")


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
    rc = evaluate.main()
    _print_as_shown(Path(args[args.index("--out") + 1]))
    return rc


if __name__ == "__main__":
    sys.exit(main())
