"""Parity cases: small files with a schema/dialect, run through opendata and frictionless alike.

Most cases are equivalents of fixtures and expectations in frictionless-py's own test suite
(https://github.com/frictionless/frictionless-py, MIT licence, Copyright (c) Open Knowledge
Foundation): ``data/invalid.csv``, ``tests/fields/*``, ``tests/checks/*``, ``tests/formats/csv`` and
``tests/validator/*`` — regenerated here from their descriptions rather than copied, so that each
fits in a line. A case with ``differ`` is one where opendata deliberately reports otherwise; the
reason is documented in the README ("Semantics") and ``ours``/``theirs`` record both results.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable


#: Each deliberate difference and the words of README's "Semantics" bullet that document it.
DIFFERENCES = {
    "refused": "*refused*",
    "encoding-input-error": "*undecodable text*",
    "xlsx-cell-text": "*XLSX cells* are read as the text",
    "xlsx-trailing-rows": "a sheet ends at its last cell with a value",
    "pattern-any-type": "`pattern` applies to the cell's text whatever the type",
    "v2-bounds": "`exclusiveMinimum`/`exclusiveMaximum`\n    are checked in a v1 schema",
    "inference": "*bare file's inferred schema*",
}


@dataclass
class Case:
    id: str
    data: str | bytes | Callable[[Path], None]
    schema: dict[str, Any] | None          # None: a bare file, each side infers its schema
    resource: dict[str, Any] = field(default_factory=dict)  # dialect, encoding, bytes, hash …
    filename: str = "data.csv"
    differ: str | None = None              # why opendata deliberately differs (README "Semantics")
    ours: list[tuple] | None = None        # with ``differ``: what opendata reports
    theirs: list[tuple] | None = None      # with ``differ``: what frictionless reports
    others: list[dict[str, Any]] = field(default_factory=list)  # more resources: name, path, text, schema


def F(*specs: str | tuple, **options: Any) -> list[dict[str, Any]]:
    """Fields from ``"name"`` / ``("name", "type")`` / ``("name", "type", {props})`` specs."""
    out = []
    for spec in specs:
        spec = (spec,) if isinstance(spec, str) else spec
        fld = {"name": spec[0], "type": spec[1] if len(spec) > 1 else "string"}
        if len(spec) > 2:
            fld.update(spec[2])
        out.append(fld)
    return out


def S(*specs: str | tuple, **schema: Any) -> dict[str, Any]:
    return {"fields": F(*specs), **schema}


def one(ftype: str, **props: Any) -> dict[str, Any]:
    """A one-field schema ``v`` of ``ftype`` with field properties ``props``."""
    return {"fields": [{"name": "v", "type": ftype, **props}]}


def col(*values: str) -> str:
    """A one-column CSV ``v`` with ``values``."""
    return "v\n" + "".join(f"{v}\n" for v in values)


PARITY_DATA = Path(__file__).resolve().parent / "data" / "parity"
FIXTURES = PARITY_DATA / "frictionless"  # copied from frictionless-py's data/ (see its LICENSE.md)


def fixture(name: str) -> bytes:
    """A data file of frictionless-py's test suite, as copied into tests/data/parity/frictionless."""
    return (FIXTURES / name).read_bytes()


def fixture_json(name: str) -> dict[str, Any]:
    return json.loads(fixture(name))


