"""Where the department keeps applications and grants (受限开放), and how they are written.

One function says where: :func:`home` — ``delivery/`` in the department's workspace
(``opendata init``; :func:`opendata.workspace.find`), else ``$OPENDATA_HOME/delivery`` beside the
keys. The workspace's ``.gitignore`` leaves it out: it holds applicants' personal data.

    <home>/applications/<id>.json    the application as received: applicant's contact and identity
                                     (personal data: private, mode 0600, never in a public file)
    <home>/grants/<id>.json          the signed grant (or refusal) of each application
    <home>/tmp/                      plaintext extracts while they are encrypted (removed after)

Every file is written whole and renamed into place (0600 in a 0700 directory).
"""

from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..trust import keys

_ID = re.compile(r"^(app|grant)-[0-9a-f]{16}$")


def home() -> Path:
    """The directory of applications and grants (see the module); created 0700."""
    from .. import workspace

    found = workspace.find()
    path = found.path("delivery") if found is not None else keys.ensure_home() / "delivery"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def new_id(kind: str) -> str:
    """A new random id, ``app-…`` or ``grant-…`` (no personal data in it)."""
    return f"{kind}-{secrets.token_hex(8)}"


def write_private(path: Path, data: dict[str, Any]) -> None:
    """``data`` as JSON at ``path``, mode 0600, replaced atomically."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def read_json(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A JSON object from ``path``; an input error naming the file otherwise."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("input.not_found", path=str(path)) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError("delivery.unreadable", path=str(path)) from exc
    if not isinstance(data, dict):
        raise InputError("delivery.unreadable", path=str(path))
    return data


def _path(kind: str, ident: str) -> Path:
    if not isinstance(ident, str) or not _ID.match(ident):  # an id is never a path
        raise InputError("delivery.bad_id", id=str(ident)[:40])
    folder = "applications" if kind == "app" else "grants"
    return home() / folder / f"{ident}.json"


def save(kind: str, ident: str, data: dict[str, Any]) -> Path:
    path = _path(kind, ident)
    write_private(path, data)
    return path


def load(kind: str, ident: str) -> dict[str, Any] | None:
    """The stored record, or ``None`` if this department has none with that id."""
    path = _path(kind, ident)
    return read_json(path) if path.is_file() else None


#: plaintext a killed delivery left behind is removed by the next one after this long
STALE_SECONDS = 6 * 3600


def scratch() -> Path:
    """A private directory for plaintext while it is encrypted (remove it when done); what a
    killed delivery left there long ago is removed first."""
    import shutil
    import tempfile
    import time

    where = home() / "tmp"
    where.mkdir(mode=0o700, exist_ok=True)
    for stale in where.glob("extract-*"):
        try:
            if time.time() - stale.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(stale, ignore_errors=True)
        except OSError:
            continue
    return Path(tempfile.mkdtemp(prefix="extract-", dir=where))
