"""Issue 14 point 8, blind corpus #8: an organisation's phone is not a person's.

- 运维单位 beside 运维电话, in a table without persons' names: each company's switchboard (a landline,
  with an extension or not) recurs in its rows and no other company's — it is the company's, and
  stays as written (redact.owned_cells with a column of organisations' names as the owner).
- 出租人 a person or a company, 出租人证件号 its resident ID or its unified social credit code,
  出租人电话 a mobile or the company's switchboard: a landline in a row that names an organisation
  and identifies it by a valid USCC is the organisation's, though it stands in one row only
  (cells.organisation_lines_in_rows). 96xxx numbers are public-service lines, as 95xxx are.

Fail closed, the decoys: a mobile beside a company, a landline beside a 联系人 column, landlines
that differ row to row within a company, a company without a valid code, a person's landline —
all are treated.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings, strategies as st

from opendata.pii.detectors import REGISTRY
import pyarrow as pa
from pii_data import GIVEN, mobile, name, resident_id, uscc, wrong_check
from pii_forms import leaks, package, redacted

FEW = settings(max_examples=4, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
KINDS = ("科技有限公司", "商贸有限公司", "劳务有限公司", "物业服务有限公司", "建设工程有限公司")


def company(r: random.Random) -> str:
    return "".join(r.choice(GIVEN) for _ in range(r.choice((2, 3)))) + r.choice(KINDS)


def landline(r: random.Random) -> str:
    number = f"0{r.choice(['571', '731', '991', '891', '471'])}-{r.randint(2, 9)}{r.randint(0, 9_999_999):07d}"
    return number + r.choice(["", f"转{r.randint(100, 9999)}", f"-{r.randint(100, 999)}"])


def _maintenance(r: random.Random, rows: int, *, phones: str = "switchboard", contact: bool = False
                 ) -> dict[str, list[str]]:
    companies = list(dict.fromkeys(company(r) for _ in range(6)))
    lines = {c: landline(r) for c in companies}
    owners = [r.choice(companies) for _ in range(rows)]
    if phones == "switchboard":
        numbers = [lines[c] for c in owners]
    elif phones == "mobile":
        fixed = {c: mobile(r) for c in companies}
        numbers = [fixed[c] for c in owners]
    else:  # each row its own landline: a staff member's home
        numbers = [landline(r) for _ in owners]
    columns = {"卡口编号": [f"KK{r.randint(10_000_000, 99_999_999)}" for _ in range(rows)],
               "运维单位": owners, "运维电话": numbers}
    if contact:
        columns["联系人"] = [name(r) for _ in range(rows)]
    return columns


@FEW
@given(st.integers(0, 2 ** 32))
def test_a_company_switchboard_recurring_in_its_rows_stays(tmp_path_factory, seed):
    r = random.Random(seed)
    columns = _maintenance(r, 60)
    work = tmp_path_factory.mktemp("org")
    rows, report, _ = redacted(package(work / "in", columns), work / "out")
    assert [row["运维电话"] for row in rows] == columns["运维电话"]


@FEW
@given(st.integers(0, 2 ** 32), st.sampled_from(["mobile", "own", "contact"]))
def test_persons_phones_beside_companies_are_treated(tmp_path_factory, seed, decoy):
    """Decoys: a mobile (a contact's) beside each company, a landline per row (staff's homes), or the
    company's landline beside a 联系人 column (whose phone it may be): nothing is left raw."""
    r = random.Random(seed)
    columns = _maintenance(r, 60, phones="switchboard" if decoy == "contact" else decoy,
                           contact=decoy == "contact")
    work = tmp_path_factory.mktemp("org")
    rows, _, _ = redacted(package(work / "in", columns), work / "out")
    assert not leaks(columns["运维电话"], [row["运维电话"] for row in rows])


def _landlords(r: random.Random, rows: int) -> tuple[dict[str, list[str]], list[str], list[str]]:
    """(columns, the companies' switchboards, the persons' phones and the phones of companies
    without a valid code)."""
    owners, ids, phones, kept, treated = [], [], [], [], []
    for i in range(rows):
        kind = r.random()
        if kind < 0.25:  # a company with its code: its switchboard, once
            owners.append(company(r)), ids.append(uscc(r))
            phones.append(landline(r)), kept.append(phones[-1])
        elif kind < 0.3:  # decoy: a company whose code fails its check
            owners.append(company(r)), ids.append(wrong_check(uscc(r)))
            phones.append(landline(r)), treated.append(phones[-1])
        elif kind < 0.4:  # decoy: a person's landline
            owners.append(name(r)), ids.append(resident_id(r))
            phones.append(landline(r)), treated.append(phones[-1])
        else:
            owners.append(name(r)), ids.append(resident_id(r))
            phones.append(mobile(r)), treated.append(phones[-1])
    return {"备案号": [f"ZL{r.randint(10**15, 10**16 - 1)}" for _ in range(rows)], "出租人": owners,
            "出租人证件号": ids, "出租人电话": phones}, kept, treated


@FEW
@given(st.integers(0, 2 ** 32))
def test_a_registered_company_switchboard_stays_in_its_row(tmp_path_factory, seed):
    r = random.Random(seed)
    columns, kept, treated = _landlords(r, 120)
    work = tmp_path_factory.mktemp("lease")
    rows, _, _ = redacted(package(work / "in", columns), work / "out")
    out = [row["出租人电话"] for row in rows]
    assert kept and all(out[i] == p for i, p in enumerate(columns["出租人电话"]) if p in kept)
    assert treated and not leaks(treated, out)
    persons = [i for o, i in zip(columns["出租人"], columns["出租人证件号"]) if not o.endswith("公司")]
    assert not leaks(persons, [row["出租人证件号"] for row in rows])


def test_public_service_lines_96xxx_are_service_numbers():
    r = random.Random(7)
    lines = [f"96{r.randint(100, 999)}" for _ in range(50)]
    assert REGISTRY["cn_service_number"].cells(pa.array(lines)).all()
    # decoys: other five-digit numbers are not
    others = [f"{r.choice('123478')}{r.randint(1000, 9999)}" for _ in range(50)]
    assert not REGISTRY["cn_service_number"].cells(pa.array([o for o in others if not o.startswith(("1", "95"))])).any()
