"""电子邮箱 and QQ 号."""

from __future__ import annotations

from .base import Detector, register


@register
class Email(Detector):
    type = "email"
    cell_pattern = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
    # In text also as people write it to keep it from robots: name#163.com, name(at)163.com,
    # name[at]…, name at …, a full-width ＠ — those forms only before a common mail domain's ending
    # (" at " and "#" stand in sentences too).
    span_pattern = (r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
                    r"|[A-Za-z0-9._%+-]+(\s?[#＠]\s?|\s?[(\[（【]\s?(?i:at)\s?[)\]）】]\s?|\s(?i:at)\s)"
                    r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.(?i:com|cn|net|org|edu|gov|cc|hk|mo|tw)\b")
    masked_pattern = r"^[^@\s]{0,3}\*+[^@\s]*@"
    strong = True


@register
class QQNumber(Detector):
    type = "qq_number"
    # A QQ account: five to eleven digits, not led by 0. As a value, only under a QQ header (a
    # number of that shape is anything); in text, only after the word QQ.
    cell_pattern = r"^[1-9]\d{4,10}$"
    span_pattern = r"(?i:qq)\s*(号码|号)?\s*[:：]?\s*[1-9]\d{4,10}\b"
    span_prefix = r"^\D*"
    masked_pattern = r"^[1-9]\d{0,3}\*{3,}\d{0,4}$"
    needs_hint = True
