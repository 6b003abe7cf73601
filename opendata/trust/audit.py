"""Append-only, hash-chained audit log (JSON lines).

Each record carries the SHA-256 of the previous record's line (``prev``) and its own hash
(``hash``, over the canonical JSON of the record without ``hash``), so editing, removing or
reordering any line breaks the chain at that line. Records hold dataset names, actions, file
hashes and counts — never cell values.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

GENESIS = "0" * 64


def _canonical(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def record_hash(record: dict[str, Any]) -> str:
    """The hash of a record: SHA-256 over its canonical JSON without the ``hash`` key."""
    body = {k: v for k, v in record.items() if k != "hash"}
    return hashlib.sha256(_canonical(body)).hexdigest()


@dataclass(frozen=True)
class Problem:
    """The first place where a log's chain breaks."""

    line: int
    reason: str


class AuditLog:
    """An audit log file; appends are serialized with a file lock and flushed to disk."""

    def __init__(self, path: str | Path, *, mode: int = 0o644) -> None:
        self.path = Path(path)
        self.mode = mode  # of a new log file, whatever the umask: never writable by others

    def records(self) -> Iterator[dict[str, Any]]:
        """Every record, in order."""
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)

    def append(self, action: str, **fields: Any) -> dict[str, Any]:
        """Append one record for ``action`` (check, publish, retract …) and return it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, self.mode)
        if os.fstat(fd).st_size == 0:
            os.fchmod(fd, self.mode)
        with os.fdopen(fd, "a+", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                handle.seek(0)
                last = None
                for line in handle:
                    if line.strip():
                        last = line
                prev = json.loads(last)["hash"] if last else GENESIS
                seq = (json.loads(last)["seq"] + 1) if last else 1
                record = {
                    "seq": seq,
                    "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"),
                    "action": action,
                    **fields,
                    "prev": prev,
                }
                record["hash"] = record_hash(record)
                handle.seek(0, os.SEEK_END)
                handle.write(_canonical(record).decode("utf-8") + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return record

    def verify(self) -> Problem | None:
        """``None`` when the chain is intact, else the first bad line (1-based) and why."""
        if not self.path.exists():
            return None
        prev, seq = GENESIS, 0
        with open(self.path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    return Problem(number, "blank line")
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    return Problem(number, "not JSON")
                if record.get("hash") != record_hash(record):
                    return Problem(number, "record changed (hash mismatch)")
                if record.get("prev") != prev:
                    return Problem(number, "chain broken (a record before it was removed, added or moved)")
                if record.get("seq") != seq + 1:
                    return Problem(number, "sequence broken")
                prev, seq = record["hash"], record["seq"]
        return None


def central() -> AuditLog:
    """The audit log of this installation: ``[audit] file`` in opendata.toml, else
    ``$OPENDATA_HOME/audit.jsonl``. Every verb that acts on data records itself here."""
    from .. import config
    from . import keys

    configured = config.get("audit", "file")
    return AuditLog(config.resolve_path(configured) if configured else keys.ensure_home() / "audit.jsonl",
                    mode=0o600)  # the private log: retraction reasons and who did what


def record(action: str, **fields: Any) -> dict[str, Any]:
    """Append one record to the central log, with the operating-system user as actor."""
    import getpass

    try:
        actor = getpass.getuser()
    except (KeyError, OSError):  # no user name (some containers)
        actor = "unknown"
    return central().append(action, actor=fields.pop("actor", actor), **fields)
