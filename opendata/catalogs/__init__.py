"""Catalogue backends behind one protocol."""

from .base import Catalog, PublishResult
from .local import LocalCatalog

__all__ = ["Catalog", "PublishResult", "LocalCatalog"]
