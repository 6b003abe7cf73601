"""A delivery sealed with a password delivered apart (scrypt), instead of the recipient's key."""

from __future__ import annotations

import base64
import json
import os

import pytest

import opendata.delivery as dl
from opendata.delivery import envelope
from opendata.errors import PolicyError
from opendata.trust import audit
from test_delivery import _apply, _grant, _read_csv, _recipient, world  # noqa: F401  (world: the fixture)


def _delivered(world, tmp_path, run):
    keydir = _recipient(tmp_path)
    app = _apply(world, tmp_path, keydir, fields=["case_id", "id_number", "district"])
    grant = _grant(app, tmp_path)
    r = run("deliver", tmp_path / "grant.json", world / "source", "--out", tmp_path / "out",
            "--password-file", tmp_path / "secret" / "password.txt")
    assert r.code == 0, r.err
    return grant, keydir, r


def test_a_password_delivery_is_made_received_verified_and_traced(world, tmp_path, run):
    grant, keydir, r = _delivered(world, tmp_path, run)
    file = tmp_path / "secret" / "password.txt"
    password = file.read_text("utf-8").strip()
    assert file.stat().st_mode & 0o077 == 0 and len(password) >= envelope.MIN_PASSWORD
    assert password not in r.out + r.err and "password.txt" in r.err  # told where it is, never what it is
    log = audit.central().path.read_text("utf-8")
    assert password not in log
    record = next(x for x in audit.central().records() if x.get("action") == "deliver" and x["grant"] == grant["id"])
    assert record["sealed"] == "password"
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert manifest["cipher"]["kem"] == "password"
    assert {k: manifest["cipher"]["scrypt"][k] for k in ("n", "r", "p")} == {"n": 1 << 17, "r": 8, "p": 1}
    assert run("verify", tmp_path / "out").code == 0
    r = run("receive", tmp_path / "out", "--password-file", file, "--out", tmp_path / "plain")
    assert r.code == 0, r.err
    assert run("verify", tmp_path / "plain").code == 0
    rows = _read_csv(tmp_path / "plain" / "data" / "recipients.csv")
    assert len(rows) == 240 + 2 and list(rows[0]) == ["case_id", "id_number", "district"]
    result = dl.trace(tmp_path / "plain" / "data" / "recipients.csv", record=False)
    assert [c.grant for c in result.named] == [grant["id"]]


def test_a_wrong_password_or_the_key_instead_opens_nothing(world, tmp_path, run):
    _, keydir, _ = _delivered(world, tmp_path, run)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("this-is-not-the-password-1234\n", encoding="utf-8")
    os.chmod(wrong, 0o600)
    r = run("receive", tmp_path / "out", "--password-file", wrong, "--out", tmp_path / "plain")
    assert r.code == 1 and "密码不正确" in r.err and not (tmp_path / "plain").exists()
    r = run("receive", tmp_path / "out", "--key", keydir / "recipient.key", "--out", tmp_path / "plain")
    assert r.code == 2 and "--password-file" in r.err and not (tmp_path / "plain").exists()
    r = run("receive", tmp_path / "out", "--out", tmp_path / "plain")
    assert r.code == 2 and not (tmp_path / "plain").exists()


def test_a_tampered_password_envelope_is_refused(world, tmp_path, run):
    _delivered(world, tmp_path, run)
    file = tmp_path / "secret" / "password.txt"
    manifest_path = tmp_path / "out" / "manifest.json"
    original = manifest_path.read_text("utf-8")
    manifest = json.loads(original)
    manifest["cipher"]["scrypt"]["n"] = 1 << 15  # cheaper guessing: the signature no longer holds
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    r = run("receive", tmp_path / "out", "--password-file", file, "--out", tmp_path / "plain")
    assert r.code == 1 and not (tmp_path / "plain").exists()
    manifest_path.write_text(original, encoding="utf-8")
    payload = sorted((tmp_path / "out" / "payload").iterdir())[-1]
    data = bytearray(payload.read_bytes())
    data[-5] ^= 1
    payload.write_bytes(bytes(data))
    r = run("receive", tmp_path / "out", "--password-file", file, "--out", tmp_path / "plain")
    assert r.code == 1 and not (tmp_path / "plain").exists()


def test_a_header_asking_for_weak_or_absurd_scrypt_costs_is_refused_before_any_work():
    sealer = envelope.Sealer.with_password("a" * 20, "grant-0000000000000000")
    assert envelope.password_opener("a" * 20, sealer.header) == sealer.key
    with pytest.raises(PolicyError) as info:
        envelope.password_opener("b" * 20, sealer.header)
    assert info.value.code == "delivery.wrong_password"
    for change in ({"n": 1 << 10}, {"n": 1 << 30}, {"n": (1 << 17) + 1}, {"r": 64}, {"p": 100}, {"salt": ""}):
        header = json.loads(json.dumps(sealer.header))
        header["scrypt"].update(change)
        with pytest.raises(PolicyError) as info:
            envelope.password_opener("a" * 20, header)
        assert info.value.code == "delivery.bad_manifest"


def test_short_passwords_and_open_password_files_are_refused(world, tmp_path, run):
    keydir = _recipient(tmp_path)
    _grant(_apply(world, tmp_path, keydir, fields=["district"]), tmp_path)
    short = tmp_path / "short.txt"
    short.write_text("123456\n", encoding="utf-8")
    os.chmod(short, 0o600)
    r = run("deliver", tmp_path / "grant.json", world / "source", "--out", tmp_path / "out", "--password-file", short)
    assert r.code == 1 and not (tmp_path / "out").exists()
    readable = tmp_path / "readable.txt"
    readable.write_text(base64.b64encode(os.urandom(24)).decode() + "\n", encoding="utf-8")
    os.chmod(readable, 0o644)
    r = run("deliver", tmp_path / "grant.json", world / "source", "--out", tmp_path / "out",
            "--password-file", readable)
    assert r.code != 0 and not (tmp_path / "out").exists()
    two = tmp_path / "two.txt"
    two.write_text("first-line-long-enough\nsecond\n", encoding="utf-8")
    os.chmod(two, 0o600)
    r = run("deliver", tmp_path / "grant.json", world / "source", "--out", tmp_path / "out", "--password-file", two)
    assert r.code == 2 and not (tmp_path / "out").exists()
