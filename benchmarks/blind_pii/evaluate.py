#!/usr/bin/env python3
"""Evaluate the opendata PI detector and redactor against a blind corpus.

Usage: evaluate.py --corpus DIR [--opendata .venv/bin/opendata] --out RESULTS.json
                   [--work DIR] [--tables t01,t05]

For every table listed in DIR/truth.json:
  * `opendata scan FILE --format json`  -> per (column, type) detection: recall / precision per type
  * `opendata redact FILE --out OUT`     -> cell-by-cell comparison of OUT/data/*.csv with the input:
        personal values left untreated, share of non-personal cells kept byte-identical;
        a refusal (non-zero exit) is recorded with its exit code and one-line message
  * `opendata check FILE`                -> must not exit 0 while PI is undeclared
"""
import argparse
import csv
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata

TYPES = ["cn_resident_id", "cn_mobile", "cn_landline", "email", "bank_card", "cn_passport", "cn_license_plate",
         "person_name", "address", "birth_date", "ip_address"]
DIGIT_TYPES = {"cn_resident_id", "cn_mobile", "cn_landline", "bank_card"}
ALNUM_TYPES = {"cn_passport", "cn_license_plate", "cn_resident_id"}
csv.field_size_limit(1 << 30)


def run(cmd, env, timeout=900, retries=3):
    """Run a command; retry on exit 70 (internal error), which was seen while the tree was being edited."""
    for attempt in range(retries):
        t0 = time.time()
        try:
            p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
            rc, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired:
            rc, out, err = -9, "", f"timeout after {timeout}s"
        dtm = time.time() - t0
        if rc != 70:
            break
        time.sleep(2)
    return rc, out, err, round(dtm, 2), attempt + 1


def one_line(*texts):
    for t in texts:
        for line in (t or "").splitlines():
            line = line.strip()
            if line:
                return line[:400]
    return ""


def nfkc(s):
    return unicodedata.normalize("NFKC", s or "")


def digits(s):
    return re.sub(r"\D", "", nfkc(s))


def alnum(s):
    return re.sub(r"[^0-9A-Za-z\u4e00-\u9fff]", "", nfkc(s)).upper()


def leaked(typ, sub, out_cell):
    """Is the personal value `sub` still present (as written, or its digits/alnum form) in out_cell?"""
    if out_cell is None or out_cell == "":
        return False
    if sub in out_cell or nfkc(sub) in nfkc(out_cell):
        return True
    if typ in ALNUM_TYPES:
        a = alnum(sub)
        if len(a) >= 7 and a in alnum(out_cell):
            return True
    if typ in DIGIT_TYPES:
        d = digits(sub)
        if len(d) >= 7 and d in digits(out_cell):
            return True
    return False


def read_input(path, fmt, encoding):
    if fmt == "xlsx":
        from openpyxl import load_workbook
        wb = load_workbook(path, read_only=True)
        ws = wb.worksheets[0]
        rows = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
        return rows[0], rows[1:]
    with open(path, encoding=encoding, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def read_output_csv(path):
    with open(path, "rb") as f:
        raw = f.read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(text.splitlines(keepends=True)))
    return bom, rows[0], rows[1:]


def prf(tp, fp, fn):
    rec = tp / (tp + fn) if tp + fn else None
    pre = tp / (tp + fp) if tp + fp else None
    return {"tp": tp, "fp": fp, "fn": fn, "recall": rec, "precision": pre}


