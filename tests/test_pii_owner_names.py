"""Issue 14, blind corpus #8: names the way forward still left, in a credit-repair file's attachments and notes.

- An agent's power of attorney leads with the role and the name (经办人X授权委托书.pdf): 授权 is a document's word
  (``data/name_cues.txt``'s ``file_words``), so the name before it is read as before 委托书 or 身份证.
- A foreign national's name in Latin letters (Lucas IVANOVA, Silva, Anna, Nguyen Van AL-FARSI, Elena MÜLLER) where a
  file name, a cue word or a person's papers put a name: pinyin surnames did not cover it.
- The owner of a person's papers, named before 的 and the papers (缺少X的身份证明, 提供X的户口本), after a verb of
  asking for or handing over papers or where a word begins.
- A local landline the caller asks to be called back on (要求处理并回电75288161).

Each is masked by the treatment and seen by the last line when left; a role, a word for people, an organisation's
document and Latin words before a dash (Annual Report_2024.pdf) stay as written.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import given, settings, strategies as st

from opendata.pii import lastline
from opendata.pii.detectors.person import DOC_VERBS, FILE_LEADS, KIN_WORDS, PERSONAL_DOCS, SURNAMES, PersonName
from opendata.pii.detectors.phones import Landline
from opendata.pii.operators.mask import Mask
from pii_data import name
from pii_forms import package, redacted

SOME = settings(max_examples=25, deadline=None, derandomize=True, database=None)
SEEDS = st.integers(0, 2 ** 32).map(random.Random)
# Foreign names as Chinese records write them: given name first or surname first, capitals, hyphens, an apostrophe,
# Latin-1 letters, the comma of surname-first order.
_LATIN_GIVEN = ("Lucas", "Sofia", "Elena", "Priya", "Mohammed", "Aigerim", "Tomasz", "Yuki", "Hannah", "Fatima", "John")
_LATIN_FAMILY = ("Ivanova", "Müller", "Al-Farsi", "O'Brien", "Mensah", "Schmidt", "Kowalski", "Dubois", "Rossi",
                 "Garcia Lopez", "Nguyen Van")
# (roles: a word of kinship that is a surname and a given character too, 祖母, may lead a name itself: the last line
# reads 祖母孙* as such a name masked after more than its surname, test_pii_kin_as_name)
_LEADS = sorted(w for w in FILE_LEADS if w and w not in KIN_WORDS)
_EXTENSIONS = (".pdf", ".jpg", ".png", ".docx")


def _latin_name(r: random.Random) -> str:
    given, family = r.choice(_LATIN_GIVEN), r.choice(_LATIN_FAMILY)
    family = family.upper() if r.random() < 0.5 else family
    return r.choice((f"{given} {family}", f"{family} {given}", f"{family}, {given}"))


def _masked(cells: list[str]) -> list[str]:
    return Mask().apply_spans(pa.array(cells), None, "person_name", {}).to_pylist()


def _left(names: list[str], cells: list[str]) -> list[str]:
    """The names still whole in their cells, masked for the assertion's message."""
    return [n[0] + "*" * (len(n) - 1) for n, c in zip(names, cells) if n in c]


# ---- an agent's power of attorney ------------------------------------------------------------------------

@SOME
@given(r=SEEDS)
def test_a_name_before_a_power_of_attorney_is_masked_and_seen(r: random.Random) -> None:
    names = [name(r) for _ in range(12)]
    cells = [f"{r.choice(_LEADS + [''])}{n}授权委托书{r.choice(_EXTENSIONS)}" for n in names]
    assert lastline.name_cue_cells(pa.array(cells)) == len(cells)
    out = _masked(cells)
    assert _left(names, out) == []
    assert all(o.endswith(c[c.index("授权委托书"):]) for c, o in zip(cells, out))  # the document's words stay
    assert lastline.name_cue_cells(pa.array(out)) == 0


@SOME
@given(r=SEEDS)
def test_a_name_after_a_lead_ending_in_a_surname_is_masked(r: random.Random) -> None:
    """大伯曹红身份证.png: the file-name alternative's lazy prefix took 大 and the name 伯曹红, no lead before it; the
    lead is 大伯 and the name 曹红."""
    leads = [w for w in FILE_LEADS if len(w) > 1 and w[-1] in SURNAMES]
    names = [name(r) for _ in range(12)]
    cells = [f"{r.choice(leads)}{n}{r.choice(('身份证', '授权委托书', '户口本'))}{r.choice(_EXTENSIONS)}" for n in names]
    assert _left(names, _masked(cells)) == []


# ---- foreign names in Latin letters ----------------------------------------------------------------------

