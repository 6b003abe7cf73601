"""The Spark engine gives the single machine's answers (issue 20).

Spark runs in local mode with two cores and several partitions (one SparkSession for the whole
test session); one test starts a ``local-cluster`` (executors in their own JVMs) through the CLI.
Data: the examples, and generated tables written as directories of parts with errors, repeated
keys, PI and rare quasi-identifier combinations spread across the parts (tests/spark_data.py).
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import opendata as od
from conftest import EXAMPLES, REVIEWER
from opendata.engines.spark.session import settings as spark_settings
from opendata.errors import InputError
from opendata.pii.scan import scan as local_scan
from opendata.trust import keys as keyring
from spark_data import HEADER, PEOPLE_FIELDS, SPLIT_COMMON, SPLIT_RARE, people_package

EXAMPLE_DIRS = sorted(p for p in EXAMPLES.iterdir() if (p / "datapackage.json").is_file())


@pytest.fixture(scope="session")
def spark():
    try:
        import pyspark  # noqa: F401 - installed?
    except ImportError:
        if os.environ.get("OPENDATA_REQUIRE_SPARK") == "1":
            pytest.fail("pyspark is missing although scripts/setup --spark ran")
        pytest.skip("the Spark extra is not installed (scripts/setup --spark)")
    saved = {k: os.environ.get(k) for k in ("OPENDATA_SPARK_MASTER", "OPENDATA_SPARK_CONF")}
    os.environ["OPENDATA_SPARK_MASTER"] = "local[2]"
    os.environ["OPENDATA_SPARK_CONF"] = "spark.sql.shuffle.partitions=3;spark.default.parallelism=3"
    from opendata.engines.spark import session

    spark = session()
    yield spark
    spark.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def _spark():
    from opendata.engines import spark as ods

    return ods


def _same(a: dict, b: dict) -> None:
    """Equal reports; on a difference, the first differing lines (the assertion message)."""
    if a != b:
        import difflib

        diff = difflib.unified_diff(json.dumps(a, ensure_ascii=False, indent=1).splitlines(),
                                    json.dumps(b, ensure_ascii=False, indent=1).splitlines(), lineterm="")
        pytest.fail("\n".join(list(diff)[:60]))


# -- the examples ---------------------------------------------------------------------------------
def test_every_example_gets_the_same_check_report(spark):
    ods = _spark()
    for directory in EXAMPLE_DIRS:
        package = od.load(directory)
        _same(od.check(package).to_dict("en"), ods.check(package).to_dict("en"))


def test_check_cli_with_engine_spark_prints_the_same_json(spark, run):
    path = EXAMPLES / "bus"  # two resources, a foreign key between them
    local = run("check", path, "--format", "json")
    distributed = run("check", path, "--format", "json", "--engine", "spark")
    assert distributed.code == local.code
    assert distributed.out == local.out
    assert json.loads(local.out)["validation"]["resources"]


# -- generated parts ------------------------------------------------------------------------------
def _concatenated(directory: Path, out: Path) -> Path:
    """The parts of ``directory/people`` as one CSV file (one header), beside a copy of the package."""
    out.mkdir()
    parts = sorted((directory / "people").glob("part-*.csv"))
    lines = []
    for i, part in enumerate(parts):
        text = part.read_text(encoding="utf-8")
        lines.append(text if i == 0 else text.split("\n", 1)[1])
    (out / "people.csv").write_text("".join(t if t.endswith("\n") else t + "\n" for t in lines), encoding="utf-8")
    (out / "depts.csv").write_bytes((directory / "depts.csv").read_bytes())
    descriptor = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["path"] = "people.csv"
    (out / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return out


@pytest.mark.parametrize("fmt,limit", [("csv", 1000), ("csv", 7), ("parquet", 1000)])
def test_generated_parts_get_the_same_check_report(spark, tmp_path, fmt, limit):
    package = od.load(people_package(tmp_path / "pkg", fmt=fmt))
    local = od.check(package, limit=limit).to_dict("en")
    _same(local, _spark().check(package, limit=limit).to_dict("en"))
    people = local["validation"]["resources"][0]
    # The planted problems are there, across parts: a repeated id of part 0 in part 2, a dangling
    # department, wrong types, broken constraints (and ragged and blank rows in the CSV parts).
    planted = {"primary-key", "foreign-key", "type-error", "constraint-error"}
    planted |= {"missing-cell", "extra-cell", "blank-row"} if fmt == "csv" else set()
    assert planted <= set(people["errorCounts"]), people["errorCounts"]
    assert people["rows"] == 4 * 60 + (2 * 4 + 2 if fmt == "csv" else 0)  # ragged and blank rows are rows
    if limit == 1000:
        repeats = [e for e in people["errors"] if e["type"] == "primary-key" and "first_row" in e.get("params", {})]
        assert sum(e["params"]["first_row"] < 62 and e["row"] > 121 for e in repeats) == 4  # parts 2, 3 repeat part 0
    else:
        assert people["truncated"] and len(people["errors"]) == limit
    if fmt == "csv" and limit == 1000:
        # The parts are numbered as one file: the concatenated file gets the same errors.
        whole = od.check(od.load(_concatenated(tmp_path / "pkg", tmp_path / "whole"))).to_dict("en")
        assert whole["validation"]["resources"][0]["errors"] == people["errors"]


def test_every_planted_pi_form_is_decided_alike(spark, tmp_path, run):
    package = od.load(people_package(tmp_path / "pkg", errors=False))
    local = local_scan(package)
    distributed = _spark().scan(package)
    _same(local.to_dict(), distributed.to_dict())
    decided = {d.type for f in local.resource("people").fields for d in f.detected if d.status == "column"}
    assert {"person_name", "cn_resident_id", "cn_mobile", "address", "birth_date", "bank_card", "email",
            "cn_passport", "cn_license_plate"} <= decided
    spans = {d.type for d in local.resource("people").field("处理情况").detected if d.spans}
    assert "cn_mobile" in spans
    cli_local = run("scan", tmp_path / "pkg", "--format", "json")
    cli_spark = run("scan", tmp_path / "pkg", "--format", "json", "--engine", "spark")
    assert cli_spark.out == cli_local.out and cli_spark.code == cli_local.code == 0


def test_quasi_identifiers_rare_only_in_the_whole_table(spark, tmp_path):
    package = od.load(people_package(tmp_path / "pkg", errors=False))
    report = _spark().check(package)
    _same(od.check(package).to_dict("en"), report.to_dict("en"))
    finding = next(f for f in report.findings if f.code == "k_anonymity")
    # SPLIT_RARE: one row in each of two parts (2 < k); SPLIT_COMMON: three in each of two parts
    # (rare in each part, 6 >= k in the table): only the first is reported.
    from opendata.masking import sample

    assert f"({', '.join(sample(v) for v in SPLIT_RARE)}) × 2" in finding.params["samples"]
    assert f"({', '.join(sample(v) for v in SPLIT_COMMON)})" not in finding.params["samples"]


def test_a_spark_dataframe_is_checked_like_the_same_pandas_dataframe(spark):
    import pandas as pd

    rows = [[str(i), f"1380013{i:04d}", "西湖区" if i % 2 else "滨江区", str(i % 7), f"K-{i % 5}"] for i in range(500)]
    rows[10][0] = rows[400][0]  # a repeat across partitions
    frame = pd.DataFrame(rows, columns=["编号", "手机", "区县", "数量", "联系人"])
    schema = {"fields": [{"name": "编号", "type": "integer", "constraints": {"unique": True}},
                         {"name": "手机"}, {"name": "区县"}, {"name": "数量", "type": "integer"}, {"name": "联系人"}]}
    # In order, in several partitions (a union keeps its sides' partitions, one after the other).
    df = spark.createDataFrame(frame.iloc[:200]).union(spark.createDataFrame(frame.iloc[200:]))
    assert df.rdd.getNumPartitions() >= 2
    ods = _spark()
    local = od.check(od.from_pandas(frame, "calls", schema=schema)).to_dict("en")
    distributed = ods.check(ods.from_spark(df, "calls", schema=schema)).to_dict("en")
    _same(local, distributed)
    assert local["validation"]["resources"][0]["errorCounts"] == {"unique-error": 1}
    # A header that names a person over values that are not names: asked, with masked samples
    # (read back from the DataFrame's first rows).
    uncertain = [f for f in local["findings"] if f["code"] == "pii_uncertain"]
    assert uncertain and "、" in uncertain[0]["message"] and "{samples}" not in uncertain[0]["message"]


# -- redaction ------------------------------------------------------------------------------------
TREATED = {"姓名": {"operator": "pseudonymize"}, "证件号码": {"operator": "pseudonymize"},
           "联系电话": {"operator": "mask"}, "出生年": None}


def _redactable(directory: Path, *, open_data: bool = False) -> Path:
    """The generated people and departments, with declared treatments. ``open_data``: graded L1
    and every identifier masked, so that it may be opened without conditions (published with data)."""
    fields = []
    for f in PEOPLE_FIELDS:
        f = json.loads(json.dumps(f))
        if f["name"] in TREATED:
            props = f.setdefault("opendata", {})
            if TREATED[f["name"]] is None:
                props["pii"] = "none"
            else:
                props.update(pii={"姓名": "person_name", "证件号码": "cn_resident_id",
                                  "联系电话": "cn_mobile"}[f["name"]],
                             treatment={"operator": "mask"} if open_data else TREATED[f["name"]])
        fields.append(f)
    out = people_package(directory, errors=False, fields=fields)
    if open_data:
        descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
        descriptor["opendata"]["grade"] = "L1"
        (out / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return out


def _joined(parts: list[Path]) -> bytes:
    """CSV parts as one file: the first whole, the others without their BOM and header line."""
    out = b""
    for i, part in enumerate(parts):
        data = part.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), part  # each part a canonical CSV with its header
        out += data if i == 0 else data.split(b"\n", 1)[1]
    return out


def test_redact_on_spark_writes_csv_and_parquet_parts_that_join_into_the_same_bytes(spark, tmp_path):
    import hashlib

    import pyarrow.parquet as pq

    package = od.load(_redactable(tmp_path / "pkg"))
    local, local_report = od.redact(package, tmp_path / "local")
    out, report = _spark().redact(package, tmp_path / "spark")
    a, b = local_report.to_dict(), report.to_dict()
    a.pop("output"), b.pop("output")
    _same(a, b)
    assert report.suppressed_rows["people"] >= 2  # at least the two rows of SPLIT_RARE, rare in the table
    assert report.key_id and not [p for p in (tmp_path / "spark" / "data").iterdir() if p.name.startswith(".")]
    descriptor = json.loads((tmp_path / "spark" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in local.resources:
        parts = out.resource(resource.name).parts
        assert len(parts) >= 2 or resource.name == "depts", (resource.name, parts)
        # Headers aside, the parts in order are one machine's file byte for byte: same rows, same order.
        assert _joined(parts) == resource.path.read_bytes(), resource.name
        rdesc = next(r for r in descriptor["resources"] if r["name"] == resource.name)
        listed = rdesc["opendata"]["parts"]
        assert rdesc["path"] == [p["path"] for p in listed["csv"]] == [
            f"data/{resource.name}/part-{i:05d}.csv" for i in range(len(parts))]
        for entry in listed["csv"] + listed["parquet"]:
            data = (tmp_path / "spark" / entry["path"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["bytes"]
        # The Parquet parts hold the rows of the CSV parts, typed as the release export types them.
        typed = pa_concat([pq.read_table(tmp_path / "spark" / e["path"]) for e in listed["parquet"]])
        assert typed.num_rows == report.rows_out[resource.name] == sum(e["rows"] for e in listed["csv"])
        assert typed.equals(resource.to_arrow(typed=True).cast(typed.schema)), resource.name


def pa_concat(tables):
    import pyarrow as pa

    return pa.concat_tables(tables).combine_chunks()


@pytest.mark.parametrize("as_parts", [False, True])
def test_spark_redaction_is_approved_and_published_as_one_file_or_as_its_parts(spark, tmp_path, run, as_parts):
    import pyarrow.parquet as pq

    package = od.load(_redactable(tmp_path / "pkg", open_data=True))
    local, _ = od.redact(package, tmp_path / "local")
    out, _ = _spark().redact(package, tmp_path / "spark")
    checked = od.check(out)
    assert checked.publishable and checked.openness == "unconditional", ([f.code for f in checked.blocking],
                                                                          checked.openness)
    od.approve(out, checked, reviewer=REVIEWER)
    approval = json.loads((tmp_path / "spark" / "approval.json").read_text(encoding="utf-8"))
    parts = out.resource("people").parts
    for part in parts:  # every CSV part and every Parquet part is signed
        for path in (part, part.with_suffix(".parquet")):
            assert approval["files"][path.relative_to(tmp_path / "spark").as_posix()]
    od.approve(local, od.check(local), reviewer=REVIEWER)
    od.publish(local, od.LocalCatalog(tmp_path / "site-local"))
    one = od.load(od.LocalCatalog(tmp_path / "site-local").dataset_dir(package.name))
    if as_parts:  # through the command line: the officer's option
        result = run("publish", tmp_path / "spark", "--catalog", tmp_path / "site", "--parts", "--format", "json")
        assert result.code == 0 and json.loads(result.out)[0]["status"] == "published", result.out + result.err
    else:
        assert od.publish(out, od.LocalCatalog(tmp_path / "site")).status == "published"
    live = od.LocalCatalog(tmp_path / "site").dataset_dir(package.name)
    published = od.load(live)
    escaped = published.descriptor.get("opendata", {}).get("formula_escape", {}).get("files", {})
    for resource in one.resources:
        got = published.resource(resource.name)
        approved = out.resource(resource.name).parts
        if as_parts:  # the approved parts (rewritten only where a cell needs formula escaping, as one machine's)
            assert len(got.parts) == len(approved) and _joined(got.parts) == resource.path.read_bytes()
            for part, mine in zip(got.parts, approved):
                assert part.with_suffix(".parquet").read_bytes() == mine.with_suffix(".parquet").read_bytes()
            for part, mine in zip(got.parts, approved):  # byte for byte unless the release says it escaped cells
                assert (part.read_bytes() == mine.read_bytes()) != (part.relative_to(live.resolve()).as_posix() in escaped)
        else:  # one file: what publishing one machine's redaction gives, byte for byte
            assert not got.parts and got.path.name == f"{resource.name}.csv"
            assert got.path.read_bytes() == resource.path.read_bytes(), resource.name
            assert pq.read_table(live / "data" / f"{resource.name}.parquet").equals(
                pq.read_table(one.basepath / "data" / f"{resource.name}.parquet"))
        assert got.to_arrow(typed=False).equals(resource.to_arrow(typed=False)), resource.name
    assert escaped and all(("/part-" in name) == as_parts for name in escaped if name.startswith("data/"))


def test_a_part_changed_after_approval_is_refused_at_publish(spark, tmp_path):
    import hashlib
    import shutil

    from opendata.trust.approval import ApprovalError

    out, _ = _spark().redact(od.load(_redactable(tmp_path / "pkg", open_data=True)), tmp_path / "spark")
    od.approve(out, od.check(out), reviewer=REVIEWER)
    for victim in (out.resource("people").parts[1], out.resource("people").parts[1].with_suffix(".parquet")):
        saved = victim.read_bytes()
        middle = len(saved) // 2
        victim.write_bytes(saved[:middle] + bytes([saved[middle] ^ 1]) + saved[middle + 1:])  # one bit
        with pytest.raises(ApprovalError) as refused:
            od.publish(od.load(tmp_path / "spark"), od.LocalCatalog(tmp_path / "site"))
        assert refused.value.key == "approval.file_changed" and victim.name in str(refused.value.params)
        if victim.suffix == ".csv":  # a downloader's check sees it too: the part's SHA-256 is listed
            counts = od.check(od.load(tmp_path / "spark")).validation.resources[0].counts
            assert counts["hash-count"] == 1, counts
        victim.write_bytes(saved)
    # A Parquet part that does not hold what its CSV part holds, there before the approval: the
    # reviewer saw the CSV, so the parts are refused (the joined file, made from the CSV, may go).
    import pyarrow as pa
    import pyarrow.parquet as pq

    from opendata.errors import PolicyError

    parquet = out.resource("people").parts[2].with_suffix(".parquet")
    table = pq.read_table(parquet)
    column = table.schema.get_field_index("姓名")
    planted = table.set_column(column, "姓名", pa.array(["王小明"] * table.num_rows, table.schema.field(column).type))
    pq.write_table(planted, parquet)
    od.approve(od.load(tmp_path / "spark"), od.check(od.load(tmp_path / "spark")), reviewer=REVIEWER)
    with pytest.raises(PolicyError) as refused:
        od.publish(od.load(tmp_path / "spark"), od.LocalCatalog(tmp_path / "site"), parts=True)
    assert refused.value.key == "approval.parquet_not_declared" and "part-00002.parquet" in refused.value.params["file"]
    # … and with its SHA-256 written into the descriptor too: its values are compared with the CSV's.
    descriptor = json.loads((tmp_path / "spark" / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][0]["opendata"]["parts"]["parquet"][2]["sha256"] = hashlib.sha256(parquet.read_bytes()).hexdigest()
    (tmp_path / "spark" / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    od.approve(od.load(tmp_path / "spark"), od.check(od.load(tmp_path / "spark")), reviewer=REVIEWER)
    with pytest.raises(PolicyError) as refused:
        od.publish(od.load(tmp_path / "spark"), od.LocalCatalog(tmp_path / "site"), parts=True)
    assert refused.value.key == "approval.parquet_differs" and "part-00002.parquet" in refused.value.params["file"]
    assert od.publish(od.load(tmp_path / "spark"), od.LocalCatalog(tmp_path / "site")).status == "published"
    shutil.rmtree(tmp_path / "site")  # (the joined file is made from the checked CSV parts only)
    # A part removed from the list (and the file) after approval: the descriptor changed.
    with pytest.raises(ApprovalError):
        descriptor = json.loads((tmp_path / "spark" / "datapackage.json").read_text(encoding="utf-8"))
        descriptor["resources"][0]["path"] = descriptor["resources"][0]["path"][:-1]
        (tmp_path / "spark" / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
        od.publish(od.load(tmp_path / "spark"), od.LocalCatalog(tmp_path / "site"))
    assert not (tmp_path / "site" / "datasets").exists() or not any((tmp_path / "site" / "datasets").iterdir())


def _secrets() -> list[bytes]:
    key = keyring.data_key()
    values = [key._secret] + [key.derive(p) for p in ("pseudonymize", "fpe", "encrypt")]
    out = []
    for v in values:
        out += [v, v.hex().encode(), base64.b64encode(v), base64.urlsafe_b64encode(v).rstrip(b"=")]
    return out


#: Two verbs of the command line in one process, so that one local-cluster start serves both: a
#: redaction (its stdout and stderr as they are), then a check whose JSON goes to a file.
_TWO_VERBS = """
import contextlib, io, sys
from pathlib import Path
from opendata.cli import main
code = main(["redact", sys.argv[1], "--out", sys.argv[2], "--engine", "spark"])
report = io.StringIO()
with contextlib.redirect_stdout(report):
    checked = main(["check", sys.argv[3], "--engine", "spark", "--format", "json"])
