"""Issue 14: a labour-arbitration case summary (劳动仲裁 案情摘要), as blind corpus #6's table 03 writes it.

One paragraph per case: the applicant's name, sex, birth date *before* 出生, home and phone in one
bracket; the respondent company; the agent lawyer (委托代理人); the payment clause (被申请人同意支付…,
转入申请人建设银行账户…). Generated here with varied dates, estates and banks: every personal value is
treated, the clauses that name no one are left to the last line without a refusal, and a name the
detector misses after a cue is still refused.
"""

from __future__ import annotations

import random

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from opendata.pii import lastline
from pii_data import mobile, name, rng
from pii_forms import leaks, output_cells, package, redacted

FEW = settings(max_examples=4, deadline=None, derandomize=True, database=None, phases=(Phase.explicit, Phase.generate),
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 40
BANKS = ("建设银行", "工商银行", "中国银行", "邮储银行", "衢州农商银行", "农业银行")
ESTATES = ("阳光花园", "金色家园", "盛世华庭", "东方明珠苑", "锦绣江南", "清华园")
COUNTIES = ("柯城区", "龙游县", "常山县", "江山市", "浙江省衢州市衢江区")
STREETS = ("三衢路", "白云中大道", "荷花街", "人民路")


def _birth(r: random.Random) -> tuple[str, str]:
    """A birth date as a case summary writes it before 出生, and the part that must not leave (month and day)."""
    y, m, d = r.randint(1950, 2004), r.randint(1, 12), r.randint(1, 28)
    form = r.choice([f"{y}年{m}月{d}日", f"{y}年{m}月", f"{y}.{m}.{d}", f"{y}-{m:02d}-{d:02d}"])
    return form + r.choice(["出生", "生人", " 出生"]), form


def _home(r: random.Random) -> tuple[str, str]:
    """A home as written, and its dwelling part (the building, unit, room: must not leave)."""
    building, unit, room = r.randint(1, 30), r.randint(1, 6), r.randint(2, 28) * 100 + r.randint(1, 4)
    county = r.choice(COUNTIES)
    kind = r.randrange(4)
    if kind == 0:
        rest = f"{building}幢-{unit}-{room}"
        return f"{county}{r.choice(ESTATES)}{rest}", rest
    if kind == 1:
        rest = f"{r.randint(10, 399)}号{r.choice('ABCD')}座{room}"
        return f"{county}{r.choice(STREETS)}{rest}", rest
    if kind == 2:
        rest = f"{building}栋{room}房"
        return f"{county}{r.choice(ESTATES)}{rest}", rest
    rest = f"{building}幢{unit}单元{room}室"
    return f"{county}{r.choice(ESTATES)}{rest}", rest


def _case(r: random.Random) -> tuple[str, list[str]]:
    applicant, lawyer = name(r), name(r)
    birth, date = _birth(r)
    home, dwelling = _home(r)
    phone = mobile(r)
    text = (f"申请人{applicant}（{r.choice('男女')}，{birth}，住{home}，联系电话{phone}）与被申请人衢州市新安江电器有限公司"
            f"劳动争议一案。申请人委托代理人{lawyer}（浙江衢信律师事务所律师）参加庭审。经调解，被申请人同意支付"
            f"{r.randint(10, 90)}000元，转入申请人{r.choice(BANKS)}账户。")
    return text, [applicant, lawyer, date, dwelling, phone]


@FEW
@given(seed=st.integers(0, 10_000))
def test_a_case_summary_is_written_with_every_personal_value_treated(seed: int, tmp_path_factory) -> None:
    r = rng(seed)
    cases = [_case(r) for _ in range(ROWS)]
    tmp = tmp_path_factory.mktemp("case")
    directory = package(tmp / "in", {"案号": [f"衢劳人仲案字〔2024〕{i}号" for i in range(ROWS)],
                                     "案情摘要": [text for text, _ in cases]})
    rows, _, _ = redacted(directory, tmp / "out")  # written: the clauses that name no one are no refusal
    cells = output_cells(rows)
    assert leaks([v for _, vs in cases for v in (vs[0], vs[1], vs[4])], cells) == []
    # dates and dwellings as written (their few digits alone would run into the next number's)
    written = [v for _, vs in cases for v in (vs[2], vs[3])]
    assert not [v[:2] + "**" for v in written if any(v in c for c in cells)]
    assert all("出生" in row["案情摘要"] or "生人" in row["案情摘要"] for row in rows)  # the words stay, the day goes
    assert all("被申请人同意支付" in row["案情摘要"] for row in rows)


def test_a_rare_surname_after_a_legal_representative_is_treated(tmp_path) -> None:
    """禤 and 芈, surnames in use that neither 《百家姓》 nor jieba's dictionary lists: found by the
    detector (and, were it not, refused by the last line)."""
    r = rng(3)
    names = [f"{s}{r.choice('伟明丽欣博')}{r.choice(['', '杰', '瑶'])}" for s in "禤芈" * 10]
    raw = [f"被申请人法定代表人{n}以经营困难为由口头通知其离职。" for n in names]
    assert lastline.name_cue_cells(pa.array(raw)) == len(raw)
    rows, _, _ = redacted(package(tmp_path / "in", {"案号": [str(i) for i in range(len(raw))], "案情摘要": raw}),
                          tmp_path / "out")
    assert leaks(names, output_cells(rows)) == []


def test_an_agent_lawyers_name_is_read_after_the_whole_role() -> None:
    """The last line reads the name after 委托代理人 as after 代理人: left raw, the output is refused."""
    raw = [f"申请人委托代理人{name(rng(i))}参加庭审。" for i in range(10)]
    assert lastline.name_cue_cells(pa.array(raw)) == len(raw)
    clean = ["申请人委托代理人祝**（浙江衢信律师事务所律师）参加庭审。", "申请人委托代理人夹***（律师）参加庭审。"]
    assert lastline.name_cue_cells(pa.array(clean)) == 0


@pytest.mark.parametrize("headers", [("姓", "名"), ("名", "姓"), ("xing", "mingzi")])
def test_a_name_split_into_surname_and_given_name_columns_is_treated(tmp_path, headers) -> None:
    """姓 | 名: each given name, with the surname beside it, names the person — treated (not left
    undecided, and not refused); the surnames alone name no one and stay."""
    r = rng(5)
    full = [name(r) for _ in range(ROWS)]
    surnames, given = [n[0] for n in full], [n[1:] for n in full]
    columns = {"序号": [str(i) for i in range(ROWS)], headers[0]: surnames if headers[0] in ("姓", "xing")
               else given, headers[1]: given if headers[1] in ("名", "mingzi") else surnames}
    rows, _, _ = redacted(package(tmp_path / "in", columns), tmp_path / "out")
    given_header = next(h for h in headers if h in ("名", "mingzi"))
    surname_header = next(h for h in headers if h != given_header)
    assert [row[surname_header] for row in rows] == surnames
    assert not [g for g, row in zip(given, rows) if row[given_header] == g]
