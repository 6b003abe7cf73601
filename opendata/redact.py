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
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from . import messages
from .bitmaps import to_mask
from .strings import trimmed
from .errors import InputError, KeyMaterialError, PolicyError, ValidationFailed
from .package import Package, Resource, load
from .parallel import ordered_map
from .pii import lastline, lastline_ids, memo, nested
from .pii.decide import CHECK_CHARACTER_CHANCE, overruled
from .pii.normalize import ascii_digits, fold, unfold_traditional
from .pii.detectors import REGISTRY
from .pii.operators import OPERATORS
from .pii.treat import generic, treat_field, treat_typed_cells
from .pii.scan import (BatchScan, Counts, ScanReport, decide, declared_types, merge_counts, organisation_lines, scan,
                       report_name, scan_batch, treated_operator)
from .policy.kanon import count_combinations, quasi_identifiers
from .policy.rules import Policy, load_policy
from .release import CsvSink, csv_rows
from .trust import keys as keyring

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
    #: only the cells holding ``pii_type`` (a few valid identifiers in a column of something else);
    #: otherwise the whole field (:func:`~opendata.pii.treat.treat_field`).
    cells: bool = False
    #: the treatment of each other personal type a cell of the field may hold, and of a cell of no
    #: known form (from the policy).
    others: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict, compare=False, repr=False)
    generic: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"operator": self.operator, "type": self.pii_type, "params": self.params, "auto": self.auto,
                "spans": self.spans, "cells": self.cells}


@dataclass
class FieldPlan:
    field: str
    treatments: list[Treatment] = field(default_factory=list)
    #: a form's value column (:func:`~opendata.pii.scan.key_columns`): its key column, and the
    #: treatments of the rows of each key label (``treatments`` then lists them all, for the
    #: descriptor and the report). A row whose label is not listed is masked whole.
    key: str | None = None
    by_label: dict[str, list[Treatment]] = field(default_factory=dict)

    @property
    def suppressed(self) -> bool:
        return self.key is None and any(t.operator == "suppress" and not t.spans for t in self.treatments)

    def whole_rows(self, labels: pa.Array) -> np.ndarray:
        """For a form's value column, which rows (by their key cells) are treated whole."""
        labels = _labels(labels)
        whole = [label for label, ts in self.by_label.items() if any(not t.spans and not t.cells for t in ts)]
        known = to_mask(pc.is_in(labels, value_set=pa.array(list(self.by_label), pa.string())))
        return ~known | to_mask(pc.is_in(labels, value_set=pa.array(whole, pa.string())))


def _labels(column: pa.Array) -> pa.Array:
    """A key column's cells as labels (trimmed, empty for none), as the scan reads them."""
    return trimmed(pc.fill_null(column.cast(pa.string()), ""))


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
    #: per resource and field, how many cells were treated which way (by type, ``generic``, ``masked``).
    tallies: dict[str, dict[str, Counter]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "output": self.output, "keyId": self.key_id,
            "resources": [{
                "name": name, "rowsIn": self.rows_in.get(name), "rowsOut": self.rows_out.get(name),
                "suppressedRows": self.suppressed_rows.get(name, 0),
                "generalizedQuasiIdentifiers": self.generalized_qi.get(name, []),
                "fields": [{"name": p.field, "treatments": [t.to_dict() for t in p.treatments],
                            "cells": dict(sorted(self.tallies.get(name, {}).get(p.field, {}).items()))}
                           for p in plans if p.treatments]}
                for name, plans in self.plans.items()],
        }


