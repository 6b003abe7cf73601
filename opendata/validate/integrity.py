"""A resource's declared ``bytes``, ``hash`` and ``rows`` checked against its file (Frictionless's
``byte-count``, ``hash-count`` and ``row-count`` errors); the file is read once more, in blocks,
only when bytes or a hash are declared."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..errors import DescriptorError
from .report import ValidationError

ALGORITHMS = ("md5", "sha1", "sha256", "sha512")
_BLOCK = 1 << 20


def declared_hash(value: Any, path: str, resource: str) -> tuple[str, str]:
    """``"sha256:ab…"`` → ("sha256", "ab…"); a bare digest is MD5 (Data Package v1)."""
    text = str(value)
    algorithm, _, digest = text.rpartition(":")
    algorithm = (algorithm or "md5").lower()
    if algorithm not in ALGORITHMS:
        raise DescriptorError("descriptor.unsupported_property", path=path, resource=resource,
                              property="hash", value=text)
    return algorithm, digest.lower()


def integrity_errors(descriptor: dict[str, Any], data_path: Path, *, where: str) -> list[ValidationError]:
    """The ``byte-count`` / ``hash-count`` errors of the file at ``data_path``."""
    declared_bytes = descriptor.get("bytes")
    hash_value = descriptor.get("hash")
    if declared_bytes is None and hash_value is None:
        return []
    name = str(descriptor.get("name", ""))
    algorithm, expected = declared_hash(hash_value, where, name) if hash_value is not None else ("", "")
    hasher = hashlib.new(algorithm) if algorithm else None
    size = 0
    with open(data_path, "rb") as handle:
        while block := handle.read(_BLOCK):
            size += len(block)
            if hasher is not None:
                hasher.update(block)
    errors = []
    if hasher is not None and hasher.hexdigest() != expected:
        errors.append(ValidationError("hash-count", params={
            "algorithm": algorithm, "expected": expected, "actual": hasher.hexdigest()}))
    if declared_bytes is not None and str(size) != str(declared_bytes):
        errors.append(ValidationError("byte-count", params={"expected": declared_bytes, "actual": size}))
    return errors


def row_count_errors(descriptor: dict[str, Any], rows: int) -> list[ValidationError]:
    """The ``row-count`` error when a declared ``rows`` differs from the data rows read."""
    declared = descriptor.get("rows")
    if declared is None or str(declared) == str(rows):
        return []
    return [ValidationError("row-count", params={"expected": declared, "actual": rows})]


def file_errors(descriptor: dict[str, Any], data_path: Path, parts: list[Path], *, where: str) -> list[ValidationError]:
    """The ``byte-count`` / ``hash-count`` errors of a resource's files: its one file against
    ``bytes``/``hash``; a resource in parts, each part against the SHA-256 and size its
    ``opendata.parts.csv`` records (as ``redact --engine spark`` writes them)."""
    if not parts:
        return integrity_errors(descriptor, data_path, where=where) if data_path.is_file() else []
    declared = ((descriptor.get("opendata") or {}).get("parts") or {}).get("csv")
    if not isinstance(declared, list) or len(declared) != len(parts):
        return []
    errors = []
    for part, entry in zip(parts, declared):
        if isinstance(entry, dict) and isinstance(entry.get("sha256"), str):
            facts = {"name": descriptor.get("name", ""), "hash": f"sha256:{entry['sha256']}", "bytes": entry.get("bytes")}
            errors += integrity_errors(facts, part, where=where)
    return errors
