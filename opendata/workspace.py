"""A department's workspace: its ``opendata.toml``, its own organisations, taxonomy extensions and
shared schemas, and its ``datasets/`` folder.

    my-bureau/
      opendata.toml            department identity (publisher), default licence and contact,
                               update frequency, catalogues, policy overrides, where keys live
      organizations.json       the department's own organisations (extend the shipped list)
      taxonomies/              subjects.json, frequencies.json … entries added to the shipped ones
      schemas/                 the department's shared Table Schemas (beside the shipped ones)
      datasets/                one folder per dataset (``opendata describe … --out datasets/x``)

:func:`find` is the one way to locate it — every command uses it, and so should any code that
keeps files in the workspace (applications, grants …)::

    from opendata import workspace
    ws = workspace.find()          # None outside a workspace
    ws = workspace.require()       # the same, or an InputError saying to run `opendata init`
    ws.root, ws.datasets_dir, ws.publisher, ws.path("grants")

The workspace is ``$OPENDATA_CONFIG``'s directory if that is set, else the nearest directory from
the working directory upward that holds an ``opendata.toml``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config
from .errors import InputError

#: Where a workspace keeps each kind of file, relative to its root.
ORGANIZATIONS = "organizations.json"
TAXONOMIES = "taxonomies"
SCHEMAS = "schemas"
DATASETS = "datasets"


@dataclass(frozen=True)
class Workspace:
    """A located workspace: its root, its parsed ``opendata.toml`` and where its parts live."""

    root: Path
    config_path: Path
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def datasets_dir(self) -> Path:
        return self.root / DATASETS

    @property
    def schemas_dir(self) -> Path:
        """The department's own shared Table Schemas (looked up before the shipped ones)."""
        return self.root / SCHEMAS

    @property
    def taxonomies_dir(self) -> Path:
        return self.root / TAXONOMIES

    @property
    def organizations_path(self) -> Path:
        return self.root / ORGANIZATIONS

    @property
    def publisher(self) -> dict[str, Any]:
        """``[publisher]``: ``id`` (the organisation's name in the catalogue), ``zh``/``en`` labels."""
        return dict(self.settings.get("publisher") or {})

    @property
    def defaults(self) -> dict[str, Any]:
        """``[defaults]``: ``license``, ``frequency``, ``subject``, ``spatial``, and ``[defaults.contact]``."""
        return dict(self.settings.get("defaults") or {})

    def path(self, *parts: str) -> Path:
        """A path inside the workspace (for code that keeps its own files here)."""
        return self.root.joinpath(*parts)


def find() -> Workspace | None:
    """The workspace the current process works in, or ``None`` when there is none."""
    path = config.config_path()
    if not path.is_file():
        return None
    path = path.resolve()
    return Workspace(path.parent, path, config.load())


def require() -> Workspace:
    """:func:`find`, or an :class:`InputError` telling the officer to create one."""
    found = find()
    if found is None:
        raise InputError("workspace.none", cwd=str(Path.cwd()))
    return found


def _toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def init(directory: str | Path, *, publisher_id: str, publisher_name: str, contact_name: str,
         contact_email: str, license: str = "CC-BY-4.0", frequency: str = "yearly",
         publisher_name_en: str | None = None) -> Workspace:
    """Create a workspace in ``directory`` (new or empty of an ``opendata.toml``); returns it.

    Raises :class:`InputError` if ``directory`` already holds a workspace (never overwritten) or
    the publisher id is not a catalogue name (lower-case ASCII, digits, ``-`` and ``_``).
    """
    import re

    root = Path(directory)
    if (root / config.CONFIG_NAME).exists():
        raise InputError("workspace.exists", path=str(root / config.CONFIG_NAME))
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{1,99}", publisher_id):
        raise InputError("workspace.bad_publisher", value=publisher_id)
    from . import taxonomy

    if taxonomy.get("frequencies", frequency) is None:
        raise InputError("workspace.bad_frequency", value=frequency,
                         allowed=", ".join(sorted(taxonomy.items("frequencies"))))
    for part in (DATASETS, TAXONOMIES, SCHEMAS):
        (root / part).mkdir(parents=True, exist_ok=True)
    organization = {"id": publisher_id, "zh": publisher_name, "en": publisher_name_en or publisher_name}
    (root / ORGANIZATIONS).write_text(json.dumps({
        "description": "This department's own organisations; added to the shipped list (an entry with the same id "
                       "replaces the shipped one).",
        "items": [organization]}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (root / TAXONOMIES / "subjects.json").write_text(json.dumps({
        "description": "Subjects this department adds to the shipped list (same form as catalog/subjects.json).",
        "items": []}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    s = _toml_string
    (root / config.CONFIG_NAME).write_text(f"""# opendata workspace of {publisher_name}. Every opendata command run in this directory (or below it)
# uses these settings; OPENDATA_CONFIG=/path/to/opendata.toml points to it from elsewhere.

[publisher]
id = {s(publisher_id)}          # the organisation's name in the catalogue
zh = {s(publisher_name)}
en = {s(publisher_name_en or publisher_name)}

[defaults]                        # what `opendata describe` writes into a new dataset
license = {s(license)}
frequency = {s(frequency)}

[defaults.contact]
name = {s(contact_name)}
email = {s(contact_email)}

[keys]
home = ".opendata-home"           # data keys, signing keys and the audit log (never commit it)

[catalogs.site]                   # `--catalog site` publishes into this local portal
path = "site"

# [catalogs.portal]               # a CKAN; its API key comes from OPENDATA_CKAN_API_KEY
# url = "https://data.example.gov.cn"

# [policy]                        # a policy of your own instead of the shipped default
# file = "policy.yaml"
""", encoding="utf-8")
    # delivery/: applications and grants (受限开放), applicants' personal data among them
    (root / ".gitignore").write_text(".opendata-home/\nsite/\nbuild/\ndelivery/\n", encoding="utf-8")
    config._read.cache_clear()
    found = Workspace(root.resolve(), (root / config.CONFIG_NAME).resolve(),
                      config._read(str((root / config.CONFIG_NAME).resolve()), (root / config.CONFIG_NAME).stat().st_mtime))
    return found
