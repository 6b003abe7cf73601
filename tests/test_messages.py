"""The message catalogue: every message in both languages, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from opendata import messages


def _fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(messages.MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    entry = messages.MESSAGES[key]
    assert set(entry) == {"zh", "en"}
    assert entry["zh"].strip() and entry["en"].strip()
    assert _fields(entry["zh"]) == _fields(entry["en"])


def test_chinese_is_the_default_and_english_on_request(monkeypatch):
    assert messages.t("portal.title") == "公共数据开放目录"
    assert messages.t("portal.title", lang="en") == "Public Data Catalogue"
    monkeypatch.setenv("OPENDATA_LANG", "en_US.UTF-8")
    assert messages.t("portal.title") == "Public Data Catalogue"
    messages.set_language("zh-CN")
    assert messages.t("portal.title") == "公共数据开放目录"


def test_a_missing_parameter_stays_visible_instead_of_raising():
    assert "{path}" in messages.t("input.not_found")


def test_every_validation_error_type_has_a_message_and_a_hint():
    from opendata.validate.report import HEADER_TYPES

    for kind in ("type-error", "constraint-error", "unique-error", "primary-key", "foreign-key",
                 "missing-cell", "extra-cell", "blank-row", *HEADER_TYPES):
        assert messages.has(f"error.{kind}") and messages.has(f"error.{kind}.hint"), kind