def csv_column(values: list[str]) -> str:
    """A one-column CSV ``v`` whose cells read back as exactly ``values``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["v"])
    for value in values:
        writer.writerow([value])
    return out.getvalue()


def xlsx(*rows: list[Any]) -> Callable[[Path], None]:
    """A workbook writer: ``rows`` on the first sheet (``None`` = an empty cell)."""

    def write(path: Path) -> None:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=r, column=c, value=value)
        book.save(path)

    return write


# ---- structure and labels (data/invalid.csv and the row/header checks) ---------------------------
STRUCTURE = [
    Case("invalid-csv", "id,name,,name\n1,english\n1,english\n\n2,german,1,2,3\n",
         S("id", "name", "field3", "name2")),
    Case("blank-row", "a,b\n1,2\n,\n3,4\n\n", S("a", "b")),
    Case("missing-cell", "a,b,c\n1,2\n3\n", S("a", "b", "c")),
    Case("extra-cell", "a,b\n1,2,3\n4,5,6,7\n", S("a", "b")),
    Case("extra-label", "a,b,c\n1,2,3\n", S("a", "b")),
    Case("missing-label", "a\n1\n", S("a", "b")),
    Case("incorrect-label", "a,B\n1,2\n", S("a", "b")),
    Case("duplicate-label", "a,a\n1,2\n", S("a", "b")),
    Case("blank-label", "a,\n1,2\n", S("a", "b")),
    Case("label-whitespace", " a ,b \n1,2\n", S("a", "b")),
    Case("label-whitespace-bare", " id , name\n1,x\n2,y\n", None),
    Case("quoted-newline", 'a,b\n1,"x\ny"\n2,z\n', S("a", ("b", "string", {"constraints": {"maxLength": 1}}))),
]

# ---- every field type, default and other formats (tests/fields/test_*.py) -------------------------
TYPES = [
    Case("string-default", col("x", "", "中文"), one("string")),
    Case("string-email", col("a@b.cn", "not-an-email", "a@b"), one("string", format="email")),
    Case("string-uri", col("https://a.cn/x", "not a uri", "mailto:a@b.cn"), one("string", format="uri")),
    Case("string-uuid", col("95ecc380-afe9-11e4-9b6c-751b66dd541e", "xxx"), one("string", format="uuid")),
    Case("string-binary", col("YWJj", "!!!"), one("string", format="binary")),
    Case("integer", col("1", " 2 ", "-3", "+4", "1.0", "x", "00"), one("integer")),
    Case("integer-bare-number", col("1", "$1", "1%", "€ 10"), one("integer", bareNumber=False)),
    Case("integer-group-char", col("1,000", "1.000", "1000"), one("integer", groupChar=",")),
    Case("number", col("1", "1.5", ".5", "-3e2", "NaN", "INF", "-INF", "x", "1,5"), one("number")),
    Case("number-decimal-char", "v\n\"1,5\"\n1.234\n\"1.234,5\"\n", one("number", decimalChar=",", groupChar=".")),
    Case("number-decimal-only", "v\n\"1,5\"\n1.234\n", one("number", decimalChar=",")),
    Case("number-bare-number", col("1.5", "$1.5", "1.5%"), one("number", bareNumber=False)),
    Case("boolean", col("true", "True", "TRUE", "1", "false", "0", "yes", "t"), one("boolean")),
    Case("boolean-values", col("是", "否", "true"), one("boolean", trueValues=["是"], falseValues=["否"])),
    Case("date", col("2021-01-31", "2021-02-30", "2021-1-5", "20210101", "x"), one("date")),
    Case("date-format", col("31/01/2021", "2021-01-31", "30/02/2021"), one("date", format="%d/%m/%Y")),
    Case("date-any", col("2021-01-31", "Jan 5 2021", "not a date"), one("date", format="any")),
    Case("datetime", col("2021-01-01T10:00:00", "2021-01-01T10:00:00Z", "2021-01-01T10:00:00+08:00",
                         "2021-01-01 10:00:00", "2021-01-01", "2021-01-01T25:00:00"), one("datetime")),
    Case("datetime-format", col("2021/01/01 10:00", "2021-01-01T10:00:00"), one("datetime", format="%Y/%m/%d %H:%M")),
    Case("time", col("06:00:00", "06:00", "25:00:00", "06:00:00.5", "x"), one("time")),
    Case("time-zone", col("06:00:00Z", "06:00:00+01:00", "06:00:00-0130"), one("time")),
    Case("time-format", col("06:00", "06:00:00"), one("time", format="%H:%M")),
    Case("year", col("2021", "21", "x", "-2021"), one("year")),
    Case("yearmonth", col("2021-01", "2021-13", "2021", "x"), one("yearmonth")),
    Case("duration", col("P1Y2M3DT4H5M6S", "PT1H", "P1W", "1 day", "P"), one("duration")),
    Case("geopoint", "v\n\"90,45\"\n\"181,0\"\nx\n\"90, 45\"\n", one("geopoint")),
    Case("geopoint-array", "v\n\"[90, 45]\"\n\"[181, 0]\"\nx\n", one("geopoint", format="array")),
    Case("geopoint-object", "v\n\"{\"\"lon\"\": 90, \"\"lat\"\": 45}\"\n\"{\"\"x\"\": 1}\"\n", one("geopoint", format="object")),
    Case("object", "v\n\"{\"\"a\"\": 1}\"\n[1]\nx\n", one("object")),
    Case("array", "v\n\"[1, 2]\"\n\"{\"\"a\"\": 1}\"\nx\n", one("array")),
    Case("geojson", "v\n\"{\"\"type\"\": \"\"Point\"\", \"\"coordinates\"\": [1, 2]}\"\n[1]\n", one("geojson")),
    Case("any", col("x", "1", ""), one("any")),
]

# ---- constraints (tests/fields/test_constraints.py, tests/checks) ---------------------------------
CONSTRAINTS = [
    Case("required", "a,b\nx,y\n,y\nz,\n", S(("a", "string", {"constraints": {"required": True}}), "b")),
    Case("required-missing-values", col("x", "-", "NA"), one("string", missingValues=["-", "NA"], constraints={"required": True})),
    Case("unique", "id,v\n1,a\n2,b\n01,c\n3,d\n2,e\n,f\n,g\n",
         S(("id", "integer", {"constraints": {"unique": True}}), "v")),
    Case("unique-string", col("a", "b", "a", "A", ""), one("string", constraints={"unique": True})),
    Case("min-max-integer", col("-1", "0", "50", "100", "101"), one("integer", constraints={"minimum": 0, "maximum": 100})),
    Case("min-max-number-nan", col("NaN", "2", "5", "INF"), one("number", constraints={"minimum": 1, "maximum": 3})),
    Case("exclusive-min-max", col("0", "1", "9", "10"), one("integer", constraints={"exclusiveMinimum": 0, "exclusiveMaximum": 10}),
         differ="v2-bounds", ours=[("constraint-error", 2, 1), ("constraint-error", 5, 1)], theirs=[("resource-error",)]),
    Case("min-max-date", col("2019-12-31", "2020-01-01", "2021-06-01"), one("date", constraints={"minimum": "2020-01-01", "maximum": "2020-12-31"})),
    Case("min-max-datetime", col("2019-12-31T00:00:00", "2020-06-01T00:00:00"), one("datetime", constraints={"minimum": "2020-01-01T00:00:00"})),
    Case("min-max-year", col("1999", "2000", "2031"), one("year", constraints={"minimum": 2000, "maximum": 2030})),
    Case("min-max-length", col("a", "ab", "abc", "abcd", "中文字"), one("string", constraints={"minLength": 2, "maxLength": 3})),
    Case("pattern", col("310000", "31000", "3100000", "abcdef"), one("string", constraints={"pattern": "[0-9]{6}"})),
    Case("pattern-integer", col("12", "123"), one("integer", constraints={"pattern": "[0-9]{2}"}),
         differ="pattern-any-type", ours=[("constraint-error", 3, 1)], theirs=[("resource-error",)]),
    Case("enum-string", col("甲", "乙", "丙"), one("string", constraints={"enum": ["甲", "乙"]})),
    Case("enum-integer", col("0", "-0", "00", "1", "2"), one("integer", constraints={"enum": ["0", 1]})),
    Case("enum-number", col("0", "-0", "0.0", "1.5", "2"), one("number", constraints={"enum": ["0", 1.5]})),
    Case("enum-boolean", col("true", "false"), one("boolean", constraints={"enum": [True]})),
    Case("min-length-array", "v\n\"[1]\"\n\"[1, 2]\"\n", one("array", constraints={"minLength": 2})),
    Case("type-error-and-constraint", col("x", "200"), one("integer", constraints={"maximum": 100, "required": True})),
]

# ---- keys (tests/checks: primary-key, foreign-key) ------------------------------------------------
KEYS = [
    Case("primary-key", "a,b\nx,1\nx,2\ny,1\nx,1\n", S("a", ("b", "integer"), primaryKey=["a", "b"])),
    Case("primary-key-null", "id,name\n1,a\n,b\n1,c\n", S(("id", "integer"), "name", primaryKey=["id"])),
    Case("primary-key-null-composite", "a,b\nx,1\n,\nx,\n,2\nx,\n\ny,z\n",
         S("a", ("b", "integer"), primaryKey=["a", "b"])),
    Case("primary-key-type-error", "id\n1\nx\ny\n", S(("id", "integer"), primaryKey="id")),
    Case("primary-key-structural", "id,v\n1,a\n1\n2,b,c\n2,d\n", S("id", "v", primaryKey=["id"])),
    Case("foreign-key-self", "id,parent\n1,\n2,1\n3,9\n",
         S("id", "parent", foreignKeys=[{"fields": ["parent"], "reference": {"resource": "", "fields": ["id"]}}])),
    Case("foreign-key-self-composite", "a,b,pa,pb\n1,x,,\n2,y,1,x\n3,z,1,y\n",
         S("a", "b", "pa", "pb", foreignKeys=[{"fields": ["pa", "pb"], "reference": {"resource": "", "fields": ["a", "b"]}}])),
]

# ---- foreign keys to another resource of the package (tests/package/__spec__/test_validate.py) ----
ROUTES = {"name": "routes", "path": "routes.csv", "text": "route_id,line\nB1,1\nB2,2\n01,3\n",
          "schema": S("route_id", ("line", "integer"))}
FOREIGN = [
    Case("foreign-key-resource", "route_id,stop\nB1,a\nB3,b\nB2,c\n,d\n",
         S("route_id", "stop", foreignKeys=[{"fields": "route_id", "reference": {"resource": "routes", "fields": "route_id"}}]),
         others=[ROUTES]),
    Case("foreign-key-resource-typed", "line,stop\n1,a\n01,b\n4,c\n",
         S(("line", "integer"), "stop", foreignKeys=[{"fields": "line", "reference": {"resource": "routes", "fields": "line"}}]),
         others=[ROUTES]),
    Case("foreign-key-resource-composite", "route_id,line\nB1,1\nB1,2\nB2,\n",
         S("route_id", ("line", "integer"),
           foreignKeys=[{"fields": ["route_id", "line"], "reference": {"resource": "routes", "fields": ["route_id", "line"]}}]),
         others=[ROUTES]),
]

# ---- missing values and schema properties -----------------------------------------------------------
SCHEMA = [
    Case("schema-missing-values", col("1", "NA", "-", "x"), {"fields": F(("v", "integer")), "missingValues": ["NA", "-"]}),
    Case("field-missing-values", "a,b\nNA,NA\n", {"fields": F(("a", "integer", {"missingValues": ["NA"]}), ("b", "integer"))}),
]

# ---- CSV dialect (tests/formats/csv, tests/dialect) ---------------------------------------------------
DIALECT = [
    Case("dialect-delimiter", "a;b\n1;x\n", S(("a", "integer"), "b"), {"dialect": {"delimiter": ";"}}),
    Case("sniff-semicolon", "a;b\n1;x\n2;y\nz;w\n", S(("a", "integer"), "b")),
    Case("sniff-semicolon-bare", "id;name;score\n1;张三;9\n2;李四;8\n", None),
    Case("sniff-comma-semicolons-quoted", 'a,b\n"x;y;z",1\n"p;q",2\nr,s\n', S("a", ("b", "integer"))),
    Case("sniff-pipe", "a|b\n1|x\n2|y\n", S(("a", "integer"), "b")),
    Case("sniff-tab-in-csv", "a\tb\n1\tx\n", S(("a", "integer"), "b")),
    Case("dialect-quote-char", "a,b\n'1,5',x\n", S("a", "b"), {"dialect": {"quoteChar": "'"}}),
    Case("dialect-double-quote-false", 'a,b\n"x\\"y",z\n', S("a", "b"), {"dialect": {"doubleQuote": False, "escapeChar": "\\"}}),
    Case("dialect-escape-char", 'a,b\nx\\,y,z\n', S("a", "b"), {"dialect": {"escapeChar": "\\", "quoteChar": '"'}}),
    Case("dialect-skip-initial-space", 'a,b\n1, x\n2,  y\n', S(("a", "integer"), ("b", "string", {"constraints": {"maxLength": 1}})),
         {"dialect": {"skipInitialSpace": True}}),
    Case("dialect-header-false", "1,2\n3,x\n", S(("a", "integer"), ("b", "integer")), {"dialect": {"header": False}}),
    Case("dialect-header-false-strings", "a,b\n3,x\n", S(("a", "integer"), "b"), {"dialect": {"header": False}}),
    Case("dialect-line-terminator", "a,b\r\n1,2\r\n3,x\r\n", S("a", ("b", "integer")), {"dialect": {"lineTerminator": "\r\n"}}),
    Case("crlf", "a,b\r\n1,2\r\n3,x\r\n", S("a", ("b", "integer"))),
    Case("dialect-comment-char", "a,b\n#c,d\n1,x\n# note, with, commas\n2,y\nz,w\n", S(("a", "integer"), "b"),
         {"dialect": {"commentChar": "#"}}),
    Case("dialect-comment-rows", "a,b\nc,d\n1,x\ny,z\n", S(("a", "integer"), "b"), {"dialect": {"commentRows": [2]}}),
    Case("dialect-header-case", "A,b\n1,x\n", S(("a", "integer"), "b"), {"dialect": {"headerCase": False}}),
    Case("dialect-header-case-true", "A,b\n1,x\n", S(("a", "integer"), "b"), {"dialect": {"headerCase": True}}),
    Case("dialect-skip-blank-rows", "a,b\n\n1,x\n,\n\"\",\ny,z\n", S(("a", "integer"), "b"),
         {"dialect": {"skipBlankRows": True}, "rows": 2}),
    Case("dialect-skip-blank-rows-missing-values", "a,b\nNA,NA\n1,x\n", S(("a", "integer"), "b", missingValues=["NA"]),
         {"dialect": {"skipBlankRows": True}}),
    Case("dialect-skip-blank-rows-false", "a,b\n\n1,x\n,\n", S(("a", "integer"), "b"), {"dialect": {"skipBlankRows": False}}),
    Case("dialect-header-rows-one", "a,b\n1,x\n", S(("a", "integer"), "b"), {"dialect": {"headerRows": [1], "headerJoin": " "}}),
    Case("dialect-case-sensitive", "a,b\n1,x\n", S(("a", "integer"), "b"), {"dialect": {"caseSensitiveHeader": True}}),
    Case("dialect-csvddf-version", "a,b\n1,x\n", S(("a", "integer"), "b"), {"dialect": {"csvddfVersion": 1.2}}),
]

# ---- declared properties opendata does not implement: refused, naming the property (exit 2) -------
REFUSED = [
    Case(f"refused-{cid}", data, schema, resource, differ="refused", ours=[("input-error",)], theirs=theirs)
    for cid, data, schema, resource, theirs in [
        ("null-sequence", "a,b\n\\N,x\n", S(("a", "integer"), "b"), {"dialect": {"nullSequence": "\\N"}}, [('type-error', 2, 1)]),
        ("case-insensitive-header", "A,b\n1,x\n", S(("a", "integer"), "b"), {"dialect": {"caseSensitiveHeader": False}}, [('incorrect-label', None, 1)]),
        ("line-terminator", "a,b;1,x;", S("a", "b"), {"dialect": {"lineTerminator": ";"}}, [('extra-label', None, 3), ('incorrect-label', None, 2)]),
        ("compression", "a,b\n1,x\n", S("a", "b"), {"compression": "gz"}, [('compression-error',)]),
        ("float-number", col("1.5"), one("number", floatNumber=True), {}, []),
        ("categories", col("a", "c"), one("string", categories=["a", "b"]), {}, []),
        ("json-schema", "v\n\"{\"\"a\"\": 1}\"\n", one("object", constraints={"jsonSchema": {"type": "object"}}), {}, [('resource-error',)]),
        ("unknown-constraint", col("a"), one("string", constraints={"sizeLimit": 3}), {}, [('resource-error',)]),
        ("string-format", col("a"), one("string", format="hostname"), {}, [('resource-error',)]),
        ("number-format", col("1"), one("number", format="currency"), {}, []),
        ("unique-keys", "a,b\n1,x\n", S("a", "b", uniqueKeys=[["a", "b"]]), {}, []),
        ("fields-match", "a,b\n1,x\n", S("a", "b", fieldsMatch="subset"), {}, []),
        ("list-type", csv_column(["a,b", "c"]), one("list"), {}, []),
        ("wkt-format", col("POINT (30 10)", "x"), one("string", format="wkt"), {}, [("error",)]),
    ]
]

# ---- encodings --------------------------------------------------------------------------------------
ENCODING = [
    Case("gbk", "名称,编码\n学校,0001\n".encode("gbk"), S("名称", "编码")),
    Case("utf8-bom", codecs.BOM_UTF8 + "a,b\n1,2\n".encode("utf-8"), S("a", ("b", "integer"))),
    # The text must decode to the declared values, or the enum shows it garbled.
    Case("latin1-guess", "name,city\nJosé,São Paulo\nFrançois,Genève\nJürgen,München\n".encode("latin-1"),
         S(("name", "string", {"constraints": {"enum": ["José", "François", "Jürgen"]}}),
           ("city", "string", {"constraints": {"enum": ["São Paulo", "Genève", "München"]}}))),
    Case("latin1-guess-short", "name\nJosé\n".encode("latin-1"), one("string", constraints={"enum": ["José"]}) | {"fields": [{"name": "name", "constraints": {"enum": ["José"]}}]}),
    Case("cp1252-guess", "name,note\nRenée,“quoted” – dash\n".encode("cp1252"),
         S(("name", "string", {"constraints": {"enum": ["Renée"]}}), ("note", "string", {"constraints": {"enum": ["“quoted” – dash"]}}))),
    Case("bad-byte-late", b"a,b\n" + b"".join(b"%d,x\n" % i for i in range(4998)) + b"5000,\xff\xfe\n",
         S(("a", "integer"), "b"), {"encoding": "utf-8"},
         differ="encoding-input-error", ours=[("input-error",)], theirs=[("encoding-error",)]),
]

# ---- resource integrity (tests/checks/test_baseline.py: bytes and hash) ------------------------------
INTEGRITY = [
    Case("bytes-ok", "a,b\n1,2\n", S("a", "b"), {"bytes": 8}),
    Case("bytes-wrong", "a,b\n1,2\n", S("a", "b"), {"bytes": 3}),
    Case("hash-md5-wrong", "a,b\n1,2\n", S("a", "b"), {"hash": "md5:0000"}),
    Case("hash-sha256-ok", "a,b\n1,2\n", S("a", "b"),
         {"hash": "sha256:492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470"}),
    Case("hash-sha256-wrong", "a,b\n1,2\n", S("a", "b"), {"hash": "sha256:0000"}),
]


def _xlsx_cases() -> list[Case]:
    return [
        Case("xlsx-basic", xlsx(["a", "b"], [1, "x"], ["y", "z"]), S(("a", "integer"), "b"), filename="data.xlsx"),
        Case("xlsx-header-false", xlsx(["a", "b"], [1, "x"]), S(("a", "integer"), "b"), {"dialect": {"header": False}},
             filename="data.xlsx", differ="refused", ours=[("input-error",)], theirs=[("type-error", 1, 1)]),
        Case("xlsx-trailing-extra-label", xlsx(["a", "b", None, None], ["1", "2", "3"]), S("a", "b"), filename="data.xlsx"),
        Case("xlsx-trailing-blank-label", xlsx(["a", "b", None], ["1", "2", "3"]), S("a", "b", "c"), filename="data.xlsx"),
        Case("xlsx-native-numbers", xlsx(["a", "b"], [1, 2.5]), S("a", "b"), filename="data.xlsx",
             differ="xlsx-cell-text", ours=[], theirs=[("type-error", 2, 1), ("type-error", 2, 2)]),
        Case("xlsx-blank-row", xlsx(["a", "b"], [1, 2], [None, None], [3, 4]), S(("a", "integer"), ("b", "integer")),
             filename="data.xlsx"),
    ]


# ---- frictionless-py's own tests: resource/__spec__/test_validate*.py, checks/__spec__/test_baseline.py
# (the data files are theirs, copied; the expectations are read from the installed frictionless).
TABLE = fixture_json  # noqa: E731 - a schema file next to its data
FRICTIONLESS = [
    Case("fl-table", fixture("table.csv"), S(("id", "integer"), "name")),
    Case("fl-table-bare", fixture("table.csv"), None),
    Case("fl-invalid", fixture("invalid.csv"), None),
    Case("fl-invalid-schema", fixture("invalid.csv"), S(("id", "integer"), "name", "field3", "name4")),
    Case("fl-blank-headers", fixture("blank-headers.csv"), None),
    Case("fl-blank-headers-schema", fixture("blank-headers.csv"), S(("id", "integer"), "name", ("age", "integer"))),
    Case("fl-duplicate-headers", fixture("duplicate-headers.csv"), None),
    Case("fl-defective-rows", fixture("defective-rows.csv"), None),
    Case("fl-defective-rows-schema", fixture("defective-rows.csv"), S(("id", "integer"), "name", ("age", "integer"))),
    Case("fl-blank-rows", fixture("blank-rows.csv"), None),
    Case("fl-blank-rows-multiple", fixture("blank-rows-multiple.csv"), S(("id", "integer"), "name", ("age", "integer"))),
    Case("fl-blank-rows-no-fields", fixture("blank-rows-no-fields.csv"), S(("id", "integer"), "name", ("age", "integer"))),
    Case("fl-blank-cells", fixture("blank-cells.csv"), S(("id", "integer"), "name")),
    Case("fl-blank-cells-required", fixture("blank-cells.csv"),
         S(("id", "integer"), ("name", "string", {"constraints": {"required": True}}))),
    Case("fl-without-rows", fixture("without-rows.csv"), S(("id", "integer"), "name")),
    Case("fl-structure-errors", fixture("structure-errors.csv"), S(("id", "integer"), "name", ("age", "integer"))),
    Case("fl-schema-errors", fixture("schema-errors.csv"), fixture_json("schema-valid.json")),
    Case("fl-extra-headers-and-cells", fixture("table.csv"), S(("id", "integer"))),
    Case("fl-missing-required-field-issue-950", fixture("table.csv"),
         S(("id", "integer"), "name", ("bad", "any", {"constraints": {"required": True}}))),
    Case("fl-unique-field", fixture("unique-field.csv"), fixture_json("unique-field.json")),
    Case("fl-duplicate-column", fixture("duplicate-column.csv"), fixture_json("duplicate-column-schema.json")),
    Case("fl-sync-schema-order", fixture("sync-schema.csv"), S(("id", "integer"), "name")),
    Case("fl-foreign-key-self", fixture("nested.csv"),
         S(("id", "integer"), ("cat", "integer"), "name",
           foreignKeys=[{"fields": "cat", "reference": {"resource": "", "fields": "id"}}])),
    Case("fl-foreign-key-self-invalid", fixture("nested-invalid.csv"),
         S(("id", "integer"), ("cat", "integer"), "name",
           foreignKeys=[{"fields": "cat", "reference": {"resource": "", "fields": "id"}}])),
    Case("fl-min-length", "row,word\n2,a\n3,ab\n4,abc\n5,abcd\n6\n",
         S(("row", "integer"), ("word", "string", {"constraints": {"minLength": 2}}))),
    Case("fl-max-length", "row,word\n2,a\n3,ab\n4,abc\n5,abcd\n6\n",
         S(("row", "integer"), ("word", "string", {"constraints": {"maxLength": 2}}))),
    Case("fl-minimum", "row,score\n2,1\n3,2\n4,3\n5,4\n6\n",
         S(("row", "integer"), ("score", "integer", {"constraints": {"minimum": 2}}))),
    Case("fl-maximum", "row,score\n2,1\n3,2\n4,3\n5,4\n6\n",
         S(("row", "integer"), ("score", "integer", {"constraints": {"maximum": 2}}))),
    Case("fl-unique-and-type-error", "id,unique_number\na1,100\na2,bad\na3,100\na4,0\na5,0\n",
         S("id", ("unique_number", "number", {"constraints": {"unique": True}}))),
    Case("fl-primary-key-composite", "id,name\n1,Alex\n1,John\n,Paul\n1,John\n,\n",
         S(("id", "integer"), "name", primaryKey=["id", "name"])),
    Case("fl-capital-invalid", fixture("capital-invalid.csv"), None, differ="inference",
         ours=[("blank-row", 11), ("duplicate-label", None, 3), ("extra-cell", 12, 4), ("missing-cell", 10, 3)],
         theirs=[("blank-row", 11), ("duplicate-label", None, 3), ("extra-cell", 12, 4), ("missing-cell", 10, 3),
                 ("type-error", 12, 1)]),
    Case("fl-capital-invalid-schema", fixture("capital-invalid.csv"),
         S(("id", "integer", {"constraints": {"unique": True}}), "name", "name2", primaryKey="id")),
    Case("fl-delimiter", fixture("delimiter.csv"), S(("id", "integer"), "name"), {"dialect": {"delimiter": ";"}}),
    Case("fl-delimiter-sniffed", fixture("delimiter.csv"), S(("id", "integer"), "name")),
    Case("fl-issue-1009-semicolon", fixture("issue-1009-semicolon.csv"), S("fieldNameA", "fieldNameB")),
    Case("fl-issue-1009-comma", fixture("issue-1009-comma.csv"), S("fieldNameA", "fieldNameB")),
    Case("fl-timezone-issue-1105", fixture("issue-1105-timezone.csv"), S(("id", "integer"), ("timestamp", "datetime"))),
    Case("fl-leading-zeros", fixture("leading-zeros.csv"), S(("value", "integer"))),
    Case("fl-header-false", fixture("without-headers.csv"), S(("id", "integer"), "name"), {"dialect": {"header": False}}),
    Case("fl-header-false-extra-cell", fixture("without-headers-extra.csv"), S(("id", "integer"), "name"),
         {"dialect": {"header": False}}),
    Case("fl-matrix", fixture("matrix.csv"), S(*[(f"f{i}", "integer") for i in range(1, 5)])),
    Case("fl-dialect-skip-rows", fixture("matrix.csv"), S(*[(f"f{i}", "integer") for i in range(1, 5)], primaryKey="f1"),
         {"dialect": {"commentChar": "41", "commentRows": [2]}, "rows": 2}),
    Case("fl-escaping", fixture("escaping.csv"), S(("ID", "integer"), "Test")),
    Case("fl-doublequote", fixture("doublequote.csv"), None),
    Case("fl-bom", fixture("bom.csv"), S(("id", "integer"), "name")),
    Case("fl-accent", fixture("accent.csv"), None),
    Case("fl-encoding-issue-274", fixture("encoding-issue-274.csv"), None, {"encoding": "utf-8"}),
    Case("fl-latin1-declared-utf8", fixture("latin1.csv"), S(("id", "integer"), "name"), {"encoding": "utf-8"},
         differ="encoding-input-error", ours=[("input-error",)], theirs=[("encoding-error",)]),
    Case("fl-latin1", fixture("latin1.csv"), S(("id", "integer"), "name")),
    Case("fl-array-issue-833", fixture("issue-833.csv"), S(("id", "number"), ("value", "array"))),
    Case("fl-table-json", fixture("table.json"), S(("id", "integer"), "name"), filename="data.json"),
    Case("fl-table-xlsx", fixture("table.xlsx"), S(("id", "integer"), "name"), filename="data.xlsx"),
    Case("fl-issue-312-xlsx", fixture("issue-312.xlsx"), None, filename="data.xlsx"),
    Case("fl-issue-870-xlsx", fixture("issue-870.xlsx"), None, filename="data.xlsx", differ="xlsx-trailing-rows",
         ours=[], theirs=[("blank-row", 11)]),
    Case("fl-stats-hash", fixture("table.csv"), S(("id", "integer"), "name"),
         {"hash": "sha256:a1fd6c5ff3494f697874deeb07f69f8667e903dd94a7bc062dd57550cea26da8"}),
    Case("fl-stats-hash-md5-bare", fixture("table.csv"), S(("id", "integer"), "name"), {"hash": "6c2c61dd9b0e9c6876139a449ed87933"}),
    Case("fl-stats-hash-invalid", fixture("table.csv"), S(("id", "integer"), "name"), {"hash": "bad"}),
    Case("fl-stats-bytes", fixture("table.csv"), S(("id", "integer"), "name"), {"bytes": 30}),
    Case("fl-stats-bytes-invalid", fixture("table.csv"), S(("id", "integer"), "name"), {"bytes": 40}),
    Case("fl-stats-rows", fixture("table.csv"), S(("id", "integer"), "name"), {"rows": 2}),
    Case("fl-stats-rows-invalid", fixture("table.csv"), S(("id", "integer"), "name"), {"rows": 3}),
    Case("fl-stats-hash-algorithm", fixture("table.csv"), S(("id", "integer"), "name"), {"hash": "sha3:abc"},
         differ="refused", ours=[("input-error",)], theirs=[]),
    Case("fl-compression-zip", fixture("table.csv.zip"), S(("id", "integer"), "name"), filename="data.csv.zip",
         differ="refused", ours=[("input-error",)], theirs=[]),
    Case("fl-compression-zip-no-rows", fixture("without-rows.csv.zip"), S(("id", "integer"), "name"),
         filename="data.csv.zip", differ="refused", ours=[("input-error",)], theirs=[]),
    Case("fl-header-rows-2", fixture("matrix.csv"), S(*[(f"f{i}", "integer") for i in range(1, 5)]),
         {"dialect": {"headerRows": [2]}}),
    Case("fl-header-rows-2-named", fixture("matrix.csv"), S(*[(f"{i}", "integer") for i in (11, 12, 13, 14)]),
         {"dialect": {"headerRows": [2]}, "rows": 3}),
    Case("fl-header-rows-list", fixture("matrix.csv"), S(*[(f"{i} {i + 10} {i + 20}", "integer") for i in (11, 12, 13, 14)]),
         {"dialect": {"headerRows": [2, 3, 4]}}),
    Case("fl-header-rows-list-join", fixture("matrix.csv"),
         S(*[(f"{i}.{i + 10}.{i + 20}", "integer") for i in (11, 12, 13, 14)], primaryKey="11.21.31"),
         {"dialect": {"headerRows": [2, 3, 4], "headerJoin": "."}}),
    Case("header-rows-ragged", "x\na,b\n1,2\n3\n4,5,6\n", S(("a", "integer"), ("b", "integer")),
         {"dialect": {"headerRows": [2]}}),
]


def _field_cases() -> list[Case]:
    """frictionless-py's field tests (fields/__spec__/test_*.py ``*_read_cell``): every string cell
    of each (type, format, options) group, as one column; tests/data/parity/fields.json."""
    groups = json.loads((PARITY_DATA / "fields.json").read_text("utf-8"))
    cases = []
    for i, g in enumerate(groups):
        props = dict(g["options"], format=g["format"])
        case = Case(f"field-{i:02d}-{g['type']}-{g['format']}", csv_column(g["values"]), one(g["type"], **props))
        if g["format"] == "topojson":  # a format opendata does not read: refused
            case.differ, case.ours = "refused", [("input-error",)]
            case.theirs = [("blank-row", 5), ("type-error", 3, 1), ("type-error", 4, 1)]
        cases.append(case)
    return cases


CASES: list[Case] = FRICTIONLESS + _field_cases() + STRUCTURE + TYPES + CONSTRAINTS + KEYS + FOREIGN + SCHEMA + DIALECT + REFUSED + ENCODING + INTEGRITY + _xlsx_cases()
