"""Grading and classification (分级分类): a grade for every field and the dataset, and its openness.

Every field gets a grade, with the rule that gave it:

1. personal information it holds — declared (``"opendata": {"pii": …}``) or detected — sets the
   grade from the policy: untreated values give the type's grade; an applied treatment
   (``"treated"``, written by ``opendata redact``) or values found already masked give the treated
   grade; a declared legal basis for disclosure (``"disclosure"``) gives the disclosure grade where
   the policy allows it for the type;
2. otherwise a declared grade (on the field, else on the package);
3. otherwise the policy's grade for unclassified fields (deny by default).

A declared grade never lowers what the data shows. The dataset's grade is the highest field grade;
its openness is the declared one if the grade allows it, else the widest the grade allows.
Problems that must stop publication are :class:`Finding` objects with a stable code.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _field
from typing import TYPE_CHECKING, Any

from .. import messages, taxonomy
from ..pii import nested
from ..pii.decide import overruled
from ..pii.scan import Detection, ScanReport, declared_types, report_name, treated_operator
from .rules import Policy

if TYPE_CHECKING:
    from ..package import Package


@dataclass(frozen=True)
class Finding:
    """A problem found by the check. ``blocking`` findings stop publication."""

    code: str
    resource: str | None = None
    field: str | None = None
    row: int | None = None
    params: dict[str, Any] = _field(default_factory=dict)
    blocking: bool = True

    def message(self, lang: str | None = None) -> str:
        return messages.t(f"finding.{self.code}", lang=lang, resource=self.resource,
                          field=report_name(self.field) if self.field else self.field,
                          row=self.row, **self.params)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        out = {"code": self.code, "blocking": self.blocking, "message": self.message(lang)}
        for key in ("resource", "field", "row"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.field:
            out["field"] = report_name(self.field)  # a header row may be somebody's ID number
        return out


@dataclass(frozen=True)
class FieldGrade:
    """A field's grade and why."""

    resource: str
    field: str
    grade: str
    reason: str  # message key suffix: pii_raw, pii_treated, pii_masked, disclosed, declared, …
    pii: tuple[str, ...] = ()
    params: dict[str, Any] = _field(default_factory=dict)

    def explain(self, lang: str | None = None) -> str:
        return messages.t(f"grade.{self.reason}", lang=lang, grade=self.grade,
                          types=", ".join(self.pii), **self.params)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"resource": self.resource, "field": report_name(self.field), "grade": self.grade, "pii": list(self.pii),
                "reason": self.reason, "explanation": self.explain(lang)}


@dataclass
class Classification:
    """Field grades, the dataset grade and the openness under a policy."""

    policy: dict[str, str]
    fields: list[FieldGrade]
    grade: str
    allowed: tuple[str, ...]
    declared_openness: str | None
    openness: str
    findings: list[Finding] = _field(default_factory=list)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"policy": self.policy, "grade": self.grade, "allowedOpenness": list(self.allowed),
                "declaredOpenness": self.declared_openness, "openness": self.openness,
                "fields": [f.to_dict(lang) for f in self.fields],
                "findings": [f.to_dict(lang) for f in self.findings]}


def _grade_pii(kind: str, detection: Detection | None, props: dict[str, Any], declared: bool,
               policy: Policy, resource: str, name: str, findings: list[Finding]) -> tuple[str, str, dict]:
    rule = policy.pii[kind]
    if detection is not None and detection.uncertain and not declared:
        return rule.grade, "pii_uncertain", {}  # graded as if it were: the finding asks the officer
    treated = props.get("treated") or {}
    operator = treated_operator(treated, kind) or (props.get("treatment") or {}).get("operator")
    if treated:
        from ..pii.operators import OPERATORS  # ff3 and the ciphers only when treated data is graded

        grade = rule.treated.get(operator)
        if grade is None:
            findings.append(Finding("treatment_not_accepted", resource, name, params={"operator": operator, "type": kind}))
            return rule.grade, "pii_raw", {}
        if detection is not None and detection.raw and not OPERATORS[operator].format_preserving:
            findings.append(Finding("raw_after_treatment", resource, name, params={
                "type": kind, "matches": detection.matches + detection.span_matches}))
            return rule.grade, "pii_raw", {}
        return grade, "pii_treated", {"operator": operator}
    if detection is not None and not detection.raw and detection.masked:
        return rule.treated.get("mask", rule.grade), "pii_masked", {}
    if props.get("disclosure") and declared and rule.disclosable:
        return policy.disclosure_grade, "disclosed", {"basis": props["disclosure"]}
    if operator:
        if operator not in rule.treated:
            findings.append(Finding("treatment_not_accepted", resource, name, params={"operator": operator, "type": kind}))
            return rule.grade, "pii_raw", {}
        findings.append(Finding("treatment_pending", resource, name, params={"operator": operator, "type": kind}))
        return rule.treated[operator], "pii_pending", {"operator": operator}
    if not declared:
        spans = detection is not None and detection.spans
        findings.append(Finding("undeclared_pii_spans" if spans else "undeclared_pii", resource, name, params={
            "type": kind, "matches": (detection.span_matches if spans else detection.matches) if detection else 0,
            "default": rule.default_treatment.get("operator")}))
    return rule.grade, "pii_raw", {}


