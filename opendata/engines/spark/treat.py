"""The treatment pass of ``redact`` on Spark: each part treated and encoded by a Spark task.

Each task puts its part's chunks through the single-machine step
(:meth:`opendata.redact._TreatedOutput.step`: treatment, re-scan, last-line checks, rare
combinations dropped) and writes the encoded CSV lines behind the header into a part file; the
driver receives counts only and names the parts in table order ``data/NAME/part-00000.csv`` …:
each a canonical CSV (UTF-8 with BOM, the same quoting), and together, headers aside, the very
bytes one machine writes into ``data/NAME.csv`` (``encrypt`` aside, whose nonces are random).
:mod:`.output` then writes their Parquet parts and lists both in ``datapackage.json``.

Keyed treatments get their key as a Spark broadcast variable: it is never in the Spark settings,
the logs, the event log or the UI, and it is destroyed when the pass ends. On a cluster, turn on
``spark.io.encryption.enabled`` and ``spark.network.crypto.enabled`` (and ``spark.authenticate``)
so that it is encrypted on the wire and in the executors' scratch files too.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pyarrow as pa

from ...package import Resource
from ...pii.scan import Counts, merge_counts
from ...readers.base import Chunk
from ...redact import FieldPlan, _live_quasi_identifiers, _qi_generalization, _TreatedOutput, treat_batch
from ...release import CsvSink
from .analyze import is_dataframe, part_source, parts_of
from .job import OUTPUT_DDL, PART_SHIFT, QUASI, SUMMARY, PartJob, _rows, quasi_rows, raise_failure


class _Key:
    """The data key on the executors: read from a broadcast variable, never pickled with the job."""

    def __init__(self, broadcast: Any) -> None:
        self.broadcast = broadcast

    def get(self) -> Any:
        return self.broadcast.value if self.broadcast is not None else None


class QuasiJob(PartJob):
    """Each row's quasi-identifiers as the treatment leaves them (for the k-anonymity counts)."""

    def __init__(self, base: PartJob, plans: list[FieldPlan], key: _Key, qi: tuple[str, ...]) -> None:
        super().__init__(base.schema, base.parts, base.open_args, validate=False, scan=False, remote=base.remote)
        self.plans, self.key, self.qi = plans, key, qi

    def run_part(self, part: int, chunks: Iterator[Chunk]) -> Iterator[pa.RecordBatch]:
        key = self.key.get()
        for chunk in chunks:
            batch = self.named(chunk)
            if not all(n in batch.schema.names for n in self.qi):
                continue
            pos = (np.int64(part) << np.int64(PART_SHIFT)) | chunk.rows.astype(np.int64)
            yield quasi_rows(treat_batch(batch.select(list(self.qi)), self.plans, key), self.qi, pos)


class TreatJob(PartJob):
    """Treat, re-scan and encode a part; the CSV lines go to a file in ``directory``."""

    def __init__(self, base: PartJob, plans: list[FieldPlan], key: _Key, qi: tuple[str, ...],
                 rare: Any, directory: str) -> None:
        super().__init__(base.schema, base.parts, base.open_args, validate=False, scan=False, remote=base.remote)
        self.plans, self.key, self.qi, self.rare, self.directory = plans, key, qi, rare, directory

    def run_part(self, part: int, chunks: Iterator[Chunk]) -> Iterator[pa.RecordBatch]:
        from pyspark import TaskContext

        output = _TreatedOutput(None, self.plans, self.key.get(), self.qi,
                                rare=self.rare.value if self.rare is not None else None)
        # One file per attempt: a retried or speculative task never writes into another's file.
        name = f"part-{part:06d}-{TaskContext.get().taskAttemptId()}.csv"
        sink = CsvSink(Path(self.directory) / name, output.names)
        try:
            for seq, chunk in enumerate(chunks):
                rows_in, rows_out, encoded, rescan, _, tallies, last = output.step(self.named(chunk))
                sink.write_encoded(encoded)
                summary = {"file": name, "rows_in": rows_in, "rows_out": rows_out, "rescan": rescan,
                           "tallies": tallies, "last": last}
                yield _rows(SUMMARY, 0, np.array([(part << PART_SHIFT) | seq], dtype=np.int64),
                            payload=[pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL)])
        finally:
            sink.close()


