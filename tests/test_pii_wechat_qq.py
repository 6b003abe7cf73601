"""WeChat IDs and QQ numbers: in a column under a header that names them, and in free text after a
cue word (微信, VX, 加微 …; QQ, Q号, 扣扣 …). The shape alone decides nothing: a column of English
words, product codes or order numbers under no hint, and numbers after other words, stay as they are.
"""

from __future__ import annotations

import random
import string
import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

import opendata as od
from opendata.pii.detectors import REGISTRY
from opendata.pii.operators.mask import SPAN_REWRITES
from opendata.pii.scan import decide_field, scan_column, span_counts
from pii_data import mobile, name
from pii_forms import decided, detections, leaks, output_cells, package, redacted

FEW = settings(max_examples=8, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
               phases=(Phase.explicit, Phase.generate))  # (no shrinking: slow on whole tables; derandomized, a failure repeats)
# seeded generators: hypothesis's own random draws degenerate values first (every value the same)
SEEDS = st.integers(0, 2 ** 32).map(random.Random)
ROWS = 30
LOWER = string.ascii_lowercase


def wechat_id(r: random.Random) -> str:
    """A WeChat ID of one of the forms people choose, or an old system ID (wxid_…)."""
    form = r.randrange(4)
    if form == 0:
        return "wxid_" + "".join(r.choice(LOWER + string.digits) for _ in range(14))
    word = "".join(r.choice(LOWER) for _ in range(r.randint(3, 8)))
    year = str(r.randint(1960, 2008))
    return [f"{word}{r.choice(['_', '-', ''])}{year}", f"{word.capitalize()}_{r.randint(10, 99)}",
            f"{word}{''.join(r.choice(string.ascii_letters + string.digits) for _ in range(4))}"][form - 1]


def qq(r: random.Random) -> str:
    return str(r.randint(1, 9)) + "".join(str(r.randint(0, 9)) for _ in range(r.randint(4, 10)))


WECHAT_CUES = ("可加我微信{}联系。", "微信号：{}，请回电。", "我的VX: {}", "加微{}详谈", "wx:{}", "微信號{}（繁体）",
               "联系人微信 {} 周一到周五")
QQ_CUES = ("我的QQ是{}。", "QQ号：{}", "扣扣{}，随时联系", "qq号码 {} 留言", "Q号{}", "企鹅号为{}")
# The same values after words that are no cue: no WeChat ID, no QQ number.
NOT_CUES = ("订单号{}已发货", "产品型号{}停产", "工单号{}", "验证码{}", "编号：{}", "QQ群{}欢迎加入")
WORDS = ("computer", "printer", "Scanner", "keyboard", "projector", "monitor", "network", "database", "software",
         "hardware", "notebook", "Desktop", "speaker", "adapter")


@FEW
@given(SEEDS)
def test_wechat_ids_after_a_cue_are_spans_and_masked_to_nothing(r):
    ids = [wechat_id(r) for _ in range(ROWS)]
    texts = [r.choice(WECHAT_CUES).format(i) for i in ids]
    found = span_counts(REGISTRY["wechat_id"], pa.array(texts))
    assert (found == 1).all(), [t[:4] for t, c in zip(texts, found) if c != 1][:3]
    pattern, rewrite = SPAN_REWRITES["wechat_id"]
    masked = pa.compute.replace_substring_regex(pa.array(texts), pattern, rewrite).to_pylist()
    assert leaks(ids, masked) == []
    assert (span_counts(REGISTRY["wechat_id"], pa.array(masked)) == 0).all()  # the last line finds none


