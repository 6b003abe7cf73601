#!/usr/bin/env python3
"""A Solr STAND-IN for the development CKAN started by scripts/ckan-dev — TEST SUPPORT ONLY.

No reachable package registry has Apache Solr, and CKAN cannot create organizations or datasets
without a search index. This small in-memory server answers exactly the calls CKAN 2.11 makes:

- ``GET  /solr/<core>/schema?wt=schema.xml`` and ``/admin/file/?file=schema.xml`` — the schema
  version CKAN checks at start (root element ``name="ckan-2.11"``);
- ``POST /solr/<core>/update`` — pysolr's XML ``<add>``, ``<delete>`` (by id or query) and
  ``<commit/>``, or JSON documents;
- ``GET|POST /solr/<core>/select`` — ``q`` (``*:*``, ``field:value`` or words), ``fq`` clauses
  (``+field:value``, ``+field:"quoted"``, ``+field:(a OR b)``, ``-field:value``), ``rows``,
  ``start``, ``fl``, ``sort`` by one field, and empty facet counts.

It is not a search engine: no ranking, stemming or analysis. opendata itself never relies on
search (it uses ``package_list`` and ``package_show``); production CKANs keep their Solr.

    python scripts/solr_standin.py --port 8983
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

SCHEMA = '<?xml version="1.0" encoding="UTF-8"?>\n<schema name="ckan-2.11" version="1.6"></schema>\n'
_CLAUSE = re.compile(r'([+-]?)([\w.]+):(\((?:[^()"]|"[^"]*")*\)|"(?:[^"\\]|\\.)*"|[^\s()]+)')


class Index:
    """Documents by id, guarded by a lock (the server is threaded)."""

    def __init__(self) -> None:
        self.docs: dict[str, dict[str, Any]] = {}
        self.lock = threading.Lock()

    def add(self, docs: list[dict[str, Any]]) -> None:
        with self.lock:
            for doc in docs:
                key = str(doc.get("id") or doc.get("index_id") or len(self.docs))
                self.docs[key] = doc

    def delete(self, ids: list[str], queries: list[str]) -> None:
        with self.lock:
            for key in ids:
                self.docs.pop(key, None)
            for query in queries:
                for key in [k for k, d in self.docs.items() if matches_query(d, query)]:
                    del self.docs[key]

    def select(self, params: dict[str, list[str]]) -> dict[str, Any]:
        q = (params.get("q") or ["*:*"])[0]
        fqs = params.get("fq") or []
        with self.lock:
            found = [d for d in self.docs.values() if matches_query(d, q) and all(matches_filter(d, f) for f in fqs)]
        sort = (params.get("sort") or [""])[0].split(",")[0].strip().split()
        if sort and sort[0] not in ("score",):
            reverse = len(sort) > 1 and sort[1] == "desc"
            found.sort(key=lambda d: str(_first(d.get(sort[0]))), reverse=reverse)
        start = int((params.get("start") or ["0"])[0])
        rows = int((params.get("rows") or ["10"])[0])
        fl = [f for f in re.split(r"[\s,]+", (params.get("fl") or ["*"])[0]) if f and f != "score"]
        page = found[start:start + rows]
        if fl and "*" not in fl:
            page = [{k: d[k] for k in fl if k in d} for d in page]
        facets = {f: [] for f in params.get("facet.field", [])}
        return {"responseHeader": {"status": 0, "QTime": 0},
                "response": {"numFound": len(found), "start": start, "docs": page},
                "facet_counts": {"facet_queries": {}, "facet_fields": facets, "facet_ranges": {}}}


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _values(doc: dict[str, Any], field: str) -> list[str]:
    value = doc.get(field)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _unquote(value: str) -> str:
    return value[1:-1].replace('\\"', '"') if value.startswith('"') and value.endswith('"') else value.replace("\\", "")


def _term_matches(doc: dict[str, Any], field: str, term: str) -> bool:
    if term.startswith("(") and term.endswith(")"):
        options = [_unquote(t) for t in re.findall(r'"(?:[^"\\]|\\.)*"|[^\s()]+', term[1:-1]) if t != "OR"]
        return any(_term_matches(doc, field, f'"{o}"') for o in options)
    value = _unquote(term)
    if value == "*":
        return bool(_values(doc, field))
    if field == "text":
        return value.lower() in json.dumps(doc, ensure_ascii=False).lower()
    return value in _values(doc, field)


def matches_filter(doc: dict[str, Any], fq: str) -> bool:
    """All ``+``/plain clauses of a filter query hold, and no ``-`` clause does."""
    for sign, field, term in _CLAUSE.findall(fq):
        hit = _term_matches(doc, field, term)
        if (sign == "-" and hit) or (sign != "-" and not hit):
            return False
    return True


def matches_query(doc: dict[str, Any], q: str) -> bool:
    q = q.strip()
    if q in ("", "*:*", "*"):
        return True
    if _CLAUSE.fullmatch(q) or _CLAUSE.search(q):
        return matches_filter(doc, q)
    text = json.dumps(doc, ensure_ascii=False).lower()
    return all(word.lower() in text for word in q.split())


def parse_update(body: bytes, content_type: str) -> tuple[list[dict], list[str], list[str]]:
    """(docs to add, ids to delete, delete queries) from an XML or JSON update request."""
    if "json" in content_type or body.lstrip()[:1] in (b"[", b"{"):
        data = json.loads(body or b"[]")
        if isinstance(data, list):
            return data, [], []
        docs = [data["add"]["doc"]] if "add" in data else []
        delete = data.get("delete") or {}
        return docs, [delete["id"]] if "id" in delete else [], [delete["query"]] if "query" in delete else []
    root = ET.fromstring(body or b"<commit/>")
    docs, ids, queries = [], [], []
    elements = [root] if root.tag in ("add", "delete", "commit", "optimize") else list(root)
    for element in elements:
        if element.tag == "add":
            for doc in element.findall("doc"):
                record: dict[str, Any] = {}
                for f in doc.findall("field"):
                    name, value = f.get("name"), f.text or ""
                    if name in record:
                        record[name] = (record[name] if isinstance(record[name], list) else [record[name]]) + [value]
                    else:
                        record[name] = value
                docs.append(record)
        elif element.tag == "delete":
            ids += [e.text or "" for e in element.findall("id")]
            queries += [e.text or "" for e in element.findall("query")]
    return docs, ids, queries


def handler_for(index: Index) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet: CKAN polls often
            pass

        def _reply(self, status: int, body: str, content_type: str = "application/json") -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _params(self) -> dict[str, list[str]]:
            url = urlparse(self.path)
            params = parse_qs(url.query, keep_blank_values=True)
            if self.command == "POST" and "form-urlencoded" in (self.headers.get("Content-Type") or ""):
                length = int(self.headers.get("Content-Length") or 0)
                for key, values in parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            return params

        def _route(self) -> None:
            path = urlparse(self.path).path.rstrip("/")
            if path.endswith("/schema") or path.endswith("/admin/file"):
                self._reply(200, SCHEMA, "application/xml")
            elif path.endswith("/select"):
                self._reply(200, json.dumps(index.select(self._params()), ensure_ascii=False))
            elif path.endswith("/update"):
                length = int(self.headers.get("Content-Length") or 0)
                docs, ids, queries = parse_update(self.rfile.read(length), self.headers.get("Content-Type") or "")
                index.add(docs)
                index.delete(ids, queries)
                self._reply(200, json.dumps({"responseHeader": {"status": 0, "QTime": 0}}))
            elif path.endswith("/admin/ping"):
                self._reply(200, json.dumps({"status": "OK"}))
            else:
                self._reply(404, json.dumps({"error": {"msg": f"not served by the stand-in: {path}"}}))

        do_GET = _route
        do_POST = _route

    return Handler


def main() -> int:
    parser = argparse.ArgumentParser(description="Solr stand-in for the development CKAN (test support only)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8983)
    args = parser.parse_args()
    server = ThreadingHTTPServer((args.host, args.port), handler_for(Index()))
    server.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