def plan_resource(resource: Resource, scanned: ScanReport, policy: Policy, *,
                  stricter: dict[str, str] | None = None) -> list[FieldPlan]:
    """The treatment of each field of ``resource``, from declarations, detections and the policy.

    ``stricter``: fields the officer asked to treat more strictly than planned (after a re-scan
    found personal information left in free text): ``"mask_all"`` masks every cell whole,
    ``"suppress"`` drops the field."""
    plans = []
    result = scanned.resource(resource.name)
    where = f"{resource.name}"
    others = _default_treatments(policy)
    generic_treatment = dict(policy.generic_treatment)

    def treatment(op: str, kind: str | None, params: dict[str, Any], auto: bool, *, spans: bool = False,
                  cells: bool = False) -> Treatment:
        return Treatment(op, kind, params, auto, spans=spans, cells=cells, others=others, generic=generic_treatment)

    for f in resource.schema.fields:
        props = f.opendata
        fplan = FieldPlan(f.name)
        plans.append(fplan)
        if props.get("treated"):
            continue  # already redacted
        strict = (stricter or {}).get(f.name)
        if strict:
            op, params = ("suppress", {}) if strict == "suppress" else ("mask", {"keep_start": 0, "keep_end": 0})
            kinds = declared_types(f) or [d.type for d in result.field(f.name).detected if d.personal] or [None]
            fplan.treatments.append(treatment(op, kinds[0], params, False))
            continue
        declared = declared_types(f)
        scanned_field = result.field(f.name)
        declared_treatment = props.get("treatment")
        if scanned_field.key is not None and not declared and not declared_treatment:
            # A form's value column: each row's value by what its key says (姓名, 单位名称).
            fplan.key = scanned_field.key
            for label, found in scanned_field.parts.items():
                fplan.by_label[label] = _detected_treatments(
                    [d for d in found if d.personal and d.raw and not d.uncertain and not overruled(d, props)],
                    declared, props, policy, treatment, where)
                fplan.treatments += fplan.by_label[label]
            if not fplan.treatments:
                fplan.key, fplan.by_label = None, {}
            continue
        detections = [d for d in scanned_field.detected
                      if d.personal and d.raw and not d.uncertain and not overruled(d, props)]
        if declared_treatment:
            op = declared_treatment["operator"]
            params = OPERATORS[op].check(declared_treatment, None, where=f"{where}.{f.name}")
            column_types = [d.type for d in detections if not d.spans] or declared or [None]
            fplan.treatments.append(treatment(op, column_types[0], params, False))
            for d in detections:
                if d.spans or (d.status == "cells" and d.span_cells):
                    fplan.treatments.append(treatment(op, d.type, params, False, spans=True))
            continue
        fplan.treatments += _detected_treatments(detections, declared, props, policy, treatment, where)
        # A declared type the scan did not find (or only doubted: an answered pii_uncertain) is treated
        # whole by the policy's default: the declaration is the officer's word that the field holds it,
        # and a field declared personal was published raw when only detections planned treatments.
        found = {t.pii_type for t in fplan.treatments}
        fplan.treatments[:0] = _declared_treatments([k for k in declared if k not in found], props, policy,
                                                    treatment, where)
    return plans


def _declared_treatments(kinds: list[str], props: dict[str, Any], policy: Policy, treatment: Any,
                         where: str) -> list[Treatment]:
    """The policy's default treatment of each declared type in ``kinds``, whole field (none for a type
    disclosed under a legal basis, or one the policy leaves untreated)."""
    out = []
    for kind in kinds:
        rule = policy.pii.get(kind)
        if rule is None or (props.get("disclosure") and rule.disclosable):
            continue
        default = dict(rule.default_treatment)
        op = default.pop("operator")
        if op != "none":
            out.append(treatment(op, kind, OPERATORS[op].check(default, kind, where=where), False))
    return out


def _detected_treatments(detections: list, declared: list[str], props: dict[str, Any], policy: Policy,
                         treatment: Any, where: str) -> list[Treatment]:
    """The policy's default treatments of a field's (or a form label's rows') detections."""
    out = []
    whole = any(d.status == "column" for d in detections)
    for d in detections:
        if d.status == "cells" and whole:
            continue  # the field is treated whole: its other types' cells by their own treatments
        rule = policy.pii[d.type]
        if d.type in declared and props.get("disclosure") and rule.disclosable:
            continue  # published untreated under a legal basis
        default = dict(rule.default_treatment)
        op = default.pop("operator")
        if op == "none":
            continue
        out.append(treatment(op, d.type, OPERATORS[op].check(default, d.type, where=where),
                             d.type not in declared, spans=d.spans, cells=d.status == "cells"))
        if d.status == "cells" and d.span_cells:  # … and the same type inside the text of other cells
            out.append(treatment(op, d.type, OPERATORS[op].check(default, d.type, where=where),
                                 d.type not in declared, spans=True))
    return out


def _default_treatments(policy: Policy) -> dict[str, tuple[str, dict[str, Any]]]:
    """Each personal type's default treatment under ``policy``, as (operator, parameters)."""
    out = {}
    for kind, rule in policy.pii.items():
        params = dict(rule.default_treatment)
        op = params.pop("operator")
        out[kind] = (op, params)
    return out


