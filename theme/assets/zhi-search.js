/* zhi search: exact substring search over a build-time index of page texts.
   Every page that contains the query string is found, and only those (no segmentation guesswork).
   The index is fetched from this site only; nothing leaves the machine. */
(function () {
  "use strict";
  var box = document.getElementById("zhi-search-input");
  if (!box) return;
  var status = document.getElementById("zhi-search-status");
  var list = document.getElementById("zhi-search-results");
  var base = new URL("../", window.location.href);
  var index = null;

  function load() {
    if (index) return Promise.resolve(index);
    return fetch(new URL("search/zhi-index.json", base)).then(function (r) { return r.json(); })
      .then(function (data) { index = data.pages; return index; });
  }
  function norm(s) { return s.replace(/[\s\u3000]+/g, "").replace(/[（(]/g, "（").replace(/[）)]/g, "）")
      .replace(/[\[［【]/g, "〔").replace(/[\]］】]/g, "〕"); }
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }

  function search(q) {
    q = norm(q.trim());
    list.innerHTML = "";
    if (q.length < 1) { status.textContent = "输入两个字以上即可检索。"; return; }
    load().then(function (pages) {
      var hits = [];
      pages.forEach(function (p) {
        var text = norm(p.x), title = norm(p.t);
        var count = 0, at = text.indexOf(q), first = at;
        while (at >= 0) { count++; at = text.indexOf(q, at + q.length); }
        var inTitle = title.indexOf(q) >= 0;
        if (count || inTitle) hits.push({p: p, n: count + (inTitle ? 100 : 0), first: first, text: text});
      });
      hits.sort(function (a, b) { return b.n - a.n || a.p.t.localeCompare(b.p.t, "zh"); });
      status.textContent = hits.length ? "找到 " + hits.length + " 页含“" + q + "”。" : "没有找到含“" + q + "”的页面。";
      hits.slice(0, 200).forEach(function (h) {
        var li = document.createElement("li");
        var snippet = "";
        if (h.first >= 0) {
          var s = Math.max(0, h.first - 30), e = Math.min(h.text.length, h.first + q.length + 50);
          snippet = (s > 0 ? "…" : "") + esc(h.text.slice(s, h.first)) + "<mark>" + esc(q) + "</mark>" +
            esc(h.text.slice(h.first + q.length, e)) + (e < h.text.length ? "…" : "");
        }
        li.innerHTML = '<a href="' + new URL(h.p.u, base).href + '">' + esc(h.p.t) + "</a><br><small>" + snippet + "</small>";
        list.appendChild(li);
      });
    }).catch(function () { status.textContent = "检索索引读取失败。"; });
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
