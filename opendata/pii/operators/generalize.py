"""generalize: coarser values — date → year or month, age → band, address → district or street
(building, unit and room dropped),
coordinates → fewer decimals, IP → its network (192.168.1.*, the /24; 2001:0db8:00aa:*:*:*:*:*, the /48).

Networks are written with stars, not as 192.168.1.0/24: that form holds an address, which the
re-scan would rightly report."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from ...errors import DescriptorError
from ..detectors.person import BIRTH_WORDS_AFTER, BIRTH_WORDS_BEFORE, BUILDING, GROUP, UNIT
from .base import Operator, on_ipv6, register

LEVELS = {"year", "month", "district", "street", "band", "decimals", "network"}
# (?s): "." also matches a line break, so a value written over two lines is generalized whole.
_DISTRICT = r"(?s)^(.*?(?:区|县|旗|县级市|新区|开发区)).*$"
# Street level: drop everything from the first building, unit, room, house number or village group
# onwards (…村6组40号, …村3社, …村5村民小组, …村第七村民小组 → …村): the words are the address detector's
# (``data/address.txt``), so that what is left is no household's address to the re-scan; a group
# word before 区 is a community's name (五一社区). A plain deletion, which RE2 does far faster than a
# rewrite; no capture groups, which RE2 would track regardless.
_DWELLING = (r"(?s)第?(?:\d+|[一二三四五六七八九十]+)"
             rf"(?:(?:{BUILDING}|{UNIT}|室|楼\d|号|弄\d|-\d).*|(?:{GROUP})(?:[^区].*)?)$")


# The longest month and day first: 19551227 is 1955-12-27, not 1955-1-2 and "27" left over.
_BIRTH_IN_TEXT = (rf"((?:{BIRTH_WORDS_BEFORE})[:：为是]?\s*)((?:19|20)\d{{2}})(?:[-/.年])?"
                  r"(?:1[0-2]|0?[1-9])(?:[-/.月])?(?:3[01]|[12]\d|0?[1-9])日?")
# … and the date before the words (1994年11月28日出生 → 1994年出生), as the detector reads it.
_BIRTH_BEFORE_WORDS = (r"((?:19|20)\d{2})[-/.年](?:1[0-2]|0?[1-9])[-/.月](?:(?:3[01]|[12]\d|0?[1-9])日?)?"
                       rf"(\s?(?:{BIRTH_WORDS_AFTER}))")


def _date(values: pa.Array, level: str) -> pa.Array:
    if level == "year":
        # Values that begin with four digits (1990-05-17, 19900517, 1990年…) keep just those: the
        # regex below gives the same, far slower.
        head = pc.utf8_slice_codeunits(values, 0, 4)
        if pc.all(pc.ascii_is_decimal(head)).as_py() and pc.min(pc.utf8_length(head)).as_py() == 4:
            return head
    # The first run of four digits: the year leads (1990-05-17) or follows (17.05.1990, 30 AUG 1959).
    year = pc.replace_substring_regex(values, r"(?s)^\D*(?:\d{1,2}\D+)*(\d{4}).*$", r"\1")
    if level == "year":
        return year
    month = pc.replace_substring_regex(values, r"(?s)^\D*(\d{4})\D?(\d{1,2}).*$", r"\1-\2")
    return pc.replace_substring_regex(month, r"-(\d)$", r"-0\1")


# What every pattern of a household's address holds (RE2): a digit, a Chinese numeral, or 住.
_MAYBE_DWELLING = r"[0-9一二三四五六七八九十住]"


def _still_addresses(out: pa.Array) -> pa.Array:
    """Street-level addresses, each that the address detector still reads as a household's (what
    the re-scan of the output would report) taken to district level, and where that leaves one
    too, masked after six characters: a treated address is never refused as untreated."""
    import numpy as np

    from ...bitmaps import to_mask
    from ..detectors import REGISTRY
    from .mask import mask_cells

    detector = REGISTRY["address"]

    def flagged(values: pa.Array) -> np.ndarray:
        # Only a number (or 住, 家住…嘎查 in text) makes an address a household's: the other cells
        # (most, at street level) need no detector.
        out = to_mask(pc.fill_null(pc.match_substring_regex(values, _MAYBE_DWELLING), False))
        index = np.flatnonzero(out)
        if len(index):
            maybe = values.take(pa.array(index))
            out[index] = detector.cells(maybe) | (detector.spans(maybe) > 0)
        return out

    left = flagged(out)
    if not left.any():
        return out
    index = pa.array(np.flatnonzero(left))
    coarser = pc.replace_substring_regex(out.take(index), _DISTRICT, r"\1")
    again = flagged(coarser)
    if again.any():
        coarser = pc.replace_with_mask(coarser, pa.array(again), mask_cells(coarser.filter(pa.array(again)), 6, 0))
    return pc.replace_with_mask(out, pa.array(left), coarser)


@register
class Generalize(Operator):
    name = "generalize"
    params = {"level": str, "width": int, "decimals": int}

    def check(self, params, pii_type, *, where):
        out = super().check(params, pii_type, where=where)
        level = out.get("level")
        if level is not None and level not in LEVELS:
            raise DescriptorError("operator.bad_param", path=where, operator=self.name, param="level", value=level)
        return out

    def apply_spans(self, values, pattern, pii_type, params, key=None):
        if pii_type == "birth_date" and params.get("level", "year") == "year":
            # 出生日期1958-05-03 → 出生日期1958年: the words stay, the year is all that is left.
            out = pc.replace_substring_regex(values, _BIRTH_IN_TEXT, r"\1\2年")
            return pc.replace_substring_regex(out, _BIRTH_BEFORE_WORDS, r"\1年\2")
        if pii_type == "address" and (params.get("level") or "street") == "street":
            return self._address_spans(values, pattern, params, key)
        out = super().apply_spans(values, pattern, pii_type, params, key)
        # Generalising one address may bring the next part into view (…大道230号翠苑家园16幢…: the
        # street number goes, and 大道翠苑家园16幢 is a dwelling's span): again, until nothing changes.
        for _ in range(3):
            again = super().apply_spans(out, pattern, pii_type, params, key)
            if again.equals(out):
                break
            out = again
        return out

    def _address_spans(self, values, pattern, params, key):
        """Each address span at street level, or at district level where street level leaves
        what is still an address to the detector (住…乌兰镇巴彦图嘎查: no dwelling below the
        village to drop), so that the re-scan finds the text treated."""
        import re

        from .base import by_distinct, python_pattern
        from .mask import mask_cells

        compiled = re.compile(python_pattern(pattern), re.ASCII)
        district = self.scalar("address", {**params, "level": "district"}, key)
        dwelling = re.compile(_DWELLING, re.ASCII)  # the same deletion, compiled once for the spans

        def street(value: str) -> str:  # (the span is checked below, not by apply's own check)
            return dwelling.sub("", value, count=1)

        def coarsest(value: str) -> str:
            out = district(value)  # … and where no district is named either, masked after six characters
            return out if out != value else mask_cells(pa.array([value], pa.string()), 6, 0)[0].as_py()

        def one(match: "re.Match[str]") -> str:
            value = match.group(0)
            out = street(value)
            return coarsest(value) if out == value or compiled.search(out) else out

        from ..detectors import REGISTRY

        kept = REGISTRY["address"].kept_span  # an organisation's address stays as written

        def cell(text: str) -> str:
            out = compiled.sub(lambda m: m.group(0) if kept(text, *m.span()) else one(m), text)
            if out == text or not any(not kept(out, *m.span()) for m in compiled.finditer(out)):
                return out
            return compiled.sub(lambda m: m.group(0) if kept(out, *m.span()) else coarsest(m.group(0)), out)

        return by_distinct(values, cell)

    def apply(self, values: pa.Array, pii_type: str | None, params: dict[str, Any], key=None) -> pa.Array:
        level = params.get("level") or {"birth_date": "year", "address": "street",
                                         "ip_address": "network"}.get(pii_type or "", "year")
        if level in ("year", "month"):
            return _date(values, level)
        if level == "district":
            return pc.replace_substring_regex(values, _DISTRICT, r"\1")
        if level == "street":
            out = pc.replace_substring_regex(values, _DWELLING, "")
            return _still_addresses(out) if pii_type == "address" else out
        if level == "network":  # the /24 of an IPv4 address, the /48 (a site's prefix) of an IPv6 one
            v4 = pc.replace_substring_regex(values, r"^(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}$", r"\1.*")
            return on_ipv6(values, v4, lambda address: ":".join(address.exploded.split(":")[:3] + ["*"] * 5))
        if level == "band":
            width = params.get("width", 10)
            number = pc.cast(pc.if_else(pc.match_substring_regex(values, r"^\d+$"), values, None), pa.int64())
            low = pc.multiply(pc.divide(number, width), width)
            text = pc.binary_join_element_wise(pc.cast(low, pa.string()),
                                               pc.cast(pc.add(low, width - 1), pa.string()), "-")
            return pc.if_else(pc.is_null(number), values, text)
        # decimals: coordinates and other numbers rounded
        number = pc.cast(pc.if_else(pc.match_substring_regex(values, r"^-?\d+(\.\d+)?$"), values, None), pa.float64())
        rounded = pc.cast(pc.round(number, params.get("decimals", 2)), pa.string())
        return pc.if_else(pc.is_null(number), values, rounded)
