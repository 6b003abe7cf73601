"""Blind corpus #6's short texts, with generated data of our own: a name leading an attachment's file name
(张三身份证正面.jpg, 李四_户口本.pdf, 王五的病历.png, in a JSON array of file objects), a name in a complaint's
title (关于张三家噪音扰民的投诉, 反映王小明占用通道), and free text in traditional characters (鄰居馮偉,
我父親陳大文, 柯城區…號…幢…單元…室), read in simplified characters and written back in its own but for what
was treated. Decoys — 现场照片3.jpg, 关于东方家园…, 关于张家村…, simplified text — stay as written."""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from conftest import make_package
from pii_data import GIVEN, rng
from pii_forms import leaks, output_cells, package, redacted
from opendata.pii import lastline
from opendata.pii.detectors.person import COMPOUND, SURNAMES, WORD_FIRST
from opendata.pii.normalize import fold_text, unfold_traditional

FEW = settings(max_examples=3, deadline=None, derandomize=True, database=None,
               phases=(Phase.explicit, Phase.generate),  # (a shrink of a whole redaction takes minutes)
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 40
# Surnames from the list (data/surnames.txt), less those that are words first (区域, 经常: read apart in text)
# and the few that are common words where a name stands (全, 家, 都).
_SURNAMES = "".join(c for c in SURNAMES if c not in WORD_FIRST and c not in "全家都")


def _fresh() -> Path:
    return Path(tempfile.mkdtemp(prefix="od-pii-short-"))


def _name(r: random.Random) -> str:
    surname = r.choice(COMPOUND) if r.random() < 0.15 else r.choice(_SURNAMES)
    return surname + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2))))


def _name3(r: random.Random) -> str:
    """A name of three characters (or a compound surname's): a title names one before a verb."""
    return (r.choice(COMPOUND) + r.choice(GIVEN)) if r.random() < 0.15 else \
        r.choice(_SURNAMES) + r.choice(GIVEN) + r.choice(GIVEN)


# ---- attachments: a name leading a file name --------------------------------------------------------------

_DOCUMENTS = ("身份证正面", "身份证反面", "户口本", "户口本首页", "病历", "诊断证明", "结婚证", "驾驶证", "房产证", "签名")
_EXTENSIONS = ("jpg", "JPG", "png", "pdf", "jpeg", "docx")
# File names that name no one: the case's own photos and papers.
_DECOY_FILES = ("现场照片{n}.jpg", "整改通知书{n}.pdf", "会议纪要_{n}.docx", "IMG_20240{n}12.jpg", "截图{n}.png",
                "情况说明-{n}.doc", "现场视频{n}.mp4")


def _file_name(r: random.Random, person: str) -> str:
    document, extension = r.choice(_DOCUMENTS), r.choice(_EXTENSIONS)
    return r.choice((f"{person}{document}.{extension}", f"{person}_{document}.{extension}",
                     f"{person}-{document}{r.randint(1, 3)}.{extension}", f"{person}的{document}.{extension}"))


@FEW
@given(seed=st.integers(0, 10_000))
def test_a_name_leading_an_attachments_file_name_is_masked_the_other_files_stay(seed: int) -> None:
    r = rng(seed)
    people, records, decoys = [], [], []
    for i in range(ROWS):
        files = []
        if r.random() < 0.6:
            people.append(_name(r))
            files.append({"文件名": _file_name(r, people[-1]), "大小KB": r.randint(50, 900)})
        decoy = r.choice(_DECOY_FILES).format(n=r.randint(1, 9))
        decoys.append(decoy)
        files.append({"文件名": decoy, "大小KB": r.randint(50, 3000)})
        records.append({"编号": f"LY{i:05d}", "留言标题": "咨询子女入学", "附件": files})
    directory = make_package(_fresh() / "p", [{"name": k} for k in records[0]],
                             json.dumps(records, ensure_ascii=False), filename="data.json")
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(people, output_cells(rows)) == []
    for record, row in zip(records, rows):
        files = json.loads(row["附件"])
        assert [list(f) for f in files] == [list(f) for f in record["附件"]]
        for before, after in zip(record["附件"], files):
            assert after["大小KB"] == before["大小KB"]
            if before["文件名"] in decoys:
                assert after["文件名"] == before["文件名"]  # a file that names no one, as written
            else:  # the name masked, the document's word and the extension kept
                assert after["文件名"] != before["文件名"]
                assert after["文件名"].rsplit(".", 1)[1] == before["文件名"].rsplit(".", 1)[1]


