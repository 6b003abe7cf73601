"""Redaction: treat personal information before anything leaves, and prove nothing untreated is left.

For each field the plan is: its declared treatment (``"opendata": {"treatment": {...}}``); else,
for personal information that was detected but not declared, the policy's default treatment for the
type (reported as such); nothing for fields disclosed by law or already masked. Spans inside free
text are treated in place. Declared quasi-identifiers are generalized and, if still rarer than the
policy's k, their rows are suppressed.

The output is a new package (UTF-8 CSV with BOM, same row order; every untreated cell byte-for-byte
as it was) whose ``datapackage.json`` records each field's treatment and key id. It is written
beside the target and renamed into place only after it has been re-scanned: if any untreated
personal information remains, nothing is left behind and :class:`PolicyError` names the field.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .trust import keys as keyring
from .errors import InputError, KeyMaterialError, PolicyError, ValidationFailed
from .policy.kanon import count_combinations, quasi_identifiers
from .package import Package, Resource, load
from .pii.detectors import REGISTRY
from .pii.operators import OPERATORS
from .parallel import ordered_map
from .pii.scan import (BatchScan, Counts, ScanReport, decide, declared_types, merge_counts, scan, scan_batch,
                       treated_operator)
from .policy.rules import Policy, load_policy
from .release import CsvSink, csv_rows

#: constraints that a treated value can no longer be expected to meet.
_DROPPED_CONSTRAINTS = ("pattern", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                        "minLength", "maxLength")


@dataclass
class Treatment:
    """One treatment of one field: whole cells, or spans of ``pii_type`` inside text."""

    operator: str
    pii_type: str | None
    params: dict[str, Any]
    auto: bool
    spans: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"operator": self.operator, "type": self.pii_type, "params": self.params, "auto": self.auto,
                "spans": self.spans}


@dataclass
class FieldPlan:
    field: str
    treatments: list[Treatment] = field(default_factory=list)

    @property
    def suppressed(self) -> bool:
        return any(t.operator == "suppress" and not t.spans for t in self.treatments)


@dataclass
class RedactionReport:
    """What redact did, for the officer and the audit log (no values)."""

    source: str
    output: str
    key_id: str | None
    plans: dict[str, list[FieldPlan]]
    rows_in: dict[str, int] = field(default_factory=dict)
    rows_out: dict[str, int] = field(default_factory=dict)
    generalized_qi: dict[str, list[str]] = field(default_factory=dict)
    suppressed_rows: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "output": self.output, "keyId": self.key_id,
            "resources": [{
                "name": name, "rowsIn": self.rows_in.get(name), "rowsOut": self.rows_out.get(name),
                "suppressedRows": self.suppressed_rows.get(name, 0),
                "generalizedQuasiIdentifiers": self.generalized_qi.get(name, []),
                "fields": [{"name": p.field, "treatments": [t.to_dict() for t in p.treatments]}
                           for p in plans if p.treatments]}
                for name, plans in self.plans.items()],
        }


def plan_resource(resource: Resource, scanned: ScanReport, policy: Policy) -> list[FieldPlan]:
    """The treatment of each field of ``resource``, from declarations, detections and the policy."""
    plans = []
    result = scanned.resource(resource.name)
    where = f"{resource.name}"
    for f in resource.schema.fields:
        props = f.opendata
        fplan = FieldPlan(f.name)
        plans.append(fplan)
        if props.get("treated"):
            continue  # already redacted
        declared = declared_types(f)
        detections = [d for d in result.field(f.name).detected if d.personal and d.raw]
        declared_treatment = props.get("treatment")
        if declared_treatment:
            op = declared_treatment["operator"]
            params = OPERATORS[op].check(declared_treatment, None, where=f"{where}.{f.name}")
            column_types = [d.type for d in detections if not d.spans] or declared or [None]
            fplan.treatments.append(Treatment(op, column_types[0], params, auto=False))
            for d in detections:
                if d.spans:
                    fplan.treatments.append(Treatment(op, d.type, params, auto=False, spans=True))
            continue
        for d in detections:
            rule = policy.pii[d.type]
            if d.type in declared and props.get("disclosure") and rule.disclosable:
                continue  # published untreated under a legal basis
            default = dict(rule.default_treatment)
            op = default.pop("operator")
            if op == "none":
                continue
            fplan.treatments.append(Treatment(op, d.type, OPERATORS[op].check(default, d.type, where=where),
                                              auto=d.type not in declared, spans=d.spans))
    return plans


def treat_batch(batch: pa.RecordBatch, plans: list[FieldPlan], key: keyring.DataKey | None, *,
                fast: bool = False) -> pa.RecordBatch:
    """Apply a resource's plan to one raw text batch (pure for a given key, except ``encrypt``'s nonces).

    ``fast``: spans take their operator's cheaper path where it has one, which may leave spans of
    other written forms; the caller must re-scan and, if any are left, treat the batch again
    without it.
    """
    arrays, names = [], []
    by_name = {p.field: p for p in plans}
    for name, column in zip(batch.schema.names, batch.columns):
        plan = by_name.get(name)
        if plan is not None and plan.suppressed:
            continue
        for t in plan.treatments if plan else []:
            operator = OPERATORS[t.operator]
            if t.spans:
                treated = operator.apply_spans_fast(column, t.pii_type, t.params, key) if fast else None
                column = treated if treated is not None else operator.apply_spans(
                    column, REGISTRY[t.pii_type].span_pattern, t.pii_type, t.params, key)
            else:
                column = _treat_cells(operator, column, t, key)
        arrays.append(column)
        names.append(name)
    return pa.RecordBatch.from_arrays(arrays, names=names)


def _treat_cells(operator, column: pa.Array, t: Treatment, key) -> pa.Array:
    # Empty cells stay empty: there is nothing to protect, and "" must not become a token.
    empty = pc.fill_null(pc.equal(column, ""), True)
    if not pc.any(empty).as_py():
        return operator.apply(column, t.pii_type, t.params, key)
    present = pc.if_else(empty, pa.scalar(None, pa.string()), column)
    treated = operator.apply(present, t.pii_type, t.params, key)
    return pc.if_else(empty, column, treated)


def _qi_generalization(resource: Resource, qi: tuple[str, ...]) -> dict[str, Treatment]:
    """A coarser version of each quasi-identifier that has an obvious one."""
    out = {}
    for name in qi:
        f = resource.schema.get(name)
        kinds = declared_types(f)
        if f.type in ("date", "datetime") or "birth_date" in kinds:
            out[name] = Treatment("generalize", "birth_date", {"level": "year"}, auto=True)
        elif f.type in ("integer", "number"):
            out[name] = Treatment("generalize", None, {"level": "band", "width": 10}, auto=True)
        elif "address" in kinds:
            out[name] = Treatment("generalize", "address", {"level": "district"}, auto=True)
    return out


def _combos(batch: pa.RecordBatch, qi: tuple[str, ...]) -> list[tuple]:
    return list(zip(*[batch.column(batch.schema.get_field_index(n)).to_pylist() for n in qi]))


def _treated_columns(resource: Resource, plans: list[FieldPlan], key, columns: tuple[str, ...]
                     ) -> Iterator[pa.RecordBatch]:
    """Only ``columns`` of each batch, treated: all that counting quasi-identifiers needs."""
    for batch in resource.raw_batches():
        yield treat_batch(batch.select(list(columns)), plans, key)


def _live_quasi_identifiers(resource: Resource, plans: list[FieldPlan]) -> tuple[str, ...]:
    """The declared quasi-identifiers that stay in the output (not suppressed)."""
    suppressed = {p.field for p in plans if p.suppressed}
    return tuple(n for n in quasi_identifiers(resource) if n not in suppressed)


def _k_anonymize(resource: Resource, plans: list[FieldPlan], key, k: int, report: RedactionReport) -> set[tuple]:
    """Generalize quasi-identifiers where needed; return the combinations still rarer than k."""
    qi = _live_quasi_identifiers(resource, plans)
    if not qi:
        return set()
    counts = count_combinations(_treated_columns(resource, plans, key, qi), qi)
    if all(n >= k for n in counts.values()):
        return set()
    coarser = _qi_generalization(resource, qi)
    for plan in plans:
        if plan.field in coarser:
            plan.treatments.append(coarser[plan.field])
    report.generalized_qi[resource.name] = sorted(coarser)
    counts = count_combinations(_treated_columns(resource, plans, key, qi), qi)
    return {combo for combo, n in counts.items() if n < k}


class _TreatedOutput:
    """One resource's redacted CSV in the making, under one plan.

    :meth:`step` treats a raw batch, re-scans its treated columns, drops the rows of
    combinations in ``rare`` and encodes the rest as CSV (pure: it runs on the workers);
    :meth:`receive` appends the results in file order and keeps the re-scan totals and, with
    ``count_qi``, the quasi-identifier counts.
    """

    def __init__(self, path: Path, plans: list[FieldPlan], key, qi: tuple[str, ...], *,
                 rare: set[tuple] | None = None, count_qi: bool = False) -> None:
        self.plans, self.key, self.qi = plans, key, qi
        self.rare = rare or set()
        self.count_qi = count_qi and bool(qi)
        self.treated_fields = [p.field for p in plans if p.treatments and not p.suppressed]
        self.names = [p.field for p in plans if not p.suppressed]
        self.totals: dict = defaultdict(lambda: defaultdict(Counts))
        self.nonempty: dict = defaultdict(int)
        self.combos: Counter = Counter()
        self.rows_in = self.rows_out = 0
        self.failed = False
        self._sink: CsvSink | None = CsvSink(path, self.names)

    def step(self, batch: pa.RecordBatch) -> tuple | None:
        treated = treat_batch(batch, self.plans, self.key, fast=True)
        rescan = self._rescan(treated)
        if rescan is not None and self._spans_left(rescan):
            treated = treat_batch(batch, self.plans, self.key)  # spans in other written forms
            rescan = self._rescan(treated)
        combos = count_combinations([treated], self.qi) if self.count_qi else None
        rows_in = treated.num_rows
        if self.rare:
            keep = np.array([c not in self.rare for c in _combos(treated, self.qi)], dtype=bool)
            treated = treated.filter(pa.array(keep))
        return rows_in, treated.num_rows, csv_rows(treated, self.names), rescan, combos

    def _rescan(self, treated: pa.RecordBatch) -> BatchScan | None:
        return scan_batch(treated.select(self.treated_fields), raw_only=True) if self.treated_fields else None

    def _spans_left(self, rescan: BatchScan) -> bool:
        """Whether a type whose spans were treated in a field is still found there."""
        return any((c := rescan.counts.get(p.field, {}).get(t.pii_type)) is not None and (c.matches or c.span_matches)
                   for p in self.plans for t in p.treatments if t.spans)

    def receive(self, result: tuple | None) -> None:
        if result is None or self.failed:
            self.failed = True
            return
        rows_in, rows_out, encoded, rescan, combos = result
        self.rows_in += rows_in
        self.rows_out += rows_out
        if rescan is not None:
            merge_counts(rescan, self.totals, self.nonempty)
        if combos:
            self.combos.update(combos)
        assert self._sink is not None
        self._sink.write_encoded(encoded)

    def close(self) -> None:
        if self._sink is not None:
            self._sink.close()
            self._sink = None


class _Speculation(_TreatedOutput):
    """The output written during the check pass under a plan made from a sample of the rows.

    It is the redaction's output if the whole-file scan leads to the same plan and every
    quasi-identifier combination is shared by at least k rows; otherwise it is written again.
    A batch that cannot be treated (the check will reject the data, or the treatment pass will
    report the problem) makes it unusable instead of stopping the check.
    """

    def step(self, batch: pa.RecordBatch) -> tuple | None:
        if batch.num_columns < len(self.plans):
            return None  # a narrower file: validation reports it
        try:
            return super().step(batch)
        except Exception:  # noqa: BLE001 - redone, and then reported, by the treatment pass
            return None

    def holds(self, plans: list[FieldPlan], k: int) -> bool:
        return (not self.failed and _plan_key(self.plans) == _plan_key(plans)
                and all(n >= k for n in self.combos.values()))


def _plan_key(plans: list[FieldPlan]) -> list:
    return [(p.field, [t.to_dict() for t in p.treatments]) for p in plans]


def _output_descriptor(package: Package, plans: dict[str, list[FieldPlan]], key_id: str | None,
                       policy: Policy, report: RedactionReport) -> dict[str, Any]:
    out = package.to_descriptor()
    suppressed = []
    for res, rdesc in zip(package.resources, out["resources"]):
        rplans = {p.field: p for p in plans[res.name]}
        schema = dict(rdesc["schema"])
        fields = []
        for fdesc in schema["fields"]:
            plan = rplans.get(fdesc["name"])
            if plan is None or not plan.treatments:
                fields.append(fdesc)
                continue
            if plan.suppressed:
                suppressed.append({"resource": res.name, "field": fdesc["name"]})
                continue
            fdesc = dict(fdesc)
            props = dict(fdesc.get("opendata") or {})
            props.pop("treatment", None)
            main = next((t for t in plan.treatments if not t.spans), plan.treatments[0])
            types = sorted({t.pii_type for t in plan.treatments if t.pii_type})
            treated: dict[str, Any] = {"operator": main.operator, "types": types,
                                       "by_type": {t.pii_type: t.operator for t in plan.treatments if t.pii_type},
                                       "auto": all(t.auto for t in plan.treatments),
                                       "spans": any(t.spans for t in plan.treatments)}
            if main.params:
                treated["params"] = main.params
            if any(OPERATORS[t.operator].needs_key for t in plan.treatments):
                treated["key_id"] = key_id
            props["treated"] = treated
            if types and not props.get("pii"):
                props["pii"] = types[0] if len(types) == 1 else types
            if not any(t.spans for t in plan.treatments) and fdesc.get("type", "string") != "string":
                props["original_type"] = fdesc["type"]
                fdesc["type"] = "string"
                fdesc.pop("format", None)
            constraints = {k: v for k, v in (fdesc.get("constraints") or {}).items() if k not in _DROPPED_CONSTRAINTS}
            if main.operator in ("mask", "generalize"):
                constraints.pop("unique", None)  # two values may now look alike
            fdesc["constraints"] = constraints
            if not constraints:
                fdesc.pop("constraints")
            fdesc["opendata"] = props
            fields.append(fdesc)
        schema["fields"] = fields
        kept = {f["name"] for f in fields}
        lossy = {p.field for p in plans[res.name] if any(t.operator in ("mask", "generalize") for t in p.treatments)}
        if schema.get("primaryKey"):
            pk = [schema["primaryKey"]] if isinstance(schema["primaryKey"], str) else schema["primaryKey"]
            if not set(pk) <= kept or set(pk) & lossy:
                schema.pop("primaryKey")
        schema["foreignKeys"] = [fk for fk in schema.get("foreignKeys") or []
                                 if set([fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]) <= kept - lossy]
        if not schema["foreignKeys"]:
            schema.pop("foreignKeys")
        rdesc.update(schema=schema, path=f"data/{res.name}.csv", format="csv", encoding="utf-8-sig")
        for prop in ("dialect", "sheet"):
            rdesc.pop(prop, None)
    props = dict(out.get("opendata") or {})
    props["redaction"] = {"policy": policy.summary(), "key_id": key_id, "source": package.name,
                          "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    if suppressed:
        props["suppressed"] = suppressed
    out["opendata"] = props
    return out


#: rows scanned to plan the treatment that runs during the check pass (see :func:`redact`).
PLAN_SAMPLE_ROWS = 5_000


def _needs_key(plans: dict[str, list[FieldPlan]]) -> bool:
    return any(OPERATORS[t.operator].needs_key for ps in plans.values() for p in ps for t in p.treatments)


def _provisional_plans(package: Package, policy: Policy, key) -> tuple[dict[str, list[FieldPlan]] | None, Any]:
    """Plans from a scan of the first rows, and the key they need; ``None`` if they need a key
    that is not there (then the treatment waits for the whole-file scan)."""
    sampled = scan(package, sample_rows=PLAN_SAMPLE_ROWS)
    plans = {res.name: plan_resource(res, sampled, policy) for res in package.resources}
    if _needs_key(plans) and key is None:
        try:
            key = keyring.data_key()
        except KeyMaterialError:
            return None, None
    return plans, key


def redact(package: Package, out_dir: str | Path, *, policy: Policy | None = None,
           key: keyring.DataKey | None = None) -> tuple[Package, RedactionReport]:
    """Write a redacted copy of ``package`` to ``out_dir``; returns it and what was done.

    The data is read once in the usual case: while it is checked (validated and scanned), it is
    also treated and written under a plan made from its first rows. If the scan of every row leads
    to the same plan (and no quasi-identifier combination is rarer than the policy's k), that
    output stands; otherwise a second pass writes it under the final plan. Either way the output is
    the same.
    """
    policy = policy or load_policy()
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise InputError("redact.output_exists", path=str(out_dir))
    from .check import analyze

    provisional, key = _provisional_plans(package, policy, key)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    outputs: dict[str, _TreatedOutput] = {}
    try:
        (staging / "data").mkdir()

        def speculate(res: Resource) -> _Speculation | None:
            if provisional is None:
                return None
            plans = provisional[res.name]
            outputs[res.name] = _Speculation(staging / "data" / f"{res.name}.csv", plans, key,
                                             _live_quasi_identifiers(res, plans), count_qi=True)
            return outputs[res.name]  # type: ignore[return-value]

        try:
            validation, scanned, _ = analyze(package, also=speculate)
        finally:
            for output in outputs.values():
                output.close()
        if not validation.valid:
            raise ValidationFailed("redact.invalid_input", name=package.name, count=validation.error_count)
        plans = {res.name: plan_resource(res, scanned, policy) for res in package.resources}
        needs_key = _needs_key(plans)
        if needs_key and key is None:
            key = keyring.data_key()
        report = RedactionReport(package.name, str(out_dir), key.id if needs_key and key else None, plans)

        for res in package.resources:
            output = outputs.get(res.name)
            if not (isinstance(output, _Speculation) and output.holds(plans[res.name], policy.k)):
                output = _treat_resource(res, plans[res.name], key, policy, report,
                                         staging / "data" / f"{res.name}.csv")
            report.rows_in[res.name], report.rows_out[res.name] = output.rows_in, output.rows_out
            if output.rows_in != output.rows_out:
                report.suppressed_rows[res.name] = output.rows_in - output.rows_out
            outputs[res.name] = output
        descriptor = _output_descriptor(package, plans, report.key_id, policy, report)
        (staging / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")
        _verify(load(staging), {name: (o.totals, o.nonempty) for name, o in outputs.items()}, policy)
        if out_dir.exists():
            out_dir.rmdir()
        staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    from .trust import audit

    try:
        audit.record("redact", dataset=package.name, output=str(out_dir), key_id=report.key_id,
                     rows_in=report.rows_in, rows_out=report.rows_out, policy=policy.summary(),
                     treatments={res: {p.field: [t.operator for t in p.treatments] for p in ps if p.treatments}
                                 for res, ps in plans.items()})
    except OSError as exc:  # no output without its audit record
        shutil.rmtree(out_dir, ignore_errors=True)
        raise InputError("hostile.not_writable", path=str(exc.filename or audit.central().path),
                         reason=exc.strerror or type(exc).__name__) from None
    return load(out_dir), report


def _treat_resource(res: Resource, plans: list[FieldPlan], key, policy: Policy, report: RedactionReport,
                    path: Path) -> _TreatedOutput:
    """The treatment pass over one resource: k-anonymity first, then every batch treated and written."""
    rare = _k_anonymize(res, plans, key, policy.k, report)
    output = _TreatedOutput(path, plans, key, _live_quasi_identifiers(res, plans), rare=rare)
    try:
        for result in ordered_map(output.step, res.raw_batches()):
            output.receive(result)
    finally:
        output.close()
    return output


def _verify(output: Package, rescans: dict[str, tuple], policy: Policy) -> None:
    """No untreated personal information may remain in the treated fields of the output."""
    for res in output.resources:
        totals, nonempty = rescans[res.name]
        for f in res.schema.fields:
            treated = f.opendata.get("treated")
            if not treated:
                continue
            if f.name not in nonempty:  # every treated column is re-scanned; fail closed if not
                raise RuntimeError(f"internal error: {res.name}.{f.name} was treated but not re-scanned")
            header = f"{f.name} {f.title}"
            for kind, counts in totals[f.name].items():
                d = decide(REGISTRY[kind], counts, nonempty[f.name], header)
                if d is None or not d.personal or not d.raw:
                    continue
                operator = treated_operator(treated, d.type)
                if OPERATORS[operator].format_preserving and d.type in treated.get("types", []):
                    continue  # FPE output looks like the input by design
                raise PolicyError("redact.residual_pi", resource=res.name, field=f.name, type=d.type,
                                  matches=d.matches + d.span_matches)
