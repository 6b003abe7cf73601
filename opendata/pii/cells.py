"""Every cell by its own type: which personal type each cell of a column holds as a whole value.

A mixed column (mostly e-mails, one ID number, one mobile) is treated cell by cell, each cell by
the treatment of the type it holds; the scanner's counts say *that* a field holds a type, this
says *which cells*. Identifiers are matched as written and in their plain form
(:func:`~opendata.pii.normalize.normalize`).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..bitmaps import to_mask
from ..strings import contiguous, data_bytes, offsets, trimmed
from . import memo
from .detectors import REGISTRY
from .detectors.organisations import ORGANISATION_WORDS
from .detectors.person import COMPOUND, SURNAMES, TITLES_AFTER, kin_name_cells, nobody_cells
from .normalize import changed, normalize
from .scan import _at

__all__ = ["MASKED", "NONE", "ORDER", "ORGANISATION", "cell_types", "organisation_cells", "organisation_column",
           "organisation_lines_in_rows", "owned_by_organisations"]

#: the personal types in the order they claim a cell: check digits and fixed formats first (a
#: valid ID number is not also a bank card), the looser patterns last.
ORDER = tuple(t for t in ("cn_resident_id", "bank_card", "cn_mobile", "email", "cn_passport", "passport_mrz",
                          "military_id", "hk_macau_tw_id", "cn_license_plate", "cn_landline", "other_phone",
                          "ip_address", "birth_date", "address", "person_name", "qq_number", "wechat_id",
                          "geo_coordinates") if t in REGISTRY)
NONE = -1
MASKED = -2
#: an organisation's value in a person's field (当事人 that is a company, 证件号码 that is a USCC):
#: not personal information, so it stays as it is.
ORGANISATION = -3
# An organisation's name: at least two characters before the word that says what it is.
_ORGANISATION_NAME = rf"^[\x{{4e00}}-\x{{9fa5}}（）()A-Za-z0-9]{{2,}}({ORGANISATION_WORDS})$"
# A public place where something happened (万达广场一楼, 衢州火车站西广场, 中山路与工农路交叉口): no one's
# address — no house number, building or room in it.
_PUBLIC_PLACE = (r"^[\x{4e00}-\x{9fa5}]{2,12}(公园|广场|火车站|汽车站|客运站|高铁站|地铁站|菜市场|农贸市场|商场|"
                 r"超市|码头|机场|景区|体育馆|体育场|步行街)"
                 r"([东南西北]门|[东南西北]广场|正门|门口|[一二三四五六七八九负]楼|附近|旁边?|入口|出口|停车场)?$"
                 r"|^[\x{4e00}-\x{9fa5}]{2,8}(路|街|大道)与[\x{4e00}-\x{9fa5}]{2,8}(路|街|大道)(交叉口|路口|交汇处)$")


def _last_characters(pattern: str) -> str:
    """The characters an organisation's name may end with: the last of each word of
    :data:`_ORGANISATION_NAME`'s closing alternation (of a closing character class, each of its)."""
    words = pattern[pattern.index("}(") + 2:pattern.rindex(")$")].split("|")
    ends = set()
    for word in words:
        ends |= set(word[word.rindex("[") + 1:-1]) if word.endswith("]") else {word[-1]}
    return "".join(sorted(ends))


_ORGANISATION_ENDS = np.zeros(1 << 16, dtype=bool)
_ORGANISATION_ENDS[[ord(c) for c in _last_characters(_ORGANISATION_NAME)]] = True


