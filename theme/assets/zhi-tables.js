/* zhi tables on a narrow screen: a table wider than the page scrolls sideways in its own frame (Material's
   .md-typeset__scrollwrap, or a frame of zhi's where the renderer made none), and a frame that really does
   scroll says so (“可左右滑动查看”, as the lineage diagram does; zhi.css prints it). A table or diagram that fits
   gets no hint. The page itself never scrolls sideways. Without scripts the tables still scroll, unmarked. */
(function () {
  "use strict";
  var WIDE = "zhi-wide";

  function frames(wrap) {
    var out = [];
    document.querySelectorAll(".md-typeset table").forEach(function (t) {
      var f = t.closest(".md-typeset__scrollwrap, .zhi-table-frame");
      if (!f && wrap) {  // no wrapper once every script has run: one of zhi's, so the table scrolls in it
        f = document.createElement("div");
        f.className = "zhi-table-frame";
        t.parentNode.insertBefore(f, t);
        f.appendChild(t);
      }
      if (f) out.push(f);
    });
    document.querySelectorAll(".zhi-diagram, .zhi-chart").forEach(function (f) { out.push(f); });
    return out;
  }

  function mark(wrap) {
    frames(wrap === true).forEach(function (f) {
      var wide = f.scrollWidth > f.clientWidth + 1;
      if (f.classList.contains(WIDE) !== wide) f.classList.toggle(WIDE, wide);
    });
  }

  function start() {
    mark();
    var t = null;
    window.addEventListener("resize", function () { clearTimeout(t); t = setTimeout(mark, 100); });
    // Material wraps the tables by its own script, which may run after this one: mark again once it has, and
    // give a table no script wrapped a frame of zhi's own
    setTimeout(mark, 0);
    window.addEventListener("load", function () { mark(true); });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () { setTimeout(mark, 0); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
