"""mask: keep some leading and trailing characters, replace the rest with ``*``.

Defaults follow the masking seen in Chinese public notices: ``330102********123X``,
``138****5678``, ``张*`` / ``欧阳**``, ``z***@example.com``, ``192.168.*.*``, ``1990-**-**``.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ...strings import DigitRun, bmp_chars, contiguous, data_bytes, fixed_width, offsets
from .. import memo
from ..detectors import REGISTRY
from ..detectors.base import all_digits
from ..scan import non_capturing
from ..detectors.documents import DOCUMENT_CUE, MILITARY_ISSUERS, PROVINCE_ABBREVIATIONS
from ...bitmaps import to_mask
from ..detectors.person import COMPOUND, KIN_NAME_PARTS, nobody_cells, compound_surnames, kin_name_cells, kin_name_start, named_name_span, \
    text_names, verb_cut
from ..detectors.email import WECHAT_CUE
from ..detectors.phones import MOBILE_PREFIX
from .base import Operator, by_distinct, on_ipv6, register

DEFAULT_KEEP = {
    "cn_resident_id": (6, 4), "cn_mobile": (3, 4), "bank_card": (6, 4), "cn_passport": (1, 3),
    "cn_license_plate": (2, 1), "cn_landline": (4, 2), "address": (6, 0), "birth_date": (4, 0),
    "military_id": (3, 1),  # 军字第********号: the issuer stays, the number goes
    # the zone's document code (P) or the number's first letter; the card's letter (A*********); a
    # foreign number's country code (+852 *******67)
    "passport_mrz": (1, 0), "hk_macau_tw_id": (1, 0), "other_phone": (5, 2),
}
_COMPOUND = "^(" + "|".join(COMPOUND) + ")"

# Vectorized masks of spans inside free text: (RE2 pattern with groups, rewrite).
SPAN_REWRITES = {
    "cn_resident_id": (r"(\b|_)(\d{6})\d{8}(\d{3}[\dXx])(\d{0,3})(\b|_)", r"\1\2********\3\4\5"),
    "cn_mobile": (rf"{MOBILE_PREFIX}(1[3-9]\d)(?:[- ]?\d{{4}}[- ]?|\.\d{{4}}\.|/\d{{4}}/)(\d{{4}})\b", r"\1\2****\3"),
    "cn_landline": (r"\b(0\d{2,3}-)[2-9]\d{4,5}(\d{2})\b", r"\1*****\2"),
    "email": (r"([A-Za-z0-9])[A-Za-z0-9._%+-]*(@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})", r"\1***\2"),
    "bank_card": (r"\b(\d{6})\d{6,9}(\d{4})\b", r"\1******\2"),
    # (a plate ends where its letters and digits do: 浙AA5762768 is a licence number's, as the detector has it)
    "cn_license_plate": (f"([{PROVINCE_ABBREVIATIONS}][A-HJ-NP-Z])[A-HJ-NP-Z0-9]{{3,4}}([A-HJ-NP-Z0-9](?:\\b|_)|[挂学警港澳])",
                         r"\1****\2"),
    "address": (r"(\d+|[一二三四五六七八九十]+)(幢|栋|号楼|单元|室)", r"*\2"),
    "ip_address": (r"\b(\d{1,3}\.\d{1,3})\.\d{1,3}\.\d{1,3}\b", r"\1.*.*"),
    "military_id": (f"([{MILITARY_ISSUERS}]字第)\\d{{6,8}}(号)", r"\1********\2"),
    # the word for the document stays (护照E*****678)
    "cn_passport": (f"({DOCUMENT_CUE}[:：为是]?\\s*[CDEGHMPS])[A-Z0-9]{{4,7}}(\\d{{3}})\\b", r"\1*****\2"),
    # the cue stays, and three digits: fewer than a QQ number has (QQ是842*****)
    "qq_number": (r"((?:(?i:qq)|\bQ[号號]|扣扣|企鹅[号號])\s*(?:[号號]码|[号號]碼|[号號]|账[号號]|帐[号號])?"
                  r"\s*[:：]?\s*(?:是|为|為)?\s*[:：]?\s*[1-9]\d\d)\d{2,8}\b", r"\1*****"),
    # the cue stays, the ID goes whole (微信******; wxid_******)
    "wechat_id": (f"({WECHAT_CUE})(?:wxid_[a-z0-9]{{6,24}}|[A-Za-z][A-Za-z0-9_-]{{5,19}})\\b", r"\1******"),
}


# Further written forms, rewritten after the first (a local number after the word for it).
MORE_SPAN_REWRITES = {
    "wechat_id": [(r"\bwxid_[a-z0-9]{6,24}\b", "wxid_******")],
    "cn_landline": [(r"((?:座机|固话|固定电话|办公电话|家庭电话|联系电话|电话)[:：]?\s*)[2-9]\d{4,5}(\d{2})\b", r"\1******\2")],
    # the room after a building or unit (…*单元402 → …*单元***), and an estate's building-unit-room
    # code standing alone (5-5-1602)
    "address": [(r"(\*(?:幢|栋|号楼|单元|座))\d{3,4}", r"\1****"),
                (r"\b[1-9]\d{0,2}-[1-9]\d?-[1-9]\d?(?:0[1-9]|1[0-2])\b", r"*-*-****")],
}


def mask_digit_runs(values: pa.Array, run: DigitRun, keep_start: int, keep_end: int) -> pa.Array | None:
    """Mask every standalone ``run`` of digits (see :func:`~opendata.strings.digit_runs`) in the
    text; ``keep_start`` and ``keep_end`` characters stay. The text around is untouched and the
    byte length unchanged. ``None`` for arrays with nulls."""
    values = contiguous(values)
    found = memo.digit_runs(values, run)
    if found is None:
        return None
    starts, _ = found
    if len(starts) == 0:
        return values
    bounds = offsets(values).astype(np.int64)
    data = data_bytes(values).copy()  # the input stays as it is
    for i in range(keep_start, run.length - keep_end):
        data[starts + i] = ord("*")
    return pa.StringArray.from_buffers(len(values), pa.py_buffer((bounds - bounds[0]).astype(np.int32)),
                                       pa.py_buffer(data))


# Landlines keep their separator (0571-******74): one RE2 rewrite per exact shape; values of any
# other shape get the generic keep-start/keep-end mask.
LANDLINE_REWRITES = [(r"^(0\d{3}-)\d{6}(\d{2})$", r"\1******\2"), (r"^(0\d{2}-)\d{6}(\d{2})$", r"\1******\2"),
                     # the area code after the number (66178162（0576）): it stays, and the last two digits
                     (r"^[2-9]\d{4,5}(\d{2}\s?[(（]0\d{2,3}[)）])$", r"******\1")]


GEO_REWRITES = [(r"^([-+]?\d{1,3}\.\d{2})\d+(\s*[,，/ ]\s*[-+]?\d{1,3}\.\d{2})\d+$", r"\1****\2****")]


def _landline_uniform(values: pa.Array) -> pa.Array | None:
    """The landline rewrites on the bytes, when every value has the same one of their shapes
    (0571-88123456 or 010-62345678): the area code and separator are kept. ``None`` otherwise."""
    m = fixed_width(values)
    if m is None or m.shape[1] not in (12, 13):
        return None
    width = m.shape[1]
    sep = width - 9  # 0 + two or three digits, then "-"
    shaped = (m[:, 0] == ord("0")) & (m[:, sep] == ord("-")) & all_digits(m[:, 1:sep]) & all_digits(m[:, sep + 1:])
    if not shaped.all():
        return None
    return _mask_uniform(values, sep + 1, 2, "*")


def _rewrite(values: pa.Array, rewrites: list[tuple[str, str]], fallback) -> pa.Array:
    """Apply exact-shape rewrites; cells none of them changed get ``fallback``."""
    out = values
    for pattern, replacement in rewrites:
        out = pc.replace_substring_regex(out, pattern, replacement)
    # A rewrite always inserts "*", so an unchanged cell is one no pattern fitted (cheap to test).
    unchanged = pc.fill_null(pc.equal(out, values), False)
    if not pc.any(unchanged).as_py():
        return out
    return pc.if_else(unchanged, fallback(values), out)


# an e-mail address with its "@" spelled out or replaced (name#163.com, name(at)163.com, name at …)
_SPELLED_AT = r"(?s)^([A-Za-z0-9])[A-Za-z0-9._%+-]*?((?:\s?[#＠]|\s?[(\[（【]\s?(?i:at)\s?[)\]）】]|\s(?i:at)\s).*)$"


def _mask_email(values: pa.Array, char: str) -> pa.Array:
    """z***@example.com: the first character, then everything from the first "@" on (or, written
    without one, from what stands for it on: z*** at example.com, z***#163.com)."""
    at = pc.find_substring(values, "@")
    if pc.min(at).as_py() in (None, -1, 0):  # some value has no "@" or nothing before it
        out = pc.replace_substring_regex(values, r"(?s)^([^@])[^@]*(@.*)$", rf"\1{char * 3}\2")
        spelled = pc.fill_null(pc.equal(at, -1), False)
        if pc.any(spelled).as_py():
            out = pc.if_else(spelled, pc.replace_substring_regex(
                values, _SPELLED_AT, rf"\1{char * 3}\2"), out)
        return out
    domain = pc.list_element(pc.split_pattern(values, "@", max_splits=1), 1)
    return pc.binary_join_element_wise(pc.utf8_slice_codeunits(values, 0, 1), domain, f"{char * 3}@")


def _mask_ip(values: pa.Array, char: str) -> pa.Array:
    """192.168.*.*; an IPv6 address keeps its first two groups (2001:0db8:*:*:*:*:*:*). Values
    that are neither are left as they are (the re-scan judges them)."""
    v4 = pc.replace_substring_regex(values, r"(?s)^(\d{1,3}\.\d{1,3})\..*$", rf"\1.{char}.{char}")
    return on_ipv6(values, v4, lambda address: ":".join(address.exploded.split(":")[:2] + [char] * 6))


def _mask_chinese_names(values: pa.Array, char: str) -> pa.Array | None:
    """张* / 欧阳** on the bytes, when every value is Chinese characters (three UTF-8 bytes each)
    and the mask character is one byte: the surname's bytes (a compound's two characters) are
    copied and a star written for each other character, as :func:`mask_cells` would with one
    (two) characters kept. ``None`` otherwise."""
    values = contiguous(values)
    if values.type != pa.string() or values.null_count or len(values) == 0 or len(char.encode()) != 1:
        return None
    bounds = offsets(values).astype(np.int64)
    starts, lengths = bounds[:-1] - bounds[0], np.diff(bounds)
    data = data_bytes(values)
    if (lengths % 3).any() or (((data & 0xC0) != 0x80) != ((data & 0xF0) == 0xE0)).any():
        return None  # some character is not three bytes: the general path
    chars = lengths // 3
    two = np.flatnonzero(chars >= 2)
    compound = np.zeros(len(values), dtype=bool)
    if len(two):
        first = data[starts[two][:, None] + np.arange(6)]
        points, _ = bmp_chars(first)
        compound[two] = compound_surnames(points)
    keep = np.where(compound, 2, 1)
    keep = np.where(chars > keep, keep, np.minimum(chars - 1, 1).clip(0))  # short values keep one, or none
    out_lengths = chars + 2 * keep  # the kept characters' three bytes, one star for each other
    out_bounds = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum(out_lengths, out=out_bounds[1:])
    out = np.full(int(out_bounds[-1]), ord(char), dtype=np.uint8)
    for j in range(6):
        rows = np.flatnonzero(3 * keep > j)
        out[out_bounds[rows] + j] = data[starts[rows] + j]
    return pa.StringArray.from_buffers(len(values), pa.py_buffer(out_bounds.astype(np.int32)), pa.py_buffer(out))


def _mask_kin_names(values: pa.Array, kin: np.ndarray, char: str) -> pa.Array:
    """Names in cells written with a word of kinship (``kin``: 父亲（王建国） → 父亲（王**）, 王建国（父亲） →
    王**（父亲）) masked as in text, the other cells as names — but those already masked, which name
    nobody (王某（父亲）, 李女士（母亲）: the word of kinship is kept with them)."""
    mask = pa.array(kin)
    named = _mask_kin_parts(values.filter(mask).cast(pa.string()), char)
    if kin.all():
        return named
    others = ~kin & ~REGISTRY["person_name"].masked(pc.fill_null(values.cast(pa.string()), ""))
    out = pc.replace_with_mask(values.cast(pa.string()), mask, named.cast(pa.string()))
    if not others.any():
        return out
    rest = Mask().apply(values.filter(pa.array(others)), "person_name", {"char": char})
    return pc.replace_with_mask(out, pa.array(others), rest.cast(pa.string()))


# (Arrow's extract kernel takes named groups only)
_KIN_NAME_PARTS = non_capturing(KIN_NAME_PARTS)


def _mask_kin_parts(values: pa.Array, char: str) -> pa.Array:
    """Relatives' cells (:data:`KIN_NAME_PARTS`: 侄子：余文勇, 薛艳勇 母亲, 父亲（王建国）) with the name masked (侄子：余**)
    and the word and its marks kept as written; a cell the parts do not fit is masked as text."""
    parts = pc.extract_regex(values, _KIN_NAME_PARTS)
    fits = to_mask(pc.is_valid(parts))
    out = _mask_text_names(values, char)
    if not fits.any():
        return out
    index = pa.array(np.flatnonzero(fits))
    fitting = parts.take(index)
    # (the first character kept, as text keeps it: a compound surname kept whole after the word, 儿子：尉迟*, reads as
    # a name still to the re-scan)
    names = mask_cells(pc.struct_field(fitting, "name"), 1, 0, char)
    joined = pc.binary_join_element_wise(pc.struct_field(fitting, "before"), names.cast(pa.string()),
                                         pc.struct_field(fitting, "after"), "")
    return pc.replace_with_mask(out.cast(pa.string()), pa.array(fits), joined)


def mask_cells(values: pa.Array, keep_start: int, keep_end: int, char: str = "*") -> pa.Array:
    """Keep ``keep_start`` leading and ``keep_end`` trailing characters; values too short to
    keep that much keep only their first character (one-character values are masked whole)."""
    uniform = _mask_uniform(values, keep_start, keep_end, char)
    if uniform is not None:
        return uniform
    length = pc.utf8_length(values)
    head = pc.utf8_slice_codeunits(values, 0, keep_start)
    stars = pc.binary_repeat(pa.scalar(char), pc.max_element_wise(pc.subtract(length, keep_start + keep_end), 0))
    parts = [head, stars, pc.utf8_slice_codeunits(values, -keep_end)] if keep_end else [head, stars]
    masked = pc.binary_join_element_wise(*parts, "")
    shortest = pc.min(length).as_py()
    if shortest is None or shortest > keep_start + keep_end:
        return masked  # no value is too short to keep that much (the usual case)
    long_enough = pc.greater(length, keep_start + keep_end)
    short = pc.if_else(
        pc.greater(length, 1),
        pc.binary_join_element_wise(pc.utf8_slice_codeunits(values, 0, 1),
                                    pc.binary_repeat(pa.scalar(char), pc.max_element_wise(pc.subtract(length, 1), 0)), ""),
        pc.binary_repeat(pa.scalar(char), length))
    return pc.if_else(long_enough, masked, short)


def _mask_uniform(values: pa.Array, keep_start: int, keep_end: int, char: str) -> pa.Array | None:
    """:func:`mask_cells` on the bytes, when every value has the same layout: the same byte length
    and characters at the same byte offsets (an ID, phone or card column; 浙A12345 plates). Then
    the kept characters are fixed byte ranges and the mask is a copy. ``None`` otherwise."""
    matrix = fixed_width(values)
    if matrix is None:
        return None
    width = matrix.shape[1]
    if matrix.max() < 0x80:  # ASCII: one byte per character
        starts = np.arange(width)
    else:
        lead = (matrix & 0xC0) != 0x80  # bytes that begin a character
        if not (lead == lead[0]).all():
            return None
        starts = np.flatnonzero(lead[0])
    chars = len(starts)
    if chars <= keep_start + keep_end:
        return None  # the short-value rule: left to the general path
    head = int(starts[keep_start]) if keep_start else 0
    tail = int(starts[chars - keep_end]) if keep_end else width
    star = np.frombuffer((char * (chars - keep_start - keep_end)).encode(), dtype=np.uint8)
    out = np.empty((len(values), head + len(star) + width - tail), dtype=np.uint8)
    out[:, :head] = matrix[:, :head]
    out[:, head:head + len(star)] = star
    out[:, head + len(star):] = matrix[:, tail:]
    offsets = np.arange(0, out.size + 1, out.shape[1], dtype=np.int32)
    return pa.StringArray.from_buffers(len(values), pa.py_buffer(offsets), pa.py_buffer(out))


def _mask_name_spans(values: pa.Array, char: str) -> pa.Array:
    """Names in free text (:func:`~opendata.pii.detectors.person.name_span`): the cue before and the
    verb or mark after stay, the name keeps its first character (来电人张**, 蒋**反映); a relative's cell (公孙鹏艳
    侄子, 父亲（王建国）: :func:`kin_name_cells`) by its parts, as in a column of names."""
    kin = kin_name_cells(values)
    if not kin.any():
        return _mask_text_names(values, char)
    out = _mask_text_names(values, char).cast(pa.string())
    return pc.replace_with_mask(out, pa.array(kin), _mask_kin_parts(values.filter(pa.array(kin)).cast(pa.string()), char))


def _mask_text_names(values: pa.Array, char: str) -> pa.Array:
    """:func:`_mask_name_spans` but for relatives' cells."""
    from ..cells import organisation_names

    compiled = named_name_span()
    organisations = organisation_names(values)
    # … nor does a placeholder or a way of handling, a whole cell (自助领取: a name's pattern fits it)
    organisations |= nobody_cells(pc.utf8_trim_whitespace(values.cast(pa.string())))
    if organisations.any():  # an organisation's name holds no person's name (PersonName.spans)
        masked = _mask_text_names(pc.if_else(pa.array(organisations), pa.scalar("", pa.string()), values.cast(pa.string())), char)
        return pc.if_else(pa.array(organisations), values.cast(pa.string()), masked)

    def cell(text: str) -> str:
        found: list[tuple[str, str]] = []

        def one(match: "re.Match[str]") -> str:
            i, name, begins = text_names(match)
            if begins >= len(name):  # a word that names nobody, or a place: as written (PersonName.spans)
                return match.group(0)
            after = match.groupdict().get(f"s{i}") or ""
            kept = match.group(f"p{i}")
            kin = kin_name_start(i, match) if begins == 0 else None
            if kin is not None:  # 孙子涵…: a word of kinship that may be a name's start is masked as one (孙*…)
                kept, name = kept[:kin], kept[kin:] + name
            # (a name taken greedily up to the first character of the verb after it, 苏和来|到: that character stays,
            # and the name found again elsewhere is 苏和)
            cut = verb_cut(name, begins, match.string[match.end(f"n{i}"):match.end(f"n{i}") + 3])
            if cut:
                name, after = name[:-cut], name[-cut:] + after
            masked = name[begins] + char * (len(name) - begins - 1)
            found.append((name[begins:], masked))
            # (… and what its stars hide, when that is a name of its own: 和孙建 read as one name hides 孙建)
            found.append((name[begins + 1:], char * (len(name) - begins - 1)))
            return kept + name[:begins] + masked + after

        out = compiled.sub(one, text)
        # The same name again in the same text, where no cue stands before it (与杜怡驾驶的…，杜怡轻微擦伤):
        # found once, it is masked wherever it stands in the cell.
        for name, masked in found:
            if len(name) >= 2 and name in out:
                out = out.replace(name, masked)
        return out

    out = by_distinct(values, cell)
    # A name the first pass cut short (a list after a cue cut at 都 inside a transliterated name,
    # …、艾力·阿布|都拉…, leaves a run of transliterated characters) is found again in what it wrote,
    # as the re-scan after redaction would: the cells a pass changed go through again until none does.
    moved = np.flatnonzero(~to_mask(pc.fill_null(pc.equal(values.cast(pa.string()), out), True)))
    for _ in range(_NAME_PASSES):
        if len(moved) == 0:
            break
        before = out.take(pa.array(moved))
        after = by_distinct(before, cell)
        changed = ~to_mask(pc.fill_null(pc.equal(before, after), True))
        moved = moved[changed]
        if len(moved):
            mask = np.zeros(len(out), dtype=bool)
            mask[moved] = True
            out = pc.replace_with_mask(out, pa.array(mask), after.filter(pa.array(changed)))
    return out


#: passes of the name treatment over its own output at most (one more is needed rarely, two never seen).
_NAME_PASSES = 3


@register
class Mask(Operator):
    name = "mask"
    params = {"keep_start": int, "keep_end": int, "char": str}

    def apply(self, values: pa.Array, pii_type: str | None, params: dict[str, Any], key=None) -> pa.Array:
        char = params.get("char", "*")
        if "keep_start" not in params and "keep_end" not in params:
            if pii_type == "person_name":
                kin = kin_name_cells(values)
                if kin.any():  # 父亲（王建国）: the name is masked, the word of kinship stays (父亲（王**）)
                    return _mask_kin_names(values, kin, char)
                chinese = _mask_chinese_names(values, char)
                if chinese is not None:
                    return chinese
                masked = mask_cells(values, 1, 0, char)
                compound = pc.fill_null(pc.match_substring_regex(values, _COMPOUND), False)
                if not pc.any(compound).as_py():  # the common case: one-character surnames only
                    return masked
                return pc.if_else(compound, mask_cells(values, 2, 0, char), masked)
            if pii_type == "email":
                return _mask_email(values, char)
            if pii_type == "ip_address":
                return _mask_ip(values, char)
            if pii_type == "birth_date":
                return pc.replace_substring_regex(pc.utf8_slice_codeunits(values, 0, 4), "$", f"-{char * 2}-{char * 2}")
            if pii_type == "geo_coordinates" and char == "*":
                # generalized to two decimals (about a kilometre: the district, not the house), the
                # rest starred so that the value reads as treated (29.05****,118.97****)
                return _rewrite(values, GEO_REWRITES, lambda v: mask_cells(v, 1, 0, char))
        start, end = DEFAULT_KEEP.get(pii_type or "", (1, 1))
        if pii_type == "cn_landline" and "keep_start" not in params and "keep_end" not in params and char == "*":
            uniform = _landline_uniform(values)
            if uniform is not None:
                return uniform
            return _rewrite(values, LANDLINE_REWRITES, lambda v: mask_cells(v, start, end, char))
        return mask_cells(values, params.get("keep_start", start), params.get("keep_end", end), char)

    def apply_spans(self, values, pattern, pii_type, params, key=None):
        if pii_type == "person_name" and not set(params) & {"keep_start", "keep_end"}:
            return _mask_name_spans(values, params.get("char", "*"))
        rewrite = SPAN_REWRITES.get(pii_type)
        if rewrite is None or set(params) & {"keep_start", "keep_end"} or params.get("char", "*") != "*":
            return super().apply_spans(values, pattern, pii_type, params, key)
        hint = REGISTRY[pii_type].kept_hint if pii_type in REGISTRY else None
        if hint is not None:
            # Cells where the context may keep a span (an organisation's duty line) go span by span
            # (Operator.apply_spans asks kept_span); the rewrite below does not read context.
            hinted = to_mask(pc.fill_null(pc.match_substring_regex(values, hint), False))
            if hinted.any():
                kept = super().apply_spans(values.filter(pa.array(hinted)), pattern, pii_type, params, key)
                out = values.cast(pa.string())
                if not hinted.all():
                    rest = self._rewritten(values.filter(pa.array(~hinted)), pattern, pii_type, params, key)
                    out = pc.replace_with_mask(out, pa.array(~hinted), rest.cast(pa.string()))
                return pc.replace_with_mask(out, pa.array(hinted), kept.cast(pa.string()))
        return self._rewritten(values, pattern, pii_type, params, key)

    def _rewritten(self, values, pattern, pii_type, params, key=None):
        """Spans by the type's vectorized rewrites (SPAN_REWRITES), and the forms they do not take
        one by one."""
        rewrite = SPAN_REWRITES[pii_type]
        out = pc.replace_substring_regex(values, rewrite[0], rewrite[1])
        for pattern_, replacement in MORE_SPAN_REWRITES.get(pii_type, ()):
            out = pc.replace_substring_regex(out, pattern_, replacement)
        if pattern and pc.any(pc.fill_null(pc.match_substring_regex(out, pattern), False)).as_py():
            out = super().apply_spans(out, pattern, pii_type, params, key)  # forms the rewrite does not take
        return out

    def apply_spans_fast(self, values, pii_type, params, key=None):
        # Spans written as a bare run of digits (the detector's digit_run) are masked on the
        # bytes as SPAN_REWRITES would, keeping what a whole value keeps. Other written forms
        # (+86, separators) are left: the caller re-scans and sends those batches to the rewrite.
        run = REGISTRY[pii_type].digit_run if pii_type in REGISTRY else None
        if run is None or pii_type not in DEFAULT_KEEP or params:
            return None
        return mask_digit_runs(values, run, *DEFAULT_KEEP[pii_type])