Path(sys.argv[4]).write_text(report.getvalue(), encoding="utf-8")
sys.exit(code or (0 if checked in (0, 1) else checked))
"""


def test_on_a_local_cluster_keys_reach_the_executors_but_no_log_and_parts_are_read_by_uri(spark, tmp_path):
    """Executors in their own JVMs (``local-cluster``), through the CLI, with the event log on:
    a redaction whose key is in no log, event log or setting, and a check of parts given as a
    ``file://`` URI that the executors read through Spark (no path of this process's is used)."""
    directory = _redactable(tmp_path / "pkg")
    checked = people_package(tmp_path / "checked", errors=True)
    uri = (checked / "people").as_uri()
    events = tmp_path / "events"
    events.mkdir()
    env = dict(os.environ, OPENDATA_SPARK_MASTER="local-cluster[2,1,1024]",
               # Uncompressed: a key would be found in the text, not hidden by zstd.
               OPENDATA_SPARK_CONF=f"spark.eventLog.enabled=true;spark.eventLog.dir={events.as_uri()};"
                                   "spark.eventLog.compress=false;spark.sql.shuffle.partitions=2")
    done = subprocess.run([sys.executable, "-c", _TWO_VERBS, str(directory), str(tmp_path / "spark"), uri,
                           str(tmp_path / "report.json")], env=env, cwd=tmp_path, capture_output=True, timeout=900)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    local, _ = od.redact(od.load(directory), tmp_path / "local")
    assert _joined(od.load(tmp_path / "spark").resource("people").parts) == local.resource("people").path.read_bytes()
    logs = [done.stdout, done.stderr] + [p.read_bytes() for p in events.rglob("*") if p.is_file()]
    assert any(b"SparkListenerEnvironmentUpdate" in log for log in logs)  # the event log was written
    assert any(b'"spark.ui.enabled":"false"' in log and b"SparkListenerTaskEnd" in log for log in logs)
    for secret in _secrets():
        assert not any(secret in log for log in logs)
    # The same inferred table checked on one machine (its parts pulled through Spark one at a time).
    distributed = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    _same(_pathless(od.check(_spark().from_uri(uri, "people")).to_dict()), _pathless(distributed))
    assert distributed["validation"]["resources"][0]["rows"] == 4 * 60 + 2 * 4 + 2


