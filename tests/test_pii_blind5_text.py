"""Issue 14, blind corpus #5's forms of names in free text, with generated data of our own: a name after a
role known by its form (…员, …者, …代表, 被…人), after a word of kinship (我婆婆X, 其前夫X), before the
title it is addressed by (…的X老师) or a bracket that says who (对方X（男，…）), a register's list of
relatives (配偶:X;母亲:Y), transliterated names with look-alike dots (ᐧ ˙ 丶), and a village group
written with 第 (…村第七村民小组). The last line reads the same places, and leaves clean text alone."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, given, settings, strategies as st

from opendata.pii import lastline
from opendata.pii.detectors.person import SURNAMES
from pii_data import name, resident_id, rng
from pii_forms import leaks, minority_name, output_cells, package, redacted

FEW = settings(max_examples=5, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 30

# Words a role's name is made of, combined at random: the roles are the test's own (值班收费员, 巡逻安检代表),
# not a list the code could hold.
_ROLE_PARTS = "窗口值班导办受理收费安检保洁巡逻调解网格服务管理帮办综合"
_ROLE_FORMS = ("员", "者", "代表", "民警", "辅警")
# What a report writes after the one it names, other than a verb the name patterns know.
_CLAUSES = ("当日未到岗", "主动上门帮助办理", "态度冷淡", "面部受伤", "一次性告知了所有材料", "提供了购车发票",
            "行动不便", "上周已来过一次")


def _fresh() -> Path:
    return Path(tempfile.mkdtemp(prefix="od-pii-b5text-"))


def _role(r: random.Random) -> str:
    return "".join(r.choice(_ROLE_PARTS) for _ in range(r.randint(2, 4))) + r.choice(_ROLE_FORMS)


def _redact(column: str, notes: list[str]) -> list[dict[str, str]]:
    directory = package(_fresh() / "p", {"编号": [f"PJ{i:05d}" for i in range(len(notes))], column: notes})
    rows, _, _ = redacted(directory, directory.parent / "out")
    return rows


@FEW
@given(seed=st.integers(0, 10_000))
def test_a_name_after_a_role_known_by_its_form_is_masked(seed: int) -> None:
    r = rng(seed)
    names = [name(r) for _ in range(ROWS)]
    notes = [f"经核实，{_role(r)}{n}{r.choice(_CLAUSES)}，已电话回访。" for n in names]
    rows = _redact("整改回复", notes)
    assert leaks(names, output_cells(rows)) == []
    assert all(row["整改回复"].startswith("经核实，") and row["整改回复"].endswith("已电话回访。") for row in rows)


@FEW
@given(seed=st.integers(0, 10_000), verb=st.sampled_from(["打", "撞", "骗", "侵害"]))
def test_a_name_after_the_one_a_deed_was_done_to_is_masked(seed: int, verb: str) -> None:
    r = rng(seed)
    names = [name(r) for _ in range(ROWS)]
    notes = [f"双方因琐事发生口角，被{verb}人{n}{r.choice(_CLAUSES)}。" for n in names]
    assert leaks(names, output_cells(_redact("简要警情", notes))) == []


@FEW
@given(seed=st.integers(0, 10_000),
       kin=st.sampled_from(["婆婆", "前夫", "爱人", "公公", "岳母", "外甥", "侄女", "儿媳", "继父", "嫂子", "姥姥"]))
def test_a_name_after_a_word_of_kinship_is_masked(seed: int, kin: str) -> None:
    r = rng(seed)
    names = [name(r) for _ in range(ROWS)]
    notes = [f"我{kin}{n}{r.choice(_CLAUSES)}，希望尽快办理。" for n in names]
    assert leaks(names, output_cells(_redact("评价内容", notes))) == []


@FEW
@given(seed=st.integers(0, 10_000), title=st.sampled_from(["老师", "同志", "医生", "师傅"]))
def test_a_full_name_before_its_title_is_masked_a_surname_and_title_stays(seed: int, title: str) -> None:
    r = rng(seed)
    names = [name(r) for _ in range(ROWS)]
    notes = [f"帮我办理的{n}{title}讲解很清楚，{r.choice(SURNAMES)}{title}也很耐心。" for n in names]
    rows = _redact("评价内容", notes)
    assert leaks(names, output_cells(rows)) == []
    # 王老师 alone names nobody: it stays as written
    assert [row["评价内容"].split("，")[1] for row in rows] == [note.split("，")[1] for note in notes]


@FEW
@given(seed=st.integers(0, 10_000), party=st.sampled_from(["对方", "，", "与"]))
def test_a_name_before_a_bracket_that_says_who_is_masked(seed: int, party: str) -> None:
    r = rng(seed)
    names = [name(r) if i % 3 else minority_name(r) for i in range(ROWS)]
    brackets = [f"（男，{r.randint(18, 80)}岁）", f"（身份证号{resident_id(r)}）", f"（女）", f"(警号{r.randint(100000, 999999)})"]
    notes = [f"报警人称遭到殴打{party}{n}{r.choice(brackets)}已被带回调查。" for n in names]
    assert leaks(names, output_cells(_redact("简要警情", notes))) == []


@FEW
@given(seed=st.integers(0, 10_000), cue=st.sampled_from(["负责人", "联系人", "当事人", "申请人"]))
def test_a_name_before_a_bracket_after_a_cue_and_the_words_before_it_is_masked(seed: int, cue: str) -> None:
    # the run a bracket ends begins where the clause does (，现场负责人X（…）): the name is after the cue,
    # whatever the words before it (现场 names nobody); the last line reads it the same way
    r = rng(seed)
    names = [minority_name(r) if i % 2 else name(r) for i in range(ROWS)]
    where = ("现场", "车间", "当班", "")
    notes = [f"职工作业时坠落，{r.choice(where)}{cue}{n}（手机{r.choice('3589')}{r.randint(10**8, 10**9 - 1)}）拨打120。"
             for n in names]
    rows = _redact("事故经过", notes)
    assert leaks(names, output_cells(rows)) == []
    han = notes[::2]  # (the last line's looser test takes a transliterated name only with its dots)
    assert lastline.name_cue_cells(pa.array(han)) == len(han)


def _unlisted_name(r: random.Random, chars: str = "格日勒图雅其木乌恩巴特朗吉赛音敖") -> str:
    """Two or three characters, the first no surname of the list: a name the patterns know only by its place."""
    pool = [c for c in chars if c not in SURNAMES]
    return "".join(r.choice(pool) for _ in range(r.randint(2, 3)))


@FEW
@given(seed=st.integers(0, 10_000), sep=st.sampled_from([";", "；", " ", "，"]))
def test_a_registers_list_of_relatives_is_masked_whatever_the_names(seed: int, sep: str) -> None:
    r = rng(seed)
    kins = ["配偶", "母亲", "父亲", "子", "女", "儿媳"]
    lists = [[(r.choice(kins), _unlisted_name(r) if r.random() < 0.5 else name(r)) for _ in range(r.randint(1, 3))]
             for _ in range(ROWS)]
    cells = [sep.join(f"{k}{r.choice(':：')}{n}" for k, n in items) for items in lists]
    rows = _redact("共同申请人", cells)
    assert leaks([n for items in lists for _, n in items], output_cells(rows)) == []
    assert all(all(k in row["共同申请人"] for k, _ in items) for row, items in zip(rows, lists))  # the words stay


@FEW
@given(seed=st.integers(0, 10_000), sep=st.sampled_from(["ᐧ", "˙", "⋅", "･", "⸱", "丶"]))
def test_transliterated_names_with_look_alike_dots_are_masked(seed: int, sep: str) -> None:
    r = rng(seed)
    names = [minority_name(r, sep) for _ in range(ROWS)]
    notes = [f"监控显示嫌疑人{n}于凌晨骑走。" for n in names]
    assert leaks(names, output_cells(_redact("简要警情", notes))) == []


@FEW
@given(seed=st.integers(0, 10_000))
def test_a_village_group_written_with_its_ordinal_is_an_address_in_text(seed: int) -> None:
    r = rng(seed)
    numerals = "一二三四五六七八九十"
    places = [f"{r.choice(('东风', '红旗', '永安', '柿树'))}村第{r.choice(numerals)}村民小组" for _ in range(ROWS)]
    notes = [f"证书请邮寄至{r.choice(('温州市鹿城区', '诸暨市'))}{r.choice(('双桥乡', '白马镇'))}{p}，谢谢。" for p in places]
    rows = _redact("评价内容", notes)
    assert leaks(places, output_cells(rows)) == []


def test_the_last_line_reads_names_where_their_place_says_one_stands() -> None:
    r = rng(7)
    raw = ([f"经核实，{_role(r)}{name(r)}当日未到岗。" for _ in range(5)]
           + [f"我婆婆{name(r)}，已来过一次。" for _ in range(5)]
           + [f"帮我办理的{name(r)}老师讲解很清楚。" for _ in range(5)]
           + [f"对方{name(r)}（男，35岁）已离开。" for _ in range(5)]
           + [f"嫌疑人{minority_name(r, 'ᐧ')}于凌晨骑走。" for _ in range(5)])
    assert lastline.name_cue_cells(pa.array(raw)) == len(raw)


def test_the_last_line_leaves_clean_text_and_masked_names_alone() -> None:
    clean = ["窗口工作人员态度很好，业务熟练。", "参保人员名单已公示。", "我婆婆上周已来过一次。", "帮我办理的王老师讲解很清楚。",
             "来电反映其父亲（身份证号已核验）养老金未到账。", "某公司（男装）已整改。", "对方王某（男，35岁）已离开。",
             "经核实，当班导办员汪**当日确因系统故障未能办结。", "我爱人行动不便。"]
    assert lastline.name_cue_cells(pa.array(clean)) == 0


@FEW
@given(seed=st.integers(0, 10_000), follows=st.sampled_from(["当日", "已", "主动", "一次性", "当场"]))
def test_a_name_of_no_listed_surname_after_a_role_is_masked_before_what_follows_a_name(seed: int, follows: str) -> None:
    r = rng(seed)
    # (a name that begins with 其, "his", is not taken there: the last line refuses it, as the next test shows)
    names = [_unlisted_name(r, "格日勒图雅木乌恩巴特朗吉赛音敖") for _ in range(ROWS)]
    notes = [f"经核实，{_role(r)}{n}{follows}向办事群众说明情况。" for n in names]
    rows = _redact("整改回复", notes)
    assert leaks(names, output_cells(rows)) == []
    assert all(follows in row["整改回复"] for row in rows)  # the word after the name stays


def test_the_last_line_reads_a_name_of_no_listed_surname_after_a_role() -> None:
    r = rng(11)
    raw = [f"经核实，{_role(r)}{_unlisted_name(r)}当日未到岗。" for _ in range(10)] + ["经核实，值班导办员其木格当日未到岗。"]
    assert lastline.name_cue_cells(pa.array(raw)) == len(raw)
    clean = ["代办员主动上门帮老人办理。", "辅警立即赶到现场。", "我爱人行动不便。", "我婆婆上周已来过。", "管理员工作认真。"]
    assert lastline.name_cue_cells(pa.array(clean)) == 0


@FEW
@given(seed=st.integers(0, 10_000), form=st.sampled_from(["关于同意{}同志退休的批复", "关于{}同志任职的通知",
                                                       "关于表彰{}等{}名同志的决定"]))
def test_names_in_a_documents_title_are_masked(seed: int, form: str) -> None:
    r = rng(seed)
    names = [name(r) for _ in range(ROWS)]
    titles = [form.format(n, r.randint(2, 30)) for n in names]
    rows = _redact("题名", titles)
    assert leaks(names, output_cells(rows)) == []
    assert all(row["题名"].startswith("关于") for row in rows)


@FEW
@given(seed=st.integers(0, 10_000), together=st.sampled_from(["一起", "一同", "合力"]))
def test_one_name_with_whom_something_was_done_is_masked(seed: int, together: str) -> None:
    r = rng(seed)
    names = [name(r) for _ in range(ROWS)]
    notes = [f"见有人落水，立即跳入水中施救，与{n}{together}将其救上岸。" for n in names]
    assert leaks(names, output_cells(_redact("事迹简介", notes))) == []


@FEW
@given(seed=st.integers(0, 10_000), unit=st.sampled_from(["支队", "大队", "中队", "总队"]))
def test_a_police_unit_after_a_role_word_is_no_name(seed: int, unit: str) -> None:
    r = rng(seed)
    units = [f"{r.choice(('交警', '特警', '民警'))}{unit}{r.choice('一二三四五六七八九')}{r.choice(('大队', '中队', '科'))}"
             for _ in range(ROWS)]
    rows = _redact("出警单位", units)
    assert [row["出警单位"] for row in rows] == units


@FEW
@given(seed=st.integers(0, 10_000))
def test_a_name_after_a_title_inside_a_committee_word_is_masked(seed: int) -> None:
    """委员会主任X已协调: 员 inside 委员会 is no role's end, and 曾, a surname, does not end a name."""
    r = rng(seed)
    names = ["曾" + "".join(r.choice("清祺明楠刚子华") for _ in range(r.randint(1, 2))) for _ in range(ROWS)]
    notes = [f"楼上装修噪音，业主委员会主任{n}已协调。" for n in names]
    assert leaks(names, output_cells(_redact("报修内容", notes))) == []


