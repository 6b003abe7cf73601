"""Publishing is never anonymous or silent.

A dataset goes out only with a title, a licence, a publisher and a contact the public can reach
(:func:`require_metadata`), and never takes the place of a dataset of the same name that another
publisher put in the catalogue unless the officer says so (:func:`require_own_name`).
"""

from __future__ import annotations

from typing import Any

from ..catalogs.base import Catalog
from ..catalogs.metadata import extra
from ..errors import CatalogError, PolicyError
from ..package import Package

#: the properties a published dataset must have, as they are named in datapackage.json
REQUIRED = ("title", "licenses", "opendata.publisher", "opendata.contact")
#: ways to reach a contact: at least one is needed besides a name
CONTACT_CHANNELS = ("email", "phone", "url")


def missing_metadata(descriptor: dict[str, Any]) -> list[str]:
    """The :data:`REQUIRED` properties ``descriptor`` lacks (or has empty), in that order."""
    props = descriptor.get("opendata") if isinstance(descriptor.get("opendata"), dict) else {}
    missing = []
    if not str(descriptor.get("title") or "").strip():
        missing.append("title")
    licenses = descriptor.get("licenses")
    if not isinstance(licenses, list) or not any(isinstance(x, dict) and (x.get("name") or x.get("path"))
                                                 for x in licenses):
        missing.append("licenses")
    if not str(props.get("publisher") or "").strip():
        missing.append("opendata.publisher")
    contact = props.get("contact")
    if not isinstance(contact, dict) or not str(contact.get("name") or "").strip() \
            or not any(str(contact.get(c) or "").strip() for c in CONTACT_CHANNELS):
        missing.append("opendata.contact")
    return missing


def require_metadata(package: Package) -> None:
    """Raise :class:`PolicyError` naming every required property ``package`` lacks."""
    missing = missing_metadata(package.descriptor)
    if missing:
        from .. import messages

        raise PolicyError("publish.missing_metadata", name=package.name,
                          missing=tuple(messages.Ref(f"publish.property.{p}") for p in missing))


def require_own_name(catalog: Catalog, package: Package, *, replace: bool = False) -> None:
    """Refuse to publish over a dataset of the same name from another publisher, unless ``replace``."""
    if replace:
        return
    try:
        existing = catalog.get(package.name)  # type: ignore[attr-defined]
    except CatalogError as exc:
        if exc.code == "catalog.unknown_dataset":
            return  # not there: a new dataset
        raise  # cannot tell (unreachable, refused): never assume the name is free
    theirs = extra(existing, "opendata_publisher") or "-"
    ours = package.opendata.get("publisher") or "-"
    if theirs != ours:
        raise PolicyError("publish.name_taken", name=package.name, publisher=theirs, ours=ours)
