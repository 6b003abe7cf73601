"""The portal in a real headless browser (Debian's chromium through chromium-driver): search and facets
narrow the list and the count follows, paging, a dataset page with preview, chart, map, downloads
and usage figures, keyboard use, and a 375 px phone layout without horizontal scrolling."""

from __future__ import annotations

import csv
import json
import io
import re
import urllib.request

import pytest

import opendata as od
from browser import chromium
from conftest import approved, publish_examples
from portal_data import expected_hits, synthetic_docs, write_portal
from serving import serving


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    work = tmp_path_factory.mktemp("approved")
    catalog = od.LocalCatalog(site)
    publish_examples(catalog, work)
    with serving(site) as base:
        yield base, site


@pytest.fixture(scope="module")
def desktop():
    with chromium(1280, 900) as driver:
        yield driver


def _visible_titles(driver) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll('#results li h3')].filter(e => e.offsetParent).map(e => e.textContent)")


def _text(driver, css: str) -> str:
    """The text of the first element matching ``css``, found again if the page's script redrew the
    list between finding the element and reading it (a stale element)."""
    from selenium.common.exceptions import StaleElementReferenceException

    for _ in range(9):
        try:
            return driver.find_element("css selector", css).text
        except StaleElementReferenceException:
            continue
    return driver.find_element("css selector", css).text


def _get_styled(driver, url: str) -> None:
    """Open ``url`` and make sure its stylesheet applies before anything is measured: on a machine
    under heavy load a page was once measured unstyled (its tables at their natural width, 480 px)."""
    import time

    for _ in range(5):
        driver.get(url)
        if driver.execute_script("return getComputedStyle(document.querySelector('main')).maxWidth") == "1120px":
            return
        time.sleep(1)
    pytest.fail(f"the stylesheet of {url} did not apply")


def _count(driver) -> int:
    text = driver.find_element("id", "count").text
    return int(re.search(r"\d+", text).group())


def _type(driver, text: str) -> None:
    box = driver.find_element("id", "q")
    box.clear()
    if text:
        box.send_keys(text)
    else:
        driver.execute_script("arguments[0].dispatchEvent(new Event('input'))", box)


def _facet(driver, key: str, value: str):
    return driver.find_element("css selector", f'#facets input[name="{key}"][value="{value}"]')


def _choose(driver, key: str, value: str) -> None:
    """Click a facet's checkbox as a person would, once it is scrolled into view."""
    box = _facet(driver, key, value)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()


def _facet_count(driver, key: str, value: str) -> int:
    return int(driver.execute_script("return arguments[0].closest('label').querySelector('.count').textContent",
                                      _facet(driver, key, value)))


def test_search_and_facets_narrow_the_list_and_the_count_follows(served, desktop):
    base, _ = served
    d = desktop
    d.get(base + "/")
    assert _count(d) == 5 and len(_visible_titles(d)) == 5
    _type(d, "公交")
    assert _visible_titles(d) == ["示范市公交线路与站点"] and _count(d) == 1
    assert _facet_count(d, "subject", "transport") == 1  # facet counts follow the search too
    _type(d, "相对湿度")  # a field title only
    assert _visible_titles(d) == ["示范市逐小时气象观测"] and _count(d) == 1
    _type(d, "没有这个数据集")
    assert _count(d) == 0 and _visible_titles(d) == []
    empty = d.find_element("id", "empty")
    assert empty.is_displayed() and "没有找到" in empty.text
    d.find_element("id", "clear").click()
    assert _count(d) == 5 and d.find_element("id", "q").get_attribute("value") == ""
    assert not d.find_element("id", "clear").is_displayed()  # nothing left to clear
    assert not d.find_element("id", "empty").is_displayed()

    _choose(d, "subject", "weather")
    assert _visible_titles(d) == ["示范市逐小时气象观测"] and _count(d) == 1
    assert _facet_count(d, "subject", "health") == 1  # other values of the same facet: what choosing them adds
    assert _facet_count(d, "frequency", "daily") == 1 and not d.find_elements(
        "css selector", '#facets input[name="frequency"][value="yearly"]')  # other facets: within the selection
    _choose(d, "subject", "health")  # one facet's values are alternatives
    assert _count(d) == 2
    assert "subject=weather" in d.current_url and "subject=health" in d.current_url  # shareable state
    d.get(d.current_url)  # a shared link opens the same selection
    d.refresh()
    assert _count(d) == 2 and _facet(d, "subject", "health").is_selected()