@SOME
@given(r=SEEDS)
def test_a_foreign_name_in_a_file_name_after_a_cue_or_before_papers_is_masked_and_seen(r: random.Random) -> None:
    names = [_latin_name(r) for _ in range(12)]
    forms = (lambda n: f"{r.choice(_LEADS + [''])}{n}{r.choice(('身份证', '护照', '身份证明'))}{r.choice(_EXTENSIONS)}",
             lambda n: f"经核查，法定代表人{n}已签署信用修复承诺书，同意修复。",
             lambda n: f"材料不全：缺少{n}的{r.choice(PERSONAL_DOCS)}，请补正后重新提交。")
    cells = [r.choice(forms)(n) for n in names]
    assert lastline.name_cue_cells(pa.array(cells)) == len(cells)
    assert (PersonName().spans(pa.array(cells)) >= 1).all()
    out = _masked(cells)
    assert _left(names, out) == []
    assert lastline.name_cue_cells(pa.array(out)) == 0


# ---- the owner of a person's papers ----------------------------------------------------------------------

@SOME
@given(r=SEEDS)
def test_the_owner_named_before_his_papers_is_masked_and_seen(r: random.Random) -> None:
    names = [name(r) for _ in range(12)]
    cells = [r.choice((f"材料不全：{r.choice(DOC_VERBS)}{n}的{r.choice(PERSONAL_DOCS)}，请补正后重新提交。",
                       f"{r.choice(DOC_VERBS)}{n}的{r.choice(PERSONAL_DOCS)}",
                       f"附件：{n}的{r.choice(PERSONAL_DOCS)}复印件"))
             for n in names]
    assert lastline.name_cue_cells(pa.array(cells)) == len(cells)
    assert (PersonName().spans(pa.array(cells)) >= 1).all()
    out = _masked(cells)
    assert _left(names, out) == []
    assert lastline.name_cue_cells(pa.array(out)) == 0


_DECOYS = ("材料不全：缺少申请人的身份证明，请补正后重新提交。", "请提交其本人的身份证", "缺少法定代表人的身份证明",
           "请提交公司的营业执照", "提供经办人的身份证复印件", "缺少监护人的户口本", "Annual Report_2024.pdf",
           "营业执照副本.pdf", "信用修复承诺书.pdf", "Business License_scan.pdf", "同意修复。", "提供本人的银行卡",
           "经核查，该企业已履行行政处罚决定，同意修复。")


def test_roles_words_for_people_and_documents_stay() -> None:
    """Decoys: a role or a word for people before the papers, an organisation's document, Latin words before a dash."""
    assert _masked(list(_DECOYS)) == list(_DECOYS)
    assert lastline.name_cue_cells(pa.array(_DECOYS)) == 0
    assert not PersonName().spans(pa.array(_DECOYS)).any()


# ---- end to end: a file of attachments and notes ----------------------------------------------------------

def test_attachments_and_notes_are_written_without_the_names() -> None:
    r = random.Random(8)
    people = [name(r) for _ in range(30)]
    foreign = [_latin_name(r) for _ in range(30)]
    files = [f"营业执照副本.pdf；经办人{p}授权委托书.pdf；法人{f}护照.pdf" for p, f in zip(people, foreign)]
    notes = [f"材料不全：缺少{p}的身份证明，请补正后重新提交。" if i % 2 else f"法定代表人{f}已签署信用修复承诺书，同意修复。"
             for i, (p, f) in enumerate(zip(people, foreign))]
    with tempfile.TemporaryDirectory() as tmp:
        directory = package(Path(tmp) / "in", {"附件": files, "审核意见": notes})
        rows, _, text = redacted(directory, Path(tmp) / "out")
    assert _left(people + foreign, [text] * 60) == []
    assert all("授权委托书.pdf" in row["附件"] and "营业执照副本.pdf" in row["附件"] for row in rows)


# ---- a landline to call back -----------------------------------------------------------------------------

@SOME
@given(r=SEEDS)
def test_a_local_number_to_call_back_is_a_landline(r: random.Random) -> None:
    numbers = [f"{r.randint(2, 9)}{r.randint(0, 10 ** 7 - 1):07d}"[:r.choice((7, 8))] for _ in range(10)]
    cells = [f"司机绕路并辱骂乘客，要求处理并{r.choice(('回电', '回拨'))}{n}。" for n in numbers]
    assert (Landline().spans(pa.array(cells)) == 1).all()
    decoys = ["要求处理并回电，编号75288161", "要求处理并回电12345", "请回电告知结果"]
    assert not Landline().spans(pa.array(decoys)).any()
