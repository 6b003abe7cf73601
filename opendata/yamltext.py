"""YAML parsed with libyaml's C loader when PyYAML has it (ten times faster on the policy file,
which every command reads), else the pure-Python one: the same safe subset either way."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """:func:`yaml.safe_load` with the fastest safe loader available."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a SafeLoader
