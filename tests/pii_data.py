"""Synthetic personal data for tests: generated names, ID numbers with valid check characters,
phones — never real people's data. Division codes 3399xx belong to no real district."""

from __future__ import annotations

import random

from opendata.identifiers import luhn_check_digit, ric_check_char, uscc_check_char, USCC_ALPHABET

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建国文红云飞波宁斌浩宇轩然博晨欣怡嘉琪子涵思雨梓萱"


def rng(seed: int = 1) -> random.Random:
    return random.Random(seed)


def resident_id(r: random.Random, division: str = "339901") -> str:
    first17 = f"{division}{r.randint(1950, 2015)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"
    return first17 + ric_check_char(first17)


def wrong_check(value: str) -> str:
    """The same ID with a wrong check character."""
    good = value[-1]
    return value[:-1] + next(c for c in "0123456789X" if c != good)


def mobile(r: random.Random) -> str:
    return f"1{r.choice('3456789')}{r.randint(0, 9)}{r.randint(0, 99_999_999):08d}"


def name(r: random.Random) -> str:
    return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2))))


def bank_card(r: random.Random) -> str:
    partial = "622202" + "".join(str(r.randint(0, 9)) for _ in range(12))
    return partial + luhn_check_digit(partial)


def uscc(r: random.Random) -> str:
    first17 = "91339901" + "".join(r.choice(USCC_ALPHABET) for _ in range(9))
    return first17 + uscc_check_char(first17)
