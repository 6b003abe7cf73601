"""The detector contract and registry.

A detector finds one type of personal information (or, for ``cn_uscc``, an organisation identifier)
in a whole Arrow column at once:

- ``cell_pattern`` (RE2) must match the whole trimmed cell; ``validate`` then checks structure and
  check digits on the candidates, vectorized;
- ``span_pattern`` (RE2) finds the type inside free text (a phone number in 诉求内容); ``None`` for
  types that cannot be told apart from other text without a column context;
- ``masked_pattern`` recognises values that are already masked (``138****5678``);
- header hints live in ``schemas/pii_hints.yaml`` (data a department can extend), and the decision
  per field in :mod:`opendata.pii.decide`.

Adding a type is one subclass decorated with :func:`register`.
"""

from __future__ import annotations

import re
from typing import Callable, ClassVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ...bitmaps import to_mask
from ...strings import DigitRun, byte_lengths, char_matrix

__all__ = ["REGISTRY", "Detector", "register", "all_digits", "byte_lengths", "char_matrix", "decimal",
           "digit_sums", "valid_dates"]

REGISTRY: dict[str, "Detector"] = {}


def register(cls: type["Detector"]) -> type["Detector"]:
    """Class decorator: add a detector to the registry under its ``type``."""
    REGISTRY[cls.type] = cls()
    return cls


