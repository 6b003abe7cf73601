"""Append-only, hash-chained audit log (JSON lines).

Each record carries the SHA-256 of the previous record's line (``prev``) and its own hash
(``hash``, over the canonical JSON of the record without ``hash``), so editing, removing or
reordering any line breaks the chain at that line; signed checkpoints and a signed head (see
:class:`AuditLog`) show a cut tail and a chain rewritten with recomputed hashes. Records hold
dataset names, actions, file hashes and counts — never cell values. A catalogue's public log holds
no free text: a retraction's reason stays in the private log, the public one keeps its hash
(:func:`public_reason`).
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


def canonical_json(record: dict[str, Any]) -> bytes:
    """Canonical JSON (sorted keys, no spaces, UTF-8): what audit hashes and signatures cover."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def record_hash(record: dict[str, Any]) -> str:
    """The hash of a record: SHA-256 over its canonical JSON without the ``hash`` key."""
    body = {k: v for k, v in record.items() if k != "hash"}
    return hashlib.sha256(canonical_json(body)).hexdigest()


@dataclass(frozen=True)
class Problem:
    """The first place where a log's chain breaks: the line (1-based; 0 for the log as a whole)
    and a message key (``audit.reason.*``) saying why."""

    line: int
    reason: str

    def render(self, lang: str | None = None) -> str:
        from .. import messages

        return messages.t(self.reason, lang=lang)


def public_reason(reason: str) -> dict[str, Any]:
    """What a public log says about a free-text reason: that one was given, and its SHA-256
    (which links it to the private log's record), never the text, which may name a person."""
    return {"reason_given": bool(reason), "reason_sha256": hashlib.sha256(reason.encode("utf-8")).hexdigest()}


#: a signed checkpoint is appended after these actions, and after every CHECKPOINT_EVERY records
CHECKPOINT_ACTIONS = frozenset({"publish", "retract", "restrict", "unrevoke"})
CHECKPOINT_EVERY = 100
CHECKPOINT = "checkpoint"
BREAK = "audit-break"  # appended when the signed head does not match the log: evidence that stays


def _signed_body(record: dict[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in record.items() if k not in ("hash", "signature")})


def _sign(record: dict[str, Any]) -> dict[str, Any]:
    import base64

    from . import keys

    key_id, private = keys.audit_signing_key()
    record["key_id"] = key_id
    record["signature"] = base64.b64encode(private.sign(_signed_body(record))).decode("ascii")
    return record


def _signature_ok(record: dict[str, Any]) -> bool:
    import base64

    from cryptography.exceptions import InvalidSignature

    from . import keys

    public = keys.audit_public_key(str(record.get("key_id")))  # an unusable trust store: its own error
    if public is None:
        return False
    try:
        public.verify(base64.b64decode(str(record.get("signature")), validate=True), _signed_body(record))
    except (InvalidSignature, ValueError):
        return False
    return True


