"""JSON reader: an array of objects, or an array of arrays whose first row is the header.

Values are kept as the text they were written as: numbers as their JSON literal (so a long integer
is not rounded), booleans as ``true``/``false``, nested objects and arrays as compact JSON. JSON
tables are read whole; large data belongs in CSV or Parquet, which stream.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

from ..encoding import Encoding
from ..errors import DescriptorError, InputError
from .base import Chunk, TableSource, batched, width_issue


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


#: A table is two levels deep, its cells a few more; deeper nesting is refused, by name.
MAX_DEPTH = 64


def too_deep(data: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether ``data`` nests lists and objects more than ``limit`` deep (iteratively: no recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (list, dict)):
            if depth > limit:
                return True
            stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
    return False


#: keys found in one record only, at least this many and half the keys or more: the keys are data.
KEYS_AS_DATA = 5


def _refuse_keys_as_data(path: Path, records: list[dict], header: list[str]) -> None:
    """Fail closed on records keyed by their data ({"张伟": "138…"}, {"330802…": "已办"}): every such
    key would become a column name, and reach the header and the descriptor as it stands. Optional
    fields appear in many records; a key seen once, many times over, is a value. No key is echoed."""
    from collections import Counter

    seen = Counter(k for record in records for k in record)
    once = sum(1 for n in seen.values() if n == 1)
    if once >= KEYS_AS_DATA and 2 * once >= len(header):
        raise InputError("hostile.json_keys_vary", path=str(path), count=once, keys=len(header))


def open_json(path: Path, encoding: Encoding) -> TableSource:
    """Open a JSON table file (decoded with ``encoding``)."""
    deep = False
    try:
        text = path.read_bytes().decode(encoding.codec)
        data = json.loads(text.lstrip("\ufeff"), parse_float=Decimal)
    except UnicodeDecodeError as exc:
        raise InputError("input.encoding", path=str(path), row=1, encoding=encoding.name) from exc
    except json.JSONDecodeError as exc:
        raise DescriptorError("descriptor.invalid_json", path=str(path), line=exc.lineno,
                              column=exc.colno, reason=exc.msg) from exc
    except RecursionError:  # the parser's own guard, far deeper than MAX_DEPTH
        data, deep = None, True
    if deep or too_deep(data):
        raise InputError("hostile.json_too_deep", path=str(path), limit=MAX_DEPTH)
    if not isinstance(data, list) or not data:
        raise InputError("input.json_shape", path=str(path))
    if all(isinstance(r, dict) for r in data):
        header: list[str] = []
        for record in data:
            header.extend(k for k in record if k not in header)
        _refuse_keys_as_data(path, data, header)
        body = [[_text(r[k]) if k in r else "" for k in header] for r in data]
    elif all(isinstance(r, list) for r in data):
        header = [_text(c) for c in data[0]]
        body = [[_text(c) for c in r] for r in data[1:]]
    else:
        raise InputError("input.json_shape", path=str(path))
    width = len(header)

    def chunks(batch_rows: int) -> Iterator[Chunk]:
        return batched(((i + 2, r) for i, r in enumerate(body)), width, batch_rows, width_issue(width))

    return TableSource(str(path), "json", header, encoding.name, chunks)
