"""Scanning: which fields hold which personal information, whether declared or not.

:func:`scan_batch` is pure: raw text columns in, counts out (per field and type: whole-cell matches,
already-masked values, cells with spans in free text). :func:`scan` streams a package through it
and decides per field from the totals.

Every step is exact; samples only decide how much work it takes. A small sample routes each column
to the detectors that can match it; what they leave goes through one combined pattern (searched
once over the whole column joined when the sample shows nothing); only its candidates reach the
individual detectors and their check digits. Columns whose values repeat are scanned by their
distinct values, counts weighted by occurrence.

Reports carry counts and masked samples only, never a raw value.
"""

from __future__ import annotations

import json
import re
import threading
from collections import Counter, defaultdict
from pathlib import Path
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import re2

from .. import messages
from ..bitmaps import to_mask
from ..parallel import ordered_map
from ..readers.base import DEFAULT_BATCH_ROWS
from ..strings import byte_lengths, byte_table, contiguous, data_bytes, filled, han_counts, holds_bytes, offsets, trimmed
from . import memo
from .decide import Detection, Rules, decide, default_rules, header_only
from .detectors.person import kin_name_cells, nobody_cells
from .detectors import REGISTRY, Detector
from .detectors.base import data_file
from . import nested
from .nested import NESTED as _NESTED, header_of as _nested_header
from .normalize import LABELLED, NEEDS_NORMALIZING, ascii_digits, changed, fold, normalize

if TYPE_CHECKING:
    from ..package import Package, Resource
    from ..schema import Field

_RAW_ANY = "|".join(f"(?:{d.cell_pattern})" for d in REGISTRY.values())
_CELL_ANY = "|".join([_RAW_ANY] + [f"(?:{d.masked_pattern})" for d in REGISTRY.values() if d.masked_pattern])
_SPAN_DETECTORS = [d for d in REGISTRY.values() if d.span_pattern]
_SPAN_ANY = "|".join(f"(?:{d.span_pattern})" for d in _SPAN_DETECTORS)
# Anything that could be personal information, whole or inside text: one exact pass over the
# cells routing left. (A cheaper superset prefilter was measured: barely faster, far less selective.)
_RAW_OR_SPAN = f"{_RAW_ANY}|{_SPAN_ANY}"
_ANY_OR_SPAN = f"{_CELL_ANY}|{_SPAN_ANY}"
# (detector, "cell" | "masked"): what the routing below matches whole cells with.
# In this order when every matcher runs: check digits before looser patterns (a valid ID number
# that also passes Luhn is an ID number).
_PRIORITY = ("cn_resident_id", "cn_uscc", "bank_card", "cn_service_number", "cn_mobile", "email", "cn_passport",
             "passport_mrz", "military_id", "hk_macau_tw_id", "cn_license_plate", "cn_landline", "other_phone",
             "ip_address", "birth_date", "address", "person_name", "qq_number", "wechat_id", "geo_coordinates")
_RAW_MATCHERS = [(REGISTRY[t], "cell") for t in sorted(REGISTRY, key=lambda t: (_PRIORITY + (t,)).index(t))]
_MATCHERS = _RAW_MATCHERS + [(d, "masked") for d, _ in _RAW_MATCHERS if d.masked_pattern]


@dataclass
class Counts:
    """Running counts for one field and one type."""

    matches: int = 0
    masked: int = 0
    span_cells: int = 0
    span_matches: int = 0
    distinct: int = 0  # distinct matched values, summed over batches (an upper bound)
    unlike: int = 0  # … of which read as another thing of the shape (a place among names: Detector.unlike)
    shaped: int = 0  # cells of the type's shape, passing its check or not (check-digit types only)
    # context: birth dates equal to the birth date in an ID number of the same row; names in a
    # table whose rows are people (a column of ID numbers beside)
    linked: int = 0
    loose: int = 0  # unclaimed cells of two to twelve Chinese characters and no digit (names, under a name header)
    loose_distinct: int = 0  # … distinct ones, summed over batches (a few recurring words: a category's)
    kin: int = 0  # unclaimed cells of a word of kinship and a name in brackets (父亲（王建国）: names, in a column of names)
    offices: int = 0  # … not counted there: they read as an office, a place or a category (柯城区房屋征收办)
    # cells whose first span of the type's shape follows a serial-number cue (订单号), and those of
    # them that passed the check and count in span_cells
    cued: int = 0
    cued_valid: int = 0
    cued_check: int = 0  # … and those that pass the check digit alone (random numbers: one in ten)
    earliest: int = 0  # dates that are the earliest of their row's dates (:func:`_earliest_dates`)
    # cells of the type's looser shape (:attr:`~Detector.any_form`: a passport of any country),
    # its own form included: they count only under a header that names the type
    any_form: int = 0
    lone: int = 0  # … of which of its most specific form (:attr:`~Detector.lone_form`)
    #: cells that are a list of the type's values and nothing else (ID和ID、ID): whole values, as
    #: many as the cell holds (strong types only)
    listed: int = 0
    #: ID numbers a spreadsheet damaged (:func:`~.detectors.resident_id.damaged_ids`), and those of
    #: them written out in full (330802195705281000), which count only under an ID header
    damaged: int = 0
    padded: int = 0
    #: cells of 19 to 21 digits whose first 18 begin as an ID does (a province, a real date): a code
    #: built on an ID (残疾人证号) or a serial number of a division and a date (办件编号); and those of
    #: them whose 18 pass the check character, as one in eleven such serial numbers does
    built: int = 0
    built_valid: int = 0
    #: of the cells, those that name an organisation's premises (…号天成大厦, …工业园区2号厂房, …经济技术开发区)
    #: and those that show a household's (小区, 单元, 村…组, 弄): address columns only (:func:`_count_premises`)
    premises: int = 0
    residential: int = 0
    #: a date column's dates by their year (:func:`_date_years`): the policy's ages then say which of
    #: them are of a lifetime (:func:`lifetime_context`)
    years: "Counter[int]" = field(default_factory=Counter)

    def add(self, other: "Counts") -> None:
        self.distinct += other.distinct
        self.unlike += other.unlike
        self.shaped += other.shaped
        self.linked += other.linked
        self.loose += other.loose
        self.loose_distinct += other.loose_distinct
        self.kin += other.kin
        self.offices += other.offices
        self.cued += other.cued
        self.cued_valid += other.cued_valid
        self.cued_check += other.cued_check
        self.earliest += other.earliest
        self.any_form += other.any_form
        self.lone += other.lone
        self.listed += other.listed
        self.damaged += other.damaged
        self.padded += other.padded
        self.built += other.built
        self.built_valid += other.built_valid
        self.premises += other.premises
        self.residential += other.residential
        self.years.update(other.years)
        self.matches += other.matches
        self.masked += other.masked
        self.span_cells += other.span_cells
        self.span_matches += other.span_matches


@dataclass
class BatchScan:
    """What :func:`scan_batch` found in one batch."""

    nonempty: dict[str, int]
    counts: dict[str, dict[str, Counts]]
    numeric: dict[str, int] = field(default_factory=dict)  # cells that are plain digits, per column
    rows: int = 0
    #: a form's value columns (:func:`key_columns`): value column -> its key column, and per value
    #: column and key label, the non-empty count and counts of the rows with that label.
    keyed: dict[str, str] = field(default_factory=dict)
    parts: dict[str, dict[str, "Part"]] = field(default_factory=dict)


@dataclass
class Part:
    """The counts of a value column's rows whose key says one thing (姓名, 联系电话): a column of
    its own, its header the key's label."""

    nonempty: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))

    def add(self, nonempty: int, counts: dict[str, Counts]) -> None:
        self.nonempty += nonempty
        for kind, c in counts.items():
            self.counts[kind].add(c)

    @property
    def numeric(self) -> int:
        return _numeric(self.counts)


def scan_column(values: pa.Array, *, raw_only: bool = False) -> tuple[int, dict[str, Counts]]:
    """Scan one raw text column; returns the non-empty count and counts per detected type.

    ``raw_only`` skips recognising already-masked values (enough to prove nothing untreated is left).
    """
    text, weights = distinct_values(filled(values))
    text = memo.trimmed(text)
    nonempty = to_mask(pc.not_equal(text, ""))
    if raw_only:  # a placeholder kept as written (自助领取: a name's shape) is nothing left untreated
        nonempty &= ~nobody_cells(text)
        nonempty &= ~_names_nobody(text)
    total = int(weights[nonempty].sum())
    found: dict[str, Counts] = {}
    if total == 0:
        return 0, found

    if not raw_only:
        _count_shapes(text, weights, nonempty, found)
        _count_damaged_ids(text, weights, nonempty, found)
        _count_built_ids(text, weights, nonempty, found)
    matchers = _RAW_MATCHERS if raw_only else _MATCHERS
    unclaimed = _whole_cells(text, weights, np.flatnonzero(nonempty), found, matchers)
    if len(unclaimed):
        unclaimed = _normalized_cells(text, weights, unclaimed, found, matchers)
    if not raw_only and "address" in found and found["address"].matches:
        _count_premises(text, weights, nonempty, found["address"])
    if len(unclaimed) and not raw_only:
        _count_loose_names(text, weights, unclaimed, found)
    if not raw_only:
        _count_any_forms(text, weights, nonempty, found)
    if len(unclaimed):
        text = ascii_digits(text)  # a phone number in full-width digits inside text is one too
        # One pass over what routing left: does anything look like PI, whole or inside text?
        # Where a sample shows nothing, one search of all of it joined usually settles that.
        sub = _at(text, unclaimed)
        anything = _RAW_OR_SPAN if raw_only else _ANY_OR_SPAN
        share = _share_in_sample(anything, sub.slice(0, ROUTING_SAMPLE))
        if share == 0 and not _anywhere(sub, anything):
            return total, found
        # Where most of the sample looks like PI (a phone number in every complaint), the pass
        # would keep nearly everything: the exact steps below take all of it instead.
        maybe = unclaimed if share >= 0.5 else unclaimed[_matching(sub, anything)]
        if len(maybe):
            # Only cells shaped like a whole value go to the individual matchers; free text
            # (every cell of a complaint column may hold a phone number) goes straight to spans.
            candidates = _at(text, maybe)
            active, inactive = _span_routing(candidates)
            shaped, rare = _shaped_or_rare(candidates, _RAW_ANY if raw_only else _CELL_ANY, inactive)
            left = maybe[~shaped]
            if shaped.any():
                rejected = _whole_cells(text, weights, maybe[shaped], found, matchers, routed=False)
                left = np.sort(np.concatenate([left, rejected]))
            if len(left):
                _spans(text, weights, left, found, active, inactive, maybe[rare])
    return total, found


def _names_nobody(text: pa.Array) -> np.ndarray:
    """A surname with a title alone, a lettered pseudonym (龚主任, 夏某乙): kept as written, as
    :func:`~opendata.pii.cells.cell_types` reads them, so nothing left untreated."""
    from .cells import titled_or_lettered

    return titled_or_lettered(text)


_CHANCE_DETECTORS = [d for d in REGISTRY.values() if d.chance is not None]


