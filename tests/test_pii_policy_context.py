"""Issue 14: the thresholds of the scan's context rules live in the policy file, their words in data files.

- ``detection:`` ``lifetime_share``, ``lifetime_spread``, ``lifetime_min_age``, ``lifetime_max_age`` (a column
  of adults' dates under a header that says nothing, in a table of persons, asks) and ``premises_min``,
  ``residential_max`` (an address column of a register of organisations is their premises) are read from
  the policy; an older policy file without them loads with the defaults and decides as before.
- ``pii_hints.yaml``'s ``opaque`` words (字段, F, col: a header that says nothing) are extended by a
  department's policy like the other header hints.
- ``data/address.txt``'s ``residential`` words are what shows a household's address in such a register.
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import fields
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

import opendata as od
from conftest import ROOT
from opendata.pii.decide import Rules
from opendata.pii.detectors.base import data_file
from opendata.policy import load_policy
from pii_data import mobile, name, resident_id, uscc
from pii_forms import detections, field_findings, package

FEW = settings(max_examples=3, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 40
_SEEDS = st.integers(0, 2**32).map(random.Random)
#: the thresholds this round moved from the scan into the policy's ``detection:``
MOVED = ("lifetime_share", "lifetime_spread", "lifetime_min_age", "lifetime_max_age", "premises_min",
         "residential_max")


def _default_policy() -> dict:
    return yaml.safe_load((ROOT / "schemas/policy.default.yaml").read_text("utf-8"))


def _policy(directory: Path, **changes) -> od.policy.Policy:
    """The shipped policy with ``changes`` merged into its sections (``detection``, ``pii_hints``)."""
    data = _default_policy()
    for section, values in changes.items():
        data[section] = {**(data.get(section) or {}), **values}
    data["id"] = "dept-" + "-".join(sorted(changes))
    path = directory / "policy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_policy(path)


def _lifetime_dates(r: random.Random, n: int, first: int, last: int) -> list[str]:
    return [f"{r.randint(first, last)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}" for _ in range(n)]


def _asks(directory: Path, field: str, policy=None) -> bool:
    report = od.check(od.load(directory), policy=policy) if policy else od.check(od.load(directory))
    return bool(field_findings(report, field, ("pii_uncertain",)))


# ---- the lifetime thresholds ------------------------------------------------------------------------------


@FEW
@given(_SEEDS)
def test_the_policys_lifetime_ages_and_spread_are_read(r):
    """Adults' dates beside names under F6 ask by default; a policy whose youngest age is older than
    all of them, or whose spread is more than a lifetime, lets them pass. Dates of the last few years
    do not ask by default; a policy that counts every age and a spread of two years asks."""
    with tempfile.TemporaryDirectory() as tmp:
        adults = package(Path(tmp) / "adults", {"F4": [name(r) for _ in range(ROWS)],
                                                "F6": _lifetime_dates(r, ROWS, 1930, 1990)})
        recent = package(Path(tmp) / "recent", {"F4": [name(r) for _ in range(ROWS)],
                                                "F6": _lifetime_dates(r, ROWS, 2021, 2025)})
        assert _asks(adults, "F6") and not _asks(recent, "F6")
        assert not _asks(adults, "F6", _policy(Path(tmp), detection={"lifetime_min_age": 120, "lifetime_max_age": 130}))
        assert not _asks(adults, "F6", _policy(Path(tmp), detection={"lifetime_spread": 200}))
        assert _asks(recent, "F6", _policy(Path(tmp), detection={"lifetime_min_age": 0, "lifetime_spread": 2}))


@FEW
@given(_SEEDS, st.floats(0.05, 0.5))
def test_the_policys_lifetime_share_is_read(r, share):
    """A column some of whose cells are adults' dates (``share`` of them, the rest recent ones) asks
    under a policy whose ``lifetime_share`` is at most that share, and not under one above it."""
    adults = round(share * ROWS)
    dates = _lifetime_dates(r, adults, 1930, 1990) + _lifetime_dates(r, ROWS - adults, 2021, 2025)
    r.shuffle(dates)
    with tempfile.TemporaryDirectory() as tmp:
        directory = package(Path(tmp) / "p", {"F4": [name(r) for _ in range(ROWS)], "F6": dates})
        spread = {"lifetime_spread": 0}  # (a few adults' dates may span less than the default's decades)
        assert _asks(directory, "F6", _policy(Path(tmp), detection={"lifetime_share": (adults - 0.5) / ROWS, **spread}))
        assert not _asks(directory, "F6", _policy(Path(tmp), detection={"lifetime_share": (adults + 0.5) / ROWS,
                                                                       **spread}))


@FEW
@given(_SEEDS, st.sampled_from(["Spalte", "kolonne", "项"]), st.integers(1, 30))
def test_a_departments_opaque_header_word_is_read(r, word, number):
    """A header of an export's generic word the shipped hints do not know (Spalte6) says what the dates
    are, by default; a policy that adds the word to ``pii_hints: opaque`` makes it say nothing, and
    adults' dates under it ask."""
    header = f"{word}{number}"
    with tempfile.TemporaryDirectory() as tmp:
        directory = package(Path(tmp) / "p", {"F4": [name(r) for _ in range(ROWS)],
                                              header: _lifetime_dates(r, ROWS, 1930, 1990)})
        assert not _asks(directory, header)
        assert _asks(directory, header, _policy(Path(tmp), pii_hints={"opaque": [word]}))


