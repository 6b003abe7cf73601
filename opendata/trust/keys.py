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

from ..errors import KeyMaterialError

DATA_KEYS = "data-keys.json"


def home() -> Path:
    """``$OPENDATA_HOME``, else the workspace's ``[keys] home`` (``opendata.toml``), else ``~/.opendata``."""
    if os.environ.get("OPENDATA_HOME"):
        return Path(os.environ["OPENDATA_HOME"])
    from .. import config

    configured = config.get("keys", "home")
    return config.resolve_path(configured) if configured else Path.home() / ".opendata"


def ensure_home() -> Path:
    """``$OPENDATA_HOME``, created mode 0700 if missing (keys, trust and the audit log live there).

    ``mkdir``'s mode is masked by the umask; 0700 can only lose bits, never gain group or world ones.
    """
    path = home()
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path, 0o700)
    return path


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
    ensure_home()
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


# ---- reviewer signing keys (Ed25519) and the trust store ------------------------------------------
#
#   $OPENDATA_HOME/keys/signing/<key id>.pem      private key, PKCS#8, mode 0600, optionally encrypted
#   $OPENDATA_HOME/keys/signing.json              reviewer, creation time, active flag per key id
#   $OPENDATA_HOME/trust.json                     trusted reviewers' public keys (or [trust] file)
#
# A key made by ``keys init`` is trusted on the machine that made it; keys of other reviewers are
# added with ``keys trust``. Trust entries may carry an expiry and a revocation time.

from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey  # noqa: E402

SIGNING_META = "signing.json"


def _public_raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id_of(public: Ed25519PublicKey) -> str:
    """A signing key's id: derived from its public key, so anyone can recompute it."""
    import hashlib

    return "sk-" + hashlib.sha256(_public_raw(public)).hexdigest()[:16]


def trust_path() -> Path:
    from .. import config

    configured = config.get("trust", "file")
    return config.resolve_path(configured) if configured else home() / "trust.json"


def _load_json(path: Path, default: dict) -> dict:
    if not path.is_file():
        return default
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise KeyMaterialError("keys.unreadable", path=str(path)) from exc


def _signing_meta() -> dict:
    path = keys_dir() / SIGNING_META
    if path.is_file():
        _check_private(path)
    return _load_json(path, {"keys": []})