def _known_grades(package: "Package", policy: Policy) -> None:
    """Every declared grade must be one of the policy's (a descriptor error naming it, not a crash)."""
    from ..errors import DescriptorError

    known = [g.id for g in policy.grades]
    declared = [("opendata.grade", package.opendata.get("grade"))]
    declared += [(f"{r.name}.{f.name}.opendata.grade", f.opendata.get("grade"))
                 for r in package.resources for f in r.schema.fields]
    for where, grade in declared:
        if grade is not None and grade not in known:
            raise DescriptorError("descriptor.unknown_term", path=package.source, property=where, value=grade,
                                  known=", ".join(known))


def classify(package: "Package", scan: ScanReport, policy: Policy) -> Classification:
    """Grade every field and the dataset of ``package`` under ``policy``."""
    findings: list[Finding] = []
    grades: list[FieldGrade] = []
    package_grade = package.opendata.get("grade")
    _known_grades(package, policy)
    for resource in package.resources:
        scanned = scan.resource(resource.name)
        for f in resource.schema.fields:
            props = f.opendata
            declared = declared_types(f)
            treated_types = (props.get("treated") or {}).get("types") or []
            # A treated field's masked look-alikes of other types (a masked ID also looks like a
            # masked bank card) say nothing new; raw values of any type still count.
            detections = {d.type: d for d in scanned.field(f.name).detected
                          if d.personal and (d.raw or not treated_types or d.type in treated_types)
                          and not overruled(d, props)}
            for d in [d for d in detections.values() if d.uncertain]:
                params = {"type": d.type, "matches": d.matches, "sampled": d.sampled, "ratio": f"{d.ratio:.0%}",
                          "why": messages.t(f"uncertain.{d.reason or 'share'}", type=d.type), "samples": "-"}
                params.update(nested.uncertain_params(scanned.field(f.name), d.type, params["why"]))
                findings.append(Finding("pii_uncertain", resource.name, f.name, params=params))
            kinds = sorted(set(declared) | set(detections) | set(treated_types))
            if kinds:
                results = [_grade_pii(k, detections.get(k), props, k in declared or k in treated_types, policy,
                                      resource.name, f.name, findings) for k in kinds]
                grade = results[0][0]
                reason, params = results[0][1], results[0][2]
                for g, r, p in results[1:]:
                    if policy.higher(g, grade) == g and g != grade:
                        grade, reason, params = g, r, p
                if props.get("grade") and policy.higher(props["grade"], grade) == props["grade"]:
                    grade, reason, params = props["grade"], "declared", {}
                grades.append(FieldGrade(resource.name, f.name, grade, reason, tuple(kinds), params))
            elif props.get("grade"):
                grades.append(FieldGrade(resource.name, f.name, props["grade"], "declared"))
            elif package_grade:
                grades.append(FieldGrade(resource.name, f.name, package_grade, "declared_package"))
            else:
                grades.append(FieldGrade(resource.name, f.name, policy.unclassified_grade, "unclassified"))

    dataset_grade = policy.grades[0].id
    for g in grades:
        dataset_grade = policy.higher(g.grade, dataset_grade)
    allowed = policy.grade(dataset_grade).openness
    declared_openness = package.opendata.get("openness")
    if declared_openness and declared_openness != "prohibited" and declared_openness not in allowed:
        # One finding per resource and grade, naming every field that forbids the declared openness.
        groups: dict[tuple[str, str], list[str]] = {}
        for g in grades:
            if not policy.allows(g.grade, declared_openness):
                groups.setdefault((g.resource, g.grade), []).append(g.field)
        for (resource_name, grade), names in groups.items():
            findings.append(Finding("openness_too_wide", resource_name, "、".join(names), params={
                "declared": taxonomy.label("openness", declared_openness), "grade": grade,
                "allowed": "、".join(taxonomy.label("openness", o) for o in policy.grade(grade).openness) or
                taxonomy.label("openness", "prohibited")}))
    if declared_openness in allowed or declared_openness == "prohibited":
        openness = declared_openness
    else:
        openness = policy.grade(dataset_grade).widest_openness
    return Classification(policy.summary(), grades, dataset_grade, tuple(allowed), declared_openness, openness,
                          findings)