def _may_be_organisations(values: pa.Array) -> np.ndarray:
    """Which trimmed cells (no nulls) end with a character an organisation's name may end with,
    read off the last three bytes of each value (every such character is three bytes in UTF-8): a
    cheap first pass, as the usual column of persons' names has none."""
    values = contiguous(values)
    if values.type != pa.string() or values.null_count or len(values) == 0:
        return np.ones(len(values), dtype=bool)  # (cannot tell cheaply: every cell goes on)
    bounds = offsets(values).astype(np.int64)
    data, ends = data_bytes(values), bounds[1:] - bounds[0]
    long_ = np.diff(bounds) >= 3
    at = np.where(long_, ends - 3, 0)
    if len(data) < 3:
        return np.zeros(len(values), dtype=bool)
    b0, b1, b2 = (data[at].astype(np.int32), data[at + 1].astype(np.int32), data[at + 2].astype(np.int32))
    code = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)
    return long_ & ((b0 & 0xF0) == 0xE0) & _ORGANISATION_ENDS[code]


def organisation_names(values: pa.Array) -> np.ndarray:
    """Which cells are an organisation's name (…有限公司, …合作社, …经营部), trimmed."""
    return to_mask(pc.fill_null(pc.match_substring_regex(trimmed(values), _ORGANISATION_NAME), False))


def organisation_cells(values: pa.Array) -> np.ndarray:
    """Which cells (trimmed, no nulls) hold an organisation's value: a valid unified social credit
    code, an organisation's name (…有限公司, …合作社, …经营部), an organisation's or a public line
    (400…, 95xxx, 110转接) or a public place (万达广场一楼, …路与…路交叉口)."""
    out = organisation_names(values)
    out |= to_mask(pc.fill_null(pc.match_substring_regex(values, _PUBLIC_PLACE), False))
    rest = np.flatnonzero(~out)
    if len(rest):
        sub = _at(values, rest)
        out[rest] = REGISTRY["cn_uscc"].cells(sub) | REGISTRY["cn_service_number"].cells(sub)
    return out


#: the rows of one organisation that must show the same value for it to be the organisation's.
OWNED_MIN_ROWS = 3
#: the types of value an organisation has as a person does: its switchboard, its premises.
OWNED_TYPES = ("cn_landline", "address")


def owned_by_organisations(owners: pa.Array, values: pa.Array) -> np.ndarray:
    """Which cells of ``values`` are, by their row, an organisation's own landline or address: the
    row's owner (``owners``: a person's column holding some organisations, 雇主 a household or
    a care home) is an organisation's name; among that organisation's rows, at least
    :data:`OWNED_MIN_ROWS` hold a landline or an address and it is the same in every one of them;
    and the value stands in no row of another owner. A person's value differs from row to row of an
    organisation (its staff's homes) or is shared with a person's row; a mobile number is never
    taken for an organisation's (a contact's), nor does it count as evidence."""
    out = np.zeros(len(values), dtype=bool)
    owners = memo.trimmed(pc.fill_null(owners.cast(pa.string()), ""))
    rows = np.flatnonzero(_may_be_organisations(owners))
    if len(rows) < OWNED_MIN_ROWS:
        return out
    rows = rows[organisation_names(owners.take(pa.array(rows)))]
    if len(rows) < OWNED_MIN_ROWS:
        return out
    values = trimmed(pc.fill_null(values.cast(pa.string()), ""))
    allowed = [ORDER.index(t) for t in OWNED_TYPES if t in ORDER]
    rows = rows[np.isin(cell_types(values.take(pa.array(rows))), allowed)]
    seen: dict[str, set[str]] = {}
    counts: Counter = Counter()
    for owner, value in zip(owners.take(pa.array(rows)).to_pylist(), values.take(pa.array(rows)).to_pylist()):
        seen.setdefault(owner, set()).add(value)
        counts[owner] += 1
    own = {next(iter(v)): o for o, v in seen.items() if len(v) == 1 and counts[o] >= OWNED_MIN_ROWS}
    if not own:
        return out
    candidates = np.flatnonzero(to_mask(pc.is_in(values, value_set=pa.array(list(own), pa.string()))))
    shared = {value for owner, value in zip(owners.take(pa.array(candidates)).to_pylist(),
                                            values.take(pa.array(candidates)).to_pylist())
              if own[value] != owner}  # … also beside another owner: not the organisation's alone
    good = [v for v in own if v not in shared]
    return to_mask(pc.is_in(values, value_set=pa.array(good, pa.string()))) if good else out


