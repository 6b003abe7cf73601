"""A message given as the parameter of another renders in that message's language (messages.Ref): an error's str()
is English and its render() the officer's language, and a part translated when the error was raised mixed the two
(the final independent check found 19 cells … 在“来电人”等提示词后含未遮盖的姓名; nothing was written)."""

from __future__ import annotations

import re

import pytest

from opendata import messages
from opendata.errors import PolicyError

_HAN = re.compile("[\u4e00-\u9fff]")


@pytest.mark.parametrize("what", ["name_cue", "raw_cell", "identifier", "phone"])
def test_a_last_line_refusal_is_one_language(what: str) -> None:
    messages.set_language("zh")
    try:
        error = PolicyError("redact.last_line", resource="r", field="f", count=3, what=messages.Ref(f"last_line.{what}"))
    finally:
        messages.set_language(None)
    assert messages.t(f"last_line.{what}", lang="zh") not in str(error), "the English message holds the Chinese part"
    assert messages.t(f"last_line.{what}", lang="en") in str(error)
    assert messages.t(f"last_line.{what}", lang="zh") in error.render("zh")


def test_a_list_of_refs_is_listed_in_the_language() -> None:
    refs = (messages.Ref("publish.property.licenses"), messages.Ref("publish.property.opendata.publisher"))
    error = PolicyError("publish.missing_metadata", name="x", missing=refs)
    assert not _HAN.search(str(error)) and "; " in str(error)  # (this message has no Chinese example of its own)
    assert "；" in error.render("zh")


def test_an_unknown_key_is_refused_when_made() -> None:
    with pytest.raises(LookupError):
        messages.Ref("no.such.message")
