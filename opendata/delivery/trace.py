"""Tracing a leaked copy back to its recipient (数据水印 溯源), from the department's keys and
audit log alone.

Every delivery left an audit record (grant id, organisation, data key id, the domains of its
canaries). For each such grant :func:`trace` re-derives the grant's fingerprint keys
(:mod:`.watermark`, :mod:`.canary`) and tests the leaked file three ways: of the ``n_t``
pseudonym-shaped distinct cells, how many carry a valid tag; of the ``n_m`` masked distinct cells,
how many carry mask bit 0; of the grant's ``C`` canary rows, how many some leaked row holds.

**False attribution.** For a grant that did not produce the file, each cell passes independently
(HMAC-SHA256 as a pseudorandom function): tags with p₀ = 2⁻¹⁶, mask bits with p₀ = ½, a canary
with at most p₀ = rows · Π 1/D over the canary columns the file has. So the matches X of an
innocent grant are bounded by Binomial(n, p₀), and its p-value is P(X ≥ x). A grant's score is
``p = 3·min(p_token, p_mask, p_canary)`` (Bonferroni over the three tests); with G grants tested a
grant is named only when ``G·p ≤ α`` (:data:`ALPHA` = 10⁻⁶). By the union bound, the chance that a
trace names *any* innocent recipient is at most α, whatever the file — one in a million per
trace. The confidence shown is ``1 − G·p``.

What it needs to name someone (with α = 10⁻⁶, G = 50): 2 distinct pseudonym cells from the
recipient's extract, or about 60 distinct masked cells (15/16 of them carry bit 0), or canary rows
whose columns leave little to chance: one canary with an identifier-shaped column (``C######``:
10⁶ values) and two other columns, two with an identifier alone (figures in
``benchmarks/RESULTS.md``). A file with none of these — untreated columns without the canary rows,
or the marks rewritten — cannot be attributed: the answer is "nobody", with the best candidate's
confidence.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from ..errors import KeyMaterialError, PolicyError
from ..release import sha256_file
from ..trust import audit
from ..trust import keys as trust_keys
from . import canary, watermark

ALPHA = 1e-6
#: the tests combined (Bonferroni): pseudonym tags, mask bits, canary rows
TESTS = 3
#: a canary cell is drawn as ``u mod D`` from 64 keyed bits: each value has probability at most
#: (1 + D/2⁶⁴)/D, so p₀ is taken with this much room
SLACK = 1 + 2.0 ** -20
#: distinct cells read per kind: more says nothing new and would only cost time
MAX_CELLS = 200_000


def binomial_sf(x: int, n: int, p: float) -> float:
    """P(X ≥ x) for X ~ Binomial(n, p), summed in log space from x upwards (exact to rounding)."""
    if x <= 0:
        return 1.0
    if x > n:
        return 0.0
    if x <= n * p:
        return 1.0  # at or below the mean: no evidence (the bound 1 is what matters here)
    log_p, log_q = math.log(p), math.log1p(-p)
    total = 0.0
    for k in range(x, n + 1):
        term = math.exp(math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1) + k * log_p + (n - k) * log_q)
        total += term
        if term < total * 1e-17:
            break
    return min(1.0, total)


@dataclass
class Candidate:
    grant: str
    organisation: str
    dataset: str
    tokens_ok: int = 0
    masks_ok: int = 0
    canaries: int = 0
    canaries_found: int = 0
    p_value: float = 1.0
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TraceResult:
    file: str
    sha256: str
    rows: int
    tokens: int
    masked: int
    candidates: list[Candidate] = field(default_factory=list)
    alpha: float = ALPHA

    @property
    def named(self) -> list[Candidate]:
        return [c for c in self.candidates if c.confidence >= 1 - self.alpha]

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "sha256": self.sha256, "rows": self.rows, "pseudonym_cells": self.tokens,
                "masked_cells": self.masked, "alpha": self.alpha, "grants_tested": len(self.candidates),
                "named": [c.to_dict() for c in self.named],
                "best": self.best.to_dict() if self.best else None}


def _cells(path: Path) -> tuple[int, set[str], set[str]]:
    """Rows, and the distinct pseudonym-shaped and masked cells of every column of the file."""
    from ..package import load

    package = load(path)
    rows = 0
    tokens: set[str] = set()
    masked: set[str] = set()
    for res in package.resources:
        for batch in res.raw_batches():
            rows += batch.num_rows
            for column in batch.columns:
                distinct = pc.unique(pc.utf8_trim_whitespace(column.cast("string")))
                for value in distinct.to_pylist():
                    if not value:
                        continue
                    lower = value.lower()
                    if watermark.is_token(lower) and len(tokens) < MAX_CELLS:
                        tokens.add(lower)
                    elif watermark.is_masked(value) and len(masked) < MAX_CELLS:
                        masked.add(value)
    return rows, tokens, masked


@dataclass
class _Plan:
    """One delivery's canaries as a trace looks for them."""

    secret: bytes
    plan: dict[str, Any]
    canaries: list[canary.Canary]
    found: set[tuple[str, int]] = field(default_factory=set)
    #: per resource of the delivery: Σ over the leaked resources of rows · Π 1/D over the canary
    #: columns each has — a bound on the chance that one canary is found by accident
    p0_by: dict[str, float] = field(default_factory=dict)

    @property
    def p0(self) -> float:
        return min(1.0, max(self.p0_by.values(), default=0.0))


