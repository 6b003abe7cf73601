"""Canonical JSON and Ed25519 signatures for applications, grants and manifests.

The canonical form is the one approvals use: sorted keys, no spaces, UTF-8, without the
``signature`` field. A record signed here names its key (``key_id``) and carries its public key
(``public_key``), so a recipient without the department's trust store can still check it; the
department checks reviewer keys against its trust store as well (:mod:`.grant`).
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..errors import OpendataError
from ..trust import keys as trust_keys
from ..trust.approval import signed_bytes
from ..trust.audit import canonical_json
from .keys import ed25519_from_raw, raw


def digest(record: dict[str, Any]) -> str:
    """SHA-256 of the whole record (signature included): what other records refer to it by."""
    return hashlib.sha256(canonical_json(record)).hexdigest()


def sign(record: dict[str, Any], private: Ed25519PrivateKey) -> dict[str, Any]:
    """``record`` with ``key_id``, ``public_key`` and ``signature`` set."""
    record["key_id"] = trust_keys.key_id_of(private.public_key())
    record["public_key"] = base64.b64encode(raw(private.public_key())).decode("ascii")
    record["signature"] = base64.b64encode(private.sign(signed_bytes(record))).decode("ascii")
    return record


def signature_ok(record: dict[str, Any]) -> bool:
    """Whether ``record`` is signed by the key it names and carries (its id checked against it)."""
    try:
        public = ed25519_from_raw(str(record["public_key"]))
        if trust_keys.key_id_of(public) != record.get("key_id"):
            return False
        public.verify(base64.b64decode(str(record["signature"]), validate=True), signed_bytes(record))
    except (KeyError, TypeError, ValueError, InvalidSignature, OpendataError):  # malformed: not signed
        return False
    return True
