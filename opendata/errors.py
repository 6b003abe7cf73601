"""The one exception tree of opendata.

Every error carries a message key from :mod:`opendata.messages` and its parameters, so the same
error renders in Chinese (default) or English, and tests can assert on the stable ``code``.

    OpendataError
    ├── InputError          unreadable file, bad encoding, unsupported format      (CLI exit 2)
    │   └── DescriptorError bad datapackage.json / Table Schema                      (CLI exit 2)
    ├── ValidationFailed    the data breaks its schema; carries the report           (CLI exit 1)
    ├── PolicyError         blocked by grading/openness policy                       (CLI exit 1)
    ├── KeyMaterialError    key material missing or unusable                         (CLI exit 2)
    └── CatalogError        a catalogue refused or failed an operation               (CLI exit 1)
"""

from __future__ import annotations

from typing import Any

from . import messages


class OpendataError(Exception):
    """Root of every error opendata raises on purpose."""

    exit_code = 2

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(messages.t(key, lang="en", **params))

    @property
    def code(self) -> str:
        """Stable machine code of the error (the message key)."""
        return self.key

    def render(self, lang: str | None = None) -> str:
        """The message in the requested language (default: the configured one)."""
        return messages.t(self.key, lang=lang, **self.params)


class InputError(OpendataError):
    """A file could not be read: missing, unreadable, wrong encoding or format."""


class DescriptorError(InputError):
    """A datapackage.json or Table Schema is malformed or uses something unknown."""


class ValidationFailed(OpendataError):
    """Data does not conform to its schema; ``report`` holds every problem found."""

    exit_code = 1

    def __init__(self, key: str, /, report: Any = None, **params: Any) -> None:
        super().__init__(key, **params)
        self.report = report


class PolicyError(OpendataError):
    """The grading/openness policy forbids the requested action."""

    exit_code = 1


class KeyMaterialError(OpendataError):
    """Key material is missing, unreadable or has unsafe permissions."""


class CatalogError(OpendataError):
    """A catalogue backend failed or refused an operation."""

    exit_code = 1
