"""Encryption of an extract to its recipient's public key, streamed in chunks.

One ephemeral X25519 key per delivery; the shared secret with the recipient's key goes through
HKDF-SHA256 (salt random, ``info`` binding the grant, the recipient key and the ephemeral key)
to one AES-256-GCM key. Each file is cut into chunks of :data:`CHUNK` bytes, each sealed on its
own (nonce = the file's 7 random bytes ‖ chunk number ‖ last-chunk flag, the STREAM construction
of Hoang, Reyhanitabar, Rogaway and Vizár), with the file's name as associated data. So memory
stays bounded, and a chunk moved, dropped, swapped between files or cut off at the end is refused
— not only a changed byte.

**Or a password delivered apart** (:meth:`Sealer.with_password`, :func:`password_opener`): the
content key comes from a password through scrypt (memory-hard; N = 2¹⁷, r = 8, p = 1: 128 MiB and
about half a second per try), then HKDF as above. The scrypt parameters and salt are in the signed
manifest's cipher header, with a short key check so a wrong password is told apart from a damaged
file (it gives an attacker nothing the first chunk's tag would not). A manifest asking for weaker or
absurd parameters is refused before any work is done.
"""

from __future__ import annotations

import base64
import hashlib
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..errors import PolicyError
from .keys import raw

CHUNK = 1 << 20
SUITE = {"kem": "X25519", "kdf": "HKDF-SHA256", "aead": "AES-256-GCM", "chunk": CHUNK, "stream": "STREAM-7+4+1"}
_TAG = 16


def _derive(shared: bytes, salt: bytes, context: str, recipient: bytes, ephemeral: bytes) -> bytes:
    info = b"opendata/delivery/v1|" + context.encode("utf-8") + b"|" + recipient + b"|" + ephemeral
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(shared)


PASSWORD_SUITE = {"kem": "password", "kdf": "scrypt+HKDF-SHA256", "aead": "AES-256-GCM", "chunk": CHUNK,
                  "stream": "STREAM-7+4+1"}
#: scrypt cost: N = 2^17, r = 8, p = 1 (128 MiB); a header may ask for more, up to the bounds below
SCRYPT = {"n": 1 << 17, "r": 8, "p": 1}
_SCRYPT_MIN_N, _SCRYPT_MAX_N, _SCRYPT_MAX_R, _SCRYPT_MAX_P = 1 << 15, 1 << 20, 16, 4
#: the shortest password a delivery accepts (characters)
MIN_PASSWORD = 16


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def _check_value(key: bytes) -> str:
    return hashlib.sha256(b"opendata/delivery/password-check|" + key).hexdigest()[:16]


@dataclass(frozen=True)
class Sealer:
    """The sender's side: a fresh ephemeral key and the content key it agrees with the recipient."""

    key: bytes
    header: dict

    @classmethod
    def to(cls, recipient: X25519PublicKey, context: str) -> "Sealer":
        ephemeral = X25519PrivateKey.generate()
        salt = os.urandom(32)
        eph_raw = raw(ephemeral.public_key())
        key = _derive(ephemeral.exchange(recipient), salt, context, raw(recipient), eph_raw)
        return cls(key, {**SUITE, "ephemeral": base64.b64encode(eph_raw).decode(),
                         "salt": base64.b64encode(salt).decode(), "context": context})

    @classmethod
    def with_password(cls, password: str, context: str) -> "Sealer":
        """Seal under a password (delivered to the recipient apart from the extract)."""
        if len(password) < MIN_PASSWORD:
            raise PolicyError("delivery.weak_password", minimum=MIN_PASSWORD)
        salt, kdf_salt = os.urandom(32), os.urandom(32)
        stretched = _scrypt(password, kdf_salt, **SCRYPT)
        key = _derive(stretched, salt, context, b"password", b"")
        return cls(key, {**PASSWORD_SUITE, "scrypt": {**SCRYPT, "salt": base64.b64encode(kdf_salt).decode()},
                         "salt": base64.b64encode(salt).decode(), "context": context, "check": _check_value(key)})

    def seal_file(self, source: Path, target: Path, name: str) -> dict:
        """Encrypt ``source`` into ``target``; returns sizes, chunk count and both SHA-256."""
        aead = AESGCM(self.key)
        prefix = os.urandom(7)
        plain_hash, cipher_hash = hashlib.sha256(), hashlib.sha256()
        size = chunks = 0
        with open(source, "rb") as src, open(target, "xb") as out:
            out.write(prefix)
            cipher_hash.update(prefix)
            block = src.read(CHUNK)
            while True:
                following = src.read(CHUNK) if block else b""
                last = not following
                plain_hash.update(block)
                size += len(block)
                sealed = aead.encrypt(_nonce(prefix, chunks, last), block, name.encode("utf-8"))
                out.write(sealed)
                cipher_hash.update(sealed)
                chunks += 1
                if last:
                    break
                block = following
        return {"size": size, "chunks": chunks, "sha256": plain_hash.hexdigest(),
                "payload_sha256": cipher_hash.hexdigest()}


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    if index >= 1 << 32:
        raise OverflowError("too many chunks")
    return prefix + struct.pack(">I", index) + (b"\x01" if last else b"\x00")