def treat_batch(batch: pa.RecordBatch, plans: list[FieldPlan], key: keyring.DataKey | None, *,
                fast: bool = False, tallies: dict[str, Counter] | None = None,
                owned: dict[str, np.ndarray] | None = None) -> pa.RecordBatch:
    """Apply a resource's plan to one raw text batch (pure for a given key, except ``encrypt``'s nonces).

    ``fast``: spans take their operator's cheaper path where it has one, which may leave spans of
    other written forms; the caller must re-scan and, if any are left, treat the batch again
    without it. ``tallies``: filled per field with how many cells were treated which way.
    ``owned``: :func:`owned_cells` of the batch, if the caller has them.
    """
    arrays, names = [], []
    by_name = {p.field: p for p in plans}
    owned = owned_cells(batch, plans) if owned is None else owned
    for name, column in zip(batch.schema.names, batch.columns):
        plan = by_name.get(name)
        if plan is not None and plan.suppressed:
            continue
        tally = tallies.setdefault(name, Counter()) if tallies is not None and plan and plan.treatments else None
        # Treated as scanned (a zero-width space or Arabic-Indic digits inside an ID): what was found
        # is what is masked; a cell the treatment leaves as it was keeps its written form.
        raw = column
        if plan is not None and plan.treatments and plan.key != nested.NESTED:  # JSON: leaf by leaf
            column = fold(column)
        folded = column
        if plan is not None and plan.key is not None:
            column = _treat_keyed(column, batch, plan, key, fast, tally)
        elif name in owned:  # an organisation's line or premises, by its row, stays as written
            rest = ~owned[name]
            treated = _treat_column(column.filter(pa.array(rest)), plan.treatments, key, fast, tally)
            column = pc.replace_with_mask(column.cast(pa.string()), pa.array(rest), treated.cast(pa.string()))
            if tally is not None:
                tally["organisation"] += int(owned[name].sum())
        else:
            column = _treat_column(column, plan.treatments if plan else [], key, fast, tally)
        if not memo.same_values(folded, raw):  # (fold of a column with nothing to fold: the same buffers)
            untouched = pc.fill_null(pc.equal(column, folded.cast(column.type)), True)
            column = pc.if_else(untouched, raw.cast(column.type), column)
            # … and one read in simplified characters keeps its written ones but where it was treated
            column = unfold_traditional(raw, folded, column)
        arrays.append(column)
        names.append(name)
    return pa.RecordBatch.from_arrays(arrays, names=names)


#: the types of a field treated whole whose cells may be an organisation's by their row (雇主电话 of a
#: care home, 服务地址 of a welfare centre), and the type of the field that says whose the row is.
_OWNED = ("cn_landline", "cn_mobile", "address")


def owned_cells(batch: pa.RecordBatch, plans: list[FieldPlan]) -> dict[str, np.ndarray]:
    """Per field treated whole as phones or an address, the cells that are an organisation's by
    their row (:func:`~opendata.pii.cells.owned_by_organisations`): the owner is a field treated
    whole as names in which some rows hold an organisation (雇主: a household or a care home) or,
    where no field holds persons' names, a column of organisations' names (运维单位 beside 运维电话:
    :func:`_organisation_owners`). A phone field also keeps the lines an organisation's row shows on
    its own (:func:`~opendata.pii.cells.organisation_lines_in_rows`). A field whose header says a
    person lives there (家庭住址) has none."""
    from .pii.cells import organisation_lines_in_rows, owned_by_organisations
    from .pii.decide import default_rules

    present = set(batch.schema.names)
    if not any(p.field in present and _whole(p, _OWNED) for p in plans):
        return {}
    owners = [p.field for p in plans if p.field in present and _whole(p, ("person_name",))]
    if not owners:
        owners = _organisation_owners(batch, plans)
    if not owners:
        return {}
    hints = default_rules().hints
    out = {}
    for plan in plans:
        if plan.field in present and plan.field not in owners and _whole(plan, _OWNED) \
                and not hints.dwelling_of(plan.field):
            values = batch.column(plan.field)
            kept = np.zeros(batch.num_rows, dtype=bool)
            for owner in owners:
                kept |= owned_by_organisations(batch.column(owner), values)
                if _whole(plan, _PHONES):
                    others = [batch.column(n) for n in batch.schema.names if n not in (owner, plan.field)]
                    kept |= organisation_lines_in_rows(batch.column(owner), values, others)
            if kept.any():
                out[plan.field] = kept
    return out


#: the types of a phone field (of :data:`_OWNED`).
_PHONES = ("cn_landline", "cn_mobile")


def _whole(plan: FieldPlan, kinds: tuple[str, ...]) -> bool:
    """Whether ``plan`` treats its field whole (neither spans nor chosen cells) as one of ``kinds``."""
    return plan.key is None and any(not t.spans and not t.cells and t.pii_type in kinds for t in plan.treatments)


def _organisation_owners(batch: pa.RecordBatch, plans: list[FieldPlan]) -> list[str]:
    """The untreated fields of ``batch`` that name an organisation in every row
    (:func:`~opendata.pii.cells.organisation_column`): whose each row is, in a table without persons'
    names. (With a field of names beside them — a 联系人 — the phones may be the persons': only the
    names' field says whose a row is, as :func:`owned_cells` reads it.)"""
    from .pii.cells import organisation_column

    treated = {p.field for p in plans if p.treatments}
    if any(_whole(p, ("person_name",)) or any(t.pii_type == "person_name" for t in p.treatments) for p in plans):
        return []
    return [name for name in batch.schema.names
            if name not in treated and organisation_column(batch.column(name))]


