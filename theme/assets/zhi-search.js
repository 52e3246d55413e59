/* zhi search: exact substring search over a sharded n-gram index made at build time
   (scripts/zhi/writers/search.py describes the files). A query loads the manifest, one posting shard per
   gram, and for the results on screen their titles and a snippet; nothing else, whatever the site's size.
   Every page that contains the query string is found; a page whose snippet text shows it does not contain
   the string is dropped. Everything is fetched from this site; nothing leaves the machine. */
(function () {
  "use strict";
  var PER_SCREEN = 20, TAIL_GRAMS = 3;
  var root = null, manifest = null, starts = null, ends = null;
  var cache = {};

  function siteRoot() {
    if (root) return root;
    var s = document.querySelector('script[src*="assets/zhi-search.js"]');
    root = s ? new URL("../", s.src) : new URL("../", window.location.href);
    return root;
  }
  /* Opened from a folder (a disc or a USB stick), a browser will not fetch files: the portable copy
     (zhi build --offline) carries each file of the index also as a script that hands it to zhiSearchData. */
  var LOCAL = window.location.protocol === "file:", waiting = {};
  window.zhiSearchData = function (path, data) {
    var w = waiting[path];
    if (w) { delete waiting[path]; w(data); }
  };
  function script(path) {
    return new Promise(function (resolve, reject) {
      waiting[path] = resolve;
      var s = document.createElement("script");
      s.src = new URL("search/" + path + ".js", siteRoot()).href;
      s.onerror = function () { delete waiting[path]; reject(new Error(path)); };
      s.onload = function () { s.remove(); };
      document.head.appendChild(s);
    });
  }
  function get(path, kind) {
    if (!cache[path]) {
      cache[path] = LOCAL ? script(path) : fetch(new URL("search/" + path, siteRoot())).then(function (r) {
        if (!r.ok) throw new Error(path);
        return kind === "text" ? r.text() : r.json();
      });
    }
    return cache[path];
  }
  function varints(b64) {
    var bin = atob(b64), out = [], v = 0, shift = 0, prev = 0;
    for (var i = 0; i < bin.length; i++) {
      var c = bin.charCodeAt(i);
      v |= (c & 0x7f) << shift;
      if (c & 0x80) { shift += 7; continue; }
      prev += v; out.push(prev); v = 0; shift = 0;
    }
    return out;
  }
  function loadManifest() {
    if (manifest) return Promise.resolve(manifest);
    return get("index.json").then(function (m) {
      manifest = m; starts = varints(m.starts);
      ends = m.ends ? varints(m.ends) : starts.slice(1);  // a page's ids may run past its segments (search.py ROOM)
      return m;
    });
  }
  /* The normal form of text and queries, as scripts/zhi/writers/search.py's norm: no spaces, brackets unified,
     a 文号's year and number standard ((84)第07号 → 〔1984〕7号; a two-digit year by the years of the issuer's
     documents, manifest.yy, as search.py's century). normMap also gives, for each character of the normal form,
     where it starts and ends in s, to mark a hit in the text as written. */
  var DOCNO = /[〔(（\[【［](?:(\d{4})[〕)）\]】］](?:第?0*(\d+))?|(\d{2})[〕)）\]】］]第?0*(\d+))/g;
  var BRACKET = {"(": "（", ")": "）", "[": "〔", "［": "〔", "【": "〔", "]": "〕", "］": "〕", "】": "〕"};
  var CODE_BEFORE = 12;
  function century(before, yy, other) {  // other: the century search.py would not choose (tried when none is known)
    var a = 1900 + yy, b = 2000 + yy, years = (manifest && manifest.yy) || {}, cps = Array.from(before);
    for (var k = Math.min(CODE_BEFORE, cps.length); k > 0; k--) {
      var ys = years[cps.slice(cps.length - k).join("")];
      if (ys && ys.length) {
        var ha = ys.indexOf(a) >= 0, hb = ys.indexOf(b) >= 0;
        if (ha !== hb) return ha ? a : b;
        var da = Math.min.apply(null, ys.map(function (x) { return Math.abs(a - x); }));
        var db = Math.min.apply(null, ys.map(function (x) { return Math.abs(b - x); }));
        return db < da ? b : a;
      }
    }
    return other ? b : a;
  }
  function normMap(s, other) {
    var bare = "", at = [];
    for (var i = 0; i < s.length; i++) if (!/[\s\u3000]/.test(s[i])) { bare += s[i]; at.push(i); }
    var out = "", from = [], to = [], last = 0, m;
    function plain(a, b) {
      for (var k = a; k < b; k++) { out += BRACKET[bare[k]] || bare[k]; from.push(at[k]); to.push(at[k] + 1); }
    }
    DOCNO.lastIndex = 0;
    while ((m = DOCNO.exec(bare))) {
      plain(last, m.index);
      var year = m[1] || century(bare.slice(Math.max(0, m.index - CODE_BEFORE), m.index), +m[3], other);
      var rep = "〔" + year + "〕" + ((m[1] ? m[2] : m[4]) || "");
      var a = at[m.index], b = at[m.index + m[0].length - 1] + 1;
      for (var r = 0; r < rep.length; r++) { out += rep[r]; from.push(a); to.push(b); }
      last = m.index + m[0].length;
    }
    plain(last, bare.length);
    return {s: out, from: from, to: to};
  }
  function norm(s) { return normMap(s).s; }
  function normQuery(q, other) {  // a query may end in the start of a 文号: 临府(49)
    var n = normMap(q, other).s;
    return n.replace(/（(\d{2})）第?$/, function (all, y, at) { return "〔" + century(n.slice(0, at), +y, other) + "〕"; });
  }
  /* The query's normal form once the manifest (the issuers' years) is read; a two-digit year of an issuer the
     archive has no document of is tried in both centuries: 19yy first, 20yy when 19yy finds nothing. */
  function forms(raw) {
    return loadManifest().then(function () {
      var q = normQuery(raw), alt = normQuery(raw, true);
      return alt === q ? [q] : [q, alt];
    });
  }
  function firstFound(qs) {  // [q, candidates] of the first form that finds a page
    return candidates(qs[0]).then(function (cs) {
      return cs.length || qs.length < 2 ? [qs[0], cs] : firstFound(qs.slice(1));
    });
  }
  function find(q, t) {  // where q (normal form) is in the text t as written: {at, len} or null
    var n = normMap(t), k = n.s.indexOf(q);
    if (k < 0) return null;
    var e = k + q.length - 1;
    return {at: n.from[k], len: n.to[e] - n.from[k]};
  }
  function head(t, n) {  // the part of t whose normal form has n characters
    for (var i = 0, seen = 0; i < t.length; i++) {
      if (!/[\s\u3000]/.test(t[i])) { if (seen === n) return t.slice(0, i); seen++; }
    }
    return t;
  }
  function hash(gram) {
    var h = 0, cps = Array.from(gram);
    for (var i = 0; i < cps.length; i++) h = (Math.imul(h, 31) + cps[i].codePointAt(0)) >>> 0;
    return h;
  }
  function pageOf(seg) {  // the page whose segments include seg (binary search in starts)
    var lo = 0, hi = starts.length - 2;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= seg) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  /* The candidate pages for q, best first: [{id, inTitle, segs: [segment ids of the body]}]. */
  function candidates(q) {
    return loadManifest().then(function (m) {
      var cps = Array.from(q), n = cps.length === 2 ? 2 : 3, head = Math.min(cps.length, m.overlap + 1);
      var offsets = [];  // the grams of the head (it lies whole inside one segment), and a few of the rest
      for (var i = 0; i + n <= head; i++) offsets.push(i);
      for (var t = 1; t <= TAIL_GRAMS && head < cps.length; t++) {
        var o = head - n + Math.round(t * (cps.length - head) / TAIL_GRAMS);
        if (offsets.indexOf(o) < 0) offsets.push(o);
      }
      var headCount = Math.max(1, head - n + 1);
      // the pages q is the name or 文号 of (one small file, looked up by the whole query)
      var owners = m.k ? get("k/" + (hash(q) % m.k) + ".json").then(function (shard) { return shard[q] || []; })
        : Promise.resolve([]);
      return Promise.all(offsets.map(function (o) {
        var g = cps.slice(o, o + n).join("");
        return get("g" + n + "/" + (hash(g) % m["g" + n]) + ".json").then(function (shard) {
          return shard[g] ? varints(shard[g]) : [];
        });
      }).concat([owners])).then(function (lists) {
        var own = lists.pop();
        // segments holding the head; then only pages that hold the rest of the query's grams too
        var segs = lists.slice(0, headCount).sort(function (a, b) { return a.length - b.length; }).reduce(intersect);
        lists.slice(headCount).forEach(function (l) {
          var pages = {};
          l.forEach(function (s) { pages[pageOf(s)] = true; });
          segs = segs.filter(function (s) { return pages[pageOf(s)]; });
        });
        var byPage = {}, order = [];
        segs.forEach(function (s) {
          var p = pageOf(s);
          if (!byPage[p]) { byPage[p] = {id: p, inTitle: false, segs: []}; order.push(byPage[p]); }
          if (s === starts[p]) byPage[p].inTitle = true; else byPage[p].segs.push(s);
        });
        own.forEach(function (p) {
          if (!byPage[p]) { byPage[p] = {id: p, inTitle: false, segs: []}; order.push(byPage[p]); }
          byPage[p].own = true;
        });
        order.sort(function (a, b) {
          return ((b.own || false) - (a.own || false)) || (b.inTitle - a.inTitle) ||
            (b.segs.length - a.segs.length) || (a.id - b.id);
        });
        return order;
      });
    });
  }
  function pageMeta(id) {
    return loadManifest().then(function (m) {
      return get("p/" + Math.floor(id / m.block) + ".json").then(function (b) {
        var e = b[id % m.block];
        var href = new URL(e[0], siteRoot()).href;
        if (LOCAL && /\/$/.test(href)) href += "index.html";  // a folder opens as a listing from a disc
        return {url: href, path: e[0], title: e[1]};
      });
    });
  }
  /* Title and snippet of one candidate; null when its text shows it does not hold q. */
  function describe(q, c) {
    return pageMeta(c.id).then(function (meta) {
      // a page found by its title, or as the page of what q names (a body's name, a document's 文号)
      var inTitle = c.own || norm(meta.title).indexOf(q) >= 0;
      var first = starts[c.id] + 1, last = ends[c.id] - 1;
      function text(seg) { return get("s/" + seg + ".txt", "text"); }
      function around(seg) {  // a long query starting in seg may run on into the next segment
        return text(seg).then(function (t) {
          if (norm(t).indexOf(q) >= 0 || Array.from(q).length <= manifest.overlap + 1) return t;
          var ids = [seg, seg + 1].filter(function (k) { return k >= first && k <= last; });
          return Promise.all(ids.map(text)).then(function (ts) {
            return ts.map(function (t, i) { return i < ts.length - 1 ? head(t, manifest.seg) : t; }).join("");
          });
        });
      }
      function from(k) {  // the first segment that really holds q (the others were false hits)
        if (k >= c.segs.length) return inTitle ? {meta: meta, text: "", at: -1, len: 0} : null;
        return around(c.segs[k]).then(function (text) {
          var m = find(q, text);
          return m ? {meta: meta, text: text, at: m.at, len: m.len} : from(k + 1);
        });
      }
      return from(0);
    });
  }

  /* All pages containing q (used by the tests and by anyone scripting the site): URLs relative to the root. */
  function query(raw) {
    return forms(raw).then(firstFound).then(function (qc) {
      var q = qc[0], cs = qc[1], found = [];
      function batch(k) {  // a few dozen requests at a time, not thousands at once
        if (k >= cs.length) return found;
        return Promise.all(cs.slice(k, k + 50).map(function (c) { return describe(q, c); })).then(function (ds) {
          ds.forEach(function (d) { if (d) found.push(d.meta.path); });
          return batch(k + 50);
        });
      }
      return batch(0);
    });
  }
  window.zhiSearch = {query: query, norm: normQuery};

  var box = document.getElementById("zhi-search-input");
  if (!box) return;
  var status = document.getElementById("zhi-search-status");
  var list = document.getElementById("zhi-search-results");
  var more = document.getElementById("zhi-search-more");
  var current = 0;

  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }
  function item(q, d) {
    var li = document.createElement("li"), snippet = "";
    if (d.at >= 0) {
      var s = Math.max(0, d.at - 30), e = Math.min(d.text.length, d.at + d.len + 50);
      snippet = (s > 0 ? "…" : "") + esc(d.text.slice(s, d.at)) + "<mark>" + esc(d.text.slice(d.at, d.at + d.len)) +
        "</mark>" + esc(d.text.slice(d.at + d.len, e)) + (e < d.text.length ? "…" : "");
    }
    li.innerHTML = '<a href="' + esc(d.meta.url) + '">' + esc(d.meta.title) + "</a><br><small>" + snippet + "</small>";
    return li;
  }
  function search(raw) {
    var run = ++current;
    list.innerHTML = "";
    if (more) more.hidden = true;
    if (Array.from(normQuery(raw.trim())).length < 2) { status.textContent = "输入两个字以上即可检索。"; return; }
    status.textContent = "正在检索……";
    forms(raw.trim()).then(firstFound).then(function (qc) {
      var q = qc[0], cs = qc[1], shown = 0, dropped = 0;
      function screen() {
        var batch = cs.slice(shown, shown + PER_SCREEN);
        shown += batch.length;
        return Promise.all(batch.map(function (c) { return describe(q, c); })).then(function (ds) {
          if (run !== current) return;
          ds.forEach(function (d) { if (d) list.appendChild(item(q, d)); else dropped++; });
          var total = cs.length - dropped;
          status.textContent = total ? "找到 " + total + " 页含“" + q + "”" + (shown < cs.length ? "，已列出 " +
            list.children.length + " 页。" : "。") : "没有找到含“" + q + "”的页面。";
          if (more) more.hidden = shown >= cs.length;
        });
      }
      if (more) more.onclick = function () { screen(); };
      return screen();
    }).catch(function () { if (run === current) status.textContent = "检索索引读取失败。"; });
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { box.value = params.get("q"); search(box.value); }
  var timer = null;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var u = new URL(window.location.href); u.searchParams.set("q", box.value);
      history.replaceState(null, "", u); search(box.value);
    }, 200);
  });
})();
