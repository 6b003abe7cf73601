"""受限开放 on application: apply → grant/refuse → deliver → receive/verify, and what is refused."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opendata.delivery as dl
from conftest import REVIEWER, ROOT
from delivery_data import FIELDS, publish_restricted, rows, write_source
from opendata.delivery import envelope, store, watermark
from opendata.errors import InputError, PolicyError
from opendata.policy.rules import load_policy
from opendata.trust import audit

NAME = "demo-subsidy-recipients"
CONTACT = "zhang.applicant@example.edu"
IDENTITY = "张申请 研究员"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A department with a restricted dataset in its local catalogue, and its untreated source."""
    base = tmp_path_factory.mktemp("delivery")
    source = write_source(base / "source", count=240)
    publish_restricted(source, base / "published", base / "site", REVIEWER)
    return base


def _recipient(tmp_path: Path, name: str = "rk") -> Path:
    dl.create_recipient(tmp_path / name)
    return tmp_path / name


def _apply(world: Path, tmp_path: Path, keydir: Path, fields: list[str] | None = None, *,
           organisation: str = "示范大学社会学院") -> dl.Application:
    until = (dt.date.today() + dt.timedelta(days=90)).isoformat()
    return dl.apply(NAME, str(world / "site"), applicant=organisation, contact=CONTACT, identity=IDENTITY,
                    purpose="研究补助政策的效果", until=until, recipient_key=keydir / "recipient.pub", fields=fields,
                    out=tmp_path / "application.json")


def _grant(app: dl.Application, tmp_path: Path, **kwargs) -> dict:
    review = dl.review(app, **kwargs)
    return dl.grant(app, review, reviewer=REVIEWER, out=tmp_path / "grant.json")


def _read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


SOURCE_ROWS = rows(240)


def _raw_values(column: int) -> set[str]:
    return {r[column] for r in SOURCE_ROWS}


# ---- the whole path, through the CLI ---------------------------------------------------------

def test_the_whole_path_apply_grant_deliver_verify_receive_trace(world, tmp_path, run):
    rk = tmp_path / "rk"
    assert run("keys", "recipient", "--out", rk).code == 0
    assert (rk / "recipient.key").stat().st_mode & 0o077 == 0
    until = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    r = run("apply", NAME, "--catalog", world / "site", "--applicant", "示范研究院", "--contact", CONTACT,
            "--identity", IDENTITY, "--purpose", "研究", "--until", until, "--recipient-key", rk / "recipient.pub",
            "--fields", "case_id,id_number,phone,amount", "--out", tmp_path / "app.json")
    assert r.code == 0, r.err
    r = run("grant", tmp_path / "app.json", "--reviewer", REVIEWER, "--treat", "phone=mask", "--yes",
            "--out", tmp_path / "grant.json")
    assert r.code == 0, r.err
    assert "id_number" in r.out and "L4" in r.out and "pseudonymize" in r.out  # the request against the grade
    r = run("deliver", tmp_path / "grant.json", world / "source", "--out", tmp_path / "out")
    assert r.code == 0, r.err
    assert run("verify", tmp_path / "out").code == 0
    r = run("receive", tmp_path / "out", "--key", rk / "recipient.key", "--out", tmp_path / "plain")
    assert r.code == 0, r.err
    assert run("verify", tmp_path / "plain").code == 0
    got = _read_csv(tmp_path / "plain" / "data" / "recipients.csv")
    manifest = json.loads((tmp_path / "plain" / "manifest.json").read_text("utf-8"))
    assert manifest["synthetic_rows"] == {"recipients": 2}  # 240 rows: 2 canaries, and the recipient is told
    assert list(got[0]) == ["case_id", "id_number", "phone", "amount"] and len(got) == 240 + 2
    assert all(watermark.is_token(r["id_number"]) for r in got)
    assert all("*" in r["phone"] for r in got)
    r = run("trace", tmp_path / "plain" / "data" / "recipients.csv", "--format", "json")
    assert r.code == 0, r.err
    result = json.loads(r.out)
    grant_id = json.loads((tmp_path / "grant.json").read_text("utf-8"))["id"]
    assert [n["grant"] for n in result["named"]] == [grant_id]
    assert result["named"][0]["organisation"] == "示范研究院"
    actions = [rec["action"] for rec in audit.central().records() if grant_id in (rec.get("grant"),)]
    assert actions[:2] == ["grant", "deliver"] and "trace" not in actions  # trace records the file, not the grant id
    assert any(rec["action"] == "trace" and grant_id in rec.get("named", []) for rec in audit.central().records())
    assert run("audit", "verify").code == 0  # every step appended to an intact, signed chain


