"""Personal-information detectors, one per type, in a registry keyed by the public type name."""

from . import bank_card, documents, email, geo, mrz, person, phones, regional, resident_id, uscc  # noqa: F401  (registration)
from .base import REGISTRY, Detector, register

TYPES = tuple(REGISTRY)

__all__ = ["REGISTRY", "TYPES", "Detector", "register"]
