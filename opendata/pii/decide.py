"""The per-field decision: is this field personal information of a type, not, or uncertain?

Evidence is combined here, in one place:

- **header hints** (``schemas/pii_hints.yaml``, extended by a policy's ``pii_hints``): Chinese words,
  pinyin abbreviations (``xm``, ``sfzh``), English words, register words that name a person
  (户名, 车主); and negative hints that say the values belong to an organisation (对公账号, 传真);
- **the values**: counts from the scanner — whole-cell matches of the type (normalised: separators,
  full-width characters, case and prefixes removed before check digits are tested), already
  masked values, spans inside free text, and for check-digit types how many cells had the shape
  (so that values passing the check by chance are told from real identifiers). What a value of
  each type must be is the detector's (``opendata.pii.detectors``), from data where data exists:
  surnames (``data/surnames.txt``, from 《百家姓》 and jieba's dictionary), the alphabet of
  transliterated names (``data/translit.txt``, measured against jieba's dictionary) and China's
  administrative divisions (``data/divisions.txt``, from cpca's adcode table: a street and house
  number is an address when a province, city or county leads it);
- **context** (``Counts.linked``, counted by the scanner per batch), which counts as a header hint:
  dates that equal, row by row, the birth date inside an ID column beside (or inside a code built
  on an ID: 学籍号 G + ID) are birth dates, and when they are half the column or more the column is
  birth dates whatever the form of its other cells (a spreadsheet's serial numbers, 49.09.29: read
  only to be compared, ``person.linkable_dates``); in a table whose title says its rows are births
  (``pii_hints.yaml``'s ``births``: 出生医学证明, 新生儿), the date column that is row by row the
  earliest date of its row is the births' (``scan.EARLIEST_BIRTHS``); in a table whose rows are
  people (a column mostly of resident ID numbers), a column at least half of whose cells are
  diverse names of a known form is a column of names, its names of no known form included
  (``scan.LINKED_NAMES``);
- **recurring names**: an unhinted column of names of a known form that recur (a grid's staff of
  sixty over a thousand visits) is a column of names like a diverse one when it holds at least
  ``recurring_min_distinct`` distinct names, next to none of which reads as a place or a category
  (余杭区, 汉族: ``PersonName.unlike``), under a header that names no attribute;
- **placeholders**: a register writes 无, 本人, 自助办理, 同上, — where a person's column names no one
  (``data/not_names.txt``); they count with masked names (``Counts.masked``), and the share of names
  is taken of the other cells (``_named_share``). An unhinted column whose cells, those aside, are
  names of a known form (one, or a list joined by 、，or spaces) in ``unhinted_names_share``, the
  names at least ``unhinted_names_min`` of all its cells, diverse or recurring, none a place or a
  category, under a header that names no attribute, is a column of names (河道警长 under ``F10``,
  代办人 under ``字段13``); short of it, it is asked about as a column of names would be. Under a
  header that names a person (pinyin initials of a register's words too: lyr 领用人, kgy 库管员,
  hzxm 户主姓名, wtdlr 委托代理人), ``hinted_min`` of names decides, a few recurring ones included;
  cells of no known form count with them only when diverse or many (``_loose_names``): a few words
  recurring (电工作业 under ``czxm``, 操作项目 as well as 持证姓名) are a category's, and asked about;
- **context in free text**: a card-length run right after a serial number's word (订单号, 流水号,
  工单号 …) is counted apart (``Counts.cued``); when at least ``chance_min_shaped`` of them pass
  Luhn no more often than ``chance_factor`` times random numbers do (one in ten), the ones that
  also pass a card prefix are serial numbers like their neighbours, not cards (fewer of them, or
  runs that always pass: cards, and treated). A run that runs on into an ID's check character
  (…381Ｘ) is no card. An address in text that an organisation's word introduces (该公司于, 门店
  位于, 办公地址) or that an office building follows (…398号市民中心) is the organisation's and is
  neither counted nor treated — unless a word of dwelling stands with it (家住, 居住, 户籍, 房东 …)
  (``Address.kept_span``), and so is a street number that marks a road section (…路437号门前路段: an
  accident's place);
- **chance among codes built on an ID**: cells of 19 to 21 digits whose first 18 begin as an ID does
  (``Counts.built``: 办件编号 = a division, a date, a sequence) pass its check character one time in
  eleven by chance (``CHECK_CHARACTER_CHANCE``); when at least ``chance_min_shaped`` of them pass no
  more often than ``chance_factor`` times that, those passes are serial numbers, not IDs (a code built
  on a real ID, 残疾人证号, passes every time); the last line weighs them the same way;
- **organisations' addresses** (``scan._registered_addresses``): in a table each row of which carries
  an organisation's unified social credit code, an address column under a header that names no home
  (住所, not 法定代表人住所) whose cells name premises (…大厦, …厂房, …开发区) and next to none a
  household's (小区, 单元, 村…组) is the organisation's registered office, not personal information;
- **thresholds** from the policy (``detection:``): the share that decides a column, the noise floor
  under which a weak signal is ignored, and the share a header hint needs.

The outcome per type is a :class:`Detection` with a ``status``:

``column``
    the field holds the type: every non-empty cell is treated (cells of other types by their own
    treatment, cells of no known form by the generic one);
``cells``
    a few cells hold a check-digit or fixed-format identifier (an ID number in a code column):
    those cells are treated, the rest kept;
``spans``
    the type occurs inside free text: the spans are treated in place;
``uncertain``
    partial evidence (a share between the noise floor and the decision threshold, a header
    that says personal over values that do not match, or a header that names a person over
    values read as text in too few of whose cells a name is found: ``hinted_spans``): ``check`` blocks and asks the officer to
    declare ``pii: <type>`` with a treatment, or ``pii: none``. Nothing is published on a guess.
``masked``
    every non-empty cell of the field is a value already masked (330802********0715) and none raw
    (``scan._already_masked``): nothing is treated, the values are kept as written, and the field is
    graded as masked personal information. What is masked enough is each type's ``masked_pattern``
    (a resident ID shows at most its division's six digits before the stars and four after, so the
    birth date is hidden; 33080219570528**** is no mask, and the field is decided or asked about).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from .. import yamltext
from .detectors import REGISTRY, Detector


__all__ = ["Detection", "Hints", "Rules", "decide", "default_rules", "header_only", "overruled"]

STATUSES = ("column", "cells", "spans", "uncertain")


@dataclass(frozen=True)
class Detection:
    """A type of personal information (or identifier) found in a field, and how it was decided."""

    type: str
    matches: int
    sampled: int
    masked: int
    #: column, cells, spans, uncertain — or masked: every value of the field is already masked
    #: (:func:`~opendata.pii.scan.decide_field`), nothing to treat; still graded as masked
    status: str = "column"
    span_matches: int = 0
    span_cells: int = 0
    #: why an uncertain detection is uncertain: a message key suffix (``share``, ``header``, ``weak``).
    reason: str | None = None

    @property
    def spans(self) -> bool:
        return self.status == "spans"

    @property
    def uncertain(self) -> bool:
        return self.status == "uncertain"

    @property
    def ratio(self) -> float:
        """The share of non-empty cells that hold the type (as whole values, or with spans)."""
        hits = self.span_cells if self.spans else self.matches
        return round(hits / self.sampled, 4) if self.sampled else 0.0

    @property
    def personal(self) -> bool:
        return REGISTRY[self.type].personal

    @property
    def raw(self) -> bool:
        """Untreated values (or spans) of the type are present (an uncertain detection counts: it
        must be decided before anything goes out)."""
        return self.matches > 0 or self.span_matches > 0 or self.uncertain

    def to_dict(self) -> dict[str, Any]:
        out = {"type": self.type, "status": self.status, "matches": self.matches, "sampled": self.sampled,
               "ratio": self.ratio, "masked": self.masked, "spans": self.spans}
        if self.spans:
            out.update(spanMatches=self.span_matches, spanCells=self.span_cells)
        if self.reason:
            out["reason"] = self.reason
        return out


# -- header hints ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class TypeHints:
    contains: tuple[str, ...] = ()
    tokens: tuple[str, ...] = ()
    not_: tuple[str, ...] = ()
    person: bool = False
    #: endings of a Chinese header word that name the type (报名人, 签收人: ``人``)
    ends: tuple[str, ...] = ()


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def header_tokens(header: str) -> set[str]:
    """The ASCII tokens of a header: split at camelCase and at anything not a letter or digit."""
    return {t for t in _NON_ALNUM.split(_CAMEL.sub(" ", header).lower()) if t}


class Hints:
    """What headers say, per type: ``"yes"``, ``"not"`` (an organisation's values) or nothing."""

    def __init__(self, by_type: dict[str, TypeHints], attributes: tuple[str, ...] = (),
                 dwelling: tuple[str, ...] = (), home: tuple[str, ...] = (),
                 births: tuple[str, ...] = (), places: tuple[str, ...] = (),
                 opaque: tuple[str, ...] = ()) -> None:
        self.by_type = by_type
        #: words that make a header name an attribute (证件类型, 号牌种类, Employee ID): such a
        #: header alone never makes a field uncertain.
        self.attributes = attributes
        #: words that make an address a person's home even in a table of organisations (法定代表人住所),
        #: besides the ``home`` ones.
        self.dwelling = dwelling
        #: words that say a person lives at an address (家庭住址, 户籍地): an organisation's word
        #: beside them (工作单位及家庭住址) does not make the address an organisation's.
        self.home = home
        #: words of a table's title that say its rows are births (出生医学证明, 新生儿, births).
        self.births = births
        #: words of a table's headers that say its rows are places or organisations (站名, 站点名称,
        #: 线路): coordinates there are the place's.
        self.places = places
        #: an export's generic words for a column (字段, 列, f, col): a header of one of them and a
        #: number, or of a number alone (字段5, F6, col_3, 12), says nothing of what the column holds.
        self.opaque = opaque
        self._opaque = _opaque_pattern(opaque)

    @classmethod
    def parse(cls, data: dict[str, Any], where: str) -> "Hints":
        from ..errors import DescriptorError

        out: dict[str, TypeHints] = {}
        data = dict(data or {})
        words_of: dict[str, tuple[str, ...]] = {}
        for key in ("attributes", "dwelling", "home", "births", "places", "opaque"):
            value = data.pop(key, []) or []
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise DescriptorError("descriptor.invalid", path=where, where=f"pii_hints/{key}",
                                      reason="a list of non-empty strings")
            words_of[key] = tuple(v.lower() for v in value)
        for kind, entry in data.items():
            if kind not in REGISTRY:
                raise DescriptorError("policy.unknown_pii", path=where, type=kind, known=", ".join(sorted(REGISTRY)))
            if not isinstance(entry, dict):
                raise DescriptorError("descriptor.invalid", path=where, where=f"pii_hints/{kind}", reason="not a mapping")
            words = {}
            for key in ("contains", "tokens", "not"):
                value = entry.get(key) or []
                if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                    raise DescriptorError("descriptor.invalid", path=where, where=f"pii_hints/{kind}/{key}",
                                          reason="a list of non-empty strings")
                words[key] = tuple(v.lower() for v in value)
            ends = entry.get("ends") or []
            if not isinstance(ends, list) or not all(isinstance(v, str) and v for v in ends):
                raise DescriptorError("descriptor.invalid", path=where, where=f"pii_hints/{kind}/ends",
                                      reason="a list of non-empty strings")
            out[kind] = TypeHints(words["contains"], words["tokens"], words["not"], bool(entry.get("person")),
                                  tuple(ends))
        return cls(out, words_of["attributes"], words_of["dwelling"], words_of["home"], words_of["births"],
                   words_of["places"], words_of["opaque"])

    def extended(self, other: "Hints") -> "Hints":
        """These hints with ``other``'s added (a department's own words)."""
        merged = dict(self.by_type)
        for kind, extra in other.by_type.items():
            mine = merged.get(kind, TypeHints())
            merged[kind] = TypeHints(mine.contains + extra.contains, mine.tokens + extra.tokens,
                                     mine.not_ + extra.not_, mine.person or extra.person, mine.ends + extra.ends)
        return Hints(merged, self.attributes + other.attributes, self.dwelling + other.dwelling,
                     self.home + other.home, self.births + other.births, self.places + other.places,
                     self.opaque + other.opaque)

    @lru_cache(maxsize=4096)
    def judge(self, header: str) -> dict[str, str]:
        """Per type, what ``header`` says: ``"yes"`` or ``"not"`` (types it says nothing of are absent)."""
        text = header.lower()
        tokens = header_tokens(header)

        def says(words: tuple[str, ...]) -> bool:
            # ASCII words are whole tokens (``owner`` is not in ``ownership``); others are fragments.
            return any((w in tokens) if _ASCII_WORD.fullmatch(w) else (w in text) for w in words)

        out: dict[str, str] = {}
        home = self.home_of(header)
        for kind, h in self.by_type.items():
            if says(h.not_) and not (kind == "address" and home):  # 工作单位及家庭住址: a home
                out[kind] = "not"
            elif says(h.contains) or says(h.tokens) or any(part.endswith(e) for part in text.split()
                                                          for e in h.ends):
                out[kind] = "yes"
        # A register word (车主, 联系人) names a person unless the header names another type of the
        # person (车主电话 is a phone number, 联系人地址 an address).
        for kind, h in self.by_type.items():
            if h.person and out.get(kind) == "yes" and any(
                    v == "yes" for k, v in out.items() if k != kind and REGISTRY[k].personal):
                del out[kind]
        return out

    def attribute(self, header: str) -> bool:
        """Whether ``header`` names an attribute of something (a type, a count, a code …)."""
        return self._says(header, self.attributes)

    def dwelling_of(self, header: str) -> bool:
        """Whether ``header`` says a person lives at the address (家庭住址, 户籍地, 法定代表人住所)."""
        return self.home_of(header) or self._says(header, self.dwelling)

    def home_of(self, header: str) -> bool:
        """Whether ``header`` says the address is a person's home (家庭住址, 户籍地, 居住地址)."""
        return self._says(header, self.home)

    def place_of(self, header: str) -> bool:
        """Whether ``header`` says its table's rows are places or organisations (站名, 站点名称)."""
        return self._says(header, self.places)

    def births_of(self, title: str) -> bool:
        """Whether a table's title says its rows are births (出生医学证明, 新生儿登记, births)."""
        return self._says(title, self.births)

    def opaque_of(self, header: str) -> bool:
        """Whether ``header`` says nothing of its column: a number alone, or with an export's generic
        word (字段5, F6, col_3)."""
        return self._opaque.match(header) is not None

    @staticmethod
    def _says(header: str, words: tuple[str, ...]) -> bool:
        text, tokens = header.lower(), header_tokens(header)
        return any((w in tokens) if _ASCII_WORD.fullmatch(w) else (w in text) for w in words)

    def __hash__(self) -> int:  # lru_cache on a method: one cache per Hints object
        return id(self)


def _opaque_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A header of one of ``words`` (lower case; an ASCII word also with a capital first letter, as
    exports write F6 and Column4) and a number, or of a number alone."""
    def written(word: str) -> str:
        if word[:1].isascii() and word[:1].isalpha():
            return f"[{word[0].upper()}{word[0]}]{re.escape(word[1:])}"
        return re.escape(word)

    alternatives = "|".join(written(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"^\s*({alternatives})?[\s_\-]?\d*\s*$" if alternatives else r"^\s*[\s_\-]?\d*\s*$")


def load_hints(path: Path) -> Hints:
    from ..errors import DescriptorError, InputError

    try:
        data = yamltext.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError("input.not_found", path=str(path)) from exc
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DescriptorError("descriptor.invalid", path=str(path), where="/", reason=type(exc).__name__) from exc
    return Hints.parse(data, str(path))


# -- thresholds -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rules:
    """Thresholds and hints for the decision (the policy's ``detection`` and ``pii_hints``)."""

    hints: Hints
    #: a header hint and at least this share of non-empty cells of the type decide a column.
    hinted_min: float = 0.3
    #: a weak type's share below this is noise (nothing is reported); above it and below the
    #: decision threshold the field is uncertain.
    noise_floor: float = 0.02
    #: … and an uncertain finding needs at least this many matching cells.
    uncertain_min_cells: int = 2
    #: cells of a check-digit type that passed only by chance: at most this many times the
    #: detector's chance rate among the cells of its shape (and at least ``chance_min_shaped`` of
    #: them) make the passes a decoy, not personal information.
    chance_factor: float = 3.0
    chance_min_shaped: int = 20
    #: unhinted columns of a weak type that can be asked about (names, passports): this share of
    #: diverse matching values makes the field uncertain.
    unhinted_uncertain: float = 0.3
    #: a column at least this share of whose values are an organisation's lines (400, 95xxx, 传真 …)
    #: is an organisation's phones: its landlines are switchboards, not a person's (mobiles still count).
    organisation_lines: float = 0.2
    #: … and a column of the weak type's values that recur (a staff of sixty names over a thousand
    #: rows: 网格员, 单位联系人) counts as diverse when it holds at least this many distinct values
    #: and at most ``recurring_unlike`` of them read as another thing of the shape (places,
    #: categories: 余杭区, 汉族, 白色).
    recurring_min_distinct: int = 10
    recurring_unlike: float = 0.05
    #: under a header that names a person, values read as text (no share of them in a name's form) are
    #: published with their spans treated only when the spans of the type are in at least this share of
    #: the cells not otherwise explained (offices, masked values); else the field is uncertain: the cells
    #: without a span hold the person's name in a form the detector does not read (王建国（父亲）once
    #: was one), and would be published raw.
    hinted_spans: float = 0.9
    #: an unhinted column (F10, 字段13) is a column of names when, of its cells that are not a
    #: placeholder (无, 本人, 自助办理, —) or an already masked name (王*), at least this share are
    #: names of a known form (one, or a list joined by 、，or spaces) …
    unhinted_names_share: float = 0.95
    #: … and the names are at least this share of all its non-empty cells (a column of placeholders
    #: with a handful of names is asked about, not decided), diverse or recurring as :func:`_recurring`.
    unhinted_names_min: float = 0.25
    #: in a table of persons, a column of dates under a header that says nothing (``pii_hints.yaml``'s
    #: ``opaque``) asks whether they are birth dates when at least this share of its cells are dates of
    #: a lifetime — born ``lifetime_min_age`` to ``lifetime_max_age`` years before today, the adults of
    #: a register — and their years span at least ``lifetime_spread`` (:func:`~.scan.lifetime_context`).
    lifetime_share: float = 0.8
    lifetime_spread: int = 20
    lifetime_min_age: int = 18
    lifetime_max_age: int = 110
    #: in a table each row of which carries an organisation's unified social credit code, an address
    #: column is the organisation's premises when at least this share of its addresses name premises
    #: (…号天成大厦26楼, …工业园区2号厂房) and at most ``residential_max`` a household's (小区, 单元, 村…组:
    #: ``data/address.txt``'s ``residential``) (:func:`~.scan._registered_addresses`).
    premises_min: float = 0.2
    residential_max: float = 0.01

    def with_thresholds(self, values: dict[str, Any]) -> "Rules":
        known = {k: v for k, v in values.items() if k in self.__dataclass_fields__ and k != "hints"}
        return replace(self, **known)


def default_hints_path() -> Path:
    from ..paths import schemas_dir

    return schemas_dir() / "pii_hints.yaml"


@lru_cache(maxsize=8)
def _default_rules(path: str) -> Rules:
    return Rules(load_hints(Path(path)))


def default_rules() -> Rules:
    """The shipped hints with default thresholds (a policy may change both)."""
    return _default_rules(str(default_hints_path()))


#: how often 18 random digits that begin as an ID does pass its check character (MOD 11-2)
CHECK_CHARACTER_CHANCE = 1 / 11


# -- the decision ---------------------------------------------------------------------------------
def decide(detector: Detector, counts: Any, sampled: int, header: str, rules: Rules | None = None
           ) -> Detection | None:
    """What the totals of one field (``counts``: a :class:`~opendata.pii.scan.Counts`) and its
    header say about ``detector``'s type."""
    if sampled == 0:
        return None
    rules = rules or default_rules()
    hint = rules.hints.judge(header).get(detector.type)
    if hint == "yes" and rules.hints.by_type.get(detector.type, TypeHints()).person and rules.hints.attribute(header):
        hint = None  # 与户主关系, 车主类型: the header names an attribute of the person, not the person
    if hint == "not":
        return None  # an organisation's switchboard, account or office: not a person's
    kind = detector.type
    if getattr(counts, "built", 0) >= rules.chance_min_shaped and hint != "yes" \
            and counts.built_valid <= rules.chance_factor * CHECK_CHARACTER_CHANCE * counts.built:
        # 330106 20260416 5169793, a 办件编号 (a division, a date, a serial): the 18 digits it begins
        # with pass the ID's check character no more often than random ones (one in eleven); the codes
        # built on a real ID (残疾人证号: the ID and its category and grade) pass it every time.
        counts = replace(counts, matches=counts.matches - counts.built_valid)
    found = counts.matches + counts.masked
    share = found / sampled
    raw_share = counts.matches / sampled
    diverse = counts.matches == 0 or counts.distinct / max(counts.matches, 1) >= detector.unhinted_distinct

    if detector.chance is not None and hint != "yes" and counts.shaped >= rules.chance_min_shaped \
            and counts.matches <= rules.chance_factor * detector.chance * counts.shaped:
        return None  # random numbers of the shape pass the check this often: a decoy column

    if kind == "person_name" and counts.matches == 0 and counts.masked and not counts.loose and not counts.span_cells:
        # Every name is already masked by convention (张*, 欧阳**, 王女士): a surname alone, or with
        # a title, names nobody, so there is nothing to treat or to ask about. (Other masked
        # columns are still reported as treated: 10.20.*.*, 330102********123X still say what the
        # column is, and one unmasked value beside them counts.)
        return None

    def detection(status: str, reason: str | None = None) -> Detection:
        whole = status in ("column", "cells", "uncertain")
        # A few whole values (cells) may stand beside the same type inside text (an e-mail address
        # alone in one note, in a sentence in another): both are kept, and both are treated.
        spans = status in ("spans", "cells")
        return Detection(kind, counts.matches if whole else 0, sampled, counts.masked if whole else 0, status,
                         counts.span_matches if spans else 0, counts.span_cells if spans else 0, reason)

    # Context counts as a hint: dates that are, row by row, the birth dates in an ID column beside;
    # names in a table of people.
    hinted = hint == "yes" or counts.linked >= 0.5 * sampled
    if not detector.personal:  # an organisation's identifier: reported, never asked about
        if share >= detector.min_ratio:
            return detection("column")
        return detection("cells") if counts.matches else (detection("spans") if counts.span_cells else None)
    if detector.strong:
        # Whole values: cells of the type, cells that list several of them (ID和ID), and, under a
        # header that names IDs, ID numbers a spreadsheet damaged (3.30802195705281E+17, written
        # out as 330802195705281000). Elsewhere the damaged ones in scientific notation ask (many
        # a code begins with a division and a date; the check character that would tell is gone).
        damaged = counts.damaged if hinted else counts.damaged - counts.padded
        others = counts.listed + (damaged if hinted else 0)
        whole = (found + others) / sampled
        if whole >= detector.min_ratio or (hinted and whole >= rules.hinted_min):
            return replace(detection("column"), matches=counts.matches + others)
        if counts.matches:
            return detection("cells")  # one valid identifier counts wherever it stands
        if counts.masked and (hinted or share >= rules.noise_floor):
            return detection("column")
        if damaged >= rules.uncertain_min_cells and (hinted or damaged / sampled >= rules.noise_floor):
            return detection("uncertain", "damaged")  # the check character is gone: ask
    elif detector.needs_hint:
        if counts.linked >= 0.5 * sampled:
            # Row by row the values of another column say (the birth dates in the IDs beside):
            # the column is of the type, its cells of a form the type has not by its shape included
            # (a spreadsheet's serial number 18170, 49.09.29).
            return replace(detection("column"), matches=max(counts.matches, counts.linked))
        # relatives written 父亲（王建国） count as names in a column of names (Counts.kin)
        if hinted and (found + counts.kin) / sampled >= rules.hinted_min:
            return replace(detection("column"), matches=counts.matches + counts.kin)
        if hinted and found + counts.loose >= 0.8 * sampled and _loose_names(counts, rules):
            # names of no known form, under a name header
            return replace(detection("column"), matches=counts.matches + counts.loose)
        if hint == "yes" and counts.any_form >= 0.8 * sampled:  # any country's passports, under a passport header
            return replace(detection("column"), matches=max(counts.matches, counts.any_form))
        if counts.lone and counts.lone == counts.any_form and raw_share < rules.noise_floor:
            # a few values of the type's most specific form, and nothing else in the column of its
            # looser shape: not the column's codes (those would share it) but the type's values
            # (counted apart: a looser type of the column's own shape may have claimed the cell)
            return replace(detection("cells"), matches=max(counts.matches, counts.lone))
        if detector.unhinted_ratio is not None and raw_share >= detector.unhinted_ratio \
                and (diverse or _recurring(counts, header, rules)):
            return detection("column")
        if _names_but_placeholders(detector, counts, sampled, header, diverse, rules):
            return detection("column")
        if counts.matches and hinted:
            return detection("uncertain", "share")
        # (… recurring ones too: a household head's name on each member's row is as personal as
        # a diverse column of names, and a column of them was published raw)
        # (… placeholders aside: names on one row in five, 无 or 本人 on the others, were published raw)
        named = _named_share(detector, counts, sampled)
        if _places(counts, rules):
            # 湾溪乡, 红湾街道, 高邮市 under 乡镇 or F2: every value of a name's shape reads as a place or a
            # category (the same share as :func:`_recurring`'s, the other way): a column of places, not asked about
            return detection("spans") if counts.span_cells else None
        if detector.uncertain_unhinted and named >= rules.unhinted_uncertain \
                and counts.matches >= rules.uncertain_min_cells \
                and (diverse or _recurring(counts, header, rules) or _few_names(detector, counts, named)):
            return detection("uncertain", "weak")
        if _unread_text(detector, counts, sampled, hint, rules):
            return detection("uncertain", "text")
    else:
        if share >= detector.min_ratio or (hinted and share >= rules.hinted_min):
            return detection("column")
        if counts.matches and (hinted or (raw_share >= rules.noise_floor
                                          and counts.matches >= rules.uncertain_min_cells)):
            return detection("uncertain", "share")
    if counts.span_cells and counts.cued_valid and detector.check_chance and counts.cued >= rules.chance_min_shaped \
            and counts.cued_check <= rules.chance_factor * detector.check_chance * counts.cued:
        # 订单号2026…: the serial numbers of the field pass the check digit no more often than
        # random numbers do (cards pass it every time); those that pass are serial numbers too.
        # Too few of them to tell: they count as cards (and are treated).
        counts = replace(counts, span_cells=counts.span_cells - counts.cued_valid,
                         span_matches=counts.span_matches - counts.cued_valid)
    if counts.span_cells:
        return detection("spans")
    return None


def _unread_text(detector: Detector, counts: Any, sampled: int, hint: str | None, rules: Rules) -> bool:
    """Whether a field whose header names a person (紧急联系人, 被共济人) fell to be read as text with
    some spans while too many of its cells hold none: the header says each cell names someone, and
    a cell whose name is of a form no pattern reads would be published raw. Fail closed: the field is
    uncertain (an officer declares it, or the detector learns the form). Cells read as an office or
    already masked need no span; a field without a single span is :func:`header_only`'s to ask about."""
    if detector.type != "person_name" or hint != "yes" or not counts.span_cells:
        return False
    explained = counts.span_cells + counts.offices + counts.masked  # (a relative, 父亲（王建国）, is a span too)
    return explained < rules.hinted_spans * sampled


def _recurring(counts: Any, header: str, rules: Rules) -> bool:
    """Values of the type that recur but are not a category: many distinct ones, next to none of
    which reads as a place or a category, under a header that names no attribute (性别, 职务).
    Natural persons' names are personal however often they recur (a grid's staff on every visit)."""
    return (counts.distinct >= rules.recurring_min_distinct
            and counts.unlike <= rules.recurring_unlike * counts.distinct
            and not rules.hints.attribute(header))


def _places(counts: Any, rules: Rules) -> bool:
    """Whether the values of a name's shape of an unhinted field are places or categories: at most
    ``recurring_unlike`` of the distinct ones read as anything else (湾溪乡, 兴城镇, 红湾街道: a township's
    suffix; 余杭, 高邮市: a division). A column of real names never comes near (李镇 or 王村 are rare)."""
    return counts.matches > 0 and counts.distinct > 0 and counts.unlike >= (1 - rules.recurring_unlike) * counts.distinct


def _loose_names(counts: Any, rules: Rules) -> bool:
    """Whether the cells of no known form under a name header can be names: diverse, or at least
    ``recurring_min_distinct`` of them (a minority household's heads, each on its members' rows).
    A few words recurring over the column (电工作业, 高处作业 under ``czxm``, which is 操作项目 as
    well as 持证姓名) are a category's: the field is asked about (``header_only``), not decided."""
    if not counts.loose:
        return True
    return counts.loose_distinct >= rules.recurring_min_distinct or counts.loose_distinct >= 0.5 * counts.loose


def _named_share(detector: Detector, counts: Any, sampled: int) -> float:
    """The share of a field's cells that hold the type as whole values, among the cells that could:
    for names, the cells that are a placeholder or an already masked name (无, 本人, 自助领取, —,
    王*: ``Counts.masked``) are left out — a 代办人 column of 本人 on two rows in three and names on
    the third is a column of names on every row that names anyone. Other types: of all cells."""
    if detector.type != "person_name":
        return counts.matches / sampled
    left = sampled - counts.masked
    return counts.matches / left if left > 0 else 0.0


def _names_but_placeholders(detector: Detector, counts: Any, sampled: int, header: str, diverse: bool,
                            rules: Rules) -> bool:
    """An unhinted column of names between placeholders (河道警长 under ``F10`` with — for a vacancy,
    代办人 under ``字段13`` with 本人 and 自助办理, 评审专家 with lists of names and 依法保密): of the
    cells that are not a placeholder or a masked name, at least ``unhinted_names_share`` are names
    of a known form, and those are at least ``unhinted_names_min`` of all non-empty cells; diverse
    names, or recurring ones that are not a category (:func:`_recurring`); next to none of them a
    place or a category (``unlike``), under a header that names no attribute (职务, 事项名称 …).
    What falls short (a few keepers' names, a household's head on each member's row with names of
    no known form among them) is asked about as before (``uncertain_unhinted``)."""
    if detector.type != "person_name" or detector.unhinted_ratio is None:
        return False
    return (counts.matches >= rules.unhinted_names_min * sampled
            and _named_share(detector, counts, sampled) >= rules.unhinted_names_share
            and (diverse or _recurring(counts, header, rules))
            and counts.unlike <= rules.recurring_unlike * max(counts.distinct, 1)
            and not rules.hints.attribute(header))


def _few_names(detector: Detector, counts: Any, raw_share: float) -> bool:
    """A column nearly all of whose cells (placeholders aside: :func:`_named_share`) are names of a
    known form, a few people's (a store's two keepers on every slip), none reading as a place or a
    category: too few to call it a column of names unasked, too many to publish on a guess — it is
    asked about."""
    return (detector.unhinted_ratio is not None and raw_share >= detector.unhinted_ratio
            and counts.distinct >= 2 and counts.unlike == 0)


def overruled(detection: Detection, props: dict[str, Any]) -> bool:
    """Whether a field's declaration (its ``"opendata"`` properties) settles a detection: an
    uncertain one by any declaration (``pii: <type>`` or ``pii: none``) or a recorded treatment;
    a weak one (names, addresses …) by ``pii: none``. Values that pass a check digit or a fixed
    format are never overruled: a declaration cannot make an ID number not personal."""
    decided = "pii" in props or bool((props.get("treated") or {}).get("types"))
    if not decided:
        return False
    if detection.uncertain:
        return True
    return props.get("pii") == "none" and not REGISTRY[detection.type].strong


def header_only(header: str, sampled: int, detected: Iterable[Detection], rules: Rules | None = None,
                kinds_of_values: Iterable[str] = ()) -> list[Detection]:
    """Uncertain detections for types the header names when the values show none of them (a 姓名
    column whose names fit no pattern): fail closed, ask the officer. Nothing when another type
    decides the column, or the values are of a kind that cannot be the type (``kinds_of_values``:
    types ruled out by the values, e.g. plain numbers for a name)."""
    if sampled == 0:
        return []
    rules = rules or default_rules()
    detected = list(detected)
    if any(d.status == "column" and d.personal for d in detected) or rules.hints.attribute(header):
        return []
    seen = {d.type for d in detected}
    ruled_out = set(kinds_of_values)
    return [Detection(kind, 0, sampled, 0, "uncertain", reason="header")
            for kind, verdict in sorted(rules.hints.judge(header).items())
            if verdict == "yes" and kind not in seen and kind not in ruled_out and REGISTRY[kind].personal]
