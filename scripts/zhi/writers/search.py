"""The site's search index, made from the rendered HTML so that it holds exactly what readers see.

The browser side (theme/assets/zhi-search.js) finds every page whose text contains the query string.
Substring search needs no word segmentation, so a query finds the pages that contain it and only those —
which neither lunr (Material's search, it ORs the pieces of a segmented query) nor Pagefind (it re-splits
Chinese queries in the browser) did in trials. The index is one JSON file for now; a sharded n-gram index
for very large archives can replace it behind the same script.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path


class _ArticleText(HTMLParser):
    """Collects the text of <article class="md-content__inner"> and the first <h1>, skipping scripts, styles
    and SVG figures."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # depth inside the article, 0 = outside
        self.skip = 0
        self.parts: list[str] = []
        self.title = ""
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if self.depth:
            self.depth += 1 if tag not in _VOID else 0
            if tag in ("script", "style", "svg"):
                self.skip += 1
            if tag == "h1" and not self.title:
                self._in_h1 = True
            if tag in ("p", "li", "tr", "h1", "h2", "h3", "h4", "br", "td", "th", "div"):
                self.parts.append(" ")
        elif tag == "article" and "md-content__inner" in cls:
            self.depth = 1

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag in ("script", "style", "svg") and self.skip:
            self.skip -= 1
        if tag == "h1":
            self._in_h1 = False
        if tag not in _VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)
            if self._in_h1:
                self.title += data


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def page_text(html: str) -> tuple[str, str]:
    p = _ArticleText()
    p.feed(html)
    text = re.sub(r"\s+", " ", "".join(p.parts)).strip()
    return p.title.strip(), text


def build_index(site: Path, exclude: tuple[str, ...] = ("search/", "404.html")) -> str:
    pages = []
    for f in sorted(site.rglob("*.html")):
        rel = f.relative_to(site).as_posix()
        if rel.startswith(exclude) or rel in exclude:
            continue
        title, text = page_text(f.read_text(encoding="utf-8"))
        if not text:
            continue
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        pages.append({"u": url, "t": title or url, "x": text})
    return json.dumps({"pages": pages}, ensure_ascii=False, separators=(",", ":"))