# ---- titles: a name after 关于 / 反映 ------------------------------------------------------------------------

_ISSUES = ("违章搭建", "噪音扰民", "占用楼道", "养狗扰民", "油烟污染", "漏水")
_DONE = ("占用消防通道", "私自搭建", "违规养鸡", "拖欠工资", "长期堆放杂物", "噪音扰民")
# Titles that name no one, some with a surname's character where a name would stand.
_DECOY_TITLES = ("关于小区消防通道被占的投诉", "关于东方家园小区停车难的投诉", "关于张家村道路破损的反映", "关于王府井步行街的建议",
                 "反映车辆占用通道", "关于高温补贴未发放的投诉", "咨询子女入学", "退休金未到账", "关于黄金海岸小区噪音的投诉")


@FEW
@given(seed=st.integers(0, 10_000))
def test_a_name_in_a_complaints_title_is_masked_the_decoys_stay(seed: int) -> None:
    r = rng(seed)
    people, titles = [], []
    for _ in range(ROWS):
        kind = r.random()
        if kind < 0.3:
            people.append(_name(r))
            titles.append(f"关于{people[-1]}家{r.choice(_ISSUES)}的投诉")
        elif kind < 0.5:
            people.append(_name3(r))
            titles.append(f"{r.choice(('反映', '投诉'))}{people[-1]}{r.choice(_DONE)}")
        else:
            titles.append(r.choice(_DECOY_TITLES))
    directory = package(_fresh() / "p", {"编号": [f"LY{i:05d}" for i in range(ROWS)], "留言标题": titles})
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(people, output_cells(rows)) == []
    for title, row in zip(titles, rows):
        if title in _DECOY_TITLES:
            assert row["留言标题"] == title
        else:
            assert row["留言标题"][:2] == title[:2] and len(row["留言标题"]) == len(title)


def test_the_last_line_refuses_a_title_about_a_household_left_raw() -> None:
    r = rng(7)
    raw = [f"关于{_name(r)}家违章搭建的投诉" for _ in range(20)]
    assert lastline.name_cue_cells(pa.array(raw)) == 20
    assert lastline.name_cue_cells(pa.array(list(_DECOY_TITLES))) == 0
    files = [_file_name(r, _name(r)) for _ in range(20)]
    assert lastline.name_cue_cells(pa.array(files)) == 20
    assert lastline.name_cue_cells(pa.array([d.format(n=3) for d in _DECOY_FILES])) == 0


# ---- traditional characters --------------------------------------------------------------------------------

# Traditional surnames and given characters (the test's own, written as a Hong Kong or Taiwan hand writes them).
_TRADITIONAL_SURNAMES = "馮陳劉張鄭楊黃趙吳孫馬許韓鄧蕭葉謝羅龍錢"
_TRADITIONAL_GIVEN = "偉華麗軍紅靜輝濤強豔穎傑鵬蘭鳳東貞紀國慶"
_DISTRICTS = ("柯城區", "衢江區", "龍遊縣", "江山市", "開化縣")
_ROADS = ("人民", "勝利", "解放", "東華", "新橋", "興華")
_ESTATES = ("陽光花園", "書香門第", "錦繡江南", "東方明珠苑", "盛世華庭")


def _traditional_name(r: random.Random) -> str:
    return r.choice(_TRADITIONAL_SURNAMES) + "".join(r.choice(_TRADITIONAL_GIVEN) for _ in range(r.choice((1, 2))))


def _traditional_address(r: random.Random) -> str:
    return (f"浙江省衢州市{r.choice(_DISTRICTS)}{r.choice(_ROADS)}路{r.randint(1, 400)}號{r.choice(_ESTATES)}"
            f"{r.randint(1, 30)}幢{r.randint(1, 4)}單元{r.randint(1, 28)}0{r.randint(1, 4)}室")


