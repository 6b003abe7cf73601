"""Validation follows Frictionless semantics: same error types at the same rows and fields."""

from __future__ import annotations

import json

import frictionless
import pytest

import opendata as od
from conftest import make_package

WEATHER = json.loads((__import__("conftest").ROOT / "schemas/weather-observations.json").read_text("utf-8"))

# (id, fields, csv text, schema extras) — each case is checked against Frictionless itself.
CASES = [
    ("types", [{"name": "i", "type": "integer"}, {"name": "n", "type": "number"}, {"name": "b", "type": "boolean"},
               {"name": "d", "type": "date"}, {"name": "t", "type": "datetime"}, {"name": "y", "type": "year"}],
     "i,n,b,d,t,y\n1,1.5,true,2021-01-31,2021-01-01T10:00:00,2021\nx,abc,maybe,2021-02-30,2021-01-01,21\n"
     " 7 ,-3e2,0,2020-02-29,2021-01-01T23:59:59Z,1999\n1.0,.5,FALSE,2021-13-01,2021-01-01T24:00:00,2000\n", {}),
    ("required", [{"name": "a", "constraints": {"required": True}}, {"name": "b"}],
     "a,b\nx,y\n,y\nz,\n", {}),
    ("enum-pattern-length", [
        {"name": "e", "constraints": {"enum": ["甲", "乙"]}},
        {"name": "p", "constraints": {"pattern": "[0-9]{6}"}},
        {"name": "l", "constraints": {"minLength": 2, "maxLength": 3}}],
     "e,p,l\n甲,310000,ab\n丙,31000,a\n乙,3100000,abcd\n", {}),
    ("min-max", [{"name": "n", "type": "integer", "constraints": {"minimum": 0, "maximum": 100}},
                 {"name": "d", "type": "date", "constraints": {"minimum": "2020-01-01"}}],
     "n,d\n-1,2019-12-31\n50,2020-01-01\n101,2021-06-01\n", {}),
    ("unique", [{"name": "id", "type": "integer", "constraints": {"unique": True}}, {"name": "v"}],
     "id,v\n1,a\n2,b\n01,c\n3,d\n2,e\n", {}),
    ("primary-key", [{"name": "a"}, {"name": "b", "type": "integer"}],
     "a,b\nx,1\nx,2\ny,1\nx,1\n", {"primaryKey": ["a", "b"]}),
    ("structure", [{"name": "a"}, {"name": "b"}, {"name": "c"}],
     "a,b,c\n1,2,3\n4,5\n6,7,8,9\n\n,,\n10,\"x,y\",12\n", {}),
    ("labels", [{"name": "a"}, {"name": "b"}, {"name": "c"}],
     "a,B,c,d\n1,2,3,4\n", {}),
    ("missing-column", [{"name": "a"}, {"name": "b"}, {"name": "c"}],
     "a,b\n1,2\n3,4\n", {}),
]


def _frictionless(directory, fields, extra):
    schema = frictionless.Schema.from_descriptor({"fields": fields, **extra})
    resource = frictionless.Resource(path="data.csv", basepath=str(directory), schema=schema)
    report = frictionless.validate(resource)
    return sorted((e.type, getattr(e, "row_number", None), getattr(e, "field_number", None))
                  for e in report.tasks[0].errors)


def _ours(directory, batch_rows=None):
    package = od.load(directory)
    report = od.validate_table(package.resources[0].open(), package.resources[0].schema, name="data",
                               batch_rows=batch_rows)
    return sorted((e.type, e.row, e.field_number) for e in report.errors), report


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_errors_match_frictionless(tmp_path, case):
    _, fields, text, extra = case
    directory = make_package(tmp_path, fields, text, schema_extra=extra)
    expected = _frictionless(directory, fields, extra)
    ours, _ = _ours(directory)
    assert expected, "each case must contain errors, or it proves nothing"
    assert ours == expected


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_errors_do_not_depend_on_batch_size(tmp_path, case):
    _, fields, text, extra = case
    directory = make_package(tmp_path, fields, text, schema_extra=extra)
    whole, _ = _ours(directory)
    assert _ours(directory, batch_rows=1)[0] == whole
    assert _ours(directory, batch_rows=2)[0] == whole