def _count_shapes(text: pa.Array, weights: np.ndarray, nonempty: np.ndarray, found: dict[str, "Counts"]) -> None:
    """For the check-digit types, how many cells are plain digits (of any width: a column of
    account numbers of varying lengths is one population), valid or not: :func:`~.decide.decide`
    compares the valid ones with chance."""
    digits = to_mask(pc.ascii_is_decimal(text)) & nonempty
    n = int(weights[digits].sum())
    for detector in _CHANCE_DETECTORS:
        if detector.shape_pattern is not None:  # a shape of its own (a letter and nine digits)
            cells = _shape_candidates(text, nonempty, detector)
            hits = to_mask(pc.match_substring_regex(_at(text, cells), detector.shape_pattern)) if len(cells) else []
            shaped = int(weights[cells[hits]].sum()) if len(cells) else 0
            if shaped:
                found.setdefault(detector.type, Counts()).shaped += shaped
        elif n:
            found.setdefault(detector.type, Counts()).shaped += n


def _shape_candidates(text: pa.Array, nonempty: np.ndarray, detector: Detector) -> np.ndarray:
    """The cells ``detector.shape_pattern`` may match: the non-empty ones of its byte lengths
    (:attr:`~Detector.shape_bytes`), read off the offsets — most columns hold none, and a regex
    pass over each column of every batch was the cost (tests/test_pii_shape_prefilter.py)."""
    if detector.shape_bytes is None:
        return np.flatnonzero(nonempty)
    low, high = detector.shape_bytes
    lengths = byte_lengths(text)
    return np.flatnonzero(nonempty & (lengths >= low) & (lengths <= high))


def _count_damaged_ids(text: pa.Array, weights: np.ndarray, nonempty: np.ndarray, found: dict[str, "Counts"]) -> None:
    """How many cells are ID numbers a spreadsheet damaged (3.30802195705281E+17, 330802195705281000):
    evidence of an ID column (:func:`~.decide.decide`). Only cells of 17 to 23 bytes are read."""
    from .detectors.resident_id import padded_ids, scientific_ids

    lengths = byte_lengths(text)
    cells = np.flatnonzero(nonempty & (lengths >= 17) & (lengths <= 23))
    if len(cells) == 0:
        return
    sub = _at(text, cells)
    scientific, padded = scientific_ids(sub), padded_ids(sub)
    if scientific.any() or padded.any():
        counts = found.setdefault("cn_resident_id", Counts())
        counts.damaged += int(weights[cells[scientific | padded]].sum())
        counts.padded += int(weights[cells[padded]].sum())


# What a household's address holds: an estate, a unit, a village and its group, a lane
# (``data/address.txt``'s ``residential`` words).
_RESIDENTIAL = "|".join(data_file("address.txt")["residential"].split())


def _premises_words() -> str:
    """RE2: an organisation's premises — an office building, an institution (the address detector's
    ``institution`` words, ``data/address.txt``), an industrial plant or a development zone."""
    from .detectors.person import INSTITUTION

    return "|".join(sorted(set(INSTITUTION.split("|")) | {"厂房", "开发区", "工业区"}, key=len, reverse=True))


def _count_premises(text: pa.Array, weights: np.ndarray, nonempty: np.ndarray, counts: "Counts") -> None:
    """How many cells of an address column name an organisation's premises, and how many show a
    household's (context for :func:`_registered_addresses`)."""
    cells = np.flatnonzero(nonempty)
    sub = _at(text, cells)
    counts.premises += int(weights[cells[to_mask(pc.match_substring_regex(sub, _premises_words()))]].sum())
    counts.residential += int(weights[cells[to_mask(pc.match_substring_regex(sub, _RESIDENTIAL))]].sum())


def _count_built_ids(text: pa.Array, weights: np.ndarray, nonempty: np.ndarray, found: dict[str, "Counts"]) -> None:
    """How many cells are 19 to 21 digits beginning as an ID does (``Counts.built``), and how many
    of them pass its check character (``Counts.built_valid``): :func:`~.decide.decide` compares the
    two with chance. Only cells of those byte lengths are read."""
    from .detectors.resident_id import plausible_ids, ric_valid

    lengths = byte_lengths(text)
    cells = np.flatnonzero(nonempty & (lengths >= 19) & (lengths <= 21))
    if len(cells) == 0:
        return
    cells = cells[to_mask(pc.ascii_is_decimal(_at(text, cells)))]
    if len(cells) == 0:
        return
    head = pc.utf8_slice_codeunits(_at(text, cells), 0, 18)
    plausible = plausible_ids(head)
    if plausible.any():
        counts = found.setdefault("cn_resident_id", Counts())
        counts.built += int(weights[cells[plausible]].sum())
        counts.built_valid += int(weights[cells[plausible & ric_valid(head)]].sum())


_ANY_FORM_DETECTORS = [d for d in REGISTRY.values() if d.any_form is not None]


def _count_any_forms(text: pa.Array, weights: np.ndarray, nonempty: np.ndarray, found: dict[str, "Counts"]) -> None:
    """For the types with a looser shape (:attr:`~Detector.any_form`), how many cells have it: short
    cells only, read once per column."""
    lengths = byte_lengths(text)
    for detector in _ANY_FORM_DETECTORS:
        low, high = detector.any_form_bytes
        cells = np.flatnonzero(nonempty & (lengths >= low) & (lengths <= high))
        if len(cells) == 0:
            continue
        # (in upper case: a passport written in lower case, e12345678, is still one — case is no part of it)
        sub = pc.ascii_upper(_at(text, cells))
        hits = to_mask(pc.match_substring_regex(sub, detector.any_form))
        if detector.any_form_not and hits.any():  # 20250101 under 证件有效期: a date, no document
            hits &= ~to_mask(pc.match_substring_regex(sub, detector.any_form_not))
        if hits.any():
            counts = found.setdefault(detector.type, Counts())
            counts.any_form += int(weights[cells[hits]].sum())
            if detector.lone_form:
                index = np.flatnonzero(hits)
                lone = to_mask(pc.match_substring_regex(_at(sub, index), detector.lone_form))
                if detector.lone_form_not and lone.any():
                    lone &= ~to_mask(pc.match_substring_regex(_at(sub, index), detector.lone_form_not))
                counts.lone += int(weights[cells[index[lone]]].sum())


#: (no ASCII digit in either form: :func:`_count_loose_names` reads only the cells without one)
_LOOSE_NAME = (r"^[\x{4e00}-\x{9fa5}][\x{4e00}-\x{9fa5}·•.・]{1,11}$"
               # … or two to four words in Latin letters, the first capitalised, no digit (MÜLLER Anna,
               # O'Brien, Sean, CHAN Tai Man): a foreigner's name as an English sheet writes it
               r"|^\p{Lu}[\p{L}'’.\-]*(,? [\p{L}'’.\-]+){1,3}$")


def _count_loose_names(text: pa.Array, weights: np.ndarray, cells: np.ndarray, found: dict[str, "Counts"]) -> None:
    """How many of the cells no type took are two to twelve Chinese characters (阿不都热合曼买买提),
    or two to four Latin words (MÜLLER Anna):
    under a header that names a person, a column of them is a column of names (decide says) —
    except those that read as an office, a place or a category (柯城区房屋征收办 under 经办人),
    counted apart; and how many are a relative's name after a word of kinship (父亲（王建国）),
    which counts with the names of a column of them (a remark that is one in three cells stays
    text: its names are spans)."""
    short = cells[byte_lengths(_at(text, cells)) <= _KIN_BYTES]
    if len(short) == 0:
        return
    sub = _at(text, short)
    # Neither form is longer than 36 bytes or holds an ASCII digit: only the other cells are read
    # (a column of codes or text has none, and is spared the regex's compilation too).
    maybe = np.flatnonzero(byte_lengths(sub) <= 36)
    maybe = maybe[~holds_bytes(_at(sub, maybe), _ASCII_DIGITS)]
    hits = np.zeros(len(sub), dtype=bool)
    if len(maybe):
        hits[maybe] = to_mask(pc.match_substring_regex(_at(sub, maybe), _LOOSE_NAME))
    if hits.any():
        named = short[hits]
        offices = REGISTRY["person_name"].unlike(_at(text, named))
        counts = found.setdefault("person_name", Counts())
        counts.loose += int(weights[named[~offices]].sum())
        # (``text`` is of distinct values only when they repeat)
        counts.loose_distinct += len(pc.unique(_at(text, named[~offices])))
        counts.offices += int(weights[named[offices]].sum())
    # … and an organisation's name longer than a name (衢州市江山鸿达纺织股份有限公司 under 被申请人)
    # reads as an office too
    from .cells import _may_be_organisations, organisation_names

    rest = short[~hits] if hits.any() else short
    if len(rest):
        rest = rest[_may_be_organisations(_at(text, rest))]
        if len(rest):
            rest = rest[organisation_names(_at(text, rest))]
            if len(rest):
                found.setdefault("person_name", Counts()).offices += int(weights[rest].sum())
    kin = kin_name_cells(sub, apart=False)
    if kin.any():
        found.setdefault("person_name", Counts()).kin += int(weights[short[kin]].sum())


_ASCII_DIGITS = byte_table("0123456789")
#: the longest relative's cell counted (配偶（阿不都热合曼·买买提） is 16 characters).
_KIN_BYTES = 72


def _normalized_cells(text: pa.Array, weights: np.ndarray, cells: np.ndarray, found: dict[str, "Counts"],
                      matchers: list[tuple[Detector, str]]) -> np.ndarray:
    """Whole-cell matches among ``cells`` once written the plain way (``330802 19570528 0715``,
    full-width digits, ``+86 138…``, ``浙A·12345``); returns the cells still unclaimed. One joined
    search settles the usual column, where nothing needs normalising."""
    short = cells[byte_lengths(_at(text, cells)) <= _IDENTIFIER_BYTES]  # identifiers are short; free text is not
    if len(short) == 0:
        return cells
    sub = _at(text, short)
    # … and hold two Chinese characters at most (浙A·12345, 0571-88123456 转 8021); a sentence holds more.
    han = han_counts(sub)
    if (han > 2).any():  # (a phone number's label, 联系电话：, is no sentence: the cell is the number)
        many = np.flatnonzero(han > 2)  # (only a cell that begins with a label loses characters)
        many = many[to_mask(pc.match_substring_regex(_at(sub, many), LABELLED[0]))]
        if len(many):
            han[many] = han_counts(pc.replace_substring_regex(_at(sub, many), LABELLED[0], LABELLED[1]))
    if (han > 2).any():
        short = short[han <= 2]
        if len(short) == 0:
            return cells
        sub = _at(text, short)
    if not _anywhere(sub, NEEDS_NORMALIZING):
        return cells
    plain = normalize(sub)
    moved = np.flatnonzero(changed(sub, plain))
    if len(moved) == 0:
        return cells
    moved_cells = short[moved]
    local = _whole_cells(_at(plain, moved), weights[moved_cells], np.arange(len(moved)), found, matchers,
                         routed=False)
    claimed = np.ones(len(moved), dtype=bool)
    claimed[local] = False
    return np.setdiff1d(cells, moved_cells[claimed], assume_unique=True)


#: the longest identifier as people write it (a grouped card number with a prefix, full-width):
#: longer cells are text, whose identifiers are spans.
_IDENTIFIER_BYTES = 64


def _span_routing(values: pa.Array) -> tuple[list[Detector], list[Detector]]:
    """The span detectors a small sample of ``values`` shows (run on every cell), and the others
    (run only where their patterns match at all)."""
    hits = _in_sample([d.span_pattern for d in _SPAN_DETECTORS], values.slice(0, ROUTING_SAMPLE))
    return ([d for d, hit in zip(_SPAN_DETECTORS, hits) if hit],
            [d for d, hit in zip(_SPAN_DETECTORS, hits) if not hit])


