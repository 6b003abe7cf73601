"""Where opendata finds the project's shared files: ``schemas/`` and ``catalog/``.

Each can be moved with an environment variable (``OPENDATA_SCHEMAS_DIR``,
``OPENDATA_CATALOG_DIR``), so a department can keep its own copies; the default is the directory
beside the package in this repository.
"""

from __future__ import annotations

import os
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def schemas_dir() -> Path:
    """Shared Table Schemas and the classification policy."""
    return Path(os.environ.get("OPENDATA_SCHEMAS_DIR") or _ROOT / "schemas")


def catalog_dir() -> Path:
    """Catalogue configuration: taxonomies, organizations, the CKAN dataset schema."""
    return Path(os.environ.get("OPENDATA_CATALOG_DIR") or _ROOT / "catalog")



def require_writable(path: Path) -> None:
    """Refuse early, naming ``path``, when a file opendata must append to (an audit log) cannot be
    written: it is a directory, or it (or the nearest directory that exists above it) refuses a
    write. A real probe, not ``os.access``: a read-only mount refuses even root. Called before any
    output is written, so an operator fault (a read-only catalogue, an unwritable
    ``OPENDATA_HOME``) leaves nothing behind without its record."""
    import tempfile

    from .errors import InputError

    path = Path(path)
    target = path
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        if path.exists():
            with open(path, "a", encoding="utf-8"):
                pass
            return
        target = path.parent
        while not target.exists() and target != target.parent:
            target = target.parent
        with tempfile.TemporaryFile(dir=target):
            pass
    except OSError as exc:
        raise InputError("hostile.not_writable", path=str(target),
                         reason=exc.strerror or type(exc).__name__) from None
