"""Redaction operators, one per file, in a registry keyed by name."""

from . import encrypt, fpe, generalize, mask, pseudonymize, suppress  # noqa: F401  (registration)
from .base import OPERATORS, Operator, register

__all__ = ["OPERATORS", "Operator", "register"]
