"""The detectors' data files (opendata/pii/data/*.txt) are lists a department extends: a key written on a
second line adds its words to the first line's, it does not replace them (a dict of the lines kept only the
last, so a department's line silently dropped the project's words)."""

from __future__ import annotations

from collections import defaultdict
from importlib.resources import files

import pytest

from opendata.pii.detectors.base import data_file

_NAMES = sorted(p.name for p in files("opendata.pii").joinpath("data").iterdir() if p.name.endswith(".txt"))


@pytest.mark.parametrize("name", _NAMES)
def test_every_line_of_a_key_is_read(name: str) -> None:
    lines: dict[str, list[str]] = defaultdict(list)
    for line in files("opendata.pii").joinpath(f"data/{name}").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, value = line.split(" ", 1)
            lines[key].append(value)
    read = data_file(name)
    assert set(read) == set(lines)
    for key, values in lines.items():
        for value in values:
            assert set(value.split()) <= set(read[key].split()), f"{name}: a line of {key!r} was dropped"


def test_the_words_that_name_nobody_keep_both_lines() -> None:
    from opendata.pii.detectors.person import NOT_NAMES

    assert {"党委", "物业", "情况", "家属"} <= NOT_NAMES  # the first line's words and the patients' line
