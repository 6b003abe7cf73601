"""The portal's stylesheet and script (``assets/style.css``, ``assets/portal.js``): served from the
catalogue itself, no external CDN, font or tile server.

The script reads the prebuilt index (``search-index.js``) once and answers every search, facet,
sort and page change in the browser; it builds the list with DOM nodes and ``textContent`` only,
so no catalogue text is ever parsed as HTML. Without the script the page still lists the most
recently updated datasets and links the full list.
"""

STYLE = """
:root { --fg:#1d2733; --muted:#4f5b68; --line:#dde3ea; --accent:#0b5cad; --bg:#f6f8fa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin:0; font:15px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
       color:var(--fg); background:#fff; overflow-wrap:break-word; }
header.site { background:var(--accent); color:#fff; padding:16px 20px; }
header.site a { color:#fff; text-decoration:none; }
header.site .title { margin:0; font-size:21px; font-weight:600; }
.skip { position:absolute; left:-9999px; top:0; background:#fff; color:var(--accent); padding:8px 12px; z-index:10; }
.skip:focus { left:8px; top:8px; }
main { max-width:1120px; margin:0 auto; padding:18px 20px 48px; }
a { color:var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible,
[tabindex]:focus-visible { outline:3px solid #f5a623; outline-offset:2px; }
.muted { color:var(--muted); }
.visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
.search label { display:block; font-weight:600; margin-bottom:4px; }
input[type=search] { width:100%; max-width:100%; padding:9px 12px; font-size:16px; border:1px solid #8a96a3;
                     border-radius:6px; }
.layout { display:grid; grid-template-columns:250px minmax(0, 1fr); gap:28px; margin-top:16px; }
.filters summary { font-weight:600; font-size:17px; cursor:pointer; padding:4px 0; }
.filters fieldset { border:0; border-top:1px solid var(--line); margin:8px 0 0; padding:8px 0 0; min-width:0; }
.filters legend { font-weight:600; padding:0; }
.filters label { display:flex; gap:6px; align-items:flex-start; padding:3px 0; cursor:pointer; }
.filters input { margin-top:5px; flex:none; }
.filters .count { color:var(--muted); margin-left:auto; padding-left:6px; }
.toolbar { display:flex; flex-wrap:wrap; gap:8px 16px; align-items:center; justify-content:space-between;
           border-bottom:2px solid var(--line); padding-bottom:8px; }
.toolbar p { margin:0; font-weight:600; }
select, button { font:inherit; padding:5px 10px; border:1px solid #8a96a3; border-radius:6px; background:#fff; color:var(--fg); }
button { cursor:pointer; }
button:disabled { color:#9aa5b1; cursor:default; }
ul.datasets { list-style:none; padding:0; margin:0; }
ul.datasets li { border-bottom:1px solid var(--line); padding:14px 0; }
ul.datasets h3 { font-size:18px; margin:0 0 4px; }
ul.datasets p { margin:6px 0; }
.empty { background:var(--bg); border:1px solid var(--line); border-radius:6px; padding:14px; }
.pager { display:flex; gap:12px; align-items:center; justify-content:center; margin-top:18px; }
.tag { display:inline-block; background:var(--bg); border:1px solid var(--line); border-radius:4px;
       padding:0 6px; margin:2px 6px 2px 0; font-size:13px; }
table { border-collapse:collapse; width:100%; margin:8px 0 20px; }
th, td { border:1px solid var(--line); padding:6px 10px; text-align:left; vertical-align:top; }
th { background:var(--bg); font-weight:600; }
table.meta { table-layout:fixed; }
table.meta th { width:160px; }
table.meta td { overflow-wrap:anywhere; }
td.nowrap { white-space:nowrap; }
.scroll { overflow-x:auto; max-width:100%; margin:8px 0 20px; border:1px solid var(--line); }
.scroll table { margin:0; width:auto; min-width:100%; }
.scroll td, .scroll th { white-space:nowrap; overflow-wrap:normal; }
figure { margin:12px 0 24px; }
figure svg { width:100%; height:auto; max-width:720px; display:block; background:#fbfcfd; border:1px solid var(--line); }
figcaption { color:var(--muted); font-size:13px; }
.notice { background:#fff7e6; border:1px solid #f0c36d; border-radius:6px; padding:4px 14px; }
.usage { background:var(--bg); border:1px solid var(--line); border-radius:6px; padding:8px 14px; }
code { font-size:13px; }
pre { white-space:pre-wrap; overflow-wrap:anywhere; background:var(--bg); padding:8px; border-radius:6px; }
footer { color:var(--muted); font-size:13px; margin-top:32px; }
@media (max-width: 760px) {
  main { padding:12px 14px 40px; }
  .layout { grid-template-columns:minmax(0, 1fr); gap:8px; }
  table.meta th { width:34%; }
  table.stack thead { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display:block; width:100%; }
  table.stack tr { border:1px solid var(--line); border-radius:6px; margin-bottom:10px; padding:4px 0; }
  table.stack td { border:0; padding:3px 10px; overflow-wrap:anywhere; white-space:normal; }
  table.stack td:empty { display:none; }
  table.stack td::before { content:attr(data-label) "："; font-weight:600; color:var(--muted); }
}
"""

