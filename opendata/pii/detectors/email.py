"""电子邮箱, QQ 号 and 微信号: the accounts a person is reached by."""

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
    # The cue as people write it (QQ, qq号, QQ号码, Q号, 扣扣, 企鹅号; 號 in traditional characters),
    # then a colon, 是 or 为 (我的QQ是84242666). A QQ group's number (QQ群) is no person's: 群 after
    # the cue stops the match, as does any other word (工单号12345678 has no cue).
    span_pattern = (r"(?:(?i:qq)|\bQ[号號]|扣扣|企鹅[号號])\s*(?:[号號]码|[号號]碼|[号號]|账[号號]|帐[号號])?"
                    r"\s*[:：]?\s*(?:是|为|為)?\s*[:：]?\s*[1-9]\d{4,10}\b")
    span_prefix = r"^\D*"
    span_cue_first = True
    masked_pattern = r"^[1-9]\d{0,3}\*{3,}\d{0,4}$"
    needs_hint = True


#: words that introduce a WeChat ID in text: 微信 (号 / 號 / 账号), its homophones and shorthands (威信,
#: 薇信, V信, 加微, 加V), and in Latin letters WeChat, weixin, wx, vx — these only as a word of their
#: own, followed by a colon, 是 / 为, a space or 号 (wxabc123 is a word, not a cue and an ID).
WECHAT_CUE = (r"(?:(?:微信|威信|薇信|[VvWw]信|加微|加[Vv])(?:[号號]|账[号號]|帳[號号]|(?i:id))?"
              r"|\b(?i:wechat|weixin|wx|vx)(?:\s*(?:[号號]|(?i:id)))?(?:\s*[:：是为為]|\s|[号號]))"
              r"\s*[:：]?\s*(?:是|为|為)?\s*[:：]?\s*")
#: a WeChat ID: six to twenty letters, digits, _ and -, a letter first; or an old system ID, wxid_
#: and lower-case letters and digits (wxid_lqsynsmj24tzxq).
_WECHAT_ID = r"(?:wxid_[a-z0-9]{6,24}|[A-Za-z][A-Za-z0-9_-]{5,19})"


@register
class WeChatId(Detector):
    """微信号. The shape alone is any word of letters (an English word, a product code): a column
    counts only under a WeChat header (微信号, wechat, wx …), and in text an ID counts only after
    a cue word (:data:`WECHAT_CUE`) — or as an old system ID, whose wxid_ prefix says what it is."""

    type = "wechat_id"
    cell_pattern = f"^{_WECHAT_ID}$"
    # (\b ends the ID at the first character that is no ASCII letter, digit or _: 微信mypd-1998联系)
    span_pattern = f"{WECHAT_CUE}{_WECHAT_ID}\\b|\\bwxid_[a-z0-9]{{6,24}}\\b"
    span_prefix = f"^{WECHAT_CUE}"
    span_cue_first = True
    # masked as the mask operator leaves it (w*****************q): at most a few characters each end
    masked_pattern = r"^[A-Za-z][A-Za-z0-9_-]{0,3}\*{3,}[A-Za-z0-9_-]{0,3}$"
    needs_hint = True
