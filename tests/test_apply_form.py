"""The application form of a 受限开放 dataset on ``opendata serve``, over HTTP against a real uvicorn
server: it records exactly what ``opendata apply`` records, and holds as a public write endpoint."""

from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import opendata.delivery as dl
from conftest import REVIEWER
from delivery_data import publish_restricted, write_source
from opendata.delivery import store
from opendata.trust import audit
from serving import serving

NAME = "demo-subsidy-recipients"
CONTACT = "li.formuser@example.edu"
IDENTITY = "李表单 副研究员"
PURPOSE = "评估补助政策覆盖面的研究（表单提交）"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("apply-form")
    source = write_source(base / "source", count=60)
    publish_restricted(source, base / "published", base / "site", REVIEWER)
    dl.create_recipient(base / "k")
    return base


@pytest.fixture(scope="module")
def server(site):
    with serving(site / "site", "--apply-limit", "100") as base:
        yield base


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _post(url: str, pairs: list[tuple[str, str]] | bytes, *, kind: str = "application/x-www-form-urlencoded",
          accept: str = "text/html") -> tuple[int, str, dict]:
    data = pairs if isinstance(pairs, bytes) else urllib.parse.urlencode(pairs).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": kind, "Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, r.read().decode("utf-8"), dict(r.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8"), dict(exc.headers)


def _form(site: Path, **change: str) -> list[tuple[str, str]]:
    values = {"organisation": "示范大学公共政策学院", "contact": CONTACT, "identity": IDENTITY, "purpose": PURPOSE,
              "until": (dt.date.today() + dt.timedelta(days=60)).isoformat(),
              "recipient_key": (site / "k" / "recipient.pub").read_text("utf-8"), "agree": "yes"}
    values.update(change)
    return [(k, v) for k, v in values.items()] + [("fields", "case_id"), ("fields", "district"),
                                                  ("fields", "amount")]


def test_the_form_is_shown_labelled_with_no_outside_resource_chinese_by_default(server, site):
    status, html = _get(f"{server}/apply/{NAME}")  # the helper serves with --lang en
    assert status == 200 and "Organisation" in html
    from opendata.server.apply_form import ApplyForm
    from opendata.server.catalog_view import CatalogView

    view = CatalogView(site / "site")
    chinese = ApplyForm(view, "zh")._form(200, view.listing().by_name[NAME], ["case_id"], {}, []).body.decode()
    assert '<html lang="zh-CN">' in chinese and "申请单位" in chinese and "数据使用协议" in chinese
    for key in ("organisation", "contact", "identity", "purpose", "until", "recipient_key", "agree"):
        assert f'<label for="{key}">' in html and f'id="{key}"' in html
    assert "http://" not in html.replace(server, "") and "https://" not in html and "<script" not in html
    page = (site / "site" / "datasets" / NAME / "index.html").read_text("utf-8")
    assert f'href="../../apply/{NAME}"' in page and 'class="apply-online" hidden' in page  # revealed when served


def test_a_submitted_form_is_recorded_as_opendata_apply_records_it(server, site, run):
    status, body, headers = _post(f"{server}/apply/{NAME}", _form(site), accept="application/json")
    assert status == 201, body
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    app_id = json.loads(body)["application"]
    record = store.load("app", app_id)
    assert record["applicant"] == {"organisation": "示范大学公共政策学院", "contact": CONTACT, "identity": IDENTITY}
    assert record["purpose"] == PURPOSE and [f["field"] for f in record["fields"]] == ["case_id", "district", "amount"]
    assert (store.home() / "applications" / f"{app_id}.json").stat().st_mode & 0o077 == 0
    for path in (site / "site").rglob("*"):  # nothing of the applicant in the public site
        if path.is_file():
            data = path.read_bytes()
            assert CONTACT.encode() not in data and IDENTITY.encode() not in data and app_id.encode() not in data
    log = audit.central().path.read_text("utf-8")
    assert app_id in log and CONTACT not in log and IDENTITY not in log and PURPOSE not in log
    # the department carries on exactly as after `opendata apply`
    (site / "app.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    r = run("grant", site / "app.json", "--reviewer", REVIEWER, "--yes", "--out", site / "grant.json")
    assert r.code == 0, r.err


def test_bad_input_is_refused_with_a_finding_and_never_echoed_as_html(server, site):
    attack = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    status, html, _ = _post(f"{server}/apply/{NAME}", _form(site, organisation=attack, contact="not a contact"))
    assert status == 400
    assert "<script>alert" not in html and "<img src=x" not in html and "&lt;script&gt;" in html
    assert 'aria-invalid="true"' in html and 'role="alert"' in html
    for change in ({"recipient_key": "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA" + "A" * 43 + "=\n-----END PUBLIC KEY-----\n"},
                   {"until": "2999-01-01"}, {"agree": ""}, {"organisation": "x" * 121},
                   {"organisation": "甲\x00乙"}, {"purpose": ""}):
        status, html, _ = _post(f"{server}/apply/{NAME}", _form(site, **change))
        assert status == 400, change
    status, _, _ = _post(f"{server}/apply/{NAME}", _form(site) + [("fields", "no_such_field")])
    assert status == 400


def test_only_restricted_datasets_by_plain_names_have_a_form(server):
    for name in ("no-such-dataset", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "Demo-Subsidy", "a" * 200):
        status, _ = _get(f"{server}/apply/{name}")
        assert status == 404, name


def test_oversized_or_other_bodies_are_refused_and_submissions_are_rate_limited(site):
    with serving(site / "site", "--apply-limit", "2") as base:
        url = f"{base}/apply/{NAME}"
        status, _, _ = _post(url, b"organisation=" + b"x" * 20000)
        assert status == 413
        status, _, _ = _post(url, b'{"organisation": "x"}', kind="application/json")
        assert status == 415
        status, _, headers = _post(url, _form(site))
        assert status == 429 and int(headers["retry-after"]) > 0  # the third submission within the hour
        status, _ = _get(url)
        assert status == 200  # reading the form is not limited


def test_in_a_browser_the_served_page_links_to_the_form_and_a_filled_form_is_recorded(server, site):
    """The static page's hidden link appears only where the server answers the form; a person fills
    it in and gets the application's id (headless Chromium)."""
    import time

    from browser import chromium

    with chromium(1100, 900) as driver:
        driver.get((site / "site" / "datasets" / NAME / "index.html").as_uri())  # a static copy: no form
        time.sleep(0.5)
        assert not driver.find_element("css selector", ".apply-online").is_displayed()
        driver.get(f"{server}/datasets/{NAME}/index.html")
        deadline = time.time() + 10
        while not driver.find_element("css selector", ".apply-online").is_displayed():
            assert time.time() < deadline, "the link to the form did not appear"
            time.sleep(0.1)
        driver.find_element("css selector", ".apply-online a").click()
        while not driver.find_elements("id", "organisation"):  # the form's page is still loading
            assert time.time() < deadline + 30, "the form did not load"
            time.sleep(0.1)
        values = dict(_form(site))
        for key in ("organisation", "contact", "identity", "purpose", "recipient_key"):
            driver.find_element("id", key).send_keys(values[key])
        driver.execute_script("document.getElementById('until').value = arguments[0]", values["until"])
        driver.find_element("id", "agree").click()
        driver.find_element("css selector", "button[type=submit]").click()
        app_id = driver.find_element("id", "application-id").text
    record = store.load("app", app_id)
    assert record["applicant"]["contact"] == CONTACT and record["dataset"] == NAME
    assert len(record["fields"]) == 6  # every field is ticked unless the applicant unticks some