_CLOSING = "，請盡快處理，謝謝。"


@FEW
@given(seed=st.integers(0, 10_000))
def test_names_and_addresses_in_traditional_text_are_treated_the_rest_keeps_its_characters(seed: int) -> None:
    r = rng(seed)
    people, homes, notes = [], [], []
    for _ in range(ROWS):
        kind = r.random()
        if kind < 0.25:
            people.append(_traditional_name(r))
            homes.append(_traditional_address(r))
            notes.append(f"我叫{people[-1]}，住在{homes[-1]}{_CLOSING}")
        elif kind < 0.5:
            people.append(_traditional_name(r))
            notes.append(f"樓上{r.choice(('鄰居', '房東'))}{people[-1]}把房子隔成群租房{_CLOSING}")
        elif kind < 0.75:
            people.append(_traditional_name(r))
            notes.append(f"我父親{people[-1]}今年{r.randint(60, 95)}歲，退休金一直沒有到賬{_CLOSING}")
        else:  # simplified text that names no one (王某, 张先生): as written
            notes.append(r.choice(("王某在路边违规占道经营，张先生也反映过。", "已打过12345，也找过某局，没有结果。")))
    directory = package(_fresh() / "p", {"编号": [f"LY{i:05d}" for i in range(ROWS)], "留言内容": notes})
    rows, _, _ = redacted(directory, directory.parent / "out")
    cells = output_cells(rows)
    assert leaks(people, cells) == [] and leaks(homes, cells) == []
    for note, row in zip(notes, rows):
        out = row["留言内容"]
        if note.endswith(_CLOSING):  # the words around what was treated keep their written characters
            assert out.endswith(_CLOSING) and out[:2] == note[:2]
            assert all(word in out for word in ("樓上鄰居", "樓上房東", "我父親") if word in note)
        else:
            assert out == note


def test_fold_reads_traditional_characters_one_for_one_and_leaves_simplified_text_alone() -> None:
    r = rng(3)
    for _ in range(200):
        simplified = "".join(r.choice(GIVEN + "的了在是我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实") for _ in range(30))
        assert fold_text(simplified) == simplified
    written = "樓上鄰居馮偉把房子隔成群租房，住在柯城區人民路8號"
    read = fold_text(written)
    assert len(read) == len(written) and "邻居冯伟" in read and "柯城区" in read and "8号" in read
    treated = read.replace("冯伟", "冯*").replace("人民路8号", "人民路")
    back = unfold_traditional(pa.array([written]), pa.array([read]), pa.array([treated]))[0].as_py()
    assert back == "樓上鄰居馮*把房子隔成群租房，住在柯城區人民路"


# ---- packed relatives: relation-name-ID triples --------------------------------------------------------------

_RELATIONS = ("母亲", "父亲", "配偶", "子女", "父母", "儿子", "女儿")


@FEW
@given(seed=st.integers(0, 10_000))
def test_names_in_packed_relation_name_id_triples_are_masked(seed: int) -> None:
    """A legacy export's 1-3 relatives in one cell (母亲-陈涛宁-3308…|子女-吴文-3308…): once 芈 and 禤 are
    surnames, such a table is no longer refused for its other fields, and these names must not be
    what is left."""
    from pii_data import resident_id

    r = rng(seed)
    people, cells = [], []
    for _ in range(ROWS):
        triples = []
        for _ in range(r.randint(1, 3)):
            people.append(_name(r))
            triples.append(f"{r.choice(_RELATIONS)}-{people[-1]}-{resident_id(r)}")
        cells.append("|".join(triples))
    directory = package(_fresh() / "p", {"编号": [f"GJ{i:05d}" for i in range(ROWS)], "被共济人": cells})
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(people, output_cells(rows)) == []
    for cell, row in zip(cells, rows):  # the relations and the separators stay
        assert [t.split("-")[0] for t in row["被共济人"].split("|")] == [t.split("-")[0] for t in cell.split("|")]
