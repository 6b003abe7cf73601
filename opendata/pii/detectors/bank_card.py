"""银行卡号: 16–19 digits with a Luhn check digit."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ...bitmaps import to_mask
from .base import Detector, all_digits, byte_lengths, char_matrix, decimal, register


# What each ASCII digit adds to the Luhn sum, as it is and doubled (less 9 when doubling makes
# two digits), looked up by byte: one gather per column instead of arithmetic on wide integers.
# Other bytes add nothing; all_digits discards their rows.
_PLAIN = np.zeros(256, dtype=np.int16)
_PLAIN[48:58] = np.arange(10)
_DOUBLED = np.zeros(256, dtype=np.int16)
_DOUBLED[48:58] = [2 * d - 9 * (d >= 5) for d in range(10)]


def _luhn(matrix: np.ndarray) -> np.ndarray:
    """Luhn over a matrix of ASCII digits, one number per row, right-aligned."""
    width = matrix.shape[1]
    total = np.zeros(matrix.shape[0], dtype=np.int16)  # at most 9 per digit: 171 for 19
    for j in range(width):
        total += (_DOUBLED if (width - 1 - j) % 2 else _PLAIN)[matrix[:, j]]
    return total % 10 == 0


def luhn_valid(values: pa.Array) -> np.ndarray:
    """Vectorized Luhn check over digit strings of up to 19 digits."""
    lengths = byte_lengths(values)
    if len(lengths) and (lengths == lengths[0]).all() and 1 < lengths[0] <= 19:
        matrix = char_matrix(values, int(lengths[0]))  # one length (the usual case): no copy
    else:
        matrix = char_matrix(pc.utf8_lpad(values, width=19, padding="0"), 19)  # leading zeros change nothing
    return all_digits(matrix) & _luhn(matrix)


#: words that introduce an order, case or serial number in text (订单号：2026…, 流水号 …); a card
#: number is introduced as 卡号, 银行卡, 账号, none of which is here.
SERIAL_CUE = (r"(?:订单|工单|运单|快递单|物流单|受理单|单|流水|交易|业务|受理|合同|凭证|发票|票据|批次|序列|案件|档案|"
              r"预约|报修|投诉|回执)(?:编号|号码|号|码)[:：为是]?\s*")


@register
class BankCard(Detector):
    type = "bank_card"
    cell_pattern = r"^\d{16,19}$"
    # grouped by four (with spaces, dashes, dots or slashes: 6222.0212.3456.7890), or not; or the issuer's six
    # digits (the BIN) apart from the rest, as a bank prints them (621226 9238944812319)
    span_pattern = r"\b\d{4}(?:[ ./-]\d{4}){3}(?:[ ./-]?\d{1,3})?\b|\b\d{6}[ ./-]\d{10,13}\b|\b\d{16,19}\b"
    masked_pattern = r"^\d{4,6}\*{6,12}\d{4}$"
    min_ratio = 0.8
    strong = True
    # Random digit strings pass Luhn one time in ten, and a card issuer's prefix about one in four
    # of those: an account-number column passes this often by chance.
    chance = 0.03
    span_not_before = "[XxＸｘ×]"
    serial_cue = SERIAL_CUE
    check_chance = 0.1

    def check_digits(self, values: pa.Array) -> np.ndarray:
        return luhn_valid(values)

    def shaped(self, values: pa.Array) -> np.ndarray:
        lengths = byte_lengths(values)
        return decimal(values) & (lengths >= 16) & (lengths <= 19)

    def validate(self, candidates: pa.Array) -> np.ndarray:
        ok = luhn_valid(candidates) & issuer_prefix(candidates)
        eighteen = np.flatnonzero(ok & (byte_lengths(candidates) == 18))
        if len(eighteen):  # a valid resident ID passes Luhn one time in ten: it is an ID, not a card
            from .resident_id import ric_valid

            ok[eighteen[ric_valid(candidates.take(pa.array(eighteen)))]] = False
        return ok


# Card issuers' prefixes (IIN/BIN ranges, ISO/IEC 7812) and, where a brand has fixed lengths, the
# length with them (a card number is 16 to 19 digits here):
# - UnionPay 62, and 810–8171 (UnionPay's 8-series, 16–19 digits); 60 (domestic BINs such as
#   601382, 603367; Discover 6011); Discover 644–649 and 65; old domestic debit cards 94/95/99 (9558…);
# - Visa 4; Mastercard 51–55; JCB 3528–3589; Diners Club 300–305, 3095, 36, 38, 39; Mir 2200–2204;
# - Mastercard's 2-series, 2221–2720, only at 16 digits (all its cards are 16 digits long);
# - not American Express (34, 37): its numbers are 15 digits, never 16–19.
# A number of card length with none of these is no card, whatever Luhn says (order numbers
# beginning 1, 7, most 2s and 8s).
_ISSUER = (r"^(?:62|60|64[4-9]|65|9[459]|4|5[1-5]|35(?:2[89]|[3-8]\d)|30[0-5]|3095|3[689]|220[0-4]"
           r"|81(?:0|[1-6]\d|7[01]))"
           r"|^(?:222[1-9]|22[3-9]\d|2[3-6]\d{2}|27[01]\d|2720)\d{12}$")


def issuer_prefix(values: pa.Array) -> np.ndarray:
    """Which digit strings begin with a card issuer's prefix (and have the length the issuer's
    cards have, where it is fixed)."""
    return to_mask(pc.match_substring_regex(values, _ISSUER))