def evaluate_table(name, tinfo, corpus, opendata, env, workdir):
    path = os.path.join(corpus, tinfo["file"])
    res = {"file": tinfo["file"], "rows": tinfo["rows"], "title": tinfo.get("title")}
    cols = tinfo["columns"]
    has_pi = any(c["types"] for c in cols.values())
    pv_total = sum(sum(c["counts"].values()) for c in cols.values())
    res["personal_values"] = pv_total

    # ---------------- scan
    rc, out, err, secs, tries = run([opendata, "scan", path, "--format", "json"], env)
    scan = {"rc": rc, "seconds": secs, "attempts": tries}
    detected = {}  # column -> {type: entry}
    if rc == 0:
        try:
            d = json.loads(out)
            fields = d["resources"][0]["fields"]
            names = [f["name"] for f in fields]
            for i, f in enumerate(fields):
                col = f["name"] if f["name"] in cols else (tinfo["headers"][i] if i < len(tinfo["headers"]) else f["name"])
                detected[col] = {e["type"]: {k: e.get(k) for k in ("matches", "sampled", "ratio", "masked", "spans")}
                                 for e in f.get("detected", [])}
            scan["field_names"] = names
        except Exception as exc:  # noqa
            scan["parse_error"] = repr(exc)
    else:
        scan["message"] = one_line(err, out)
    res["scan"] = scan

    per_col = {}
    type_counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in TYPES}
    value_cov = {t: [0, 0] for t in TYPES}
    for col, c in cols.items():
        truth_types = set(c["types"])
        det = detected.get(col, {})
        det_types = set(det)
        cells_with = {}
        for spans in c["cells"].values():
            for t in {t for t, _ in spans}:
                cells_with[t] = cells_with.get(t, 0) + 1
        est = {}
        for t, nt in cells_with.items():
            e = det.get(t)
            if not e:
                est[t] = 0
            elif e.get("spans"):
                est[t] = min(nt, round((e.get("ratio") or 0) * tinfo["rows"]))
            else:
                est[t] = min(nt, e.get("matches") or 0)
        for t in est:
            value_cov[t][0] += est[t]
            value_cov[t][1] += cells_with[t]
        pc = {"truth_type": c["type"], "truth_types": sorted(truth_types), "truth_counts": c["counts"],
              "truth_cells_by_type": cells_with, "scan_found_cells_est": est,
              "detected": det, "missed_types": sorted(truth_types - det_types),
              "false_types": sorted((det_types - truth_types) & set(TYPES)),
              "other_types": sorted(det_types - set(TYPES))}
        for t in TYPES:
            if t in truth_types and t in det_types:
                type_counts[t]["tp"] += 1
            elif t in truth_types:
                type_counts[t]["fn"] += 1
            elif t in det_types:
                type_counts[t]["fp"] += 1
        per_col[col] = pc
    res["detection"] = {t: prf(**v) for t, v in type_counts.items() if any(v.values())}
    tp = sum(v["tp"] for v in type_counts.values())
    fp = sum(v["fp"] for v in type_counts.values())
    fn = sum(v["fn"] for v in type_counts.values())
    res["detection_overall"] = prf(tp, fp, fn) if rc == 0 else {"tp": 0, "fp": 0, "fn": fn + tp, "recall": 0.0,
                                                                 "precision": None, "scan_failed": True}
    res["_type_counts"] = type_counts
    res["_value_cov"] = value_cov
    res["scan_value_recall_est"] = {t: v[0] / v[1] for t, v in value_cov.items() if v[1]}

    # ---------------- redact
    od = os.path.join(workdir, "redact", name)
    shutil.rmtree(od, ignore_errors=True)
    os.makedirs(os.path.dirname(od), exist_ok=True)
    rc, out, err, secs, tries = run([opendata, "redact", path, "--out", od], env)
    red = {"rc": rc, "seconds": secs, "attempts": tries}
    untreated_by_type = {t: 0 for t in TYPES}
    pv_by_type = {t: 0 for t in TYPES}
    for c in cols.values():
        for t, n in c["counts"].items():
            pv_by_type[t] += n
    red["personal_values_by_type"] = {t: n for t, n in pv_by_type.items() if n}
    if rc != 0:
        red["refused"] = True
        red["message"] = one_line(err, out)
        m = re.search(r"字段“([^”]+)”", red["message"])
        if m:
            red["uncertain_field"] = m.group(1)
    else:
        red["refused"] = False
        red["log"] = [ln for ln in out.splitlines() if ln.strip()][:60]
        outs = sorted(glob.glob(os.path.join(od, "data", "*.csv")))
        if not outs:
            red["error"] = "no output CSV under data/"
        else:
            bom, oh, orows = read_output_csv(outs[0])
            ih, irows = read_input(path, tinfo["format"], tinfo["encoding"])
            red.update({"output": os.path.relpath(outs[0], workdir), "bom": bom, "output_rows": len(orows),
                        "input_rows": len(irows), "row_count_match": len(orows) == len(irows),
                        "removed_columns": [h for h in ih if h not in oh]})
            oidx = {h: i for i, h in enumerate(oh)}
            n = min(len(orows), len(irows))
            tot_untreated, np_cells, np_ident = 0, 0, 0
            for col, c in cols.items():
                ci = c["index"]
                oi = oidx.get(col)
                pc = per_col[col]
                if c["types"]:
                    un, treated, ex = {}, 0, []
                    for rs, spans in c["cells"].items():
                        r = int(rs)
                        oc = orows[r][oi] if (oi is not None and r < len(orows) and oi < len(orows[r])) else None
                        for t, sub in spans:
                            if leaked(t, sub, oc):
                                un[t] = un.get(t, 0) + 1
                                untreated_by_type[t] += 1
                                if len(ex) < 3:
                                    ex.append({"row": r, "type": t})
                            else:
                                treated += 1
                    pc["untreated"] = un
                    pc["untreated_total"] = sum(un.values())
                    pc["treated"] = treated
                    pc["removed"] = oi is None
                    pc["untreated_rows_sample"] = ex  # row numbers only, never values
                    tot_untreated += sum(un.values())
                else:
                    same = 0
                    for r in range(len(irows)):
                        iv = irows[r][ci] if ci < len(irows[r]) else ""
                        ov = orows[r][oi] if (oi is not None and r < len(orows) and oi < len(orows[r])) else None
                        same += (ov == iv)
                    pc["identical"] = same
                    pc["identical_share"] = same / len(irows) if irows else None
                    pc["removed"] = oi is None
                    np_cells += len(irows)
                    np_ident += same
            red["untreated"] = tot_untreated
            red["untreated_by_type"] = {t: v for t, v in untreated_by_type.items() if v}
            red["nonpersonal_cells"] = np_cells
            red["nonpersonal_identical"] = np_ident
            red["nonpersonal_identical_share"] = np_ident / np_cells if np_cells else None
    res["redact"] = red

    # ---------------- check
    rc, out, err, secs, tries = run([opendata, "check", path], env)
    verdict = [ln.strip() for ln in (out or "").splitlines() if ln.strip().startswith(("结论", "Verdict", "Conclusion"))]
    res["check"] = {"rc": rc, "seconds": secs, "message": (verdict[-1] if verdict else "") or one_line(err) or one_line(out),
                    "notice": one_line(err),
                    "has_undeclared_pi": has_pi, "violation": bool(has_pi and rc == 0)}
    res["columns"] = per_col
    return res