@FEW
@given(SEEDS)
def test_words_codes_and_numbers_after_other_words_are_no_wechat_or_qq(r):
    values = [r.choice(WORDS) for _ in range(ROWS // 2)] + [qq(r) for _ in range(ROWS // 2)]
    texts = [r.choice(NOT_CUES).format(v) for v in values]
    texts += [f"微信{mobile(r)}" for _ in range(5)]  # a mobile number after 微信 is a mobile number
    texts += ["微信支付已到账", "请关注微信公众号", "wxabcdef12", "我用QQ邮箱联系"]
    assert (span_counts(REGISTRY["wechat_id"], pa.array(texts)) == 0).all()
    assert (span_counts(REGISTRY["qq_number"], pa.array(texts)) == 0).all()


@FEW
@given(SEEDS)
def test_qq_numbers_after_a_cue_are_spans_and_masked(r):
    numbers = [qq(r) for _ in range(ROWS)]
    texts = [r.choice(QQ_CUES).format(n) for n in numbers]
    found = span_counts(REGISTRY["qq_number"], pa.array(texts))
    assert (found == 1).all(), [t[:3] for t, c in zip(texts, found) if c != 1][:3]
    pattern, rewrite = SPAN_REWRITES["qq_number"]
    masked = pa.compute.replace_substring_regex(pa.array(texts), pattern, rewrite).to_pylist()
    assert leaks(numbers, masked, min_digits=5) == []
    assert (span_counts(REGISTRY["qq_number"], pa.array(masked)) == 0).all()


@FEW
@given(SEEDS, st.sampled_from(["微信号", "微信", "WeChat", "wx", "vx_id"]))
def test_a_wechat_column_is_treated_whole_its_mobiles_too_and_decoys_stay(r, header):
    ids = [mobile(r) if i % 5 == 0 else wechat_id(r) for i in range(ROWS)]  # a fifth: the mobile number
    words = [r.choice(WORDS) + str(r.randint(0, 99)) for _ in range(ROWS)]
    codes = [f"{r.choice('ABCDEFGH')}{r.choice('XYZ')}-{r.randint(1000, 9999)}-{r.randint(10, 99)}" for _ in range(ROWS)]
    orders = [f"SO{r.randint(10 ** 9, 10 ** 10 - 1)}" for _ in range(ROWS)]
    directory = package(Path(tempfile.mkdtemp(prefix="od-wx-")) / "p",
                        {header: ids, "设备名称": words, "规格型号": codes, "订单编号": orders})
    report = od.check(od.load(directory))
    assert "wechat_id" in decided(report, header)
    for decoy in ("设备名称", "规格型号", "订单编号"):
        assert detections(report, decoy) == [], decoy
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(ids, [row[header] for row in rows]) == []
    assert [row["设备名称"] for row in rows] == words and [row["规格型号"] for row in rows] == codes
    assert [row["订单编号"] for row in rows] == orders


@FEW
@given(SEEDS)
def test_redact_masks_wechat_ids_and_qq_numbers_in_a_message_column(r):
    ids, numbers = [wechat_id(r) for _ in range(ROWS)], [qq(r) for _ in range(ROWS)]
    texts = [f"我叫{name(r)}，{r.choice(WECHAT_CUES).format(i)}；{r.choice(QQ_CUES).format(n)}"
             for i, n in zip(ids, numbers)]
    decoys = [r.choice(NOT_CUES).format(r.randint(10_000, 9_999_999_999)) for _ in range(ROWS)]  # (no mobile's length)
    directory = package(Path(tempfile.mkdtemp(prefix="od-wx-")) / "p", {"留言内容": texts, "处理记录": decoys})
    report = od.check(od.load(directory))
    assert {"wechat_id", "qq_number"} <= decided(report, "留言内容")
    assert not {"wechat_id", "qq_number"} & {d.type for d in detections(report, "处理记录")}
    rows, _, _ = redacted(directory, directory.parent / "out")
    cells = output_cells(rows)
    assert leaks(ids, cells) == [] and leaks(numbers, [row["留言内容"] for row in rows], min_digits=5) == []
    assert [row["处理记录"] for row in rows] == decoys


@FEW
@given(SEEDS)
def test_words_of_a_wechat_ids_shape_under_another_header_leave_it_asked_about(r):
    # A 姓名 column of names written as one Latin word (ZhangSan) fits no name pattern: the header
    # asks. That the words also have a WeChat ID's shape explains nothing under no WeChat header.
    names = ["".join(r.choice(LOWER) for _ in range(r.randint(3, 6))).capitalize()
             + "".join(r.choice(LOWER) for _ in range(r.randint(3, 6))).capitalize() for _ in range(ROWS)]
    nonempty, totals = scan_column(pa.array(names))
    found = decide_field("姓名", totals, nonempty, 0)
    assert [(d.type, d.status) for d in found if d.type in ("person_name", "wechat_id")] == [("person_name", "uncertain")]