@FEW
@given(seed=st.integers(0, 10_000))
def test_a_surname_and_mou_after_a_role_stays(seed: int) -> None:
    """安全员王某立即处置: 王某 names nobody (the README's decision), whatever follows it."""
    r = rng(seed)
    # (roles by their form alone: after 民警, a cue of its own, the loose cue pattern takes 王某当场 — not this rule)
    roles = ["".join(r.choice(_ROLE_PARTS) for _ in range(2)) + r.choice(("员", "者", "代表")) for _ in range(ROWS)]
    notes = [f"职工在车间被烫伤，单位{role}{r.choice(SURNAMES)}某{r.choice(('立即', '当场', '主动'))}处置。" for role in roles]
    assert [row["事故经过"] for row in _redact("事故经过", notes)] == notes


_BANKS = ("建设银行", "工商银行", "中国银行", "邮储银行", "衢州农商银行", "农村信用社", "交通银行", "招商银行")


@settings(max_examples=20, deadline=None, derandomize=True, database=None)
@given(seed=st.integers(0, 10_000))
def test_the_last_line_passes_over_a_bank_or_an_agreement_after_a_cue_and_reads_the_name_before_them(seed: int) -> None:
    """A case summary's payment clause (转入申请人建设银行账户…, 被申请人同意支付…) names no one: the
    last line passes over it; a name before 银行 (申请人张伟银行卡…) is still read as a name."""
    r = rng(seed)
    clean = [f"经调解，被申请人同意支付{r.randint(10, 99)}000元，转入申请人{r.choice(_BANKS)}账户6222****{r.randint(1000, 9999)}。"
             for _ in range(10)]
    assert lastline.name_cue_cells(pa.array(clean)) == 0
    raw = [f"款项转入申请人{name(r)}银行卡。" for _ in range(10)]
    assert lastline.name_cue_cells(pa.array(raw)) == len(raw)


@settings(max_examples=20, deadline=None, derandomize=True, database=None)
@given(seed=st.integers(0, 10_000), dash=st.sampled_from(["-", "－", "—", "_"]))
def test_the_last_line_reads_a_relatives_name_in_a_kin_name_id_triple(seed: int, dash: str) -> None:
    """医保家庭共济's 被共济人: 母亲-陈涛宁-3308…|子女-吴文-3308… — a name left raw between the dashes
    refuses the output; masked (陈**) it does not; a range of years (2023年-2024年) is no relative."""
    r = rng(seed)
    kin = ("母亲", "父亲", "配偶", "子女", "父母", "儿子", "女儿")
    raw = [f"{r.choice(kin)}{dash}{name(r)}{dash}{resident_id(r)[:6]}********{r.randint(1000, 9999)}" for _ in range(10)]
    assert lastline.name_cue_cells(pa.array(raw)) == len(raw)
    masked = [f"{r.choice(kin)}{dash}{name(r)[0]}**{dash}330803********1234|子女{dash}吴*{dash}3308" for _ in range(5)]
    assert lastline.name_cue_cells(pa.array(masked + ["2023年-2024年", "一期-二期-三期"])) == 0
