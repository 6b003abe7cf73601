"""Format readers behind one function: :func:`open_table`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import encoding as enc
from ..errors import InputError
from .base import Chunk, StructuralIssue, TableSource

FORMATS = {
    ".csv": "csv", ".txt": "csv", ".tsv": "csv",
    ".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xlsx",
    ".json": "json",
    ".parquet": "parquet", ".pq": "parquet",
}

__all__ = ["Chunk", "StructuralIssue", "TableSource", "open_table", "format_of", "FORMATS"]


#: Compressed files: refused with their own message (unpack first), never read as the wrong thing.
COMPRESSED = (".zip", ".gz", ".bz2", ".xz", ".7z")


def format_of(path: Path, declared: str | None = None) -> str:
    """The table format of ``path``: the declared one, else by extension."""
    if path.suffix.lower() in COMPRESSED:
        raise InputError("input.compressed", path=str(path))
    if declared:
        fmt = declared.lower().lstrip(".")
        fmt = {"xls": "xlsx", "tsv": "csv", "pq": "parquet"}.get(fmt, fmt)
        if fmt in set(FORMATS.values()):
            return fmt
        raise InputError("input.unsupported_format", path=str(path), format=declared)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError("input.unsupported_format", path=str(path), format=path.suffix or "?")
    return fmt


def open_table(path: Path, *, format: str | None = None, encoding: str | None = None,
               dialect: dict[str, Any] | None = None, sheet: str | int | None = None) -> TableSource:
    """Open the table at ``path``; text encodings are detected unless declared. A directory is a
    table written in parts (:mod:`.parts`)."""
    if path.is_dir() and not path.is_symlink():
        return _open_directory(path, format=format, encoding=encoding, dialect=dialect, sheet=sheet)
    if not path.is_file():
        raise InputError("input.not_found", path=str(path))
    fmt = format_of(path, format)
    if fmt in ("csv", "json"):
        try:
            codec = enc.from_name(encoding) if encoding else enc.detect(path)
        except LookupError:
            raise InputError("input.unreadable", path=str(path), reason=f"unknown encoding {encoding!r}") from None
        dialect = dict(dialect or {})
        if path.suffix.lower() == ".tsv":
            dialect.setdefault("delimiter", "\t")
        if fmt == "csv":
            from .csv import open_csv

            return open_csv(path, codec, dialect)
        from .json import open_json

        return open_json(path, codec)
    if fmt == "xlsx":
        from .excel import open_excel

        return open_excel(path, sheet, dialect)
    from .parquet import open_parquet

    return open_parquet(path)


def table_parts(path: Path, format: str | None = None) -> list[Path]:
    """The part files of a table stored as a directory (``format`` or any table format), in order."""
    from .parts import part_files

    wanted = format_of(Path(f"x.{format}"), format) if format else None
    suffixes = tuple(s for s, f in FORMATS.items() if wanted in (None, f))
    parts = part_files(path, suffixes)
    if not parts:
        raise InputError("input.no_parts", path=str(path))
    return parts


def _open_directory(path: Path, *, format: str | None, encoding: str | None,
                    dialect: dict[str, Any] | None, sheet: str | int | None) -> TableSource:
    from .parts import open_parts

    parts = table_parts(path, format)
    fmt = format or format_of(parts[0])
    return open_parts(path, parts, lambda part: open_table(part, format=fmt, encoding=encoding,
                                                           dialect=dialect, sheet=sheet))
