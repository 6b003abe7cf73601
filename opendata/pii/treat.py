"""Treating a personal field whole: no cell of it leaves raw, whatever its format.

Once a field is decided to hold type T, every non-empty cell is treated:

- cells of T get the field's treatment;
- cells holding another personal type get that type's treatment (a mobile number in an e-mail
  column is masked as a mobile number, ``138****5678``, not as an e-mail);
- cells already masked (``张*``, ``138****5678``) stay as they are, and so do an organisation's
  values in a person's field (a company as 当事人, its unified social credit code as 证件号码);
- cells of no known form (a name outside every pattern) get the generic treatment of the policy
  (the full mask by default);
- and any cell the treatment left as it was (an address already at street level under
  ``generalize``) gets the generic treatment too.

Operators that take any value (pseudonymize, encrypt, fpe) treat every cell as they are. A tally
says how many cells were treated which way, for the report.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..bitmaps import to_mask
from ..strings import trimmed
from . import memo
from .cells import MASKED, NONE, ORDER, ORGANISATION, cell_types, first_of
from .operators import OPERATORS
from .operators.mask import mask_cells

__all__ = ["ANY_VALUE", "generic", "treat_field", "treat_typed_cells"]

#: operators whose output does not depend on the value's type: every cell is treated by them.
ANY_VALUE = ("pseudonymize", "encrypt", "fpe")


def generic(values: pa.Array, treatment: dict[str, Any]) -> pa.Array:
    """The policy's treatment of a cell of no known form: masked whole (or emptied)."""
    if treatment.get("operator") == "suppress":
        return pa.array([""] * len(values), pa.string())
    return mask_cells(values, int(treatment.get("keep_start", 0)), int(treatment.get("keep_end", 0)),
                      treatment.get("char", "*"))


def _replace(out: pa.Array, where: np.ndarray, treated: pa.Array) -> pa.Array:
    if where.all():  # a column of one type: the treated values are the column (no copy into it)
        return treated.cast(pa.string())
    return pc.replace_with_mask(out, pa.array(where), treated.cast(pa.string()))


def treat_field(column: pa.Array, pii_type: str | None, operator: str, params: dict[str, Any], key: Any, *,
                others: dict[str, tuple[str, dict[str, Any]]], generic_treatment: dict[str, Any],
                tally: Counter | None = None) -> pa.Array:
    """Treat every non-empty cell of a personal field of type ``pii_type`` (see the module doc).

    ``others``: the treatment (operator, parameters) of each other type a cell may hold."""
    column = column.cast(pa.string())
    present = to_mask(pc.fill_null(pc.not_equal(memo.trimmed(column), ""), False))
    if not present.any():
        return column
    index = np.flatnonzero(present)
    values = column if len(index) == len(column) else column.take(pa.array(index))
    tally = tally if tally is not None else Counter()
    keep = np.zeros(len(index), dtype=bool)  # cells already masked in the source
    if operator in ANY_VALUE or pii_type not in ORDER:
        treated = OPERATORS[operator].apply(values, pii_type, params, key)
        tally[pii_type or "value"] += len(index)
    else:
        types = cell_types(values, first=pii_type)
        treated = values
        for code in np.flatnonzero(np.bincount(types[types >= 0])):  # the types present, in order (no sort)
            kind = ORDER[code]
            rows = types == code
            op, p = (operator, params) if kind == pii_type else others.get(kind, ("none", {}))
            if op in ("none", "suppress"):
                treated = _replace(treated, rows, generic(_at(values, rows), generic_treatment))
                tally["generic"] += int(rows.sum())
            else:
                treated = _replace(treated, rows, OPERATORS[op].apply(_at(values, rows), kind, p, key))
                tally[kind] += int(rows.sum())
        unknown = types == NONE
        if unknown.any():
            treated = _replace(treated, unknown, generic(_at(values, unknown), generic_treatment))
            tally["generic"] += int(unknown.sum())
        keep = types == MASKED
        tally["masked"] += int(keep.sum())
        organisation = types == ORGANISATION
        if organisation.any():
            keep |= organisation
            tally["organisation"] += int(organisation.sum())
    same = to_mask(pc.fill_null(pc.equal(treated, values), False)) & ~keep
    if same.any():  # the treatment left it as it was: it is not let through raw
        treated = _replace(treated, same, generic(_at(values, same), generic_treatment))
        tally["generic"] += int(same.sum())
    if len(index) == len(column):
        return treated
    return _replace(column, present, treated)


def treat_typed_cells(column: pa.Array, treatments: dict[str, tuple[str, dict[str, Any]]], key: Any, *,
                      tally: Counter | None = None) -> pa.Array:
    """Treat only the cells holding one of ``treatments``' types (a valid ID number in a code
    column); every other cell stays byte for byte."""
    column = column.cast(pa.string())
    present = to_mask(pc.fill_null(pc.not_equal(trimmed(column), ""), False))
    if not present.any():
        return column
    index = np.flatnonzero(present)
    types = np.full(len(column), NONE, dtype=np.int64)
    types[index] = cell_types(column.take(pa.array(index)))
    # A cell another personal type claimed first, that one of the column's own types fits too (a lower-case
    # e-passport, es1234567, is a WeChat ID's shape as written): the column's type has it, not the one no
    # treatment is given for, which would leave it raw.
    kinds = [kind for kind in treatments if kind in ORDER]
    other = np.flatnonzero((types >= 0) & ~np.isin(types, [ORDER.index(kind) for kind in kinds]))
    if len(other) and kinds:
        retyped = first_of(column.take(pa.array(other)), kinds)
        types[other[retyped != NONE]] = retyped[retyped != NONE]
    out = column
    tally = tally if tally is not None else Counter()
    for kind, (op, params) in treatments.items():
        if kind not in ORDER:
            continue
        rows = types == ORDER.index(kind)
        if rows.any():
            out = _replace(out, rows, OPERATORS[op].apply(_at(column, rows), kind, params, key))
            tally[kind] += int(rows.sum())
    return out


def _at(values: pa.Array, mask: np.ndarray) -> pa.Array:
    return values if mask.all() else values.filter(pa.array(mask))
