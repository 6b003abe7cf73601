"""The driver's side of a Spark pass: start the per-part jobs, then merge what comes back in the
order the single-machine pass would have seen it.

The merge follows :func:`opendata.validate.table.validate_table` and :func:`opendata.check.analyze`
step by step (errors listed chunk by chunk up to the limit, then repeated keys in hash order), so
the reports are the same; repeated and dangling keys and k-anonymity counts come from Spark joins
and aggregations, and only counts, the first ``limit`` positions and masked values reach the driver.
"""

from __future__ import annotations

import pickle
from collections import Counter, deque
from dataclasses import replace
from typing import Any, Iterator

from ...check import Finding
from ...masking import sample
from ...package import Package, Resource
from ...pii.decide import Rules
from ...pii.scan import ResourceScan, ScanAccumulator, ScanReport
from ...policy.kanon import KAnonymity, quasi_identifiers
from ...policy.sensitive import CellFindings, text_fields
from ...readers import format_of, table_parts
from ...readers.base import Chunk
from ...validate import DEFAULT_LIMIT, ResourceReport, ValidationError, ValidationReport
from ...validate.integrity import file_errors, row_count_errors
from ...validate.table import _primary_key_error, label_errors
from .job import FOREIGN, OUTPUT_DDL, PART_SHIFT, PRIMARY, QUASI, REFERENCE, SUMMARY, UNIQUE, PartJob, raise_failure

_LOCAL = (1 << PART_SHIFT) - 1


def is_dataframe(resource: Resource) -> bool:
    """Whether the resource's rows come from a Spark DataFrame (else from part files or URIs)."""
    return resource.frame is not None and not getattr(resource.frame, "remote", False)


def part_source(spark: Any, resource: Resource, count: int, parts: list[int] | None = None) -> Any:
    """The DataFrame a file resource's job runs over: its part numbers (``parts``, default all
    ``count``), and for parts on another filesystem their bytes, read by Spark."""
    if getattr(resource.frame, "remote", False):
        return resource.frame.source(parts)
    if parts is None:
        return spark.range(0, count, 1, count)
    return spark.createDataFrame([(p,) for p in parts], "id long").repartition(len(parts))


def parts_of(resource: Resource) -> tuple[list[str], dict[str, Any]]:
    """The part files (or URIs) of a file resource and the arguments each is opened with."""
    if getattr(resource.frame, "remote", False):
        return list(resource.frame.parts), dict(resource.frame.open_args)
    d = resource.descriptor
    path = resource.path
    assert path is not None
    parts = resource.parts or (table_parts(path, d.get("format")) if path.is_dir() else [path])
    fmt = d.get("format") or format_of(parts[0])
    return [str(p) for p in parts], {"format": fmt, "encoding": d.get("encoding"), "dialect": d.get("dialect"),
                                     "sheet": d.get("sheet")}


class Numbering:
    """Row numbers of the whole table from positions (part, row in part), learnt from the chunk
    summaries as they arrive in table order: a part's rows follow the previous part's last row."""

    def __init__(self, base: int) -> None:
        self.base = base  # the row number before a part's first data row (1: a header row)
        self.offsets: dict[int, int] = {}
        self._part: int | None = None
        self._next = 0  # the offset of the part after the current one, so far
        self._last = base

    def see(self, part: int, last: int | None) -> int:
        """Take the summary of a chunk of ``part`` (its last row number); returns the part's offset."""
        if part != self._part:
            start = self._next
            self.offsets[part], self._part, self._last = start, part, self.base
        if last is not None:
            self._last = max(self._last, last)
        self._next = self.offsets[part] + self._last - self.base
        return self.offsets[part]

    def row(self, pos: int) -> int:
        return self.offsets[pos >> PART_SHIFT] + (pos & _LOCAL)


