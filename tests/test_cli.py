"""The CLI: exit codes 0/1/2, one clear line for input errors, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import EXAMPLES, ROOT, make_package

FIELDS = [{"name": "id", "type": "integer"}, {"name": "name"}, {"name": "city"}]


def test_check_valid_dataset_exits_0(run):
    result = run("check", EXAMPLES / "weather")
    assert result.code == 0
    assert "结论：可以发布" in result.out
    assert "编码 utf-8" in result.out


def test_check_gbk_dataset_reports_its_encoding(run):
    result = run("--lang", "en", "check", EXAMPLES / "schools")
    assert result.code == 0
    assert "encoding gbk" in result.out


def test_check_invalid_dataset_exits_1_with_row_field_rule_and_fix(run):
    result = run("check", EXAMPLES / "invalid-weather")
    assert result.code == 1
    assert "第 5 行，字段“humidity”" in result.out and "maximum = 100" in result.out
    assert "处理建议" in result.out
    assert "结论：不能发布（8 个问题）" in result.out


def test_ragged_rows_exit_1_naming_rows(run, tmp_path):
    directory = make_package(tmp_path, FIELDS, "id,name,city\n1,张三,杭州\n2,李四\n3,王五,宁波,多余\n")
    result = run("--lang", "en", "check", directory)
    assert result.code == 1
    assert "row 3: missing cell, expected 3 columns but found 2" in result.out
    assert "row 4: extra cell, expected 3 columns but found 4" in result.out


def test_bad_quoting_exits_1_and_points_at_the_unclosed_quote(run, tmp_path):
    directory = make_package(tmp_path, FIELDS, 'id,name,city\n1,"张三,杭州\n2,李四,宁波\n')
    result = run("--lang", "en", "check", directory)
    assert result.code == 1
    assert "row 2: missing cell" in result.out
    assert "unclosed double quote" in result.out


def test_missing_file_exits_2_with_one_line(run, tmp_path):
    result = run("check", tmp_path / "nope")
    assert result.code == 2
    assert result.err.strip() == f"找不到文件或目录：{tmp_path / 'nope'}"
    assert result.out == ""


def test_missing_data_file_exits_2(run, tmp_path):
    directory = make_package(tmp_path, FIELDS, "id,name,city\n")
    (directory / "data.csv").unlink()
    result = run("--lang", "en", "check", directory)
    assert result.code == 2
    assert result.err.strip() == f"File or directory not found: {directory / 'data.csv'}"


def test_unknown_field_type_exits_2(run, tmp_path):
    directory = make_package(tmp_path, [{"name": "amount", "type": "money"}], "amount\n1\n")
    result = run("--lang", "en", "check", directory)
    assert result.code == 2
    assert result.err.startswith(f'{directory / "datapackage.json"}: field "amount" of resource "data" has the '
                                 f'unknown type "money"')
    assert len(result.err.strip().splitlines()) == 1


def test_json_report_is_machine_readable(run):
    result = run("check", EXAMPLES / "invalid-weather", "--format", "json")
    assert result.code == 1
    report = json.loads(result.out)
    assert report["publishable"] is False
    resource = report["validation"]["resources"][0]
    assert resource["errorCounts"] == {"constraint-error": 2, "missing-cell": 3, "primary-key": 1, "type-error": 2}
    first = resource["errors"][0]
    assert {"type", "row", "field", "field_number", "message", "hint"} <= set(first)


def test_language_from_environment(run, monkeypatch):
    monkeypatch.setenv("OPENDATA_LANG", "en")
    result = run("check", EXAMPLES / "invalid-weather")
    assert "Verdict: blocked (8 problems)" in result.out


def test_installed_console_script_never_prints_a_traceback(tmp_path):
    directory = make_package(tmp_path, [{"name": "a", "type": "nonsense"}], "a\n1\n")
    script = os.path.join(os.path.dirname(sys.executable), "opendata")
    for args in (["check", str(directory)], ["check", str(tmp_path / "missing")], ["publish", str(directory)]):
        proc = subprocess.run([script, *args], capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 2, args
        assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout


def test_the_cli_takes_jemalloc_for_arrow_unless_the_environment_chooses(monkeypatch):
    import pyarrow as pa

    from opendata import cli

    before = pa.default_memory_pool()
    try:
        monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
        pa.set_memory_pool(pa.system_memory_pool())
        cli._tune_allocators()
        assert pa.default_memory_pool().backend_name == "jemalloc"
        monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
        pa.set_memory_pool(pa.system_memory_pool())
        cli._tune_allocators()
        assert pa.default_memory_pool().backend_name == "system"
    finally:
        pa.set_memory_pool(before)
