"""Encryption of an extract to its recipient's public key, streamed in chunks.

One ephemeral X25519 key per delivery; the shared secret with the recipient's key goes through
HKDF-SHA256 (salt random, ``info`` binding the grant, the recipient key and the ephemeral key)
to one AES-256-GCM key. Each file is cut into chunks of :data:`CHUNK` bytes, each sealed on its
own (nonce = the file's 7 random bytes ‖ chunk number ‖ last-chunk flag, the STREAM construction
of Hoang, Reyhanitabar, Rogaway and Vizár), with the file's name as associated data. So memory
stays bounded, and a chunk moved, dropped, swapped between files or cut off at the end is refused
— not only a changed byte.
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

from ..errors import PolicyError
from .keys import raw

CHUNK = 1 << 20
SUITE = {"kem": "X25519", "kdf": "HKDF-SHA256", "aead": "AES-256-GCM", "chunk": CHUNK, "stream": "STREAM-7+4+1"}
_TAG = 16


def _derive(shared: bytes, salt: bytes, context: str, recipient: bytes, ephemeral: bytes) -> bytes:
    info = b"opendata/delivery/v1|" + context.encode("utf-8") + b"|" + recipient + b"|" + ephemeral
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(shared)


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
