"""Scanning: which fields hold which personal information, whether declared or not.

:func:`scan_batch` is pure: raw text columns in, counts out (per field and type: whole-cell matches,
already-masked values, cells with spans in free text). :func:`scan` streams a package through it
and decides per field from the totals. Each column costs one combined RE2 pass to find candidate
cells; only those reach the individual detectors and their check-digit validation.

Reports carry counts and masked samples only, never a raw value.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .. import messages
from .detectors import REGISTRY, Detector

if TYPE_CHECKING:
    from ..package import Package, Resource
    from ..schema import Field

_CELL_ANY = "|".join(f"(?:{d.cell_pattern})" for d in REGISTRY.values())
_SPAN_DETECTORS = [d for d in REGISTRY.values() if d.span_pattern]
_SPAN_ANY = "|".join(f"(?:{d.span_pattern})" for d in _SPAN_DETECTORS)
_MASK_HINT = r"[*＊]|某|XX"


@dataclass
class Counts:
    """Running counts for one field and one type."""

    matches: int = 0
    masked: int = 0
    span_cells: int = 0
    span_matches: int = 0
    distinct: int = 0  # distinct matched values, summed over batches (an upper bound)

    def add(self, other: "Counts") -> None:
        self.distinct += other.distinct
        self.matches += other.matches
        self.masked += other.masked
        self.span_cells += other.span_cells
        self.span_matches += other.span_matches


@dataclass
class BatchScan:
    """What :func:`scan_batch` found in one batch."""

    nonempty: dict[str, int]
    counts: dict[str, dict[str, Counts]]


def _np(array: pa.Array) -> np.ndarray:
    return np.asarray(pc.fill_null(array, False).to_numpy(zero_copy_only=False), dtype=bool)


def scan_column(values: pa.Array) -> tuple[int, dict[str, Counts]]:
    """Scan one raw text column; returns the non-empty count and counts per detected type."""
    text = pc.utf8_trim_whitespace(pc.fill_null(values, ""))
    nonempty = _np(pc.not_equal(text, ""))
    total = int(nonempty.sum())
    found: dict[str, Counts] = {}
    if total == 0:
        return 0, found

    whole = np.zeros(len(text), dtype=bool)
    candidates = np.flatnonzero(_np(pc.match_substring_regex(text, _CELL_ANY)))
    if len(candidates):
        sub = text.take(pa.array(candidates))
        for detector in REGISTRY.values():
            hits = detector.cells(sub)
            if hits.any():
                counts = found.setdefault(detector.type, Counts())
                counts.matches += int(hits.sum())
                if detector.unhinted_ratio is not None:
                    counts.distinct += pc.count_distinct(sub.filter(pa.array(hits))).as_py()
                whole[candidates[hits]] = True

    if _np(pc.match_substring_regex(text, _MASK_HINT)).any():
        for detector in REGISTRY.values():
            masked = detector.masked(text)
            if masked.any():
                found.setdefault(detector.type, Counts()).masked += int(masked.sum())
                whole |= masked

    # Free text: spans inside cells that are not themselves a whole value of some type.
    rest = np.flatnonzero(nonempty & ~whole)
    if len(rest):
        sub = text.take(pa.array(rest))
        maybe = np.flatnonzero(_np(pc.match_substring_regex(sub, _SPAN_ANY)))
        if len(maybe):
            sub = sub.take(pa.array(maybe))
            for detector in _SPAN_DETECTORS:
                spans = span_counts(detector, sub)
                if spans.any():
                    counts = found.setdefault(detector.type, Counts())
                    counts.span_cells += int((spans > 0).sum())
                    counts.span_matches += int(spans.sum())
    return total, found


def span_counts(detector: Detector, values: pa.Array) -> np.ndarray:
    """Spans of ``detector``'s type per cell; with check digits, the first span must validate."""
    counts = detector.spans(values)
    if type(detector).validate is Detector.validate or not counts.any():
        return counts
    index = np.flatnonzero(counts)
    first = pc.struct_field(pc.extract_regex(values.take(pa.array(index)), f"(?P<m>{detector.span_pattern})"), "m")
    shaped = _np(pc.match_substring_regex(first, detector.cell_pattern))
    ok = np.zeros(len(index), dtype=bool)
    if shaped.any():
        ok[shaped] = detector.validate(first.filter(pa.array(shaped)))
    counts[index[~ok]] = 0
    return counts


def scan_batch(batch: pa.RecordBatch) -> BatchScan:
    """Scan every column of a raw text batch (pure: the same batch always gives the same counts)."""
    nonempty: dict[str, int] = {}
    counts: dict[str, dict[str, Counts]] = {}
    for name, column in zip(batch.schema.names, batch.columns):
        nonempty[name], counts[name] = scan_column(column)
    return BatchScan(nonempty, counts)


# -- decisions and reports ------------------------------------------------------------------------
@dataclass(frozen=True)
class Detection:
    """A type of personal information (or identifier) found in a field."""

    type: str
    matches: int
    sampled: int
    masked: int
    spans: bool
    span_matches: int = 0

    @property
    def ratio(self) -> float:
        return round(self.matches / self.sampled, 4) if self.sampled else 0.0

    @property
    def personal(self) -> bool:
        return REGISTRY[self.type].personal

    @property
    def raw(self) -> bool:
        """Untreated values (or spans) of the type are present."""
        return self.matches > 0 or self.span_matches > 0

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "matches": self.matches, "sampled": self.sampled, "ratio": self.ratio,
                "masked": self.masked, "spans": self.spans}


