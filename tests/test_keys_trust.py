"""Keys and trust (issue 15): ids bound to public keys, revocation that sticks, valid dates,
permissions that do not depend on the umask, and no plain key when encryption was asked for."""

from __future__ import annotations

import base64
import json
import os
import stat

import pytest

import opendata as od
from conftest import EXAMPLES, approved
from opendata.trust import approval as approval_module
from opendata.trust import keys
from opendata.trust.audit import central


@pytest.fixture
def home(tmp_path, monkeypatch):
    path = tmp_path / "home"
    monkeypatch.setenv("OPENDATA_HOME", str(path))
    monkeypatch.delenv("OPENDATA_KEY_PASSPHRASE", raising=False)
    return path


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_public_key_swapped_in_under_a_kept_id_is_refused(home, tmp_path):
    keys.init_data_keys()
    trusted = keys.create_signing_key("甲审核员")
    forger = keys.create_signing_key("乙")
    package = approved(EXAMPLES / "weather", tmp_path / "weather", reviewer="乙")
    # The forger signs as the trusted reviewer's key id and puts its own public key under that id.
    path = package.basepath / "approval.json"
    record = json.loads(path.read_text("utf-8"))
    record.update(key_id=trusted, reviewer="甲审核员")
    record["signature"] = base64.b64encode(
        keys.signing_key(forger).sign(approval_module.signed_bytes(record))).decode()
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    store = json.loads(keys.trust_path().read_text("utf-8"))
    by_id = {e["key_id"]: e for e in store["reviewers"]}
    by_id[trusted]["public_key"] = by_id[forger]["public_key"]
    keys.write_public(keys.trust_path(), json.dumps(store))
    catalog = od.LocalCatalog(tmp_path / "site")
    with pytest.raises(od.KeyMaterialError) as info:
        od.publish(od.load(package.basepath), catalog)
    assert info.value.code == "keys.id_mismatch"
    assert catalog.datasets() == []


def test_trusting_a_revoked_key_again_is_refused_unless_unrevoked_explicitly(home, tmp_path, run):
    assert run("keys", "init", "--reviewer", "临时审核员").code == 0
    key_id = keys.active_signing_key_id("临时审核员")
    pem = tmp_path / "public.pem"
    pem.write_text(keys.public_pem(key_id), encoding="ascii")
    assert run("keys", "revoke", key_id).code == 0
    result = run("--lang", "en", "keys", "trust", pem, "--reviewer", "临时审核员")
    assert result.code == 2 and "--unrevoke" in result.err and "Traceback" not in result.err
    assert keys.trusted_entry(key_id)["revoked"]
    result = run("keys", "trust", pem, "--reviewer", "临时审核员", "--unrevoke")
    assert result.code == 0 and keys.trusted_entry(key_id)["revoked"] is None
    records = [r for r in central().records() if r["action"] == "unrevoke"]
    assert records and records[-1]["key_id"] == key_id


@pytest.mark.parametrize("value", ["notadate", "2027-13-01", ""])
def test_an_invalid_expiry_date_is_a_clear_input_error(home, tmp_path, run, value):
    assert run("keys", "init", "--reviewer", "审核员").code == 0
    key_id = keys.active_signing_key_id("审核员")
    pem = tmp_path / "public.pem"
    pem.write_text(keys.public_pem(key_id), encoding="ascii")
    before = keys.trust_path().read_bytes()
    result = run("--lang", "en", "keys", "trust", pem, "--reviewer", "审核员", "--expires", value)
    assert result.code == 2 and "not a valid date" in result.err
    assert keys.trust_path().read_bytes() == before


def test_a_valid_expiry_date_is_stored_in_iso_form(home, tmp_path, run):
    assert run("keys", "init", "--reviewer", "审核员").code == 0
    key_id = keys.active_signing_key_id("审核员")
    pem = tmp_path / "public.pem"
    pem.write_text(keys.public_pem(key_id), encoding="ascii")
    assert run("keys", "trust", pem, "--reviewer", "审核员", "--expires", "2099-01-31").code == 0
    assert keys.trusted_entry(key_id)["expires"] == "2099-01-31T00:00:00+00:00"


def test_under_umask_000_home_trust_and_public_keys_are_not_open_to_others(home, run):
    previous = os.umask(0)
    try:
        assert run("keys", "init", "--reviewer", "审核员").code == 0
        assert run("check", EXAMPLES / "weather").code == 0  # audited: creates the log
    finally:
        os.umask(previous)
    key_id = keys.active_signing_key_id("审核员")
    assert _mode(home) == 0o700
    assert _mode(keys.trust_path()) == 0o644
    assert _mode(home / "keys" / "signing" / f"{key_id}.pub.pem") == 0o644
    assert _mode(home / "keys" / "signing" / f"{key_id}.pem") == 0o600
    assert _mode(home / "audit.jsonl") == 0o600  # the private log


def test_a_trust_store_others_can_write_is_refused(home, tmp_path):
    keys.init_data_keys()
    keys.create_signing_key("审核员")
    package = approved(EXAMPLES / "weather", tmp_path / "weather", reviewer="审核员")
    os.chmod(keys.trust_path(), 0o666)
    with pytest.raises(od.KeyMaterialError) as info:
        od.publish(od.load(package.basepath), od.LocalCatalog(tmp_path / "site"))
    assert info.value.code == "keys.unsafe_public_permissions"


def test_encrypt_without_a_passphrase_writes_no_key(home, run):
    result = run("--lang", "en", "keys", "init", "--reviewer", "审核员", "--encrypt")  # no TTY under pytest
    assert result.code == 2 and "passphrase" in result.err
    assert not list((home / "keys" / "signing").glob("*.pem")) if (home / "keys" / "signing").exists() else True
    assert keys.signing_keys() == []
    assert run("keys", "init", "--reviewer", "审核员").code == 0
    result = run("--lang", "en", "keys", "rotate", "--reviewer", "审核员", "--encrypt")
    assert result.code == 2 and len(keys.signing_keys()) == 1


def test_a_damaged_expiry_already_in_the_trust_store_is_a_clear_error(home, tmp_path, run):
    keys.init_data_keys()
    key_id = keys.create_signing_key("审核员")
    package = approved(EXAMPLES / "weather", tmp_path / "weather", reviewer="审核员")
    store = json.loads(keys.trust_path().read_text("utf-8"))
    for entry in store["reviewers"]:
        entry["expires"] = "notadate"  # written by an older opendata, or by hand
    keys.write_public(keys.trust_path(), json.dumps(store))
    with pytest.raises(od.KeyMaterialError) as info:
        od.publish(od.load(package.basepath), od.LocalCatalog(tmp_path / "site"))
    assert info.value.code == "keys.bad_trust_entry" and info.value.params["key_id"] == key_id
    result = run("publish", package.basepath, "--catalog", tmp_path / "site")
    assert result.code == 1 and "Traceback" not in result.err
