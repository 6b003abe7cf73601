#!/usr/bin/env python3
"""Second, independent check of a blind corpus #9 directory, through the evaluators' own code
(evaluate6.read_input, evaluate.leaked).  Imports nothing from corpus.py.

For every table of truth.json:
 1. the header and row count read back equal the truth's;
 2. every labelled substring occurs in its cell as the evaluator reads the file;
 3. identifiers pass their checks (GB 11643 check character, or a real date for 15-digit IDs; Luhn, 16-19 digits and
    a 4/6 BIN for cards; a 1[3-9] mobile prefix; E/G passports) and each core is the canonical form of its substring;
 4. an untouched output leaks every value (evaluate.leaked on the input cell);
 5. a perfect output (every labelled substring replaced by '*', longest first) leaks none;
 6. no cell, after that masking, still holds an unlabelled valid 18-digit ID, 11-digit mobile or Luhn 4/6 card;
 7. no unlabelled non-empty cell of a column equals a labelled name of the same column;
 8. a column's types are the types of its values, and the PI-free table has no values.
Prints counts and cell positions only, never values.

    python benchmarks/blind_pii9/check_truth.py CORPUS_DIR [CORPUS_DIR ...]
"""
import collections
import datetime
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "blind_pii6"))
import evaluate6  # noqa: E402

ev = evaluate6.evaluate
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
MOBILE = re.compile(r"1[3-9]\d{9}")


def resident_id_ok(s: str) -> bool:
    s = s.upper()
    if re.fullmatch(r"\d{15}", s):
        try:
            datetime.date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))
        except ValueError:
            return False
        return 11 <= int(s[:2]) <= 65
    if not re.fullmatch(r"\d{17}[\dX]", s) or not 11 <= int(s[:2]) <= 82:
        return False
    try:
        datetime.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return "10X98765432"[sum(int(c) * w for c, w in zip(s, WEIGHTS)) % 11] == s[17]


def luhn(d: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def canonical(sub: str) -> str:
    t = unicodedata.normalize("NFKC", sub).replace("\u200b", "")
    return re.sub(r"[\s\-·•.・()（）]", "", t).upper()


def unlabelled_identifier(text: str) -> bool:
    t = unicodedata.normalize("NFKC", text).upper()
    for m in re.finditer(r"(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])", t):
        if len(m.group()) == 18 and resident_id_ok(m.group()):
            return True
    if re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", t):
        return True
    return any(luhn(m) for m in re.findall(r"(?<!\d)([46]\d{15,18})(?!\d)", t))


def check(corpus: Path) -> int:
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    if not (corpus / "READY").exists():
        print(f"{corpus}: READY missing")
        return 1
    tables = truth["tables"] + truth.get("tables_json_parquet", [])
    problems, first_at = collections.Counter(), {}
    per_type = collections.Counter()
    n_rows = n_nonpi = 0

    for tb in tables:
        name = tb["file"]

        def problem(kind, pos=None):
            problems[(name, kind)] += 1
            first_at.setdefault((name, kind), pos)

        header, rows = evaluate6.read_input(tb, corpus / name)
        if header != [c["name"] for c in tb["columns"]]:
            problem("header differs")
        if len(rows) != tb["rows"]:
            problem("row count differs")
            continue
        n_rows += len(rows)
        by_cell = collections.defaultdict(list)
        names = collections.defaultdict(set)
        types_seen = collections.defaultdict(set)
        for r, c, typ, sub, core in tb["values"]:
            per_type[typ] += 1
            by_cell[(r, c)].append((typ, sub, core))
            types_seen[c].add(typ)
            cell = rows[r][c]
            pos = (r, c, typ)
            if typ == "person_name":
                names[c].add(sub)
            if sub not in cell:
                problem("substring not in its cell", pos)
            if typ == "cn_resident_id" and not resident_id_ok(core or ""):
                problem("resident ID fails its check", pos)
            if typ == "bank_card" and not (core and core.isdigit() and 16 <= len(core) <= 19 and luhn(core)
                                           and core[0] in "46"):
                problem("card fails Luhn/length/BIN", pos)
            if typ == "cn_mobile" and not MOBILE.fullmatch(core or ""):
                problem("mobile prefix", pos)
            if typ == "cn_passport" and not re.fullmatch(r"[EG]\d{8}|E[A-Z]\d{7}", core or ""):
                problem("passport form", pos)
            if typ in ("cn_mobile", "cn_landline") and not ev.digits(sub).endswith(core or "-"):
                problem("phone core is not the number's digits", pos)
            if typ in ("cn_resident_id", "bank_card", "cn_passport", "cn_license_plate") and core != canonical(sub):
                problem("core is not the canonical form", pos)
            if typ in ("person_name", "address", "birth_date", "email") and core is not None:
                problem("core set on a non-identifier", pos)
            if not ev.leaked(typ, sub, core, cell):
                problem("untouched output not counted as a leak", pos)
        for ci, col in enumerate(tb["columns"]):
            if sorted(types_seen.get(ci, ())) != sorted(col["types"]):
                problem("column types differ from its values' types", (None, ci, None))
        for r, row in enumerate(rows):
            for c, val in enumerate(row):
                items = by_cell.get((r, c), [])
                masked = val
                for typ, sub, core in sorted(items, key=lambda x: -len(x[1])):
                    masked = masked.replace(sub, "*" * len(sub))
                for typ, sub, core in items:
                    if ev.leaked(typ, sub, core, masked):
                        problem("found again after perfect masking", (r, c, typ))
                if unlabelled_identifier(masked):
                    problem("unlabelled valid identifier", (r, c, None))
                if not items:
                    if val != "":
                        n_nonpi += 1
                    if val.strip() and val.strip() in names.get(c, ()):
                        problem("unlabelled cell equal to a labelled name of its column", (r, c, None))
        if name.startswith("05_") and tb["values"]:
            problem("the PI-free table has values")
        pi_cols = sum(bool(c["types"]) for c in tb["columns"])
        print(f"{name:38} {tb['format']:8} {tb['encoding'] or '-':10} rows {tb['rows']:5} "
              f"values {len(tb['values']):6} PI columns {pi_cols:2}/{len(tb['columns'])}")
    print(f"{corpus}: {len(tables)} tables, {n_rows} rows, {sum(per_type.values())} personal values, "
          f"{n_nonpi} non-empty non-personal cells")
    print("per type:", dict(per_type.most_common()))
    if problems:
        for (f, k), v in sorted(problems.items()):
            print(f"  PROBLEM {f}: {k} x{v}, first at (row, col, type) {first_at[(f, k)]}")
        return 1
    print("problems: none")
    return 0


if __name__ == "__main__":
    sys.exit(max(check(Path(p)) for p in sys.argv[1:]))
