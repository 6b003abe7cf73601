"""The last line reads what follows a cue word as a name only where it is name-like: a surname that begins a
word with the character after it (家中, 家属, 区域, 曾经: ``WORD_STARTS``, the detector's vocabulary) leads
that word, not a name. Blind corpus #6 had 借用人家中宽带IP … in an asset register's remarks, refused as a name
after the role 借用人. A real name after the same cue, 家 or 区 or 曾 leading it too, is still refused."""

from __future__ import annotations

import random

import pyarrow as pa
from hypothesis import given, settings, strategies as st

from pii_data import GIVEN
from opendata.pii import lastline
from opendata.pii.detectors.person import WORD_STARTS

SOME = settings(max_examples=30, deadline=None, derandomize=True, database=None)
SEEDS = st.integers(0, 2 ** 32).map(random.Random)
_TAILS = ("宽带IP 121.34.5.241 远程登录", "电脑借出未还", "使用，已登记", "地址另附", "网络故障报修", "")
_PLAIN_SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"


def _cue(r: random.Random) -> str:
    return r.choice(lastline.CUE_WORDS)


@SOME
@given(r=SEEDS)
def test_a_word_a_surname_begins_after_a_cue_is_no_name_to_the_last_line(r: random.Random) -> None:
    cells = []
    while len(cells) < 20:
        first = r.choice(sorted(WORD_STARTS))
        word = first + r.choice(WORD_STARTS[first])
        if word not in lastline.CUE_WORDS + lastline.COLON_CUES:  # (家属 is a cue itself: a name may follow it)
            cells.append(f"{_cue(r)}{word}{r.choice(_TAILS)}")
    assert lastline.name_cue_cells(pa.array(cells)) == 0


@SOME
@given(r=SEEDS)
def test_a_name_after_the_same_cue_is_still_refused_whatever_surname_leads_it(r: random.Random) -> None:
    cells = []
    for _ in range(20):
        first = r.choice(sorted(WORD_STARTS) + list(_PLAIN_SURNAMES))
        given_ = r.choice([g for g in GIVEN if g not in WORD_STARTS.get(first, "")])
        cells.append(f"{r.choice(('借用人', '来电人', '反映人', '申请人'))}{first}{given_}{r.choice(GIVEN)}"
                     f"{r.choice(('归还', '反映', '称', '，已登记'))}")
    assert lastline.name_cue_cells(pa.array(cells)) == len(cells)