def _canary_search(path: Path, plans: list[_Plan]) -> None:
    """Which canaries of each plan some row of the file holds in every canary column the file has
    (columns matched by name; see :mod:`.canary` for why this bounds false attribution). Each
    column's distinct values are normalised once; rows are picked out by Arrow, per plan, through
    the canary values of its most telling column, and only those rows are compared in Python."""
    from ..package import load

    if not any(p.canaries for p in plans):
        return
    for res in load(path).resources:
        header = [str(n).strip() for n in res.schema.field_names]
        rows = 0
        for batch in res.raw_batches():
            rows += batch.num_rows
            encoded: dict[str, Any] = {}
            words_of: dict[tuple[str, str], list[str | None]] = {}

            def words(name: str, spec: dict[str, Any], secret: bytes) -> tuple[Any, list[str | None]]:
                if name not in encoded:
                    column = pc.utf8_trim_whitespace(batch.column(header.index(name)).cast("string"))
                    encoded[name] = pc.dictionary_encode(column).combine_chunks() \
                        if hasattr(column, "combine_chunks") else pc.dictionary_encode(column)
                key = json.dumps(spec, sort_keys=True) + (secret.hex() if spec.get("kind") == "choice" else "")
                if (name, key) not in words_of:
                    words_of[(name, key)] = [canary.normalize(spec, w or "", secret)
                                             for w in encoded[name].dictionary.to_pylist()]
                return encoded[name].indices, words_of[(name, key)]

            for p in plans:
                for resource, info in p.plan.items():
                    specs = {n: s for n, s in (info.get("columns") or {}).items()
                             if n in header and s.get("kind") in canary.EVIDENCE}
                    wanted = [c for c in p.canaries if c.resource == resource and (resource, c.index) not in p.found]
                    if not specs or not wanted:
                        continue
                    anchor = max(specs, key=lambda n: canary.domain_size(specs[n]) or 0)
                    indices, anchor_words = words(anchor, specs[anchor], p.secret)
                    by_value: dict[str, list[canary.Canary]] = {}
                    for c in wanted:
                        by_value.setdefault(c.cells[anchor], []).append(c)
                    hits = [i for i, w in enumerate(anchor_words) if w in by_value]
                    if not hits:
                        continue
                    picked = pc.indices_nonzero(pc.fill_null(pc.is_in(indices, value_set=pa.array(hits, indices.type)),
                                                             False))
                    for row in picked.to_pylist():
                        value = anchor_words[indices[row].as_py()]
                        for c in by_value.get(value, ()):
                            ok = True
                            for n, spec in specs.items():
                                idx, w = words(n, spec, p.secret)
                                cell = idx[row].as_py()
                                if cell is None or w[cell] != c.cells[n]:
                                    ok = False
                                    break
                            if ok:
                                p.found.add((resource, c.index))
        for p in plans:
            for resource, info in p.plan.items():
                sizes = [canary.domain_size(s) for n, s in (info.get("columns") or {}).items()
                         if n in header and s.get("kind") in canary.EVIDENCE]
                if sizes:
                    p0 = float(rows)
                    for d in sizes:
                        p0 /= d
                    p.p0_by[resource] = p.p0_by.get(resource, 0.0) + p0