def test_ragged_rows_across_many_blocks_keep_their_row_numbers(tmp_path):
    lines = ["a,b,c"]
    for i in range(5000):
        lines.append(f"{i},\"multi\nline\",z" if i % 7 else f"{i},short")
    directory = make_package(tmp_path, [{"name": "a", "type": "integer"}, {"name": "b"}, {"name": "c"}],
                             "\n".join(lines) + "\n")
    ours, report = _ours(directory, batch_rows=300)
    missing_rows = [row for kind, row, _ in ours if kind == "missing-cell"]
    assert missing_rows == [i + 2 for i in range(5000) if i % 7 == 0]
    assert report.rows == 5000


def test_foreign_keys_between_resources(tmp_path):
    (tmp_path / "routes.csv").write_text("route_id\nB1\nB2\n", encoding="utf-8")
    (tmp_path / "stops.csv").write_text("route_id,stop\nB1,a\nB3,b\nB2,c\n,d\n", encoding="utf-8")
    descriptor = {"name": "fk", "resources": [
        {"name": "routes", "path": "routes.csv", "schema": {"fields": [{"name": "route_id"}]}},
        {"name": "stops", "path": "stops.csv", "schema": {
            "fields": [{"name": "route_id"}, {"name": "stop"}],
            "foreignKeys": [{"fields": ["route_id"], "reference": {"resource": "routes", "fields": ["route_id"]}}]}},
    ]}
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = od.validate(od.load(tmp_path))
    stops = report.resources[1]
    assert [(e.type, e.row) for e in stops.errors] == [("foreign-key", 3)]
    assert report.resources[0].valid


def test_self_referencing_foreign_key(tmp_path):
    directory = make_package(tmp_path, [{"name": "id"}, {"name": "parent"}],
                             "id,parent\n1,\n2,1\n3,9\n",
                             schema_extra={"foreignKeys": [{"fields": ["parent"], "reference": {"fields": ["id"]}}]})
    ours, _ = _ours(directory)
    assert ours == [("foreign-key", 4, None)]


def test_error_limit_keeps_the_first_errors_and_counts_all(tmp_path):
    rows = "\n".join(["n"] + ["x"] * 50) + "\n"
    directory = make_package(tmp_path, [{"name": "n", "type": "integer"}], rows)
    report = od.check(od.load(directory), limit=10).validation.resources[0]
    assert report.error_count == 50
    assert len(report.errors) == 10 and report.truncated
    assert [e.row for e in report.errors] == list(range(2, 12))


def test_invalid_example_fails_with_its_documented_errors():
    from conftest import EXAMPLES

    report = od.check(od.load(EXAMPLES / "invalid-weather"))
    assert not report.publishable
    found = {(e.type, e.row, e.field) for e in report.validation.resources[0].errors}
    assert ("constraint-error", 5, "humidity") in found
    assert ("type-error", 7, "observed_at") in found
    assert ("constraint-error", 9, "station_id") in found
    assert ("primary-key", 11, None) in found
    assert ("type-error", 13, "temperature") in found
    assert ("missing-cell", 15, "wind_direction") in found


def test_messages_carry_row_field_rule_and_fix(tmp_path):
    directory = make_package(tmp_path, [{"name": "humidity", "type": "integer", "constraints": {"maximum": 100}}],
                             "humidity\n120\n")
    error = od.check(od.load(directory)).validation.resources[0].errors[0]
    assert error.message("en") == 'row 2, field "humidity": the value 1*0 breaks the constraint maximum = 100'
    assert "第 2 行" in error.message("zh") and "humidity" in error.message("zh")
    assert error.hint("en").startswith("correct the value")