#: the share of a column's non-empty cells that must be organisations' names for the column to say
#: whose each row is (运维单位 beside 运维电话), when no column of persons' names does.
ORGANISATION_COLUMN_MIN = 0.9


def organisation_column(values: pa.Array) -> bool:
    """Whether a column names an organisation in (nearly) every non-empty row: :data:`ORGANISATION_COLUMN_MIN`
    of its cells are organisations' names (…有限公司, …合作社)."""
    text = memo.trimmed(pc.fill_null(values.cast(pa.string()), ""))
    filled = np.flatnonzero(to_mask(pc.not_equal(text, "")))
    if len(filled) < OWNED_MIN_ROWS:
        return False
    sub = _at(text, filled)
    rows = np.flatnonzero(_may_be_organisations(sub))
    if len(rows) < ORGANISATION_COLUMN_MIN * len(filled):
        return False
    return int(organisation_names(_at(sub, rows)).sum()) >= ORGANISATION_COLUMN_MIN * len(filled)


def organisation_lines_in_rows(owners: pa.Array, values: pa.Array, others: list[pa.Array]) -> np.ndarray:
    """Which cells of a phone field ``values`` are, by their row alone, an organisation's line: the
    row's owner (``owners``) is an organisation's name and the cell is a service number (400…, 95xxx,
    96xxx: no one's), or a landline in a row that identifies the organisation by a valid unified
    social credit code in one of ``others`` (出租人 a company, 出租人证件号 its USCC, 出租人电话 its
    switchboard: the row is a legal person's, and it may stand in one row only). A mobile number is
    never taken for an organisation's; a landline beside a person's name or an ID number stays."""
    out = np.zeros(len(values), dtype=bool)
    owners = memo.trimmed(pc.fill_null(owners.cast(pa.string()), ""))
    rows = np.flatnonzero(_may_be_organisations(owners))
    if not len(rows):
        return out
    rows = rows[organisation_names(_at(owners, rows))]
    if not len(rows):
        return out
    text = trimmed(pc.fill_null(values.cast(pa.string()), "")).take(pa.array(rows))
    service = REGISTRY["cn_service_number"].cells(text)
    landline = cell_types(text) == ORDER.index("cn_landline")
    identified = np.zeros(len(rows), dtype=bool)
    for other in others:
        cells = trimmed(pc.fill_null(other.cast(pa.string()), "")).take(pa.array(rows))
        identified |= REGISTRY["cn_uscc"].cells(cells)
    out[rows[service | (landline & identified)]] = True
    return out


# A surname and a title alone (龚主任, 张副局长, 欧阳科长: ``titles_after`` of name_cues.txt, which
# says so), or a pseudonym that letters the persons of a case (夏某乙, 李某甲): a name's pattern fits
# them, but they name nobody, as 王某 and 李女士 do not (person._MASKED_NAME).
_TITLED_OR_LETTERED = (f"^(({'|'.join(COMPOUND)})|[{SURNAMES}])"
                       f"(副?({'|'.join(TITLES_AFTER)})|某{{1,2}}[甲乙丙丁戊己庚辛壬癸])$")


def titled_or_lettered(values: pa.Array) -> np.ndarray:
    """Which cells (trimmed) are a surname with a title only, or a lettered pseudonym
    (:data:`_TITLED_OR_LETTERED`): as good as masked, kept as written."""
    return to_mask(pc.fill_null(pc.match_substring_regex(values, _TITLED_OR_LETTERED), False))


