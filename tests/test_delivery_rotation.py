"""Re-delivery of a grant after the department rotated its data key (``opendata keys rotate``).

The designed behaviour: a grant is not bound to a data key. A delivery made after a rotation is
marked under the new active key (other pseudonyms, other mask variants, other canaries — the
recipient cannot link the two copies row by row through the tokens); the audit record says which
key, and ``trace`` tests every (grant, key) the log holds, so both copies name the same recipient
as long as the department keeps the retired key (rotation keeps it; without it that copy cannot be
traced, and ``trace`` says nobody rather than guessing).
"""

from __future__ import annotations

import datetime as dt

import pytest

import opendata.delivery as dl
from delivery_data import publish_restricted, read_rows as _rows, write_leak as _leak, write_source
from opendata.trust import audit, keys

NAME = "demo-subsidy-recipients"
REVIEWER = "轮换审核员"


@pytest.fixture
def own_home(tmp_path, monkeypatch):
    """A home of its own: rotating the session's data key would change every other test's marks."""
    monkeypatch.setenv("OPENDATA_HOME", str(tmp_path / "home"))
    keys.init_data_keys()
    keys.create_signing_key(REVIEWER)
    return tmp_path


def test_a_grant_delivered_before_and_after_a_rotation_is_traced_to_its_recipient_both_times(own_home, run):
    base = own_home
    source = write_source(base / "source", count=300)
    publish_restricted(source, base / "published", base / "site", REVIEWER)
    recipients = {}
    for who in ("甲研究院", "乙大学"):
        dl.create_recipient(base / who / "k")
        app = dl.apply(NAME, str(base / "site"), applicant=who, contact="x@example.org", purpose="研究",
                       until=(dt.date.today() + dt.timedelta(days=30)).isoformat(),
                       recipient_key=base / who / "k" / "recipient.pub")
        recipients[who] = dl.grant(app, dl.review(app, treatments={"phone": "mask"}), reviewer=REVIEWER,
                                   out=base / who / "grant.json")
    grant = recipients["甲研究院"]
    before = keys.data_key().id
    dl.deliver(base / "甲研究院" / "grant.json", source, base / "before")
    dl.deliver(base / "乙大学" / "grant.json", source, base / "other")
    assert run("keys", "rotate").code == 0
    after = keys.data_key().id
    assert after != before
    dl.deliver(base / "甲研究院" / "grant.json", source, base / "after")  # the same grant, again
    delivered = [(r["grant"], r["data_key"]) for r in audit.central().records() if r.get("action") == "deliver"]
    assert (grant["id"], before) in delivered and (grant["id"], after) in delivered
    key = base / "甲研究院" / "k" / "recipient.key"
    dl.receive(base / "before", key, base / "plain-before")
    dl.receive(base / "after", key, base / "plain-after")
    old = _rows(base / "plain-before" / "data" / "recipients.csv")
    new = _rows(base / "plain-after" / "data" / "recipients.csv")
    assert not {r["id_number"] for r in old} & {r["id_number"] for r in new}  # other marks under the new key
    for copy in ("plain-before", "plain-after"):
        rows = _rows(base / copy / "data" / "recipients.csv")
        for columns in (["id_number", "district"], ["case_id", "district", "amount"]):  # marks, canaries alone
            result = dl.trace(_leak(rows, columns, base / "leak.csv"), record=False)
            assert [c.grant for c in result.named] == [grant["id"]], (copy, columns)
            assert result.named[0].organisation == "甲研究院"
    # the retired key is what lets the old copy be traced: without it, nobody is named, never someone else
    import json

    ring_path = keys.keys_dir() / "data-keys.json"
    ring = json.loads(ring_path.read_text("utf-8"))
    ring["keys"] = [k for k in ring["keys"] if k["id"] != before]
    ring_path.write_text(json.dumps(ring), encoding="utf-8")
    result = dl.trace(_leak(old, ["id_number", "district"], base / "leak.csv"), record=False)
    assert result.named == []