def test_the_encrypted_delivery_holds_no_plaintext_data(world, tmp_path):
    app = _apply(world, tmp_path, _recipient(tmp_path))
    grant = _grant(app, tmp_path)
    dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    blob = b"".join(p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file())
    for value in list(_raw_values(0))[:50] + list(_raw_values(4)):
        assert value.encode("utf-8") not in blob
    assert grant["fields"]


# ---- what the extract may hold --------------------------------------------------------------

def test_an_extract_holds_only_granted_fields_each_treated_at_least_as_the_grade_requires(world, tmp_path):
    keydir = _recipient(tmp_path)
    app = _apply(world, tmp_path, keydir, fields=["id_number", "person", "district"])
    with pytest.raises(InputError):  # a grant never gives more than was asked
        dl.review(app, fields=["phone"])
    grant = _grant(app, tmp_path, fields=["id_number", "district"])
    assert [f["field"] for f in grant["fields"]] == ["id_number", "district"]
    dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    dl.receive(tmp_path / "out", keydir / "recipient.key", tmp_path / "plain")
    got = _read_csv(tmp_path / "plain" / "data" / "recipients.csv")
    assert list(got[0]) == ["id_number", "district"]
    ids = _raw_values(1)
    assert not any(r["id_number"] in ids for r in got)
    text = (tmp_path / "plain" / "data" / "recipients.csv").read_text("utf-8-sig")
    for value in _raw_values(1) | _raw_values(2) | _raw_values(3):  # no raw ID, name or phone anywhere
        assert value not in text
    descriptor = json.loads((tmp_path / "plain" / "datapackage.json").read_text("utf-8"))
    fields = descriptor["resources"][0]["schema"]["fields"]
    assert fields[0]["opendata"]["treated"]["operator"] == "pseudonymize"


def test_a_treatment_weaker_than_the_grades_minimum_is_refused_at_grant(world, tmp_path):
    app = _apply(world, tmp_path, _recipient(tmp_path))
    with pytest.raises(PolicyError) as info:
        dl.review(app, treatments={"id_number": "none"})
    assert info.value.code == "delivery.too_weak"
    with pytest.raises(PolicyError):
        dl.review(app, treatments={"person": "generalize"})  # not a treatment names accept


def test_a_stricter_policy_at_delivery_refuses_a_grant_it_no_longer_allows(world, tmp_path):
    app = _apply(world, tmp_path, _recipient(tmp_path), fields=["person"])
    _grant(app, tmp_path)  # person: pseudonymize
    data = yaml.safe_load((ROOT / "schemas" / "policy.default.yaml").read_text("utf-8"))
    data["delivery"]["minimum"]["L3"] = "mask"
    (tmp_path / "strict.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out", policy=load_policy(tmp_path / "strict.yaml"))
    assert info.value.code == "delivery.too_weak"
    assert not (tmp_path / "out").exists()


