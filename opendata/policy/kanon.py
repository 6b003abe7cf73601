"""k-anonymity of declared quasi-identifiers (birth date, sex, district …).

Counts every combination of the quasi-identifier values over the whole resource (memory grows with
the number of distinct combinations, not rows) and reports those shared by fewer than k rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    from ..package import Resource


@dataclass(frozen=True)
class KAnonymity:
    """Rare combinations of a resource's quasi-identifiers."""

    fields: tuple[str, ...]
    k: int
    rare: dict[tuple, int]  # combination -> rows (in order of first appearance)
    #: when ``rare`` lists only the first combinations (a distributed count): all of them, and their rows
    total_groups: int | None = None
    total_rows: int | None = None

    @property
    def groups(self) -> int:
        return len(self.rare) if self.total_groups is None else self.total_groups

    @property
    def rows_at_risk(self) -> int:
        return sum(self.rare.values()) if self.total_rows is None else self.total_rows


def quasi_identifiers(resource: "Resource") -> tuple[str, ...]:
    return tuple(f.name for f in resource.schema.fields if f.opendata.get("quasi_identifier"))


def count_combinations(batches, fields: tuple[str, ...]) -> Counter:
    """Occurrences of each combination of ``fields`` across raw text batches."""
    counts: Counter = Counter()
    for batch in batches:
        table = pa.Table.from_batches([batch]).select(list(fields))
        grouped = table.group_by(list(fields), use_threads=False).aggregate([([], "count_all")])
        for row in grouped.to_pylist():
            counts[tuple(row[f] for f in fields)] += row["count_all"]
    return counts


def check_resource(resource: "Resource", k: int) -> KAnonymity | None:
    """The rare combinations of ``resource``'s quasi-identifiers, or ``None`` if it declares none."""
    fields = quasi_identifiers(resource)
    if not fields:
        return None
    counts = count_combinations(resource.raw_batches(), fields)
    return KAnonymity(fields, k, {combo: n for combo, n in counts.items() if n < k})
