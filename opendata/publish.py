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
from .errors import PolicyError, ValidationFailed
from .release import export
from .package import Package
from .policy import Policy


def publish(package: Package, catalog: Catalog, *, report: CheckReport | None = None,
            policy: Policy | None = None, modified: str | None = None) -> PublishResult:
    """Check ``package`` and, if it is publishable, publish it to ``catalog``.

    The check decides how: 无条件开放 datasets go out whole; 受限开放 ones as a catalogue entry with
    metadata and data dictionary but no data; 禁止开放 ones are refused (:class:`PolicyError`).
    Raises :class:`ValidationFailed` (with the report) when the check blocks publication; nothing
    reaches the catalogue then. ``report`` lets a caller that has just checked skip a second pass.
    """
    report = report or check(package, policy=policy)
    if report.openness == "prohibited":
        raise PolicyError("publish.prohibited", name=package.name, grade=report.grade)
    if not report.publishable:
        raise ValidationFailed("publish.blocked", report=report, name=package.name,
                               count=report.problem_count)
    with_data = report.openness == "unconditional"
    staging = catalog.staging_dir()
    try:
        release = export(package, staging / "release", with_data=with_data)
        package_dict: dict[str, Any] = ckan_package(package, release, modified=modified, report=report)
        return catalog.store(release, package_dict)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
