"""Keys of 受限开放: the recipient's X25519 pair, and the department's delivery signing key.

- A **recipient key** (X25519) is made by the applicant (``opendata keys recipient --out DIR``):
  ``recipient.key`` (private, PKCS#8 PEM, mode 0600, encrypted when ``OPENDATA_KEY_PASSPHRASE``
  is set) stays with them; ``recipient.pub`` goes with the application. Extracts are encrypted to
  it. Its id (``rk-`` + 16 hex of the SHA-256 of the raw public key) is recorded in the grant.
- The **delivery key** (Ed25519, ``$OPENDATA_HOME/keys/delivery.pem``, 0600, created on first
  use) signs each delivery's manifest; its public key is written into the grant, which a
  trusted reviewer signs, so a recipient can check both with what they were given.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from ..errors import InputError, KeyMaterialError
from ..trust import keys as trust_keys

PRIVATE, PUBLIC = "recipient.key", "recipient.pub"
DELIVERY_KEY = "delivery.pem"


def raw(public: X25519PublicKey | Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def recipient_id(public: X25519PublicKey) -> str:
    """A recipient key's id: derived from the public key, so anyone can recompute it."""
    return "rk-" + hashlib.sha256(raw(public)).hexdigest()[:16]


def create_recipient(directory: str | os.PathLike[str], passphrase: str | None = None) -> tuple[str, Path, Path]:
    """Write a new X25519 key pair into ``directory``; returns (key id, private path, public path).

    Refuses to overwrite an existing private key (a lost key loses every extract made for it).
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    private_path, public_path = directory / PRIVATE, directory / PUBLIC
    if private_path.exists():
        raise InputError("delivery.key_exists", path=str(private_path))
    private = X25519PrivateKey.generate()
    encryption = (serialization.BestAvailableEncryption(passphrase.encode("utf-8")) if passphrase
                  else serialization.NoEncryption())
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    trust_keys.write_public(public_path, public_pem(private.public_key()))
    return recipient_id(private.public_key()), private_path, public_path


def public_pem(public: X25519PublicKey) -> str:
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def load_recipient_public(source: str | os.PathLike[str] | bytes) -> X25519PublicKey:
    """An X25519 public key from a PEM file (or its bytes); an Ed25519 or other key is refused."""
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
    except FileNotFoundError:
        raise InputError("input.not_found", path=str(source)) from None
    try:
        public = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise KeyMaterialError("delivery.bad_recipient_key", path=str(source)[:200]) from exc
    if not isinstance(public, X25519PublicKey):
        raise KeyMaterialError("delivery.bad_recipient_key", path=str(source)[:200])
    return public


def public_from_raw(text: str) -> X25519PublicKey:
    try:
        return X25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except (ValueError, TypeError) as exc:
        raise KeyMaterialError("delivery.bad_recipient_key", path="grant") from exc


def load_recipient_private(path: str | os.PathLike[str], passphrase: str | None = None) -> X25519PrivateKey:
    """The recipient's private key (mode 0600 enforced; the passphrase if it is encrypted)."""
    path = Path(path)
    if not path.is_file():
        raise InputError("input.not_found", path=str(path))
    trust_keys._check_private(path)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), passphrase.encode("utf-8") if passphrase else None)
    except TypeError as exc:
        raise KeyMaterialError("keys.passphrase_required", key_id=path.name) from exc
    except ValueError as exc:
        raise KeyMaterialError("delivery.bad_recipient_key", path=str(path)) from exc
    if not isinstance(key, X25519PrivateKey):
        raise KeyMaterialError("delivery.bad_recipient_key", path=str(path))
    return key


def delivery_signing_key() -> tuple[str, Ed25519PrivateKey]:
    """The department's delivery key (id, private key), created on first use.

    Like the audit key it is unencrypted, so a delivery needs no passphrase; unlike a reviewer key
    it cannot sign a grant: grants are verified against the trust store's reviewer keys only.
    """
    private = trust_keys.installation_key(DELIVERY_KEY)
    return trust_keys.key_id_of(private.public_key()), private


def ed25519_from_raw(text: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except (ValueError, TypeError) as exc:
        raise KeyMaterialError("keys.bad_public_key") from exc


def delivery_public_pem() -> str:
    """The department's delivery public key as PEM: recipients pin it (``receive --trust``)."""
    _, private = delivery_signing_key()
    return private.public_key().public_bytes(serialization.Encoding.PEM,
                                             serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def pinned_key_id(source: str | os.PathLike[str]) -> str:
    """The key id of an Ed25519 public key in a PEM file (a department's delivery key)."""
    try:
        data = Path(source).read_bytes()
    except FileNotFoundError:
        raise InputError("input.not_found", path=str(source)) from None
    try:
        public = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise KeyMaterialError("keys.bad_public_key") from exc
    if not isinstance(public, Ed25519PublicKey):
        raise KeyMaterialError("keys.bad_public_key")
    return trust_keys.key_id_of(public)


#: a password file holds one line: the password (nothing else is read)
_PASSWORD_FILE_MAX = 1024


def read_password(path: str | os.PathLike[str], *, create: bool = False) -> tuple[str, bool]:
    """The password in ``path`` (its one line, without the line end) and whether it was created
    now: with ``create`` a missing file gets a fresh random password (32 characters, mode 0600).
    The file must be private (0600) like every key file; a password never comes from the command
    line, where other users and shell histories see it."""
    import secrets

    path = Path(path)
    if create and not path.exists():
        password = secrets.token_urlsafe(24)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(password + "\n")
        return password, True
    if not path.is_file():
        raise InputError("input.not_found", path=str(path))
    trust_keys._check_private(path)
    data = path.read_bytes()[:_PASSWORD_FILE_MAX + 1]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("delivery.bad_password_file", path=str(path)) from None
    lines = text.splitlines()
    if len(data) > _PASSWORD_FILE_MAX or len(lines) != 1 or not lines[0]:
        raise InputError("delivery.bad_password_file", path=str(path))
    return lines[0], False