def _treat_column(column: pa.Array, treatments: list[Treatment], key: Any, fast: bool,
                  tally: Counter | None) -> pa.Array:
    """One column through its treatments, in order — spans that hold their cue word first
    (:attr:`~opendata.pii.detectors.base.Detector.span_cue_first`)."""
    cued = [t for t in treatments if t.spans and t.pii_type in REGISTRY and REGISTRY[t.pii_type].span_cue_first]
    if cued:
        treatments = cued + [t for t in treatments if t not in cued]
    for t in treatments:
        operator = OPERATORS[t.operator]
        if t.spans:
            column = ascii_digits(column)  # a full-width phone number in text is treated too
            treated = operator.apply_spans_fast(column, t.pii_type, t.params, key) if fast else None
            column = treated if treated is not None else operator.apply_spans(
                column, REGISTRY[t.pii_type].span_pattern, t.pii_type, t.params, key)
        elif t.cells:
            column = treat_typed_cells(column, {t.pii_type: (t.operator, t.params)}, key, tally=tally)
        else:
            column = treat_field(column, t.pii_type, t.operator, t.params, key, others=t.others,
                                 generic_treatment=t.generic or {"operator": "mask"}, tally=tally)
    return column


def _treat_keyed(column: pa.Array, batch: pa.RecordBatch, plan: FieldPlan, key: Any, fast: bool,
                 tally: Counter | None) -> pa.Array:
    """A form's value column: the rows of each key label through that label's treatments; a row
    whose label the plan does not know (or whose key column is not in the batch) masked whole."""
    column = column.cast(pa.string())
    plan_generic = next((t.generic for t in plan.treatments if t.generic), None) or {"operator": "mask"}
    if plan.key == nested.NESTED:  # JSON objects or arrays: path by path, leaf by leaf
        return nested.treat(column, plan.field, plan.by_label,
                            lambda values, ts, tally_: _treat_column(values, ts, key, fast, tally_), plan_generic, tally)
    if plan.key not in batch.schema.names:
        labels = pa.array([None] * len(column), pa.string())
    else:
        labels = _labels(batch.column(plan.key))
    unknown = ~to_mask(pc.is_in(labels, value_set=pa.array(list(plan.by_label), pa.string())))
    out = column
    for label, treatments in plan.by_label.items():
        rows = to_mask(pc.equal(labels, label))
        if treatments and rows.any():
            treated = _treat_column(column.filter(pa.array(rows)), treatments, key, fast, tally)
            out = pc.replace_with_mask(out, pa.array(rows), treated.cast(pa.string()))
    if unknown.any():  # fail closed: nothing was decided about these rows
        out = pc.replace_with_mask(out, pa.array(unknown), generic(column.filter(pa.array(unknown)), plan_generic))
        if tally is not None:
            tally["generic"] += int(unknown.sum())
    return out