def test_sort_and_paging_over_5000_synthetic_datasets(tmp_path, desktop):
    docs = synthetic_docs(5000)
    page = write_portal(tmp_path / "portal", docs)
    d = desktop
    d.get(page.as_uri())  # opened from disk: the index is a script, not a fetch
    assert _count(d) == 5000 and len(_visible_titles(d)) == 20
    assert d.find_element("id", "pageinfo").text == "第 1 / 250 页"
    first = _visible_titles(d)
    newest = sorted(docs, key=lambda x: x["modified"], reverse=True)[0]["modified"]
    assert newest in _text(d, "#results li .muted")
    d.find_element("id", "next").click()
    assert d.find_element("id", "pageinfo").text == "第 2 / 250 页" and not set(first) & set(_visible_titles(d))

    _type(d, "公交站点 滨江")
    expected = expected_hits(docs, "公交站点 滨江")
    assert _count(d) == len(expected) > 20 and d.find_element("id", "pageinfo").text.startswith("第 1 /")
    _choose(d, "openness", "restricted")
    expected = expected_hits(docs, "公交站点 滨江", openness=["restricted"])
    assert _count(d) == len(expected) > 0
    shown = d.execute_script("return [...document.querySelectorAll('#results li h3 a')].map(a => a.getAttribute('href'))")
    assert {h.split("/")[1] for h in shown} <= set(expected)

    d.find_element("id", "clear").click()
    d.find_element("css selector", "#sort option[value=title]").click()
    titles = _visible_titles(d)
    assert titles == sorted(titles, key=lambda t: titles.index(t)) and len(titles) == 20
    ordered = d.execute_script(
        "return [...document.querySelectorAll('#results li h3')].map(e => e.textContent)"
        ".every((t, i, a) => i === 0 || a[i - 1].localeCompare(t, 'zh-CN') <= 0)")
    assert ordered


def test_dataset_page_shows_preview_chart_map_downloads_and_usage(served, desktop):
    base, site = served
    d = desktop
    urllib.request.urlopen(f"{base}/datasets/demo-weather-observations/data/observations.csv", timeout=10).read()
    d.get(base + "/datasets/demo-weather-observations/index.html")
    rows = d.find_elements("css selector", "table.preview tbody tr")
    assert len(rows) == 20
    published = (site / "datasets/demo-weather-observations/data/observations.csv").read_text("utf-8-sig")
    first = next(row for i, row in enumerate(csv.reader(io.StringIO(published))) if i == 1)
    assert [c.text for c in rows[0].find_elements("css selector", "td")] == first  # the published text
    chart = d.find_element("css selector", "figure.chart svg polyline")
    assert len(chart.get_attribute("points").split()) > 10
    assert "气温" in d.find_element("css selector", "figure.chart figcaption").text
    links = d.find_elements("css selector", "table.stack a[download]")
    assert {a.get_attribute("href").rsplit("/", 1)[-1] for a in links} >= {"observations.csv", "observations.parquet"}
    status = d.execute_script(
        "const r = await fetch(arguments[0]); return r.status", links[0].get_attribute("href"))
    assert status == 200
    usage = d.find_element("css selector", "#usage .figures")
    assert re.search(r"下载 [1-9]\d* 次", usage.text), usage.text  # filled in from the API
    licence = d.find_element("css selector", "a[rel=license]")
    assert licence.get_attribute("href").startswith("https://creativecommons.org/")
    assert d.find_elements("css selector", 'a[href^="mailto:"]')
    types = d.execute_script("return [...document.querySelectorAll('table.stack td[data-label=\"类型\"]')]"
                             ".map(e => e.textContent)")
    assert "日期时间" in types and "数值" in types and not {"string", "number", "datetime"} & set(types)

    d.get(base + "/datasets/demo-bus-routes-stops/index.html")
    dots = d.find_elements("css selector", "figure.map svg circle")
    assert len(dots) == 404
    assert not d.execute_script(
        "return [...document.querySelectorAll('img, script[src], link[href]')]"
        ".map(e => e.src || e.href).filter(u => u && !u.startsWith(location.origin) && !u.startsWith('data:'))")


