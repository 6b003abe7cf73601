"""Where opendata finds the project's shared files: ``schemas/`` and ``catalog/``.

Each can be moved with an environment variable (``OPENDATA_SCHEMAS_DIR``,
``OPENDATA_CATALOG_DIR``), so a department can keep its own copies; the default is the directory
beside the package in this repository.
"""

from __future__ import annotations

import os
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def schemas_dir() -> Path:
    """Shared Table Schemas and the classification policy."""
    return Path(os.environ.get("OPENDATA_SCHEMAS_DIR") or _ROOT / "schemas")


def catalog_dir() -> Path:
    """Catalogue configuration: taxonomies, organizations, the CKAN dataset schema."""
    return Path(os.environ.get("OPENDATA_CATALOG_DIR") or _ROOT / "catalog")