def create_signing_key(reviewer: str, passphrase: str | None = None) -> str:
    """A new Ed25519 key for ``reviewer`` (older ones stay for verification); trusted locally."""
    private = Ed25519PrivateKey.generate()
    key_id = key_id_of(private.public_key())
    encryption = (serialization.BestAvailableEncryption(passphrase.encode("utf-8")) if passphrase
                  else serialization.NoEncryption())
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    _write_private(keys_dir() / "signing" / f"{key_id}.pem", pem.decode("ascii"))
    meta = _signing_meta()
    for entry in meta["keys"]:
        if entry["reviewer"] == reviewer:
            entry["active"] = False
    meta["keys"].append({"id": key_id, "reviewer": reviewer, "active": True, "encrypted": bool(passphrase),
                         "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
    _write_private(keys_dir() / SIGNING_META, json.dumps(meta, ensure_ascii=False, indent=2))
    public = private.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
    trust_add(public, reviewer)
    return key_id


def signing_keys() -> list[dict]:
    """Ids, reviewers, creation times and flags of this machine's signing keys (no secrets)."""
    return list(_signing_meta()["keys"])


def active_signing_key_id(reviewer: str) -> str:
    for entry in reversed(_signing_meta()["keys"]):
        if entry["reviewer"] == reviewer and entry.get("active"):
            return entry["id"]
    raise KeyMaterialError("keys.no_signing_key", reviewer=reviewer)


def signing_key(key_id: str, passphrase: str | None = None) -> Ed25519PrivateKey:
    """Load a private signing key (0600 enforced; the passphrase if it is encrypted)."""
    path = keys_dir() / "signing" / f"{key_id}.pem"
    if not path.is_file():
        raise KeyMaterialError("keys.missing", path=str(path))
    _check_private(path)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(),
                                                 passphrase.encode("utf-8") if passphrase else None)
    except TypeError as exc:  # encrypted but no passphrase, or the reverse
        raise KeyMaterialError("keys.passphrase_required", key_id=key_id) from exc
    except ValueError as exc:
        raise KeyMaterialError("keys.bad_passphrase", key_id=key_id) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyMaterialError("keys.unreadable", path=str(path))
    if key_id_of(key.public_key()) != key_id:  # a key file swapped in under another key's name
        raise KeyMaterialError("keys.id_mismatch", key_id=key_id, path=str(path))
    return key


def public_pem(key_id: str) -> str:
    """The public half of one of this machine's signing keys, as PEM (safe to share)."""
    public = signing_key_public(key_id)
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def signing_key_public(key_id: str) -> Ed25519PublicKey:
    entry = trusted_entry(key_id)
    if entry is not None:
        return entry_public_key(entry)
    meta = next((e for e in _signing_meta()["keys"] if e["id"] == key_id), None)
    if meta is None or meta.get("encrypted"):
        raise KeyMaterialError("keys.unknown_id", key_id=key_id)
    return signing_key(key_id).public_key()


def _check_not_writable(path: Path) -> None:
    """Refuse a public file (trust store, public key) others could rewrite: a trust store that
    anyone may edit trusts anyone."""
    mode = path.stat().st_mode
    if mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise KeyMaterialError("keys.unsafe_public_permissions", path=str(path), mode=oct(mode & 0o777))


def write_public(path: Path, text: str) -> None:
    """Write a file meant to be read by others (trust store, public key): mode 0644 whatever the
    umask, replaced atomically."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), 0o644)  # the umask may have taken bits away, or a reused tmp kept its mode
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _trust() -> dict:
    path = trust_path()
    if path.is_file():
        _check_not_writable(path)
    return _load_json(path, {"reviewers": []})


def _save_trust(data: dict) -> None:
    if trust_path().parent == home():
        ensure_home()
    write_public(trust_path(), json.dumps(data, ensure_ascii=False, indent=2))


def parse_time(value: str, *, what: str = "--expires") -> str:
    """A date or date-time from the user (``2027-01-31``, ``2027-01-31T18:00+08:00``) as an ISO
    date-time in UTC when no zone is given; anything else is a clear error (exit 2)."""
    try:
        parsed = dt.datetime.fromisoformat(value.strip()) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise KeyMaterialError("keys.bad_time", what=what, value=str(value)[:40])
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)).isoformat(timespec="seconds")


def trust_add(pem: str, reviewer: str, *, expires: str | None = None, unrevoke: bool = False) -> str:
    """Trust a reviewer's public key (PEM); returns its key id.

    A revoked key stays revoked: trusting it again is refused unless ``unrevoke`` is given, and
    then the un-revocation is recorded in the audit log.
    """
    expires = parse_time(expires) if expires is not None else None
    public = _load_public_pem(pem)
    key_id = key_id_of(public)
    data = _trust()
    previous = next((e for e in data["reviewers"] if e.get("key_id") == key_id), None)
    if previous is not None and previous.get("revoked") and not unrevoke:
        raise KeyMaterialError("keys.trust_revoked", key_id=key_id, when=previous["revoked"])
    data["reviewers"] = [e for e in data["reviewers"] if e.get("key_id") != key_id]
    data["reviewers"].append({
        "key_id": key_id, "reviewer": reviewer, "public_key": base64.b64encode(_public_raw(public)).decode(),
        "added": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "expires": expires, "revoked": None,
    })
    _save_trust(data)
    if previous is not None and previous.get("revoked"):
        from . import audit

        audit.record("unrevoke", key_id=key_id, reviewer=reviewer, revoked=previous["revoked"])
    return key_id


def trust_revoke(key_id: str, *, when: str | None = None) -> None:
    """Revoke trust in a key: approvals signed with it no longer pass the publish gate."""
    data = _trust()
    for entry in data["reviewers"]:
        if entry["key_id"] == key_id:
            entry["revoked"] = parse_time(when, what="--revoked") if when else \
                dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            _save_trust(data)
            return
    raise KeyMaterialError("keys.unknown_id", key_id=key_id)


def entry_public_key(entry: dict) -> Ed25519PublicKey:
    """The public key of a trust entry, verified against the entry's key id: a public key
    swapped in under a kept id is refused."""
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(entry["public_key"], validate=True))
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyMaterialError("keys.bad_trust_entry", key_id=str(entry.get("key_id")), path=str(trust_path())) from exc
    if key_id_of(public) != entry.get("key_id"):
        raise KeyMaterialError("keys.id_mismatch", key_id=str(entry.get("key_id")), path=str(trust_path()))
    return public


def trusted_entry(key_id: str) -> dict | None:
    """The trust store's entry for ``key_id`` (revoked and expired ones included), or ``None``.

    The entry's public key is checked against its id, and its times must be readable.
    """
    entry = next((e for e in _trust()["reviewers"] if isinstance(e, dict) and e.get("key_id") == key_id), None)
    if entry is None:
        return None
    entry_public_key(entry)
    for what in ("expires", "revoked"):
        if entry.get(what) is not None:
            try:
                parse_time(entry[what], what=what)
            except KeyMaterialError:
                raise KeyMaterialError("keys.bad_trust_entry", key_id=key_id, path=str(trust_path())) from None
    return entry


# ---- the audit key: signs the audit logs' checkpoints ---------------------------------------------
#
#   $OPENDATA_HOME/keys/audit.pem     the installation's (department's) audit key, mode 0600
#   trust.json "audit": [...]         public audit keys whose checkpoints are accepted
#
# It is not a reviewer key: it can never sign an approval, and it is created unencrypted so that
# every audited step can sign the log's head without asking anyone for a passphrase.

AUDIT_KEY = "audit.pem"


def installation_key(filename: str) -> Ed25519PrivateKey:
    """An unencrypted Ed25519 key of this installation, ``keys/<filename>`` (0600), created on first
    use: the audit key, and the delivery key of :mod:`opendata.delivery`."""
    path = keys_dir() / filename
    if not path.is_file():
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()).decode("ascii")
        staged = path.with_name(f".{filename}.{secrets.token_hex(4)}")
        _write_private(staged, pem)
        try:
            os.link(staged, path)  # exactly one key wins when two processes start at once
        except FileExistsError:
            pass
        finally:
            staged.unlink(missing_ok=True)
    _check_private(path)
    try:
        private = serialization.load_pem_private_key(path.read_bytes(), None)
    except (TypeError, ValueError) as exc:
        raise KeyMaterialError("keys.unreadable", path=str(path)) from exc
    if not isinstance(private, Ed25519PrivateKey):
        raise KeyMaterialError("keys.unreadable", path=str(path))
    return private


def audit_signing_key() -> tuple[str, Ed25519PrivateKey]:
    """The audit key's id and private key, created (and trusted) on first use."""
    private = installation_key(AUDIT_KEY)
    key_id = key_id_of(private.public_key())
    if audit_public_key(key_id) is None:
        _trust_audit(private.public_key())
    return key_id, private


def _trust_audit(public: Ed25519PublicKey) -> str:
    key_id = key_id_of(public)
    data = _trust()
    data["audit"] = [e for e in data.get("audit", []) if isinstance(e, dict) and e.get("key_id") != key_id]
    data["audit"].append({"key_id": key_id, "public_key": base64.b64encode(_public_raw(public)).decode(),
                          "added": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
    _save_trust(data)
    return key_id


def audit_public_pem() -> str:
    """This installation's audit public key as PEM, for those who verify its published logs."""
    _, private = audit_signing_key()
    return private.public_key().public_bytes(serialization.Encoding.PEM,
                                             serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def trust_audit_key(pem: str) -> str:
    """Accept another installation's audit key (PEM) for the checkpoints of its logs; returns its id."""
    return _trust_audit(_load_public_pem(pem))


def _load_public_pem(pem: str) -> Ed25519PublicKey:
    """An Ed25519 public key from its PEM text, or :class:`KeyMaterialError`."""
    try:
        public = serialization.load_pem_public_key(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise KeyMaterialError("keys.bad_public_key") from exc
    if not isinstance(public, Ed25519PublicKey):
        raise KeyMaterialError("keys.bad_public_key")
    return public


def audit_public_key(key_id: str) -> Ed25519PublicKey | None:
    """A trusted audit key by id (checked against its public key), or ``None``."""
    entry = next((e for e in _trust().get("audit", []) if isinstance(e, dict) and e.get("key_id") == key_id), None)
    return entry_public_key(entry) if entry is not None else None
