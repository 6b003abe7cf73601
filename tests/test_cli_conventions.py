"""CLI conventions (issue 17): --version, python -m, -q/-v, global options after the verb, real
sub-commands with their own help, argparse's own text in Chinese, completion, progress, lazy imports."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

import opendata
from conftest import EXAMPLES, ROOT


def test_version_and_python_dash_m(tmp_path):
    for module in ("opendata", "opendata.cli"):
        proc = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True, cwd=tmp_path)
        assert proc.returncode == 0
        assert proc.stdout.strip() == f"opendata {opendata.__version__}"
    proc = subprocess.run([sys.executable, "-m", "opendata", "--lang", "en", "check", str(EXAMPLES / "invalid-weather")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1 and "Verdict: blocked (8 problems)" in proc.stdout


@pytest.mark.parametrize("args", [("--lang", "en", "check", EXAMPLES / "invalid-weather"),
                                  ("check", EXAMPLES / "invalid-weather", "--lang", "en"),
                                  ("check", "--lang=en", EXAMPLES / "invalid-weather")])
def test_global_options_before_or_after_the_verb(run, args):
    result = run(*args)
    assert result.code == 1
    assert "Verdict: blocked (8 problems)" in result.out


def test_format_json_before_or_after_the_verb(run):
    for args in (("--format", "json", "check", EXAMPLES / "weather"), ("check", EXAMPLES / "weather", "--format", "json")):
        result = run(*args)
        assert result.code == 0
        assert json.loads(result.out)["publishable"] is True


def test_keys_catalog_audit_are_real_sub_commands_with_their_own_help(run):
    result = run("--lang", "en", "keys", "--help")
    assert result.code == 0
    for action in ("init", "rotate", "list", "trust", "revoke", "public"):
        assert f"    {action} " in result.out
    trust = run("--lang", "en", "keys", "trust", "--help")
    assert "--expires" in trust.out and "--unrevoke" in trust.out and "--encrypt" not in trust.out
    pull = run("--lang", "en", "catalog", "pull", "--help")
    assert "--from" in pull.out and "--compare" in pull.out and "--local" not in pull.out
    verify = run("--lang", "en", "audit", "verify", "--help")
    assert "--log" in verify.out and "show" not in verify.out.split("options")[0].split("usage")[0]
    missing = run("--lang", "en", "catalog", "pull", "x")
    assert missing.code == 2 and "the following arguments are required: --from, --out" in missing.err


def test_argparse_speaks_chinese_by_default_and_english_on_request(run):
    zh = run("check")
    assert zh.code == 2
    assert "用法：opendata check" in zh.err and "错误：缺少必需的参数：path" in zh.err
    assert "usage" not in zh.err and "error" not in zh.err
    help_zh = run("--help")
    assert "显示此帮助并退出" in help_zh.out and "\n选项：\n" in help_zh.out and "show this help" not in help_zh.out
    assert "\noptions:\n" in run("--lang", "en", "--help").out
    en = run("--lang", "en", "check")
    assert "usage: opendata check" in en.err and "the following arguments are required: path" in en.err
    bad = run("keys", "nonsense")
    assert "无效的选择" in bad.err


def test_argparse_is_left_as_it_was_for_other_programs(run):
    import argparse

    run("check")
    parser = argparse.ArgumentParser(prog="other")
    assert "usage: other" in parser.format_usage()


def test_quiet_leaves_results_and_errors_only(run, tmp_path):
    bare = tmp_path / "one.csv"
    bare.write_text("a,b\n1,2\n", encoding="utf-8")
    loud = run("check", bare)
    assert "推断" in loud.err  # the note that the schema was inferred
    quiet = run("check", bare, "-q")
    assert quiet.err == "" and "结论" in quiet.out
    missing = run("-q", "check", tmp_path / "nope")
    assert missing.code == 2 and "找不到文件或目录" in missing.err


def test_completion_scripts_name_every_verb_and_are_valid_shell(run, tmp_path):
    result = run("completion", "bash")
    assert result.code == 0
    for verb in ("check", "describe", "init", "keys", "publish", "catalog", "audit"):
        assert verb in result.out
    assert '"keys trust") words="' in result.out and "--unrevoke" in result.out
    script = tmp_path / "complete.bash"
    script.write_text(result.out, encoding="utf-8")
    if shutil.which("bash"):
        proc = subprocess.run(["bash", "-c", f'source "{script}"; COMP_WORDS=(opendata keys tr); COMP_CWORD=2; '
                               '_opendata; echo "${COMPREPLY[@]}"'], capture_output=True, text=True)
        assert proc.returncode == 0 and proc.stdout.split() == ["trust"]
    assert "bashcompinit" in run("completion", "zsh").out


def test_progress_reports_rows_and_bytes_to_a_sink_and_nothing_without_a_terminal(run, tmp_path):
    from opendata import load, progress

    seen: list[tuple[int, int]] = []
    with progress.reporting(lambda rows, nbytes: seen.append((rows, nbytes))):
        rows = sum(b.num_rows for b in load(EXAMPLES / "weather").resources[0].raw_batches(batch_rows=50))
    assert seen and seen[-1][0] == rows and seen[-1][1] > 0
    assert all(a[0] < b[0] for a, b in zip(seen, seen[1:]))
    result = run("check", EXAMPLES / "weather")  # stderr is not a terminal under pytest
    assert result.err == ""


def test_help_imports_no_heavy_library():
    code = ("import sys\nfrom opendata.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy', 'jsonschema', 'yaml', 'rich') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_the_command_spares_pyarrow_the_pandas_import_but_opendata_can_still_use_pandas(tmp_path):
    bare = tmp_path / "keys.csv"
    bare.write_text("id,v\n1,a\n2,b\n", encoding="utf-8")
    code = ("import sys\nsys.argv = ['opendata', 'check', sys.argv[1]]\nfrom opendata.cli import main\ncode = main()\n"
            "import pyarrow as pa\nprint(code, 'pandas' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code, str(bare)], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.split()[-2:] == ["0", "False"]


def test_verbose_says_how_much_was_read_and_how_long_it_took(run):
    result = run("--lang", "en", "check", EXAMPLES / "weather", "-v")
    assert result.code == 0
    assert "checking demo-weather-observations:" in result.err and "rows" in result.err and " s" in result.err
    assert "rows" not in run("check", EXAMPLES / "weather").err
