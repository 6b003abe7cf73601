#!/usr/bin/env python3
"""Run opendata's scan, redact and check on every table of a blind corpus and measure against truth.json.

Measures, per table and in total:
- scan: recall and precision per (column, type) from scan's per-field decisions (status column/cells/spans
  counts as decided; `uncertain` is counted apart, as flagged but not decided);
- redact: personal values left untreated (exact substring, its NFKC form, or for identifiers the canonical
  digits/characters, found in the same row's output cell), share of non-personal cells byte-identical,
  refusals (exit code and first line of the message);
- check: exit code, publishable, finding codes.
Only masked samples of personal values are ever printed or written.
"""
from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

csv.field_size_limit(1 << 30)

DECIDED = {"column", "cells", "spans"}
# Detector types opendata's README names as organisation identifiers, not personal information: a detection of
# one of them is not a personal-information claim, so it is reported apart and not counted against precision.
NON_PERSONAL_TYPES = {"cn_uscc", "cn_service_number"}
IDENT = {"cn_resident_id", "cn_mobile", "cn_landline", "bank_card", "cn_passport", "hk_macau_permit", "qq_number",
         "cn_license_plate"}


def type_ok(truth_type: str, detected: str) -> bool:
    """Does a detector type name count as finding the truth type?"""
    if truth_type == detected:
        return True
    d = detected.lower()
    if truth_type == "hk_macau_permit":
        return any(k in d for k in ("permit", "hk", "macau", "passport", "travel"))
    if truth_type == "foreign_passport":  # corpus #5's own type: opendata reports passports as one type
        return "passport" in d
    if truth_type == "qq_number":
        return "qq" in d
    return False


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def digits(s: str) -> str:
    return "".join(ch for ch in nfkc(s) if ch.isdigit())


def mask(s: str) -> str:
    if len(s) <= 2:
        return s[:1] + "*"
    if len(s) <= 6:
        return s[:1] + "*" * (len(s) - 1)
    return s[:3] + "*" * (len(s) - 5) + s[-2:]


def leaked(typ: str, sub: str, core: str | None, out: str) -> bool:
    if not out:
        return False
    if sub in out or nfkc(sub) in nfkc(out):
        return True
    if core and typ in IDENT:
        o = nfkc(out).upper()
        if core.upper() in o:
            return True
        if typ == "cn_license_plate":
            return core in "".join(ch for ch in o if ch not in " ·-•.")
        dc = digits(core)
        if len(dc) >= 7 and dc in digits(out):
            return True
    return False


def read_input(table: dict, path: Path):
    if table["format"] == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=True)
        ws = wb.active
        rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
        return rows[0], rows[1:]
    text = path.read_bytes().decode(table["encoding"])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], rows[1:]


