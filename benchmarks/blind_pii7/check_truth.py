"""Independent check of a blind corpus #7 directory against the evaluators' own reading (evaluate6.read_input, evaluate.leaked).

1. every truth value's substring occurs in its cell as the evaluator reads the file;
2. identifiers pass their checks (GB 11643 ID incl. 15-digit dates, Luhn + BIN length for cards, mobile prefixes);
3. leaked() says True for every value against the untouched input (an identity 'redact' leaks everything);
4. leaked() says False after a perfect redactor (every substring replaced by '*'), i.e. no value is found again
   through its digits elsewhere in the cell;
5. per-type and per-table counts.

    python benchmarks/blind_pii7/check_truth.py CORPUS_DIR
"""
import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "blind_pii6"))
import evaluate6 as e6  # noqa: E402
ev = e6.evaluate

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def id_ok(s):
    s = s.upper()
    if len(s) == 15 and s.isdigit():
        try: dt.date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12])); return True
        except ValueError: return False
    if not re.fullmatch(r"\d{17}[\dX]", s): return False
    try: dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError: return False
    return "10X98765432"[sum(int(c) * w for c, w in zip(s, W)) % 11] == s[17]
def luhn(d):
    t = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch) * (2 if i % 2 else 1); t += n - 9 if n > 9 else n
    return t % 10 == 0

corpus = Path(sys.argv[1])
truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
problems = collections.Counter(); per_type = collections.Counter(); examples = {}
for tb in truth["tables"] + truth.get("tables_json_parquet", []):
    h, rows = e6.read_input(tb, corpus / tb["file"])
    assert h == [c["name"] for c in tb["columns"]], tb["file"]
    assert len(rows) == tb["rows"], tb["file"]
    cells = collections.defaultdict(list)
    for r, c, typ, sub, core in tb["values"]:
        per_type[typ] += 1
        cell = rows[r][c]
        cells[(r, c)].append((typ, sub, core))
        def bad(k):
            problems[(tb["file"], k)] += 1; examples.setdefault((tb["file"], k), (r, c, typ))
        if sub not in cell: bad("substring not in cell")
        if typ == "cn_resident_id" and not id_ok(core or ""): bad("ID check")
        if typ == "bank_card" and not (core and core.isdigit() and 16 <= len(core) <= 19 and luhn(core) and core[:1] in "46"): bad("card check")
        if typ == "cn_mobile" and not re.fullmatch(r"1[3-9]\d{9}", core or ""): bad("mobile")
        if not ev.leaked(typ, sub, core, cell): bad("identity output not counted as leak")
    for (r, c), items in cells.items():
        out = rows[r][c]
        for typ, sub, core in sorted(items, key=lambda x: -len(x[1])):
            out = out.replace(sub, "*" * len(sub))
        for typ, sub, core in items:
            if ev.leaked(typ, sub, core, out):
                problems[(tb["file"], "found again after perfect masking")] += 1
    print(f"{tb['file']:40} {tb['format']:8} {tb['encoding'] or '-':10} rows {tb['rows']:5} values {len(tb['values']):6} "
          f"PI columns {sum(bool(c['types']) for c in tb['columns'])}/{len(tb['columns'])}")
print("per type:", dict(per_type.most_common()))
print("total values:", sum(per_type.values()))
print("problems:", dict(problems) or "none", {k: v for k, v in examples.items()})