def _text_checks(out: pa.Array) -> Counter:
    """The last line's checks of text (:mod:`opendata.pii.lastline`) on cells not treated whole."""
    counts: Counter = Counter()
    if len(out) and lastline.text_checks_needed(out):  # one search first: the usual column holds nothing
        counts["id"], counts["card"], counts["card_runs"] = lastline.identifier_cells(out)
        if counts["id"]:
            counts["built_id"], counts["built_runs"] = lastline.built_id_cells(out)
        counts["name_cue"] = lastline.name_cue_cells(out)
        counts["mobile"], counts["mobile_runs"] = lastline.mobile_cells(out)
        counts["document"] = lastline.document_cells(out)
        counts.update(lastline_ids.id_form_cells(out))
    return counts


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

    def __init__(self, path: Path | None, plans: list[FieldPlan], key, qi: tuple[str, ...], *,
                 rare: set[tuple] | None = None, count_qi: bool = False) -> None:
        self.plans, self.key, self.qi = plans, key, qi
        self.rare = rare or set()
        self.count_qi = count_qi and bool(qi)
        self.treated_fields = [p.field for p in plans if p.treatments and not p.suppressed]
        self.names = [p.field for p in plans if not p.suppressed]
        self.totals: dict = defaultdict(lambda: defaultdict(Counts))
        self.nonempty: dict = defaultdict(int)
        self.keyed_parts: dict = {}  # a form's value columns re-scanned label by label
        self.combos: Counter = Counter()
        self.tallies: dict[str, Counter] = {}
        self.last_line: dict[str, Counter] = {}  # per field, what the independent checks found
        self._by_name = {p.field: p for p in plans}
        self.rows_in = self.rows_out = 0
        self.failed = False
        # No path: the caller writes what :meth:`step` encodes (a distributed engine's task).
        self._sink: CsvSink | None = CsvSink(path, self.names) if path is not None else None

    def step(self, batch: pa.RecordBatch) -> tuple | None:
        tallies: dict[str, Counter] = {}
        owned = owned_cells(batch, self.plans)
        treated = treat_batch(batch, self.plans, self.key, fast=True, tallies=tallies, owned=owned)
        rescan = self._rescan(batch, treated, owned)
        if rescan is not None and self._spans_left(rescan):
            tallies = {}
            # spans in other written forms
            treated = treat_batch(batch, self.plans, self.key, tallies=tallies, owned=owned)
            rescan = self._rescan(batch, treated, owned)
        combos = count_combinations([treated], self.qi) if self.count_qi else None
        rows_in = treated.num_rows
        last = self._last_line(batch, treated, owned)
        if self.rare:
            keep = np.array([c not in self.rare for c in _combos(treated, self.qi)], dtype=bool)
            treated = treated.filter(pa.array(keep))
        return rows_in, treated.num_rows, csv_rows(treated, self.names), rescan, combos, tallies, last

    def _last_line(self, batch: pa.RecordBatch, treated: pa.RecordBatch,
                   owned: dict[str, np.ndarray]) -> dict[str, Counter]:
        """The independent checks of :mod:`opendata.pii.lastline` on every output column (``owned``:
        the cells an organisation's by their row, kept on purpose)."""
        found: dict[str, Counter] = {}
        for name in self.names:
            plan = self._by_name.get(name)
            # an ID with a zero-width space inside is one here too
            out, raw = treated.column(name), batch.column(name)
            if plan is None or plan.key != nested.NESTED:
                out, raw = fold(out), fold(raw)
            counts = Counter()
            if plan is not None and plan.key == nested.NESTED:
                # JSON objects or arrays: the same leaves the scan read, path by path.
                found[name] = nested.last_line(raw, out, name, plan.by_label, _text_checks)
                if not found[name]:
                    del found[name]
                continue
            if plan is not None and plan.key is not None:
                # A form's value column: the rows treated whole, and the rest as text.
                whole_rows = plan.whole_rows(batch.column(plan.key)) if plan.key in batch.schema.names \
                    else np.ones(len(out), dtype=bool)
                if whole_rows.any():
                    counts["raw_cell"] = lastline.raw_cells(raw.filter(pa.array(whole_rows)),
                                                            out.filter(pa.array(whole_rows)))
                out = out.filter(pa.array(~whole_rows))
            elif bool(plan) and any(not t.spans and not t.cells for t in plan.treatments):
                # Every cell of it was replaced: what is left to find is a cell left as it was
                # (but an organisation's, by its row, kept on purpose).
                rest = ~owned[name] if name in owned else None
                counts["raw_cell"] = lastline.raw_cells(raw, out) if rest is None else \
                    lastline.raw_cells(raw.filter(pa.array(rest)), out.filter(pa.array(rest)))
                out = out.slice(0, 0)
            counts.update(_text_checks(out))
            counts = +counts
            if counts:
                found[name] = counts
        return found

    def _rescan(self, batch: pa.RecordBatch, treated: pa.RecordBatch,
                owned: dict[str, np.ndarray]) -> BatchScan | None:
        """:meth:`_rescan_columns`, and a JSON field's leaves path by path, as the scan read them."""
        rescan = self._rescan_columns(batch, treated, owned)
        for name in self.treated_fields:  # JSON objects or arrays: the same leaves the scan read
            plan = self._by_name.get(name)
            if rescan is not None and plan is not None and plan.key == nested.NESTED:
                rescan.parts[name] = nested.rescan_parts(batch.column(name), treated.column(name), name)
        return rescan

    def _rescan_columns(self, batch: pa.RecordBatch, treated: pa.RecordBatch,
                        owned: dict[str, np.ndarray]) -> BatchScan | None:
        """The output's treated fields scanned again; in a field treated whole, an organisation's
        value kept on purpose (a company as 当事人) is not scanned as a person's."""
        if not self.treated_fields:
            return None
        columns, keys = [], {}
        for name in self.treated_fields:
            out = treated.column(name)
            plan = self._by_name.get(name)
            if plan is not None and any(not t.spans and not t.cells for t in plan.treatments):
                out = _without_organisations(batch.column(name), out)
            if name in owned:  # an organisation's line or premises by its row: kept on purpose
                out = pc.if_else(pa.array(owned[name]), pa.scalar("", pa.string()), out.cast(pa.string()))
            if plan is not None and plan.key is not None and plan.key in batch.schema.names and plan.key != nested.NESTED:
                keys[name] = batch.column(plan.key)  # re-scanned label by label, as it was scanned
            columns.append(out)
        return scan_batch(pa.RecordBatch.from_arrays(columns, names=list(self.treated_fields)), raw_only=True,
                          keys=keys)

    def _spans_left(self, rescan: BatchScan) -> bool:
        """Whether a type whose spans were treated in a field is still found there."""
        return any((c := rescan.counts.get(p.field, {}).get(t.pii_type)) is not None and (c.matches or c.span_matches)
                   for p in self.plans for t in p.treatments if t.spans)

    def receive(self, result: tuple | None) -> None:
        if result is None or self.failed:
            self.failed = True
            return
        rows_in, rows_out, encoded, rescan, combos, tallies, last = result
        for name, tally in tallies.items():
            self.tallies.setdefault(name, Counter()).update(tally)
        for name, counts in last.items():
            self.last_line.setdefault(name, Counter()).update(counts)
        self.rows_in += rows_in
        self.rows_out += rows_out
        if rescan is not None:
            merge_counts(rescan, self.totals, self.nonempty, parts=self.keyed_parts)
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
    return [(p.field, [t.to_dict() for t in p.treatments], p.key,
             {label: [t.to_dict() for t in ts] for label, ts in p.by_label.items()}) for p in plans]


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