def fmt(x, pct=True):
    if x is None:
        return "  -  "
    return f"{100 * x:5.1f}%" if pct else str(x)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--opendata", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".venv", "bin", "opendata"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--work", default=None, help="where redact outputs go (default: next to --out)")
    ap.add_argument("--tables", default=None, help="comma-separated table name prefixes to evaluate")
    a = ap.parse_args()
    truth = json.load(open(os.path.join(a.corpus, "truth.json"), encoding="utf-8"))
    workdir = os.path.abspath(a.work or os.path.join(os.path.dirname(os.path.abspath(a.out)), "eval_work"))
    os.makedirs(workdir, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("OPENDATA_HOME", os.path.join(workdir, "home"))
    env.pop("OPENDATA_DEBUG", None)

    meta = {"opendata": a.opendata, "corpus": os.path.abspath(a.corpus), "seed": truth.get("seed"),
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(a.opendata))))
    try:
        meta["git_head"] = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
        meta["git_dirty"] = bool(subprocess.run(["git", "-C", repo, "status", "--porcelain", "--untracked-files=no"],
                                                capture_output=True, text=True).stdout.strip())
    except Exception:
        pass

    results = {}
    names = list(truth["tables"])
    if a.tables:
        pre = a.tables.split(",")
        names = [n for n in names if any(n.startswith(p) for p in pre)]
    for n in names:
        print(f"… {n}", file=sys.stderr, flush=True)
        results[n] = evaluate_table(n, truth["tables"][n], a.corpus, a.opendata, env, workdir)

    # ---------------- aggregate
    agg = {t: {"tp": 0, "fp": 0, "fn": 0} for t in TYPES}
    vc = {t: [0, 0] for t in TYPES}
    pv = {t: 0 for t in TYPES}
    un = {t: 0 for t in TYPES}
    pv_redacted = {t: 0 for t in TYPES}
    pv_refused = {t: 0 for t in TYPES}
    np_cells = np_ident = 0
    refusals, check_viol = [], []
    for n, r in results.items():
        for t, v in r["_type_counts"].items():
            for k in v:
                agg[t][k] += v[k]
        for t, c in r["redact"]["personal_values_by_type"].items():
            pv[t] += c
            (pv_refused if r["redact"]["rc"] != 0 else pv_redacted)[t] += c
        if r["redact"]["rc"] == 0:
            for t, c in r["redact"].get("untreated_by_type", {}).items():
                un[t] += c
            np_cells += r["redact"].get("nonpersonal_cells", 0)
            np_ident += r["redact"].get("nonpersonal_identical", 0)
        else:
            refusals.append({"table": n, "rc": r["redact"]["rc"], "message": r["redact"].get("message")})
        if r["check"]["violation"]:
            check_viol.append(n)
        for t, v in r["_value_cov"].items():
            vc[t][0] += v[0]
            vc[t][1] += v[1]
        del r["_type_counts"], r["_value_cov"]
    per_type = {}
    for t in TYPES:
        d = prf(**agg[t])
        d["scan_value_recall_est"] = vc[t][0] / vc[t][1] if vc[t][1] else None
        d.update({"personal_values": pv[t], "in_redacted_tables": pv_redacted[t], "in_refused_tables": pv_refused[t],
                  "untreated": un[t], "untreated_share_of_redacted": (un[t] / pv_redacted[t]) if pv_redacted[t] else None})
        per_type[t] = d
    tp = sum(v["tp"] for v in agg.values())
    fp = sum(v["fp"] for v in agg.values())
    fn = sum(v["fn"] for v in agg.values())
    overall = {"detection": prf(tp, fp, fn),
               "scan_value_recall_est": sum(v[0] for v in vc.values()) / max(1, sum(v[1] for v in vc.values())),
               "personal_values": sum(pv.values()),
               "personal_values_in_redacted_tables": sum(pv_redacted.values()),
               "personal_values_in_refused_tables": sum(pv_refused.values()),
               "untreated": sum(un.values()),
               "untreated_share_of_redacted": (sum(un.values()) / sum(pv_redacted.values())) if sum(pv_redacted.values()) else None,
               "nonpersonal_cells_in_redacted_tables": np_cells,
               "nonpersonal_identical_share": np_ident / np_cells if np_cells else None,
               "tables": len(results), "redact_refusals": len(refusals), "refusals": refusals,
               "check_exit0_with_undeclared_pi": check_viol}
    meta["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    out = {"meta": meta, "overall": overall, "per_type": per_type, "tables": results}
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)

    # ---------------- summary
    print(f"\nopendata: {a.opendata}  (HEAD {meta.get('git_head', '?')[:10]}{' dirty' if meta.get('git_dirty') else ''})")
    print(f"corpus: {a.corpus}  seed {truth.get('seed')}\n")
    print(f"{'table':26s} {'rows':>5s} {'PV':>6s} {'scan':>4s} {'recall':>7s} {'prec':>7s} {'redact':>6s} {'untreat':>7s} {'np-ident':>8s} {'check':>5s}")
    for n, r in results.items():
        d = r["detection_overall"]
        rd = r["redact"]
        print(f"{n:26s} {r['rows']:5d} {r['personal_values']:6d} {r['scan']['rc']:4d} {fmt(d['recall']):>7s} {fmt(d['precision']):>7s} "
              f"{rd['rc']:6d} {(str(rd.get('untreated')) if rd['rc'] == 0 else 'refuse'):>7s} "
              f"{fmt(rd.get('nonpersonal_identical_share')):>8s} {r['check']['rc']:5d}")
    print("\ncolumn level: cols+ = columns truly holding the type; recall/prec over (column, type) pairs;"
          " cell~ = scan's matched cells / true cells (estimate);\nvalues = personal values; redacted = of them in tables"
          " redact wrote; untreat = still present after redact; share = untreat / redacted")
    print(f"{'type':18s} {'cols+':>5s} {'TP':>4s} {'FP':>4s} {'FN':>4s} {'recall':>7s} {'prec':>7s} {'cell~':>7s} {'values':>7s} {'redacted':>8s} {'untreat':>7s} {'share':>7s}")
    for t, d in per_type.items():
        print(f"{t:18s} {d['tp'] + d['fn']:5d} {d['tp']:4d} {d['fp']:4d} {d['fn']:4d} {fmt(d['recall']):>7s} {fmt(d['precision']):>7s} {fmt(d['scan_value_recall_est']):>7s} "
              f"{d['personal_values']:7d} {d['in_redacted_tables']:8d} {d['untreated']:7d} {fmt(d['untreated_share_of_redacted']):>7s}")
    o = overall
    print(f"{'ALL':18s} {tp + fn:5d} {tp:4d} {fp:4d} {fn:4d} {fmt(o['detection']['recall']):>7s} {fmt(o['detection']['precision']):>7s} {fmt(o['scan_value_recall_est']):>7s} "
          f"{o['personal_values']:7d} {o['personal_values_in_redacted_tables']:8d} {o['untreated']:7d} {fmt(o['untreated_share_of_redacted']):>7s}")
    print(f"\nnon-personal cells kept byte-identical (redacted tables): {fmt(o['nonpersonal_identical_share'])} of {np_cells}")
    print(f"redact refusals: {len(refusals)} / {len(results)}")
    for x in refusals:
        print(f"  {x['table']}: exit {x['rc']}: {x['message']}")
    print(f"check exit 0 with undeclared PI: {check_viol or 'none'}")
    print(f"\nwritten {a.out}")


if __name__ == "__main__":
    main()
