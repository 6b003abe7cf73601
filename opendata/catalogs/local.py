"""LocalCatalog: the embedded catalogue, a static portal directory any web server can serve.

Layout of the catalogue directory::

    .opendata-catalog                marker: this directory is ours to write
    index.html, search-index.js,     the portal: its search index (derived from the live releases),
    assets/style.css, portal.js      stylesheet and script (no external CDN)
    catalog.jsonld, catalog.ttl      DCAT-AP 3.0.1 catalogue (dcat.py); catalog.json: every CKAN package dict
    audit.jsonl                      hash-chained log of every publish and retraction
    datasets/<name>  ->  ../releases/<name>/<release-id>     (symlink)
    releases/<name>/<release-id>/    index.html, package.json, datapackage.json,
                                     dictionary.csv|json, data/<resource>.csv|parquet

A release is written in full beside the live one, then the ``datasets/<name>`` symlink is
replaced in one atomic rename, so a reader sees the old dataset or the new one, never a mixture.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from .. import messages
from ..trust.audit import AuditLog, public_reason
from ..errors import CatalogError, InputError
from ..paths import require_writable
from ..release import Release, restricted_resource, sha256_file
from . import dcat, portal, portal_assets, preview, search_index
from .metadata import extra, merge_extras
from .base import PublishResult

MARKER = ".opendata-catalog"
GRANTS = "grants.json"  # how many grants each restricted dataset has had (counts only)
OWNER = ".owner"  # in a staging directory: locked by the process that made it
#: Staging entries without an owner lock (older code, other tools) are left this long.
STAGING_GRACE_SECONDS = 600


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the portal is for everyone to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class LocalCatalog:
    """A catalogue in a local directory (created on first publish)."""

    def __init__(self, path: str | os.PathLike[str], *, lang: str | None = None, base_url: str | None = None,
                 publisher: str | None = None) -> None:
        """``base_url``: the absolute URL the directory is served at, for the IRIs of its DCAT
        description (default ``OPENDATA_BASE_URL``, else the directory's ``file://`` URL);
        ``publisher``: the organization (an id of catalog/organizations.json) that runs the
        catalogue (default: the first there)."""
        self.path = Path(path)
        self.publisher = publisher or ""
        base = base_url or os.environ.get("OPENDATA_BASE_URL") or self.path.resolve().as_uri()
        self.base_url = base if base.endswith("/") else base + "/"
        self.lang = messages.normalize_language(lang) if lang else messages.current_language()
        self.label = str(self.path)
        self.audit = AuditLog(self.path / "audit.jsonl")
        self._held: dict[str, int] = {}  # staging directories this process holds, by path

    # -- layout --------------------------------------------------------------------------------
    def _ensure(self) -> None:
        marker = self.path / MARKER
        self.preflight()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            if not marker.exists():
                self._claim(marker)
            for sub in ("datasets", "releases", "assets", ".staging"):
                (self.path / sub).mkdir(exist_ok=True)
        except OSError as exc:
            raise InputError("hostile.not_writable", path=str(exc.filename or self.path),
                             reason=exc.strerror or type(exc).__name__) from None

    def preflight(self) -> None:
        """Refuse, naming the path, a catalogue that is not a directory or cannot take its audit
        record; creates nothing."""
        if self.path.exists() and not self.path.is_dir():
            raise InputError("hostile.catalog_not_dir", path=str(self.path))
        require_writable(self.audit.path)

    def _claim(self, marker: Path) -> None:
        """Make an empty directory a catalogue. The marker comes first, whole (written beside it,
        then hard-linked into place, which fails if it exists), and everything else after it, so
        two first publishes racing here both see an empty directory or a catalogue, never a
        half-made one, and only one marker is ever written."""
        pending = f".{MARKER}."  # another first publish's marker being written
        foreign = any(not p.name.startswith(pending) for p in self.path.iterdir())
        if marker.exists():  # claimed meanwhile (what we listed may be its first directories)
            return
        if foreign:
            raise CatalogError("catalog.not_a_catalog", path=str(self.path), marker=MARKER)
        tmp = self.path / f"{pending}{uuid.uuid4().hex}"
        tmp.write_text(json.dumps({"format": 1}) + "\n", encoding="utf-8")
        try:
            os.link(tmp, marker)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self._ensure()
        with open(self.path / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def staging_dir(self) -> Path:
        """A new directory under ``.staging/``, held (a lock on its ``.owner`` file) until the
        release is stored: what a killed publish leaves is no longer held and is cleaned."""
        self._ensure()
        directory = Path(tempfile.mkdtemp(prefix="export-", dir=self.path / ".staging"))
        # Locked first, then renamed into place: an .owner file a cleaner finds is already held.
        fd = os.open(directory / f"{OWNER}.new", os.O_CREAT | os.O_RDWR, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.rename(directory / f"{OWNER}.new", directory / OWNER)
        self._held[str(directory)] = fd
        return directory

    def _let_go(self, directory: Path) -> None:
        fd = self._held.pop(str(directory), None)
        if fd is not None:
            os.close(fd)

    def _clean(self) -> None:
        """Remove what killed publishes left (called under the catalogue lock): staging
        directories no live process holds, releases no dataset points at, half-made links."""
        now = time.time()
        for entry in (self.path / ".staging").iterdir():
            owner = entry / OWNER
            if owner.is_file():
                try:
                    fd = os.open(owner, os.O_RDWR)
                except OSError:
                    continue
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:  # a publish in progress
                    continue
                finally:
                    os.close(fd)
            else:
                try:
                    made = entry.lstat().st_mtime
                except FileNotFoundError:  # gone since listed: a finished publish removes its own, unlocked
                    continue
                if now - made < STAGING_GRACE_SECONDS:  # just made, or another kind
                    continue
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
        for link in (self.path / "datasets").iterdir():
            if link.name.startswith(".") and link.is_symlink():  # a switch cut short
                link.unlink(missing_ok=True)
        for releases in (self.path / "releases").iterdir():
            if not releases.is_dir() or releases.is_symlink():
                continue
            live = self.current_release(releases.name)
            for release in releases.iterdir():
                if release.name != live:
                    shutil.rmtree(release, ignore_errors=True)
            if live is None:
                shutil.rmtree(releases, ignore_errors=True)

    def dataset_dir(self, name: str) -> Path:
        """The live directory of a published dataset."""
        return self.path / "datasets" / name

    def index_path(self) -> Path:
        return self.path / "index.html"

    # -- reading -------------------------------------------------------------------------------
    def datasets(self) -> list[dict[str, Any]]:
        out = []
        root = self.path / "datasets"
        if not root.exists():
            return out
        for link in sorted(root.iterdir()):
            meta = link / "package.json"
            if meta.is_file():
                out.append(json.loads(meta.read_text(encoding="utf-8")))
        return out

    def get(self, name: str) -> dict[str, Any]:
        meta = self.dataset_dir(name) / "package.json"
        if not meta.is_file():
            raise CatalogError("catalog.unknown_dataset", name=name)
        return json.loads(meta.read_text(encoding="utf-8"))

    def current_release(self, name: str) -> str | None:
        link = self.dataset_dir(name)
        return os.readlink(link).rstrip("/").rsplit("/", 1)[-1] if link.is_symlink() else None

    # -- writing -------------------------------------------------------------------------------
    def store(self, release: Release, package_dict: dict[str, Any]) -> PublishResult:
        """Move an exported release into place and switch the dataset to it atomically.

        The catalogue's index files and its log are brought in line with the live releases every
        time, so a publish killed at any point is completed by the next run: an ``unchanged``
        release is verified against its hashes (and replaced if it does not match), the index
        files re-rendered where stale, and a missing audit record written (status ``published``).
        """
        name, release_id = release.name, release.release_id
        # The dataset's stable address, not where its link points now: that release is removed
        # when this one replaces it.
        url = str(self.path.resolve() / "datasets" / name / "index.html")
        try:
            with self._locked():
                self._clean()
                if self.current_release(name) == release_id and self._intact(name, release):
                    shutil.rmtree(release.directory, ignore_errors=True)
                    self._render_catalogue()
                    if self._recorded(name, release_id):
                        return PublishResult(name, "unchanged", url, release_id)
                    self._record(release)  # the last publish was cut off before its record
                    return PublishResult(name, "published", url, release_id)
                self._put(release, package_dict)
                self._record(release)
        except OSError as exc:
            shutil.rmtree(release.directory, ignore_errors=True)
            raise CatalogError("catalog.write_failed", path=str(exc.filename or self.path),
                               reason=exc.strerror or str(exc)) from exc
        finally:
            self._let_go(release.directory.parent)
        return PublishResult(name, "published", url, release_id)

    def _put(self, release: Release, package_dict: dict[str, Any]) -> None:
        name, release_id = release.name, release.release_id
        final = self.path / "releases" / name / release_id
        self._finish_release(release, package_dict)
        final.parent.mkdir(parents=True, exist_ok=True)
        if final.exists():  # a damaged copy of the same content: set aside, then replaced
            aside = final.with_name(f".{release_id}.{uuid.uuid4().hex}")
            os.rename(final, aside)
            os.rename(release.directory, final)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            os.rename(release.directory, final)
        previous = self.current_release(name)
        self._switch(name, final)
        self._render_catalogue()
        if previous and previous != release_id:
            shutil.rmtree(self.path / "releases" / name / previous, ignore_errors=True)

    def _intact(self, name: str, release: Release) -> bool:
        """Whether the live release holds exactly the files of ``release`` (by SHA-256)."""
        live = self.dataset_dir(name)
        for f in release.files:
            path = live / f.path
            if not path.is_file() or sha256_file(path) != f.sha256:
                return False
        return (live / "package.json").is_file() and (live / "index.html").is_file()

    def _recorded(self, name: str, release_id: str) -> bool:
        """Whether the catalogue's log ends, for ``name``, with the publish of ``release_id``."""
        last = None
        for record in self.audit.records():
            if record.get("dataset") == name:
                last = record
        return last is not None and last.get("action") == "publish" and last.get("release") == release_id

    def _record(self, release: Release) -> None:
        self.audit.append("publish", catalog="local", dataset=release.name, release=release.release_id,
                          files={f.path: f.sha256 for f in release.files}, rows=release.rows)

    def grant_counts(self) -> dict[str, int]:
        """How many grants each restricted dataset has had (``grants.json``: counts only)."""
        path = self.path / GRANTS
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        except ValueError:
            data = {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, int)} if isinstance(data, dict) else {}

    def _finish_release(self, release: Release, package_dict: dict[str, Any]) -> None:
        directory = release.directory
        granted = self.grant_counts().get(release.name)
        if granted:  # kept across re-publishing: the count lives beside the releases
            package_dict["extras"] = merge_extras(package_dict.get("extras", []), {"opendata_grants": str(granted)})
        (directory / "package.json").write_text(
            json.dumps(package_dict, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        dictionary = json.loads((directory / "dictionary.json").read_text(encoding="utf-8"))
        # The preview is read from the release's own files: the approved bytes, as published.
        previews = preview.build(directory, dictionary, release.rows)
        (directory / "index.html").write_text(
            portal.dataset_page(package_dict, dictionary, lang=self.lang, previews=previews), encoding="utf-8")

    def _switch(self, name: str, target: Path) -> None:
        link = self.dataset_dir(name)
        if link.exists() and not link.is_symlink():
            shutil.rmtree(link)
        tmp = link.with_name(f".{name}.{uuid.uuid4().hex}")
        os.symlink(os.path.relpath(target, link.parent), tmp)
        os.replace(tmp, link)

    def _render_catalogue(self) -> None:
        """The index files, derived from the live releases alone (so re-rendering repairs them);
        a file already right is left alone."""
        packages = self.datasets()
        docs = search_index.read_documents(self.path, packages)
        title = messages.t("portal.title", lang=self.lang)
        described = dcat.catalog(packages, title=title, base=self.base_url, publisher=self.publisher)
        for path, text in ((self.path / "assets" / "style.css", portal_assets.STYLE),
                           (self.path / "assets" / "portal.js", portal_assets.SCRIPT),
                           (self.path / "search-index.js", search_index.index_script(docs, self.lang)),
                           (self.path / "index.html", portal.index_page(docs, lang=self.lang)),
                           (self.path / "catalog.json", json.dumps(packages, ensure_ascii=False, indent=2)),
                           (self.path / "catalog.jsonld", json.dumps(described, ensure_ascii=False, indent=2)),
                           (self.path / "catalog.ttl", dcat.turtle(described))):
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                _write_atomic(path, text)

    def restrict(self, name: str, *, reason: str, grade: str | None = None) -> None:
        """Withdraw a dataset's data, keeping its catalogue entry (受限开放); switched atomically."""
        with self._locked():
            current = self.current_release(name)
            if current is None:
                raise CatalogError("catalog.unknown_dataset", name=name)
            live = self.dataset_dir(name)
            staging = Path(tempfile.mkdtemp(prefix="restrict-", dir=self.path / ".staging"))
            descriptor = json.loads((live / "datapackage.json").read_text(encoding="utf-8"))
            descriptor["resources"] = [restricted_resource(r) for r in descriptor["resources"]]
            (staging / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2),
                                                      encoding="utf-8")
            for kept in ("dictionary.csv", "dictionary.json"):
                shutil.copyfile(live / kept, staging / kept)
            package_dict = json.loads((live / "package.json").read_text(encoding="utf-8"))
            package_dict["resources"] = [r for r in package_dict["resources"] if not r.get("opendata_resource")]
            package_dict["extras"] = merge_extras(package_dict.get("extras", []), {
                "opendata_openness": "restricted", **({"opendata_grade": grade} if grade else {})})
            release_id = f"{current}-r"
            release = Release(name, staging)
            self._finish_release(release, package_dict)
            final = self.path / "releases" / name / release_id
            os.rename(staging, final)
            self._switch(name, final)
            self._render_catalogue()
            shutil.rmtree(self.path / "releases" / name / current, ignore_errors=True)
            # The public log keeps no free text (it may name a person): the reason's hash only.
            self.audit.append("restrict", catalog="local", dataset=name, release=release_id, **public_reason(reason))

    def count_grant(self, name: str) -> int:
        """Count one more grant of the restricted dataset ``name`` (受限开放 on application): the
        dataset's page and metadata show how many it has had — a count, never who. The release is
        copied with its new count and switched in atomically; the public log records the count."""
        with self._locked():
            current = self.current_release(name)
            if current is None:
                raise CatalogError("catalog.unknown_dataset", name=name)
            live = self.dataset_dir(name)
            package_dict = json.loads((live / "package.json").read_text(encoding="utf-8"))
            counts = self.grant_counts()
            count = counts[name] = counts.get(name, 0) + 1
            _write_atomic(self.path / GRANTS, json.dumps(counts, ensure_ascii=False, indent=2, sort_keys=True))
            release_id = f"{current.split('-g')[0]}-g{count}"
            staging = Path(tempfile.mkdtemp(prefix="grant-", dir=self.path / ".staging"))
            shutil.rmtree(staging)
            shutil.copytree(live, staging, symlinks=True)
            self._finish_release(Release(name, staging), package_dict)
            final = self.path / "releases" / name / release_id
            shutil.rmtree(final, ignore_errors=True)
            os.rename(staging, final)
            self._switch(name, final)
            self._render_catalogue()
            if current != release_id:
                shutil.rmtree(self.path / "releases" / name / current, ignore_errors=True)
            self.audit.append("grant", catalog="local", dataset=name, release=release_id, grants=count)
        return count

    def is_retracted(self, name: str, approval_id: str) -> bool:
        path = self.path / "retracted.json"
        if not path.is_file():
            return False
        return approval_id in json.loads(path.read_text(encoding="utf-8")).get(name, [])

    def retract(self, name: str, *, reason: str, purge: bool = False) -> None:
        """Withdraw a dataset: its page and files leave the portal; the approval it was published
        under is recorded as retracted; the retraction is logged. (A local catalogue keeps no
        private datasets, so ``purge`` changes nothing.)"""
        with self._locked():
            release = self.current_release(name)
            if release is None:
                raise CatalogError("catalog.unknown_dataset", name=name)
            approval = extra(self.get(name), "opendata_approval")
            if approval:
                path = self.path / "retracted.json"
                retracted = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
                retracted.setdefault(name, []).append(approval)
                _write_atomic(path, json.dumps(retracted, ensure_ascii=False, indent=2))
            self.dataset_dir(name).unlink()
            self._render_catalogue()
            shutil.rmtree(self.path / "releases" / name, ignore_errors=True)
            self.audit.append("retract", catalog="local", dataset=name, release=release, **public_reason(reason))