STRENGTH = load_policy().delivery.strength


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_any_grant_delivers_only_its_fields_never_weaker_than_the_minimum(world, tmp_path_factory, data):
    tmp_path = tmp_path_factory.mktemp("prop")
    keydir = _recipient(tmp_path)
    names = [f["name"] for f in FIELDS]
    chosen = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names), unique=True))
    app = _apply(world, tmp_path, keydir, fields=chosen)
    proposed = dl.review(app)
    treatments = {d.field: data.draw(st.sampled_from(d.allowed)) for d in proposed.fields}
    review = dl.review(app, treatments=treatments)
    dl.grant(app, review, reviewer=REVIEWER, out=tmp_path / "grant.json")
    dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    dl.receive(tmp_path / "out", keydir / "recipient.key", tmp_path / "plain")
    policy = load_policy()
    for d in review.fields:  # never weaker than the policy's minimum for the field's grade
        assert STRENGTH.index(d.treatment) >= STRENGTH.index(policy.delivery.minimum_for(d.grade))
    kept = [f for f in chosen if treatments[f] != "suppress"]
    path = tmp_path / "plain" / "data" / "recipients.csv"
    if not kept:
        assert not path.exists()
        return
    got = _read_csv(path)
    assert sorted(got[0]) == sorted(kept)
    for index, name in enumerate(names):
        if name in kept and treatments[name] != "none":
            raw = {r[index] for r in SOURCE_ROWS}
            assert not any(r[name] in raw for r in got), name


# ---- what is refused -------------------------------------------------------------------------