def test_keyboard_and_labels(served, desktop):
    base, _ = served
    d = desktop
    d.get(base + "/")
    unlabelled = d.execute_script(
        "return [...document.querySelectorAll('input, select')].filter(e => !e.labels.length"
        " && !e.getAttribute('aria-label')).map(e => e.outerHTML)")
    assert unlabelled == []
    assert d.execute_script("return document.querySelectorAll('h1').length") == 1
    from selenium.webdriver.common.keys import Keys

    body = d.find_element("tag name", "body")
    body.send_keys(Keys.TAB)
    assert d.switch_to.active_element.get_attribute("class") == "skip"  # the first stop: skip to content
    for _ in range(6):
        if d.switch_to.active_element.get_attribute("id") == "q":
            break
        d.switch_to.active_element.send_keys(Keys.TAB)
    assert d.switch_to.active_element.get_attribute("id") == "q"
    d.switch_to.active_element.send_keys("学校")
    assert _count(d) == 1
    box = _facet(d, "openness", "unconditional")
    box.send_keys(Keys.SPACE)  # a checkbox is toggled from the keyboard ...
    assert _facet(d, "openness", "unconditional").is_selected()  # (the list was drawn anew with the counts)
    assert d.switch_to.active_element.get_attribute("value") == "unconditional"  # ... and keeps the focus


@pytest.mark.parametrize("path", ["/", "/datasets/demo-weather-observations/index.html",
                                  "/datasets/demo-bus-routes-stops/index.html",
                                  "/datasets/demo-enterprise-registrations/index.html"])
def test_375px_phone_layout_has_no_horizontal_scroll(served, path):
    base, _ = served
    with chromium(375, 800) as d:
        _get_styled(d, base + path)
        measure = ("return [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth,"
                   " [...document.querySelectorAll('body *')].map(e => [Math.round(e.getBoundingClientRect().right),"
                   " e.tagName + '.' + e.className]).sort((a, b) => b[0] - a[0]).slice(0, 3)]")
        widths = d.execute_script(measure)
        if not (widths[2] == 375 and max(widths[:2]) <= 375):  # (once on a loaded machine: 480 px; measured again)
            import time

            time.sleep(2)
            widths = d.execute_script(measure)
        assert widths[2] == 375 and max(widths[:2]) <= 375, widths  # (… and the widest elements, to say why)
        if path == "/":
            d.find_element("css selector", "#filters summary").click()  # the filters, opened, fit too
            assert d.execute_script("return document.documentElement.scrollWidth") <= 375


def test_a_link_to_a_selection_opens_it_and_a_new_hash_is_followed(served, desktop):
    base, _ = served
    d = desktop
    d.get(base + "/#subject=health&subject=weather")
    assert _count(d) == 2
    d.get(base + "/#q=zzzz")  # only the hash changes: no reload, the page follows it
    assert _count(d) == 0 and d.find_element("id", "empty").is_displayed()


def test_markup_in_catalogue_text_is_shown_as_text_never_run(tmp_path, desktop):
    """A title, description, keyword and field title holding markup: shown literally by the static
    page, the script's list and the dataset page; no script of theirs runs."""
    from conftest import make_package

    hostile = '<img src=x onerror="window.pwned=1">'
    fields = [{"name": "id", "type": "integer", "title": hostile}, {"name": "v", "type": "number"}]
    directory = make_package(tmp_path / "pkg", fields, "id,v\n1,2\n2,3\n", name="hostile-text",
                             description='</script><script>window.pwned=2</script>说明',
                             keywords=["<b>kw</b>"])
    descriptor = json.loads((directory / "datapackage.json").read_text("utf-8"))
    descriptor["title"] = "测试" + hostile
    (directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), "utf-8")
    site = tmp_path / "site"
    od.publish(approved(directory, tmp_path / "approved"), od.LocalCatalog(site))
    d = desktop
    d.get((site / "index.html").as_uri())
    assert hostile in _text(d, "#results li h3")
    _type(d, "onerror")  # the script draws the list from the index
    assert _count(d) == 1 and hostile in _visible_titles(d)[0]
    d.get((site / "datasets/hostile-text/index.html").as_uri())
    assert hostile in d.find_element("tag name", "h1").text
    assert d.execute_script("return window.pwned") is None
    assert not d.find_elements("css selector", "img[src=x]")
