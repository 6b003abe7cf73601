"""Usage figures (数据接口利用率): downloads and API calls per dataset and day.

Only three things are stored per count: the day (China Standard Time, the day a department reports
by), the dataset's name and the kind (``download`` or ``api``). No address, user agent, referrer,
query or time of day is kept — nothing that could tell who used the data. Counts are kept in memory
and added to a SQLite file every few seconds and at shutdown, so a busy server does not write per
request; several servers may share one file (each adds, none overwrites).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections import Counter
from pathlib import Path
from typing import Any

KINDS = ("download", "api")
#: The day a count belongs to: China Standard Time (UTC+8, no daylight saving).
CST = dt.timezone(dt.timedelta(hours=8), "CST")
#: Counts that are not about one dataset (package_list, package_search): this name.
CATALOGUE = ""

_SCHEMA = """CREATE TABLE IF NOT EXISTS usage (
    day TEXT NOT NULL, dataset TEXT NOT NULL, kind TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (day, dataset, kind))"""


def default_path(catalogue: Path) -> Path:
    """Where a catalogue's usage figures are kept (a hidden directory the portal never serves)."""
    return Path(catalogue) / ".usage" / "usage.sqlite"


def today() -> str:
    return dt.datetime.now(CST).date().isoformat()


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(str(path), timeout=30)
    connection.execute(_SCHEMA)
    return connection


class UsageRecorder:
    """Counts in memory; :meth:`flush` adds them to the file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _connect(self.path).close()  # fail at start, naming the file, rather than at the first flush
        self._counts: Counter[tuple[str, str, str]] = Counter()
        self._lock = threading.Lock()

    def count(self, dataset: str, kind: str) -> None:
        if kind not in KINDS:
            raise ValueError(kind)
        with self._lock:
            self._counts[(today(), dataset, kind)] += 1

    def flush(self) -> None:
        with self._lock:
            pending, self._counts = self._counts, Counter()
        if not pending:
            return
        connection = _connect(self.path)
        try:
            with connection:
                connection.executemany(
                    "INSERT INTO usage (day, dataset, kind, count) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (day, dataset, kind) DO UPDATE SET count = count + excluded.count",
                    [(*key, n) for key, n in pending.items()])
        except sqlite3.Error:
            with self._lock:  # kept for the next flush rather than lost
                self._counts.update(pending)
            raise
        finally:
            connection.close()

    def pending(self, dataset: str) -> dict[str, int]:
        """Counts of ``dataset`` not yet flushed, by kind."""
        with self._lock:
            out = {k: 0 for k in KINDS}
            for (_, name, kind), n in self._counts.items():
                if name == dataset:
                    out[kind] += n
            return out


def read(path: Path, *, since: str | None = None, dataset: str | None = None) -> list[dict[str, Any]]:
    """Every stored count (``day``, ``dataset``, ``kind``, ``count``), oldest day first."""
    if not Path(path).is_file():
        return []
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        query = "SELECT day, dataset, kind, count FROM usage WHERE day >= ?"
        params: list[Any] = [since or ""]
        if dataset is not None:
            query += " AND dataset = ?"
            params.append(dataset)
        rows = connection.execute(query + " ORDER BY day, dataset, kind", params).fetchall()
    except sqlite3.OperationalError:  # no table yet
        return []
    finally:
        connection.close()
    return [{"day": d, "dataset": n, "kind": k, "count": c} for d, n, k, c in rows]


def summarise(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per dataset: total downloads and API calls, and the same per day."""
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = out.setdefault(row["dataset"], {"downloads": 0, "api_calls": 0, "days": {}})
        key = "downloads" if row["kind"] == "download" else "api_calls"
        entry[key] += row["count"]
        day = entry["days"].setdefault(row["day"], {"downloads": 0, "api_calls": 0})
        day[key] += row["count"]
    return out