class Detector:
    """Finds one type of identifier or personal information in text columns."""

    type: ClassVar[str]
    #: personal information (raises a field's grade); False for organisation identifiers.
    personal: ClassVar[bool] = True
    cell_pattern: ClassVar[str]
    span_pattern: ClassVar[str | None] = None
    #: words a span begins with that are not part of the value (出生日期 before a date): taken off
    #: before the span's check digits or calendar are tested.
    span_prefix: ClassVar[str | None] = None
    #: the spans hold their cue word (微信wxid_…, QQ是8424…): they are treated before the field's
    #: other types, whose treatment may change the cue (a name's mask takes 联系人微信 for 联系人 + a name).
    span_cue_first: ClassVar[bool] = False
    masked_pattern: ClassVar[str | None] = None
    #: whether a span found in text must also pass ``cell_pattern`` and ``validate`` (check
    #: digits); False where ``validate`` weighs whole cells only (an address's leading division).
    validate_spans: ClassVar[bool] = True
    #: share of a column's non-empty values that must match for the column to count without a hint.
    min_ratio: ClassVar[float] = 0.6
    #: a check-digit or fixed-format type: one valid value is personal wherever it stands.
    strong: ClassVar[bool] = False
    #: how often a random value of the shape passes the check (None: not a check-digit type);
    #: a column whose passes are no more frequent than chance is a decoy (account numbers).
    chance: ClassVar[float | None] = None
    #: the cells that ``chance`` is weighed among, for a type whose values are not plain digits
    #: (RE2; None: the cells of plain digits).
    shape_pattern: ClassVar[str | None] = None
    #: the byte lengths a value of ``shape_pattern`` may have: only cells of these lengths are
    #: searched for it (None: every cell)
    shape_bytes: ClassVar[tuple[int, int] | None] = None

    #: an unhinted column with diverse matches (the policy's ``detection.unhinted_uncertain`` share)
    #: is uncertain, rather than nothing.
    uncertain_unhinted: ClassVar[bool] = False
    #: the pattern alone is too weak: a column counts only when its header hints at the type …
    needs_hint: ClassVar[bool] = False
    #: … unless at least this share of values match and they are diverse (None: never).
    unhinted_ratio: ClassVar[float | None] = None
    #: distinct matched values per match required for ``unhinted_ratio`` (names vary, categories repeat).
    unhinted_distinct: ClassVar[float] = 0.5
    #: a span written as one run of digits (counted and masked on the bytes) …
    digit_run: ClassVar[DigitRun | None] = None
    #: … and a pattern found wherever a span may be written otherwise (None: never), which
    #: holds one of these characters (a cheaper first test: most text has none of them).
    span_other_forms: ClassVar[str | None] = None
    span_other_forms_hold: ClassVar[str | tuple[str, ...]] = ""  # characters (or short literals)
    #: characters that, right after a span, make it part of something else (an ID number's check
    #: character after 17 digits: 62010219610823381Ｘ is no card) — the span is then not counted.
    span_not_before: ClassVar[str | None] = None
    #: words that, right before a span, say it is a serial number (订单号, 流水号 …): such spans
    #: are counted apart, and a field whose cued spans pass the check no more often than chance
    #: has them as serial numbers, not as this type (:func:`~opendata.pii.decide.decide`).
    #: a looser shape of the type's values (a passport of any country beside China's own), the
    #: type's own form included, and the byte lengths it may have: under a header that names the
    #: type, a column of such values is the type's (:func:`~opendata.pii.decide.decide`); never alone.
    any_form: ClassVar[str | None] = None
    any_form_bytes: ClassVar[tuple[int, int]] = (0, 0)
    any_form_not: ClassVar[str | None] = None  # … less the values of this shape (dates)
    #: the type's most specific fixed form (a Chinese e-passport, E + 8 digits): a few cells of it
    #: in a column where no other cell has the looser shape (:attr:`any_form`) are values of the
    #: type, not codes of the column's own shape, and count wherever they stand; less ``lone_form_not``
    lone_form: ClassVar[str | None] = None
    lone_form_not: ClassVar[str | None] = None
    serial_cue: ClassVar[str | None] = None
    #: how often a random number passes :meth:`check_digits` alone (Luhn: one in ten)
    check_chance: ClassVar[float | None] = None

    #: RE2 text a cell must hold for :meth:`kept_span` to keep any span of it (None: it never
    #: does): only such cells are recounted span by span.
    kept_hint: ClassVar[str | None] = None

    def kept_span(self, text: str, start: int, end: int) -> bool:
        """Whether the span ``text[start:end]`` (a match of ``span_pattern``) is, by its context,
        not this type after all and stays as written (an organisation's address): counted by no
        scan, changed by no treatment. Only a detector that knows such contexts says yes."""
        return False

    def unlike(self, values: pa.Array) -> np.ndarray:
        """Which of ``values`` (distinct values that matched the type) read as something else of
        the same shape (a place's or an organisation's name among names): a repeated column with
        such values is a category. Only a detector that knows such values says yes."""
        return np.zeros(len(values), dtype=bool)

    def check_digits(self, values: pa.Array) -> np.ndarray:
        """Which values pass the type's check digit alone (no prefix or length rule)."""
        raise NotImplementedError

    def validate(self, candidates: pa.Array) -> np.ndarray:
        """Structural checks on values that matched ``cell_pattern`` (check digits, dates …)."""
        return np.ones(len(candidates), dtype=bool)

    def shaped(self, values: pa.Array) -> np.ndarray:
        """Which cells match ``cell_pattern``. A detector may answer without RE2 where it can do
        so exactly (fixed-width digit identifiers); the tests hold it to the pattern."""
        return to_mask(pc.match_substring_regex(values, self.cell_pattern))

    def shaped_at_width(self, values: pa.Array, width: int | tuple[int, ...],
                        check: Callable[[pa.Array, np.ndarray], tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        """:meth:`shaped` with the values of exactly ``width`` bytes (or of each of several
        widths) decided on their byte matrix: ``check(subset, matrix)`` says which match and
        which it can decide; every other value goes to the pattern."""
        lengths = byte_lengths(values)
        to_pattern = np.ones(len(values), dtype=bool)
        out = np.zeros(len(values), dtype=bool)
        for w in (width,) if isinstance(width, int) else width:
            at_width = lengths == w
            if not at_width.any():
                continue
            subset = values if at_width.all() else values.filter(pa.array(at_width))
            matches, decided = check(subset, char_matrix(subset, w))
            index = np.flatnonzero(at_width)
            out[index] = matches & decided
            to_pattern[index[decided]] = False
        rest = np.flatnonzero(to_pattern)
        if len(rest):
            out[rest] = Detector.shaped(self, values if len(rest) == len(values) else values.take(pa.array(rest)))
        return out

    def cells(self, values: pa.Array) -> np.ndarray:
        """Which cells (already trimmed, no nulls) are this type, check digits included."""
        shaped = self.shaped(values)
        if not shaped.any():
            return shaped
        index = np.flatnonzero(shaped)
        ok = self.validate(values.take(pa.array(index)))
        shaped[index[~ok]] = False
        return shaped

    def masked(self, values: pa.Array) -> np.ndarray:
        """Which cells are already masked values of this type."""
        if not self.masked_pattern:
            return np.zeros(len(values), dtype=bool)
        return to_mask(pc.match_substring_regex(values, self.masked_pattern))

    def spans(self, values: pa.Array) -> np.ndarray:
        """How many spans of this type each cell's text contains."""
        if not self.span_pattern:
            return np.zeros(len(values), dtype=np.int64)
        from ..scan import count_matches  # (here: the scan imports the detectors)

        counts = count_matches(values, self.span_pattern)
        if self.kept_hint is None or not counts.any():
            return counts
        # Less the spans kept by their context, recounted in the cells that hold a hint of one.
        index = np.flatnonzero(counts)
        hinted = index[to_mask(pc.fill_null(pc.match_substring_regex(values.take(pa.array(index)), self.kept_hint),
                                            False))]
        if len(hinted):
            from ..operators.base import python_pattern

            pattern = re.compile(python_pattern(self.span_pattern), re.ASCII)  # RE2 semantics for \b and \d
            for i in hinted:
                text = values[int(i)].as_py()
                counts[i] = sum(not self.kept_span(text, *m.span()) for m in pattern.finditer(text))
        return counts


def data_file(name: str) -> dict[str, str]:
    """A data file of the detectors (``opendata/pii/data/<name>``): one ``key value`` line each,
    ``#`` comments. A key on several lines has all their values, joined by a space (a department
    adds its words on a line of its own: a later line must not drop the earlier ones)."""
    from importlib.resources import files

    text = files("opendata.pii").joinpath(f"data/{name}").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, value = line.split(" ", 1)
            out[key] = f"{out[key]} {value}" if key in out else value
    return out


def decimal(values: pa.Array) -> np.ndarray:
    """Which values are non-empty and ASCII digits only (RE2's ``^\\d+$``, without RE2)."""
    return to_mask(pc.ascii_is_decimal(values))


def all_digits(matrix: np.ndarray) -> np.ndarray:
    """Whether each row of a uint8 character matrix is ASCII digits only.

    Column by column: a reduction along short rows costs numpy far more per row than a few
    passes down the columns.
    """
    ok = np.ones(matrix.shape[0], dtype=bool)
    for j in range(matrix.shape[1]):
        ok &= (matrix[:, j] - np.uint8(48)) <= 9  # bytes below "0" wrap around to large values
    return ok


def digit_sums(matrix: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """``(digits @ weights).T`` for a uint8 matrix of ASCII digits (``weights``: one row per
    column, one column per sum): one contiguous row per sum, exact integers, column by column.
    (A BLAS product would be faster on one core, but OpenBLAS starts threads that spin on every
    core for products of this size.)

    The sums are kept in the narrowest integers that hold them (a year, 9999, fits 16 bits: a
    quarter of the memory traffic of 64-bit lanes). The bytes are summed as they are and the
    weight of the "0"s taken off at the end; that arithmetic wraps modulo the lane width, which
    is exact for every sum that fits. Rows that are not all digits get meaningless sums: callers
    discard them."""
    weights = np.asarray(weights, dtype=np.int64)
    bound = 9 * int(np.abs(weights).sum(axis=0).max(initial=0))
    dtype = np.int16 if bound < 2 ** 15 else np.int32 if bound < 2 ** 31 else np.int64
    sums = np.zeros((weights.shape[1], matrix.shape[0]), dtype=dtype)
    lane_weights = weights.astype(dtype)
    for j in np.flatnonzero(weights.any(axis=1)):
        byte = matrix[:, j].astype(dtype)
        for k in np.flatnonzero(weights[j]):
            sums[k] += byte * lane_weights[j, k]
    sums -= (48 * weights.sum(axis=0)).astype(dtype)[:, None]
    return sums


def valid_dates(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Vectorized: whether (year, month, day) is a real calendar date."""
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[np.clip(month, 0, 12)]
    days = days + ((month == 2) & leap)
    return (month >= 1) & (month <= 12) & (day >= 1) & (day <= days)
