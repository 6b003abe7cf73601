"""A name whose first two characters are a word of kinship (孙子涵, 孙女婷, 岳父…: a surname and a given
character that make 孙子 grandson, 孙女 granddaughter): read as a name, not as a relative and a name after it.

Blind corpus #6 had 孙子X身份证正面.jpg in a JSON array of attachments: the word-of-kinship alternative of
the name pattern came first and took 孙子 as a grandson and the next characters as his name, and the output
kept the name whole (孙子X**证正面.jpg). Generated here over every word of kinship that begins with a surname
(:data:`~opendata.pii.detectors.person.KIN_AS_NAME`), in file names and in sentences; a relative named
after a word of whose (其孙子王浩) keeps the word. The last line refuses a name masked after more than its
surname where a file name or such a word leads, the raw cell too."""

from __future__ import annotations

import random

import pyarrow as pa
from hypothesis import given, settings, strategies as st

from pii_data import GIVEN, rng
from opendata.pii import lastline
from opendata.pii.detectors.person import KIN_AS_NAME, SURNAMES, WORD_FIRST
from opendata.pii.operators.mask import Mask

SOME = settings(max_examples=25, deadline=None, derandomize=True, database=None)
# surnames that lead a name wherever it stands (words first, 区 经 …, and 全 家 都 read apart in text)
_PLAIN = "".join(c for c in SURNAMES if c not in WORD_FIRST and c not in "全家都孙岳公祖伯养爱曾")
_DOCUMENTS = ("身份证正面", "身份证反面", "户口本", "病历", "诊断证明", "结婚证", "签名")
_EXTENSIONS = ("jpg", "png", "pdf", "JPG", "docx")
# where a name stands in a file name, and in a sentence (the places a name of any other surname is masked in)
_FILES = ("{p}{d}.{e}", "{p}_{d}.{e}", "{p}-{d}2.{e}", "{p}的{d}.{e}", "附件：{p}{d}.{e}", "{q}{d}.jpg,{p}{d}.{e}",
          "{q}{d}.jpg、{p}{d}.{e}")
_SENTENCES = ("{p}反映楼上噪音", "来电人{p}反映", "经查，{p}于2023年5月搬离", "与{p}一起将其救起", "{p}（男，1990年生）",
              "{p} 13812345678", "{p}13912345678", "请{p}同志签收", "市民{p}来电", "工作人员{p}已到场", "关于{p}家噪音扰民的投诉",
              "联系人：{p}，电话13812345678")


def _kin_led(r: random.Random) -> str:
    """A name that begins with a word of kinship of two characters and goes on with a given character."""
    return r.choice([k for k in KIN_AS_NAME if len(k) == 2]) + r.choice(GIVEN)


def _plain(r: random.Random) -> str:
    return r.choice(_PLAIN) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2))))


def _masked(cells: list[str]) -> list[str]:
    return Mask().apply_spans(pa.array(cells), None, "person_name", {}).to_pylist()


def _cells(r: random.Random, names: list[str]) -> list[str]:
    out = []
    for name in names:
        template = r.choice(_FILES + _SENTENCES)
        out.append(template.format(p=name, q=_plain(r), d=r.choice(_DOCUMENTS), e=r.choice(_EXTENSIONS)))
    return out


@SOME
@given(seed=st.integers(0, 100_000))
def test_a_name_that_begins_like_a_word_of_kinship_is_masked_as_a_name(seed: int) -> None:
    r = rng(seed)
    names = [_kin_led(r) for _ in range(12)]
    cells = _cells(r, names)
    for name, cell, out in zip(names, cells, _masked(cells)):
        # the surname may stay; nothing of the given name does, the word of kinship's second character included
        assert name[1:] not in out, (cell[:1], out.count("*"))
        at = cell.index(name)  # (the mask keeps the length: a star for each character)
        assert out[:at + 1] == cell[:at + 1] or out[at] == name[0]  # the surname stays where it stood
    # the same places hold a name of any other surname, masked the same way (the test's places are fair)
    plain = [_plain(r) for _ in range(12)]
    for name, out in zip(plain, _masked(_cells(r, plain))):
        assert name[1:] not in out


@SOME
@given(seed=st.integers(0, 100_000))
def test_a_relative_after_a_word_of_whose_keeps_the_word_of_kinship(seed: int) -> None:
    r = rng(seed)
    for _ in range(10):
        kin = r.choice(KIN_AS_NAME)
        name = _plain(r)
        cell = f"{r.choice('其我他她')}{kin}{name}反映"
        out = _masked([cell])[0]
        assert kin in out and name not in out


@SOME
@given(seed=st.integers(0, 100_000))
def test_the_last_line_refuses_a_name_led_file_name_masked_after_more_than_its_surname(seed: int) -> None:
    r = rng(seed)
    names = [_kin_led(r) for _ in range(10)]
    documents = [r.choice(_DOCUMENTS) for _ in names]
    # the raw cell, and the output a treatment that read the word of kinship as a relative left
    raw = [f"{n}{d}.jpg" for n, d in zip(names, documents)]
    part = [f"{n}**{d[2:]}.jpg" for n, d in zip(names, documents)]
    assert lastline.name_cue_cells(pa.array(raw)) == len(raw)
    assert lastline.name_cue_cells(pa.array(part)) == len(part)
    assert lastline.name_cue_cells(pa.array([f"{n}**上午到窗口办理" for n in names])) == len(names)
    # … and passes the output of the treatment, and names masked as names are (a compound surname keeps two)
    assert lastline.name_cue_cells(pa.array(_masked(raw))) == 0
    fine = [f"{_plain(r)[0]}*{d}.jpg" for d in documents] + [f"欧阳**{d}.pdf" for d in documents] \
        + [f"母亲王*{d}.png" for d in documents] + [f"其{k}王*反映" for k in KIN_AS_NAME]
    assert lastline.name_cue_cells(pa.array(fine)) == 0
