"""RE2 keeps its automata in memory for the largest patterns: a pattern that runs out of DFA memory
falls back to a slower search and RE2 writes ``DFA out of memory`` to the command's stderr, where an
officer reads it as an error (it came with the longer name pattern of 2026-12-07)."""
from __future__ import annotations

import pyarrow as pa

from opendata.pii.detectors import REGISTRY
from opendata.pii.scan import _regex, scan_column

# Free text of the kind the name pattern reads: cue words, names, lists, kin words, brackets.
TEXT = ("来电人王建国反映：其父亲（李秀英）与邻居张伟、刘洋、陈静和赵磊一起到东方红小区3幢2单元，"
        "预订人欧阳娜代订两晚；市民区佳当日报警，民警过去询问，房东宋勇强已联系。") * 40


def test_the_largest_patterns_search_without_running_out_of_dfa_memory(capfd) -> None:
    patterns = sorted({p for d in REGISTRY.values() for p in (d.span_pattern, d.cell_pattern) if p}, key=len)
    assert len(patterns[-1]) > 10_000  # the name pattern, the one that ran out
    for pattern in patterns[-5:]:
        regex = _regex(pattern)
        for _ in range(3):
            list(regex.finditer(TEXT))
    scan_column(pa.array([TEXT, TEXT[::-1], "张三", "13800138000"] * 50))
    err = capfd.readouterr().err
    assert "DFA out of memory" not in err
