"""Layered configuration: defaults < ``opendata.toml`` < environment variables < explicit arguments.

``opendata.toml`` is read from ``$OPENDATA_CONFIG``, else the nearest one in the working directory
or a directory above it (a department's workspace, :mod:`opendata.workspace`). Secrets never live
here: keys come from key files or the environment.

    [policy]
    file = "policies/our-department.yaml"
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import DescriptorError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


CONFIG_NAME = "opendata.toml"


def config_path() -> Path:
    """``$OPENDATA_CONFIG``, else the first ``opendata.toml`` from the working directory upward,
    else ``opendata.toml`` in the working directory (which need not exist)."""
    if os.environ.get("OPENDATA_CONFIG"):
        return Path(os.environ["OPENDATA_CONFIG"])
    here = Path.cwd()
    for directory in (here, *here.parents):
        candidate = directory / CONFIG_NAME
        if candidate.is_file():
            _require_trusted(candidate)
            return candidate
    return Path(CONFIG_NAME)


def _require_trusted(path: Path) -> None:
    """A workspace found by searching must be the user's own: an ``opendata.toml`` that another
    user owns, or that anyone may write, could send keys, policy and catalogues elsewhere (one left
    in /tmp would steer every command run below it). Naming it in ``OPENDATA_CONFIG`` trusts it."""
    from .errors import InputError

    info = path.stat()
    if info.st_uid not in (os.geteuid(), 0) or info.st_mode & 0o002:
        raise InputError("workspace.untrusted", path=str(path))


@lru_cache(maxsize=8)
def _read(path: str, mtime: float) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise DescriptorError("descriptor.invalid", path=path, where="/", reason=str(exc)) from exc


def load() -> dict[str, Any]:
    """The configuration as a dict (empty without a config file)."""
    path = config_path()
    if not path.is_file():
        return {}
    return _read(str(path.resolve()), path.stat().st_mtime)


def get(section: str, key: str, default: Any = None) -> Any:
    """One setting; relative paths in the file are relative to the file."""
    value = load().get(section, {}).get(key, default)
    return value


def resolve_path(value: str) -> Path:
    """A path from the config file, relative to the file's directory."""
    path = Path(value)
    return path if path.is_absolute() else config_path().resolve().parent / path
