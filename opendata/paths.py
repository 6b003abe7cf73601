"""Where opendata finds its shipped files: ``schemas/`` and ``catalog/``.

Their one source is the repository's top-level ``schemas/`` and ``catalog/``. An installed wheel
carries them as package data, ``opendata/_data/schemas`` and ``opendata/_data/catalog`` (copied
there by ``setup.py``'s build step, never committed twice), read through
:mod:`importlib.resources`; a checkout (or an editable install) reads the top-level directories.
``OPENDATA_SCHEMAS_DIR`` and ``OPENDATA_CATALOG_DIR`` replace them wholesale; a department adds to
them through its workspace (:mod:`opendata.workspace`) instead.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def shipped(name: str) -> Path:
    """The shipped directory ``name`` (``schemas`` or ``catalog``): the installed package's data,
    else the checkout's top-level directory."""
    data = Path(str(resources.files("opendata").joinpath("_data", name)))
    return data if data.is_dir() else _ROOT / name


def schemas_dir() -> Path:
    """Shared Table Schemas and the classification policy."""
    return Path(os.environ.get("OPENDATA_SCHEMAS_DIR") or shipped("schemas"))


def catalog_dir() -> Path:
    """Catalogue configuration: taxonomies, organizations, the CKAN dataset schema."""
    return Path(os.environ.get("OPENDATA_CATALOG_DIR") or shipped("catalog"))


def shared_schema_dirs() -> list[Path]:
    """Where a descriptor's shared Table Schemas may live: the workspace's ``schemas/`` first,
    then the shipped ones."""
    from . import workspace

    ws = workspace.find()
    own = [ws.schemas_dir] if ws is not None and ws.schemas_dir.is_dir() else []
    return own + [schemas_dir()]



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
