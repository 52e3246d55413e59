"""The site's search index: an n-gram index, cut into shards that the browser loads on demand.

The index is made from the rendered HTML, so it holds exactly what readers see. The browser side
(theme/assets/zhi-search.js) finds the pages whose text contains the query string. Substring search needs
no word segmentation; lunr (Material's search) ORs the pieces of a segmented query and Pagefind re-splits
Chinese queries in the browser, so both missed pages in trials. No library builds a sharded substring
index for a static site, so this one is written here.

Layout of ``search/`` in the built site:

* ``index.json``: the manifest — shard counts, segment size, and where each page's segments start and end.
* ``g2/N.json`` and ``g3/N.json``: posting lists of every bigram and trigram, hashed into shards. A posting
  list names the *segments* that contain the gram, delta-coded as base64 varints.
* ``p/N.json``: page URLs and titles, ``BLOCK`` pages per file.
* ``s/N.txt``: the text of segment N (with its spaces), fetched to check and show a displayed result.

A page's segments are numbered within a block of ids whose size is its number of segments rounded up to a
multiple of ``ROOM``: an edit that changes one page's text by less than that leaves every other page's
segment ids, and so their ``s/N.txt`` files, as they were (a rebuild writes, and the leak scan reads, only the
changed page's), and the numbers depend on the pages alone, so a rebuild's index is a cold build's.

Each page's text is normalised (no whitespace; brackets unified, as the browser normalises the query)
and cut into segments of ``SEG`` characters, overlapping by ``OVERLAP`` so that a query of up to
``OVERLAP + 1`` characters lies whole inside some segment. Segment 0 of each page is its title. A query of
two characters is answered by one bigram list: exactly. A longer query intersects the lists of all its
trigrams within one segment: every page containing it is found; a page is a false hit only if all the
trigrams occur in one segment but never in a row, which the browser then rules out on the snippet text.
A query of one bigram or a few trigrams loads one shard per gram, whatever the size of the site.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..workdir import write_if_changed

SEG = 600           # characters per segment
OVERLAP = 6         # queries of up to 7 characters never straddle two segments
BLOCK = 8           # pages per file of URLs and titles
SHARD_BYTES = 12_000  # aim for posting shards of about this size
ROOM = 4            # a page's segment ids are a block of a multiple of this many (see ``write_index``)
VERSION = 5  # 4: the manifest carries the years of each issuer's documents (yy); 5: where each page's segments end
SUBDIRS = ("g2", "g3", "k", "p", "s")

# the order of results after title matches: bodies first, aggregate pages (chronology, indexes) last
_PRIORITY = ("jigou/", "zhi/", "wenjian/", "renwu/")


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
    start = html.find('<article class="md-content__inner')
    if start >= 0:  # parse only the article: the rest of a page is navigation, several times its size
        end = html.find("</article>", start)
        html = html[start:] if end < 0 else html[start:end + len("</article>")]
    p = _ArticleText()
    p.feed(html)
    text = re.sub(r"\s+", " ", "".join(p.parts)).strip()
    return p.title.strip(), text


_SPACE = re.compile(r"[\s\u3000]+")
_BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "〔", "［": "〔", "【": "〔", "]": "〕", "］": "〕", "】": "〕"})
# the year and number of a 文号 however written: (1984)7号 [1984]7号 （84）第07号 → 〔1984〕7号. A four-digit year
# in any brackets is a year; a two-digit one only with a number after it; 第 and leading zeros of the number go
_DOCNO = re.compile(r"[〔(（\[【［](?:(\d{4})[〕)）\]】］](?:第?0*(\d+))?|(\d{2})[〕)）\]】］]第?0*(\d+))")
_CODE_BEFORE = 12  # how far before the bracket an issuer's code (临编, 某某府办) may start


def century(before: str, yy: int, years: Mapping[str, list[int]] | None) -> int:
    """The full year of a two-digit year written after ``before`` (the text before the bracket, whose end is the
    issuer's code), by the archive's documents of that issuer: the one of 19yy, 20yy it has documents of, else
    the one nearer to its documents' years; 19yy when the issuer has none (as zhi.docno reads an undated one)."""
    a, b = 1900 + yy, 2000 + yy
    if years:
        for k in range(min(_CODE_BEFORE, len(before)), 0, -1):
            ys = years.get(before[-k:])
            if ys:
                if (a in ys) != (b in ys):
                    return a if a in ys else b
                return min((a, b), key=lambda y: (min(abs(y - x) for x in ys), y))
    return a


def issuer_years(numbers: list[str]) -> dict[str, list[int]]:
    """The years of each issuer's documents (issuer code → sorted years), from their normalised 文号."""
    from ..docno import parse_docno

    out: dict[str, set[int]] = {}
    for n in numbers:
        d = parse_docno(n)
        if d is not None and len(d.code) <= _CODE_BEFORE:
            out.setdefault(d.code, set()).add(d.year)
    return {k: sorted(v) for k, v in sorted(out.items())}


_DOCNO_TAIL = re.compile(r"（(\d{2})）第?$")


def norm_query(q: str, years: Mapping[str, list[int]] | None = None) -> str:
    """A query's normal form: as ``norm``, and a two-digit year in brackets that ends the query (临府(49), the
    start of a 文号) read as the 文号's year, as it is in the text."""
    n = norm(q, years)
    return _DOCNO_TAIL.sub(lambda m: f"〔{century(n[:m.start()], int(m.group(1)), years)}〕", n)


def norm(s: str, years: Mapping[str, list[int]] | None = None) -> str:
    """The normal form of page text and queries (the browser's ``norm`` in zhi-search.js does the same): no
    spaces, brackets unified, every 文号's year and number in the standard form, so that a 文号 typed in any
    common spelling finds the pages that print it in any other. ``years`` (issuer_years) completes a two-digit
    year by the archive's documents of the issuer."""
    bare = _SPACE.sub("", s)

    def docno(m: re.Match) -> str:
        if m.group(1):
            return f"〔{m.group(1)}〕{m.group(2) or ''}"
        return f"〔{century(bare[max(0, m.start() - _CODE_BEFORE):m.start()], int(m.group(3)), years)}〕{m.group(4)}"
    return _DOCNO.sub(docno, bare).translate(_BRACKETS)


def gram_hash(gram: str) -> int:
    """31-multiplicative hash over code points, modulo 2**32 (the browser computes the same)."""
    h = 0
    for ch in gram:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return h


def _varints(ids: list[int]) -> str:
    out = bytearray()
    prev = 0
    for v in ids:
        d = v - prev
        prev = v
        while d >= 0x80:
            out.append((d & 0x7F) | 0x80)
            d >>= 7
        out.append(d)
    return base64.b64encode(bytes(out)).decode("ascii")


@dataclass
class PageText:
    url: str
    title: str
    text: str
    keys: tuple[str, ...] = ()  # what the page is the page *of* (a body's names, a document's 文号)


@dataclass
class IndexStats:
    pages: int
    segments: int
    shards2: int
    shards3: int
    bytes: int


def collect(site: Path, cache: dict | None = None,
            exclude: tuple[str, ...] = ("search/", "404.html")) -> list[PageText]:
    """The text of every page. ``cache`` (relative path → ((size, mtime_ns), PageText)) spares re-reading
    pages that did not change since the last build; it is updated in place."""
    pages = []
    seen = set()
    for f in sorted(site.rglob("*.html")):
        rel = f.relative_to(site).as_posix()
        if rel.startswith(exclude) or rel in exclude:
            continue
        seen.add(rel)
        st = f.stat()
        stamp = (st.st_size, st.st_mtime_ns)
        hit = cache.get(rel) if cache is not None else None
        if hit and hit[0] == stamp:
            page = hit[1]
        else:
            title, text = page_text(f.read_text(encoding="utf-8"))
            url = rel.removesuffix("index.html")
            page = PageText(url, title or url, text)
            if cache is not None:
                cache[rel] = (stamp, page)
        if page.text:
            pages.append(page)
    if cache is not None:
        for rel in set(cache) - seen:
            del cache[rel]
    return pages


def _priority(url: str) -> int:
    for i, prefix in enumerate(_PRIORITY):
        if url.startswith(prefix):
            return i
    return len(_PRIORITY)


def segments(page: PageText, years: Mapping[str, list[int]] | None = None) -> list[str]:
    """The title, then the body text in segments of ``SEG`` characters of its normal form, overlapping by
    ``OVERLAP``. Segments keep the text's spaces (between table cells, say), so that snippets read well;
    their normal forms are what is indexed and searched."""
    text = page.text
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]  # where each character of norm(text) is
    out = [norm(page.title, years)]
    for i in range(0, len(kept), SEG):
        j = min(len(kept), i + SEG + OVERLAP)
        out.append(text[kept[i]:kept[j - 1] + 1])
    return out


