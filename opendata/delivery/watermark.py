"""The fingerprint (数据水印) of a delivery: recipient-specific choices among equivalent treatments.

Every grant has its own secret, derived from the department's data key and the grant's id
(HKDF; :func:`grant_keys`), so the department can recompute it from its keys and the audit record
of the delivery alone — nothing about the delivered rows needs to be kept. Two marks:

**Tagged pseudonyms.** A pseudonymized cell is ``body ‖ tag`` (24 hex digits, like every
pseudonym of opendata): ``body`` = HMAC-SHA256(k_pseudo, value)[:20 hex], ``tag`` =
HMAC-SHA256(k_tag, body)[:4 hex]. The pseudonyms are per recipient (the same person has another
token in another recipient's extract: recipients cannot join their extracts with each other),
stay joinable within one extract, and each carries 16 bits of evidence: a token made under
another key has a valid tag with probability 2⁻¹⁶.

**Keyed masks.** A masked cell keeps exactly the characters the policy's mask keeps; only the
number of ``*`` in its masked run varies, among :data:`MASK_VARIANTS` lengths (the length of the
masked part says nothing true: it never shows how many characters were hidden). The variant is
the first whose HMAC(k_mask, output) has its low bit 0, so about 15/16 of a recipient's masked
values carry bit 0 under their key, and any other masked value carries it with probability 1/2.

Both marks are properties of single cells: they survive any subset of rows or columns, re-sorting,
re-encoding and CSV↔Excel, as long as the tokens and the ``*`` runs are kept as they are.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from ..pii.operators.base import by_distinct
from ..trust.keys import DataKey

BODY_HEX, TAG_HEX = 20, 4
TOKEN = re.compile(r"^[0-9a-f]{%d}$" % (BODY_HEX + TAG_HEX))
#: extra ``*`` a masked run may get: 0 to 3.
MASK_VARIANTS = 4
#: probability that a cell not made under a grant's key passes its test
P_TOKEN = 2.0 ** (-4 * TAG_HEX)
P_MASK = 0.5
_RUN = re.compile(r"\*+")


@dataclass(frozen=True)
class GrantKeys:
    """The three secrets of one grant's fingerprint (never written anywhere)."""

    pseudo: bytes
    tag: bytes
    mask: bytes

    def __repr__(self) -> str:
        return "GrantKeys(…)"


def grant_keys(key: DataKey, grant_id: str) -> GrantKeys:
    """The fingerprint secrets of ``grant_id`` under the department's data key ``key``."""
    return GrantKeys(*(key.derive(f"delivery/{grant_id}/{part}") for part in ("pseudonym", "tag", "mask")))


def _mac(secret: bytes, text: str) -> bytes:
    return hmac.digest(secret, text.encode("utf-8"), "sha256")  # OpenSSL's one-shot HMAC: ~3x hmac.new


def token(keys: GrantKeys, value: str) -> str:
    body = _mac(keys.pseudo, value).hex()[:BODY_HEX]
    return body + tag_of(keys, body)


def tag_of(keys: GrantKeys, body: str) -> str:
    return _mac(keys.tag, body).hex()[:TAG_HEX]


def pseudonymize(values: pa.Array, keys: GrantKeys) -> pa.Array:
    """Every non-empty cell as its tagged, per-recipient pseudonym (empty cells stay empty)."""
    return by_distinct(values.cast(pa.string()), lambda v: token(keys, v) if v.strip() else v)


def mask_bit(keys: GrantKeys, text: str) -> int:
    return _mac(keys.mask, text)[0] & 1


def mark_mask(keys: GrantKeys, masked: str) -> str:
    """``masked`` with its longest ``*`` run lengthened by 0…3, the first variant whose bit is 0."""
    run = max(_RUN.finditer(masked), key=lambda m: m.end() - m.start(), default=None)
    if run is None:
        return masked
    head, tail = masked[:run.end()], masked[run.end():]
    for extra in range(MASK_VARIANTS):
        variant = head + "*" * extra + tail
        if _mac(keys.mask, variant)[0] & 1 == 0:
            return variant
    return masked


def mark_masks(values: pa.Array, keys: GrantKeys) -> pa.Array:
    """Every masked cell of a treated column given its keyed variant."""
    values = values.cast(pa.string())
    if not pc.any(pc.fill_null(pc.match_substring(values, "*"), False)).as_py():
        return values
    return by_distinct(values, lambda v: mark_mask(keys, v))


def is_token(text: str) -> bool:
    return bool(TOKEN.match(text))


def token_ok(keys: GrantKeys, text: str) -> bool:
    return tag_of(keys, text[:BODY_HEX]) == text[BODY_HEX:]


def is_masked(text: str) -> bool:
    return "*" in text