def _provisional_plans(package: Package, policy: Policy, key, stricter: dict[str, dict[str, str]]
                       ) -> tuple[dict[str, list[FieldPlan]] | None, Any]:
    """Plans from a scan of the first rows, and the key they need; ``None`` if they need a key
    that is not there (then the treatment waits for the whole-file scan)."""
    sampled = scan(package, sample_rows=PLAN_SAMPLE_ROWS, rules=policy.detection)
    plans = {res.name: plan_resource(res, sampled, policy, stricter=stricter.get(res.name))
             for res in package.resources}
    if _needs_key(plans) and key is None:
        try:
            key = keyring.data_key()
        except KeyMaterialError:
            return None, None
    return plans, key


def _refuse_uncertain(package: Package, scanned: ScanReport) -> None:
    """Fail closed: a field that may hold personal information and that nobody has decided on
    stops the redaction (``check`` shows the evidence and the two ways out)."""
    for res in package.resources:
        for f in res.schema.fields:
            for d in scanned.resource(res.name).field(f.name).uncertain:
                if not overruled(d, f.opendata):
                    raise PolicyError("redact.pii_uncertain", resource=res.name, field=f.name, type=d.type)


def _refuse_metadata_pii(package: Package, scanned: ScanReport | None = None) -> None:
    """Fail closed: the copy carries the descriptor's text and the header labels as they stand (a
    table without a header row has somebody's name and ID number as its labels), and nothing here
    treats them; the officer rewrites them first (the error names the property, masked). Before
    the scan: what the text holds; after it (``scanned``): labels that are a value of their column."""
    from .pii.metadata import header_values, metadata_hits

    hits = header_values(package, scanned) if scanned is not None else [
        h for h in metadata_hits(package) if REGISTRY[h.type].strong]  # (names in labels: check's finding)
    for hit in hits:
        raise PolicyError("redact.pii_in_metadata", where=hit.where, type=messages.Ref(f"pii.{hit.type}"),
                          sample=hit.sample)


def _refuse_unscannable(found: list, stricter: dict[str, dict[str, str]]) -> None:
    """Fail closed: a cell too long for the name search (``pii_unscannable``, see
    :data:`~opendata.pii.scan.LONG_CELL`) in a field nobody has declared is not written unread;
    ``--mask-all`` or ``--suppress`` of the field is a way forward, as declaring its ``pii`` is."""
    for f in found:
        if f.code == "pii_unscannable" and f.field not in stricter.get(f.resource, {}):
            raise PolicyError("redact.unscannable", resource=f.resource, field=report_name(f.field), **f.params)


