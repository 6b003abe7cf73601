"""Independent check of a blind corpus #8 directory through the evaluators' own code (evaluate6.read_input,
evaluate.leaked).  Shares no code with corpus.py.

1. the header and row count read back match the truth;
2. every truth value's substring occurs in its cell as the evaluator reads the file;
3. identifiers pass their checks (GB 11643 incl. 15-digit legacy dates and 81/82/83 residence IDs, Luhn + 16-19
   digits + BIN first digit for cards, mobile prefixes) and each core is the canonical form of its substring;
4. leaked() is True for every value against the untouched input (an identity 'redact' leaks everything);
5. leaked() is False after a perfect redactor (every labelled substring replaced by '*'): no value is found again
   through its digits elsewhere in the cell;
6. no cell, after that masking, still holds an unlabelled valid 18-digit ID, 11-digit mobile or 62-card;
7. no non-empty cell outside the labels is a person's name written exactly as a labelled name of the same column
   (a label forgotten on a repeated name);
8. per-type and per-table counts.  Prints counts and cell positions only, never values.

    python benchmarks/blind_pii8/check_truth.py CORPUS_DIR [CORPUS_DIR ...]
"""
import collections
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "blind_pii6"))
import evaluate6 as e6  # noqa: E402
ev = e6.evaluate

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_ok(s):
    s = s.upper()
    if len(s) == 15 and s.isdigit():
        try:
            dt.date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))
            return 11 <= int(s[:2]) <= 65
        except ValueError:
            return False
    if not re.fullmatch(r"\d{17}[\dX]", s) or not 11 <= int(s[:2]) <= 83:
        return False
    try:
        dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return "10X98765432"[sum(int(c) * w for c, w in zip(s, W)) % 11] == s[17]


def luhn(d):
    t = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch) * (2 if i % 2 else 1)
        t += n - 9 if n > 9 else n
    return t % 10 == 0


def canon(sub):
    return re.sub(r"[\s\-·•.・()（）]", "", unicodedata.normalize("NFKC", sub)).upper()


def stray(text):
    t = unicodedata.normalize("NFKC", text).upper()
    if any(id_ok(m) for m in re.findall(r"(?<![0-9A-Z])(\d{17}[\dX])(?![0-9A-Z])", t)):
        return True
    if re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", t):
        return True
    return any(luhn(m) for m in re.findall(r"(?<!\d)(6\d{15,18})(?!\d)", t))


def check(corpus: Path) -> int:
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    assert (corpus / "READY").exists(), "READY missing"
    problems = collections.Counter()
    where = {}
    per_type = collections.Counter()
    n_rows = 0
    for tb in truth["tables"] + truth.get("tables_json_parquet", []):
        f = tb["file"]

        def bad(k, pos):
            problems[(f, k)] += 1
            where.setdefault((f, k), pos)

        h, rows = e6.read_input(tb, corpus / f)
        if h != [c["name"] for c in tb["columns"]]:
            bad("header differs", None)
        if len(rows) != tb["rows"]:
            bad("row count differs", None)
            continue
        n_rows += len(rows)
        cells = collections.defaultdict(list)
        names_by_col = collections.defaultdict(set)
        for r, c, typ, sub, core in tb["values"]:
            per_type[typ] += 1
            cell = rows[r][c]
            cells[(r, c)].append((typ, sub, core))
            pos = (r, c, typ)
            if typ == "person_name":
                names_by_col[c].add(sub)
            if sub not in cell:
                bad("substring not in cell", pos)
            if typ == "cn_resident_id" and not id_ok(core or ""):
                bad("ID check", pos)
            if typ == "bank_card" and not (core and core.isdigit() and 16 <= len(core) <= 19 and luhn(core)
                                           and core[:1] in "46"):
                bad("card check", pos)
            if typ == "cn_mobile" and not re.fullmatch(r"1[3-9]\d{9}", core or ""):
                bad("mobile check", pos)
            if typ in ("cn_mobile", "cn_landline", "other_phone") and not ev.digits(sub).endswith(core or "-"):
                bad("phone core is not the number's digits", pos)
            if typ in ("cn_resident_id", "bank_card", "cn_passport", "hk_macau_permit", "cn_license_plate") \
                    and core != canon(sub):
                bad("core is not the canonical form", pos)
            if not ev.leaked(typ, sub, core, cell):
                bad("identity output not counted as leak", pos)
        for (r, c), items in cells.items():
            out = rows[r][c]
            for typ, sub, core in sorted(items, key=lambda x: -len(x[1])):
                out = out.replace(sub, "*" * len(sub))
            for typ, sub, core in items:
                if ev.leaked(typ, sub, core, out):
                    bad("found again after perfect masking", (r, c, typ))
        for r, row in enumerate(rows):
            for c, val in enumerate(row):
                masked = val
                for typ, sub, core in sorted(cells.get((r, c), []), key=lambda x: -len(x[1])):
                    masked = masked.replace(sub, "*" * len(sub))
                if stray(masked):
                    bad("unlabelled valid identifier", (r, c, None))
                if (r, c) not in cells and val.strip() and val.strip() in names_by_col.get(c, ()):
                    bad("unlabelled cell equal to a labelled name of its column", (r, c, None))
        pi_cols = sum(bool(c["types"]) for c in tb["columns"])
        print(f"{f:40} {tb['format']:8} {tb['encoding'] or '-':10} rows {tb['rows']:5} values {len(tb['values']):6} "
              f"PI columns {pi_cols}/{len(tb['columns'])}")
    print(f"{corpus}: {len(truth['tables']) + len(truth.get('tables_json_parquet', []))} tables, {n_rows} rows, "
          f"{sum(per_type.values())} personal values")
    print("per type:", dict(per_type.most_common()))
    print("problems:", dict(problems) or "none", {f"{k[0]} {k[1]}": v for k, v in where.items()} if where else "")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(max(check(Path(p)) for p in sys.argv[1:]))
