"""姓名, 详细住址 and 出生日期."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ...strings import bmp_chars, char_table
from .base import Detector, all_digits, byte_lengths, char_matrix, digit_sums, register, valid_dates

# Common single-character surnames (the most frequent ~300) and compound surnames.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆"
    "乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平"
    "计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公"
)
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
            "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延")
# Given-name characters: CJK ideographs except 某 (U+67D0), which marks an anonymized name (李某).
_GIVEN = "[\u4e00-\u67cf\u67d1-\u9fa5]"
_NAME = f"(({'|'.join(COMPOUND)}){_GIVEN}{{1,2}}|[{SURNAMES}]{_GIVEN}{{1,2}})"
_CONTEXT = "(姓名|联系人|投诉人|举报人|申请人|当事人|患者|家属|户主|业主|法定代表人|负责人)[:：为是]?\\s*"


@register
class PersonName(Detector):
    type = "person_name"
    cell_pattern = f"^{_NAME}$"
    # In free text a name is recognised only after a word that introduces a person (no NER here).
    span_pattern = f"{_CONTEXT}{_NAME}"
    masked_pattern = f"^(({'|'.join(COMPOUND)})|[{SURNAMES}])(\\*{{1,3}}|某{{1,2}}|XX?|xx?)$"
    needs_hint = True
    min_ratio = 0.6
    unhinted_ratio = 0.9  # an opaque header ("col_3") full of diverse surname-led 2–4 character values
    uncertain_unhinted = 0.3

    def shaped(self, values: pa.Array) -> np.ndarray:
        # Six, nine or twelve bytes can fit the pattern only as two to four Chinese characters:
        # read off the bytes, surname and given characters looked up by code point.
        return self.shaped_at_width(values, (6, 9, 12), lambda subset, m: (_name_form(m), np.ones(len(subset), dtype=bool)))


def _name_form(m: np.ndarray) -> np.ndarray:
    """Which rows of a byte matrix of 2-4 three-byte characters fit :data:`PersonName.cell_pattern`:
    a surname and one or two given characters, or a compound surname and one or two."""
    points, ok = bmp_chars(m)
    n = len(points)
    given = [_GIVEN_TABLE[points[k]] for k in range(n)]
    single = _SURNAME_TABLE[points[0]] & np.logical_and.reduce(given[1:]) if n <= 3 else np.zeros(len(m), bool)
    compound = (compound_surnames(points) & np.logical_and.reduce(given[2:])) if n >= 3 else np.zeros(len(m), bool)
    return ok & (single | compound)


_SURNAME_TABLE = char_table(SURNAMES)
_GIVEN_TABLE = np.zeros(1 << 16, dtype=bool)  # _GIVEN: the CJK ideographs but 某
_GIVEN_TABLE[0x4E00:0x9FA6] = True
_GIVEN_TABLE[0x67D0] = False
_COMPOUND_KEYS = np.array(sorted((ord(c[0]) << 16) | ord(c[1]) for c in COMPOUND), dtype=np.int64)


def compound_surnames(points: np.ndarray) -> np.ndarray:
    """Which rows' first two code points (from :func:`bmp_chars`) are a compound surname."""
    key = (points[0].astype(np.int64) << 16) | points[1]
    return _COMPOUND_KEYS[np.minimum(np.searchsorted(_COMPOUND_KEYS, key), len(_COMPOUND_KEYS) - 1)] == key


@register
class Address(Detector):
    type = "address"
    # A dwelling: down to building, unit or room, which locates a household. A cell is an address
    # only if it reads as one (no sentence punctuation); inside text the span must reach that detail.
    _chars = r"[\x{4e00}-\x{9fa5}A-Za-z0-9（）()#\-]"
    cell_pattern = rf"^{_chars}*?[\x{{4e00}}-\x{{9fa5}}]{_chars}*?(\d+|[一二三四五六七八九十]+)(幢|栋|号楼|单元|室){_chars}*$"
    span_pattern = (r"[\x{4e00}-\x{9fa5}]{2,}(路|街|巷|弄|村|小区|公寓|花园|苑|大厦|新村)[\x{4e00}-\x{9fa5}\d\-]{0,16}?"
                    r"\d+(幢|栋|号楼|单元|室)(\d+(单元|室))*")
    masked_pattern = r"^[\x{4e00}-\x{9fa5}]+(区|县|市|镇|街道)\*+$"
    min_ratio = 0.5