def write_index(site: Path, pages: list[PageText] | None = None,
                keys: dict[str, list[str]] | None = None, years: Mapping[str, list[int]] | None = None) -> IndexStats:
    """Write the sharded index into ``site/search/`` (replacing any earlier one). ``keys`` (URL → strings) names
    what each page is the page of: a query equal to one of them (in normal form) lists the page first, even
    where its text words it otherwise (河东区财政局 finds the body recorded as 区财政局). ``years`` (issuer code →
    years of its documents, see issuer_years) completes two-digit years in 文号, here and in the browser."""
    pages = collect(site) if pages is None else pages
    if keys:
        pages = [PageText(p.url, p.title, p.text, tuple(keys.get(p.url, ()))) for p in pages]
    pages = sorted(pages, key=lambda p: (_priority(p.url), p.url))
    out = site / "search"
    for sub in SUBDIRS:
        (out / sub).mkdir(parents=True, exist_ok=True)
    kept: set[Path] = set()

    def write(path: Path, text: str) -> int:
        kept.add(path)
        return _write(path, text)

    postings: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
    starts: list[int] = []
    ends: list[int] = []
    seg_id = 0
    written = 0
    for page in pages:
        starts.append(seg_id)
        segs = segments(page, years)
        for k, seg in enumerate(segs, seg_id):
            normal = norm(seg, years)
            for n, table in ((2, postings[0]), (3, postings[1])):
                for gram in {normal[i:i + n] for i in range(len(normal) - n + 1)}:
                    lst = table.get(gram)
                    if lst is None:
                        table[gram] = [k]
                    else:
                        lst.append(k)
            if k > seg_id:  # the title needs no text file: it comes with the page's URL
                written += write(out / "s" / f"{k}.txt", seg)
        ends.append(seg_id + len(segs))
        seg_id += -(-len(segs) // ROOM) * ROOM   # the page's block of ids
    starts.append(seg_id)

    shard_counts = []
    for n, table in zip((2, 3), postings):
        encoded = {g: _varints(ids) for g, ids in table.items()}
        size = sum(len(g.encode()) + len(v) + 6 for g, v in encoded.items())
        count = 1
        while size / count > SHARD_BYTES:
            count *= 2
        shards: list[dict[str, str]] = [{} for _ in range(count)]
        for g in sorted(encoded):
            shards[gram_hash(g) % count][g] = encoded[g]
        for i, shard in enumerate(shards):
            written += write(out / f"g{n}" / f"{i}.json", _dumps(shard))
        shard_counts.append(count)

    owners: dict[str, list[int]] = {}  # a key (normal form) → the pages it is the key of
    for i, page in enumerate(pages):
        for k in dict.fromkeys(norm(k, years) for k in page.keys):
            if k:
                owners.setdefault(k, []).append(i)
    size = sum(len(k.encode()) + 8 * len(v) for k, v in owners.items())
    key_count = 1
    while size / key_count > SHARD_BYTES:
        key_count *= 2
    key_shards: list[dict[str, list[int]]] = [{} for _ in range(key_count)]
    for k in sorted(owners):
        key_shards[gram_hash(k) % key_count][k] = owners[k]
    for i, shard in enumerate(key_shards):
        written += write(out / "k" / f"{i}.json", _dumps(shard))

    for b in range(0, len(pages), BLOCK):
        written += write(out / "p" / f"{b // BLOCK}.json",
                          _dumps([[p.url, p.title] for p in pages[b:b + BLOCK]]))
    manifest = {"v": VERSION, "seg": SEG, "overlap": OVERLAP, "block": BLOCK, "pages": len(pages),
                "g2": shard_counts[0], "g3": shard_counts[1], "starts": _varints(starts), "ends": _varints(ends),
                "k": key_count,
                "yy": dict(years or {})}
    written += write(out / "index.json", _dumps(manifest))
    for sub in SUBDIRS:  # files of an earlier, larger index
        for f in (out / sub).iterdir():
            if f not in kept:
                f.unlink()
    return IndexStats(len(pages), sum(e - s for s, e in zip(starts, ends)), shard_counts[0], shard_counts[1], written)


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _write(path: Path, text: str) -> int:
    data = text.encode("utf-8")
    write_if_changed(path, data)  # unchanged files keep their time: the leak scanner skips them
    return len(data)


def record_index_fetches(page) -> list[int]:
    """The sizes of the index files a browser ``page`` (Playwright's) fetches from now on, the search page itself
    excluded: what one query costs a reader, as the benchmark and the browser tests measure it."""
    sizes: list[int] = []

    def on_response(r) -> None:
        if "/search/" in r.url and "?" not in r.url and not r.url.endswith("/search/"):
            sizes.append(int(r.headers.get("content-length", 0)))
    page.on("response", on_response)
    return sizes
