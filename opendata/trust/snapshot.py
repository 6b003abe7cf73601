"""Snapshots: one private copy of a package, from check to signature to publish.

Reading a package twice — once to check or verify it, once to sign or publish it — lets a file
change in between (an edit, a rename, a symlink retargeted). A :class:`Snapshot` reads every file
the package refers to exactly once, from one open file descriptor, hashing the bytes as it copies
them into a private directory; everything after that (the check the reviewer is shown, the
signature, the release files) works on the copy and its hashes, never on the live paths again.

What a package refers to, and so what an approval covers (keys of ``approval.json``'s ``files``):

- ``datapackage.json``;
- every resource's ``path`` (each part of a resource in parts, and the Parquet parts it declares
  in ``opendata.parts``) and every schema given as a path, keyed by the reference as written
  (normalised): this includes hidden paths (``.data/x.csv``), paths through symlinked
  directories and shared schemas outside the package (``../../schemas/x.json``, or under
  ``OPENDATA_SCHEMAS_DIR``);
- every other file under the package directory (hidden files and ``approval.json`` aside), so a
  file added after approval is noticed.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import posixpath
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..package import DESCRIPTOR, Package, _inside, load, schema_reference

APPROVAL = "approval.json"
EXTERNAL = ".external"  # where a snapshot keeps its copies of schemas from outside the package
_BLOCK = 1 << 20


def _copy_hashed(source: Path, target: Path | None) -> str:
    """SHA-256 of ``source``'s bytes, read once from one descriptor and written to ``target``."""
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as handle:
            out = open(target, "xb") if target is not None else None
            try:
                for block in iter(lambda: handle.read(_BLOCK), b""):
                    digest.update(block)
                    if out is not None:
                        out.write(block)
            finally:
                if out is not None:
                    out.close()
    except FileNotFoundError:
        raise InputError("input.not_found", path=str(source)) from None
    except IsADirectoryError:
        raise InputError("input.not_found", path=str(source)) from None
    except OSError as exc:
        raise InputError("input.unreadable", path=str(source), reason=exc.strerror or str(exc)) from exc
    return digest.hexdigest()