def _shaped_or_rare(values: pa.Array, cell_pattern: str, inactive: list[Detector]
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Which values match ``cell_pattern`` (shaped like a whole value), and which hold a span of
    an ``inactive`` type: one pass for both, as most text cells are neither."""
    if not inactive:
        return to_mask(pc.match_substring_regex(values, cell_pattern)), np.zeros(len(values), dtype=bool)
    spans = "|".join(f"(?:{d.span_pattern})" for d in inactive)
    either = np.flatnonzero(_matching(values, f"{cell_pattern}|{spans}"))
    shaped = np.zeros(len(values), dtype=bool)
    rare = np.zeros(len(values), dtype=bool)
    if len(either):
        some = _at(values, either)
        shaped[either] = to_mask(pc.match_substring_regex(some, cell_pattern))
        rare[either] = to_mask(pc.match_substring_regex(some, spans))
    return shaped, rare


#: RE2's memory for one pattern's automata (its default, 8 MiB, is tight for the combined patterns;
#: at 64 MiB the routing set of ~88 kB of patterns ran out of DFA memory and RE2 wrote so to stderr;
#: at 128 MiB so did the ~200 kB name pattern once lists, roles ending 人 and words-first surnames
#: joined it — RE2 then searches without its DFA, slower, and prints "DFA out of memory" on the
#: officer's screen). The budget is a ceiling: RE2 takes what a search needs.
_RE2_MEMORY = 512 << 20
#: bytes searched by one joined search at most: a joined text is one string, which holds 2 GiB.
JOIN_BYTES = 256 << 20


def _anywhere(values: pa.Array, pattern: str) -> bool:
    """Whether ``pattern`` matches in any of ``values``: one RE2 search of the values joined, a
    line each, instead of one search per value. Every match within a value is also a match in the
    joined text (^ and $ hold at each line, \\b takes a line break for a non-word character), so a
    miss is exact; a hit may span two values and is then settled value by value. The pattern is
    compiled once per process (a kernel call would compile it again: ~3 ms for the patterns
    searched here), and the joined bytes are searched where they lie."""
    regex = _regex("(?m)" + pattern)
    return any(regex.search(text) is not None for _, _, text in _joined(values, JOIN_BYTES))


#: bytes of joined text searched at a time by :func:`_matching`.
PIECE_BYTES = 64 << 10


def _matching(values: pa.Array, pattern: str) -> np.ndarray:
    """Which of ``values`` ``pattern`` matches in, as ``match_substring_regex`` says, for a
    pattern that matches in few of them: the values are searched joined (as by :func:`_anywhere`)
    a piece of ~64 KiB at a time, and only the pieces with a hit value by value, in one kernel
    call. Half the cost of a search per value where hits are rare (a complaint column in which
    no ID number or plate turns up), little more where they are not."""
    regex = _regex("(?m)" + pattern)
    hit = [np.arange(start, stop) for start, stop, text in _joined(values, PIECE_BYTES)
           if regex.search(text) is not None]
    out = np.zeros(len(values), dtype=bool)
    if hit:
        index = np.concatenate(hit)
        out[index] = to_mask(pc.match_substring_regex(_at(values, index), pattern))
    return out


#: a pattern longer than this is counted by :func:`count_matches`, not by Arrow's kernel, which
#: compiles it on every call (0.5 s for the name pattern of ~77 kB) and searches within RE2's
#: default 8 MiB, where the DFA gives out and RE2 falls back to its NFA (6 s for 1,200 case
#: summaries of ~600 characters; 1 s as counted here).
KERNEL_PATTERN_CHARS = 16 << 10


def count_matches(values: pa.Array, pattern: str) -> np.ndarray:
    """``pc.count_substring_regex(values, pattern)`` as int64 counts, the same counts. A long
    pattern is compiled once per process (without its capturing groups, which a count does not
    need and which cost RE2 a second, slower pass per match); a joined search
    (:func:`_joined`) finds the pieces that hold a match at all, and their values are counted
    one by one as the kernel counts: each search on what the previous match left."""
    if len(pattern) <= KERNEL_PATTERN_CHARS or values.type != pa.string() or values.null_count:
        return np.asarray(pc.count_substring_regex(values, pattern).to_numpy(zero_copy_only=False), dtype=np.int64)
    plain = uncaptured(pattern)
    lines, each = _regex("(?m)" + plain), _regex(plain)
    out = np.zeros(len(values), dtype=np.int64)
    for start, stop, text in _joined(values, PIECE_BYTES):
        if lines.search(text) is None:
            continue
        for i, value in enumerate(values.slice(start, stop - start).to_pylist(), start):
            counted = _consumed_count(each, value)
            out[i] = counted if counted is not None else \
                pc.count_substring_regex(values.slice(i, 1), pattern)[0].as_py()
    return out


def _consumed_count(regex: "re2._Regexp", text: str) -> int | None:
    """Matches of ``regex`` in ``text`` as Arrow's kernel counts them (``RE2::FindAndConsume``:
    each search on the rest of the text after the previous match, as a text of its own, so that
    ^ and \\b see its start); ``None`` at an empty match, after which the kernel steps one byte."""
    count = 0
    while True:
        match = regex.search(text)
        if match is None:
            return count
        start, end = match.span()
        if end == start:
            return None
        count += 1
        text = text[end:]


def uncaptured(pattern: str) -> str:
    """``pattern`` (RE2 syntax) with every capturing group, named or not, made non-capturing: the
    same matches, found without the submatch pass."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            # a ] right after [ or [^ is a member, not the end
            lead = 2 if pattern.startswith("[^", i) else 1
            if pattern[i + lead:i + lead + 1] == "]":
                out.append(pattern[i:i + lead + 1])
                i += lead + 1
                continue
        elif ch == "(" and pattern.startswith("(?P<", i):
            out.append("(?:")
            i = pattern.index(">", i) + 1
            continue
        elif ch == "(" and not pattern.startswith("(?", i):
            out.append("(?:")
            i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _joined(values: pa.Array, budget: int) -> Iterator[tuple[int, int, memoryview]]:
    """``values`` (no nulls) joined a line each, in pieces of at most ``budget`` bytes (a longer
    value alone): ``(first row, end row, text)``, the text a view of one joined copy per
    :data:`JOIN_BYTES` of values."""
    done = 0
    for block in _pieces(values, JOIN_BYTES):
        lines = pa.ListArray.from_arrays(pa.array([0, len(block)], pa.int32()), block)
        text = memoryview(pc.binary_join(lines, "\n")[0].as_buffer())
        bounds = offsets(contiguous(block)).astype(np.int64)
        begins = bounds - bounds[0] + np.arange(len(block) + 1)  # where each value begins in the text
        cuts = _cuts(block, budget) if budget < JOIN_BYTES else [0, len(block)]
        for start, stop in zip(cuts, cuts[1:]):
            yield done + start, done + stop, text[begins[start]:begins[stop] - 1]
        done += len(block)


def _regex(pattern: str) -> "re2._Regexp":
    return _compiled(("regex", pattern), lambda: re2.compile(pattern, options=_re2_options()))


_COMPILED: dict[tuple, Any] = {}
_COMPILING = threading.Lock()


def _compiled(key: tuple, build: Callable[[], Any]) -> Any:
    """``build()``, once per process and ``key``. The every-detector patterns take 0.2 s each to
    compile (GIL held); the check's worker threads start on the same patterns together, and a
    cache without a lock had each of them compile its own copy."""
    found = _COMPILED.get(key)
    if found is None:
        with _COMPILING:
            found = _COMPILED.get(key)
            if found is None:
                found = _COMPILED[key] = build()
    return found


def _re2_options() -> "re2.Options":
    options = re2.Options()
    options.max_mem = _RE2_MEMORY
    return options


def _pieces(values: pa.Array, budget: int) -> Iterator[pa.Array]:
    """``values`` cut into slices of at most ``budget`` bytes of text each (a longer value alone)."""
    cuts = _cuts(values, budget)
    for start, stop in zip(cuts, cuts[1:]):
        yield values.slice(start, stop - start)


def _cuts(values: pa.Array, budget: int) -> list[int]:
    """The row boundaries of :func:`_pieces`: ``[0, …, len(values)]``."""
    bounds = offsets(contiguous(values)).astype(np.int64) if len(values) else np.zeros(1, dtype=np.int64)
    sizes = bounds - bounds[0]
    cuts = [0]
    while cuts[-1] < len(values):
        start = cuts[-1]
        cuts.append(max(start + 1, int(np.searchsorted(sizes, sizes[start] + budget, side="right")) - 1))
    return cuts


def _at(values: pa.Array, index: np.ndarray) -> pa.Array:
    """``values`` at the sorted, distinct positions ``index``: no copy when that is all of them."""
    return values if len(index) == len(values) else values.take(pa.array(index))


#: values sampled to decide whether a column repeats enough to be scanned by its distinct values.
DISTINCT_SAMPLE = 4096


