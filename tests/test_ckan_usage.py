"""opendata stats against CKAN answers a real CKAN does not give (broken or hostile servers).

The normal path — a real CKAN 2.11 with its tracking plugin, and one without — is tested in
tests/test_ckan.py (test_stats_reads_views_and_downloads_from_ckans_own_tracking,
test_stats_of_a_ckan_without_tracking_is_a_finding_not_zeros); here a small loopback server answers
the three actions opendata reads with what a broken site might send."""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from opendata.errors import CatalogError
from opendata.server.ckan_usage import ckan_figures


@contextmanager
def answering(results, *, count=None, extensions=("tracking",)):
    calls = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            action = self.path.rsplit("/", 1)[1]
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
            calls.append((action, body))
            if action == "status_show":
                result = {"ckan_version": "2.11.6", "extensions": list(extensions)}
            elif action == "package_search":
                result = {"count": len(results) if count is None else count, "results": results}
            else:
                result = next(p for p in results if p["name"] == body["id"])
            data = json.dumps({"success": True, "result": result}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", calls
    finally:
        server.shutdown()


def _pkg(name, total=0, recent=0, resources=()):
    return {"name": name, "title": name, "tracking_summary": {"total": total, "recent": recent},
            "resources": [{"id": f"{name}-{i}", "name": "r", "tracking_summary": {"total": t, "recent": t}}
                          for i, t in enumerate(resources)]}


@pytest.mark.parametrize("bad", [-1, "7", 1.5, True, {"x": 1}, [3]])
def test_a_count_that_is_not_a_non_negative_integer_is_refused_naming_the_dataset(bad):
    with answering([_pkg("good", 2, 1, [1]), _pkg("odd", bad, 0)]) as (url, _):
        with pytest.raises(CatalogError) as info:
            ckan_figures(url)
    assert info.value.code == "stats.bad_figures" and info.value.params["name"] == "odd"


def test_a_bad_resource_count_or_summary_shape_is_refused_too():
    broken = _pkg("broken", 1, 1, [1])
    broken["resources"][0]["tracking_summary"] = {"total": -5}
    with answering([broken]) as (url, _), pytest.raises(CatalogError) as info:
        ckan_figures(url)
    assert info.value.code == "stats.bad_figures"
    shaped = _pkg("shaped")
    shaped["tracking_summary"] = "lots"
    with answering([shaped]) as (url, _), pytest.raises(CatalogError) as info:
        ckan_figures(url)
    assert info.value.code == "stats.bad_figures"


def test_a_server_claiming_endless_results_is_read_once_not_looped():
    with answering([_pkg("a", 1, 1, [2]), _pkg("b", 3, 0)], count=10**9) as (url, calls):
        data = ckan_figures(url)
    assert [d["name"] for d in data["datasets"]] == ["a", "b"]
    assert [c[0] for c in calls].count("package_search") == 2  # the repeat ends the listing
    assert data["total"] == {"views": 4, "recent_views": 1, "downloads": 2, "recent_downloads": 2, "api_calls": None}


def test_a_dataset_twice_in_a_page_counts_once_and_the_listing_goes_on():
    with answering([_pkg("a", 1), _pkg("a", 1), _pkg("b", 2), _pkg("c", 3)]) as (url, _):
        data = ckan_figures(url)
    assert [d["name"] for d in data["datasets"]] == ["a", "b", "c"] and data["total"]["views"] == 6


def test_without_the_plugin_and_without_summaries_it_is_the_no_tracking_finding():
    plain = {"name": "plain", "title": "plain", "resources": []}
    with answering([plain], extensions=("activity",)) as (url, calls), pytest.raises(CatalogError) as info:
        ckan_figures(url)
    assert info.value.code == "stats.no_tracking"
    assert ("package_show", {"id": "plain", "include_tracking": True}) in calls  # asked the 2.10 way too
    with answering([], extensions=("activity",)) as (url, _), pytest.raises(CatalogError) as info:
        ckan_figures(url)  # no datasets yet: still a finding, not an empty report
    assert info.value.code == "stats.no_tracking"


def test_the_text_report_says_when_ckan_has_summed_nothing_yet():
    from opendata import messages
    from opendata.server.stats import report

    messages.set_language("en")
    with answering([_pkg("quiet")]) as (url, _):
        quiet = report(url)
    with answering([_pkg("busy", 4, 1, [2])]) as (url, _):
        busy = report(url)
    assert "no figures yet" in quiet and "ckan tracking update" in quiet
    assert "no figures yet" not in busy and "What CKAN counts" in busy
    row = next(line for line in busy.splitlines() if "(busy)" in line)
    assert [c.strip() for c in row.strip("│ ").split("│")][1:] == ["4", "2", "1", "2"]