def _references(descriptor_bytes: bytes, origin: Path) -> list[tuple[str, str, Path]]:
    """``(kind, reference, resolved path)`` of every file the descriptor points at.

    Malformed descriptors yield what can be read; :func:`load` then names the problem.
    """
    try:
        descriptor = json.loads(descriptor_bytes.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return []
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    out = []
    where = origin / DESCRIPTOR
    for i, raw in enumerate(resources if isinstance(resources, list) else []):
        if not isinstance(raw, dict):
            continue
        name = str(raw.get("name") or f"resource{i + 1}")
        paths = raw.get("path") if isinstance(raw.get("path"), list) else [raw.get("path")]
        # A resource in parts: every part, and the Parquet parts it declares (published as approved).
        declared = ((raw.get("opendata") or {}).get("parts") or {}) if isinstance(raw.get("opendata"), dict) else {}
        parquet = declared.get("parquet") if isinstance(declared, dict) else None
        paths += [p.get("path") for p in parquet if isinstance(p, dict)] if isinstance(parquet, list) else []
        for path in paths:
            if isinstance(path, str) and path:
                out.append(("data", path, _inside(origin, path, where, name)))
        if isinstance(raw.get("schema"), str) and raw["schema"]:
            out.append(("schema", raw["schema"], schema_reference(origin, raw["schema"], where, name)))
    return out


def _walk(origin: Path, into: Path | None) -> tuple[dict[str, str], dict[str, Path]]:
    """Hash (and with ``into``, copy) every covered file of ``origin``.

    Returns the hashes by key and, for schemas outside the package, the copies to read instead.
    """
    files: dict[str, str] = {}
    external: dict[str, Path] = {}
    descriptor_copy = into / DESCRIPTOR if into is not None else None
    source = origin / DESCRIPTOR
    if descriptor_copy is None:
        # Hashing only: still parse the very bytes hashed.
        try:
            raw = source.read_bytes()
        except OSError as exc:
            raise InputError("input.not_found", path=str(source)) from exc
        files[DESCRIPTOR] = hashlib.sha256(raw).hexdigest()
    else:
        files[DESCRIPTOR] = _copy_hashed(source, descriptor_copy)
        raw = descriptor_copy.read_bytes()  # our private copy: the bytes just hashed
    base = origin.resolve()
    for n, (kind, reference, path) in enumerate(_references(raw, origin)):
        key = posixpath.normpath(reference)
        if key in files:
            continue
        target = None
        if into is not None:
            if kind == "schema" and not path.is_relative_to(base):
                target = into / EXTERNAL / f"{n}.json"
                external[reference] = target
            else:
                target = into / key
            target.parent.mkdir(parents=True, exist_ok=True)
        files[key] = _copy_hashed(path, target)
    for path in sorted(p for p in origin.rglob("*") if p.is_file()):
        relative = path.relative_to(origin).as_posix()
        if relative == APPROVAL or relative in files or any(part.startswith(".") for part in Path(relative).parts):
            continue
        files[relative] = _copy_hashed(path, None)  # not read by the loader: hashed to notice additions
    return files, external


def covered_files(directory: Path) -> dict[str, str]:
    """SHA-256 of every file an approval of the package in ``directory`` covers (see the module)."""
    return _walk(Path(directory), None)[0]


@dataclass
class Snapshot:
    """A package as read once: its private copy, loaded, and the hashes of the bytes copied."""

    origin: Path
    directory: Path
    files: dict[str, str]
    package: Package

    def changed(self) -> list[str]:
        """Keys of the live package whose bytes now differ from the snapshot's (or that were
        added or removed since)."""
        now = covered_files(self.origin)
        return sorted(k for k in set(now) | set(self.files) if now.get(k) != self.files.get(k))


def take(origin: str | os.PathLike[str], into: str | os.PathLike[str]) -> Snapshot:
    """Copy the package in ``origin`` into the new directory ``into`` and load the copy."""
    origin, into = Path(origin), Path(into)
    if not (origin / DESCRIPTOR).is_file():
        raise InputError("input.not_found", path=str(origin / DESCRIPTOR))
    into.mkdir(parents=True, exist_ok=False, mode=0o700)
    files, external = _walk(origin, into)
    return Snapshot(origin, into, files, load(into, external=external))


@contextmanager
def snapshot(origin: str | os.PathLike[str], *, parent: str | os.PathLike[str] | None = None) -> Iterator[Snapshot]:
    """:func:`take` into a temporary directory (under ``parent``, default ``$OPENDATA_HOME/tmp``),
    removed afterwards."""
    from .keys import ensure_home

    where = Path(parent) if parent is not None else ensure_home() / "tmp"
    where.mkdir(parents=True, exist_ok=True, mode=0o700)
    _remove_stale(where)
    # Locked while in use (a snapshot whose lock is free was left by a killed process), and only
    # named like one once locked, so no cleaner can take it in between.
    making = Path(tempfile.mkdtemp(prefix=".making-", dir=where))
    lock = os.open(making / LOCK, os.O_WRONLY | os.O_CREAT, 0o600)
    fcntl.flock(lock, fcntl.LOCK_EX)
    scratch = where / making.name.replace(".making-", "snapshot-", 1)
    os.rename(making, scratch)
    try:
        yield take(origin, scratch / "package")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        os.close(lock)


LOCK = ".lock"


def _remove_stale(where: Path) -> None:
    """Remove snapshots left by killed processes (their lock is free); skip those in use."""
    for stale in where.glob("snapshot-*"):
        try:
            fd = os.open(stale / LOCK, os.O_WRONLY)
        except OSError:  # not yet locked by its maker, or already gone: leave it
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue
        shutil.rmtree(stale, ignore_errors=True)
        os.close(fd)
