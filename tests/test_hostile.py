"""Hostile input and operator faults (issue 15): every one is a clear exit-2 error naming the file
and the property or path, never exit 70, never the file's content in the error line, and bounded
work; legal input at the edges (a 10 MB cell) is read."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import opendata as od
from opendata.errors import InputError

from conftest import approved, make_package

FIELDS = [{"name": "id", "type": "integer"}, {"name": "name", "type": "string", "opendata": {"pii": "none"}}]
TEXT = "id,name\n1,甲\n2,乙\n"


def _package(tmp_path: Path, **props) -> Path:
    resource_props = props.pop("resource", {})
    schema_extra = props.pop("schema_extra", None)
    fields = props.pop("fields", FIELDS)
    directory = make_package(tmp_path / "pkg", fields, TEXT, schema_extra=schema_extra, **props)
    if resource_props:
        path = directory / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        descriptor["resources"][0].update(resource_props)
        path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return directory


def _no_crash(result) -> None:
    assert result.code != 70, result.err
    assert "Traceback" not in result.err and "内部错误" not in result.err and "internal error" not in result.err


@pytest.mark.parametrize("props, where", [
    ({"resource": {"dialect": {"delimiter": 5}}}, "delimiter"),
    ({"resource": {"dialect": {"delimiter": ";;"}}}, "delimiter"),
    ({"resource": {"encoding": 5}}, "encoding"),
    ({"resource": {"format": ["csv"]}}, "format"),
    ({"resource": {"sheet": [1]}}, "sheet"),
    ({"schema_extra": {"primaryKey": ["nope"]}}, "nope"),
    ({"schema_extra": {"primaryKey": [1]}}, "primaryKey"),
    ({"schema_extra": {"missingValues": 5}}, "missingValues"),
    ({"schema_extra": {"foreignKeys": 5}}, "foreignKeys"),
    ({"fields": [{"name": "id", "type": "integer", "constraints": [1]}, {"name": "name"}]}, "constraints"),
    ({"fields": [{"name": "id", "type": "boolean", "trueValues": "yes"}, {"name": "name"}]}, "trueValues"),
    ({"title": ["a", "b"]}, "title"),
    ({"description": {"a": 1}}, "description"),
    ({"keywords": "教育"}, "keywords"),
    ({"licenses": "CC-BY-4.0"}, "licenses"),
    ({"opendata": {"grade": "L9"}}, "opendata.grade"),
])
def test_every_descriptor_property_is_type_checked(tmp_path, run, props, where):
    result = run("--lang", "en", "check", _package(tmp_path, **props))
    _no_crash(result)
    assert result.code == 2, result.out + result.err
    assert where in result.err and "datapackage.json" in result.err


def test_a_title_that_is_a_list_never_reaches_approval(tmp_path):
    with pytest.raises(InputError) as caught:
        od.load(_package(tmp_path, title=["a", "b"]))
    assert "title" in str(caught.value)


@pytest.mark.parametrize("props, where", [
    ({"homepage": "javascript:alert(1)"}, "homepage"),
    ({"homepage": "java\tscript:alert(1)"}, "homepage"),
    ({"homepage": " https://ok.example"}, "homepage"),
    ({"licenses": [{"name": "x", "path": "javascript:alert(1)"}]}, "licenses[0].path"),
    ({"sources": [{"title": "s", "path": "data:text/html,<script>alert(1)</script>"}]}, "sources[0].path"),
    ({"opendata": {"grade": "L1", "contact": {"name": "办公室", "url": "vbscript:msgbox"}}}, "opendata.contact.url"),
])
def test_url_properties_accept_only_http_and_mailto(tmp_path, run, props, where):
    result = run("--lang", "en", "check", _package(tmp_path, **props))
    _no_crash(result)
    assert result.code == 2 and where in result.err and "http" in result.err


def test_safe_urls_are_accepted(tmp_path, run):
    directory = _package(tmp_path, homepage="https://data.demo-city.example/a?b=c",
                         licenses=[{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
                         opendata={"grade": "L1", "contact": {"name": "办公室", "url": "mailto:od@demo-city.example"}})
    assert run("check", directory).code == 0


def test_policy_pointing_at_a_data_file_does_not_echo_it(tmp_path, run):
    data = tmp_path / "people.csv"
    data.write_text("name,id\n张三,11010519491231002X\n", encoding="utf-8")
    result = run("check", _package(tmp_path), "--policy", data)
    _no_crash(result)
    assert result.code == 2 and str(data) in result.err
    assert "11010519491231002X" not in result.err and "张三" not in result.err


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [100_000, 200_000])
def test_deeply_nested_json_data_is_refused(tmp_path, run, depth):
    data = tmp_path / "deep.json"
    data.write_text(f'[["a"], [{_nested(depth)}]]', encoding="utf-8")
    result = run("--lang", "en", "check", data)
    _no_crash(result)
    assert result.code == 2 and "nests more than" in result.err and str(data) in result.err


def test_deeply_nested_descriptor_and_policy_are_refused(tmp_path, run):
    directory = _package(tmp_path)
    path = directory / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(descriptor)[:-1] + ', "x": ' + _nested(100_000) + "}", encoding="utf-8")
    result = run("--lang", "en", "check", directory)
    _no_crash(result)
    assert result.code == 2 and "nests more than" in result.err
    policy = tmp_path / "deep.yaml"
    policy.write_text("a: " + _nested(100_000) + "\n", encoding="utf-8")
    result = run("--lang", "en", "check", _package(tmp_path / "other"), "--policy", policy)
    _no_crash(result)
    assert result.code == 2 and str(policy) in result.err


def test_a_deep_cell_in_an_object_field_is_a_type_error(tmp_path, run):
    text = 'id,name\n1,"' + _nested(100_000) + '"\n'
    directory = make_package(tmp_path / "pkg", [{"name": "id", "type": "integer"}, {"name": "name", "type": "array"}],
                             text)
    result = run("check", directory)
    _no_crash(result)
    assert result.code == 1 and "type-error" in result.out


@pytest.mark.parametrize("quoted", [False, True])
def test_a_legal_10_mb_cell_is_read(tmp_path, run, quoted):
    cell = ("x" * 99 + "\n") * (100 << 10) if quoted else "x" * (10 << 20)
    text = "id,name\n1," + (f'"{cell}"' if quoted else cell) + "\n2,b\n"
    directory = make_package(tmp_path / "pkg", FIELDS, text)
    result = run("check", directory)
    assert result.code == 0, result.err
    table = od.load(directory).resources[0].to_arrow(typed=False)
    assert table.column("name").to_pylist() == [cell, "b"]


def _zip(path: Path, members: list[tuple[str, list[bytes], int, int]]) -> None:
    """A zip of raw-deflate members: (name, compressed pieces, CRC-32, inflated size)."""
    with open(path, "wb") as out:
        central = b""
        for name, pieces, crc, size in members:
            offset = out.tell()
            compressed = sum(map(len, pieces))
            raw = name.encode()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, compressed, size, len(raw), 0)
                      + raw)
            for piece in pieces:
                out.write(piece)
            central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, compressed, size,
                                   len(raw), 0, 0, 0, 0, 0, offset) + raw
        start = out.tell()
        out.write(central)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0))


def _deflated(parts: list[tuple[bytes, int]]) -> tuple[list[bytes], int, int]:
    """Raw deflate of each (bytes, repeat) part; a fully flushed piece can be repeated as is."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    pieces, crc, size = [], 0, 0
    for data, repeat in parts:
        piece = compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)
        pieces.extend([piece] * repeat)
        for _ in range(repeat):
            crc = zlib.crc32(data, crc)
        size += len(data) * repeat
    pieces.append(compressor.flush(zlib.Z_FINISH))
    return pieces, crc, size


