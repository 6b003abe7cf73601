"""Check characters of Chinese identifiers (per value; the PI detectors vectorize the same rules).

- 居民身份证号, GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits.
- 统一社会信用代码, GB 32100-2015: weighted sum modulo 31 over a 31-character alphabet.
- Bank card numbers: Luhn.
"""

from __future__ import annotations

RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RIC_CHECK = "10X98765432"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def ric_check_char(first17: str) -> str:
    """The check character of a resident ID number from its first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, RIC_WEIGHTS))
    return RIC_CHECK[total % 11]


def ric_valid(value: str) -> bool:
    """Whether ``value`` is an 18-character resident ID with a correct check character."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    return ric_check_char(value[:17]) == value[17].upper()


def uscc_check_char(first17: str) -> str:
    """The check character of a unified social credit code from its first 17 characters."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_valid(value: str) -> bool:
    """Whether ``value`` is an 18-character USCC with a correct check character."""
    if len(value) != 18 or any(c not in USCC_ALPHABET for c in value):
        return False
    return uscc_check_char(value[:17]) == value[17]


def luhn_check_digit(partial: str) -> str:
    """The Luhn check digit to append to ``partial``."""
    total = 0
    for i, d in enumerate(reversed(partial)):
        n = int(d) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return str((10 - total % 10) % 10)


def luhn_valid(value: str) -> bool:
    """Whether the digit string ``value`` passes the Luhn check."""
    return value.isdigit() and len(value) > 1 and luhn_check_digit(value[:-1]) == value[-1]