@register
class BirthDate(Detector):
    type = "birth_date"
    cell_pattern = r"^(19|20)\d{2}([-/.年])?(0?[1-9]|1[0-2])([-/.月])?(0?[1-9]|[12]\d|3[01])日?$"
    masked_pattern = r"^(19|20)\d{2}([-/.年])?(\*\*|XX)"
    needs_hint = True  # a date is only a birth date when the column says so

    def shaped(self, values: pa.Array) -> np.ndarray:
        # Ten ASCII bytes can only fit the pattern as 1990-05-17 (or with / or ., in either
        # place): read off the byte matrix. Every other value (年月日 forms, 19900517, ten bytes
        # with CJK) goes to it.
        def check(subset: pa.Array, m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            fits, (year, month, day) = _iso_form(m)
            century = year // 100
            return (fits & ((century == 19) | (century == 20)) & (month >= 1) & (month <= 12)
                    & (day >= 1) & (day <= 31)), _ascii(m)

        return self.shaped_at_width(values, 10, check)

    def cells(self, values: pa.Array) -> np.ndarray:
        # Ten ASCII bytes: shape and calendar read off the byte matrix at once (the generic path
        # would parse them twice, for shaped and for validate). The rest take the generic path.
        at_width = byte_lengths(values) == 10
        out = np.zeros(len(values), dtype=bool)
        rest = ~at_width
        if at_width.any():
            index = np.flatnonzero(at_width)
            m = char_matrix(values if len(index) == len(values) else values.take(pa.array(index)), 10)
            fits, (year, month, day) = _iso_form(m)
            century = year // 100
            out[index] = fits & ((century == 19) | (century == 20)) & valid_dates(year, month, day)
            rest[index[~_ascii(m)]] = True  # CJK in ten bytes (1990年5月7日): the pattern decides
        index = np.flatnonzero(rest)
        if len(index):
            out[index] = super().cells(values if len(index) == len(values) else values.take(pa.array(index)))
        return out

    def validate(self, candidates: pa.Array) -> np.ndarray:
        ok = np.zeros(len(candidates), dtype=bool)
        # The common written form, 1990-05-17 (or with / or .), read straight off the bytes.
        rows = byte_lengths(candidates) == 10
        if rows.any():
            m = char_matrix(candidates if rows.all() else candidates.filter(pa.array(rows)), 10)
            fits, (year, month, day) = _iso_form(m)
            index = np.flatnonzero(rows)
            ok[index[fits]] = valid_dates(year, month, day)[fits]
            rows[index[~fits]] = False
        rest = np.flatnonzero(~rows)
        if len(rest):
            values = candidates if len(rest) == len(candidates) else candidates.take(pa.array(rest))
            parts = pc.extract_regex(values, r"^(?P<y>\d{4})\D?(?P<m>\d{1,2})\D?(?P<d>\d{1,2})")
            year, month, day = (np.asarray(pc.fill_null(pc.cast(pc.struct_field(parts, k), pa.int64()), 0)
                                           .to_numpy(zero_copy_only=False)) for k in ("y", "m", "d"))
            ok[rest] = valid_dates(year, month, day)
        return ok


def _iso_form(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which rows of a ten-byte matrix are written YYYY-MM-DD (or / or ., in either place), and
    their year, month and day (meaningful where they are)."""
    fits = (all_digits(m[:, 0:4]) & all_digits(m[:, 5:7]) & all_digits(m[:, 8:10])
            & np.isin(m[:, 4], _SEPARATORS) & np.isin(m[:, 7], _SEPARATORS))
    return fits, digit_sums(m, _ISO_WEIGHTS)


def _ascii(m: np.ndarray) -> np.ndarray:
    """Which rows of a byte matrix are ASCII only (column by column, as in ``all_digits``)."""
    high = m[:, 0].copy()
    for j in range(1, m.shape[1]):
        high |= m[:, j]
    return high < 0x80


_SEPARATORS = np.frombuffer(b"-/.", dtype=np.uint8)
# Year, month and day of YYYY-MM-DD as weighted sums of its digits (separators weigh nothing).
_ISO_WEIGHTS = np.zeros((10, 3))
_ISO_WEIGHTS[[0, 1, 2, 3], 0] = [1000, 100, 10, 1]
_ISO_WEIGHTS[[5, 6], 1] = [10, 1]
_ISO_WEIGHTS[[8, 9], 2] = [10, 1]


@register
class IpAddress(Detector):
    type = "ip_address"
    _octet = r"(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    cell_pattern = rf"^({_octet}\.){{3}}{_octet}$|^[0-9A-Fa-f]{{1,4}}(:[0-9A-Fa-f]{{0,4}}){{2,7}}$"
    span_pattern = rf"\b({_octet}\.){{3}}{_octet}\b"
    # Masked (192.168.*.*, 2001:0db8:*:*:*:*:*:*) or generalized to the network (192.168.1.*,
    # 2001:0db8:00aa:*:*:*:*:*).
    masked_pattern = r"^\d{1,3}\.\d{1,3}\.(\d{1,3}|\*+)\.\*+$|^[0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4}){1,2}(:\*+){5,6}$"
