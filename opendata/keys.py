"""Key material: data keys for the redaction operators, kept under ``$OPENDATA_HOME``.

    $OPENDATA_HOME/            (default ~/.opendata, mode 0700)
      keys/data-keys.json      data keys, mode 0600: id, creation time, secret, active flag

A data key is never used directly: each operator derives its own subkey with HKDF-SHA256
(``info`` names the operator), so pseudonymization, FPE and encryption never share key bytes.
Rotation adds a new active key and keeps the old ones, so data treated under an old key can still
be re-identified by its holders. Secrets are never printed, logged or put in an error message; key
files readable by group or others are refused.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import KeyMaterialError

DATA_KEYS = "data-keys.json"


def home() -> Path:
    """``$OPENDATA_HOME``, or ``~/.opendata``."""
    return Path(os.environ.get("OPENDATA_HOME") or Path.home() / ".opendata")


def keys_dir() -> Path:
    return home() / "keys"


@dataclass(frozen=True)
class DataKey:
    """A data key: its id is recorded in outputs; its secret never leaves this object."""

    id: str
    created: str
    _secret: bytes

    def derive(self, purpose: str, length: int = 32) -> bytes:
        """A subkey for one purpose (``pseudonymize``, ``fpe``, ``encrypt`` …)."""
        return HKDF(algorithm=hashes.SHA256(), length=length, salt=None,
                    info=f"opendata/{purpose}".encode()).derive(self._secret)

    def __repr__(self) -> str:  # never show the secret
        return f"DataKey(id={self.id!r}, created={self.created!r})"


def _check_private(path: Path) -> None:
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyMaterialError("keys.unsafe_permissions", path=str(path), mode=oct(mode & 0o777))


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _load_ring() -> dict:
    path = keys_dir() / DATA_KEYS
    if not path.is_file():
        raise KeyMaterialError("keys.missing", path=str(path))
    _check_private(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise KeyMaterialError("keys.unreadable", path=str(path)) from exc


def _new_entry() -> dict:
    now = dt.datetime.now(dt.timezone.utc)
    return {"id": f"dk-{now:%Y%m%d}-{secrets.token_hex(3)}", "created": now.isoformat(timespec="seconds"),
            "secret": base64.b64encode(secrets.token_bytes(32)).decode("ascii"), "active": True}


def init_data_keys() -> tuple[str, bool]:
    """Create the data keyring if there is none; returns (active key id, created now?)."""
    path = keys_dir() / DATA_KEYS
    if path.exists():
        return data_key().id, False
    entry = _new_entry()
    _write_private(path, json.dumps({"keys": [entry]}, indent=2))
    return entry["id"], True


def rotate_data_key() -> str:
    """Add a new active data key; older keys stay for re-identification. Returns the new id."""
    ring = _load_ring()
    for entry in ring["keys"]:
        entry["active"] = False
    entry = _new_entry()
    ring["keys"].append(entry)
    _write_private(keys_dir() / DATA_KEYS, json.dumps(ring, indent=2))
    return entry["id"]


def data_key(key_id: str | None = None) -> DataKey:
    """The active data key, or the one with ``key_id``."""
    ring = _load_ring()
    for entry in ring["keys"]:
        if (key_id is None and entry.get("active")) or entry["id"] == key_id:
            return DataKey(entry["id"], entry["created"], base64.b64decode(entry["secret"]))
    raise KeyMaterialError("keys.unknown_id", key_id=key_id or "(active)")


def list_data_keys() -> list[dict]:
    """Ids, creation times and active flags — no secrets."""
    return [{k: v for k, v in e.items() if k != "secret"} for e in _load_ring()["keys"]]