def deliveries() -> dict[tuple[str, str, str], dict[str, Any]]:
    """Every delivery in the audit log, by grant, data key and canaries (a grant delivered again
    after the data key was rotated carries other marks; again from changed data, other canaries):
    organisation, dataset and the canaries' domains.

    The log must be intact (its chain, checkpoints and signed head): an edited log could name
    someone else. The organisation is taken from the reviewer-signed grant where the department
    still keeps it, and must agree with the log.
    """
    from . import signing, store

    log = audit.central()
    problem = log.verify()
    if problem is not None:
        raise PolicyError("audit.broken", path=str(log.path), line=problem.line, reason=problem.render())
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in log.records():
        if r.get("action") == "deliver" and isinstance(r.get("grant"), str):
            organisation = r.get("organisation", "?")
            kept = store.load("grant", r["grant"])
            if kept is not None and signing.signature_ok(kept) and \
                    (kept.get("recipient") or {}).get("organisation") != organisation:
                raise PolicyError("delivery.trace_disagrees", grant=r["grant"])
            plan = r.get("canaries") if isinstance(r.get("canaries"), dict) else {}
            # a grant delivered again under the same key, from changed data, has other canaries
            out.setdefault((r["grant"], str(r.get("data_key")), json.dumps(plan, sort_keys=True)),
                           {"organisation": organisation, "dataset": r.get("dataset", "?"),
                            "canaries": plan})
    return out


def trace(path: str | Path, *, record: bool = True) -> TraceResult:
    """Which recipient's extract ``path`` comes from, if its cells say so (see the module)."""
    path = Path(path)
    digest = sha256_file(path) if path.is_file() else ""
    rows, tokens, masked = _cells(path)
    result = TraceResult(str(path), digest, rows, len(tokens), len(masked))
    known = deliveries()
    tested = max(len(known), 1)
    bodies = [(t[:watermark.BODY_HEX], t[watermark.BODY_HEX:]) for t in tokens]
    tests: list[tuple[Candidate, watermark.GrantKeys, _Plan]] = []
    for (grant_id, key_id, _), info in known.items():
        try:
            key = trust_keys.data_key(key_id)
        except KeyMaterialError:
            continue  # a key this installation no longer holds: that grant cannot be tested
        secret = canary.canary_key(key, grant_id)
        plan = _Plan(secret, info.get("canaries") or {}, canary.expected(secret, info.get("canaries") or {}))
        tests.append((Candidate(grant_id, str(info["organisation"]), str(info["dataset"])),
                      watermark.grant_keys(key, grant_id), plan))
    _canary_search(path, [plan for _, _, plan in tests])
    for c, keys, plan in tests:
        c.tokens_ok = sum(1 for body, tag in bodies if watermark.tag_of(keys, body) == tag)
        c.masks_ok = sum(1 for m in masked if watermark.mask_bit(keys, m) == 0)
        c.canaries = len(plan.canaries)  # found where any row would match by chance is not evidence: 0
        c.canaries_found = len(plan.found) if 0 < plan.p0 < 1 else 0
        p_token = binomial_sf(c.tokens_ok, len(tokens), watermark.P_TOKEN) if tokens else 1.0
        p_mask = binomial_sf(c.masks_ok, len(masked), watermark.P_MASK) if masked else 1.0
        p_canary = binomial_sf(c.canaries_found, c.canaries, min(1.0, plan.p0 * SLACK)) if plan.p0 > 0 else 1.0
        c.p_value = min(1.0, TESTS * min(p_token, p_mask, p_canary))
        c.confidence = max(0.0, 1.0 - tested * c.p_value)
        result.candidates.append(c)
    best: dict[str, Candidate] = {}
    for c in result.candidates:  # one line per grant: its best delivery
        if c.grant not in best or c.p_value < best[c.grant].p_value:
            best[c.grant] = c
    result.candidates = sorted(best.values(), key=lambda c: (c.p_value, c.grant))
    if record:
        audit.record("trace", file_sha256=digest, rows=rows, pseudonym_cells=len(tokens), masked_cells=len(masked),
                     grants_tested=len(result.candidates), named=[c.grant for c in result.named])
    return result
