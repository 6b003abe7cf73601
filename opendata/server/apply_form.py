"""The application form of a 受限开放 dataset on the served portal: ``/apply/<name>``.

GET shows the form (no script, no external resource, every input labelled; the page language is
the server's, Chinese by default); POST records the application with the same function as
``opendata apply`` (:func:`opendata.delivery.apply`): signed, kept department-side in the private
store (the workspace's ``delivery/`` or ``$OPENDATA_HOME/delivery``, never the public site), audited
without the applicant's contact, identity or purpose. The answer is the application's id.

It is a public write endpoint, so each request is held to what a person filling a form sends:

- only a dataset the live catalogue lists as 受限开放 has a form (anything else, including a name
  that is not a plain catalogue name, is 404 — a name never becomes a path);
- the body is at most :data:`MAX_BODY` bytes of ``application/x-www-form-urlencoded``; every field
  has a length limit, control characters are refused, the contact must be an e-mail address or a
  telephone number, the period of use a date within the policy, the fields the dataset's own, the
  recipient key an X25519 public key in PEM (checked by the same loader as ``apply``);
- :class:`RateLimit` bounds submissions per client and in total in this process (the client's
  address is held in memory for the window only, never written);
- every value shown back is HTML-escaped; responses forbid framing, scripts and caching.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from html import escape
from typing import Any
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from .. import messages
from ..catalogs.metadata import extra
from ..errors import OpendataError
from .catalog_view import CatalogView

MAX_BODY = 16 * 1024
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{5,24}$")
#: (field, maximum characters, required)
TEXT_FIELDS = (("organisation", 120, True), ("contact", 200, True), ("identity", 200, False),
               ("purpose", 2000, True), ("until", 10, True), ("recipient_key", 1000, True))
HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'self'; form-action 'self'; "
                                      "frame-ancestors 'none'; base-uri 'none'",
           "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


class RateLimit:
    """At most ``per_client`` submissions per client and ``total`` in all per ``window`` seconds,
    in this process; the addresses seen are forgotten when their window passes."""

    def __init__(self, per_client: int = 5, total: int = 50, window: float = 3600.0) -> None:
        self.per_client, self.total, self.window = per_client, total, window
        self._lock = threading.Lock()
        self._all: deque[float] = deque()
        self._by: dict[str, deque[float]] = {}

    def allow(self, client: str) -> float:
        """0 if a submission from ``client`` may go ahead now (and counts it), else seconds to wait."""
        now = time.monotonic()
        with self._lock:
            while self._all and now - self._all[0] > self.window:
                self._all.popleft()
            for key in [k for k, q in self._by.items() if not q or now - q[-1] > self.window]:
                del self._by[key]
            mine = self._by.setdefault(client, deque())
            while mine and now - mine[0] > self.window:
                mine.popleft()
            if len(mine) >= self.per_client:
                return self.window - (now - mine[0])
            if len(self._all) >= self.total:
                return self.window - (now - self._all[0])
            mine.append(now)
            self._all.append(now)
            return 0.0


class ApplyForm:
    """GET and POST of ``/apply/<name>`` for the catalogue ``view`` (see the module)."""

    def __init__(self, view: CatalogView, lang: str, limit: RateLimit | None = None) -> None:
        self.view, self.lang = view, lang
        self.limit = limit or RateLimit()
        self._lock = threading.Lock()  # one application at a time: the store and the audit log
        self._known: dict[tuple[str, str], list[str]] = {}

    def t(self, key: str, **params: Any) -> str:
        return messages.t(key, lang=self.lang, **params)

    def _restricted(self, name: str) -> dict[str, Any] | None:
        if not _NAME.match(name):
            return None
        pkg = self.view.listing().by_name.get(name)
        if pkg is None or extra(pkg, "opendata_openness") != "restricted":
            return None
        return pkg

    def _fields(self, pkg: dict[str, Any]) -> list[str]:
        """The dataset's fields as its published descriptor lists them (read once per release)."""
        from ..delivery.application import catalogue_descriptor, dataset_fields

        key = (pkg["name"], extra(pkg, "opendata_release") or pkg.get("version") or "")
        if key not in self._known:
            _, descriptor = catalogue_descriptor(str(self.view.root), pkg["name"])
            several = len(descriptor.get("resources") or []) > 1
            self._known = {k: v for k, v in self._known.items() if k[0] != pkg["name"]}
            self._known[key] = [f"{r}.{f['name']}" if several else f["name"] for r, f in dataset_fields(descriptor)]
        return self._known[key]

    async def handle(self, request: Request) -> Response:
        name = request.path_params["name"]
        pkg = self._restricted(name)
        if pkg is None:
            return self._page(404, self.t("apply_form.no_such"), f"<p>{escape(self.t('apply_form.no_such'))}</p>")
        if request.method != "POST":
            return self._form(200, pkg, await run_in_threadpool(self._fields, pkg), {}, [])
        client = request.client.host if request.client else "?"
        wait = self.limit.allow(client)
        if wait:
            response = self._page(429, self.t("apply_form.too_many"), f"<p>{escape(self.t('apply_form.too_many'))}</p>")
            response.headers["Retry-After"] = str(int(wait) + 1)
            return response
        fields = await run_in_threadpool(self._fields, pkg)
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind != "application/x-www-form-urlencoded":
            return self._page(415, self.t("apply_form.bad_request"),
                              f"<p>{escape(self.t('apply_form.bad_request'))}</p>")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                return self._page(413, self.t("apply_form.too_large"),
                                  f"<p>{escape(self.t('apply_form.too_large', size=MAX_BODY // 1024))}</p>")
        try:
            pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=600)
        except (UnicodeDecodeError, ValueError):
            return self._page(400, self.t("apply_form.bad_request"),
                              f"<p>{escape(self.t('apply_form.bad_request'))}</p>")
        values, problems = self._validate(pairs, fields)
        if not problems:
            try:
                app_id = await run_in_threadpool(self._record, name, values)
            except OpendataError as exc:
                problems.append(("", exc.render(self.lang)))
            else:
                return self._done(pkg, app_id, request)
        return self._form(400, pkg, fields, values, problems)

    def _validate(self, pairs: list[tuple[str, str]], known: list[str]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        values: dict[str, Any] = {"fields": []}
        problems: list[tuple[str, str]] = []
        seen: set[str] = set()
        limits = {f: (n, req) for f, n, req in TEXT_FIELDS}
        for key, value in pairs:
            if key == "fields":
                if value not in known:
                    problems.append(("fields", self.t("apply_form.unknown_field")))
                elif value not in values["fields"]:
                    values["fields"].append(value)
            elif key in limits or key == "agree":
                if key in seen:
                    problems.append((key, self.t("apply_form.repeated")))
                seen.add(key)
                values[key] = value.replace("\r\n", "\n").strip()
        for key, (most, required) in limits.items():
            value = values.get(key, "")
            if required and not value:
                problems.append((key, self.t("apply_form.required")))
            elif len(value) > most:
                problems.append((key, self.t("apply_form.too_long", most=most)))
            elif _CONTROL.search(value) or ("\n" in value and key not in ("purpose", "recipient_key")):
                problems.append((key, self.t("apply_form.control")))
        contact = values.get("contact", "")
        if contact and not (_EMAIL.match(contact) or _PHONE.match(contact)):
            problems.append(("contact", self.t("apply_form.bad_contact")))
        key = values.get("recipient_key", "")
        if key and not key.startswith("-----BEGIN PUBLIC KEY-----"):
            problems.append(("recipient_key", self.t("apply_form.bad_key")))
        elif key:
            from ..delivery import keys as dkeys

            try:
                dkeys.load_recipient_public(key.encode("ascii", "replace"))
            except OpendataError:
                problems.append(("recipient_key", self.t("apply_form.bad_key")))
        if not values["fields"]:
            problems.append(("fields", self.t("apply_form.required")))
        if values.get("agree") != "yes":
            problems.append(("agree", self.t("apply_form.must_agree")))
        return values, problems

    def _record(self, name: str, values: dict[str, Any]) -> str:
        from ..delivery import apply

        with self._lock:
            app = apply(name, str(self.view.root), applicant=values["organisation"], contact=values["contact"],
                        identity=values.get("identity", ""), purpose=values["purpose"], until=values["until"],
                        recipient_key=values["recipient_key"].encode("ascii"), fields=values["fields"])
        return app.id

    # -- pages ----------------------------------------------------------------------------------
    def _page(self, status: int, title: str, body: str) -> Response:
        html = (f'<!doctype html>\n<html lang="{"zh-CN" if self.lang == "zh" else "en"}"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f'<title>{escape(title)}</title><link rel="stylesheet" href="../assets/style.css"></head>'
                f'<body><main id="main">{body}</main></body></html>')
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    def _form(self, status: int, pkg: dict[str, Any], fields: list[str], values: dict[str, Any],
              problems: list[tuple[str, str]]) -> Response:
        from ..delivery.application import terms_text

        t = self.t
        wrong = {k for k, _ in problems}

        def attrs(key: str) -> str:
            return f' aria-invalid="true" aria-describedby="problems"' if key in wrong else ""

        def text(key: str, kind: str = "text", extra_: str = "") -> str:
            return (f'<p><label for="{key}">{escape(t("apply_form." + key))}</label><br>'
                    f'<input id="{key}" name="{key}" type="{kind}" value="{escape(values.get(key, ""))}"{extra_}'
                    f'{attrs(key)}></p>')

        chosen = set(values.get("fields") or fields)
        boxes = "".join(
            f'<li><input type="checkbox" id="f{i}" name="fields" value="{escape(f)}"'
            f'{" checked" if f in chosen else ""}><label for="f{i}"><code>{escape(f)}</code></label></li>'
            for i, f in enumerate(fields))
        listed = "".join(f"<li>{escape(m)}</li>" for _, m in problems)
        head = (f'<div id="problems" class="notice" role="alert"><p>{escape(t("apply_form.problems"))}</p>'
                f'<ul>{listed}</ul></div>') if problems else ""
        body = f"""<p><a href="../datasets/{escape(pkg["name"])}/index.html">← {escape(pkg.get("title") or pkg["name"])}</a></p>
<h1>{escape(t("apply_form.title", title=pkg.get("title") or pkg["name"]))}</h1>
<p>{escape(t("apply_form.intro"))}</p>
{head}
<form method="post" action="{escape(pkg["name"])}" accept-charset="utf-8">
{text("organisation", extra_=' required maxlength="120" autocomplete="organization"')}
{text("contact", extra_=' required maxlength="200" autocomplete="email"')}
{text("identity", extra_=' maxlength="200"')}
<p><label for="purpose">{escape(t("apply_form.purpose"))}</label><br>
<textarea id="purpose" name="purpose" rows="4" cols="60" required maxlength="2000"{attrs("purpose")}>{escape(values.get("purpose", ""))}</textarea></p>
{text("until", "date", ' required')}
<fieldset{attrs("fields")}><legend>{escape(t("apply_form.fields"))}</legend><ul class="plain">{boxes}</ul></fieldset>
<p><label for="recipient_key">{escape(t("apply_form.recipient_key"))}</label><br>
<textarea id="recipient_key" name="recipient_key" rows="4" cols="66" required maxlength="1000"
 aria-describedby="key-help"{attrs("recipient_key")}>{escape(values.get("recipient_key", ""))}</textarea><br>
<small id="key-help">{escape(t("apply_form.key_help"))}</small></p>
<fieldset><legend>{escape(t("apply_form.terms"))}</legend><p>{escape(terms_text(self.lang))}</p>
<p><input type="checkbox" id="agree" name="agree" value="yes" required{attrs("agree")}>
<label for="agree">{escape(t("apply_form.agree"))}</label></p></fieldset>
<p><button type="submit">{escape(t("apply_form.submit"))}</button></p>
<p class="muted">{escape(t("apply_form.privacy"))}</p>
</form>"""
        return self._page(status, t("apply_form.title", title=pkg.get("title") or pkg["name"]), body)

    def _done(self, pkg: dict[str, Any], app_id: str, request: Request) -> Response:
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"application": app_id, "dataset": pkg["name"]}, status_code=201, headers=HEADERS)
        body = (f'<h1>{escape(self.t("apply_form.received_title"))}</h1>'
                f'<p>{escape(self.t("apply_form.received", id=app_id, dataset=pkg.get("title") or pkg["name"]))}</p>'
                f'<p><code id="application-id">{escape(app_id)}</code></p>'
                f'<p><a href="../datasets/{escape(pkg["name"])}/index.html">← {escape(pkg.get("title") or pkg["name"])}</a></p>')
        return self._page(201, self.t("apply_form.received_title"), body)

