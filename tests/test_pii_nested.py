"""Issue 14: a JSON dataset whose records hold nested objects and arrays — the people inside them.

A contact object (联络员 = {"姓名":…,"手机号码":…,"职务":…}) and an array of shareholders, natural
persons and companies (股东及出资信息 = [{"股东名称":…,"股东类型":"自然人股东"|"企业法人","证照号码":…}]),
generated with varied keys: each leaf is decided under its key path, treated by that decision, and
the JSON written again with keys and structure unchanged; a company's object stays as written.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from conftest import make_package
from pii_data import mobile, name, resident_id, rng, uscc
from pii_forms import email, leaks, output_cells, redacted
import opendata as od
from opendata.errors import PolicyError
from opendata.redact import _treat_keyed, plan_resource
from opendata.pii import nested
from opendata.pii.scan import scan
from opendata.policy.rules import load_policy

FEW = settings(max_examples=4, deadline=None, derandomize=True, database=None,
               phases=(Phase.explicit, Phase.generate),  # (a shrink of a whole redaction takes minutes)
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 60

NAME_KEYS = ("姓名", "实名", "联系人姓名", "name")
PHONE_KEYS = ("手机号码", "手机", "联系电话", "mobile")
ID_KEYS = ("证件号码", "身份证号", "公民身份号码")
COMPANIES = ("衢州市龙游宏宇竹木有限责任公司", "杭州方氏建材有限公司", "绍兴市浙西建工合伙企业（有限合伙）",
             "衢州市衢化新材料股份有限公司")
DUTIES = ("财务", "办公室主任", "行政专员")


def _fresh() -> Path:
    return Path(tempfile.mkdtemp(prefix="od-pii14n-"))


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _package(records: list[dict], types: dict[str, str] | None = None) -> Path:
    fields = [{"name": k, **({"type": types[k]} if types and k in types else {})} for k in records[0]]
    return make_package(_fresh() / "p", fields, json.dumps(records, ensure_ascii=False), filename="data.json")


def _records(r, variant: int) -> tuple[list[dict], dict[str, list[str]]]:
    """Records with a contact object and an array of shareholders; also the values by what they
    are: ``person`` (must not leave raw) and ``organisation`` (must stay as written)."""
    name_key, phone_key, id_key = (NAME_KEYS[variant % 4], PHONE_KEYS[(variant + 1) % 4], ID_KEYS[variant % 3])
    person: list[str] = []
    organisation: list[str] = []
    records = []
    for k in range(ROWS):
        contact_name, phone = name(r), mobile(r)
        contact = {name_key: contact_name, phone_key: phone, "职务": r.choice(DUTIES)}
        person += [contact_name, phone]
        holders = []
        for j in range(1 + k % 3):
            if (k + j) % 3 == 2:
                company, code = r.choice(COMPANIES), uscc(r)
                holders.append({"股东名称": company, "股东类型": "企业法人", "证照类型": "营业执照",
                                "证照号码": code, "认缴出资额（万元）": 500, "出资方式": "货币"})
                organisation += [company, code]
            else:
                holder, number = name(r), resident_id(r)
                holders.append({"股东名称": holder, "股东类型": "自然人股东", "证照类型": "居民身份证",
                                "证照号码": number, "认缴出资额（万元）": r.choice((10, 50, 100)), "出资方式": "货币"})
                person += [holder, number]
        records.append({"编号": f"NB{k:04d}", "联络员": contact, "股东及出资信息": holders,
                        "备注": "按期报送" if k % 2 else ""})
    return records, {"person": person, "organisation": organisation}


@FEW
@given(seed=st.integers(0, 10_000), variant=st.integers(0, 11), declared=st.booleans())
def test_people_inside_nested_objects_and_arrays_leave_nothing_raw(seed: int, variant: int, declared: bool) -> None:
    """Names, mobiles and ID numbers under varied keys of a nested object and an array of objects
    are treated; keys, structure, the other leaves and the companies stay as written (declared
    object/array or not)."""
    r = rng(seed)
    records, values = _records(r, variant)
    directory = _package(records, {"联络员": "object", "股东及出资信息": "array"} if declared else None)
    report = od.check(od.load(directory))
    for field in ("联络员", "股东及出资信息"):
        scanned = report.scan.resource("data").field(field)
        assert scanned.key == nested.NESTED
        assert not [d for d in scanned.detected if d.uncertain]
    rows, _, _ = redacted(directory, directory.parent / "out")
    cells = output_cells(rows)
    assert leaks(values["person"], cells) == []
    for record, row in zip(records, rows):
        contact, holders = json.loads(row["联络员"]), json.loads(row["股东及出资信息"])
        assert list(contact) == list(record["联络员"]) and contact["职务"] == record["联络员"]["职务"]
        assert [list(h) for h in holders] == [list(h) for h in record["股东及出资信息"]]
        for before, after in zip(record["股东及出资信息"], holders):
            assert after["出资方式"] == before["出资方式"] and after["认缴出资额（万元）"] == before["认缴出资额（万元）"]
            if before["股东类型"] == "企业法人":
                assert after == before  # an organisation's object, kept as written
        if all(h["股东类型"] == "企业法人" for h in record["股东及出资信息"]):
            assert row["股东及出资信息"] == _compact(record["股东及出资信息"])  # byte for byte, compact
        assert row["备注"] == record["备注"] and row["编号"] == record["编号"]


@FEW
@given(seed=st.integers(0, 10_000), disguise=st.sampled_from(["name", "id", "contact"]))
def test_an_organisations_sibling_keeps_nothing_that_reads_as_a_persons(seed: int, disguise: str) -> None:
    """Fail closed: an object that says it is an organisation (企业法人) but holds a person's name,
    a valid resident ID or a contact's mobile is scanned and treated like any other."""
    r = rng(seed)
    records, values = _records(r, seed % 12)
    hidden = []
    for k, record in enumerate(records[::4]):
        company = next((h for h in record["股东及出资信息"] if h["股东类型"] == "企业法人"), None)
        if company is None:
            company = {"股东名称": "", "股东类型": "企业法人", "证照类型": "营业执照", "证照号码": uscc(r),
                       "认缴出资额（万元）": 500, "出资方式": "货币"}
            record["股东及出资信息"].append(company)
        if disguise == "name":
            company["股东名称"] = name(r)
            hidden.append(company["股东名称"])
        elif disguise == "id":
            company["证照号码"] = resident_id(r)
            hidden.append(company["证照号码"])
        else:
            company["联系电话"] = mobile(r)
            hidden.append(company["联系电话"])
    directory = _package(records)
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(hidden + values["person"], output_cells(rows)) == []


