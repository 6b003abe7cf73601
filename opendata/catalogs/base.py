"""The catalogue protocol every backend implements.

Backends receive a :class:`~opendata.release.Release` that :func:`opendata.publish` has checked and
exported; they are not meant to be called with anything else, which is why their method is
``store`` and not ``publish``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..release import Release


@dataclass(frozen=True)
class PublishResult:
    """What a catalogue did with a release: ``published`` or ``unchanged``, and where it is."""

    name: str
    status: str
    url: str
    release_id: str


@runtime_checkable
class Catalog(Protocol):
    """A place datasets are published to."""

    label: str

    def staging_dir(self) -> Path:
        """A directory on the same file system as the catalogue, for exports before they go in."""

    def store(self, release: Release, package_dict: dict[str, Any]) -> PublishResult:
        """Put a checked, exported release into the catalogue (atomically)."""

    def datasets(self) -> list[dict[str, Any]]:
        """The CKAN package dicts of every published dataset."""

    def retract(self, name: str, *, reason: str) -> None:
        """Withdraw a published dataset; its approval can no longer be used to publish."""

    def is_retracted(self, name: str, approval_id: str) -> bool:
        """Whether a release of ``name`` approved by ``approval_id`` was retracted."""