def _stricter(package: Package, mask_all: tuple[str, ...], suppress: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Per resource, the fields named by ``--mask-all`` and ``--suppress`` (``field`` or
    ``resource.field``); an unknown name is an input error."""
    out: dict[str, dict[str, str]] = {}
    for option, names in (("--mask-all", mask_all), ("--suppress", suppress)):
        for name in names:
            hits = [(r.name, f) for r in package.resources for f in r.schema.field_names
                    if name in (f, f"{r.name}.{f}")]
            if not hits:
                raise InputError("redact.unknown_field", option=option, field=name)
            for resource, f in hits:
                out.setdefault(resource, {})[f] = option.strip("-").replace("-", "_")
    return out


def redact(package: Package, out_dir: str | Path, *, policy: Policy | None = None,
           key: keyring.DataKey | None = None, mask_all: tuple[str, ...] = (),
           suppress: tuple[str, ...] = (), engine: Any = None) -> tuple[Package, RedactionReport]:
    """Write a redacted copy of ``package`` to ``out_dir``; returns it and what was done.

    The data is read once in the usual case: while it is checked (validated and scanned), it is
    also treated and written under a plan made from its first rows. If the scan of every row leads
    to the same plan (and no quasi-identifier combination is rarer than the policy's k), that
    output stands; otherwise a second pass writes it under the final plan. Either way the output is
    the same.

    ``mask_all`` and ``suppress`` name fields (``field`` or ``resource.field``) to treat more
    strictly than planned: every cell masked whole, or the field dropped — the way forward when a
    re-scan finds personal information left in free text.

    ``engine`` runs the passes elsewhere (:mod:`opendata.engines`): its ``analyze`` checks the
    data and its ``treat_resource`` does what :func:`_treat_resource` does; nothing is written
    during the check then. An engine that writes each resource in parts lists them in the
    descriptor (``describe_output``).
    """
    policy = policy or load_policy()
    stricter = _stricter(package, tuple(mask_all), tuple(suppress))
    _refuse_metadata_pii(package)
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise InputError("redact.output_exists", path=str(out_dir))
    from .check import analyze

    provisional, key = _provisional_plans(package, policy, key, stricter) if engine is None else (None, key)
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
            validation, scanned, found = (engine.analyze if engine else analyze)(package, also=speculate,
                                                                                 rules=policy.detection)
        finally:
            for output in outputs.values():
                output.close()
        if not validation.valid:
            raise ValidationFailed("redact.invalid_input", name=package.name, count=validation.error_count)
        _refuse_uncertain(package, scanned)
        _refuse_unscannable(found, stricter)
        _refuse_metadata_pii(package, scanned)
        plans = {res.name: plan_resource(res, scanned, policy, stricter=stricter.get(res.name))
                 for res in package.resources}
        needs_key = _needs_key(plans)
        if needs_key and key is None:
            key = keyring.data_key()
        report = RedactionReport(package.name, str(out_dir), key.id if needs_key and key else None, plans)

        for res in package.resources:
            output = outputs.get(res.name)
            if not (isinstance(output, _Speculation) and output.holds(plans[res.name], policy.k)):
                output = (engine.treat_resource if engine else _treat_resource)(
                    res, plans[res.name], key, policy, report, staging / "data" / f"{res.name}.csv")
            report.rows_in[res.name], report.rows_out[res.name] = output.rows_in, output.rows_out
            report.tallies[res.name] = output.tallies
            if output.rows_in != output.rows_out:
                report.suppressed_rows[res.name] = output.rows_in - output.rows_out
            outputs[res.name] = output
        descriptor = _output_descriptor(package, plans, report.key_id, policy, report)
        if engine is not None and hasattr(engine, "describe_output"):
            engine.describe_output(staging, descriptor, outputs)  # written in parts (Spark)
        (staging / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")
        _verify(load(staging), {name: (o.totals, o.nonempty, getattr(o, "keyed_parts", {})) for name, o in outputs.items()},
                policy, organisations={r.name for r in scanned.resources if r.organisations},
                nested_fields={r: {p.field for p in ps if p.key == nested.NESTED} for r, ps in plans.items()})
        _last_line(outputs)
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


def _without_organisations(raw: pa.Array, out: pa.Array) -> pa.Array:
    """``out`` with the cells it kept from ``raw`` that are an organisation's values emptied."""
    from .pii.cells import organisation_cells

    same = to_mask(pc.fill_null(pc.equal(raw.cast(pa.string()), out.cast(pa.string())), False))
    if not same.any():
        return out
    index = np.flatnonzero(same)
    organisation = organisation_cells(trimmed(raw.take(pa.array(index)).cast(pa.string())))
    if not organisation.any():
        return out
    blank = np.zeros(len(out), dtype=bool)
    blank[index[organisation]] = True
    return pc.if_else(pa.array(blank), pa.scalar("", pa.string()), out.cast(pa.string()))


def _last_line(outputs: dict[str, "_TreatedOutput"]) -> None:
    """Fail closed on anything the independent checks found (:mod:`opendata.pii.lastline`)."""
    for resource, output in outputs.items():
        for name, counts in output.last_line.items():
            # (IDs that only head a longer run, as often as one serial number of a division and a
            # date in eleven passes the check character, are such serial numbers: 办件编号)
            serials = 0 if lastline.cards_beyond_chance(counts["built_id"], counts["built_runs"],
                                                        chance=CHECK_CHARACTER_CHANCE) else counts["built_id"]
            found = {"identifier": counts["id"] - serials + (counts["card"] if lastline.cards_beyond_chance(
                counts["card"], counts["card_runs"]) else 0), "name_cue": counts["name_cue"],
                "raw_cell": counts["raw_cell"], "document": counts["document"],
                "phone": counts["mobile"] if lastline.cards_beyond_chance(
                    counts["mobile"], counts["mobile_runs"], chance=REGISTRY["cn_mobile"].chance) else 0,
                "mrz": counts["mrz"], "account": counts["account"], "regional_phone": counts["regional_phone"],
                "regional_id": counts["regional_id"] + (counts["taiwan_id"] if lastline.cards_beyond_chance(
                    counts["taiwan_id"], counts["taiwan_runs"], chance=lastline_ids.TAIWAN_CHANCE) else 0)}
            for what, count in found.items():
                if count:
                    raise PolicyError("redact.last_line", resource=resource, field=name, count=count,
                                      what=messages.Ref(f"last_line.{what}"))


def _verify(output: Package, rescans: dict[str, tuple], policy: Policy, organisations: set[str] = frozenset(),
            nested_fields: dict[str, set[str]] | None = None) -> None:
    """No untreated personal information may remain in the treated fields of the output.

    ``organisations``: the resources whose rows are organisations; their undecided landlines were
    settled as the organisations' by the scan (:func:`~opendata.pii.scan.decide_field`), and are
    here too."""
    for res in output.resources:
        totals, nonempty, parts = rescans[res.name]
        for f in res.schema.fields:
            treated = f.opendata.get("treated")
            if not treated:
                continue
            if f.name not in nonempty:  # every treated column is re-scanned; fail closed if not
                raise RuntimeError(f"internal error: {res.name}.{f.name} was treated but not re-scanned")
            # A form's value column is judged as it was scanned: the rows of each key label under it.
            # (a JSON field's parts are its key paths, each judged under its leaf's header)
            header = (lambda label: nested.header_of(label, f.name)) \
                if f.name in (nested_fields or {}).get(res.name, ()) else (lambda label: label)
            judged = [(header(label), part.counts, part.nonempty) for label, part in parts[f.name].items()] \
                if f.name in parts else [(f"{f.name} {f.title}", totals[f.name], nonempty[f.name])]
            for header, counts_of, sampled, kind, counts in [(h, c, n, k, v) for h, c, n in judged
                                                              for k, v in c.items()]:
                d = decide(REGISTRY[kind], counts, sampled, header)
                if d is None or not d.personal or not d.raw:
                    continue
                if d.type == "cn_landline" and (d.uncertain and res.name in organisations
                                                or organisation_lines(counts_of, sampled, policy.detection)):
                    continue  # an organisation's switchboards, as the scan settled them
                if d.spans and d.type == "person_name" and _address_whole(treated):
                    continue  # places in a generalised address (…乡山西嘎查), as the scan counts them
                operator = treated_operator(treated, d.type)
                if OPERATORS[operator].format_preserving and d.type in treated.get("types", []):
                    continue  # FPE output looks like the input by design
                rows, samples = _residual_rows(res, f.name, d.type)
                raise PolicyError("redact.residual_rows", resource=res.name, field=f.name, type=d.type,
                                  matches=d.matches + d.span_matches, rows=", ".join(map(str, rows)),
                                  samples="、".join(samples) or "-")


def _address_whole(treated: dict[str, Any]) -> bool:
    """Whether a field was treated whole as an address column: its "names" in text are places
    (…苏木宝日嘎查, 王家村), as :func:`~opendata.pii.scan.decide_field` counts them in the input."""
    return (treated.get("types") == ["address"] and not treated.get("spans")
            and treated_operator(treated, "address") in ("generalize", "mask"))


def _residual_rows(res: Resource, name: str, kind: str, limit: int = 5) -> tuple[list[int], list[str]]:
    """The first rows (file row numbers, header = 1) of the output where ``kind`` is still found in
    field ``name``, and masked samples of what was found there."""
    from .masking import sample
    from .pii.operators.base import python_pattern
    from .pii.scan import span_counts

    detector = REGISTRY[kind]
    rows: list[int] = []
    samples: list[str] = []
    index = res.schema.field_names.index(name)
    for batch, numbers in res.numbered_batches():
        column = pc.fill_null(batch.column(index), "")
        hits = detector.cells(pc.utf8_trim_whitespace(column))
        if detector.span_pattern:
            hits |= span_counts(detector, column) > 0
        for i in np.flatnonzero(hits)[:limit - len(rows)]:
            rows.append(int(numbers[i]))
            text = column[int(i)].as_py()
            found = re.search(python_pattern(detector.span_pattern), text, re.ASCII) if detector.span_pattern else None
            samples.append(sample(found.group(0) if found else text))
        if len(rows) >= limit:
            break
    return rows, samples