def read_output(outdir: Path):
    files = sorted((outdir / "data").glob("*.csv")) if (outdir / "data").is_dir() else []
    if not files:
        files = sorted(outdir.rglob("*.csv"))
    if not files:
        return None, None
    with open(files[0], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def run(cmd, env, timeout=600):
    t0 = time.time()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr, time.time() - t0


FIELD_RE = re.compile(r'field "([^"]+)"')
UNDECIDED_RE = re.compile(r"undecided|未决|不确定|待定")
# The type names opendata's README lists for its detectors (used only to write a declaration it understands).
DETECTOR_TYPES = ["cn_resident_id", "cn_mobile", "cn_landline", "email", "bank_card", "cn_passport",
                  "cn_license_plate", "person_name", "address", "birth_date", "ip_address"]


def first_line(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[0][:300] if lines else ""


def measure(outdir: Path, cols, in_rows, by_cell) -> dict:
    """Leaks and non-personal cells of one redacted output against the input and the truth."""
    oh, orows = read_output(outdir)
    if oh is None:
        return {"refused": {"rc": 0, "message": "no CSV in the output"}, "leaks": [], "nonpi": None}
    if len(oh) == len(cols):  # same columns: by position (a header may have been rewritten)
        oidx = {name: i for i, name in enumerate(cols)}
    else:  # a field was left out: by name; a missing field holds nothing
        oidx = {name.strip(): i for i, name in enumerate(oh)}

    def cell(r, c):
        oi = oidx.get(cols[c])
        return orows[r][oi] if oi is not None and r < len(orows) and oi < len(orows[r]) else None

    leaks = []
    for (r, c), items in by_cell.items():
        o = cell(r, c) or ""
        for typ, sub, core in items:
            if leaked(typ, sub, core, o):
                leaks.append({"row": r, "column": cols[c], "type": typ, "masked": mask(sub)})
    same = escaped = changed = total = 0
    changed_by_col = collections.Counter()
    for r, row in enumerate(in_rows):
        for c, val in enumerate(row):
            if (r, c) in by_cell or val == "":
                continue
            total += 1
            o = cell(r, c)
            if o == val:
                same += 1
            elif o == "'" + val and val[:1] in "=+-@\t\r":
                escaped += 1
            else:
                changed += 1
                changed_by_col[cols[c]] += 1
    return {"output_rows": len(orows), "leaks": leaks,
            "nonpi": {"cells": total, "identical": same, "formula_escaped": escaped, "changed": changed,
                      "changed_by_column": dict(changed_by_col)}}


def evaluate_table(table: dict, corpus: Path, od: str, work: Path, env: dict, followup: bool = True) -> dict:
    path = corpus / table["file"]
    stem = Path(table["file"]).stem
    res = {"file": table["file"], "domain": table["domain"], "rows": table["rows"], "values": len(table["values"])}
    cols = [c["name"] for c in table["columns"]]

    # ---------------------------------------------------------------- scan
    rc, out, err, secs = run([od, "scan", str(path), "--format", "json"], env)
    res["scan_rc"], res["scan_seconds"] = rc, round(secs, 2)
    detected = collections.defaultdict(dict)  # col name -> {type: status}
    try:
        doc = json.loads(out)
        for resource in doc.get("resources", []):
            for i, f in enumerate(resource.get("fields", [])):
                # scan masks a header it suspects of holding PI, so fall back on the field's position
                name = f["name"] if f["name"] in cols else (cols[i] if i < len(cols) else f["name"])
                for d in f.get("detected", []):
                    detected[name][d["type"]] = d.get("status", "column")
    except Exception as e:  # noqa: BLE001
        res["scan_error"] = f"{type(e).__name__}: {(err or out).splitlines()[:1]}"
    pairs = []
    for c in table["columns"]:
        truth_types = set(c["types"])
        det = detected.get(c["name"], {})
        for t in sorted(truth_types):
            hits = {d: s for d, s in det.items() if type_ok(t, d)}
            status = ("decided" if any(s in DECIDED for s in hits.values()) else
                      "uncertain" if hits else "missed")
            pairs.append({"column": c["name"], "type": t, "truth": True, "result": status,
                          "label": c["label"], "note": c["note"], "detected": det})
        for d, s in det.items():
            if not any(type_ok(t, d) for t in truth_types):
                pairs.append({"column": c["name"], "type": d, "truth": False,
                              "result": ("organisation_type" if d in NON_PERSONAL_TYPES else
                                         "false_positive" if s in DECIDED else "uncertain_fp"),
                              "label": c["label"], "note": c["note"], "detected": det})
    res["pairs"] = pairs

    # ---------------------------------------------------------------- redact
    in_header, in_rows = read_input(table, path)
    by_cell = collections.defaultdict(list)
    for r, c, typ, sub, core in table["values"]:
        by_cell[(r, c)].append((typ, sub, core))
    outdir = work / "redacted" / stem
    if outdir.exists():
        shutil.rmtree(outdir)
    rc, out, err, secs = run([od, "redact", str(path), "--out", str(outdir)], env)
    res["redact_rc"], res["redact_seconds"] = rc, round(secs, 2)
    if rc != 0:
        res["refused"] = {"rc": rc, "message": first_line(err or out)}
        res["leaks"], res["nonpi"] = [], None
    else:
        res.update(measure(outdir, cols, in_rows, by_cell))

    # ---------------------------------------------------------------- the officer's way forward (secondary)
    # When redact refuses, do what its message asks, as an officer who knows the data would: a field named as
    # undecided is declared in a Data Package descriptor beside a copy of the table (`pii: <its true type>` with
    # a mask, or `pii: none` for a decoy: this step uses the truth, as the officer's own knowledge); a field named
    # by the last line (personal data left in free text) gets the offered `--mask-all FIELD`.  Retried until
    # redact writes or names no new field.  Reported apart from the primary figures.
    if rc != 0 and followup:
        declared: dict[str, dict] = {}
        mask_all: list[str] = []
        msg = err or out
        steps = []
        known = set(DETECTOR_TYPES)
        for _ in range(10):
            named = [f for f in FIELD_RE.findall(msg) if f in cols]
            new = False
            for f in named:
                colt = next(c for c in table["columns"] if c["name"] == f)
                if UNDECIDED_RE.search(msg) and f not in declared and f not in mask_all:
                    types = [t for t in colt["types"] if t in known]
                    if not colt["types"]:
                        declared[f] = {"pii": "none"}
                    elif types and len(types) == len(colt["types"]):
                        declared[f] = {"pii": types[0] if len(types) == 1 else types, "treatment": {"operator": "mask"}}
                    else:
                        mask_all.append(f)
                    new = True
                elif f not in mask_all:
                    mask_all.append(f)
                    new = True
            if not new:
                break
            pkg = work / "packages" / stem
            if pkg.exists():
                shutil.rmtree(pkg)
            pkg.mkdir(parents=True)
            shutil.copy(path, pkg / path.name)
            fields = []
            for c in cols:
                fd = {"name": c, "type": "string"}
                if c in declared:
                    fd["opendata"] = declared[c]
                fields.append(fd)
            resource = {"name": "data", "path": path.name, "format": table["format"], "schema": {"fields": fields}}
            if table["format"] == "csv":
                if table["encoding"] != "utf-8-sig":  # a BOM file is left to detection (it strips the BOM)
                    resource["encoding"] = table["encoding"]
            (pkg / "datapackage.json").write_text(json.dumps({"name": "blind-" + stem.replace("_", "-").lower(),
                                                              "resources": [resource]}, ensure_ascii=False),
                                                  encoding="utf-8")
            outdir = work / "followup" / stem
            if outdir.exists():
                shutil.rmtree(outdir)
            cmd = [od, "redact", str(pkg), "--out", str(outdir)]
            for f in mask_all:
                cmd += ["--mask-all", f]
            rc2, out2, err2, _ = run(cmd, env)
            steps.append({"declared": {k: v["pii"] for k, v in declared.items()}, "mask_all": list(mask_all),
                          "rc": rc2, "message": first_line(err2 or out2) if rc2 else ""})
            if rc2 == 0:
                m = measure(outdir, cols, in_rows, by_cell)
                res["followup"] = {"steps": steps, "written": True, "leaks": m["leaks"], "nonpi": m["nonpi"]}
                break
            msg = err2 or out2
        res.setdefault("followup", {"steps": steps, "written": False, "leaks": [], "nonpi": None})

    # ---------------------------------------------------------------- check
    rc, out, err, secs = run([od, "check", str(path), "--format", "json"], env)
    res["check_rc"], res["check_seconds"] = rc, round(secs, 2)
    try:
        doc = json.loads(out)
        res["check"] = {"publishable": doc.get("publishable"),
                        "findings": dict(collections.Counter(f.get("code") for f in doc.get("findings", [])))}
        unc = [f.get("field") for f in doc.get("findings", []) if f.get("code") == "pii_uncertain"]
        res["check"]["uncertain_fields"] = unc
    except Exception as e:  # noqa: BLE001
        lines = [ln for ln in (err or out).splitlines() if ln.strip()]
        res["check"] = {"error": f"{type(e).__name__}: {lines[0][:200] if lines else ''}"}
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--opendata", required=True, help="path to the opendata executable")
    ap.add_argument("--out", required=True, help="RESULTS.json")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-followup", action="store_true", help="do not retry refused tables with --mask-all")
    ap.add_argument("--work", help="directory for redacted output (default: a temporary one, removed)")
    a = ap.parse_args()
    corpus = Path(a.corpus)
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    tmp = Path(a.work) if a.work else Path(tempfile.mkdtemp(prefix="blind2-"))
    tmp.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, OPENDATA_HOME=str(tmp / "home"), OPENDATA_LANG="en")
    t0 = time.time()
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        results = list(ex.map(lambda t: evaluate_table(t, corpus, a.opendata, tmp, env, not a.no_followup), truth["tables"]))
    elapsed = time.time() - t0

    # ---------------------------------------------------------------- totals
    tp = fp = uncertain = missed = 0
    per_type = collections.defaultdict(lambda: collections.Counter())
    for r in results:
        for p in r["pairs"]:
            if p["truth"]:
                per_type[p["type"]][p["result"]] += 1
                tp += p["result"] == "decided"
                uncertain += p["result"] == "uncertain"
                missed += p["result"] == "missed"
            else:
                fp += p["result"] == "false_positive"
                per_type[p["type"]][p["result"]] += 1
    n_pairs = tp + uncertain + missed
    total_values = sum(r["values"] for r in results)
    refused = [r for r in results if r.get("refused")]
    refused_values = sum(r["values"] for r in refused)
    leaks = [dict(l, file=r["file"]) for r in results for l in r["leaks"]]
    nonpi = [r["nonpi"] for r in results if r.get("nonpi")]
    np_total = sum(n["cells"] for n in nonpi)
    np_same = sum(n["identical"] for n in nonpi)
    np_esc = sum(n["formula_escaped"] for n in nonpi)
    fu = [r for r in refused if r.get("followup")]
    fu_written = [r for r in fu if r["followup"]["written"]]
    fu_leaks = sum(len(r["followup"]["leaks"]) for r in fu_written)
    fu_np = [r["followup"]["nonpi"] for r in fu_written if r["followup"]["nonpi"]]
    fu_np_total = sum(n["cells"] for n in fu_np)
    fu_np_same = sum(n["identical"] for n in fu_np)
    summary = {
        "tables": len(results), "rows": sum(r["rows"] for r in results), "personal_values": total_values,
        "pairs": n_pairs, "pairs_decided": tp, "pairs_uncertain": uncertain, "pairs_missed": missed,
        "false_positive_pairs": fp,
        "recall": round(tp / n_pairs, 4) if n_pairs else None,
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "values_leaked": len(leaks), "tables_refused": len(refused), "values_in_refused_tables": refused_values,
        "nonpi_cells_compared": np_total, "nonpi_identical_share": round(np_same / np_total, 4) if np_total else None,
        "nonpi_identical_or_formula_escaped_share": round((np_same + np_esc) / np_total, 4) if np_total else None,
        "uncertain_on_non_personal_pairs": sum(p["result"] == "uncertain_fp" for r in results for p in r["pairs"]),
        "check_publishable": sum(bool(r.get("check", {}).get("publishable")) for r in results),
        "check_pii_uncertain_findings": sum(len(r.get("check", {}).get("uncertain_fields", [])) for r in results),
        "per_type": {k: dict(v) for k, v in sorted(per_type.items())},
        "followup_written": len(fu_written), "followup_values": sum(r["values"] for r in fu_written),
        "followup_leaked": fu_leaks,
        "followup_nonpi_identical_share": round(fu_np_same / fu_np_total, 4) if fu_np_total else None,
        "seconds": round(elapsed, 1),
    }
    Path(a.out).write_text(json.dumps({"summary": summary, "tables": results}, ensure_ascii=False, indent=1),
                           encoding="utf-8")

    # ---------------------------------------------------------------- print
    print(f"{'table':32} {'rows':>5} {'PI':>6} {'pairs':>5} {'found':>5} {'unsure':>6} {'FP':>3} "
          f"{'leaked':>6} {'nonPI same':>10}  redact")
    for r in results:
        tr = [p for p in r["pairs"] if p["truth"]]
        nf = r.get("nonpi")
        same = f"{nf['identical'] / nf['cells']:.4f}" if nf and nf["cells"] else "-"
        red = f"REFUSED rc={r['refused']['rc']}" if r.get("refused") else "ok"
        print(f"{r['file'][:32]:32} {r['rows']:>5} {r['values']:>6} {len(tr):>5} "
              f"{sum(p['result'] == 'decided' for p in tr):>5} {sum(p['result'] == 'uncertain' for p in tr):>6} "
              f"{sum(p['result'] == 'false_positive' for p in r['pairs']):>3} {len(r['leaks']):>6} {same:>10}  {red}")
    s = summary
    print(f"\nrecall {s['recall']}  precision {s['precision']}  (pairs {s['pairs']}: decided {s['pairs_decided']}, "
          f"uncertain {s['pairs_uncertain']}, missed {s['pairs_missed']}; false-positive pairs {s['false_positive_pairs']})")
    print(f"personal values {s['personal_values']}: leaked {s['values_leaked']}; tables refused {s['tables_refused']} "
          f"(holding {s['values_in_refused_tables']} values)")
    print(f"non-personal cells byte-identical {s['nonpi_identical_share']} "
          f"(with formula escape {s['nonpi_identical_or_formula_escaped_share']}) of {s['nonpi_cells_compared']}")
    print(f"check: {s['check_publishable']} of {s['tables']} tables publishable as they stand; "
          f"{s['check_pii_uncertain_findings']} pii_uncertain findings; {s['uncertain_on_non_personal_pairs']} "
          f"uncertain decisions on non-personal (column, type) pairs")
    print(f"after the way forward (declare the undecided fields as the truth says; --mask-all the fields the last "
          f"line names): {s['followup_written']} of "
          f"{s['tables_refused']} refused tables written, holding {s['followup_values']} values: leaked "
          f"{s['followup_leaked']}; non-personal cells identical {s['followup_nonpi_identical_share']}")
    print(f"time {s['seconds']} s")
    for r in results:
        for p in r["pairs"]:
            if p["result"] not in ("decided", "organisation_type"):
                print(f"  {p['result']:15} {r['file']}  [{p['column']}] {p['type']}  ({p['note']}) "
                      f"scan: {p['detected'] or '-'}")
    by_col = collections.defaultdict(list)
    for l in leaks:
        by_col[(l["file"], l["column"], l["type"])].append(l["masked"])
    if by_col:
        print("\nleaked values by (table, column, type):")
    for (f, c, t), ms in sorted(by_col.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(ms):>5}  {f} [{c}] {t}  e.g. {', '.join(ms[:3])}")
    for r in refused:
        print(f"  refused: {r['file']} rc={r['refused']['rc']}: {r['refused']['message']}")
        f = r.get("followup")
        if f:
            fl = collections.defaultdict(list)
            for l in f["leaks"]:
                fl[(l["column"], l["type"])].append(l["masked"])
            last = f["steps"][-1] if f["steps"] else {}
            print(f"    way forward: declared {last.get('declared', {})} --mask-all {last.get('mask_all', [])} -> "
                  f"{'written' if f['written'] else 'still refused: ' + last.get('message', 'no field named')}"
                  + "".join(f"; leaked [{c}] {t} {len(m)} e.g. {', '.join(m[:2])}" for (c, t), m in fl.items()))
    for r in results:
        nf = r.get("nonpi")
        if nf and nf["changed_by_column"]:
            print(f"  non-PI changed: {r['file']} " + ", ".join(f"[{k}] {v}" for k, v in nf["changed_by_column"].items()))
    if not a.work:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