def decide(detector: Detector, counts: Counts, sampled: int, header: str) -> Detection | None:
    """Whether the totals for a field amount to the field holding ``detector``'s type."""
    if sampled == 0:
        return None
    hinted = detector.hinted(header)
    share = (counts.matches + counts.masked) / sampled
    if detector.needs_hint:
        column = hinted and share >= detector.min_ratio
        if not column and detector.unhinted_ratio is not None and counts.matches:
            column = (counts.matches / sampled >= detector.unhinted_ratio
                      and counts.distinct / counts.matches >= detector.unhinted_distinct)
    else:
        column = share >= detector.min_ratio or (hinted and counts.matches + counts.masked > 0)
    spans = counts.span_cells > 0
    if not column and not spans:
        return None
    return Detection(detector.type, counts.matches if column else 0, sampled, counts.masked if column else 0,
                     spans and not column, counts.span_matches if not column else 0)


@dataclass
class FieldScan:
    name: str
    detected: list[Detection] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "detected": [d.to_dict() for d in self.detected]}


@dataclass
class ResourceScan:
    name: str
    path: str
    rows: int
    fields: list[FieldScan]

    def field(self, name: str) -> FieldScan:
        return next(f for f in self.fields if f.name == name)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "path": self.path, "rows": self.rows, "fields": [f.to_dict() for f in self.fields]}


@dataclass
class ScanReport:
    """Per resource and field, the types detected (``opendata scan --format json``)."""

    resources: list[ResourceScan]

    def resource(self, name: str) -> ResourceScan:
        return next(r for r in self.resources if r.name == name)

    @property
    def raw_personal(self) -> list[tuple[str, str, Detection]]:
        """(resource, field, detection) for every untreated personal information found."""
        return [(r.name, f.name, d) for r in self.resources for f in r.fields for d in f.detected
                if d.personal and d.raw]

    def to_dict(self) -> dict[str, Any]:
        return {"resources": [r.to_dict() for r in self.resources]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self, lang: str | None = None) -> str:
        t = lambda key, **kw: messages.t(key, lang=lang, **kw)  # noqa: E731
        lines = []
        for res in self.resources:
            lines.append(t("scan.resource", name=res.name, path=res.path, rows=res.rows))
            for f in res.fields:
                if not f.detected:
                    continue
                for d in f.detected:
                    key = "scan.spans" if d.spans else ("scan.masked" if d.masked and not d.matches else "scan.cells")
                    lines.append("  " + t(key, field=f.name, type=t(f"pii.{d.type}"), code=d.type, matches=d.matches,
                                          sampled=d.sampled, ratio=f"{d.ratio:.0%}", masked=d.masked,
                                          spans=d.span_matches))
            if not any(f.detected for f in res.fields):
                lines.append("  " + t("scan.none"))
        return "\n".join(lines)


def _headers(resource: "Resource") -> dict[str, str]:
    return {f.name: f"{f.name} {f.title}" for f in resource.schema.fields}


def scan_resource(resource: "Resource", *, sample_rows: int | None = None) -> ResourceScan:
    """Scan one resource (every row, or the first ``sample_rows``)."""
    totals: dict[str, dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
    nonempty: dict[str, int] = defaultdict(int)
    rows = 0
    for batch in resource.raw_batches():
        if sample_rows is not None and rows >= sample_rows:
            break
        if sample_rows is not None and rows + batch.num_rows > sample_rows:
            batch = batch.slice(0, sample_rows - rows)
        rows += batch.num_rows
        result = scan_batch(batch)
        for name, count in result.nonempty.items():
            nonempty[name] += count
        for name, per_type in result.counts.items():
            for kind, counts in per_type.items():
                totals[name][kind].add(counts)
    headers = _headers(resource)
    fields = []
    for f in resource.schema.fields:
        detected = [d for kind, counts in totals[f.name].items()
                    if (d := decide(REGISTRY[kind], counts, nonempty[f.name], headers[f.name]))]
        fields.append(FieldScan(f.name, sorted(detected, key=lambda d: (-d.matches, d.type))))
    path = str(resource.path) if resource.path else f"<{resource.name}>"
    return ResourceScan(resource.name, path, rows, fields)


def scan(package: "Package", *, sample_rows: int | None = None) -> ScanReport:
    """Scan every resource of ``package`` for personal information and identifiers."""
    return ScanReport([scan_resource(r, sample_rows=sample_rows) for r in package.resources])


def declared_types(field_: "Field") -> list[str]:
    """The PI types a field's descriptor declares (``"opendata": {"pii": "cn_mobile"}``)."""
    value = field_.opendata.get("pii")
    if value in (None, "none", []):
        return []
    return [value] if isinstance(value, str) else list(value)


def iter_detections(report: ScanReport) -> Iterable[tuple[str, str, Detection]]:
    for res in report.resources:
        for f in res.fields:
            for d in f.detected:
                yield res.name, f.name, d
