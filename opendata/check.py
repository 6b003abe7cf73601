"""The check: one report, one verdict (publishable or blocked, and why).

Today the verdict rests on validation; scanning for personal information and grading under a
policy add their findings to the same report, so every caller (CLI, publish, approval) asks one
object whether a dataset may go out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from . import messages
from .package import Package
from .validate import DEFAULT_LIMIT, ValidationReport, validate


@dataclass
class CheckReport:
    """Everything known about a dataset before publication."""

    name: str
    title: str
    validation: ValidationReport
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """The data conforms to its schemas."""
        return self.validation.valid

    @property
    def publishable(self) -> bool:
        """Nothing stands in the way of publication."""
        return self.valid

    @property
    def problem_count(self) -> int:
        return self.validation.error_count

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """A JSON-ready report with stable keys; messages in ``lang``."""
        return {
            "name": self.name,
            "title": self.title,
            "publishable": self.publishable,
            "valid": self.valid,
            "problemCount": self.problem_count,
            "notes": self.notes,
            "validation": self.validation.to_dict(lang),
        }

    def to_json(self, lang: str | None = None) -> str:
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2)

    def to_text(self, lang: str | None = None) -> str:
        """The report as a person reads it: per resource, each problem with its fix."""
        t = lambda key, **kw: messages.t(key, lang=lang, **kw)  # noqa: E731
        lines = [t("report.title", name=f"{self.title} ({self.name})")]
        for res in self.validation.resources:
            lines.append("")
            lines.append(t("report.resource", name=res.name, path=res.path,
                           encoding=res.encoding or "-", rows=res.rows))
            if res.schema_inferred:
                lines.append(t("report.inferred"))
            if res.valid:
                lines.append(t("report.resource_ok"))
                continue
            summary = ", ".join(f"{kind} × {n}" for kind, n in sorted(res.counts.items()))
            lines.append(t("report.resource_errors", count=res.error_count, summary=summary))
            for error in res.errors:
                lines.append(f"  - [{error.type}] {error.message(lang)}")
                lines.append(f"      {t('report.fix')}: {error.hint(lang)}")
            if res.truncated:
                lines.append(t("report.truncated", shown=len(res.errors), count=res.error_count))
        lines.append("")
        if self.publishable:
            lines.append(t("report.verdict_ok"))
        else:
            lines.append(t("report.verdict_blocked", count=self.problem_count))
        return "\n".join(lines)


def check(package: Package, *, limit: int = DEFAULT_LIMIT) -> CheckReport:
    """Check ``package``: validate every resource and decide whether it may be published."""
    return CheckReport(name=package.name, title=package.title,
                       validation=validate(package, limit=limit), notes=package.notes)