def opener(private: X25519PrivateKey, header: dict) -> bytes:
    """The content key for ``private``'s owner, from a manifest's cipher header."""
    try:
        eph_raw = base64.b64decode(header["ephemeral"], validate=True)
        salt = base64.b64decode(header["salt"], validate=True)
        ephemeral = X25519PublicKey.from_public_bytes(eph_raw)
        context = str(header["context"])
    except (KeyError, TypeError, ValueError) as exc:
        raise PolicyError("delivery.bad_manifest", what="cipher") from exc
    if {k: header.get(k) for k in SUITE} != SUITE:
        raise PolicyError("delivery.bad_manifest", what="cipher suite")
    return _derive(private.exchange(ephemeral), salt, context, raw(private.public_key()), eph_raw)


def is_password(header: dict) -> bool:
    return isinstance(header, dict) and header.get("kem") == "password"


def password_opener(password: str, header: dict) -> bytes:
    """The content key from the password, from a manifest's cipher header; a wrong password is
    :class:`PolicyError` ``delivery.wrong_password``."""
    try:
        params = header["scrypt"]
        n, r, p = int(params["n"]), int(params["r"]), int(params["p"])
        kdf_salt = base64.b64decode(params["salt"], validate=True)
        salt = base64.b64decode(header["salt"], validate=True)
        context, check = str(header["context"]), str(header["check"])
    except (KeyError, TypeError, ValueError) as exc:
        raise PolicyError("delivery.bad_manifest", what="cipher") from exc
    if {k: header.get(k) for k in PASSWORD_SUITE} != PASSWORD_SUITE or n & (n - 1) or \
            not (_SCRYPT_MIN_N <= n <= _SCRYPT_MAX_N and 1 <= r <= _SCRYPT_MAX_R and 1 <= p <= _SCRYPT_MAX_P) \
            or len(kdf_salt) < 16 or len(salt) < 16:
        raise PolicyError("delivery.bad_manifest", what="cipher suite")
    key = _derive(_scrypt(password, kdf_salt, n, r, p), salt, context, b"password", b"")
    if _check_value(key) != check:
        raise PolicyError("delivery.wrong_password")
    return key


def open_file(key: bytes, source: Path, out: BinaryIO, name: str) -> tuple[int, str]:
    """Decrypt ``source`` into ``out`` chunk by chunk; returns (size, SHA-256 of the plaintext).

    Any changed, moved or missing chunk, or a cut-off end, raises :class:`PolicyError`.
    """
    aead = AESGCM(key)
    digest = hashlib.sha256()
    size = index = 0
    with open(source, "rb") as src:
        prefix = src.read(7)
        if len(prefix) != 7:
            raise PolicyError("delivery.payload_damaged", file=name)
        sealed = src.read(CHUNK + _TAG)
        while True:
            following = src.read(CHUNK + _TAG)
            last = not following
            try:
                block = aead.decrypt(_nonce(prefix, index, last), sealed, name.encode("utf-8"))
            except InvalidTag:
                raise PolicyError("delivery.payload_damaged", file=name) from None
            digest.update(block)
            out.write(block)
            size += len(block)
            index += 1
            if last:
                return size, digest.hexdigest()
            sealed = following
