"""Canary records (数据水印, part two): a few keyed, recipient-specific synthetic rows in every
extract, so that a leak of only the *untreated* columns — which carry no pseudonym or mask mark —
can still be traced.

**What a canary is.** For each resource of an extract, :func:`count_for` rows (0.5 % of the rows,
at least 2, at most 100, never more than one row in ten; none below 20 rows) are added at keyed
positions among the real ones. Every cell is drawn by HMAC-SHA256 under the grant's canary key
(:func:`canary_key`: the department's data key and the grant id, like the other marks), so the
department recomputes the rows from its keys and the audit record of the delivery alone:

- an untreated column gets a value drawn uniformly from the column's *domain* as profiled at
  delivery (:class:`Profile`): an integer, decimal or date range, one of a few categories, or the
  shape of an identifier (``C######``: the same letters, any digits). The domain is written into
  the audit record (ranges and shapes; categories only as keyed hashes), never a value of a row;
- a pseudonymized column gets a fresh pseudonym (of no one: the input is a keyed random string);
- a masked column gets a sampled value with the second half of its digits drawn anew, then masked
  (the kept prefix stays plausible, the result copies no real row); a generalized column a real
  row's value after the generalization (those coincide by design) — never a raw value;
- an untreated column that holds personal information or has no usable domain stays empty or
  copies a value the column already has (then it is no evidence).

So no canary is a real person's record, and every canary looks like a row of the extract.

**Evidence and false attribution.** A leaked file's columns are matched to a canary's untreated
columns by name (``L``: the domain columns the file has). A canary is *found* if some leaked row
equals it in every column of ``L`` (after the normalisation a CSV↔Excel round trip needs: numbers
compared as numbers, dates by day). For a grant that did not produce the file, each canary cell is
uniform on its domain of size ``D_c`` and independent of the file, so one canary is found with
probability at most ``p₀ = n_rows · Π_{c∈L} 1/D_c`` (union over the rows), independently of the
other canaries; the number found is bounded by Binomial(C, p₀). :mod:`.trace` takes its tail as a
third test beside the pseudonym and mask tests (Bonferroni over the three), so the bound on naming
any innocent recipient stays α.

**Limits.** A leak must keep the column names and whole rows of the canaries; with only
low-entropy columns (a district, a small amount) one canary is weak evidence and several are
needed. Two recipients of overlapping grants who compare their extracts row by row can find and
strip the canaries (their real rows agree, the canaries do not) — the pseudonym and mask marks
still differ per recipient. A canary identifier may sort outside the range of the real ones.
**What the recipient is told** (terms and manifest): that the extract holds this many synthetic
control rows per resource, which are not real people and must not be used as such — but not
which rows: that would let anyone strip them.
"""

from __future__ import annotations

import datetime as dt
import hmac
import random
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from ..trust.keys import DataKey

