"""电子邮箱."""

from __future__ import annotations

from .base import Detector, register


@register
class Email(Detector):
    type = "email"
    cell_pattern = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
    span_pattern = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
    masked_pattern = r"^[^@\s]{0,3}\*+[^@\s]*@"
    strong = True