# ---- an organisation's premises --------------------------------------------------------------------------

_RESIDENTIAL = data_file("address.txt")["residential"].split()


def _premises(r: random.Random) -> str:
    return r.choice((f"宁波市江北区经济技术开发区环城北路{r.randint(1, 999)}号",
                     f"杭州市西湖区建设路{r.randint(1, 999)}号{r.randint(1, 9)}幢{r.randint(1, 9)}层"))


def _register(r: random.Random, addresses: list[str]) -> dict[str, list[str]]:
    return {"统一社会信用代码": [uscc(r) for _ in range(ROWS)],
            "法定代表人": [name(r) for _ in range(ROWS)],
            "身份证件号码": [resident_id(r) for _ in range(ROWS)],
            "住所": addresses,
            "联系电话": [mobile(r) for _ in range(ROWS)]}


def _address_column(directory: Path, policy=None) -> bool:
    report = od.check(od.load(directory), policy=policy) if policy else od.check(od.load(directory))
    return any(d.type == "address" and d.status == "column" for d in detections(report, "住所"))


@FEW
@given(_SEEDS, st.sampled_from(_RESIDENTIAL), st.integers(1, 4))
def test_a_households_word_in_a_register_keeps_its_addresses_personal_up_to_the_policys_share(r, word, homes):
    """A register's 住所 of premises with a few households' addresses (``data/address.txt``'s
    ``residential`` words) among them stays an address column; a policy whose ``residential_max``
    allows that many makes it the organisations' premises."""
    addresses = [_premises(r) for _ in range(ROWS - homes)]
    addresses += [f"杭州市西湖区青山{word}{r.randint(1, 99)}号" for _ in range(homes)]
    r.shuffle(addresses)
    with tempfile.TemporaryDirectory() as tmp:
        directory = package(Path(tmp) / "p", _register(r, addresses))
        assert _address_column(directory)
        assert not _address_column(directory, _policy(Path(tmp), detection={"residential_max": (homes + 0.5) / ROWS}))


# ---- an older policy file ----------------------------------------------------------------------------------


def test_a_policy_without_the_moved_thresholds_loads_with_the_defaults(tmp_path):
    """A policy file written before these thresholds were in it loads, each of them the default the
    shipped policy also states, and decides as the shipped policy does."""
    old = _default_policy()
    for key in MOVED:
        del old["detection"][key]
    path = tmp_path / "old.yaml"
    path.write_text(yaml.safe_dump(old, allow_unicode=True), encoding="utf-8")
    loaded, shipped = load_policy(path).detection, load_policy().detection
    defaults = {f.name: f.default for f in fields(Rules) if f.name in MOVED}
    assert set(defaults) == set(MOVED)
    assert {k: getattr(loaded, k) for k in MOVED} == defaults == {k: getattr(shipped, k) for k in MOVED}
    r = random.Random(7)
    directory = package(tmp_path / "p", {"F4": [name(r) for _ in range(ROWS)],
                                         "F6": _lifetime_dates(r, ROWS, 1930, 1990)})
    assert _asks(directory, "F6", load_policy(path)) and _asks(directory, "F6")