def cell_types(values: pa.Array, first: str | None = None) -> np.ndarray:
    """Per cell of ``values`` (no nulls, trimmed or not), the index in :data:`ORDER` of the type it
    holds, :data:`MASKED` for a value already masked, or :data:`NONE`. ``first``: a type tried
    before all others (the column's own: one pass settles a column of one type)."""
    text = memo.trimmed(values)
    out = np.full(len(text), NONE, dtype=np.int64)
    if len(text) == 0:
        return out
    order = ([first] if first in ORDER else []) + [t for t in ORDER if t != first]
    left = np.flatnonzero(to_mask(pc.not_equal(text, "")))
    # A placeholder or a way of handling (无, 自助领取) names no one, though a name's pattern may fit it:
    # as good as masked, before any type claims it.
    nobody = nobody_cells(_at(text, left))
    nobody[~nobody] = titled_or_lettered(_at(text, left[~nobody]))
    out[left[nobody]] = MASKED
    left = left[~nobody]
    if len(left) and "person_name" in ORDER:  # a relative, 父亲（王建国）, 许浩 侄子: a name, the word kept by its mask
        kin = kin_name_cells(_at(text, left))  # (first: the plain way, spaces gone, 许浩侄子 would read as one name)
        out[left[kin]] = ORDER.index("person_name")
        left = left[~kin]
    left = _claim(text, left, order, out)
    if len(left):  # the rest once written the plain way (330802 19570528 0715, ＋86 138…)
        sub = _at(text, left)
        plain = normalize(sub)
        moved = np.flatnonzero(changed(sub, plain))
        if len(moved):
            local = np.full(len(moved), NONE, dtype=np.int64)
            _claim(_at(plain, moved), np.arange(len(moved)), order, local)
            out[left[moved]] = local
            left = left[out[left] == NONE]
    if len(left):
        masked = np.zeros(len(left), dtype=bool)
        sub = _at(text, left)
        grouped = _squeezed(sub)  # (6217 **** **** 8365: masked as it is written, grouped by four)
        for kind in ORDER:
            masked |= REGISTRY[kind].masked(sub)
            if grouped is not None:
                masked |= REGISTRY[kind].masked(grouped)
        out[left[masked]] = MASKED
        left = left[~masked]
    if len(left):
        out[left[organisation_cells(_at(text, left))]] = ORGANISATION
    return out


# Digits and stars in groups (6217 **** **** 8365, 138-****-5678): a masked value written grouped.
_GROUPED_MASKED = r"^[0-9*＊][0-9*＊ \-]*[*＊][0-9*＊ \-]*[0-9Xx*＊]$"


def _squeezed(values: pa.Array) -> pa.Array | None:
    """``values`` with the spaces and dashes inside grouped masked values taken out, so that a
    type's ``masked`` pattern sees them plain; ``None`` when no cell is one."""
    grouped = pc.fill_null(pc.match_substring_regex(values, _GROUPED_MASKED), False)
    if not pc.any(grouped).as_py():
        return None
    return pc.if_else(grouped, pc.replace_substring_regex(values, r"[ \-]", ""), values)


def first_of(values: pa.Array, kinds: list[str]) -> np.ndarray:
    """Per cell of ``values`` (no nulls), the index in :data:`ORDER` of the first of ``kinds`` that
    matches it as written or in its plain form (:func:`normalize`), else :data:`NONE`."""
    text = memo.trimmed(values)
    out = np.full(len(text), NONE, dtype=np.int64)
    left = _claim(text, np.arange(len(text)), kinds, out)
    if len(left):
        local = np.full(len(left), NONE, dtype=np.int64)
        _claim(normalize(_at(text, left)), np.arange(len(left)), kinds, local)
        out[left] = local
    return out


def _claim(text: pa.Array, left: np.ndarray, order: list[str], out: np.ndarray) -> np.ndarray:
    """Give each cell at ``left`` the first type in ``order`` that matches it; returns the rest."""
    for kind in order:
        if len(left) == 0:
            break
        hits = memo.cells(REGISTRY[kind], _at(text, left))
        out[left[hits]] = ORDER.index(kind)
        left = left[~hits]
    return left
