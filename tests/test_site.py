"""The built website: every section, valid links, the right names and order, exact Chinese search."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from zhi.loader import load_archive
from zhi.writers.search import page_text

ROOT = Path(__file__).resolve().parent.parent


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if tag in ("a", "link", "script", "img") and a.get(key):
                self.links.append(a[key])


def _parse(f: Path) -> _Links:
    p = _Links()
    p.feed(f.read_text(encoding="utf-8"))
    return p


def test_every_section_is_there(site):
    for path in ["index.html", "dashiji/index.html", "jigou/index.html", "wenjian/index.html", "nianbiao/index.html",
                 "suoyin/index.html", "suoyin/wenjian/index.html", "suoyin/renwu/index.html", "tongji/index.html",
                 "renwu/index.html", "search/index.html", "search/index.json", "zhi/fanli/index.html"]:
        assert (site / path).is_file(), path
    assert len(list((site / "jigou").glob("*/index.html"))) >= 60
    assert len(list((site / "wenjian").glob("*/index.html"))) >= 100
    assert len(list((site / "nianbiao").glob("*/index.html"))) >= 50


def test_all_internal_links_resolve(site):
    pages = {f: _parse(f) for f in site.rglob("*.html") if f.name != "404.html"}  # 404 uses root-absolute links
    cited = {d.url for d in load_archive(ROOT).documents.values() if d.url}
    broken = []
    for f, parsed in pages.items():
        for link in parsed.links:
            u = urlsplit(link)
            if u.scheme or u.netloc or link.startswith(("mailto:", "javascript:")):
                if link not in cited:   # a 网页 document's own address, as its editor wrote it, may link out
                    broken.append((f, link, "external"))
                continue
            if not u.path:
                target = f
            else:
                target = (f.parent / unquote(u.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
            if not target.exists():
                broken.append((f.relative_to(site), link, "missing"))
                continue
            if u.fragment and target.suffix == ".html" and target in pages and u.fragment not in pages[target].ids:
                broken.append((f.relative_to(site), link, "anchor"))
    assert broken == []


def _text(site, path):
    return page_text((site / path).read_text(encoding="utf-8"))[1]


def test_renamed_then_merged_body(site):
    """lx-jijingwei was renamed three times and merged in 2020: its page shows every name with dates,
    predecessors and successors, and the chronology has its events in order under the names of the time."""
    text = _text(site, "jigou/lx-jijingwei/index.html")
    for name in ["县计划经济委员会", "县计划委员会", "县发展计划局", "县发展和改革局"]:
        assert name in text
    assert "1984年3月12日" in text and "2020年9月1日" in text
    assert "前身" in text and "后继" in text and "区发展和改革局" in text
    assert (site / "jigou/lx-jijingwei/index.html").read_text(encoding="utf-8").count("<svg") >= 1
    chron = _text(site, "dashiji/nianbiao/index.html")   # the 机构变动年表 holds every change
    merged_1984 = chron.index("撤销县计划委员会、县经济委员会，合并设立县计划经济委员会")
    renamed_1990 = chron.index("县计划经济委员会更名为县计划委员会")
    renamed_2002 = chron.index("县计划委员会改为县发展计划局")  # the source: 改为
    merged_2020 = chron.index("县发展和改革局并入区发展和改革局")
    assert merged_1984 < renamed_1990 < renamed_2002 < merged_2020


def test_former_names_in_index_point_to_the_body(site):
    html = (site / "suoyin/index.html").read_text(encoding="utf-8")
    m = re.search(r'<a href="([^"]+)">县发展计划局</a>', html)
    assert m and "jigou/lx-jijingwei/" in m.group(1)


def test_public_site_holds_no_classified_record(site):
    index = "".join(f.read_text(encoding="utf-8") for f in (site / "search").rglob("*") if f.is_file())
    assert not list(site.glob("wenjian/doc-lb-1998-11/*"))        # a 秘密 document
    assert "doc-lb-1998-11" not in index and "秘密★" not in index
    for f in site.rglob("*.html"):
        text = f.read_text(encoding="utf-8")
        assert "秘密★" not in text and "doc-lbw-1984-jy" not in text, f


# names with their prefixes, 文号 fragments, years and dates, terms: 2 to 7 characters and one longer
QUERIES = ["编制", "区财政局", "财政局", "1998", "临编〔1984〕", "临编", "机构编制", "县计划经济委员会", "编办", "望川区",
           "撤销", "2020年9月1日", "加挂", "领导职数", "乡人民政府", "〔1998〕", "财政", "县人民政府办公室", "事业编制",
           "核定", "1984年", "合署办公", "更名为", "人民代表大会", "〔2001〕", "区编委", "工勤", "副科级", "挂牌", "行政编制"]


def _head(t: str, n: int) -> str:
    """The start of t that holds n characters other than spaces (segments overlap by what follows)."""
    seen = 0
    for i, ch in enumerate(t):
        if not ch.isspace():
            if seen == n:
                return t[:i]
            seen += 1
    return t


def test_search_index_holds_the_text_of_every_page(site):
    """The index is made from the pages as rendered: the segments of each page put back together give its
    title and text, and each page's segments are where the manifest says they start and end."""
    from conftest import varints
    from zhi.writers.search import SEG, norm

    manifest = json.loads((site / "search/index.json").read_text(encoding="utf-8"))
    starts, ends = varints(manifest["starts"]), varints(manifest["ends"])
    meta = [e for f in sorted((site / "search/p").glob("*.json"), key=lambda f: int(f.stem))
            for e in json.loads(f.read_text(encoding="utf-8"))]
    assert len(meta) == manifest["pages"] == len(starts) - 1
    by_url = {e[0]: (i, e[1]) for i, e in enumerate(meta)}
    seen = 0
    for f in site.rglob("*.html"):
        rel = f.relative_to(site).as_posix()
        if rel.startswith("search/") or rel == "404.html":
            continue
        title, text = page_text(f.read_text(encoding="utf-8"))
        i, indexed_title = by_url[rel[: -len("index.html")]]
        assert indexed_title == title
        segs = [(site / f"search/s/{k}.txt").read_text(encoding="utf-8") for k in range(starts[i] + 1, ends[i])]
        joined = "".join(_head(s, SEG) if k < len(segs) - 1 else s for k, s in enumerate(segs))
        assert norm(joined) == norm(text), rel
        seen += 1
    assert seen == len(meta)


def test_people_headings_carry_the_person_id_and_print_only_the_name(site):
    """Tester (run 5): with attribute lists gone, every 人物 heading printed “高淑华 {#p-gao-shuhua}”."""
    html = (site / "renwu" / "index.html").read_text(encoding="utf-8")
    heads = re.findall(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', html)
    assert len(heads) >= 20
    assert all(hid.startswith("p-") and "{#" not in text and "{" not in text for hid, text in heads)
    assert "{#" not in html
    data = (site / "search" / "index.json").read_text(encoding="utf-8")
    assert "{#p-" not in data


def test_no_page_shows_raw_markdown_link_syntax(site):
    """A link written into a generated page through a template macro was escaped as text (“\\[县计委\\](x.md)（代管）”
    showed in the 上级 table): no built page may show Markdown link syntax to the reader."""
    raw = re.compile(r"\]\([^)\s]*\.md(?:#[^)\s]*)?\)")
    shown = [str(f.relative_to(site)) for f in site.rglob("*.html") if raw.search(f.read_text(encoding="utf-8"))]
    assert shown == []