def write_bomb(path: Path, inflated: int = 2 << 30) -> None:
    """A well-formed XLSX (a few MB) whose one sheet inflates to ``inflated`` bytes of XML."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    small = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets><sheet name="S" '
        'sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>',
    }
    members = [(name, *_deflated([(text.encode(), 1)])) for name, text in small.items()]
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    block = row * ((1 << 20) // len(row))
    head = f'<?xml version="1.0"?><worksheet {ns}><sheetData>'.encode()
    members.append(("xl/worksheets/sheet1.xml", *_deflated([(head, 1), (block, inflated // len(block)),
                                                          (b"</sheetData></worksheet>", 1)])))
    _zip(path, members)


def test_an_xlsx_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    write_bomb(bomb)
    assert bomb.stat().st_size < 8 << 20
    env = dict(os.environ, OPENDATA_LANG="en")
    # The check's own peak, reported by a small wrapper process: a child's ru_maxrss includes the
    # memory of the process it was forked from (Linux keeps the pre-exec high-water mark), and this
    # test process grows to hundreds of MB over a full run.
    wrapper = ("import resource, subprocess, sys; "
               "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
               "sys.stderr.write(done.stderr); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)")
    done = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "opendata.cli", "check", str(bomb)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 2, done.stderr
    assert "zip bomb" in done.stderr and str(bomb) in done.stderr
    assert int(done.stdout) < 600 << 10  # KiB: far from the 2 GiB it would inflate to


def test_a_small_workbook_is_still_read(tmp_path, run):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["id", "label"])
    book.active.append([1, "甲"])
    book.save(tmp_path / "t.xlsx")
    assert run("check", tmp_path / "t.xlsx").code == 0


def test_catalog_pointing_at_a_file_is_an_input_error(tmp_path, run):
    package = approved(_package(tmp_path), tmp_path / "out")
    target = tmp_path / "not-a-dir"
    target.write_text("x", encoding="utf-8")
    result = run("--lang", "en", "publish", package.basepath, "--catalog", target)
    _no_crash(result)
    assert result.code == 2 and str(target) in result.err and "not a directory" in result.err
    assert target.read_text(encoding="utf-8") == "x"


def test_an_unwritable_home_is_an_input_error_and_redact_writes_nothing(tmp_path, run, monkeypatch):
    directory = _package(tmp_path)
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")  # a file where a directory must be: unwritable even for root
    monkeypatch.setenv("OPENDATA_HOME", str(blocker / "home"))
    for args in (("check", directory), ("redact", directory, "--out", tmp_path / "out"), ("keys", "init")):
        result = run("--lang", "en", *args)
        _no_crash(result)
        assert result.code == 2 and str(blocker) in result.err
    assert not (tmp_path / "out").exists()


def test_redact_leaves_no_output_when_its_audit_record_fails(tmp_path, monkeypatch):
    package = od.load(_package(tmp_path))
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("OPENDATA_HOME", str(blocker / "home"))
    with pytest.raises(InputError):
        od.redact(package, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_catalogue_whose_log_cannot_be_written_publishes_nothing(tmp_path, run):
    package = approved(_package(tmp_path), tmp_path / "out")
    catalog = tmp_path / "site"
    assert run("publish", package.basepath, "--catalog", catalog).code == 0
    (catalog / "audit.jsonl").unlink()
    (catalog / "audit.jsonl").mkdir()  # cannot be appended to, even by root
    descriptor = package.basepath / "datapackage.json"
    result = run("--lang", "en", "publish", package.basepath, "--catalog", catalog)
    _no_crash(result)
    assert result.code == 2 and str(catalog / "audit.jsonl") in result.err
    assert descriptor.is_file()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_a_read_only_catalogue_is_an_input_error(tmp_path, run):
    package = approved(_package(tmp_path), tmp_path / "out")
    catalog = tmp_path / "site"
    catalog.mkdir()
    catalog.chmod(0o555)
    try:
        result = run("--lang", "en", "publish", package.basepath, "--catalog", catalog)
    finally:
        catalog.chmod(0o755)
    _no_crash(result)
    assert result.code == 2 and str(catalog) in result.err