class SparkRun:
    """One package's pass on Spark: a persisted output frame per resource, merged on demand."""

    def __init__(self, spark: Any, package: Package, *, limit: int = DEFAULT_LIMIT, terms: tuple[str, ...] = (),
                 validate: bool = True, scan: bool = True) -> None:
        from pyspark import StorageLevel

        self.spark, self.package, self.limit = spark, package, limit
        refs: dict[str, list[tuple[str, ...]]] = {r.name: [] for r in package.resources}
        for r in package.resources:
            for fk in r.schema.foreign_keys:
                wanted = refs[fk.resource or r.name]
                if fk.reference_fields not in wanted:
                    wanted.append(fk.reference_fields)
        self.refs = refs
        self.jobs: dict[str, PartJob] = {}
        self.frames: dict[str, Any] = {}
        self.parts: dict[str, int] = {}
        for r in package.resources:
            schema = r.schema
            uniques = [f.name for f in schema.fields if f.constraints.get("unique")]
            pk = schema.primary_key
            shared = pk[0] if len(pk) == 1 and pk[0] in uniques else None
            job = PartJob(schema, [], limit=limit, validate=validate, scan=scan, terms=terms,
                          text_fields=text_fields(r), uniques=uniques, primary=bool(pk) and shared is None,
                          foreign=[fk.fields for fk in schema.foreign_keys], references=refs[r.name],
                          quasi=quasi_identifiers(r) if validate else ())
            if is_dataframe(r):
                source = r.frame.df
                self.parts[r.name] = source.rdd.getNumPartitions()
            else:
                job.parts, job.open_args = parts_of(r)
                job.remote = r.frame is not None
                job.header = r.open().header  # the first part's (read here: a few bytes)
                self.parts[r.name] = len(job.parts)
                source = part_source(spark, r, len(job.parts))
            self.jobs[r.name] = job
            self.frames[r.name] = source.mapInArrow(job, OUTPUT_DDL).persist(StorageLevel.MEMORY_AND_DISK)
        self.numbering: dict[str, Numbering] = {}

    def close(self) -> None:
        for frame in self.frames.values():
            frame.unpersist()

    # -- chunk summaries -------------------------------------------------------------------------
    def _kind(self, name: str, kind: int, key: int = 0) -> Any:
        from pyspark.sql import functions as F

        return self.frames[name].filter((F.col("kind") == kind) & (F.col("key") == key))

    def summaries(self, resource: Resource, base: int) -> Iterator[tuple[Numbering, int, int, dict[str, Any]]]:
        """Each chunk's summary in table order, with its part's offset (read one partition at a time)."""
        numbering = self.numbering[resource.name] = Numbering(base)
        ordered = self._kind(resource.name, SUMMARY).select("pos", "payload").orderBy("pos")
        for row in ordered.toLocalIterator():
            summary = pickle.loads(row.payload)
            raise_failure(summary)
            part = row.pos >> PART_SHIFT
            yield numbering, part, numbering.see(part, summary["last"]), summary

    # -- keys --------------------------------------------------------------------------------------
    def repeated(self, name: str, kind: int, key: int) -> tuple[int, list[tuple[int, int]]]:
        """How many rows repeat an earlier row's key, and the first ``limit`` of them in the order
        the single-machine finder lists them (by hash, then row): (position, first position)."""
        from pyspark.sql import Window, functions as F

        keyed = self._kind(name, kind, key).select("pos", "h1", "h2")
        first = keyed.withColumn("first", F.min("pos").over(Window.partitionBy("h1", "h2")))
        dups = first.filter(F.col("pos") != F.col("first"))
        top = dups.orderBy("h1", "h2", "pos").limit(max(self.limit, 0)).select("pos", "first").collect()
        # Fewer than the limit: that is all of them (one Spark job fewer).
        return len(top) if len(top) < self.limit else dups.count(), [(r.pos, r.first) for r in top]

    def dangling(self, name: str, number: int, target: str, fields: tuple[str, ...]) -> tuple[int, list[int]]:
        """Rows whose foreign key is in no row of ``target``: how many, the first ``limit`` positions."""
        refs = self._kind(target, REFERENCE, self.refs[target].index(fields)).select("h1", "h2").distinct()
        bad = self._kind(name, FOREIGN, number).join(refs, ["h1", "h2"], "left_anti")
        top = bad.select("pos").orderBy("pos").limit(max(self.limit, 0)).collect()
        return len(top) if len(top) < self.limit else bad.count(), [r.pos for r in top]

    def rare(self, resource: Resource, k: int) -> KAnonymity | None:
        """The quasi-identifier combinations of fewer than ``k`` rows (counted by Spark): how many,
        their rows, and the first five in order of first appearance."""
        from pyspark.sql import functions as F

        fields = quasi_identifiers(resource)
        if not fields:
            return None
        groups = (self._kind(resource.name, QUASI).groupBy("texts")
                  .agg(F.count(F.lit(1)).alias("n"), F.min("pos").alias("first")).filter(F.col("n") < k))
        first = groups.orderBy("first").limit(5).collect()
        if len(first) < 5:  # all of them
            return KAnonymity(fields, k, {tuple(r.texts): r.n for r in first})
        totals = groups.agg(F.count(F.lit(1)).alias("groups"), F.sum("n").alias("rows")).collect()[0]
        return KAnonymity(fields, k, {tuple(r.texts): r.n for r in first}, int(totals.groups or 0),
                          int(totals.rows or 0))

    def cells(self, resource: Resource, wanted: dict[int, set[int]]) -> dict[tuple[int, int], str]:
        """Masked cells at (position, column): read back by Spark from the parts that hold them."""
        if not wanted:
            return {}
        base = self.jobs[resource.name]
        job = CellsJob(base.schema, base.parts, base.open_args, wanted={p: sorted(c) for p, c in wanted.items()})
        job.remote = base.remote
        if is_dataframe(resource):
            source = resource.frame.df
        else:
            source = part_source(self.spark, resource, len(base.parts), sorted({p >> PART_SHIFT for p in wanted}))
        rows = source.mapInArrow(job, OUTPUT_DDL).select("pos", "key", "texts").collect()  # ≤ limit rows
        return {(r.pos, r.key): r.texts[0] for r in rows}

    # -- the merge -------------------------------------------------------------------------------
    def analyze(self, rules: Rules | None = None) -> tuple[ValidationReport, ScanReport, list[Finding]]:
        """What :func:`opendata.check.analyze` returns, from the Spark pass."""
        report = ValidationReport()
        scans: list[ResourceScan] = []
        findings: list[Finding] = []
        formula_findings: list[Finding] = []
        for resource in self.package.resources:
            result, scanned, cells, formulas = self._resource(resource, rules)
            report.resources.append(result)
            scans.append(scanned)
            findings += cells.findings
            formula_findings += [Finding("formula_cells", resource.name, name, params={"count": n}, blocking=False)
                                 for name, n in formulas.items()]
        return report, ScanReport(scans), findings + formula_findings

    def scan_only(self, rules: Rules | None = None) -> ScanReport:
        out = []
        for resource in self.package.resources:
            accumulator = ScanAccumulator(resource, rules, self.package.title)
            for _, _, _, summary in self.summaries(resource, 1):
                accumulator.add(summary["rows"], summary["scan"])
            out.append(accumulator.finish())
        return ScanReport(out)

    def _header(self, resource: Resource) -> tuple[str, str, str | None, list[str], bool, list[str], bool]:
        if is_dataframe(resource):
            return f"<{resource.name}>", "memory", None, list(resource.frame.df.columns), True, [], True
        source = resource.open()
        return (source.path, source.format, source.encoding, source.header, source.has_header, source.notes,
                source.header_case)

    def _resource(self, resource: Resource, rules: Rules | None):
        limit, schema = self.limit, resource.schema
        path, fmt, encoding, header, has_header, notes, header_case = self._header(resource)
        report = ResourceReport(name=resource.name, path=path, format=fmt, encoding=encoding, fields=len(schema.fields))
        report.notes.extend(notes)
        errors = label_errors(header, schema, case_sensitive=header_case) if has_header else []
        report.counts.update(e.type for e in errors)
        errors = errors[:limit]
        accumulator = ScanAccumulator(resource, rules, self.package.title)
        cells = CellFindings(resource.name)
        formulas: Counter = Counter()
        fks = list(schema.foreign_keys)
        pending: list[deque[int]] = []
        dangling_total = 0
        for number, fk in enumerate(fks):
            count, top = self.dangling(resource.name, number, fk.resource or resource.name, fk.reference_fields)
            dangling_total += count
            pending.append(deque(top))
        numbering = None
        for numbering, part, offset, s in self.summaries(resource, 1 if has_header else 0):
            last = (part << PART_SHIFT) | s["last"] if s["last"] is not None else -1  # as a position
            report.rows += s["rows"]
            report.counts.update(s["counts"])
            errors.extend(replace(e, row=e.row + offset if e.row is not None else None)
                          for e in s["errors"][:max(limit - len(errors), 0)])
            if "pk_null" in s:
                report.counts["primary-key"] += s["pk_null_n"]
                for row in s["pk_null"][:max(limit - len(errors), 0)]:
                    errors.append(ValidationError("primary-key", row=row + offset, params={
                        "fields": ", ".join(schema.primary_key), "null": True}))
            for number, (fk, queue) in enumerate(zip(fks, pending)):
                if number in s.get("fk", ()):
                    report.counts["foreign-key"] += 0  # as the single-machine pass: checked, maybe none
                while queue and queue[0] <= last:  # the dangling keys of this chunk
                    row = numbering.row(queue.popleft())
                    if len(errors) < limit:
                        errors.append(ValidationError("foreign-key", row=row, params={
                            "fields": ", ".join(fk.fields), "reference": fk.resource or resource.name}))
            accumulator.add(s["rows"], s["scan"])
            cells.add([(f, row + offset, term) for f, row, term in s["cells"]])
            formulas.update(s["formulas"])
        if dangling_total:
            report.counts["foreign-key"] += dangling_total
        if numbering is not None:
            self._keys(resource, report, errors, numbering)
        report.errors = sorted(errors, key=ValidationError.sort_key)
        report.schema_inferred = resource.schema_inferred
        if resource.path is not None:
            found = file_errors(resource.descriptor, resource.path, resource.parts, where=str(self.package.source))
            found += row_count_errors(resource.descriptor, report.rows)
            report.counts.update(e.type for e in found)
            report.errors = (found + report.errors)[:max(limit, 0)]
        return report, accumulator.finish(), cells, formulas

    def _keys(self, resource: Resource, report: ResourceReport, errors: list[ValidationError],
              numbering: Numbering) -> None:
        """Unique fields and primary keys, as :func:`~opendata.validate.table.validate_table` lists them."""
        limit, schema, job = self.limit, resource.schema, self.jobs[resource.name]
        pk = schema.primary_key
        shared = pk[0] if len(pk) == 1 and pk[0] in job.uniques else None
        repeated: list[tuple[ValidationError, int]] = []
        for number, name in enumerate(job.uniques):
            field_number = schema.field_names.index(name) + 1
            total, top = self.repeated(resource.name, UNIQUE, number)
            if total:  # (a key absent, not 0, where nothing repeats: as the single-machine report)
                report.counts["unique-error"] += total
            for pos, first in top:
                row, first_row = numbering.row(pos), numbering.row(first)
                if len(errors) + len(repeated) < limit:
                    repeated.append((ValidationError("unique-error", row=row, field=name, field_number=field_number,
                                                     params={"first_row": first_row}), pos))
                if name == shared:
                    _primary_key_error(report, errors, limit - len(repeated), schema, row, first_row)
            if name == shared:
                report.counts["primary-key"] += total - len(top)
        if repeated:
            wanted: dict[int, set[int]] = {}
            for error, pos in repeated:
                wanted.setdefault(pos, set()).add(error.field_number - 1)
            found = self.cells(resource, wanted)
            errors.extend(replace(e, cell=found.get((pos, e.field_number - 1))) for e, pos in repeated)
        if job.primary:
            total, top = self.repeated(resource.name, PRIMARY, 0)
            for pos, first in top:
                _primary_key_error(report, errors, limit, schema, numbering.row(pos), numbering.row(first))
            report.counts["primary-key"] += total - len(top)


class CellsJob(PartJob):
    """Reads back the masked cells at a few positions (the values a unique error shows)."""

    def __init__(self, schema, parts, open_args, wanted: dict[int, list[int]]) -> None:
        super().__init__(schema, parts, open_args, validate=False, scan=False)
        self.wanted = wanted

    def run_part(self, part: int, chunks: Iterator[Chunk]) -> Iterator[Any]:
        import numpy as np

        from .job import _rows

        import pyarrow as pa

        wanted = {p: c for p, c in self.wanted.items() if p >> PART_SHIFT == part}
        if not wanted:
            return
        local = np.array(sorted(p & _LOCAL for p in wanted), dtype=np.int64)
        for chunk in chunks:
            for j in np.flatnonzero(np.isin(chunk.rows, local)):
                pos = (part << PART_SHIFT) | int(chunk.rows[j])
                for column in wanted[pos]:
                    if column < chunk.data.num_columns:
                        text = sample(chunk.data.column(column)[int(j)].as_py())
                        yield _rows(SUMMARY, column, np.array([pos], dtype=np.int64),
                                    texts=pa.array([[text]], pa.list_(pa.string())))
            if len(chunk.rows) and chunk.rows[-1] >= local[-1]:
                break
