"""The grading and openness policy (分级分类策略), as data.

A policy says which grades exist and what openness each allows, what grade each type of personal
information gives a field, how treatments lower it, which fields count as unclassified, and which
terms mark content that must not be published. The default policy ships in
``schemas/policy.default.yaml``; every report records the policy's id, version and SHA-256.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .. import config, yamltext
from ..errors import DescriptorError
from ..paths import schemas_dir

OPENNESS_ORDER = ("unconditional", "restricted", "prohibited")  # widest first


@dataclass(frozen=True)
class Grade:
    id: str
    rank: int
    openness: tuple[str, ...]
    title: dict[str, str] = field(default_factory=dict)

    @property
    def widest_openness(self) -> str:
        """The widest openness this grade allows (``prohibited`` when none)."""
        for level in OPENNESS_ORDER:
            if level in self.openness:
                return level
        return "prohibited"


@dataclass(frozen=True)
class PiRule:
    type: str
    grade: str
    default_treatment: dict[str, Any]
    treated: dict[str, str]
    disclosable: bool = False


@dataclass(frozen=True)
class DeliveryRules:
    """受限开放 on application: treatments from weakest to strongest, the weakest a grant may give a
    field of each grade (its grade untreated), and the longest period of use."""

    strength: tuple[str, ...] = ("none", "generalize", "pseudonymize", "mask", "suppress")
    minimum: dict[str, str] = field(default_factory=dict)
    max_days: int = 366

    def rank(self, operator: str) -> int:
        """How strong ``operator`` is (-1: not a delivery treatment)."""
        return self.strength.index(operator) if operator in self.strength else -1

    def minimum_for(self, grade: str) -> str:
        """The weakest treatment for a field of ``grade``; a grade the policy names no minimum for
        gets the strongest (fail closed)."""
        return self.minimum.get(grade, self.strength[-1])


@dataclass(frozen=True)
class Policy:
    """A validated policy."""

    id: str
    version: str
    sha256: str
    path: str
    grades: tuple[Grade, ...]
    unclassified_grade: str
    disclosure_grade: str
    pii: dict[str, PiRule]
    sensitive_terms: tuple[str, ...]
    k: int
    title: dict[str, str] = field(default_factory=dict)
    #: how personal information is decided per field: thresholds and header hints (:mod:`opendata.pii.decide`).
    detection: Any = None
    #: what a cell of a personal field that fits no known form gets (full mask by default).
    generic_treatment: dict[str, Any] = field(default_factory=lambda: {"operator": "mask", "keep_start": 0,
                                                                       "keep_end": 0})
    #: 受限开放 on application (:mod:`opendata.delivery`).
    delivery: DeliveryRules = field(default_factory=DeliveryRules)

    def grade(self, ident: str) -> Grade:
        for g in self.grades:
            if g.id == ident:
                return g
        raise KeyError(ident)

    def higher(self, a: str, b: str) -> str:
        """The more sensitive of two grades."""
        return a if self.grade(a).rank >= self.grade(b).rank else b

    def allows(self, grade: str, openness: str) -> bool:
        return openness == "prohibited" or openness in self.grade(grade).openness

    def summary(self) -> dict[str, str]:
        """What reports record about the policy they were made under."""
        return {"id": self.id, "version": self.version, "sha256": self.sha256}


def default_policy_path() -> Path:
    return schemas_dir() / "policy.default.yaml"


def load_policy(path: str | Path | None = None) -> Policy:
    """Load a policy: ``path``, else ``[policy] file`` in opendata.toml, else the default."""
    if path is None:
        configured = config.get("policy", "file")
        path = config.resolve_path(configured) if configured else default_policy_path()
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        from ..errors import InputError

        raise InputError("input.not_found", path=str(path)) from exc
    return _parse(raw, str(path))


@lru_cache(maxsize=16)
def _parse(raw: bytes, where: str) -> Policy:
    try:
        data = yamltext.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        from ..errors import InputError

        raise InputError("input.encoding", path=where, row=1, encoding="utf-8") from exc
    except RecursionError:
        from ..readers.json import MAX_DEPTH

        raise DescriptorError("hostile.json_too_deep", path=where, limit=MAX_DEPTH) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DescriptorError("policy.invalid_yaml", path=where, line=mark.line + 1 if mark else "?",
                              column=mark.column + 1 if mark else "?",
                              reason=getattr(exc, "problem", None) or str(exc).splitlines()[0]) from exc
    from ..readers.json import MAX_DEPTH, too_deep

    if too_deep(data):
        raise DescriptorError("hostile.json_too_deep", path=where, limit=MAX_DEPTH)
    _validate_schema(data, where)
    grades = tuple(Grade(g["id"], i, tuple(g["openness"]), g.get("title", {})) for i, g in enumerate(data["grades"]))
    ids = {g.id for g in grades}

    def known(grade: str, at: str) -> str:
        if grade not in ids:
            raise DescriptorError("policy.unknown_grade", path=where, where=at, grade=grade, known=", ".join(sorted(ids)))
        return grade

    from ..pii.detectors import REGISTRY
    from ..pii.operators import OPERATORS

    pii = {}
    for kind, rule in data["pii"].items():
        if kind not in REGISTRY:
            raise DescriptorError("policy.unknown_pii", path=where, type=kind, known=", ".join(sorted(REGISTRY)))
        treated = {op: known(g, f"pii.{kind}.treated.{op}") for op, g in (rule.get("treated") or {}).items()}
        default = dict(rule.get("default_treatment") or {"operator": "none"})
        for op in list(treated) + [default["operator"]]:
            if op not in OPERATORS and op != "none":
                raise DescriptorError("policy.unknown_operator", path=where, operator=op, known=", ".join(sorted(OPERATORS)))
        pii[kind] = PiRule(kind, known(rule["grade"], f"pii.{kind}.grade"), default, treated, bool(rule.get("disclosable")))
    from ..pii.decide import Hints, default_rules

    rules = default_rules()
    if data.get("pii_hints"):
        rules = replace(rules, hints=rules.hints.extended(Hints.parse(data["pii_hints"], where)))
    rules = rules.with_thresholds(data.get("detection") or {})
    generic = dict(data.get("generic_treatment") or {"operator": "mask", "keep_start": 0, "keep_end": 0})
    if generic["operator"] not in ("mask", "suppress"):
        raise DescriptorError("descriptor.invalid", path=where, where="generic_treatment/operator",
                              reason="mask or suppress")
    delivery = DeliveryRules()
    if data.get("delivery"):
        raw_delivery = data["delivery"]
        minimum = {known(g, f"delivery.minimum.{g}"): op for g, op in raw_delivery["minimum"].items()}
        for g, op in minimum.items():
            if op not in raw_delivery["strength"]:
                raise DescriptorError("descriptor.invalid", path=where, where=f"delivery/minimum/{g}",
                                      reason=", ".join(raw_delivery["strength"]))
        delivery = DeliveryRules(tuple(raw_delivery["strength"]), minimum, int(raw_delivery.get("max_days", 366)))
    else:  # a policy that says nothing: grants may only suppress (fail closed)
        delivery = DeliveryRules(minimum={g.id: "suppress" for g in grades})
    return Policy(
        id=data["id"], version=str(data["version"]), sha256=hashlib.sha256(raw).hexdigest(), path=where,
        grades=grades, unclassified_grade=known(data["unclassified_grade"], "unclassified_grade"),
        disclosure_grade=known(data.get("disclosure_grade", grades[0].id), "disclosure_grade"),
        pii=pii, sensitive_terms=tuple(data["sensitive_terms"]),
        k=int((data.get("k_anonymity") or {}).get("k", 5)), title=data.get("title", {}),
        detection=rules, generic_treatment=generic, delivery=delivery,
    )


def _validate_schema(data: Any, where: str) -> None:
    import jsonschema

    schema = json.loads((schemas_dir() / "policy.schema.json").read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        at = "/".join(str(p) for p in first.path) or "/"
        from ..descriptor import schema_reason

        raise DescriptorError("descriptor.invalid", path=where, where=at, reason=schema_reason(first))
