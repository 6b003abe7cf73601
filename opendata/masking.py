"""Masked samples for reports and messages: enough to find a value, never enough to read it.

Any cell value that reaches a report, a log line or an error message goes through :func:`sample`,
because a cell that failed validation may well be personal information (a mistyped ID number).
"""

from __future__ import annotations


def sample(value: str | None, limit: int = 24) -> str:
    """Mask the middle of ``value``: keep about a quarter at each end, at most 4 characters each.

    ``"330102199001011234"`` → ``"3301**********1234"``, ``"张三"`` → ``"张*"``, ``"abc"`` → ``"a*c"``.
    """
    if value is None:
        return "∅"
    text = str(value)
    n = len(text)
    if n == 0:
        return '""'
    if n == 1:
        return "*"  # one character is the whole value
    if n <= 2:
        return text[0] + "*" * (n - 1)
    keep = min(4, max(1, n // 4))
    masked = text[:keep] + "*" * (n - 2 * keep) + text[n - keep:]
    if len(masked) > limit:
        masked = masked[:keep] + "*" * (limit - 2 * keep - 1) + "…" + text[n - keep:]
    return masked