class AuditLog:
    """An audit log file; appends are serialized with a file lock and flushed to disk.

    The hash chain shows an edited, removed or moved line; what it cannot show — a cut tail, or the
    whole chain rewritten with recomputed hashes — the audit key's signatures do: a signed
    checkpoint record (the chain head) after every publish, retraction and restriction and every
    :data:`CHECKPOINT_EVERY` records, and a signed head file beside the log (``<log>.head``)
    naming its last record, rewritten at every append.
    """

    def __init__(self, path: str | Path, *, mode: int = 0o644) -> None:
        self.path = Path(path)
        self.mode = mode  # of a new log file, whatever the umask: never writable by others

    @property
    def head_path(self) -> Path:
        return self.path.with_name(self.path.name + ".head")

    def records(self, *, checkpoints: bool = False) -> Iterator[dict[str, Any]]:
        """Every record, in order (signed checkpoints only when asked for)."""
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    if checkpoints or record.get("action") != CHECKPOINT:
                        yield record

    def _head(self) -> dict[str, Any] | None:
        try:
            head = json.loads(self.head_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return head if isinstance(head, dict) else None

    def _write_head(self, record: dict[str, Any]) -> None:
        head = _sign({"format": "opendata-audit-head/1", "seq": record["seq"], "hash": record["hash"],
                      "time": record["time"]})
        tmp = self.head_path.with_name(f".{self.head_path.name}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, self.mode)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), self.mode)
            handle.write(canonical_json(head).decode("utf-8") + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.head_path)

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
                lines = [line for line in handle if line.strip()]
                last = json.loads(lines[-1]) if lines else None
                seen = {}
                head = self._head()
                if head is not None and lines:
                    wanted = head.get("seq")
                    if isinstance(wanted, int) and 1 <= wanted <= len(lines):
                        seen = json.loads(lines[wanted - 1])
                # A head that names no record of this log with its hash: the tail was cut or the
                # log replaced. Say so in the log itself before going on.
                if (head is None and lines) or (head is not None and seen.get("hash") != head.get("hash")):
                    last = self._write(handle, last, BREAK, {
                        "head": {k: head.get(k) for k in ("seq", "hash")} if head else None,
                        "found": {"seq": last["seq"], "hash": last["hash"]} if last else None})
                record = latest = self._write(handle, last, action, fields)
                if action in CHECKPOINT_ACTIONS or record["seq"] % CHECKPOINT_EVERY == 0:
                    latest = self._write(handle, record, CHECKPOINT, {"head": record["hash"]}, signed=True)
                handle.flush()
                os.fsync(handle.fileno())
                self._write_head(latest)
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return record

    def _write(self, handle: Any, last: dict[str, Any] | None, action: str, fields: dict[str, Any],
               *, signed: bool = False) -> dict[str, Any]:
        record = {
            "seq": (last["seq"] + 1) if last else 1,
            "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"),
            "action": action,
            **fields,
            "prev": last["hash"] if last else GENESIS,
        }
        if signed:
            _sign(record)
        record["hash"] = record_hash(record)
        handle.seek(0, os.SEEK_END)
        handle.write(canonical_json(record).decode("utf-8") + "\n")
        return record

    def verify(self) -> Problem | None:
        """``None`` when the log is intact, else the first bad line (1-based) and why.

        Checks the hash chain, every checkpoint's signature, that no break was recorded, and the
        signed head: the log must still hold the record it names (else its tail was cut, or the
        whole chain was rewritten).
        """
        if not self.path.exists():
            return Problem(0, "audit.reason.head_orphan") if self.head_path.exists() else None
        prev, seq = GENESIS, 0
        hashes: list[str] = []
        with open(self.path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    return Problem(number, "audit.reason.blank")
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    return Problem(number, "audit.reason.not_json")
                if not isinstance(record, dict) or record.get("hash") != record_hash(record):
                    return Problem(number, "audit.reason.changed")
                if record.get("prev") != prev:
                    return Problem(number, "audit.reason.chain")
                if record.get("seq") != seq + 1:
                    return Problem(number, "audit.reason.sequence")
                if record.get("action") == CHECKPOINT and not (record.get("head") == prev and _signature_ok(record)):
                    return Problem(number, "audit.reason.checkpoint")
                if record.get("action") == BREAK:
                    return Problem(number, "audit.reason.break")
                prev, seq = record["hash"], record["seq"]
                hashes.append(prev)
        if not hashes:
            return None
        head = self._head()
        if head is None or not _signature_ok(head):
            return Problem(len(hashes), "audit.reason.head_missing" if head is None else "audit.reason.head_signature")
        wanted = head.get("seq")
        if not isinstance(wanted, int) or wanted > len(hashes):
            return Problem(len(hashes), "audit.reason.truncated")
        if hashes[wanted - 1] != head.get("hash"):
            return Problem(wanted, "audit.reason.rewritten")
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