class TreatedParts:
    """What the single-machine ``_TreatedOutput`` keeps, merged from the tasks' summaries."""

    def __init__(self) -> None:
        self.rows_in = self.rows_out = 0
        self.totals: dict = defaultdict(lambda: defaultdict(Counts))
        self.nonempty: dict = defaultdict(int)
        self.keyed_parts: dict = {}  # a form's value columns re-scanned label by label
        self.tallies: dict[str, Counter] = {}
        self.last_line: dict[str, Counter] = {}
        #: the resource's CSV parts in table order (``data/NAME/part-00000.csv`` …)
        self.parts: list[Path] = []

    def add(self, s: dict[str, Any]) -> None:
        self.rows_in += s["rows_in"]
        self.rows_out += s["rows_out"]
        if s["rescan"] is not None:
            merge_counts(s["rescan"], self.totals, self.nonempty, parts=self.keyed_parts)
        for name, tally in s["tallies"].items():
            self.tallies.setdefault(name, Counter()).update(tally)
        for name, counts in s["last"].items():
            self.last_line.setdefault(name, Counter()).update(counts)


def _source(spark: Any, resource: Resource, job: PartJob) -> Any:
    if is_dataframe(resource):
        return resource.frame.df
    return part_source(spark, resource, len(job.parts))


def _base_job(resource: Resource) -> PartJob:
    job = PartJob(resource.schema, [])
    if not is_dataframe(resource):
        job.parts, job.open_args = parts_of(resource)
        job.remote = resource.frame is not None
    return job


def _counts(spark: Any, resource: Resource, base: PartJob, plans: list[FieldPlan], key: _Key,
            qi: tuple[str, ...], k: int) -> tuple[Any, int]:
    """The treated quasi-identifier combinations rarer than ``k`` (a DataFrame) and how many."""
    from pyspark.sql import functions as F

    rows = _source(spark, resource, base).mapInArrow(QuasiJob(base, plans, key, qi), OUTPUT_DDL)
    rare = rows.filter(F.col("kind") == QUASI).groupBy("texts").count().filter(F.col("count") < k)
    return rare, rare.count()


def treat_resource(spark: Any, resource: Resource, plans: list[FieldPlan], key: Any, policy: Any,
                   report: Any, path: Path) -> TreatedParts:
    """What :func:`opendata.redact._treat_resource` does, on Spark: k-anonymity first (counted by
    Spark), then every part treated and written by a task, as the CSV parts of the resource in
    the directory ``path`` without its suffix (``data/NAME/``)."""
    base = _base_job(resource)
    context = spark.sparkContext
    shared = _Key(context.broadcast(key) if key is not None else None)
    rare_values = None
    # The tasks write here; only the attempts that delivered the summaries become parts.
    parts_dir = path.parent / f".{path.stem}.parts"
    parts_dir.mkdir()
    try:
        qi = _live_quasi_identifiers(resource, plans)
        if qi:
            rare, n = _counts(spark, resource, base, plans, shared, qi, policy.k)
            if n:
                coarser = _qi_generalization(resource, qi)
                for plan in plans:
                    if plan.field in coarser:
                        plan.treatments.append(coarser[plan.field])
                report.generalized_qi[resource.name] = sorted(coarser)
                rare, n = _counts(spark, resource, base, plans, shared, qi, policy.k)
                if n:
                    # The rows to drop are recognised on the executors: the rare combinations go
                    # there as a broadcast (as many as there are rare combinations, no more).
                    rare_values = context.broadcast({tuple(r.texts) for r in rare.toLocalIterator()})
        job = TreatJob(base, plans, shared, qi, rare_values, str(parts_dir))
        out = _source(spark, resource, base).mapInArrow(job, OUTPUT_DDL)
        output = TreatedParts()
        files: list[str] = []
        for row in out.select("pos", "payload").orderBy("pos").toLocalIterator():
            summary = pickle.loads(row.payload)
            raise_failure(summary)
            output.add(summary)
            if not files or files[-1] != summary["file"]:
                files.append(summary["file"])
        final = path.parent / path.stem
        final.mkdir()
        if not files:  # no rows at all: one part with the header only
            CsvSink(final / "part-00000.csv", [p.field for p in plans if not p.suppressed]).close()
            output.parts.append(final / "part-00000.csv")
        for i, name in enumerate(files):
            os.replace(parts_dir / name, final / f"part-{i:05d}.csv")
            output.parts.append(final / f"part-{i:05d}.csv")
        return output
    finally:
        shutil.rmtree(parts_dir, ignore_errors=True)
        if shared.broadcast is not None:
            shared.broadcast.destroy()
        if rare_values is not None:
            rare_values.destroy()