def distinct_values(values: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """The values to scan and how often each occurs: the distinct values when a sample shows
    that they repeat (masked or generalized columns, categories, dates), else the values as they
    are, once each. Counts weighted by occurrence are the same either way; only the work differs."""
    if len(values) >= 2 * DISTINCT_SAMPLE:
        sample = len(pc.unique(values.slice(0, DISTINCT_SAMPLE)))  # unique is the cheapest count here
        if sample <= 0.9 * DISTINCT_SAMPLE:
            encoded = pc.dictionary_encode(values)
            indices = np.asarray(encoded.indices.to_numpy(zero_copy_only=False))
            return encoded.dictionary, np.bincount(indices, minlength=len(encoded.dictionary))
    return values, np.ones(len(values), dtype=np.int64)


ROUTING_SAMPLE = 64


def _match(matcher: tuple[Detector, str], values: pa.Array) -> np.ndarray:
    detector, kind = matcher
    return memo.cells(detector, values) if kind == "cell" else detector.masked(values)


def _pattern_set(patterns: tuple[str, ...], lines: bool) -> "re2.Set":
    """One RE2 set of ``patterns``: a single pass over a text tells which of them match in it.

    The kernels' own engine, so a sample is judged as they will judge the column, and no per-call
    compilation as with a kernel. ``lines``: ^ and $ hold at each line (a joined sample).
    """
    def build() -> "re2.Set":
        patterns_set = re2.Set.SearchSet(_re2_options())
        for pattern in patterns:
            patterns_set.Add(("(?m)" if lines else "") + pattern)
        patterns_set.Compile()
        return patterns_set

    return _compiled(("set", patterns, lines), build)


def _each_value_set(patterns: tuple[str, ...], value: str) -> "re2.Set":
    """The set that matches ``value`` alone as a kernel does: in a value without a line break ^ and
    $ hold at its ends either way, so the joined sample's set serves (a compilation saved); a value
    of several lines needs the set without (?m)."""
    return _pattern_set(patterns, "\n" not in value)


def _in_sample(patterns: list[str], sample: pa.Array) -> list[bool]:
    """Which patterns match any value of a small sample.

    The values are searched as one text, a line each. Routing only orders work that stays exact,
    so a span pattern matching across two lines costs a little time, never a wrong count.
    """
    return _in_values(patterns, [v for v in sample.to_pylist() if v])


def _in_values(patterns: list[str], values: list[str]) -> list[bool]:
    """:func:`_in_sample` on non-empty Python strings."""
    if not values:
        return [False] * len(patterns)
    text = "\n".join(values)
    if text.count("\n") == len(values) - 1:
        hits = set(_pattern_set(tuple(patterns), True).Match(text) or ())
    else:  # a value of several lines: each value on its own, as the kernels see it
        key = tuple(patterns)
        hits = {i for v in values for i in _each_value_set(key, v).Match(v) or ()}
    return [i in hits for i in range(len(patterns))]


def _share_in_sample(pattern: str, sample: pa.Array) -> float:
    """The share of a small sample's non-empty values in which ``pattern`` matches (one search of
    them all first, as most samples have none)."""
    values = [v for v in sample.to_pylist() if v]
    if not _in_values([pattern], values)[0]:
        return 0.0
    return sum(_each_value_set((pattern,), v).Match(v) is not None for v in values) / len(values)


def _whole_cells(text: pa.Array, weights: np.ndarray, cells: np.ndarray, found: dict[str, "Counts"],
                 matchers: list[tuple[Detector, str]], routed: bool = True) -> np.ndarray:
    """Count whole-cell matches per type among ``cells`` (each cell counting ``weights[cell]``
    times); returns the cells no matcher took.

    ``routed``: only the matchers seen in a small sample of the cells run, ranked by validated
    hits there, raw ones each on the cells no earlier one claimed (check digits make the claim
    sound: a valid ID is not also a bank card), then masked ones without claiming from one another
    (a masked ID also fits the masked bank-card shape: both count, the stricter grade wins). The
    caller sends what is left through one combined pattern and back here with ``routed=False``,
    where every matcher runs — on the few cells that can still match. Exact; a column of one type
    costs about one pass.
    """
    if len(cells) == 0:
        return cells
    raw = [m for m in matchers if m[1] == "cell"]
    masked = [m for m in matchers if m[1] == "masked"]
    if routed:
        sample = text.take(pa.array(cells[:ROUTING_SAMPLE]))
        shaped = [m for m, hit in zip(raw, _in_sample([d.cell_pattern for d, _ in raw], sample)) if hit]
        if len(shaped) > 1:  # one shaped matcher (a column of one type) needs no ranking
            # Check-digit and fixed-format types claim first, whatever their count in the sample:
            # a mobile number among 95xxx service lines is a mobile number, not the QQ number its
            # digits also fit.
            ranked = sorted(((int(_match(m, sample).sum()), i, m) for i, m in enumerate(shaped)),
                            key=lambda x: (not x[2][0].strong, -x[0], x[1]))
            shaped = [m for _, _, m in ranked]
        raw = shaped
        masked = [m for m, hit in zip(masked, _in_sample([d.masked_pattern for d, _ in masked], sample)) if hit]

    def run(matcher: tuple[Detector, str], index: np.ndarray) -> np.ndarray:
        """Apply one matcher to the cells at ``index``; returns which of them it matched."""
        values = _at(text, index)
        hits = _match(matcher, values)
        detector, kind = matcher
        if hits.any():
            counts = found.setdefault(detector.type, Counts())
            n = int(weights[index[hits]].sum())
            if kind == "masked":
                counts.masked += n
            else:
                counts.matches += n
                if detector.unhinted_ratio is not None:
                    distinct = pc.unique(values.filter(pa.array(hits)))
                    counts.distinct += len(distinct)
                    # (diverse values too: a column of townships, 湾溪乡 红湾街道, is diverse and all places)
                    counts.unlike += int(detector.unlike(distinct).sum())
        return hits

    unclaimed = cells
    for matcher in raw:
        if len(unclaimed) == 0:
            return unclaimed
        unclaimed = unclaimed[~run(matcher, unclaimed)]
    if len(unclaimed) and masked:
        matched = np.zeros(len(unclaimed), dtype=bool)
        for matcher in masked:
            matched |= run(matcher, unclaimed)
        unclaimed = unclaimed[~matched]
    return unclaimed


def _spans(text: pa.Array, weights: np.ndarray, cells: np.ndarray, found: dict[str, "Counts"],
           active: list[Detector], inactive: list[Detector], rare: np.ndarray) -> None:
    """Count spans per type in the text ``cells`` (each counting ``weights[cell]`` times): the
    ``active`` detectors on every cell, the ``inactive`` ones only on the cells in ``rare``,
    where one of their patterns matches at all, which is exact."""
    def run(detectors: list[Detector], index: np.ndarray) -> None:
        values, w = _at(text, index), weights[index]
        for detector in detectors:
            cues: dict[str, np.ndarray] = {}
            spans = span_counts(detector, values, cues)
            if spans.any() or cues:
                counts = found.setdefault(detector.type, Counts())
                counts.span_cells += int(w[spans > 0].sum())
                if detector.strong and spans.any():
                    counts.listed += int(w[_listed(detector, values, spans)].sum())
                counts.span_matches += int((spans * w).sum())
                if cues:
                    counts.cued += int(w[cues["cued"]].sum())
                    counts.cued_valid += int(w[cues["cued"] & (spans > 0)].sum())
                    counts.cued_check += int(w[cues["check"]].sum())

    run(active, cells)
    rest = np.intersect1d(cells, rare, assume_unique=True)
    if inactive and len(rest):
        run(inactive, rest)


#: what may stand between the values of a list in one cell (ID和ID、ID；ID), and nothing else
_LIST_SEPARATORS = r"^[\s,，、;；/|和及与]*$"


def _listed(detector: Detector, values: pa.Array, spans: np.ndarray) -> np.ndarray:
    """Which cells with spans of ``detector``'s type hold nothing but them and list separators."""
    index = np.flatnonzero(spans)
    rest = pc.replace_substring_regex(values.take(pa.array(index)), detector.span_pattern, "")
    out = np.zeros(len(values), dtype=bool)
    out[index] = to_mask(pc.match_substring_regex(rest, _LIST_SEPARATORS))
    return out


#: the longest cell (in characters) the name search reads. Names are searched with a pattern of every
#: surname, which RE2 runs at tens of microseconds a character: a cell of megabytes would take many
#: minutes. A longer cell is not searched for names; ``check`` blocks on it (``pii_unscannable``) and
#: ``redact`` refuses it, until its field is declared (a treatment, or ``none``) or given
#: ``--mask-all``/``--suppress``. Identifiers, phones and the other types are still searched in it.
LONG_CELL = 65_536


def long_cells(batch: pa.RecordBatch) -> dict[str, int]:
    """Cells longer than :data:`LONG_CELL` characters, per column of one batch (only columns with
    any; a column whose text is shorter than the limit altogether is passed over by its size)."""
    out = {}
    for name, column in zip(batch.schema.names, batch.columns):
        if not pa.types.is_string(column.type) or column.nbytes <= LONG_CELL:
            continue
        count = int(pc.sum(pc.greater(pc.utf8_length(column), LONG_CELL)).as_py() or 0)
        if count:
            out[name] = count
    return out


def _short(values: pa.Array) -> pa.Array:
    """``values`` with every cell longer than :data:`LONG_CELL` emptied (for the name search)."""
    if values.nbytes <= LONG_CELL:
        return values
    long = pc.fill_null(pc.greater(pc.utf8_length(values), LONG_CELL), False)
    if not pc.any(long).as_py():
        return values
    return pc.if_else(long, pa.scalar("", values.type), values)


def span_counts(detector: Detector, values: pa.Array, cues: dict[str, np.ndarray] | None = None) -> np.ndarray:
    """Spans of ``detector``'s type per cell; with check digits, the first span must validate
    (and not run on into a character of :attr:`~Detector.span_not_before`). ``cues``, for a
    detector with a :attr:`~Detector.serial_cue`, gets ``"cued"``: the cells whose first span
    follows such a cue."""
    if detector.type == "person_name":
        values = _short(values)  # bounded work: a longer cell is reported, not read (LONG_CELL)
    counts = _digit_run_spans(detector, values)
    if counts is None:
        counts = detector.spans(values)
    if type(detector).validate is Detector.validate or not detector.validate_spans or not counts.any():
        return counts
    index = np.flatnonzero(counts)
    pattern = f"(?P<m>{non_capturing(detector.span_pattern)})"
    if detector.serial_cue:
        pattern = f"(?P<c>{non_capturing(detector.serial_cue)})?{pattern}"
    if detector.span_not_before:
        pattern = f"{pattern}(?P<x>{detector.span_not_before}?)"
    parts = pc.extract_regex(values.take(pa.array(index)), pattern)
    first = pc.struct_field(parts, "m")
    first = normalize(filled(first))  # 330802 19570528 0715 is checked as 330802195705280715
    if detector.span_prefix:
        first = pc.replace_substring_regex(first, detector.span_prefix, "")
    shaped = to_mask(pc.match_substring_regex(first, detector.cell_pattern))
    if detector.span_not_before:  # 62010219610823381Ｘ: the body of an ID number, not a card
        shaped &= to_mask(pc.equal(filled(pc.struct_field(parts, "x")), ""))
    ok = np.zeros(len(index), dtype=bool)
    if shaped.any():
        ok[shaped] = detector.validate(first.filter(pa.array(shaped)))
    counts[index[~ok]] = 0
    if detector.serial_cue and cues is not None:
        cued = to_mask(pc.not_equal(filled(pc.struct_field(parts, "c")), "")) & shaped
        if cued.any():
            cues["cued"], cues["check"] = np.zeros(len(values), dtype=bool), np.zeros(len(values), dtype=bool)
            cues["cued"][index[cued]] = True
            cues["check"][index[cued]] = detector.check_digits(first.filter(pa.array(cued)))
    return counts


def non_capturing(pattern: str) -> str:
    """``pattern`` with every capture group made non-capturing (Arrow's extract kernel takes named
    groups only); parentheses inside character classes and escaped ones are left alone."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "(" and not in_class and not pattern.startswith("(?", i):
            out.append("(?:")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _digit_run_spans(detector: Detector, values: pa.Array) -> np.ndarray | None:
    """:meth:`Detector.spans` counted on the bytes, where every span of the type in ``values``
    is written as a bare run of digits (``span_other_forms`` nowhere: a byte search for the
    characters they hold, then if need be one joined search); ``None`` where that cannot be told.
    A phone number in every complaint: 0.33 s of RE2 counting per 1M cells against ~0.15 s."""
    if detector.digit_run is None:
        return None
    forms, hold = detector.span_other_forms, detector.span_other_forms_hold
    if forms and (not hold or _holds(values, hold)) and _anywhere(values, forms):
        return None
    found = memo.digit_runs(values, detector.digit_run)
    return None if found is None else np.bincount(found[1], minlength=len(values))


def _holds(values: pa.Array, chars: str) -> bool:
    """Whether any of ``chars`` occurs in the text of ``values``: a literal RE2 search of the
    data buffer per character (memchr speed: 0.6 ms for 4 MB, where a kernel call takes 12)."""
    values = contiguous(values)
    if values.type != pa.string():
        return True  # cannot tell this cheaply: the caller's exact search decides
    text = data_bytes(values)
    return any(_regex(re2.escape(c)).search(text) is not None for c in chars)


def scan_batch(batch: pa.RecordBatch, *, raw_only: bool = False,
               keys: dict[str, pa.Array] | None = None) -> BatchScan:
    """Scan every column of a raw text batch (pure: the same batch always gives the same counts).

    The columns are scanned as a reader reads them (:func:`~opendata.pii.normalize.fold`): an ID
    number with a zero-width space or in Arabic-Indic digits inside is found as one. A form's value
    columns are also scanned part by part, by the label in their key column's cell of the same row
    (:func:`key_columns`; ``keys``: the key column's cells per value column, given when the key
    column is not in the batch, as in the re-scan of treated columns)."""
    # (a field of JSON objects or arrays is read leaf by leaf below, not unwrapped into text)
    structured = set(nested.nested_columns(batch))
    batch = pa.RecordBatch.from_arrays([c if n in structured else fold(c)
                                        for n, c in zip(batch.schema.names, batch.columns)],
                                       names=batch.schema.names)
    nonempty: dict[str, int] = {}
    counts: dict[str, dict[str, Counts]] = {}
    numeric: dict[str, int] = {}
    for name, column in zip(batch.schema.names, batch.columns):
        nonempty[name], counts[name] = scan_column(column, raw_only=raw_only)
        if not raw_only:  # plain-digit cells, as counted for the check-digit types' chance test
            numeric[name] = _numeric(counts[name])
    if not raw_only:
        dates = _date_columns(batch, nonempty, counts)
        _link_birth_dates(batch, nonempty, counts, dates)
        _earliest_dates(dates, counts)
        _date_years(dates, counts)
        _link_names(nonempty, counts)
        _link_given_names(batch, nonempty, counts)
        _split_identifiers(batch, nonempty, counts)
    given = keys is not None
    if keys is None:
        pairs = key_columns(batch)
        keys = {value: batch.column(key) for value, key in pairs.items()}
    else:
        pairs = {value: "" for value in keys}
    parts = {value: _scan_parts(batch.column(value), labels, raw_only) for value, labels in keys.items()}
    if not given:  # a field of JSON objects or arrays: path by path (the re-scan reads them itself)
        for name in sorted(structured - set(pairs), key=batch.schema.names.index):
            paths = nested.scan_parts(batch.column(name), name, raw_only)
            if paths is not None:
                pairs[name], parts[name] = nested.NESTED, paths
    return BatchScan(nonempty, counts, numeric, batch.num_rows, pairs, parts)


def _numeric(counts: dict[str, Counts]) -> int:
    """Plain-digit cells of a column, as counted for the check-digit types' chance test."""
    return max((counts[d.type].shaped for d in _CHANCE_DETECTORS if d.type in counts and d.shape_pattern is None),
               default=0)


# -- a form laid out as key | value ---------------------------------------------------------------
#: a key column holds at most this many distinct labels …
KEY_MAX_LABELS = 64
#: … which name at least this many personal types (姓名, 联系电话, 现居住地址), at least
#: ``KEY_MIN_NOT_DOCUMENTS`` of them no identity document (a 证件类型 column's values, 居民身份证 /
#: 护照 / 军官证, name documents only: they say what the next column holds, not what a form's
#: rows are).
KEY_MIN_TYPES = 3
KEY_MIN_NOT_DOCUMENTS = 2
_IDENTITY_DOCUMENTS = ("cn_resident_id", "cn_passport", "military_id", "hk_macau_tw_id", "passport_mrz")
#: the longest label (a header word) in characters.
_KEY_LABEL_CHARS = 24


def key_columns(batch: pa.RecordBatch) -> dict[str, str]:
    """The value columns of a form exported as key | value (项目 | 内容 | 项目(2) | 内容(2)), each
    with its key column: a column whose cells are a few distinct header-like labels — at least
    :data:`KEY_MIN_TYPES` of which name personal types by the shipped header hints — followed by
    the column of their values. Each value is then what the label in its own row says (a person's
    name beside 姓名, an organisation's code beside 单位统一社会信用代码), not what the column
    as a whole looks like. A column whose own header names a personal type or an attribute
    (姓名, 证件类型) is no key column."""
    hints = default_rules().hints
    names = batch.schema.names
    out: dict[str, str] = {}
    keys = set()
    for i, name in enumerate(names[:-1]):
        if i and names[i - 1] in keys:
            continue  # a value column is not also a key column
        if _names_personal(hints, name) or hints.attribute(name):
            continue
        column = batch.column(i)
        if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
            continue
        labels = pc.unique(trimmed(filled(column.slice(0, DISTINCT_SAMPLE))))
        if len(labels) > KEY_MAX_LABELS + 1:
            continue
        labels = pc.unique(trimmed(filled(column)))
        if len(labels) > KEY_MAX_LABELS + 1:
            continue
        named: set[str] = set()
        for label in labels.to_pylist():
            if label and len(label) <= _KEY_LABEL_CHARS:
                named |= _names_personal(hints, label)
        if len(named) >= KEY_MIN_TYPES and len(named - set(_IDENTITY_DOCUMENTS)) >= KEY_MIN_NOT_DOCUMENTS:
            out[names[i + 1]] = name
            keys.add(name)
    return out


def _names_personal(hints: Any, header: str) -> set[str]:
    """The personal types ``header`` names by the hints."""
    return {kind for kind, verdict in hints.judge(header).items() if verdict == "yes" and REGISTRY[kind].personal}


def _scan_parts(values: pa.Array, labels: pa.Array, raw_only: bool) -> dict[str, "Part"]:
    """``values`` scanned label by label (the rows whose key cell says the same)."""
    labels = trimmed(filled(labels.cast(pa.string())))
    encoded = pc.dictionary_encode(labels)
    codes = np.asarray(encoded.indices.to_numpy(zero_copy_only=False))
    out = {}
    for code, label in enumerate(encoded.dictionary.to_pylist()):
        rows = np.flatnonzero(codes == code)
        part = Part()
        part.add(*scan_column(values.take(pa.array(rows)), raw_only=raw_only))
        out[label] = part
    return out


#: the share of a run of adjacent columns' rows whose digits, joined, must be a valid identifier for
#: the columns to hold one split across them (an ID as 地区|日期|顺序, a mobile as 号段|中间|尾号).
SPLIT_SHARE = 0.5
#: per type, the characters [low, high) of a split identifier whose part is personal on its own
_SENSITIVE = {"cn_resident_id": (6, 17), "cn_mobile": (3, 7)}
# the parts a mobile number is split into when written in columns (138|1234|5678, 138|12345678, 1381234|5678)
_MOBILE_SPLITS = ((3, 4, 4), (3, 8), (7, 4))


def _split_identifiers(batch: pa.RecordBatch, nonempty: dict[str, int], counts: dict[str, dict[str, Counts]]) -> None:
    """Context, across columns: two or three adjacent columns of digits whose cells, joined row by
    row, are valid resident ID numbers (or mobile numbers in the usual 3-4-4 grouping, a group with
    a leading zero among them) in at least :data:`SPLIT_SHARE` of their rows hold an identifier split
    to pass a column-by-column scan; each
    of them counts the joined matches as its own, so each is treated whole. A split in a few rows
    only is not found (see the README's PII limits)."""
    names = batch.schema.names
    digits = []
    for name, column in zip(names, batch.columns):
        if not nonempty.get(name) or not pa.types.is_string(column.type):
            digits.append(None)
            continue
        text = memo.trimmed(filled(column))
        part = to_mask(pc.match_substring_regex(text, r"^[0-9]{1,17}[0-9Xx]?$"))
        digits.append(text if part.sum() >= SPLIT_SHARE * nonempty[name] else None)
    for start in range(len(names) - 1):
        for width in (2, 3):
            parts = digits[start:start + width]
            if len(parts) < width or any(p is None for p in parts):
                continue
            joined = pc.binary_join_element_wise(*parts, "")
            rows = len(joined)
            lengths = [np.asarray(pc.utf8_length(p).to_numpy(zero_copy_only=False)) for p in parts]
            # 18 characters, every part written and none an ID of its own (an ID column beside an age
            # column joins into "an ID with a code's digits after it", or into the ID where the age is
            # empty; a legacy 15-digit ID and three digits make 18): the ID's own column already is one
            whole = (sum(lengths) == 18) & np.logical_and.reduce([(n >= 1) & (n != 15) for n in lengths])
            ids = int((REGISTRY["cn_resident_id"].cells(joined) & whole).sum()) if whole.any() else 0
            mobiles = 0
            grouped = np.zeros(rows, dtype=bool)
            for split in _MOBILE_SPLITS:
                if len(split) == width:
                    grouped |= np.logical_and.reduce([n == k for n, k in zip(lengths, split)])
            # … and a group written with its leading zero somewhere (0571): counts beside each other
            # (户数 130-199 | 人口 | 面积) join into "mobiles" too, but a number has no leading zero
            padded = any(pc.any(pc.starts_with(p, "0")).as_py() for p in parts[1:])
            if grouped.any() and padded:
                mobiles = int((REGISTRY["cn_mobile"].cells(joined) & grouped).sum())
            ends = np.cumsum(lengths, axis=0)
            for kind, found in (("cn_resident_id", ids), ("cn_mobile", mobiles)):
                if found and found >= SPLIT_SHARE * min(nonempty[n] for n in names[start:start + width]):
                    # only the parts over what says who it is count: an ID's birth date and sequence
                    # (its 7th to 17th characters), a mobile's middle digits — a division code or a
                    # check character alone beside them is no one's (身份证前六位, 校验位)
                    low, high = _SENSITIVE[kind]
                    for k, name in enumerate(names[start:start + width]):
                        begin = ends[k] - lengths[k]
                        if not ((begin < high) & (ends[k] > low)).mean() >= 0.5:
                            continue
                        split = counts[name].setdefault(kind, Counts())
                        split.matches = max(split.matches, found)
                        split.distinct = max(split.distinct, found)


def _ids_beside(nonempty: dict[str, int], counts: dict[str, dict[str, Counts]]) -> list[str]:
    """The columns of a batch that are mostly resident ID numbers: its rows are people."""
    return _columns_mostly(counts, nonempty, "cn_resident_id")


def _mostly(per: dict[str, Counts], nonempty: int, kind: str) -> bool:
    """Whether a column (its counts ``per`` type, ``nonempty`` cells) is mostly values of ``kind``:
    at least half its cells match."""
    return kind in per and bool(nonempty) and per[kind].matches >= 0.5 * nonempty


def _columns_mostly(counts: dict[str, dict[str, Counts]], nonempty: dict[str, int], kind: str) -> list[str]:
    """The columns that are mostly values of ``kind`` (:func:`_mostly`)."""
    return [name for name, per in counts.items() if _mostly(per, nonempty.get(name, 0), kind)]


#: the share of a column's cells that must be names of a known form (surname-led, transliterated,
#: surname-less), diverse, for the column to count as names when ID numbers stand beside it.
LINKED_NAMES = 0.5


def _link_names(nonempty: dict[str, int], counts: dict[str, dict[str, Counts]]) -> None:
    """Context: in a table whose rows are people (a column of ID numbers), a column that is mostly
    names of a known form, and diverse, is a column of names whatever its header (字段2 beside
    字段3): its names of no known form (阿不都热合曼买买提) count with them. Categories repeat (民族,
    性别) and organisations' names are longer: neither reaches the share."""
    ids = _ids_beside(nonempty, counts)
    if not ids:
        return
    for name, per in counts.items():
        names = per.get("person_name")
        if name in ids or names is None or not nonempty[name]:
            continue
        if names.matches + names.kin >= LINKED_NAMES * nonempty[name] and names.distinct >= 0.5 * names.matches:
            names.linked += names.matches + names.loose + names.kin


# A name split in two columns (姓 | 名, surname | given name): the headers, as written whole.
_SURNAME_HEADERS = frozenset(("姓", "姓氏", "surname", "last name", "last_name", "lastname", "family name",
                              "family_name", "familyname", "xing", "xs"))
_GIVEN_HEADERS = frozenset(("名", "名字", "given name", "given_name", "givenname", "first name", "first_name",
                            "firstname", "mingzi", "mz"))
#: the share of the surname column's cells that must be surnames, and of the other's that must be one to
#: three Chinese characters.
SPLIT_NAME_SHARE = 0.8


def _link_given_names(batch: pa.RecordBatch, nonempty: dict[str, int], counts: dict[str, dict[str, Counts]]) -> None:
    """Context: a column of given names (名) beside a column of surnames (姓) — a name written in two
    columns — is a column of names: with the surname beside it, each given name names the person. (The
    surnames alone name no one and stay.)"""
    from .detectors.person import COMPOUND, SURNAMES

    names = batch.schema.names
    headers = [n.strip().lower() for n in names]
    for i in range(len(names) - 1):
        for a, b in ((i, i + 1), (i + 1, i)):
            if headers[a] not in _SURNAME_HEADERS or headers[b] not in _GIVEN_HEADERS:
                continue
            if not nonempty[names[a]] or not nonempty[names[b]]:
                continue
            surnames = [v for v in memo.trimmed(batch.column(a).cast(pa.string())).to_pylist() if v]
            given = [v for v in memo.trimmed(batch.column(b).cast(pa.string())).to_pylist() if v]
            known = sum((len(v) == 1 and v in SURNAMES) or v in COMPOUND for v in surnames)
            han = sum(1 <= len(v) <= 3 and all("\u4e00" <= c <= "\u9fa5" for c in v) for v in given)
            if known >= SPLIT_NAME_SHARE * len(surnames) and han >= SPLIT_NAME_SHARE * len(given):
                counts[names[b]].setdefault("person_name", Counts()).linked += han


def _date_columns(batch: pa.RecordBatch, nonempty: dict[str, int], counts: dict[str, dict[str, Counts]]
                  ) -> dict[str, np.ndarray]:
    """The columns of a batch that are mostly dates written as birth dates are, each as yyyymmdd
    per row (-2 where a cell holds no date)."""
    from .detectors.person import written_dates

    out = {}
    for name in _columns_mostly(counts, nonempty, "birth_date"):
        year, month, day = written_dates(ascii_digits(filled(memo.trimmed(batch.column(name)))))
        out[name] = np.where(year > 0, year * 10000 + month * 100 + day, -2)
    return out


def _link_birth_dates(batch: pa.RecordBatch, nonempty: dict[str, int], counts: dict[str, dict[str, Counts]],
                      dates: dict[str, np.ndarray]) -> None:
    """Context: a column of dates beside a column of ID numbers, row by row the birth dates the
    IDs hold, is a column of birth dates whatever its header (字段4 beside 字段3). The IDs are
    read as the detector reads them: written the plain way (330802 19570528 0715, full width) and
    taken out of a code built on them (学籍号 G + ID, 残疾人证号 ID + two digits)."""
    ids = _ids_beside(nonempty, counts)
    if not ids:
        return
    from .detectors.resident_id import embedded_ids

    linkable = _linkable_dates(batch, nonempty, ids, dates)
    if not linkable:
        return

    born = []
    for name in ids:
        # The ID itself, as its check digits are tested: all that comparing birth dates needs.
        plain_ids = filled(memo.trimmed(batch.column(name)))
        if _anywhere(plain_ids, NEEDS_NORMALIZING):  # one joined search settles the usual column
            plain_ids = normalize(plain_ids)
        if _holds(plain_ids, "'"):  # '330102…: a spreadsheet's mark that the cell is text
            plain_ids = pc.replace_substring_regex(plain_ids, r"^'+", "")
        plain_ids = embedded_ids(plain_ids)
        long_ = pc.utf8_slice_codeunits(plain_ids, 6, 14)
        short = pc.binary_join_element_wise("19", pc.utf8_slice_codeunits(plain_ids, 6, 12), "")
        text = pc.if_else(pc.equal(pc.utf8_length(plain_ids), 15), short, long_)
        digits = pc.if_else(pc.ascii_is_decimal(text), text, None)
        born.append(np.asarray(pc.fill_null(pc.cast(digits, pa.int64()), -1).to_numpy(zero_copy_only=False)))
    for name, (written, two_digit) in linkable.items():
        same = np.zeros(len(written), dtype=bool)
        months = _year_months(batch.column(name))
        for column in born:
            # 49.09.29 has lost its century: its year, month and day agree with the ID's or not.
            same |= (written == column) | (two_digit & (written % 1_000_000 == column % 1_000_000))
            # 出生年月 1935.06, 1935年6月, 193506, 1935-6: the year and month agree with the ID's
            same |= (months > 0) & (months == column // 100)
        if same.any():
            counts[name].setdefault("birth_date", Counts()).linked += int(same.sum())


#: a year and month alone, as 出生年月 is written (1935.06, 1935年6月, 193506, 1935-6, 1942/12)
_YEAR_MONTH = r"^\s*(?P<y>(?:18|19|20)\d{2})(?:[-/.]|年)?(?P<m>0?[1-9]|1[0-2])月?\s*$"


def _year_months(column: pa.Array) -> np.ndarray:
    """yyyymm per cell written as a year and month alone (-1 elsewhere)."""
    parts = pc.extract_regex(ascii_digits(filled(column.cast(pa.string()))), _YEAR_MONTH)
    year, month = (np.asarray(pc.fill_null(pc.cast(pc.struct_field(parts, k), pa.int64()), -1)
                              .to_numpy(zero_copy_only=False)) for k in ("y", "m"))
    return np.where((year > 0) & (month > 0), year * 100 + month, -1)


#: rows a column's first cells are read in, to tell whether it may be dates in a form that no
#: birth date takes by its shape (a spreadsheet's serial day numbers, 49.09.29), and the share of
#: them that must read as dates for the whole column to be read.
_LINK_PROBE_ROWS = 64
_LINK_PROBE_SHARE = 0.25


def _linkable_dates(batch: pa.RecordBatch, nonempty: dict[str, int], ids: list[str],
                    dates: dict[str, np.ndarray]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The columns of a batch beside an ID column that may be birth dates, each as yyyymmdd per
    row and which rows had a two-digit year (:func:`~opendata.pii.detectors.person.linkable_dates`):
    the columns mostly of dates as birth dates are written (``dates``), and any other column at
    least half of whose cells read as dates once spreadsheet serial numbers (18170) and two-digit
    years (49.09.29) count — a birth date column exported without its format or header (D beside
    C) is one only by the context, and only the comparison with the IDs says so."""
    from .detectors.person import linkable_dates

    out = {}
    for name, column in zip(batch.schema.names, batch.columns):
        if name in ids or not nonempty.get(name):
            continue
        if name not in dates:  # (the probe's cells prepared alone: each cell is prepared on its own)
            probe = ascii_digits(filled(trimmed(column.slice(0, _LINK_PROBE_ROWS))))
            filled_probe = int(pc.sum(pc.not_equal(probe, "")).as_py() or 0)
            if not filled_probe or (linkable_dates(probe)[0] > 0).sum() < _LINK_PROBE_SHARE * filled_probe:
                continue
        written, two_digit = linkable_dates(ascii_digits(filled(memo.trimmed(column))))
        if name in dates or (written > 0).sum() >= 0.5 * nonempty[name]:
            out[name] = (written, two_digit)
    return out


def _earliest_dates(dates: dict[str, np.ndarray], counts: dict[str, dict[str, Counts]]) -> None:
    """Per date column, the rows in which its date is the row's earliest (ties count for each):
    in a table of births (its title says so, :meth:`ScanAccumulator.finish`), the date that comes
    before every other one of the row is the birth — a certificate, a registration, a visit come
    after it. Dates that are the birth dates in an ID column beside (the parents') are births
    already, and are not compared."""
    def linked(name: str) -> bool:
        c = counts[name]["birth_date"]
        return c.linked >= 0.5 * c.matches

    for name, written in dates.items():
        first = written > 0
        for other, theirs in dates.items():
            if other != name and not linked(other):
                first &= (theirs <= 0) | (written <= theirs)
        counts[name]["birth_date"].earliest += int(first.sum())


# -- decisions and reports ------------------------------------------------------------------------
@dataclass
class FieldScan:
    name: str
    detected: list[Detection] = field(default_factory=list)
    #: a form's value column (:func:`key_columns`): the key column, and the decision per key label
    #: (``detected`` then sums them up: per type, the most demanding of its labels' decisions).
    key: str | None = None
    parts: dict[str, list[Detection]] = field(default_factory=dict)

    @property
    def uncertain(self) -> list[Detection]:
        return [d for d in self.detected if d.uncertain]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": report_name(self.name), "detected": [d.to_dict() for d in self.detected]}
        if self.key is not None:
            out["key"] = report_name(self.key)
            out["parts"] = {report_name(label): [d.to_dict() for d in found]
                            for label, found in self.parts.items() if found}
        return out


#: per type, which of a form's labels' decisions sums them up (an uncertain one must be settled).
_STATUS_RANK = {"uncertain": 0, "column": 1, "cells": 2, "spans": 3, "masked": 4}


def keyed_summary(parts: dict[str, list[Detection]], nonempty: int) -> list[Detection]:
    """One detection per type for a form's value column of ``nonempty`` cells: the most demanding
    status among its labels' (uncertain before column before cells before spans), the counts summed."""
    by_type: dict[str, list[Detection]] = defaultdict(list)
    for found in parts.values():
        for d in found:
            by_type[d.type].append(d)
    out = []
    for kind, found in by_type.items():
        lead = min(found, key=lambda d: _STATUS_RANK[d.status])
        out.append(replace(lead, matches=sum(d.matches for d in found), masked=sum(d.masked for d in found),
                           sampled=nonempty, span_matches=sum(d.span_matches for d in found),
                           span_cells=sum(d.span_cells for d in found)))
    return sorted(out, key=lambda d: (-d.matches, d.type))


def report_name(name: str) -> str:
    """A field name as reports show it: masked where it holds personal information itself (a
    header row of a table without one may be somebody's ID number)."""
    from ..masking import sample
    from .metadata import VALUE_LABELS, holds_pii

    return sample(name) if name in VALUE_LABELS or holds_pii(name, label=True) else name


@dataclass
class ResourceScan:
    name: str
    path: str
    rows: int
    fields: list[FieldScan]
    #: the rows are organisations (:func:`organisation_rows`): undecided landlines are theirs.
    organisations: bool = False

    def field(self, name: str) -> FieldScan:
        # An index, not a search: classify asks for every field (linear in columns, not quadratic).
        index = self.__dict__.get("_index")
        if index is None or len(index) != len(self.fields):
            index = self.__dict__["_index"] = {f.name: f for f in self.fields}
        return index[name]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "path": self.path, "rows": self.rows, "fields": [f.to_dict() for f in self.fields]}


@dataclass
class ScanReport:
    """Per resource and field, the types detected (``opendata scan --format json``)."""

    resources: list[ResourceScan]

    def resource(self, name: str) -> ResourceScan:
        return next(r for r in self.resources if r.name == name)

    def to_dict(self) -> dict[str, Any]:
        return {"resources": [r.to_dict() for r in self.resources]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self, lang: str | None = None) -> str:
        t = lambda key, **kw: messages.t(key, lang=lang, **kw)  # noqa: E731
        lines = []
        for res in self.resources:
            lines.append(t("scan.resource", name=res.name, path=res.path, rows=res.rows))
            for f in res.fields:
                for d in f.detected:
                    key = ("scan.uncertain" if d.uncertain else "scan.spans" if d.spans else "scan.sparse"
                           if d.status == "cells" else "scan.masked" if d.masked and not d.matches else "scan.cells")
                    lines.append("  " + t(key, field=report_name(f.name), type=t(f"pii.{d.type}"), code=d.type,
                                          matches=d.matches, sampled=d.sampled, ratio=f"{d.ratio:.0%}",
                                          masked=d.masked, spans=d.span_matches, cells=d.span_cells))
            if not any(f.detected for f in res.fields):
                lines.append("  " + t("scan.none"))
        return "\n".join(lines)


def _scan_counted(batch: pa.RecordBatch) -> tuple[int, BatchScan]:
    return batch.num_rows, scan_batch(batch)


def merge_counts(result: BatchScan, totals: dict[str, dict[str, Counts]], nonempty: dict[str, int],
                 numeric: dict[str, int] | None = None, parts: dict[str, dict[str, Part]] | None = None) -> None:
    """Add one batch's counts to running totals (``parts``: a form's value columns, part by part)."""
    for name, count in result.nonempty.items():
        nonempty[name] += count
    for name, per_type in result.counts.items():
        for kind, counts in per_type.items():
            totals[name][kind].add(counts)
    if numeric is not None:
        for name, count in result.numeric.items():
            numeric[name] += count
    if parts is not None:
        for name, by_label in result.parts.items():
            mine = parts.setdefault(name, {})
            for label, part in by_label.items():
                mine.setdefault(label, Part()).add(part.nonempty, part.counts)


def _headers(resource: "Resource") -> dict[str, str]:
    """Each field's name and title, as a reader reads them (身\u200b份证号 is 身份证号 to a hint)."""
    from .normalize import fold_text

    return {f.name: fold_text(f"{f.name} {f.title}") for f in resource.schema.fields}


#: types whose values have a shape that words and codes also have (a WeChat ID's, coordinates'):
#: found under no hint, they say nothing of what a column holds.
_SHAPE_ONLY = ("wechat_id", "geo_coordinates")
#: types a column of plain numbers cannot hold, whatever its header says (学生人数 is a count).
_NOT_NUMBERS = ("person_name", "address", "email", "cn_license_plate", "cn_passport", "ip_address")


def decide_field(headers: str, totals: dict[str, Counts], nonempty: int, numeric: int,
                 rules: Rules | None = None, *, organisations: bool = False,
                 registered: bool = False) -> list[Detection]:
    """Every type's decision for one field, from its totals and header (see :mod:`.decide`).

    ``organisations``: the table's rows are organisations (:func:`organisation_rows`): a landline
    there that the values alone leave undecided is the organisation's (a switchboard), not a
    person's; mobile numbers still count wherever they stand. ``registered``: the table's rows each
    carry an organisation (a column of unified social credit codes, persons beside it or not): an
    address column of its premises is the organisation's (:func:`_registered_addresses`)."""
    detected = [d for kind, counts in totals.items()
                if (d := decide(REGISTRY[kind], counts, nonempty, headers, rules))]
    if organisations:
        detected = [d for d in detected if not (d.type == "cn_landline" and d.uncertain)]
    if organisation_lines(totals, nonempty, rules):
        # A column of service lines (400, 95xxx, faxes) is an organisation's: the landlines among
        # them are its switchboards, not a person's (a mobile number still counts: it is strong).
        detected = [d for d in detected if d.type != "cn_landline"]
    detected = _phone_family(detected, totals, nonempty, headers, rules)
    if any(d.status == "column" and d.personal for d in detected):
        # The field is treated whole, each cell by its own type: cells of another type found in it
        # are treated as that type, and there is nothing left to ask.
        detected = [replace(d, status="cells", reason=None) if d.uncertain else d
                    for d in detected if not (d.uncertain and d.matches == 0)]
        detected += _other_documents(detected, totals, nonempty)
    if organisations:
        detected = _organisation_addresses(detected, headers, rules)
    elif registered:
        detected = _registered_addresses(detected, totals.get("address"), headers, rules)
    detected = _already_masked(detected, totals, nonempty)
    if any(d.type == "address" and d.status == "column" for d in detected):
        # An address column is treated whole, cell by cell: the "names" inside it are places
        # (…苏木宝日嘎查, 王家村), and were one a person's, the address's treatment covers its cell.
        detected = [d for d in detected if not (d.type == "person_name" and d.spans)]
    # (values that only have a shape any word has — a WeChat ID's, coordinates' — explain nothing
    # unless their type was decided: a 姓名 column of ZhangSan is still asked about)
    kinds = {d.type for d in detected}
    explained = nonempty and sum(c.matches + c.masked + c.span_cells for kind, c in totals.items()
                                 if kind in kinds or kind not in _SHAPE_ONLY) >= 0.5 * nonempty
    if not explained:  # values of a known form (an organisation's landlines) say what the header does not
        ruled_out = list(_NOT_NUMBERS if nonempty and numeric >= 0.5 * nonempty else ())
        # … and numbers of a check-digit type's shape that pass its check no more often than
        # chance are not of the type, whatever the header says (公交卡号: T-union numbers fail Luhn
        # and have no card issuer's prefix; real card numbers all pass)
        ruled_out += [kind for kind in _chance_decoys(totals, rules)]
        ruled_out += ["cn_landline"] if organisations else []
        # … and cells that are offices, places or categories (柯城区房屋征收办 under 经办人) are no names
        offices = totals["person_name"].offices if "person_name" in totals else 0
        ruled_out += ["person_name"] if nonempty and offices >= 0.5 * nonempty else []
        asked = header_only(headers, nonempty, detected, rules, ruled_out)
        # … in a table of organisations, a 住所 whose values are no household's (…号科技大厦) is the
        # organisation's, as a column of its addresses is
        detected += _organisation_addresses(asked, headers, rules) if organisations else asked
    return sorted(detected, key=lambda d: (-d.matches, d.type))


def _already_masked(detected: list[Detection], totals: dict[str, Counts], nonempty: int) -> list[Detection]:
    """A field every non-empty cell of which is a value already masked (身份证号码（脱敏）: 330802********0715)
    and none raw: its column detections say so (status ``masked``) — nothing is treated, the values
    are kept as written, and the field is still graded as masked personal information. What counts
    as masked is each type's ``masked_pattern``: for a resident ID at most the six digits of its
    division before the stars and four after, so the birth date is hidden (330802195705****** shows
    it: not masked, the field is decided or asked about as before). One raw value, span or doubt
    anywhere in the field, or one cell no mask explains, and nothing changes."""
    if not nonempty or not detected or any(d.raw for d in detected):
        return detected
    if max((c.masked for c in totals.values()), default=0) < nonempty:
        return detected  # (a cell of another form beside the masked ones: decided as before)
    return [replace(d, status="masked") if d.status == "column" else d for d in detected]


def organisation_lines(totals: dict[str, Counts], nonempty: int, rules: Rules | None = None) -> bool:
    """Whether a field's values are an organisation's phones: at least the policy's
    ``organisation_lines`` share of them are service numbers (400, 95xxx), faxes or switchboards
    (``cn_service_number``), which no person's phone column holds."""
    lines = totals.get("cn_service_number")
    return bool(nonempty and lines and lines.matches >= (rules or default_rules()).organisation_lines * nonempty)


#: identity documents one generic 证件号码 column may hold, row by row (by 证件类型).
_DOCUMENTS = ("cn_resident_id", "cn_passport", "military_id", "hk_macau_tw_id", "passport_mrz")


def _other_documents(detected: list[Detection], totals: dict[str, Counts], nonempty: int) -> list[Detection]:
    """In a column of identity documents, the cells of every other document type, however few:
    a passport among resident IDs is reported (and treated) as a passport."""
    if not any(d.type in _DOCUMENTS and d.status == "column" for d in detected):
        return []
    seen = {d.type for d in detected}
    return [Detection(kind, counts.matches, nonempty, counts.masked, "cells")
            for kind, counts in totals.items()
            if kind in _DOCUMENTS and kind not in seen and counts.matches]


def _organisation_addresses(detected: list[Detection], headers: str, rules: Rules | None) -> list[Detection]:
    """In a table whose rows are organisations (an enterprise register), an address column is the
    organisation's registered office (住所, 地址), not a person's home — unless its header says
    a person lives there (家庭住址, 户籍地, 法定代表人住所: ``pii_hints.yaml``'s ``dwelling``)."""
    rules = rules or default_rules()
    if rules.hints.dwelling_of(headers):
        return detected
    return _without_address_columns(detected)


def _registered_addresses(detected: list[Detection], counts: Counts | None, headers: str,
                          rules: Rules | None) -> list[Detection]:
    """In a table whose rows each carry an organisation and its unified social credit code, but
    persons too (a register of social organisations with their legal representatives' ID numbers), an
    address column is the organisation's registered office (住所) only with the values' word for it:
    the header says no one lives there (no ``home`` or ``dwelling`` word: 住所, not 法定代表人住所 or
    家庭住址), some cells name premises (the policy's ``premises_min``) and next to none a household's
    (``residential_max``). Else it stays an address (a sole trader's 住所 is his home)."""
    rules = rules or default_rules()
    if counts is None or not counts.matches or rules.hints.dwelling_of(headers) or rules.hints.home_of(headers):
        return detected
    cells = counts.matches
    if counts.premises < rules.premises_min * cells or counts.residential > rules.residential_max * cells:
        return detected
    return _without_address_columns(detected)


def _without_address_columns(detected: list[Detection]) -> list[Detection]:
    """``detected`` less an address column decided or asked about: the organisation's own address."""
    return [d for d in detected if not (d.type == "address" and d.status in ("column", "uncertain"))]


def _chance_decoys(totals: dict[str, Counts], rules: Rules | None) -> list[str]:
    """The check-digit types whose shape many cells have but whose check they pass only by chance."""
    rules = rules or default_rules()
    return [kind for kind, c in totals.items()
            if REGISTRY[kind].chance is not None and c.shaped >= rules.chance_min_shaped
            and c.matches <= rules.chance_factor * REGISTRY[kind].chance * c.shaped]


#: types that are one kind of value written differently: together they decide a column.
_FAMILIES = (("cn_mobile", "cn_landline", "other_phone"),)


def _phone_family(detected: list[Detection], totals: dict[str, Counts], nonempty: int, headers: str = "",
                  rules: Rules | None = None) -> list[Detection]:
    """A column of phone numbers, some mobile and some landline (来电号码), is a phone column
    although neither type alone has the share: the more frequent one decides it — under a header
    that names a phone of either type (家庭电话, jtdh) at the share a header hint needs, as one
    type's own column would be."""
    rules = rules or default_rules()
    for family in _FAMILIES:
        # (only the types still detected: switchboards an organisation's header or lines ruled out
        # do not make its column a person's phones)
        found = sum(totals[d.type].matches + totals[d.type].masked for d in detected if d.type in family)
        hinted = any(rules.hints.judge(headers).get(kind) == "yes" for kind in family)
        share = rules.hinted_min if hinted else REGISTRY[family[0]].min_ratio
        if not nonempty or found < share * nonempty:
            continue
        ours = [d for d in detected if d.type in family]
        if not ours or any(d.status == "column" for d in ours):
            continue
        lead = max(ours, key=lambda d: d.matches + d.masked)
        detected = [replace(d, status="column", reason=None) if d is lead else d for d in detected]
    return detected


def organisation_rows(totals: dict[str, dict[str, Counts]], nonempty: dict[str, int]) -> bool:
    """Context: a table whose rows are organisations — a column mostly of valid unified social
    credit codes, and none mostly of resident ID numbers (whose rows would be people)."""
    return registered_rows(totals, nonempty) and not _columns_mostly(totals, nonempty, "cn_resident_id")


def registered_rows(totals: dict[str, dict[str, Counts]], nonempty: dict[str, int]) -> bool:
    """Context: a table each row of which carries an organisation — a column mostly of valid unified
    social credit codes (persons may stand beside them: its legal representative)."""
    return bool(_columns_mostly(totals, nonempty, "cn_uscc"))


class ScanAccumulator:
    """Totals of one resource's batch scans, turned into a :class:`ResourceScan` at the end."""

    def __init__(self, resource: "Resource", rules: Rules | None = None, title: str = "") -> None:
        self.resource = resource
        self.rules = rules
        self.title = title  # the package's: what the table is about (a register of births …)
        self.totals: dict[str, dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
        self.nonempty: dict[str, int] = defaultdict(int)
        self.numeric: dict[str, int] = defaultdict(int)
        self.rows = 0
        self.parts: dict[str, dict[str, Part]] = {}
        #: per value column of a form, its key column and the rows scanned with it as such
        self.keyed: dict[str, tuple[str, int]] = {}

    def add(self, rows: int, result: BatchScan) -> None:
        self.rows += rows
        merge_counts(result, self.totals, self.nonempty, self.numeric, self.parts)
        for value, key in result.keyed.items():
            known, seen = self.keyed.get(value, (key, 0))
            self.keyed[value] = (key, seen + rows) if known == key else ("", seen)

    def finish(self) -> ResourceScan:
        resource = self.resource
        headers = _headers(resource)
        if self._births():
            _first_dates_are_births(self.totals, self.nonempty)
        organisations = organisation_rows(self.totals, self.nonempty)
        registered = registered_rows(self.totals, self.nonempty)
        fields = [self._keyed(f.name) or
                  FieldScan(f.name, decide_field(headers[f.name], self.totals[f.name], self.nonempty[f.name],
                                                 self.numeric[f.name], self.rules, organisations=organisations,
                                                 registered=registered))
                  for f in resource.schema.fields]
        coordinate_context(fields, headers, organisations, self.rules)
        lifetime_context(fields, headers, self.totals, self.nonempty, self.rules)
        path = str(resource.path) if resource.path else f"<{resource.name}>"
        return ResourceScan(resource.name, path, self.rows, fields, organisations)

    def _keyed(self, name: str) -> FieldScan | None:
        """A form's value column, decided label by label (each label the header of its rows'
        values) — when every batch read it as one, beside the same key column."""
        key, seen = self.keyed.get(name, ("", 0))
        if not key or seen != self.rows or name not in self.parts:
            return None
        header = (lambda label: _nested_header(label, name)) if key == _NESTED else (lambda label: label)
        parts = {label: decide_field(header(label), part.counts, part.nonempty, part.numeric, self.rules)
                 for label, part in self.parts[name].items()}
        summary = keyed_summary(parts, self.nonempty[name])
        if key == _NESTED:  # a JSON field sums up what its leaves hold raw (a masked ID leaf asks nothing)
            summary = [d for d in summary if d.raw]
        return FieldScan(name, summary, key, parts)

    def _births(self) -> bool:
        """Whether the package's title, or the resource's name, title or file name, says its rows
        are births (context for :func:`_first_dates_are_births`)."""
        resource = self.resource
        title = " ".join(filter(None, (self.title, resource.name, resource.descriptor.get("title"),
                                       Path(str(resource.path)).stem if resource.path else None)))
        return (self.rules or default_rules()).hints.births_of(title)


def _date_years(dates: dict[str, np.ndarray], counts: dict[str, dict[str, Counts]]) -> None:
    """Per date column, its dates by their year (which of them are of a lifetime is the policy's
    to say, when the table is decided: :func:`lifetime_context`)."""
    for name, written in dates.items():
        years, times = np.unique(written[written > 0] // 10000, return_counts=True)
        counts[name]["birth_date"].years.update(dict(zip(years.tolist(), times.tolist())))


def _lifetime_years(c: Counts, rules: Rules) -> tuple[int, int]:
    """How many of a date column's dates are of a lifetime — ``lifetime_min_age`` to
    ``lifetime_max_age`` years before today (born then: the adults of a register) — and how many
    years they span (0 when there are none)."""
    import datetime as dt

    now = dt.date.today().year
    aged = [year for year in c.years if now - rules.lifetime_max_age <= year <= now - rules.lifetime_min_age]
    return sum(c.years[year] for year in aged), (max(aged) - min(aged) if aged else 0)


def lifetime_context(fields: list[FieldScan], headers: dict[str, str], totals: dict[str, dict[str, Counts]],
                     nonempty: dict[str, int], rules: Rules | None = None) -> None:
    """Context, across columns: a column of dates that nothing decided to be birth dates (no header
    of birth, no ID beside whose birth dates they are) but whose dates are, nearly all, of a
    lifetime and spread over decades, in a table of persons (a column of names or ID numbers), and
    under a header that says nothing (F6, 字段5), may be its persons' birth dates: it asks
    (``uncertain``, fail closed) rather than pass. A date of application or payment (within a few
    years) or a header that says what the dates are (成立日期, 入职日期) does not."""
    rules = rules or default_rules()
    persons = any(d.status == "column" and d.type in ("cn_resident_id", "person_name", "cn_passport")
                  for f in fields for d in f.detected)
    if not persons:
        return
    for f in fields:
        c = totals.get(f.name, {}).get("birth_date")
        if c is None or f.key is not None or any(d.type == "birth_date" for d in f.detected):
            continue
        if not rules.hints.opaque_of(headers.get(f.name, "")):
            continue  # a header that says what the dates are (入职日期, 参加工作时间) is the officer's word
        aged, spread = _lifetime_years(c, rules)
        if nonempty.get(f.name) and aged >= rules.lifetime_share * nonempty[f.name] \
                and spread >= rules.lifetime_spread:
            f.detected = list(f.detected) + [Detection("birth_date", aged, nonempty[f.name], 0, "uncertain",
                                                       reason="lifetime")]


#: the types whose column says that a table's rows are persons: coordinates there are a home's.
_PERSON_COLUMNS = ("cn_resident_id", "person_name", "cn_passport", "birth_date")


def coordinate_context(fields: list[FieldScan], headers: dict[str, str], organisations: bool,
                       rules: Rules | None = None) -> None:
    """Context, across columns: whose coordinates a field decided to hold them holds. The values
    cannot say; the table can:

    - a header that names a household (表位坐标, 住户坐标: ``pii_hints.yaml``'s ``home``) — a home's:
      personal information;
    - a table whose rows are persons (a column of names, ID numbers or birth dates) and no header
      of a place (站名, 站点名称: ``places``) — a home's too;
    - a table of places or organisations (a header of a place, or unified social credit codes) and
      no column of persons — the place's (a weather station, a bus stop): not personal information;
    - anything else (neither, or both) — uncertain: the officer says (fail closed).

    (A header of a place on the coordinates themselves, 站点坐标, already said "not" in :func:`decide`.)
    ``fields`` are changed in place."""
    hints = (rules or default_rules()).hints
    persons = any(d.status in ("column", "masked") and d.type in _PERSON_COLUMNS for f in fields for d in f.detected)
    places = organisations or any(hints.place_of(headers[f.name]) for f in fields if f.name in headers)
    for f in fields:
        if f.key is not None or not any(d.type == "geo_coordinates" for d in f.detected):
            continue
        home = hints.home_of(headers.get(f.name, ""))
        kept = []
        for d in f.detected:
            if d.type != "geo_coordinates":
                kept.append(d)
            elif home or (persons and not places):
                kept.append(replace(d, status="column", reason=None) if d.status == "column" else d)
            elif places and not persons:
                continue  # a station's, a stop's, an organisation's
            else:
                kept.append(replace(d, status="uncertain", reason="context"))
        f.detected = kept


#: the share of a date column's dates that must be the earliest of their row, in a table of births,
#: for the column to be the births' dates.
EARLIEST_BIRTHS = 0.9


def _first_dates_are_births(totals: dict[str, dict[str, Counts]], nonempty: dict[str, int]) -> None:
    """Context, in a table of births: a column of dates (half its cells or more) that is row by row
    the earliest date of the row is the births' column (counted as linked, as a hint is)."""
    for name in _columns_mostly(totals, nonempty, "birth_date"):
        dates = totals[name]["birth_date"]
        if dates.earliest >= EARLIEST_BIRTHS * dates.matches:
            dates.linked += dates.earliest


def scan_resource(resource: "Resource", *, sample_rows: int | None = None, rules: Rules | None = None,
                  title: str = "") -> ResourceScan:
    """Scan one resource (every row, or the first ``sample_rows``); ``title``: its package's."""
    def batches() -> Iterator[pa.RecordBatch]:
        rows = 0
        # A sample is read in batches of its own size: the reader then reads little more than it.
        for batch in (resource.raw_batches(min(sample_rows, DEFAULT_BATCH_ROWS)) if sample_rows
                      else resource.raw_batches()):
            if sample_rows is not None and rows >= sample_rows:
                break
            if sample_rows is not None and rows + batch.num_rows > sample_rows:
                batch = batch.slice(0, sample_rows - rows)
            rows += batch.num_rows
            yield batch

    accumulator = ScanAccumulator(resource, rules, title)
    for rows, result in ordered_map(_scan_counted, batches()):
        accumulator.add(rows, result)
    return accumulator.finish()


def scan(package: "Package", *, sample_rows: int | None = None, rules: Rules | None = None) -> ScanReport:
    """Scan every resource of ``package`` for personal information and identifiers."""
    from .metadata import header_values

    report = ScanReport([scan_resource(r, sample_rows=sample_rows, rules=rules, title=package.title)
                         for r in package.resources])
    header_values(package, report)  # a label that is its column's first value is masked in the report
    return report


def declared_types(field_: "Field") -> list[str]:
    """The PI types a field's descriptor declares (``"opendata": {"pii": "cn_mobile"}``)."""
    value = field_.opendata.get("pii")
    if value in (None, "none", []):
        return []
    return [value] if isinstance(value, str) else list(value)



def treated_operator(treated: dict[str, Any], kind: str) -> str | None:
    """The operator a redacted field's values of type ``kind`` went through (``"treated"``
    records one per type when a text field mixes them, else one for the field)."""
    return (treated.get("by_type") or {}).get(kind) or treated.get("operator")
