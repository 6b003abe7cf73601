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


def test_every_finding_grade_reason_and_pii_type_has_a_message():
    import pathlib
    import re

    from opendata.pii.detectors import TYPES

    source = "\n".join(p.read_text("utf-8") for p in pathlib.Path(messages.__file__).parent.rglob("*.py"))
    findings = set()
    for first, alternative in re.findall(r'Finding\(\s*"([a-z_]+)"(?:\s+if [^"]+ else "([a-z_]+)")?', source):
        findings |= {first, alternative} - {""}
    reasons = {"pii_raw", "pii_treated", "pii_pending", "pii_masked", "disclosed", "declared", "declared_package",
               "unclassified"}
    assert {"undeclared_pii", "openness_too_wide", "sensitive_cell", "k_anonymity"} <= findings
    for code in findings:
        assert messages.has(f"finding.{code}"), code
    for reason in reasons:
        assert messages.has(f"grade.{reason}"), reason
    for kind in TYPES:
        assert messages.has(f"pii.{kind}"), kind
