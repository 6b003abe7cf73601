"""opendata: check, grade, redact, approve and publish public data safely.

    import opendata as od

    pkg = od.load("examples/hospitals")
    report = od.check(pkg)              # report.publishable, report.to_text(), report.to_json()
    out, _ = od.redact(pkg, "build/hospitals")  # treat PI; writes the canonical published form
    od.approve(out, od.check(out), reviewer="张审核")  # signs approval.json (needs keys init)
    od.publish(out, od.LocalCatalog("site"))

The names below are imported on first use (PEP 562), so ``import opendata`` and ``opendata --help``
do not pay for pandas and pyarrow until a dataset is actually read.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__version__ = "0.1.0"

#: public name -> the module that defines it
_EXPORTS = {
    "load": ".package", "from_pandas": ".package", "Package": ".package", "Resource": ".package",
    "check": ".check", "CheckReport": ".check",
    "validate": ".validate", "validate_table": ".validate", "ValidationReport": ".validate",
    "export": ".release", "Release": ".release",
    "publish": ".trust.gate", "retract": ".trust.gate",
    "redact": ".redact",
    "approve": ".trust.approval", "Approval": ".trust.approval", "ApprovalError": ".trust.approval",
    "snapshot": ".trust.snapshot", "Snapshot": ".trust.snapshot",
    "Catalog": ".catalogs", "LocalCatalog": ".catalogs", "PublishResult": ".catalogs",
    "OpendataError": ".errors", "InputError": ".errors", "DescriptorError": ".errors",
    "ValidationFailed": ".errors", "PolicyError": ".errors", "KeyMaterialError": ".errors",
    "CatalogError": ".errors",
    "audit": ".trust.audit", "keys": ".trust.keys",
    "describe": ".describe", "workspace": ".workspace",
}

#: exported names that are modules themselves (the others are defined in their module)
_MODULES = {"audit", "keys", "workspace"}
#: functions named like the module that defines them (``opendata.check`` is the function)
_SHADOWED = {name for name, module in _EXPORTS.items() if module.rsplit(".", 1)[-1] == name} - _MODULES

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'opendata' has no attribute {name!r}")
    loaded = importlib.import_module(module, __name__)
    value = loaded if name in _MODULES else getattr(loaded, name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """Importing ``opendata.check`` (the module) must not hide ``opendata.check`` (the function):
    the import system binds a submodule on its package, which an eager ``from .check import check``
    used to overwrite; lazily, the binding is declined and :func:`__getattr__` answers instead."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
