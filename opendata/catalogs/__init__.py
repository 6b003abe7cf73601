"""Catalogue backends behind one protocol, and how a catalogue is named on the command line."""

from __future__ import annotations

import os
import re

from ..errors import CatalogError
from .base import Catalog, PublishResult
from .local import LocalCatalog

__all__ = ["Catalog", "PublishResult", "LocalCatalog", "CkanCatalog", "open_catalog"]


def __getattr__(name: str):
    if name == "CkanCatalog":  # ckanapi is imported only when a CKAN is used
        from .ckan import CkanCatalog

        return CkanCatalog
    raise AttributeError(name)


def open_catalog(spec: str, *, must_exist: bool = False) -> Catalog:
    """A catalogue from its name on the command line.

    ``https://…`` or ``http://…`` is a CKAN (API key from ``OPENDATA_CKAN_API_KEY``); a name defined
    in ``opendata.toml`` (``[catalogs.NAME]`` with ``url`` or ``path``) is that catalogue; anything
    else is the directory of a local catalogue; with ``must_exist`` (reading verbs) it must already
    be one, so that a mistyped path is an error rather than an empty catalogue.
    """
    from .. import config

    named = (config.load().get("catalogs") or {}).get(spec)
    if named:
        if named.get("url"):
            spec = named["url"]
        else:
            return _local(config.resolve_path(named["path"]), must_exist, named.get("base_url"), named.get("publisher"))
    if re.match(r"^https?://", spec):
        from .ckan import CkanCatalog

        key = os.environ.get("OPENDATA_CKAN_API_KEY")
        if not key:
            raise CatalogError("ckan.no_api_key", url=spec)
        return CkanCatalog(spec, key)
    return _local(spec, must_exist)


def _local(path, must_exist: bool, base_url: str | None = None, publisher: str | None = None) -> LocalCatalog:
    from pathlib import Path

    from ..errors import InputError
    from .local import MARKER

    if must_exist and not (Path(path) / MARKER).is_file():
        raise InputError("catalog.missing", path=str(path))
    return LocalCatalog(path, base_url=base_url, publisher=publisher)
