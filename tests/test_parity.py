"""Parity with frictionless: every case is run through ``opendata check`` and ``frictionless.validate``.

Where the two agree the multisets of (type, row, field) must be equal; where opendata deliberately
differs (documented in the README) both recorded results are asserted, so a change on either side
shows up here.
"""

from __future__ import annotations

import json

import pytest

from parity import as_counter, ours, theirs, write_case
from parity_cases import CASES


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_parity_with_frictionless(tmp_path, case):
    target = write_case(case, tmp_path / case.id)
    mine, _ = ours(target)
    reference = theirs(case, target)
    if case.differ is None:
        assert mine == reference
    else:
        assert mine == as_counter(case.ours), case.differ
        if case.theirs is not None:
            assert reference == as_counter(case.theirs), case.differ


def _declare(directory, **props):
    """Add resource properties to the package's one resource."""
    descriptor = json.loads((directory / "datapackage.json").read_text("utf-8"))
    descriptor["resources"][0].update(props)
    (directory / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


# ---- what the multisets do not show: messages name the value, the place and the property ---------

def test_unique_error_message_shows_the_masked_value(tmp_path, run):
    from conftest import make_package

    directory = make_package(tmp_path, [{"name": "id", "constraints": {"unique": True}}, {"name": "v"}],
                             "id,v\n330102199001011234,a\n2,b\n330102199001011234,c\n")
    result = run("--lang", "en", "check", directory)
    assert 'row 4, field "id": the value 3301**********1234 repeats row 2' in result.out
    assert "330102199001011234" not in result.out and "None" not in result.out


def test_encoding_error_names_the_line_and_byte_offset(tmp_path, run):
    from conftest import make_package

    text = b"a,b\n" + b"".join(b"%d,x\n" % i for i in range(2, 5000)) + b"5000,\xff\n"
    directory = make_package(tmp_path, [{"name": "a", "type": "integer"}, {"name": "b"}], text)
    _declare(directory, encoding="utf-8")
    result = run("--lang", "en", "check", directory)
    assert result.code == 2
    offset = text.index(b"\xff")
    assert f"cannot decode line 5000 (byte offset {offset}) as utf-8" in result.err


def test_declared_bytes_and_hash_are_reported_with_both_values(tmp_path, run):
    from conftest import make_package

    directory = make_package(tmp_path, [{"name": "a"}, {"name": "b"}], "a,b\n1,2\n")
    _declare(directory, bytes=3, hash="sha256:00ff")
    result = run("check", directory, "--format", "json")
    assert result.code == 1
    errors = json.loads(result.out)["validation"]["resources"][0]["errors"]
    assert {e["type"] for e in errors} == {"byte-count", "hash-count"}
    counts = next(e for e in errors if e["type"] == "byte-count")["params"]
    assert counts == {"expected": 3, "actual": 8}


@pytest.mark.parametrize("case", [c for c in CASES if c.differ == "refused"], ids=lambda c: c.id)
def test_refusals_name_the_property(tmp_path, case, run):
    target = write_case(case, tmp_path / case.id)
    result = run("--lang", "en", "check", target)
    assert result.code == 2
    prop = next(iter({**case.resource.get("dialect", {}), **{k: v for k, v in case.resource.items() if k != "dialect"}}),
                None)
    assert ("support" in result.err or "unknown type" in result.err) and "Traceback" not in result.err
    if prop is not None:
        assert prop in result.err


def test_a_unique_primary_key_field_reports_both_errors_within_the_limit(tmp_path):
    import opendata as od
    from conftest import make_package

    rows = "id,v\n" + "".join(f"{i % 3},x\n" for i in range(30))
    directory = make_package(tmp_path, [{"name": "id", "constraints": {"unique": True}}, {"name": "v"}], rows,
                             schema_extra={"primaryKey": "id"})
    report = od.validate(od.load(directory), limit=10).resources[0]
    assert report.counts == {"unique-error": 27, "primary-key": 27}
    assert len(report.errors) == 10
    whole = od.validate(od.load(directory)).resources[0]
    assert sorted((e.type, e.row) for e in whole.errors) == sorted(
        [("unique-error", r) for r in range(5, 32)] + [("primary-key", r) for r in range(5, 32)])


def test_a_sniffed_delimiter_is_visible_in_the_report(tmp_path, run):
    """A sniffed delimiter is said, not silent."""
    (tmp_path / "semi").mkdir()
    (tmp_path / "semi" / "data.csv").write_text("id;name\n1;a\n2;b\n", encoding="utf-8")
    result = run("--lang", "en", "check", tmp_path / "semi" / "data.csv", "--format", "json")
    report = json.loads(result.out)
    assert report["validation"]["resources"][0]["fields"] == 2
    assert any("detected ';'" in note for note in report["notes"])


def test_declared_file_facts_do_not_follow_the_data_into_a_redacted_package(tmp_path, monkeypatch):
    """bytes/hash/rows describe the source file; the redacted package's new file must not inherit them."""
    import hashlib

    import opendata as od
    from conftest import make_package
    from opendata.redact import redact
    from opendata.trust import keys

    monkeypatch.setenv("OPENDATA_HOME", str(tmp_path / "home"))
    keys.init_data_keys()
    text = "id,name\n1,张三丰\n2,李四光\n"
    directory = make_package(tmp_path / "in", [{"name": "id"}, {"name": "name", "opendata": {
        "pii": "person_name", "treatment": {"operator": "mask"}}}], text)
    raw = text.encode("utf-8")
    _declare(directory, bytes=len(raw), hash="sha256:" + hashlib.sha256(raw).hexdigest(), rows=2)
    assert od.check(od.load(directory)).valid
    out, _ = redact(od.load(directory), tmp_path / "out")
    resource = json.loads((tmp_path / "out" / "datapackage.json").read_text("utf-8"))["resources"][0]
    assert not {"bytes", "hash", "rows"} & set(resource)
    assert od.check(out).valid


def test_every_difference_is_documented_in_the_readme():
    from conftest import ROOT
    from parity_cases import DIFFERENCES

    readme = ROOT.joinpath("README.md").read_text("utf-8")
    semantics = readme[readme.index("- **Semantics**"):readme.index("- **Privacy**")]
    used = {c.differ for c in CASES if c.differ}
    assert used <= set(DIFFERENCES)
    for key in used:
        assert DIFFERENCES[key] in semantics, key
    for case in CASES:
        if case.differ:
            assert case.ours is not None and case.theirs is not None, case.id


@pytest.mark.parametrize("case", [c for c in CASES if c.differ is None and c.schema is not None
                                  and c.filename.endswith(".csv") and not c.others], ids=lambda c: c.id)
def test_parity_cases_do_not_depend_on_batch_size(tmp_path, case):
    import opendata as od

    target = write_case(case, tmp_path / case.id)
    resource = od.load(target).resources[0]

    def errors(batch_rows):
        report = od.validate_table(resource.open(), resource.schema, name="data", batch_rows=batch_rows)
        return sorted((e.type, e.row or 0, e.field_number or 0, e.cell or "") for e in report.errors)

    assert errors(1) == errors(2) == errors(None)


def test_bad_byte_offset_and_line_across_a_block_boundary(tmp_path):
    """A character cut by the reader's block boundary is not the bad byte; the real one is found."""
    from opendata.readers.csv import BLOCK_BYTES, bad_byte

    head = "a\n".encode() + "中".encode() * (BLOCK_BYTES // 3) + b"\n"  # a 3-byte character straddles the boundary
    body = b"x\n" * 10 + b"\xff\n"
    path = tmp_path / "data.csv"
    path.write_bytes(head + body)
    assert bad_byte(path, "utf-8") == (len(head) + 20, 13)
    path.write_bytes(head + b"x\n")
    assert bad_byte(path, "utf-8") is None