# -- any filesystem Spark reads ----------------------------------------------------------------------
def _pathless(report: dict) -> dict:
    """A report without where its table was read from (a directory here, a URI there)."""
    if isinstance(report, dict):
        return {k: _pathless(v) for k, v in report.items() if k not in ("path", "source")}
    if isinstance(report, list):
        return [_pathless(v) for v in report]
    return report


def _one_table(directory: Path, fmt: str = "csv") -> tuple[Path, dict]:
    """The generated people table alone (no foreign key to departments), as a local package."""
    descriptor = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    people = descriptor["resources"][0]
    people["schema"].pop("foreignKeys", None)
    descriptor["resources"] = [people]
    (directory / "one.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return directory / "one.json", descriptor


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_parts_given_as_a_uri_are_read_by_spark_with_the_same_answers(spark, tmp_path, fmt):
    ods = _spark()
    descriptor_path, descriptor = _one_table(people_package(tmp_path / "pkg", fmt=fmt))
    uri = (tmp_path / "pkg" / "people").as_uri()
    assert uri.startswith("file:///")
    remote = ods.from_uri(uri, descriptor["name"], schema=descriptor["resources"][0]["schema"],
                          title=descriptor["title"], opendata=descriptor["opendata"])
    assert remote.resources[0].frame.parts[0].startswith("file:") and len(remote.resources[0].frame.parts) == 4
    local = od.check(od.load(descriptor_path)).to_dict("en")
    assert {"primary-key", "type-error"} <= set(local["validation"]["resources"][0]["errorCounts"])
    _same(_pathless(local), _pathless(ods.check(remote).to_dict("en")))


def test_a_redaction_of_parts_given_as_a_uri_joins_into_one_machines_bytes(spark, tmp_path):
    ods = _spark()
    descriptor_path, descriptor = _one_table(_redactable(tmp_path / "pkg"))
    local, _ = od.redact(od.load(descriptor_path), tmp_path / "local")
    remote = ods.from_uri((tmp_path / "pkg" / "people").as_uri(), descriptor["name"],
                          schema=descriptor["resources"][0]["schema"], title=descriptor["title"],
                          opendata=descriptor["opendata"])
    out, _ = ods.redact(remote, tmp_path / "spark")
    assert len(out.resource("people").parts) == 4
    assert _joined(out.resource("people").parts) == local.resource("people").path.read_bytes()


def test_a_uri_that_names_nothing_is_a_clear_input_error(spark, tmp_path):
    with pytest.raises(InputError) as missing:
        _spark().from_uri((tmp_path / "nowhere").as_uri(), "nowhere")
    assert "nowhere" in missing.value.render()


# -- hostile and odd parts --------------------------------------------------------------------------
def test_a_part_with_another_header_is_refused_by_name_on_both_engines(spark, tmp_path, run):
    directory = people_package(tmp_path / "pkg", errors=False)
    part = directory / "people" / "part-00002.csv"
    text = part.read_text(encoding="utf-8").split("\n", 1)
    part.write_text(text[0].replace("姓名", "名字") + "\n" + text[1], encoding="utf-8")
    for extra in ([], ["--engine", "spark"]):
        result = run("--lang", "en", "check", directory, *extra)
        assert result.code == 2 and "part-00002.csv" in result.err and "header" in result.err, (extra, result.out[-1500:])
        assert "Traceback" not in result.err


def test_hidden_files_and_symlinks_among_the_parts_are_not_read(spark, tmp_path):
    directory = people_package(tmp_path / "pkg", errors=False)
    outside = tmp_path / "outside.csv"
    outside.write_text(",".join(HEADER) + "\n" + ",".join(["x"] * len(HEADER)) + "\n", encoding="utf-8")
    (directory / "people" / "part-00009.csv").symlink_to(outside)
    (directory / "people" / ".hidden.csv").write_bytes(outside.read_bytes())
    package = od.load(directory)
    report = _spark().check(package)
    assert report.validation.resources[0].rows == 240
    _same(od.check(package).to_dict("en"), report.to_dict("en"))


# -- settings (no Spark needed) ---------------------------------------------------------------------
def test_master_and_settings_come_from_opendata_toml_and_the_environment(tmp_path, monkeypatch):
    (tmp_path / "opendata.toml").write_text('[spark]\nmaster = "spark://10.0.0.5:7077"\n'
                                            '[spark.conf]\n"spark.executor.memory" = "8g"\n', encoding="utf-8")
    monkeypatch.setenv("OPENDATA_CONFIG", str(tmp_path / "opendata.toml"))
    monkeypatch.delenv("OPENDATA_SPARK_MASTER", raising=False)
    monkeypatch.delenv("OPENDATA_SPARK_CONF", raising=False)
    master, conf = spark_settings()
    assert master == "spark://10.0.0.5:7077" and conf["spark.executor.memory"] == "8g"
    assert conf["spark.ui.enabled"] == "false" and "spark.driver.bindAddress" not in conf
    monkeypatch.setenv("OPENDATA_SPARK_MASTER", "local[3]")
    monkeypatch.setenv("OPENDATA_SPARK_CONF", "spark.ui.enabled=true; spark.executor.cores = 2")
    master, conf = spark_settings()
    assert master == "local[3]" and conf["spark.ui.enabled"] == "true" and conf["spark.executor.cores"] == "2"
    assert conf["spark.driver.bindAddress"] == "127.0.0.1"
    monkeypatch.setenv("OPENDATA_SPARK_CONF", "no-equals-sign")
    with pytest.raises(InputError):
        spark_settings()


def test_an_unknown_engine_is_refused_with_the_known_ones(run):
    result = run("--lang", "en", "check", EXAMPLES / "hospitals", "--engine", "hadoop")
    assert result.code == 2 and "spark" in result.err
    os.environ["OPENDATA_ENGINE"] = "hadoop"
    try:
        result = run("--lang", "en", "check", EXAMPLES / "hospitals")
    finally:
        del os.environ["OPENDATA_ENGINE"]
    assert result.code == 2 and "hadoop" in result.err and "Traceback" not in result.err
