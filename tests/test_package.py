"""Loading: descriptors, bare files, encodings, formats — and identifiers that survive unchanged."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import opendata as od
from conftest import make_package
from opendata.identifiers import ric_check_char

# Synthetic resident ID numbers with valid check characters (division 339901 is no real district).
IDS = [f"33990119{y}0101{n:03d}" for y, n in [(80, 12), (91, 27), (75, 364)]]
IDS = [i + ric_check_char(i) for i in IDS]
SERIALS = ["20261025005845788360", "00000000000000000001", "99999999999999999999"]
FIELDS = [{"name": "id_number", "type": "string"}, {"name": "serial", "type": "string"},
          {"name": "code", "type": "string"}, {"name": "name", "type": "string"}]
TEXT = "id_number,serial,code,name\n" + "".join(
    f"{i},{s},{c},{n}\n" for i, s, c, n in zip(IDS, SERIALS, ["007", "000123", "0"], ["张三", "欧阳娜娜", "李𠀀"]))


def test_identifiers_survive_unchanged_through_arrow_and_pandas(tmp_path):
    package = od.load(make_package(tmp_path, FIELDS, TEXT))
    table = package.resources[0].to_arrow()
    assert table.column("id_number").to_pylist() == IDS
    assert table.column("serial").to_pylist() == SERIALS
    assert table.column("code").to_pylist() == ["007", "000123", "0"]
    frame = package.resources[0].to_pandas()
    assert list(frame["serial"]) == SERIALS and list(frame["id_number"]) == IDS


def test_bare_csv_infers_identifiers_as_strings_and_says_so(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("id,serial,count,score,code,day\n"
                    + "".join(f"{i},{s},{n},1.5,{c},2024-01-0{n}\n"
                              for n, (i, s, c) in enumerate(zip(IDS, SERIALS, ["007", "12", "3"]), 1)),
                    encoding="utf-8")
    package = od.load(path)
    types = {f.name: f.type for f in package.resources[0].schema.fields}
    assert types == {"id": "string", "serial": "string", "count": "integer", "score": "number",
                     "code": "string", "day": "date"}
    assert package.resources[0].schema_inferred
    assert any("推断" in note for note in package.notes)
    assert package.resources[0].to_arrow().column("serial").to_pylist() == SERIALS


@pytest.mark.parametrize("encoding,reported", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                                ("gbk", "gbk"), ("gb18030", "gb18030")])
def test_encodings_are_detected_and_decoded(tmp_path, encoding, reported):
    text = TEXT if encoding in ("utf-8", "utf-8-sig", "gb18030") else TEXT.replace("𠀀", "四")
    directory = make_package(tmp_path, FIELDS, text, encoding=encoding)
    package = od.load(directory)
    report = od.check(package)
    assert report.valid
    assert report.validation.resources[0].encoding == reported
    names = package.resources[0].to_arrow().column("name").to_pylist()
    assert names == [line.split(",")[3] for line in text.splitlines()[1:]]
    assert package.resources[0].schema.fields[0].name == "id_number"  # no BOM left in the header


def test_a_gbk_file_with_rare_characters_past_the_sample_is_read_whole(tmp_path):
    # The sample decides GBK; a GB18030-only character deep in the file must still decode.
    lines = ["name"] + ["张三"] * 200_000 + ["李𠀀"]
    directory = make_package(tmp_path, [{"name": "name"}], "\n".join(lines) + "\n", encoding="gb18030")
    package = od.load(directory)
    column = package.resources[0].to_arrow().column("name")
    assert column[-1].as_py() == "李𠀀" and len(column) == 200_001


def test_undecodable_bytes_are_an_input_error_naming_the_file(tmp_path):
    directory = make_package(tmp_path, [{"name": "a"}], b"a\n\xff\xfe\xfa\x00\x81\n")
    with pytest.raises(od.InputError) as info:
        od.check(od.load(directory))
    assert str(directory / "data.csv") in info.value.render()


def test_xlsx_json_and_parquet_resources(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id_number", "serial", "code", "name"])
    for i, s, c, n in zip(IDS, SERIALS, ["007", "000123", "0"], ["张三", "欧阳娜娜", "李四"]):
        sheet.append([i, s, c, n])  # text cells, as an officer types them with a leading apostrophe
    book.save(tmp_path / "data.xlsx")
    records = [dict(zip(["id_number", "serial", "code", "name"], r)) for r in zip(IDS, SERIALS, ["007", "000123", "0"], ["张三", "欧阳娜娜", "李四"])]
    (tmp_path / "data.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "data.parquet")
    for filename in ("data.xlsx", "data.json", "data.parquet"):
        descriptor = {"name": "formats", "resources": [{"name": "data", "path": filename, "schema": {"fields": FIELDS}}]}
        (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
        package = od.load(tmp_path)
        assert od.check(package).valid, filename
        table = package.resources[0].to_arrow()
        assert table.column("id_number").to_pylist() == IDS, filename
        assert table.column("serial").to_pylist() == SERIALS, filename


def test_json_numbers_keep_every_digit(tmp_path):
    (tmp_path / "d.json").write_text('[{"n": 12345678901234567890, "x": 0.1}]', encoding="utf-8")
    table = od.load(tmp_path / "d.json").resources[0].to_arrow(typed=False)
    assert table.column("n").to_pylist() == ["12345678901234567890"]
    assert table.column("x").to_pylist() == ["0.1"]


def test_from_pandas_and_back():
    frame = pd.DataFrame({"id_number": IDS, "beds": [10, 20, 30], "ratio": [0.5, 1.25, None]})
    package = od.from_pandas(frame, name="frame-data", title="DataFrame")
    assert od.check(package).valid
    table = package.resources[0].to_arrow()
    assert table.column("id_number").to_pylist() == IDS
    assert table.column("beds").type == pa.int64() and table.column("beds").to_pylist() == [10, 20, 30]
    assert table.column("ratio").to_pylist() == [0.5, 1.25, None]


def test_missing_path_is_an_input_error():
    with pytest.raises(od.InputError) as info:
        od.load("/nonexistent/dataset")
    assert info.value.code == "input.not_found"
    assert "/nonexistent/dataset" in info.value.render("en")


def test_unknown_field_type_names_file_resource_field_and_type(tmp_path):
    directory = make_package(tmp_path, [{"name": "amount", "type": "money"}], "amount\n1\n")
    with pytest.raises(od.DescriptorError) as info:
        od.load(directory)
    message = info.value.render("en")
    assert "datapackage.json" in message and '"amount"' in message and '"money"' in message
    assert "integer" in message  # the known types are listed


def test_resource_paths_may_not_escape_the_package(tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n", encoding="utf-8")
    package_dir = tmp_path / "pkg"
    package_dir.mkdir()
    for path in ("../secret.csv", str(secret), "https://example.org/data.csv"):
        descriptor = {"name": "x", "resources": [{"name": "d", "path": path, "schema": {"fields": [{"name": "a"}]}}]}
        (package_dir / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
        with pytest.raises(od.InputError):
            od.load(package_dir)


def test_schemas_may_come_from_the_shared_schemas_directory():
    from conftest import EXAMPLES

    package = od.load(EXAMPLES / "weather")
    assert package.resources[0].schema.primary_key == ("record_id",)


def test_malformed_descriptor_json_names_line_and_column(tmp_path):
    (tmp_path / "datapackage.json").write_text('{"name": "x",\n "resources": [}', encoding="utf-8")
    with pytest.raises(od.DescriptorError) as info:
        od.load(tmp_path)
    assert info.value.params["line"] == 2


def test_csv_rows_encoded_batch_by_batch_are_the_bytes_one_csv_writer_makes(tmp_path):
    import codecs

    import pyarrow.csv as pa_csv

    from opendata.release import CsvSink

    names = ["编号", "text"]
    batches = [pa.record_batch({"编号": ["1", "", None], "text": ['say "hi", twice', "two\nlines", "中文，逗号"]}),
               pa.record_batch({"编号": ["4"], "text": [None]})]
    sink = CsvSink(tmp_path / "sink.csv", names)
    for batch in batches:
        sink.write(batch)
    sink.close()
    with open(tmp_path / "writer.csv", "wb") as handle:
        handle.write(codecs.BOM_UTF8)
        writer = pa_csv.CSVWriter(handle, pa.schema([(n, pa.string()) for n in names]),
                                  write_options=pa_csv.WriteOptions(quoting_style="needed"))
        for batch in batches:
            writer.write_batch(batch)
        writer.close()
    assert (tmp_path / "sink.csv").read_bytes() == (tmp_path / "writer.csv").read_bytes()
    rows = (tmp_path / "sink.csv").read_text(encoding="utf-8-sig")
    assert rows.startswith('"编号","text"\n"1","say ""hi"", twice"\n')


def test_wide_rows_come_in_batches_bounded_by_their_bytes(tmp_path, monkeypatch):
    """A bound in rows alone let long free text make batches of hundreds of MB (a 300k-row file of
    2 KB rows peaked at 2.3 GiB in redact); batches stop at DEFAULT_BATCH_BYTES of text too."""
    import opendata.readers.csv as csv_reader
    import opendata.readers.parquet as parquet_reader

    monkeypatch.setattr(csv_reader, "DEFAULT_BATCH_BYTES", 1 << 20)
    monkeypatch.setattr(parquet_reader, "DEFAULT_BATCH_BYTES", 1 << 20)
    text = "建议增设停车位，联系电话请见附件，请尽快处理；" * 40  # ~2.6 KB a cell
    rows = [f"{i},{text}" for i in range(3000)]
    directory = make_package(tmp_path, [{"name": "id", "type": "integer"}, {"name": "content"}],
                             "id,content\n" + "\n".join(rows) + "\n")
    resource = od.load(directory).resources[0]
    chunks = list(resource.open().chunks())
    assert len(chunks) >= 7  # 7.8 MB of text, where the row bound (65,536) would make one batch
    assert all(c.data.nbytes <= (1 << 20) + 65_536 for c in chunks)
    assert [int(n) for c in chunks for n in c.rows] == list(range(2, 3002))  # every row, in order
    assert [v for c in chunks for v in c.data.column(1).to_pylist()] == [text] * 3000

    pq.write_table(pa.table({"id": list(range(3000)), "content": [text] * 3000}), tmp_path / "wide.parquet")
    resource = od.load(tmp_path / "wide.parquet").resources[0]
    chunks = list(resource.open().chunks())
    assert len(chunks) >= 7 and all(c.data.nbytes <= (1 << 20) + 65_536 for c in chunks)
    assert sum(c.num_rows for c in chunks) == 3000
