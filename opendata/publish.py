"""Publishing: the one gate between a package and a catalogue.

:func:`publish` checks the package, refuses it when the check blocks it, exports the release files
and hands them to the catalogue. Catalogue backends are never given a package directly.
"""

from __future__ import annotations

import shutil
from typing import Any

from .catalogs.base import Catalog, PublishResult
from .catalogs.metadata import ckan_package
from .check import CheckReport, check
from .errors import ValidationFailed
from .release import export
from .package import Package


def publish(package: Package, catalog: Catalog, *, report: CheckReport | None = None,
            modified: str | None = None) -> PublishResult:
    """Check ``package`` and, if it is publishable, publish it to ``catalog``.

    Raises :class:`ValidationFailed` (with the report) when the check blocks publication; nothing
    reaches the catalogue then. ``report`` lets a caller that has just checked skip a second pass.
    """
    report = report or check(package)
    if not report.publishable:
        raise ValidationFailed("publish.blocked", report=report, name=package.name,
                               count=report.problem_count)
    staging = catalog.staging_dir()
    try:
        release = export(package, staging / "release")
        package_dict: dict[str, Any] = ckan_package(package, release, modified=modified)
        return catalog.store(release, package_dict)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
