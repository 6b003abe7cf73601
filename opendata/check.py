"""The check: one report, one verdict (publishable or blocked, and why).

It validates the data against its schemas, scans it for personal information, grades every field
and the dataset under the policy, looks for classification markings and sensitive terms, and
checks declared quasi-identifiers for k-anonymity. Every caller (CLI, redact, approval, publish)
asks this one object whether a dataset may go out, and as what.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

import pyarrow as pa

from .trust import audit
from . import messages, taxonomy
from .policy.classify import Classification, Finding, classify
from .policy.kanon import check_resource
from .formulas import escape_text, formula_counts
from .masking import sample
from .package import Package, Resource
from .pii import memo, nested
from .pii.decide import Rules
from .pii.metadata import header_values, metadata_hits
from .pii.scan import LONG_CELL, ScanAccumulator, ScanReport, long_cells, report_name, scan_batch
from .policy.rules import Policy, load_policy
from .policy.sensitive import CellFindings, cell_hits, metadata_findings, text_fields
from .validate import DEFAULT_LIMIT, ValidationReport, validate


@dataclass
class CheckReport:
    """Everything known about a dataset before publication."""

    name: str
    title: str
    validation: ValidationReport
    scan: ScanReport
    classification: Classification
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """The data conforms to its schemas."""
        return self.validation.valid

    @property
    def openness(self) -> str:
        """The openness the dataset may be published with (``prohibited`` if none)."""
        return self.classification.openness

    @property
    def grade(self) -> str:
        return self.classification.grade

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    @property
    def publishable(self) -> bool:
        """Valid, nothing blocking, and the grade allows some openness."""
        return self.valid and not self.blocking and self.openness != "prohibited"

    @property
    def problem_count(self) -> int:
        return self.validation.error_count + len(self.blocking)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """A JSON-ready report with stable keys; messages in ``lang``."""
        return {
            "name": self.name,
            "title": report_name(self.title),
            "publishable": self.publishable,
            "valid": self.valid,
            "grade": self.grade,
            "openness": self.openness,
            "problemCount": self.problem_count,
            "notes": self.notes,
            "findings": [f.to_dict(lang) for f in self.findings],
            "classification": self.classification.to_dict(lang),
            "scan": self.scan.to_dict(),
            "validation": self.validation.to_dict(lang),
        }

    def to_json(self, lang: str | None = None) -> str:
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2)

    def to_text(self, lang: str | None = None) -> str:
        """The report as a person reads it: validation, grading, findings, verdict."""
        t = lambda key, **kw: messages.t(key, lang=lang, **kw)  # noqa: E731
        lines = [t("report.title", name=f"{report_name(self.title)} ({self.name})")]
        for res in self.validation.resources:
            lines.append("")
            lines.append(t("report.resource", name=res.name, path=res.path,
                           encoding=res.encoding or "-", rows=res.rows))
            if res.schema_inferred:
                lines.append(t("report.inferred"))
            if res.valid:
                lines.append(t("report.resource_ok"))
                continue
            summary = ", ".join(f"{kind} × {n}" for kind, n in sorted(res.counts.items()))
            lines.append(t("report.resource_errors", count=res.error_count, summary=summary))
            for error in res.errors:
                lines.append(f"  - [{error.type}] {error.message(lang)}")
                lines.append(f"      {t('report.fix')}: {error.hint(lang)}")
            if res.truncated:
                lines.append(t("report.truncated", shown=len(res.errors), count=res.error_count))
        c = self.classification
        lines.append("")
        lines.append(t("report.grading", policy=f"{c.policy['id']} {c.policy['version']}"))
        for g in c.fields:
            if g.reason not in ("declared", "declared_package"):
                lines.append(f"  - {g.resource}.{report_name(g.field)}: {g.explain(lang)}")
        lines.append(t("report.dataset_grade", grade=c.grade, openness=taxonomy.label("openness", c.openness, lang),
                       allowed="、".join(taxonomy.label("openness", o, lang) for o in c.allowed) or "-"))
        if self.findings:
            lines.append("")
            lines.append(t("report.findings", count=len(self.blocking)))
            for finding in self.findings:
                lines.append(f"  - [{finding.code}] {finding.message(lang)}")
        lines.append("")
        if self.publishable:
            lines.append(t("report.verdict_ok_as", openness=taxonomy.label("openness", self.openness, lang)))
        else:
            lines.append(t("report.verdict_blocked", count=max(self.problem_count, 1)))
        return "\n".join(lines)


class BatchStep(Protocol):
    """A further per-batch step for :func:`analyze`: ``step`` is pure and runs on the worker
    threads; ``receive`` gets its results in file order, on the calling thread."""

    def step(self, batch: pa.RecordBatch) -> Any: ...

    def receive(self, result: Any) -> None: ...


def analyze(package: Package, *, limit: int = DEFAULT_LIMIT, terms: tuple[str, ...] = (),
            also: Callable[[Resource], BatchStep | None] | None = None, rules: Rules | None = None
            ) -> tuple[ValidationReport, ScanReport, list[Finding]]:
    """Validate, scan for PI and search text cells for ``terms`` in one streaming pass per resource.

    ``also(resource)`` may give a further step run on each batch in the same pass (redaction
    treats the data while it is being checked).
    """
    accumulators = {r.name: ScanAccumulator(r, rules, package.title) for r in package.resources}
    cells = {r.name: CellFindings(r.name) for r in package.resources}
    extra = {r.name: also(r) if also else None for r in package.resources}
    formulas: dict[str, Counter] = {r.name: Counter() for r in package.resources}
    longs: dict[str, Counter] = {r.name: Counter() for r in package.resources}

    def per_chunk(resource):
        fields = text_fields(resource)
        further = extra[resource.name]

        def step(chunk):
            batch = resource.named(chunk)
            with memo.scope():  # the scan's answers serve the treatment of the same batch
                return (scan_batch(batch), cell_hits(batch, chunk.rows, fields, terms),
                        further.step(batch) if further else None, formula_counts(batch), long_cells(batch))

        return step

    def on_result(resource):
        further = extra[resource.name]

        def receive(chunk, result):
            accumulators[resource.name].add(chunk.num_rows, result[0])
            cells[resource.name].add(result[1])
            formulas[resource.name].update(result[3])
            longs[resource.name].update(result[4])
            if further:
                further.receive(result[2])

        return receive

    validation = validate(package, limit=limit, per_chunk=per_chunk, on_result=on_result)
    # Formula-leading cells are published neutralised (opendata.formulas): said, not blocking.
    formula_findings = [Finding("formula_cells", r.name, name, params={"count": n}, blocking=False)
                        for r in package.resources for name, n in formulas[r.name].items()]
    # Cells too long for the name search (LONG_CELL), in a field whose PI nobody has declared: blocking.
    long_findings = [Finding("pii_unscannable", r.name, name, params={"count": n, "limit": LONG_CELL})
                     for r in package.resources for name, n in longs[r.name].items()
                     if not (r.schema.get(name).opendata or {}).get("pii")]
    return (validation, ScanReport([accumulators[r.name].finish() for r in package.resources]),
            [f for r in package.resources for f in cells[r.name].findings] + formula_findings + long_findings)



def metadata_pii(package: Package, scanned: ScanReport | None = None) -> list[Finding]:
    """Personal information in titles, descriptions, keywords, field properties and header labels
    (and, given the scan, a label that is a value of its own column: a missing header row)."""
    hits = metadata_hits(package)
    seen = {hit.where for hit in hits}
    hits += [hit for hit in (header_values(package, scanned) if scanned is not None else []) if hit.where not in seen]
    return [Finding("pii_in_metadata", hit.resource, params={"where": hit.where, "type": hit.type,
                                                             "sample": hit.sample})
            for hit in hits]


def _with_samples(package: Package, finding: Finding, count: int = 3) -> Finding:
    """An uncertain finding with a few masked sample values of its field (read from the first rows)."""
    try:
        resource = package.resource(finding.resource)
        values: list[str] = []
        index = resource.schema.field_names.index(finding.field)
        if finding.params.get("path"):  # a JSON field's path: its leaves, not the cells' whole text
            values = nested.leaf_samples((b.column(index) for b in resource.raw_batches(1024)), finding.field,
                                         finding.params["path"], count)
        for batch in [] if values else resource.raw_batches(1024):
            column = batch.column(resource.schema.field_names.index(finding.field)).to_pylist()
            values += [v for v in column if v and v.strip() and v not in values][:count - len(values)]
            if len(values) >= count:
                break
    except Exception:  # noqa: BLE001 - samples are a courtesy; validation reports an unreadable file
        return finding
    params = dict(finding.params, samples="、".join(sample(v) for v in values) or "-")
    return Finding(finding.code, finding.resource, finding.field, finding.row, params, finding.blocking)


def check(package: Package, *, policy: Policy | None = None, limit: int = DEFAULT_LIMIT,
          engine: Any = None) -> CheckReport:
    """Check ``package`` under ``policy`` (default: the configured one) and decide on publication.

    ``engine`` runs the passes over the data elsewhere (:mod:`opendata.engines`): an object with
    ``analyze`` and ``k_anonymity`` giving what :func:`analyze` and :func:`check_resource` give.
    """
    policy = policy or load_policy()
    validation, scanned, cell_findings = (engine.analyze if engine else analyze)(
        package, limit=limit, terms=policy.sensitive_terms, rules=policy.detection)
    classification = classify(package, scanned, policy)
    findings = [_with_samples(package, f) if f.code == "pii_uncertain" else f for f in classification.findings]
    findings += metadata_findings(package, policy.sensitive_terms) + cell_findings + metadata_pii(package, scanned)
    for resource in package.resources:
        result = (engine.k_anonymity if engine else check_resource)(resource, policy.k)
        if result is not None and result.rare:
            samples = "; ".join(f"({', '.join(sample(v) for v in combo)}) × {n}"
                                for combo, n in list(result.rare.items())[:5])
            findings.append(Finding("k_anonymity", resource.name, params={
                "fields": ", ".join(result.fields), "groups": result.groups, "k": result.k,
                "rows": result.rows_at_risk, "samples": samples}))
    # A header cell cannot be escaped without breaking the schema it names: such a name is refused.
    findings += [Finding("formula_header", r.name, f.name) for r in package.resources for f in r.schema.fields
                 if escape_text(f.name) != f.name]
    if classification.openness == "prohibited":
        findings.append(Finding("prohibited", params={"grade": classification.grade}))
    report = CheckReport(name=package.name, title=package.title, validation=validation, scan=scanned,
                         classification=classification, findings=findings,
                         notes=package.notes + [n for r in validation.resources for n in r.notes])
    audit.record("check", dataset=package.name, publishable=report.publishable, grade=report.grade,
                 openness=report.openness, problems=report.problem_count, policy=classification.policy,
                 findings=sorted({f.code for f in report.blocking}))
    return report
