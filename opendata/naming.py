"""Dataset names: lower-case ASCII identifiers a catalogue accepts, never a generic ``data``.

A Chinese title or file name is written in pinyin (``示范市公交线路`` → ``shifanshi-gongjiao-xianlu``)
by :func:`ascii_name`; a name that says nothing about the data (``data``, ``sheet1``, ``导出``) is
*generic* and is never used on its own — two departments' ``data.csv`` must not become one dataset.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

#: names a file or sheet gets from the program that exported it, not from its content
GENERIC = frozenset({
    "data", "dataset", "table", "export", "exports", "output", "result", "results", "download", "file",
    "new", "untitled", "sheet", "sheet1", "sheet2", "book", "book1", "workbook", "report", "list", "temp", "tmp",
    "test", "copy", "final", "default", "shuju", "biao", "daochu",
    "数据", "表", "表格", "导出", "导出数据", "工作簿", "工作簿1", "新建", "结果", "下载", "副本", "临时",
})
MAX_LENGTH = 80
_NON_NAME = re.compile(r"[^a-z0-9]+")


def _words(text: str, pinyin: bool) -> list[str]:
    if pinyin and re.search(r"[\u3400-\u9fff]", text):
        from pypinyin import Style, lazy_pinyin  # its phrase dictionary takes a moment to load

        return lazy_pinyin(text, style=Style.NORMAL, errors="default", strict=False)
    return [text]


def ascii_name(text: str, *, pinyin: bool = True) -> str:
    """``text`` as a catalogue name: pinyin for Chinese, lower-case letters and digits joined by
    ``-``, at most :data:`MAX_LENGTH` characters; ``""`` when nothing of it can be written."""
    words = [_NON_NAME.sub("-", w.lower()).strip("-") for w in _words(text, pinyin)]
    name = re.sub(r"-{2,}", "-", "-".join(filter(None, words))).strip("-")
    return name[:MAX_LENGTH].rstrip("-")


def is_generic(text: str) -> bool:
    """Whether ``text`` (a file stem, a sheet name, a title) says nothing about the data."""
    stem = re.sub(r"[\s_\-.()（）\d]+$", "", text.strip().lower()) or text.strip().lower()
    return stem in GENERIC or ascii_name(stem, pinyin=False) in GENERIC or not stem


def bare_name(path: Path) -> str:
    """The name of a bare file loaded without a descriptor: its ASCII stem, unless that is empty
    or generic, then that (or ``table``) with a short digest of the file's full path, so two
    different files never share a name."""
    stem = ascii_name(path.stem, pinyin=False)
    if stem and not is_generic(path.stem) and len(stem) >= 2:
        return stem
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{stem or 'table'}-{digest}"
