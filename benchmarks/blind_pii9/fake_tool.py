#!/usr/bin/env python3
"""Two stand-ins for `opendata`, to show that evaluate6.py scores corpus #9's truth as it must.

    fake_tool.py identity scan|redact|check ...   # changes nothing: every personal value must count as leaked
    fake_tool.py perfect  scan|redact|check ...   # masks exactly the truth's substrings: none may leak

`redact PATH --out DIR` reads the table with evaluate6.read_input (the truth.json beside PATH gives its format and
encoding) and writes DIR/data/<stem>.csv the way the evaluator reads outputs; `scan` reports no fields, `check`
no findings.  The perfect one uses the truth, so it measures the truth's positions, not a detector.
Use through a wrapper script:  #!/bin/sh  exec PYTHON .../fake_tool.py perfect "$@"
"""
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "blind_pii6"))
import evaluate6  # noqa: E402


def main(argv):
    mode, cmd, args = argv[0], argv[1], argv[2:]
    if cmd == "scan":
        print(json.dumps({"resources": []}))
        return 0
    if cmd == "check":
        print(json.dumps({"publishable": False, "findings": []}))
        return 0
    path = Path(args[0])
    out = Path(args[args.index("--out") + 1])
    truth = json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))
    tb = next(t for t in truth["tables"] + truth.get("tables_json_parquet", []) if t["file"] == path.name)
    header, rows = evaluate6.read_input(tb, path)
    if mode == "perfect":
        by_cell = {}
        for r, c, typ, sub, core in tb["values"]:
            by_cell.setdefault((r, c), []).append(sub)
        for (r, c), subs in by_cell.items():
            for sub in sorted(subs, key=len, reverse=True):
                rows[r][c] = rows[r][c].replace(sub, "*" * len(sub))
    (out / "data").mkdir(parents=True, exist_ok=True)
    with open(out / "data" / (path.stem + ".csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
