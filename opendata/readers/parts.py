"""A table stored as a directory of part files (as Spark, Hive and most exporters write it).

The parts are read in the order of their paths (``part-00000…``, ``year=2024/part-…``), each by the
reader of its format, and numbered as if they were one file: the header of every part is its own
(it must equal the first part's), data rows continue where the previous part's ended. Each part
is chunked on its own, so a distributed engine that reads one part per task sees the very same
chunks as this single-machine reader, and reaches the same answers.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator

from ..errors import InputError
from .base import Chunk, TableSource

def part_files(directory: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The part files under ``directory`` in path order; hidden and ``_`` files and symlinks are
    skipped (a link could point outside the dataset)."""
    # Names a writer leaves beside its parts (``_SUCCESS``, ``.part-0.crc``) are never data.
    return sorted(p for p in directory.rglob("*")
                  if p.is_file() and not p.is_symlink() and p.suffix.lower() in suffixes
                  and not any(s.startswith((".", "_")) for s in p.relative_to(directory).parts))


def header_rows(source: TableSource) -> int:
    """The row number just before the first data row of a part (1 with a header row)."""
    return 1 if source.has_header else 0


def renumbered(chunk: Chunk, offset: int) -> Chunk:
    """``chunk`` with its row numbers moved by ``offset`` (a part's place in the whole table)."""
    if offset == 0:
        return chunk
    return Chunk(chunk.data, chunk.rows + offset, [replace(i, row=i.row + offset) for i in chunk.issues])


def open_parts(directory: Path, parts: list[Path], open_one: Callable[[Path], TableSource]) -> TableSource:
    """One :class:`TableSource` over ``parts`` (non-empty), numbered as one file."""
    first = open_one(parts[0])

    def chunks(batch_rows: int) -> Iterator[Chunk]:
        offset = 0
        for i, part in enumerate(parts):
            source = first if i == 0 else open_one(part)
            if source.header != first.header:
                raise InputError("input.part_header", path=str(part), first=str(parts[0]))
            base = header_rows(source)
            last = base
            for chunk in source.chunks(batch_rows):
                if chunk.num_rows:
                    last = int(chunk.rows[-1])
                yield renumbered(chunk, offset)
            offset += last - base

    return TableSource(str(directory), first.format, first.header, first.encoding, chunks,
                       has_header=first.has_header, notes=first.notes, header_case=first.header_case)