#: canaries per resource: RATE of the rows, at least MIN, at most MAX, never more than 1 in SHARE
RATE, MIN, MAX, SHARE = 1 / 200, 2, 100, 10
#: a column with at most this many distinct values (each seen ≥ 4 times) is a set of categories
CHOICE_MAX = 32
#: values of a column kept while profiling (for copies; never stored)
SAMPLE = 64
_INT = re.compile(r"^-?(0|[1-9][0-9]{0,17})$")
_DEC = re.compile(r"^-?(0|[1-9][0-9]{0,14})\.([0-9]{1,6})$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DIGIT = re.compile(r"[0-9]")
#: the kinds of domain that are evidence (uniform draws of a known size)
EVIDENCE = ("int", "decimal", "date", "choice", "pattern")


def count_for(rows: int) -> int:
    """How many canaries an extract of ``rows`` real rows gets (see the module)."""
    if rows < MIN * SHARE:
        return 0
    return min(MAX, max(MIN, round(rows * RATE)), rows // SHARE)


def canary_key(key: DataKey, grant_id: str) -> bytes:
    return key.derive(f"delivery/{grant_id}/canary")


def _u64(secret: bytes, text: str) -> int:
    return int.from_bytes(hmac.digest(secret, text.encode("utf-8"), "sha256")[:8], "big")


def value_hash(secret: bytes, value: str) -> str:
    """A category as the audit record keeps it: keyed, so the log does not list the values."""
    return hmac.digest(secret, b"choice|" + value.encode("utf-8"), "sha256").hex()[:16]


class Profile:
    """The domain of one untreated column, learnt in one streaming pass (bounded memory; every
    test is an Arrow kernel over the batch, so a million distinct identifiers cost no Python loop)."""

    def __init__(self, type_: str, secret: bytes, personal: bool, *, sample_only: bool = False) -> None:
        self.type = type_ or "string"
        self.sample_only = sample_only
        self.secret = secret
        self.personal = personal
        self.seen = 0
        self.ints: tuple[int, int] | None = None
        self.decs: tuple[int, int, int] | None = None  # min, max (scaled), scale
        self.dates: tuple[str, str] | None = None
        self.is_int = self.is_dec = self.is_date = True
        self.distinct: dict[str, int] | None = {}
        self.shape: str | None = None
        self.shapes_ok = True
        self.sample: list[str] = []
        self._rng = random.Random(hmac.digest(secret, b"sample", "sha256"))

    def add(self, values: pa.Array) -> None:
        values = pc.utf8_trim_whitespace(values.cast(pa.string()))
        values = values.filter(pc.fill_null(pc.greater(pc.utf8_length(values), 0), False))
        n = len(values)
        if n == 0:
            return
        self._sample(values)
        if self.sample_only:
            return
        if self.distinct is not None:
            if pc.count_distinct(values).as_py() + len(self.distinct) > CHOICE_MAX * 4:
                self.distinct = None
            else:
                for item in pc.value_counts(values).to_pylist():
                    self.distinct[item["values"]] = self.distinct.get(item["values"], 0) + item["counts"]
                if len(self.distinct) > CHOICE_MAX:
                    self.distinct = None
        if self.is_int:
            self.is_int = pc.all(pc.match_substring_regex(values, _INT.pattern)).as_py()
            if self.is_int:
                low, high = (v.as_py() for v in pc.min_max(values.cast(pa.int64())).values())
                self.ints = (min(low, self.ints[0]), max(high, self.ints[1])) if self.ints else (low, high)
        if self.is_dec:
            first = _DEC.match(values[0].as_py())
            scale = len(first.group(2)) if first else 0
            if first and (self.decs is None or self.decs[2] == scale) and pc.all(pc.match_substring_regex(
                    values, r"^-?(0|[1-9][0-9]{0,14})\.[0-9]{%d}$" % scale)).as_py():
                scaled = pc.replace_substring(values, ".", "").cast(pa.int64())
                low, high = (v.as_py() for v in pc.min_max(scaled).values())
                self.decs = (min(low, self.decs[0]), max(high, self.decs[1]), scale) if self.decs else (low, high, scale)
            else:
                self.is_dec = False
        if self.is_date:
            ok = pc.all(pc.match_substring_regex(values, _DATE.pattern)).as_py()
            try:
                ok = ok and pc.strptime(values, format="%Y-%m-%d", unit="s", error_is_null=True).null_count == 0
            except pa.ArrowInvalid:
                ok = False
            if ok:
                low, high = (v.as_py() for v in pc.min_max(values).values())
                self.dates = (min(low, self.dates[0]), max(high, self.dates[1])) if self.dates else (low, high)
            else:
                self.is_date = False
        if self.shapes_ok:
            shapes = pc.unique(pc.replace_substring_regex(values, "[0-9]", "#")).to_pylist()
            if len(shapes) != 1 or (self.shape is not None and shapes[0] != self.shape):
                self.shapes_ok = False
            else:
                self.shape = shapes[0]

    def _sample(self, values: pa.Array) -> None:
        """Keep a uniform sample of the values seen (reservoir sampling; for copies only)."""
        n = len(values)
        picks: dict[int, int] = {}  # position in this batch → slot in the sample
        for k in range(n) if len(self.sample) < SAMPLE else ():
            if len(self.sample) + len(picks) >= SAMPLE:
                break
            picks[k] = len(self.sample) + len(picks)
        start = len(picks)
        self.seen += start
        # the rest of the batch: item number `seen` replaces a slot with probability SAMPLE/seen;
        # drawn by skipping ahead (Algorithm L would skip further; this loop is over picks only)
        k = start
        while k < n:
            self.seen += 1
            j = self._rng.randrange(self.seen)
            if j < SAMPLE:
                picks[k] = j
            k += 1
            if self.seen > 64 * SAMPLE and k < n:  # past the start, jump: at most a few picks per batch
                gap = int(self._rng.expovariate(SAMPLE / self.seen))
                gap = min(gap, n - k)
                self.seen += gap
                k += gap
        if picks:
            taken = values.take(pa.array(sorted(picks), pa.int64())).to_pylist()
            for k, v in zip(sorted(picks), taken):
                slot = picks[k]
                if slot < len(self.sample):
                    self.sample[slot] = v
                else:
                    self.sample.append(v)

    def spec(self) -> dict[str, Any]:
        """The domain as the audit record keeps it (no value of a row, categories keyed)."""
        if self.personal or self.sample_only or not self.sample:
            return {"kind": "empty"}
        if self.distinct is not None and len(self.distinct) >= 2 and \
                min(self.distinct.values()) >= 4:
            return {"kind": "choice", "hashes": sorted(value_hash(self.secret, v) for v in self.distinct)}
        if self.is_int and self.ints and self.ints[1] > self.ints[0] and self.type in ("integer", "number", "string"):
            return {"kind": "int", "min": self.ints[0], "max": self.ints[1]}
        if self.is_dec and self.decs and self.decs[1] > self.decs[0] and self.type in ("number", "string"):
            return {"kind": "decimal", "min": self.decs[0], "max": self.decs[1], "scale": self.decs[2]}
        if self.is_date and self.dates and self.dates[1] > self.dates[0] and self.type in ("date", "string"):
            return {"kind": "date", "min": self.dates[0], "max": self.dates[1]}
        if self.shapes_ok and self.shape and self.shape.count("#") >= 4 and self.type == "string":
            return {"kind": "pattern", "pattern": self.shape}
        return {"kind": "copy"}

    def categories(self) -> dict[str, str]:
        """hash → value of each category (delivery side only, never stored)."""
        return {value_hash(self.secret, v): v for v in (self.distinct or {})}


def domain_size(spec: dict[str, Any]) -> int | None:
    """How many values a canary cell of this domain is drawn from (``None``: no evidence)."""
    kind = spec.get("kind")
    if kind in ("int", "decimal"):
        return int(spec["max"]) - int(spec["min"]) + 1
    if kind == "date":
        return (dt.date.fromisoformat(spec["max"]) - dt.date.fromisoformat(spec["min"])).days + 1
    if kind == "choice":
        return len(spec["hashes"]) or None
    if kind == "pattern":
        return 10 ** str(spec["pattern"]).count("#")
    return None


def draw(spec: dict[str, Any], u: int, categories: dict[str, str] | None = None) -> str:
    """The canary value of draw ``u`` (a 64-bit keyed number) in ``spec``'s domain, in the form the
    column holds it; for a category, its keyed hash unless ``categories`` gives the values."""
    kind = spec.get("kind")
    size = domain_size(spec)
    if kind == "int":
        return str(int(spec["min"]) + u % size)
    if kind == "decimal":
        scale = int(spec["scale"])
        text = f"{abs(int(spec['min']) + u % size):0{scale + 1}d}"
        sign = "-" if int(spec["min"]) + u % size < 0 else ""
        return f"{sign}{text[:-scale]}.{text[-scale:]}"
    if kind == "date":
        return (dt.date.fromisoformat(spec["min"]) + dt.timedelta(days=u % size)).isoformat()
    if kind == "choice":
        h = spec["hashes"][u % size]
        return categories[h] if categories is not None else h
    if kind == "pattern":
        digits = iter(f"{u % size:0{spec['pattern'].count('#')}d}")
        return "".join(next(digits) if ch == "#" else ch for ch in spec["pattern"])
    return ""


@dataclass
class Canary:
    """One canary row of a grant: its untreated cells as drawn (categories as keyed hashes)."""

    resource: str
    index: int
    cells: dict[str, str] = field(default_factory=dict)


def expected(secret: bytes, plan: dict[str, Any]) -> list[Canary]:
    """The canaries a delivery made, from its canary key and the audit record's ``canaries``."""
    out = []
    for resource, info in (plan or {}).items():
        columns = info.get("columns") or {}
        for i in range(int(info.get("count", 0))):
            c = Canary(resource, i)
            for name, spec in columns.items():
                if spec.get("kind") in EVIDENCE:
                    c.cells[name] = draw(spec, _u64(secret, f"{resource}/{i}/{name}"))
            out.append(c)
    return out


def normalize(spec: dict[str, Any], text: str, secret: bytes) -> str | None:
    """A leaked cell in the form its canary was drawn in (``None``: it cannot be one), so that a
    number Excel turned into ``3471.0`` or a date into ``2024-01-05 00:00:00`` still compares."""
    text = text.strip()
    kind = spec.get("kind")
    if not text:
        return None
    if kind in ("int", "decimal"):
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
        if not number.is_finite():
            return None
        scale = int(spec.get("scale", 0))
        scaled = number.scaleb(scale)
        if scaled != scaled.to_integral_value():
            return None
        value = int(scaled)
        if kind == "int":
            return str(value)
        return draw({"kind": "decimal", "min": value, "max": value, "scale": scale}, 0)
    if kind == "date":
        return text[:10] if _DATE.match(text[:10]) else None
    if kind == "choice":
        return value_hash(secret, text)
    return text


# ---- the delivery side -------------------------------------------------------------------------

def positions(secret: bytes, resource: str, rows: int, count: int) -> list[int]:
    """Where the canaries go among the ``rows + count`` output rows (keyed, sorted)."""
    rng = random.Random(hmac.digest(secret, f"positions/{resource}".encode("utf-8"), "sha256"))
    return sorted(rng.sample(range(rows + count), count))


def raw_rows(secret: bytes, resource: str, count: int, plans: dict[str, dict], profiles: dict[str, Profile],
             specs: dict[str, dict]) -> list[dict[str, str]]:
    """The canaries' cells *before* treatment, per column: drawn for an untreated column, a keyed
    random string for a pseudonymized one, a sampled raw value for one masked or generalized
    (the treatment the row then passes through is the grant's, as for every row)."""
    out = []
    for i in range(count):
        row = {}
        for name, plan in plans.items():
            u = _u64(secret, f"{resource}/{i}/{name}")
            op = plan["operator"]
            profile = profiles.get(name)
            if op == "none":
                spec = specs.get(name) or {"kind": "empty"}
                if spec["kind"] == "copy" and profile is not None and profile.sample:
                    row[name] = profile.sample[u % len(profile.sample)]
                else:
                    row[name] = draw(spec, u, profile.categories() if profile is not None else None)
            elif op == "pseudonymize":
                row[name] = hmac.digest(secret, f"synthetic/{resource}/{i}/{name}".encode(), "sha256").hex()
            elif op == "mask" and profile is not None and profile.sample:
                row[name] = _new_digits(secret, f"{resource}/{i}/{name}", profile.sample[u % len(profile.sample)])
            else:
                row[name] = profile.sample[u % len(profile.sample)] if profile is not None and profile.sample else ""
        out.append(row)
    return out


def _new_digits(secret: bytes, label: str, value: str) -> str:
    """``value`` with the second half of its digits drawn anew: the shape a mask keeps (a mobile's
    prefix, an ID number's region) stays plausible, but the masked result is no copy of a real
    row's — duplicates of a masked identifier would single the canaries out."""
    places = [k for k, ch in enumerate(value) if ch.isdigit()]
    if not places:
        return value
    stream = hmac.digest(secret, f"digits/{label}".encode("utf-8"), "sha256")
    chars = list(value)
    for n, k in enumerate(places[(len(places) + 1) // 2:]):
        chars[k] = str(stream[n % len(stream)] % 10)
    return "".join(chars)