def test_a_tampered_grant_is_refused(world, tmp_path):
    app = _apply(world, tmp_path, _recipient(tmp_path))
    _grant(app, tmp_path)
    record = json.loads((tmp_path / "grant.json").read_text("utf-8"))
    record["fields"][1]["treatment"]["operator"] = "none"  # id_number raw
    (tmp_path / "tampered.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        dl.deliver(tmp_path / "tampered.json", world / "source", tmp_path / "out")
    assert info.value.code == "delivery.grant_tampered"
    record = json.loads((tmp_path / "grant.json").read_text("utf-8"))
    record["expires"] = "2099-12-31T23:59:59+08:00"
    (tmp_path / "later.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PolicyError):
        dl.deliver(tmp_path / "later.json", world / "source", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_grant_resigned_with_an_untrusted_key_is_refused(world, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from opendata.delivery import signing

    app = _apply(world, tmp_path, _recipient(tmp_path))
    record = _grant(app, tmp_path)
    record["fields"][1]["treatment"]["operator"] = "none"
    signing.sign(record, Ed25519PrivateKey.generate())
    with pytest.raises(PolicyError) as info:
        dl.deliver(record, world / "source", tmp_path / "out")
    assert info.value.code == "delivery.grant_untrusted"


def test_an_expired_grant_is_refused_at_delivery_and_reception(world, tmp_path):
    keydir = _recipient(tmp_path)
    app = _apply(world, tmp_path, keydir)
    record = _grant(app, tmp_path)
    later = dt.datetime.fromisoformat(record["expires"]) + dt.timedelta(seconds=1)
    with pytest.raises(PolicyError) as info:
        dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out", now=later)
    assert info.value.code == "delivery.grant_expired"
    dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    with pytest.raises(PolicyError) as info:
        dl.receive(tmp_path / "out", keydir / "recipient.key", tmp_path / "plain", now=later)
    assert info.value.code == "delivery.grant_expired"
    assert not (tmp_path / "plain").exists()


def test_a_revoked_grant_is_refused_and_the_revocation_audited(world, tmp_path, run):
    app = _apply(world, tmp_path, _recipient(tmp_path))
    record = _grant(app, tmp_path)
    r = run("revoke", tmp_path / "grant.json", "--reason", "申请单位违反协议")
    assert r.code == 0, r.err
    assert any(rec["action"] == "revoke-grant" and rec["grant"] == record["id"] for rec in audit.central().records())
    r = run("deliver", tmp_path / "grant.json", world / "source", "--out", tmp_path / "out")
    assert r.code == 1 and "撤销" in r.err


def test_a_swapped_recipient_key_cannot_open_the_delivery(world, tmp_path, run):
    keydir = _recipient(tmp_path, "alice")
    other = _recipient(tmp_path, "mallory")
    app = _apply(world, tmp_path, keydir)
    _grant(app, tmp_path)
    dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    r = run("receive", tmp_path / "out", "--key", other / "recipient.key", "--out", tmp_path / "plain")
    assert r.code == 1 and "rk-" in r.err
    assert not (tmp_path / "plain").exists()
    # Pointing the manifest at the other key breaks the department's signature.
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    from opendata.delivery.keys import load_recipient_private, recipient_id

    manifest["recipient_key"] = recipient_id(load_recipient_private(other / "recipient.key").public_key())
    (tmp_path / "out" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    r = run("receive", tmp_path / "out", "--key", other / "recipient.key", "--out", tmp_path / "plain")
    assert r.code == 1 and not (tmp_path / "plain").exists()


def test_a_changed_or_cut_payload_is_refused(world, tmp_path, run):
    keydir = _recipient(tmp_path)
    app = _apply(world, tmp_path, keydir)
    _grant(app, tmp_path)
    dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    payload = sorted((tmp_path / "out" / "payload").iterdir())[-1]
    data = bytearray(payload.read_bytes())
    data[40] ^= 1
    payload.write_bytes(bytes(data))
    assert run("verify", tmp_path / "out").code == 1
    r = run("receive", tmp_path / "out", "--key", keydir / "recipient.key", "--out", tmp_path / "plain")
    assert r.code == 1 and not (tmp_path / "plain").exists()


def test_a_tampered_application_is_refused(world, tmp_path, run):
    app = _apply(world, tmp_path, _recipient(tmp_path), fields=["district"])
    record = json.loads((tmp_path / "application.json").read_text("utf-8"))
    record["fields"].append({"resource": "recipients", "field": "id_number"})
    (tmp_path / "edited.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    r = run("grant", tmp_path / "edited.json", "--reviewer", REVIEWER, "--yes", "--out", tmp_path / "g.json")
    assert r.code == 1 and not (tmp_path / "g.json").exists()
    assert app.id in r.err or "申请" in r.err


def test_a_refusal_is_audited_and_final(world, tmp_path, run):
    app = _apply(world, tmp_path, _recipient(tmp_path))
    r = run("refuse", tmp_path / "application.json", "--reviewer", REVIEWER, "--reason", "用途不明确")
    assert r.code == 0, r.err
    assert any(rec["action"] == "refuse" and rec["application"] == app.id for rec in audit.central().records())
    r = run("grant", tmp_path / "application.json", "--reviewer", REVIEWER, "--yes", "--out", tmp_path / "g.json")
    assert r.code == 1
    assert "用途不明确" not in (world / "site" / "audit.jsonl").read_text("utf-8")


def test_an_unconditional_dataset_is_not_applied_for(tmp_path):
    import opendata as od
    from conftest import EXAMPLES, approved

    od.publish(approved(EXAMPLES / "weather", tmp_path / "w"), od.LocalCatalog(tmp_path / "site"))
    name = od.load(tmp_path / "w").name
    with pytest.raises(PolicyError) as info:
        dl.apply(name, str(tmp_path / "site"), applicant="x", contact="y", purpose="z",
                 until=dt.date.today().isoformat(), recipient_key=_recipient(tmp_path) / "recipient.pub")
    assert info.value.code == "delivery.not_restricted"


def test_a_period_beyond_the_policys_limit_is_refused(world, tmp_path):
    with pytest.raises(PolicyError) as info:
        dl.apply(NAME, str(world / "site"), applicant="x", contact="y", purpose="z",
                 until=(dt.date.today() + dt.timedelta(days=400)).isoformat(),
                 recipient_key=_recipient(tmp_path) / "recipient.pub")
    assert info.value.code == "delivery.until_too_far"


# ---- what the public sees -------------------------------------------------------------------

def od_grants(site: Path) -> int:
    """The grant count the catalogue shows for the dataset (0 before the first)."""
    package = json.loads((site / "datasets" / NAME / "package.json").read_text("utf-8"))
    return int(next((e["value"] for e in package.get("extras", []) if e["key"] == "opendata_grants"), 0))


def test_the_catalogue_counts_grants_and_no_applicant_data_reaches_public_files(world, tmp_path):
    site = world / "site"
    before = od_grants(site)
    app = _apply(world, tmp_path, _recipient(tmp_path), organisation="计数测试单位")
    _grant(app, tmp_path)
    dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    assert od_grants(site) == before + 1
    assert json.loads((site / "grants.json").read_text("utf-8"))[NAME] == before + 1
    assert f"<td>{before + 1}</td>" in (site / "datasets" / NAME / "index.html").read_text("utf-8")
    public = "".join(p.read_text("utf-8", errors="replace") for p in site.rglob("*") if p.is_file())
    public += "".join(p.read_text("utf-8", errors="replace") for p in (tmp_path / "out").iterdir() if p.is_file())
    for secret in (CONTACT, IDENTITY, "研究补助政策的效果"):
        assert secret not in public
    assert "计数测试单位" not in (site / "audit.jsonl").read_text("utf-8")  # counts only in the public log
    private = audit.central().path.read_text("utf-8")
    assert CONTACT not in private and IDENTITY not in private
    assert (store.home() / "applications" / f"{app.id}.json").stat().st_mode & 0o077 == 0
    assert (tmp_path / "application.json").stat().st_mode & 0o077 == 0


# ---- the envelope --------------------------------------------------------------------------

def test_the_envelope_streams_many_chunks_and_refuses_a_cut_end(tmp_path, monkeypatch):
    from opendata.delivery.keys import load_recipient_private, load_recipient_public

    monkeypatch.setattr(envelope, "CHUNK", 1000)
    monkeypatch.setitem(envelope.SUITE, "chunk", 1000)
    keydir = _recipient(tmp_path)
    source = tmp_path / "plain.bin"
    source.write_bytes(bytes(range(256)) * 40)  # 10,240 bytes: 11 chunks
    sealer = envelope.Sealer.to(load_recipient_public(keydir / "recipient.pub"), "ctx")
    info = sealer.seal_file(source, tmp_path / "sealed.bin", "data/x.csv")
    assert info["chunks"] == 11
    key = envelope.opener(load_recipient_private(keydir / "recipient.key"), sealer.header)
    with open(tmp_path / "back.bin", "wb") as out:
        size, digest = envelope.open_file(key, tmp_path / "sealed.bin", out, "data/x.csv")
    assert (tmp_path / "back.bin").read_bytes() == source.read_bytes() and digest == info["sha256"]
    sealed = (tmp_path / "sealed.bin").read_bytes()
    (tmp_path / "cut.bin").write_bytes(sealed[:7 + 10 * (1000 + 16)])  # the last chunk dropped
    with pytest.raises(PolicyError), open(tmp_path / "x", "wb") as out:
        envelope.open_file(key, tmp_path / "cut.bin", out, "data/x.csv")
    with pytest.raises(PolicyError), open(tmp_path / "y", "wb") as out:  # bound to its name
        envelope.open_file(key, tmp_path / "sealed.bin", out, "data/other.csv")


def test_a_recipient_key_is_never_overwritten(tmp_path, run):
    assert run("keys", "recipient", "--out", tmp_path / "k").code == 0
    first = (tmp_path / "k" / "recipient.key").read_bytes()
    r = run("keys", "recipient", "--out", tmp_path / "k")
    assert r.code == 2 and (tmp_path / "k" / "recipient.key").read_bytes() == first


def test_ids_are_never_paths():
    with pytest.raises(InputError):
        store.load("grant", "../../etc/passwd")
    assert re.match(r"^grant-[0-9a-f]{16}$", store.new_id("grant"))


def test_a_grant_signed_by_a_reviewer_key_revoked_since_is_refused(world, tmp_path):
    from opendata.trust import keys

    key_id = keys.create_signing_key("临时审核员")
    app = _apply(world, tmp_path, _recipient(tmp_path))
    dl.grant(app, dl.review(app), reviewer="临时审核员", out=tmp_path / "grant.json")
    keys.trust_revoke(key_id)
    with pytest.raises(PolicyError) as info:
        dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    assert info.value.code == "approval.revoked_key"


def test_only_the_granted_rows_are_delivered_and_never_more_than_asked(world, tmp_path, run):
    keydir = _recipient(tmp_path)
    until = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    r = run("apply", NAME, "--catalog", world / "site", "--applicant", "行范围测试", "--contact", CONTACT,
            "--purpose", "研究", "--until", until, "--recipient-key", keydir / "recipient.pub",
            "--fields", "case_id,district,amount", "--rows", "district=示范区,东湖区", "--out", tmp_path / "app.json")
    assert r.code == 0, r.err
    r = run("grant", tmp_path / "app.json", "--reviewer", REVIEWER, "--rows", "district=示范区,西山区", "--yes",
            "--out", tmp_path / "g.json")
    assert r.code == 2 and not (tmp_path / "g.json").exists()  # beyond the application
    r = run("grant", tmp_path / "app.json", "--reviewer", REVIEWER, "--rows", "district=东湖区", "--yes",
            "--out", tmp_path / "grant.json")
    assert r.code == 0, r.err
    dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    dl.receive(tmp_path / "out", keydir / "recipient.key", tmp_path / "plain")
    got = _read_csv(tmp_path / "plain" / "data" / "recipients.csv")
    wanted = [row for row in SOURCE_ROWS if row[4] == "东湖区"]
    canaries = json.loads((tmp_path / "plain" / "manifest.json").read_text("utf-8"))["synthetic_rows"]["recipients"]
    assert got and len(got) == len(wanted) + canaries and {g["district"] for g in got} == {"东湖区"}
    real = {row[0] for row in SOURCE_ROWS}  # canaries too are among the granted rows, and only they are new
    assert [g["case_id"] for g in got if g["case_id"] in real] == [row[0] for row in wanted]
    assert len([g for g in got if g["case_id"] not in real]) == canaries
    with pytest.raises(PolicyError) as info:  # personal data never selects rows (it would sit in the grant)
        dl.apply(NAME, str(world / "site"), applicant="x", contact="y", purpose="z", until=until,
                 recipient_key=keydir / "recipient.pub", rows="id_number=339901199001011234")
    assert info.value.code == "delivery.rows_personal"


def test_in_a_workspace_applications_and_grants_are_kept_in_it_and_never_committed(tmp_path, monkeypatch):
    from opendata import workspace

    ws = workspace.init(tmp_path / "bureau", publisher_id="demo-health", publisher_name="示范市卫生健康委员会",
                        contact_name="数据办", contact_email="data@example.gov.cn")
    monkeypatch.setenv("OPENDATA_CONFIG", str(ws.config_path))
    home = store.home()
    assert home == ws.root / "delivery" and home.stat().st_mode & 0o077 == 0
    assert "delivery/" in (ws.root / ".gitignore").read_text("utf-8").split()
    monkeypatch.delenv("OPENDATA_CONFIG")
    monkeypatch.chdir(tmp_path)
    assert store.home() != ws.root / "delivery"  # outside it: beside the keys


def test_a_valid_grant_this_department_did_not_keep_is_refused(world, tmp_path):
    app = _apply(world, tmp_path, _recipient(tmp_path))
    record = _grant(app, tmp_path)
    (store.home() / "grants" / f"{record['id']}.json").unlink()  # issued elsewhere, or its copy removed
    with pytest.raises(PolicyError) as info:
        dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    assert info.value.code == "delivery.unknown_grant"


def test_a_recipient_who_pins_the_department_key_refuses_a_delivery_someone_else_signed(world, tmp_path, run):
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from opendata.delivery import signing
    from opendata.release import sha256_file
    from opendata.delivery.keys import raw
    from opendata.trust.keys import key_id_of

    keydir = _recipient(tmp_path)
    app = _apply(world, tmp_path, keydir)
    _grant(app, tmp_path)
    dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    r = run("keys", "public", "--delivery")
    assert r.code == 0 and "BEGIN PUBLIC KEY" in r.out
    (tmp_path / "department.pem").write_text(r.out, encoding="ascii")
    assert run("verify", tmp_path / "out", "--trust", tmp_path / "department.pem").code == 0
    # A forger re-signs grant and manifest with keys of their own: consistent in itself…
    forger = Ed25519PrivateKey.generate()
    grant = json.loads((tmp_path / "out" / "grant.json").read_text("utf-8"))
    grant["department_key"] = {"key_id": key_id_of(forger.public_key()),
                               "public_key": base64.b64encode(raw(forger.public_key())).decode()}
    signing.sign(grant, forger)
    (tmp_path / "out" / "grant.json").write_text(json.dumps(grant, ensure_ascii=False), encoding="utf-8")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    manifest["grant_sha256"] = sha256_file(tmp_path / "out" / "grant.json")
    signing.sign(manifest, forger)
    (tmp_path / "out" / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    assert run("verify", tmp_path / "out").code == 0  # …so only the pinned key tells
    r = run("receive", tmp_path / "out", "--key", keydir / "recipient.key", "--trust", tmp_path / "department.pem",
            "--out", tmp_path / "plain")
    assert r.code == 1 and not (tmp_path / "plain").exists()


def test_a_signed_grant_weaker_than_the_minimum_is_still_refused_at_delivery(world, tmp_path):
    """Defence in depth: even a grant a trusted reviewer signed (through code that skipped the
    review's check) cannot take a field out weaker than the policy allows."""
    app = _apply(world, tmp_path, _recipient(tmp_path), fields=["case_id", "id_number"])
    review = dl.review(app)
    next(d for d in review.fields if d.field == "id_number").treatment = "none"
    dl.grant(app, review, reviewer=REVIEWER, out=tmp_path / "grant.json")
    with pytest.raises(PolicyError) as info:
        dl.deliver(tmp_path / "grant.json", world / "source", tmp_path / "out")
    assert info.value.code == "delivery.too_weak" and "id_number" in info.value.render("en")
    assert not (tmp_path / "out").exists()


def test_an_undeclared_personal_column_is_held_to_its_types_minimum(tmp_path):
    """A column nobody declared, in which the detectors find mobile numbers, is graded by them at
    delivery: granted as it is, it is refused."""
    from conftest import make_package
    from pii_data import mobile, rng

    from opendata.delivery.extract import _check_fields
    from opendata.check import check
    from opendata.package import load

    r = rng(5)
    text = "id,contact\n" + "".join(f"{i},{mobile(r)}\n" for i in range(60))
    pkg = load(make_package(tmp_path / "p", [{"name": "id", "type": "string"}, {"name": "contact", "type": "string"}],
                            text, name=NAME))
    policy = load_policy()
    grant = {"fields": [{"resource": "data", "field": "contact", "treatment": {"operator": "none"}}]}
    with pytest.raises(PolicyError) as info:
        _check_fields(grant, pkg, check(pkg, policy=policy), policy)
    assert info.value.code == "delivery.too_weak"
    grant["fields"][0]["treatment"]["operator"] = "pseudonymize"
    plans = _check_fields(grant, pkg, check(pkg, policy=policy), policy)
    assert plans[("data", "contact")]["types"] == ["cn_mobile"]


def test_a_reviewer_may_shorten_the_period_of_use_never_lengthen_it(world, tmp_path, run):
    _apply(world, tmp_path, _recipient(tmp_path))  # asks for 90 days
    longer = (dt.date.today() + dt.timedelta(days=120)).isoformat()
    r = run("grant", tmp_path / "application.json", "--reviewer", REVIEWER, "--until", longer, "--yes",
            "--out", tmp_path / "grant.json")
    assert r.code == 1 and not (tmp_path / "grant.json").exists()
    shorter = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    r = run("grant", tmp_path / "application.json", "--reviewer", REVIEWER, "--until", shorter, "--yes",
            "--out", tmp_path / "grant.json")
    assert r.code == 0, r.err
    assert json.loads((tmp_path / "grant.json").read_text("utf-8"))["expires"].startswith(shorter)


def test_usage_figures_count_the_grants_of_a_restricted_dataset(world, tmp_path):
    from opendata.server import stats

    app = _apply(world, tmp_path, _recipient(tmp_path))
    _grant(app, tmp_path)
    figures = {d["name"]: d for d in stats.figures(world / "site", usage_path=tmp_path / "usage.sqlite")["datasets"]}
    assert figures[NAME]["grants"] == od_grants(world / "site") >= 1
    assert "批准申请" in stats.report(world / "site", usage_path=tmp_path / "usage.sqlite")
