"""Nested values: a field whose cells are JSON objects or arrays, scanned and treated leaf by leaf.

The JSON reader writes a record's nested value as compact JSON text in its cell (联络员 =
``{"姓名":"…","手机号码":"…","职务":"财务"}``, 股东及出资信息 = ``[{"股东名称":"…","证照号码":"…"},…]``).
Scanned as text, a name under 姓名 or 股东名称 is only a run of characters among keys. Here each
leaf is read under its key path (``股东及出资信息[].股东名称``): the leaves of one path across the rows
form a virtual column, scanned and decided as a form's key | value parts are
(:class:`~opendata.pii.scan.Part`, :func:`~opendata.pii.scan.decide_field`), its header the leaf's
key (with the parent's key as context where the leaf's own key says nothing), treated by that
decision, and the JSON text written again with the treated leaves: keys, structure and the compact
form as the reader writes it unchanged. A cell that does not parse stays text and is scanned and
treated as text (its label is the field's name).

An object whose own attribute says it is an organisation (股东类型 = 企业法人, 证照类型 = 营业执照) is
kept as written — only when none of its values reads as a person's (a valid ID number, a mobile,
a name under a name key that is no organisation's name …); otherwise it is scanned like the rest.
An object an attribute says is a natural person (自然人股东) has its ``名称`` read as the person's name.

The re-scan and the last line read the very same leaves (the kept organisations' leaves by the
input's reading): a leaf of a path treated whole left as it was refuses the output.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from typing import Any, Callable, Iterator

import pyarrow as pa
import pyarrow.compute as pc

from ..bitmaps import to_mask
from . import memo
from .normalize import fold

__all__ = ["NESTED", "header_of", "is_nested", "last_line", "leaf_samples", "nested_columns", "rescan_parts",
           "scan_parts", "treat", "uncertain_paths"]

#: the key of a nested field's scan and plan (:attr:`~opendata.pii.scan.FieldScan.key`): its parts are
#: key paths, not the labels of a key column.
NESTED = "<json>"
#: the share of a column's non-empty cells that must parse as JSON objects or arrays for it to be
#: read structurally (a note that happens to be ``[1,2]`` in a text column is text).
NESTED_SHARE = 0.5
#: deeper than this, a cell is text (the JSON reader refuses deeper tables).
MAX_DEPTH = 64
#: more distinct key paths than this in one field (objects keyed by values, not names): read as text.
MAX_PATHS = 512
#: the suffix of the label of a path's leaves in objects an attribute says are a natural person.
PERSON = "（自然人）"
#: cells sniffed to tell whether a column may be nested at all.
_SNIFF = 64

# What an object says it is, in an attribute leaf (a key such as 股东类型, 证照类型, 主体类型):
# an organisation (its name and code are no one's personal data) …
_ORGANISATION_WORDS = ("法人", "营业执照", "统一社会信用代码", "企业", "公司", "机构", "单位", "社会团体",
                       "社会组织", "合伙", "政府", "非自然人")
# … or a natural person (自然人股东, 个人, 居民身份证).
_PERSON_WORDS = ("自然人", "个人", "身份证", "护照", "个体")
# A key naming what the object is called (股东名称, 投资人名称, 姓名): a person's name in a person's object.
_NAME_KEY = re.compile(r"(名称|姓名|名字|name)$", re.IGNORECASE)
# … and an organisation's name the shared list (:func:`~opendata.pii.cells.organisation_cells`) does not
# end with: a partnership's form in brackets after it (…合伙企业（有限合伙）), an enterprise (…企业).
_ORGANISATION_TAIL = (r"^[\x{4e00}-\x{9fa5}A-Za-z0-9]{2,}(企业|公司|合作社)"
                      r"(（[\x{4e00}-\x{9fa5}]{1,8}）|\([\x{4e00}-\x{9fa5}]{1,8}\))?$")
_PLAIN_KEY = re.compile(r'[^.\[\]"（）]+')
_SEGMENT = re.compile(r'\.([^.\[\]"（）]+)|\[\]|\["((?:[^"\\]|\\.)*)"\]')


class _Object(list):
    """A JSON object as its ``[key, value]`` pairs, in order (duplicate keys kept as written)."""


def _parse(text: str) -> Any | None:
    """The JSON object or array ``text`` holds, or ``None`` (not JSON, a scalar, or too deep)."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "{[":
        return None
    try:
        value = json.loads(stripped, parse_float=Decimal, object_pairs_hook=lambda p: _Object([k, v] for k, v in p))
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, (list, _Object)) and _depth_ok(value) else None


def _depth_ok(value: Any) -> bool:
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(node, _Object):
            stack.extend((v, depth + 1) for _, v in node)
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return True


def _dump(value: Any) -> str:
    """``value`` as compact JSON, as the JSON reader writes a nested value (numbers as written)."""
    if isinstance(value, _Object):
        return "{" + ",".join(f"{_dump(k)}:{_dump(v)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_dump(v) for v in value) + "]"
    if isinstance(value, Decimal):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _key_segment(key: str) -> str:
    return f".{key}" if _PLAIN_KEY.fullmatch(key) else "[" + json.dumps(key, ensure_ascii=False) + "]"


def _keys(label: str, field: str) -> tuple[list[str], bool]:
    """The object keys along ``label``'s path (the field's name first), and whether it is the label
    of leaves in natural persons' objects."""
    person = label.endswith(PERSON)
    rest = label[len(field):-len(PERSON)] if person else label[len(field):]
    keys = [field]
    for m in _SEGMENT.finditer(rest):
        if m.group(1) is not None:
            keys.append(m.group(1))
        elif m.group(2) is not None:
            keys.append(json.loads(f'"{m.group(2)}"'))
    return keys, person


def header_of(label: str, field: str) -> str:
    """The header a path's virtual column is decided under: the leaf's key; where that names no
    type and no attribute, with its parent's key beside it as context (实名 under 留言人); in a
    natural person's object, a key naming what the object is called is the person's name
    (股东名称 of a 自然人股东 reads as 股东姓名). The field's own label (cells that are no JSON)
    is the field's name."""
    from .decide import default_rules

    hints = default_rules().hints
    keys, person = _keys(label, field)
    leaf = keys[-1]
    if person and _NAME_KEY.search(leaf) and hints.judge(leaf).get("person_name") == "not":
        leaf = _NAME_KEY.sub("姓名", leaf)
    if len(keys) > 1 and not hints.judge(leaf) and not hints.attribute(leaf):
        return f"{leaf} {keys[-2]}"
    return leaf


# -- leaves --------------------------------------------------------------------------------------
class _Leaf:
    """One scalar leaf: where it stands (``holder[index]``), its label and its text."""

    __slots__ = ("row", "holder", "index", "label", "text", "kept")

    def __init__(self, row: int, holder: list, index: int, label: str, text: str, kept: bool) -> None:
        self.row, self.holder, self.index, self.label, self.text, self.kept = row, holder, index, label, text, kept


def _scalar_text(value: Any) -> str | None:
    """A leaf's text as scanned (numbers as written); ``None`` for what holds nothing (null, booleans)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, Decimal, float)):
        return str(value)
    return None


def _kind(obj: _Object) -> str | None:
    """What an object's attribute leaves say it is: ``"organisation"``, ``"person"`` or ``None``
    (neither, or both)."""
    from .decide import default_rules

    hints = default_rules().hints
    says = set()
    for key, value in obj:
        if isinstance(value, str) and value.strip() and isinstance(key, str) and hints.attribute(key):
            text = value.strip()
            if any(w in text for w in _ORGANISATION_WORDS):
                says.add("organisation")
            elif any(w in text for w in _PERSON_WORDS):
                says.add("person")
    return next(iter(says)) if len(says) == 1 else None


def _walk(row: int, value: Any, label: str, out: list[_Leaf], classify: bool,
          organisations: list[list[_Leaf]]) -> None:
    """Every scalar leaf under ``value``, in document order (the same order in the input and the
    output: the structure does not change); ``organisations`` gets the leaves of each object an
    attribute says is an organisation (``classify``: read what objects say they are)."""
    if isinstance(value, _Object):
        kind = _kind(value) if classify else None
        own: list[_Leaf] = []
        for pair in value:
            key, child = pair
            child_label = label + _key_segment(str(key))
            if isinstance(child, (list, _Object)):
                _walk(row, child, child_label, out, classify, organisations)
            else:
                text = _scalar_text(child)
                if text is not None:
                    leaf = _Leaf(row, pair, 1, child_label + (PERSON if kind == "person" else ""), text,
                                 kind == "organisation")
                    out.append(leaf)
                    own.append(leaf)
        if kind == "organisation" and own:
            organisations.append(own)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            if isinstance(child, (list, _Object)):
                _walk(row, child, label + "[]", out, classify, organisations)
            else:
                text = _scalar_text(child)
                if text is not None:
                    out.append(_Leaf(row, value, i, label + "[]", text, False))


def _unless_safe(organisations: list[list[_Leaf]]) -> None:
    """An organisation's object is kept as written only if none of its values reads as a person's:
    no value of a strong personal type by its own form (an ID number, a mobile, an e-mail), no value
    that is not an organisation's under a key naming a personal type or a name (联系人, 股东名称). Otherwise
    (fail closed) its leaves are scanned and treated as a natural person's object's. (One pass over all
    of them.)"""
    from .cells import MASKED, ORDER, cell_types, organisation_cells
    from .detectors import REGISTRY
    from .decide import default_rules

    leaves = [leaf for own in organisations for leaf in own]
    if not leaves:
        return
    hints = default_rules().hints
    values = pa.array([leaf.text.strip() for leaf in leaves], pa.string())
    types = cell_types(values)
    organisation = organisation_cells(values) | to_mask(pc.match_substring_regex(values, _ORGANISATION_TAIL))
    strong = {i for i, t in enumerate(ORDER) if REGISTRY[t].strong and REGISTRY[t].personal}
    unsafe = set()
    for leaf, kind, org in zip(leaves, types, organisation):
        key = str(leaf.holder[0])
        if kind in strong:  # (a date or a place by its shape alone says nothing: 出资日期)
            unsafe.add(id(leaf))
        elif leaf.text.strip() and not org and kind != MASKED and (
                _NAME_KEY.search(key) or any(v == "yes" for v in hints.judge(key).values())):
            unsafe.add(id(leaf))
    for own in organisations:
        if any(id(leaf) in unsafe for leaf in own):
            for leaf in own:  # … read as a person's object: its 名称 a name, its 证照号码 an ID
                leaf.kept = False
                leaf.label += PERSON


def _cells(column: pa.Array) -> list[str | None]:
    return [v for v in column.cast(pa.string()).to_pylist()]


def is_nested(column: pa.Array) -> bool:
    """Whether a column is read structurally: at least :data:`NESTED_SHARE` of its non-empty cells
    are JSON objects or arrays (a quick look at the first cells first: most columns are not)."""
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return False
    head = [v.strip() for v in column.slice(0, _SNIFF).to_pylist() if v and v.strip()]
    if not head or not any(v[0] in "{[" for v in head):
        return False
    cells = [v for v in _cells(column) if v and v.strip()]
    parsed = sum(_parse(v) is not None for v in cells)
    return bool(cells) and parsed >= NESTED_SHARE * len(cells)


def nested_columns(batch: pa.RecordBatch) -> list[str]:
    """The columns of ``batch`` read structurally (:func:`is_nested`)."""
    return [name for name, column in zip(batch.schema.names, batch.columns) if is_nested(column)]


def _leaves(column: pa.Array, field: str, classify: bool = True) -> tuple[list[_Leaf], list[Any], list[str | None]]:
    """Every leaf of a nested column (cells that are no JSON as one leaf each, labelled with the
    field's name), the parsed cells (``None`` where not JSON) and the cells' text. ``classify``:
    keep the organisations' objects that are safe to keep (:func:`_unless_safe`)."""
    texts = _cells(column)
    parsed: list[Any] = []
    out: list[_Leaf] = []
    organisations: list[list[_Leaf]] = []
    for row, text in enumerate(texts):
        value = _parse(text) if text else None
        parsed.append(value)
        if value is None:
            if text is not None and text.strip():
                out.append(_Leaf(row, texts, row, field, text, False))
        else:
            _walk(row, value, field, out, classify, organisations)
    if organisations:
        _unless_safe(organisations)
    return out, parsed, texts


def _by_label(leaves: list[_Leaf], kept: bool = False) -> dict[str, list[_Leaf]]:
    groups: dict[str, list[_Leaf]] = {}
    for leaf in leaves:
        if leaf.kept == kept:
            groups.setdefault(leaf.label, []).append(leaf)
    return groups


def _text_array(leaves: list[_Leaf]) -> pa.Array:
    """The leaves' text as a reader reads it (:func:`~opendata.pii.normalize.fold`: an ID number
    with a zero-width space inside a JSON leaf is one, as in a cell)."""
    return fold(pa.array([leaf.text for leaf in leaves], pa.string()))


def _folded_groups(column: pa.Array, field: str, groups: dict[str, list[_Leaf]]) -> dict[str, pa.Array]:
    """Each label's leaves (``groups``: :func:`_by_label` of :func:`_leaves` of ``column``) as
    :func:`_text_array` reads them, remembered for the batch step (:mod:`.memo`): the scan and the
    treatment of a batch read the same leaves of the same column, and fold them once."""
    return memo.remembered(("nested leaves", field), column,
                           lambda _: {label: _text_array(group) for label, group in groups.items()})


# -- scan ----------------------------------------------------------------------------------------
def scan_parts(column: pa.Array, field: str, raw_only: bool = False) -> dict[str, Any] | None:
    """A nested column scanned path by path: per label (a key path, or the field's name for cells
    that are no JSON), a :class:`~opendata.pii.scan.Part`. ``None`` where it has more distinct paths
    than :data:`MAX_PATHS` (read as text then). An organisation's object kept as written is not
    scanned (as it is not treated)."""
    from .scan import Part, _link_names, scan_column

    leaves, _, _ = _leaves(column, field)
    groups = _by_label(leaves)
    if len(groups) > MAX_PATHS:
        return None
    parts: dict[str, Any] = {}
    folded = _folded_groups(column, field, groups)
    for label in groups:
        parts[label] = Part()
        parts[label].add(*scan_column(folded[label], raw_only=raw_only))
    if not raw_only and parts:
        # Context: names beside ID numbers in the same objects (a shareholder's 名称 beside its 证照号码).
        _link_names({k: p.nonempty for k, p in parts.items()}, {k: p.counts for k, p in parts.items()})
    return parts


def rescan_parts(raw: pa.Array, out: pa.Array, field: str) -> dict[str, Any]:
    """The treated column re-scanned path by path, reading the same leaves as the scan: labels and
    the organisations kept by the input's reading, values from the output."""
    from .scan import Part, scan_column

    pairs = _paired(raw, out, field)
    parts: dict[str, Any] = {}
    for label, group in _group_pairs(pairs, kept=False).items():
        parts[label] = Part()
        parts[label].add(*scan_column(fold(pa.array([o for _, o in group], pa.string())), raw_only=True))
    return parts


def _paired(raw: pa.Array, out: pa.Array, field: str) -> list[tuple[_Leaf, str]]:
    """Each leaf of the input beside the same leaf of the output (same structure, same order); a
    cell that is no JSON beside its output cell. Where the output's structure is not the input's,
    each leaf is paired with itself (fail closed: it counts as left raw)."""
    before, parsed, _ = _leaves(raw, field)
    after, _, out_texts = _leaves(out, field, classify=False)
    rows_after: dict[int, list[_Leaf]] = {}
    for leaf in after:
        rows_after.setdefault(leaf.row, []).append(leaf)
    rows_before: dict[int, list[_Leaf]] = {}
    for leaf in before:
        rows_before.setdefault(leaf.row, []).append(leaf)
    pairs = []
    for row, mine in rows_before.items():
        if parsed[row] is None:  # text: the whole output cell
            pairs.append((mine[0], out_texts[row] or "" if row < len(out_texts) else ""))
            continue
        theirs = rows_after.get(row, [])
        if len(theirs) != len(mine) or any(b.label.removesuffix(PERSON) != a.label.removesuffix(PERSON)
                                           for a, b in zip(mine, theirs)):
            pairs.extend((leaf, leaf.text) for leaf in mine)
            continue
        pairs.extend((a, b.text) for a, b in zip(mine, theirs))
    return pairs


def _group_pairs(pairs: list[tuple[_Leaf, str]], kept: bool) -> dict[str, list[tuple[str, str]]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for leaf, out in pairs:
        if leaf.kept == kept:
            groups.setdefault(leaf.label, []).append((leaf.text, out))
    return groups


# -- treatment -----------------------------------------------------------------------------------
def treat(column: pa.Array, field: str, by_label: dict[str, list], treat_column: Callable[..., pa.Array],
          generic_treatment: dict[str, Any], tally: Counter | None) -> pa.Array:
    """The nested column with each path's leaves through that path's treatments (``treat_column``:
    a column through a list of treatments) and each changed cell written again as compact JSON.
    A path the plan does not know (it was not in the rows the plan was made from) is masked whole:
    nothing was decided about it. Cells no treatment changed stay byte for byte."""
    from .treat import generic

    leaves, parsed, texts = _leaves(column, field)
    changed: set[int] = set()
    text_rows: dict[int, str] = {}
    groups = _by_label(leaves)
    folded = _folded_groups(column, field, groups)
    for label, group in groups.items():
        values = folded[label]
        if label in by_label:
            treatments = by_label[label]
            if not treatments:
                continue
            treated = treat_column(values, treatments, tally).to_pylist()
        else:  # fail closed
            treated = generic(values, generic_treatment).to_pylist()
            if tally is not None:
                tally["generic"] += len(group)
        for leaf, new, read in zip(group, treated, values.to_pylist()):
            new = "" if new is None else new
            if new == leaf.text or new == read:  # untouched: the leaf keeps its written form
                continue
            if leaf.label == field and parsed[leaf.row] is None:
                text_rows[leaf.row] = new
            else:
                leaf.holder[leaf.index] = new
                changed.add(leaf.row)
    if not changed and not text_rows:
        return column.cast(pa.string())
    out = list(texts)
    for row in changed:
        out[row] = _dump(parsed[row])
    for row, new in text_rows.items():
        out[row] = new
    return pa.array(out, pa.string())


# -- the last line -------------------------------------------------------------------------------
def last_line(raw: pa.Array, out: pa.Array, field: str, by_label: dict[str, list],
              text_checks: Callable[[pa.Array], Counter]) -> Counter:
    """The independent checks on a nested column's leaves: a leaf of a path treated whole (or of a
    path the plan does not know) left as it was is a raw cell; every other leaf of the output
    (paths treated in spans or not at all, organisations kept) goes through ``text_checks``."""
    from . import lastline

    counts: Counter = Counter()
    pairs = _paired(raw, out, field)
    rest: list[str] = []
    for label, group in _group_pairs(pairs, kept=False).items():
        treatments = by_label.get(label)
        whole = treatments is None or any(not t.spans and not t.cells for t in treatments)
        if whole:
            counts["raw_cell"] += lastline.raw_cells(fold(pa.array([r for r, _ in group], pa.string())),
                                                     fold(pa.array([o for _, o in group], pa.string())))
        else:
            rest += [o for _, o in group]
    rest += [o for group in _group_pairs(pairs, kept=True).values() for _, o in group]
    if rest:
        counts.update(text_checks(fold(pa.array(rest, pa.string()))))
    return +counts


# -- reports -------------------------------------------------------------------------------------
def uncertain_paths(parts: dict[str, list], kind: str) -> list[str]:
    """The paths of a nested field whose decision of ``kind`` is uncertain (for the finding)."""
    return [label for label, found in parts.items() if any(d.type == kind and d.uncertain for d in found)]


def uncertain_params(scanned: Any, kind: str, why: str) -> dict[str, str]:
    """For a ``pii_uncertain`` finding on a nested field (``scanned``: its
    :class:`~opendata.pii.scan.FieldScan`), the path it is about, named in its ``why``; nothing for
    another field. (Paths as reports show names: masked where one holds personal information.)"""
    from .. import messages
    from .scan import report_name

    if getattr(scanned, "key", None) != NESTED:
        return {}
    paths = uncertain_paths(scanned.parts, kind)
    if not paths:
        return {}
    shown = "、".join(report_name(p) for p in paths)
    return {"path": report_name(paths[0]), "why": messages.t("uncertain.path", path=shown, why=why)}


def leaf_samples(column_batches: Iterator[pa.Array], field: str, label: str, count: int = 3) -> list[str]:
    """A few distinct non-empty leaves of path ``label`` (raw: the caller masks them)."""
    values: list[str] = []
    for column in column_batches:
        leaves, _, _ = _leaves(column, field)
        for leaf in leaves:
            if leaf.label == label and not leaf.kept and leaf.text.strip() and leaf.text not in values:
                values.append(leaf.text)
                if len(values) >= count:
                    return values
    return values