def test_a_raw_leaf_of_a_path_decided_personal_is_refused_by_the_last_line(monkeypatch) -> None:
    """The last line reads the leaves the scan read: a name left raw under a path treated whole
    refuses the output, and nothing is written."""
    r = rng(7)
    records, _ = _records(r, 0)
    directory = _package(records)
    column = pa.array([_compact(rec["联络员"]) for rec in records])
    package = od.load(directory)
    plans = plan_resource(package.resources[0], scan(package), load_policy())
    plan = next(p for p in plans if p.field == "联络员")
    assert plan.key == nested.NESTED and any(plan.by_label.values())
    untouched = nested.last_line(column, column, "联络员", plan.by_label, lambda out: {})
    assert untouched["raw_cell"] >= ROWS  # every name and mobile left as it was
    treated = _treat_keyed(column, pa.RecordBatch.from_arrays([column], ["联络员"]), plan, None,
                                         False, None)
    assert nested.last_line(column, treated, "联络员", plan.by_label, lambda out: {})["raw_cell"] == 0
    # … and end to end: a treatment that leaves the leaves as they were is refused.
    monkeypatch.setattr(nested, "treat", lambda column, *args, **kwargs: column.cast(pa.string()))
    out = directory.parent / "refused"
    with pytest.raises(PolicyError):
        od.redact(od.load(directory), out)
    assert not out.exists()


