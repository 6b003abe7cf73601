"""opendata: check, grade, redact, approve and publish public data safely.

    import opendata as od

    pkg = od.load("examples/hospitals")
    report = od.check(pkg)              # report.publishable, report.to_text(), report.to_json()
    out, _ = od.redact(pkg, "build/hospitals")  # treat PI; writes the canonical published form
    od.approve(out, od.check(out), reviewer="张审核")  # signs approval.json (needs keys init)
    od.publish(out, od.LocalCatalog("site"))
"""

from .catalogs import Catalog, LocalCatalog, PublishResult
from .check import CheckReport, check
from .errors import (CatalogError, DescriptorError, InputError, KeyMaterialError, OpendataError,
                     PolicyError, ValidationFailed)
from .release import Release, export
from .package import Package, Resource, from_pandas, load
from .trust.approval import Approval, ApprovalError, approve
from .trust.gate import publish, retract
from .trust.snapshot import Snapshot, snapshot
from .redact import redact
from .trust import audit, keys
from .validate import ValidationReport, validate, validate_table

__version__ = "0.1.0"

__all__ = [
    "load", "from_pandas", "Package", "Resource",
    "check", "CheckReport", "validate", "validate_table", "ValidationReport",
    "export", "Release", "publish", "retract", "redact", "approve", "Approval", "ApprovalError",
    "snapshot", "Snapshot",
    "Catalog", "LocalCatalog", "PublishResult",
    "OpendataError", "InputError", "DescriptorError", "ValidationFailed", "PolicyError",
    "KeyMaterialError", "CatalogError", "audit", "keys",
]