SCRIPT = r"""
(function () {
  'use strict';
  var root = document.getElementById('portal');
  if (root && window.OPENDATA_INDEX) { catalogue(root, window.OPENDATA_INDEX); }
  var usage = document.getElementById('usage');
  if (usage) { usageFigures(usage); }
  var applyOnline = document.querySelector('.apply-online');
  if (applyOnline && window.fetch && location.protocol !== 'file:') {
    fetch(applyOnline.querySelector('a').href, {method: 'HEAD'})
      .then(function (r) { if (r.ok) { applyOnline.hidden = false; } }).catch(function () {});
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function catalogue(root, index) {
    var t = root.dataset;
    var FACETS = ['organization', 'subject', 'openness', 'res_format', 'frequency'];
    var PAGE = parseInt(t.pageSize, 10) || 20;
    var docs = index.datasets, labels = index.labels;
    docs.forEach(function (d) {  // the same text opendata serve's package_search looks in
      d._h = [d.title, d.notes, d.keywords.join(' '), d.publisher || '', d.fields.join(' ')].join('\n').toLowerCase();
    });
    var q = document.getElementById('q'), sort = document.getElementById('sort');
    var list = document.getElementById('results'), count = document.getElementById('count');
    var empty = document.getElementById('empty'), pager = document.getElementById('pager');
    var prev = document.getElementById('prev'), next = document.getElementById('next');
    var info = document.getElementById('pageinfo'), facetBox = document.getElementById('facets');
    var clear = document.getElementById('clear');
    var state = {q: '', sort: 'updated', page: 1, sel: {}};
    FACETS.forEach(function (f) { state.sel[f] = []; });

    function readHash() {
      var p = new URLSearchParams(location.hash.slice(1));
      state.q = p.get('q') || '';
      state.sort = p.get('sort') === 'title' ? 'title' : 'updated';
      state.page = Math.max(1, parseInt(p.get('page'), 10) || 1);
      FACETS.forEach(function (f) { state.sel[f] = p.getAll(f); });
      q.value = state.q; sort.value = state.sort;
    }
    function writeHash() {
      var p = new URLSearchParams();
      if (state.q) { p.set('q', state.q); }
      if (state.sort !== 'updated') { p.set('sort', state.sort); }
      FACETS.forEach(function (f) { state.sel[f].forEach(function (v) { p.append(f, v); }); });
      if (state.page > 1) { p.set('page', state.page); }
      var hash = p.toString();
      history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    }
    function values(d, f) { var v = d[f]; return Array.isArray(v) ? v : (v ? [v] : []); }
    function matchesText(d, terms) {
      for (var i = 0; i < terms.length; i++) { if (d._h.indexOf(terms[i]) < 0) { return false; } }
      return true;
    }
    function matchesFacets(d, except) {
      for (var i = 0; i < FACETS.length; i++) {
        var f = FACETS[i], chosen = state.sel[f];
        if (f === except || !chosen.length) { continue; }
        var held = values(d, f), ok = false;
        for (var j = 0; j < chosen.length && !ok; j++) { ok = held.indexOf(chosen[j]) >= 0; }
        if (!ok) { return false; }
      }
      return true;
    }
    function render() {
      var terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
      var textHits = docs.filter(function (d) { return matchesText(d, terms); });
      var hits = textHits.filter(function (d) { return matchesFacets(d, null); });
      hits.sort(state.sort === 'title'
        ? function (a, b) { return a.title.localeCompare(b.title, 'zh-CN'); }
        : function (a, b) { return a.modified < b.modified ? 1 : a.modified > b.modified ? -1
                                   : a.title.localeCompare(b.title, 'zh-CN'); });
      var pages = Math.max(1, Math.ceil(hits.length / PAGE));
      if (state.page > pages) { state.page = pages; }
      count.textContent = fill(t.found, {count: hits.length});
      empty.hidden = hits.length > 0;
      clear.hidden = !state.q && FACETS.every(function (f) { return !state.sel[f].length; });
      list.replaceChildren.apply(list, hits.slice((state.page - 1) * PAGE, state.page * PAGE).map(item));
      pager.hidden = pages < 2;
      info.textContent = fill(t.page, {page: state.page, pages: pages});
      prev.disabled = state.page <= 1; next.disabled = state.page >= pages;
      renderFacets(textHits);
      writeHash();
    }
    function item(d) {
      var li = el('li'), h = el('h3'), a = el('a', {href: 'datasets/' + encodeURIComponent(d.name) + '/index.html'}, d.title);
      h.appendChild(a); li.appendChild(h);
      var org = (labels.organization || {})[d.organization] || d.organization;
      li.appendChild(el('div', {'class': 'muted'}, org + ' · ' + t.modified + ' ' + d.modified));
      var first = (d.notes || '').split('\n')[0];
      li.appendChild(el('p', {}, first.length > 200 ? first.slice(0, 199) + '…' : first));
      var tags = el('div');
      ['subject', 'openness', 'frequency'].forEach(function (f) {
        if (d[f]) { tags.appendChild(el('span', {'class': 'tag'}, (labels[f] || {})[d[f]] || d[f])); }
      });
      d.res_format.forEach(function (v) { tags.appendChild(el('span', {'class': 'tag'}, v)); });
      li.appendChild(tags);
      return li;
    }
    function renderFacets(textHits) {
      var active = document.activeElement;
      var focused = active && active.type === 'checkbox' && facetBox.contains(active)
        ? [active.name, active.value] : null;
      FACETS.forEach(function (f) {
        var box = facetBox.querySelector('[data-facet="' + f + '"] .options');
        if (!box) { return; }
        var counts = {};
        textHits.forEach(function (d) {
          if (matchesFacets(d, f)) { values(d, f).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; }); }
        });
        state.sel[f].forEach(function (v) { if (!(v in counts)) { counts[v] = 0; } });
        var names = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); });
        box.replaceChildren.apply(box, names.map(function (v) {
          var label = el('label'), input = el('input', {type: 'checkbox', name: f, value: v});
          input.checked = state.sel[f].indexOf(v) >= 0;
          label.appendChild(input);
          label.appendChild(el('span', {}, (labels[f] || {})[v] || v));
          label.appendChild(el('span', {'class': 'count'}, String(counts[v])));
          return label;
        }));
      });
      if (focused) {  // re-rendering must not lose a keyboard user's place
        facetBox.querySelectorAll('input').forEach(function (input) {
          if (input.name === focused[0] && input.value === focused[1]) { input.focus(); }
        });
      }
    }
    facetBox.addEventListener('change', function (e) {
      var input = e.target;
      if (input.type !== 'checkbox') { return; }
      var chosen = state.sel[input.name];
      var at = chosen.indexOf(input.value);
      if (input.checked && at < 0) { chosen.push(input.value); }
      if (!input.checked && at >= 0) { chosen.splice(at, 1); }
      state.page = 1; render();
    });
    q.addEventListener('input', function () { state.q = q.value.trim(); state.page = 1; render(); });
    document.getElementById('search-form').addEventListener('submit', function (e) { e.preventDefault(); });
    sort.addEventListener('change', function () { state.sort = sort.value; state.page = 1; render(); });
    prev.addEventListener('click', function () { state.page -= 1; render(); count.focus(); });
    next.addEventListener('click', function () { state.page += 1; render(); count.focus(); });
    clear.addEventListener('click', function () {
      state.q = ''; q.value = ''; FACETS.forEach(function (f) { state.sel[f] = []; }); state.page = 1; render();
      q.focus();
    });
    var filters = document.getElementById('filters');
    if (filters && window.matchMedia && window.matchMedia('(max-width: 760px)').matches) { filters.open = false; }
    window.addEventListener('hashchange', function () { readHash(); render(); });  // a link to a selection
    root.classList.add('live');
    readHash();
    render();
  }

  function usageFigures(box) {
    var url = box.dataset.api + '?id=' + encodeURIComponent(box.dataset.name);
    if (!window.fetch || location.protocol === 'file:') { return; }
    fetch(url, {headers: {Accept: 'application/json'}}).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (!body || !body.success) { return; }
        box.querySelector('.figures').textContent = fill(box.dataset.text, body.result);
      }).catch(function () {});
  }
})();
"""