@FEW
@given(seed=st.integers(0, 10_000), key=st.sampled_from(["姓名", "联系人", "负责人姓名"]))
def test_an_undecided_path_is_pii_uncertain_naming_the_field_and_path(seed: int, key: str) -> None:
    """A path whose key says a person but whose values match nothing known is asked about: check
    blocks with pii_uncertain naming the field and the path (samples masked), redact writes nothing."""
    r = rng(seed)
    codes = [f"{r.choice('ABCDEFGH')}{r.randint(10, 99)}-{r.choice('XYZ')}{r.randint(100, 999)}" for _ in range(ROWS)]
    records = [{"编号": f"N{k}", "经办": {key: code, "电话": "0570-8238258"}} for k, code in enumerate(codes)]
    directory = _package(records)
    report = od.check(od.load(directory))
    found = [f for f in report.findings if f.code == "pii_uncertain" and f.field == "经办"]
    assert found, [f.code for f in report.findings]
    message = found[0].message("zh")
    assert f"经办.{key}" in message
    assert not any(code in message for code in codes)
    with pytest.raises(PolicyError):
        od.redact(od.load(directory), directory.parent / "out")


@FEW
@given(seed=st.integers(0, 10_000))
def test_cells_that_are_no_json_stay_text_and_are_scanned_as_today(seed: int) -> None:
    """In a field mostly of JSON objects, a cell that does not parse is text: one without personal
    data stays byte for byte, a mobile inside one is treated as text; and a text column with one
    cell that happens to parse is not read structurally."""
    r = rng(seed)
    records, values = _records(r, seed % 12)
    broken, phones = {}, []
    for k in range(0, ROWS, 5):
        if k % 10:
            phones.append(mobile(r))
            broken[k] = f"联系人电话{phones[-1]}（待补录）"
        else:
            broken[k] = "{待补录"
        records[k]["联络员"] = broken[k]
        records[k]["备注"] = "[1,2]" if k % 10 == 0 else records[k]["备注"]
    directory = _package(records)
    report = od.check(od.load(directory))
    assert report.scan.resource("data").field("联络员").key == nested.NESTED
    assert report.scan.resource("data").field("备注").key is None
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(phones + values["person"], output_cells(rows)) == []
    for k, text in broken.items():
        if not k % 10:
            assert rows[k]["联络员"] == text
        assert rows[k]["备注"] == records[k]["备注"]


def test_email_and_ip_leaves_under_a_poster_object() -> None:
    """A poster object (留言人 = {昵称, 实名, 手机, 邮箱, IP, IP属地, 证件号码}): the real name (its key
    names nothing; the parent's does), the mobile, e-mail and IP are treated; the region and an ID
    number masked at the source stay, and the field's summary names only what is held raw."""
    r = rng(3)
    records, person = [], []
    for k in range(ROWS):
        poster = {"昵称": "微信用户", "实名": name(r), "手机": mobile(r), "邮箱": email(r) if k % 2 else "",
                  "IP": f"116.62.{r.randint(1, 254)}.{r.randint(1, 254)}", "IP属地": "浙江",
                  "证件号码": (lambda v: f"{v[:6]}********{v[-4:]}")(resident_id(r))}
        person += [poster["实名"], poster["手机"], poster["IP"]] + ([poster["邮箱"]] if poster["邮箱"] else [])
        records.append({"留言编号": f"WZ{k:05d}", "留言人": poster})
    directory = _package(records)
    summary = od.check(od.load(directory)).scan.resource("data").field("留言人").detected
    assert {d.type for d in summary} >= {"person_name", "cn_mobile", "ip_address"} and all(d.raw for d in summary)
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(person, output_cells(rows)) == []
    for record, row in zip(records, rows):  # the region and the ID masked at the source stay as written
        poster = json.loads(row["留言人"])
        assert poster["IP属地"] == "浙江" and poster["证件号码"] == record["留言人"]["证件号码"]
