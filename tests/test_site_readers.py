"""The site for every reader (issue 17): Chinese throughout, a 404 page that helps, no sample text on a real
project, a sitemap that works or none, forgiving 文号 search, a copy that runs from a folder, and phones — as each
renderer makes it (the tests on the sample's site run once per renderer)."""

import functools
import http.server
import re
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, make_archive, rendered_site, with_theme, write
from test_browser import ARGS, CHROMIUM, browser, owners, search_done, shot, shots_for  # noqa: F401  (browser is a fixture)
from zhi.build import build_edition


@pytest.fixture(scope="module")
def site(request, renderer):
    shots_for(renderer)
    return rendered_site(request, renderer)

_LATIN = re.compile(r"[A-Za-z]{2,}")
_FILE_NAME = re.compile(r"[\w.-]+\.(?:csv|json|jsonld|xlsx|pdf|docx|zip|yaml|geojson|xml|txt)\b", re.ASCII)
_UI_ATTRS = ("title", "aria-label", "placeholder", "alt", "value")


class _Visible(HTMLParser):
    """The text a reader sees or hears (text, tooltips, labels), outside scripts, styles, figures and code."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg", "code"):
            self.skip += 1
        for k, v in attrs:
            if k in _UI_ATTRS and v and _LATIN.search(v):
                self.found.append(v)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg", "code") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and _LATIN.search(data):
            self.found.append(data.strip())


def _editors_words(root: Path) -> set[str]:
    """Latin words the editors wrote themselves (GB/T, zhi …): content, not interface."""
    words: set[str] = set()
    for d in ("chronicle", "sources"):
        for f in (root / d).rglob("*"):
            if f.suffix in (".md", ".yaml"):
                words |= set(_LATIN.findall(f.read_text(encoding="utf-8")))
    return words


def test_no_english_interface_word_on_any_page(site):
    """Every page, the 404 page included: no Latin-script word the editors did not write (footnote tooltips
    read 返回正文第 N 条注处, not "Jump back to footnote N in the text")."""
    # formats', standards' and units' names, as Chinese sites write them (志书 PDF 下载, CSV 表格, ISO 8601, 12 KB),
    # after a Chinese label (关联数据（JSON-LD）); data identifiers on the open-data page are code, not words
    allowed = _editors_words(ROOT) | {"PDF", "CSV", "JSON", "LD", "Popolo", "GeoJSON", "UTF", "Excel", "Word", "ISO",
                                      "KB", "MB", "CC", "BY",
                                      "EB", "OL"}   # GB/T 7714's code of a web page in a full citation: [EB/OL]
    bad: dict[str, str] = {}
    pages = list(site.rglob("*.html"))
    assert len(pages) > 400
    for f in pages:
        p = _Visible()
        p.feed(f.read_text(encoding="utf-8"))
        for text in p.found:
            text = _FILE_NAME.sub("", text)  # a download's file name (periods.csv) is a name, not a word
            extra = set(_LATIN.findall(text)) - allowed
            if extra:
                bad.setdefault(" ".join(sorted(extra)), f.relative_to(site).as_posix())
    assert not bad, bad
    data = (site / "shuju" / "index.html").read_text(encoding="utf-8")   # scanned like every page, in Chinese
    assert "关联数据（JSON-LD" in data and "人物任职数据（Popolo JSON）" in data and "<code>org:Post</code>" in data
    chapter = (site / "zhi" / "p1" / "c1" / "index.html").read_text(encoding="utf-8")
    assert "返回正文第 1 条注处" in chapter and "Jump back" not in chapter


def test_own_favicon_and_no_empty_sitemap(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    icon = re.search(r'<link rel="icon" href="([^"]+)"', home).group(1)
    assert icon.endswith("assets/favicon.svg") and (site / "assets" / "favicon.svg").is_file()
    assert "favicon.png" not in home
    # the sample sets no site_url in book.yaml: a sitemap needs absolute addresses, so there is none
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()


def test_body_page_never_says_today(site):
    """A body with no recorded end lasts to the book's 下限, never "今"."""
    cells = []
    for f in (site / "jigou").glob("*/index.html"):
        m = re.search(r"<td>存续</td>\s*<td>(.*?)</td>", f.read_text(encoding="utf-8"), re.DOTALL)
        if m:
            cells.append(re.sub(r"<[^>]+>", "", m.group(1)))
    assert len(cells) > 60
    assert not [c for c in cells if c.endswith("今")]
    assert any(c.endswith("（至本志下限2022年仍存续）") for c in cells)


def test_footer_and_sitemap_come_from_book_yaml(tmp_path, renderer):
    """A real project does not carry the sample's footer; with site_url the sitemap lists every page."""
    root = with_theme(make_archive(tmp_path))
    build_edition(root, pdf=False, renderer=renderer)
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "虚构示例" not in home and "md-copyright__highlight" not in home
    assert not (root / "site" / "sitemap.xml").exists()
    book = (root / "chronicle" / "book.yaml").read_text(encoding="utf-8")
    write(root, "chronicle/book.yaml", book + "\nfooter: 某某区地方志编纂委员会办公室编\nsite_url: https://example.org/zhi/\n")
    build_edition(root, pdf=False, renderer=renderer)
    site = root / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "某某区地方志编纂委员会办公室编" in home
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    pages = [p for p in site.rglob("index.html")]
    assert len(locs) >= len(pages) - 1 and all(u.startswith("https://example.org/zhi/") for u in locs)
    assert "https://example.org/zhi/jigou/" in locs


def test_a_bad_site_url_is_refused_with_a_chinese_message(tmp_path):
    from zhi.loader import load_archive

    root = make_archive(tmp_path)
    book = (root / "chronicle" / "book.yaml").read_text(encoding="utf-8")
    write(root, "chronicle/book.yaml", book + "\nsite_url: example.org/zhi\n")
    found = [f for f in load_archive(root).findings if "site_url" in f.message]
    assert found and found[0].severity == "error" and "https://" in found[0].message
    assert found[0].loc.line and found[0].loc.file.endswith("book.yaml")


# ---- in the browser ------------------------------------------------------------------------------------------

class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """A static server as sites are published: a missing address gets the site's 404.html."""

    def log_message(self, *a):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server(site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _context(browser, server, width=1280):  # noqa: F811
    ctx = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 900}, locale="zh-CN",
                              device_scale_factor=2 if width < 500 else 1, is_mobile=width < 500)
    ctx.requests = []
    ctx.on("request", lambda r: ctx.requests.append(r.url))
    return ctx


def _only_local(ctx, prefix):
    outside = [u for u in ctx.requests if not u.startswith(prefix) and not u.startswith("data:")]
    assert outside == [], f"requests left the machine: {outside}"


def test_404_page_is_chinese_searches_and_leads_back(browser, server):  # noqa: F811
    ctx = _context(browser, server)
    pg = ctx.new_page()
    resp = pg.goto(server + "/jigou/no-such-body/deeper/")
    assert resp.status == 404
    assert pg.locator("h1").inner_text() == "找不到这一页"
    assert "Not found" not in pg.content()
    shot(pg, "404")
    home = pg.locator("article a", has_text="返回首页")
    assert home.evaluate("a => a.href") == server + "/"
    box = pg.locator("article form input[name=q]")
    box.fill("区财政局")
    box.press("Enter")
    pg.wait_for_selector("#zhi-search-results li")
    assert pg.url.startswith(server + "/search/?q=")
    assert "jigou/hd-caizheng/" in pg.locator("#zhi-search-results li > a").first.get_attribute("href")
    # the header's box on the 404 page goes to this site's search too, not to http://search/
    pg.goto(server + "/nowhere.html")
    header = pg.locator(".zhi-header-search")
    assert header.get_attribute("action") == "/search/"
    pg.locator("article a", has_text="返回首页").click()
    pg.wait_for_load_state()
    assert pg.url == server + "/"
    _only_local(ctx, server)
    ctx.close()


def test_more_button_only_when_there_is_more(browser, server):  # noqa: F811
    ctx = _context(browser, server)
    pg = ctx.new_page()
    seen = set()
    for q in ("县发展计划局", "编制"):
        pg.goto(server + "/search/?q=" + q)
        search_done(pg)
        status = pg.locator("#zhi-search-status").inner_text()
        total = int(re.search(r"找到 (\d+) 页", status).group(1))
        shown = pg.locator("#zhi-search-results li").count()
        more = pg.locator("#zhi-search-more").is_visible()
        assert more == (shown < total), (q, status, shown, more)
        seen.add(more)
        if more:
            pg.locator("#zhi-search-more").click()
            pg.wait_for_function(f"document.querySelectorAll('#zhi-search-results li').length > {shown}")
    assert seen == {True, False}
    _only_local(ctx, server)
    ctx.close()


# ---- 文号 search that forgives, names that rank their own page first ----------------------------------------

SPELLINGS = {  # a 文号 of the sample as its document is recorded, and as people type it
    "临编〔1984〕7号": ["临编(1984)7号", "临编[1984]7号", "临编（1984）7号", "临编【1984】7号", "临编〔1984〕07号",
                      "临编〔1984〕第7号", "临编(84)第07号", "临编 ( 1984 ) 7 号"],
    "临府(49)第1号": ["临府〔1949〕1号", "临府(1949)1号", "临府[49]1号", "临府（49）第1号"],
}
OWN_PAGE = {"临编〔1984〕7号": "wenjian/doc-lb-1984-7/", "临府(49)第1号": "wenjian/doc-lxzf-1949-1/"}


def test_norm_folds_every_spelling_of_a_docno():
    from zhi.docno import normalise_docno
    from zhi.writers.search import norm, norm_query

    for written, others in SPELLINGS.items():
        target = norm(normalise_docno(written))
        assert norm(written) == target
        for o in others:
            assert norm_query(o) == target, o
    # a query may stop after the year; text that is not a 文号 keeps its brackets
    assert norm_query("临府(49)") == "临府〔1949〕" and norm_query("临编(1984)") == "临编〔1984〕"
    assert norm("编制(12)名") == "编制（12）名" and norm("（见附表）") == "（见附表）"


def test_a_two_digit_year_is_read_by_the_issuers_documents():
    """临编(06)7号 is 2006's when the issuer's documents are from the 2000s: the archive's dates decide, and the
    nearer century where it has no document of either year; an issuer without documents reads 19xx."""
    from zhi.writers.search import issuer_years, norm, norm_query

    years = issuer_years(["临编〔1984〕7号", "临编〔2006〕7号", "青编〔2005〕3号", "青编〔2008〕1号", "临府〔1949〕1号",
                          "临发〔1999〕2号", "临发〔2001〕4号"])
    assert years["青编"] == [2005, 2008] and years["临府"] == [1949]
    assert norm_query("临编(06)7号", years) == "临编〔2006〕7号"      # 2006 is among 临编's, 1906 not
    assert norm_query("临编(84)第07号", years) == "临编〔1984〕7号"
    assert norm_query("青编(05)3号", years) == "青编〔2005〕3号"
    assert norm_query("青编(07)", years) == "青编〔2007〕"            # none of either year: the nearer
    assert norm_query("青编(97)2号", years) == "青编〔1997〕2号"
    assert norm_query("临发(99)2号", years) == "临发〔1999〕2号" and norm_query("临发(01)", years) == "临发〔2001〕"
    assert norm_query("乙(05)1号", years) == "乙〔1905〕1号"         # unknown issuer: as zhi.docno reads it
    # page text is read the same way, with the code anywhere before the bracket
    assert norm("据青编(08)第1号文", years) == "据青编〔2008〕1号文"
    assert norm("据青编(08)第1号文") == "据青编〔1908〕1号文"


def test_browser_and_index_normalise_alike(browser, server, site):  # noqa: F811
    """The browser's norm is the index's norm, on every spelling and on text that merely looks like one."""
    import json

    from zhi.writers.search import norm_query

    years = json.loads((site / "search" / "index.json").read_text(encoding="utf-8"))["yy"]
    assert years["临编"][0] < 2000 < years["临编"][-1]   # the sample's issuer has documents of both centuries
    samples = [s for w, o in SPELLINGS.items() for s in [w, *o]] + [
        "临府(49)", "编制(12)名", "（1984）年", "〔2019〕", "见临编[84]第009号文", "甲(2000)", "乙（99）第0号", "（见附表）",
        "临编(06)7号", "临编(06)", "见临编（06）第7号文", "临编(50)1号"]
    ctx = _context(browser, server)
    pg = ctx.new_page()
    pg.goto(server + "/search/?q=临编")   # the page reads the manifest (the issuers' years)
    search_done(pg)
    got = pg.evaluate("xs => xs.map(x => window.zhiSearch.norm(x))", samples)
    assert got == [norm_query(s, years) for s in samples]
    ctx.close()


def test_a_two_digit_year_of_the_2000s_finds_its_document(browser, server):  # noqa: F811
    ctx = _context(browser, server)
    pg = ctx.new_page()
    for q in ("临编(06)7号", "临编（06）第07号"):
        pg.goto(server + "/search/?q=" + q)
        search_done(pg)
        assert "〔2006〕" in pg.locator("#zhi-search-status").inner_text(), q
        assert pg.locator("#zhi-search-results li > a").first.get_attribute("href").endswith("/wenjian/doc-lb-2006-7/")
    # an issuer the archive has no document of: 19xx finds nothing, so 20xx is tried (临编办 has 2019's)
    found = pg.evaluate("q => window.zhiSearch.query(q)", "编办(19)3号")
    assert "wenjian/doc-lbb-2019-3/" in found, found[:5]
    _only_local(ctx, server)
    ctx.close()


def test_a_docno_in_any_spelling_finds_the_same_pages_its_own_first(browser, server, site):  # noqa: F811
    from zhi.writers.search import collect, norm

    texts = {p.url: norm(p.title) + norm(p.text) for p in collect(site)}
    ctx = _context(browser, server)
    pg = ctx.new_page()
    for written, others in SPELLINGS.items():
        truth = {u for u, t in texts.items() if norm(written) in t}
        assert owners(site, norm(written)) == {OWN_PAGE[written]}  # the document's page is the page of its 文号
        assert len(truth) > 10
        for q in [written, *others]:
            pg.goto(server + "/search/?q=" + q)
            search_done(pg)
            first = pg.locator("#zhi-search-results li > a").first.get_attribute("href")
            assert first.endswith("/" + OWN_PAGE[written]), (q, first)
            assert "<mark>" in pg.locator("#zhi-search-results li small").first.inner_html()
            found = set(pg.evaluate("q => window.zhiSearch.query(q)", q))
            assert found == truth, (q, sorted(truth - found)[:5], sorted(found - truth)[:5])
    shot(pg, "search-docno")
    _only_local(ctx, server)
    ctx.close()


def test_a_body_name_finds_its_own_page_first_and_full_names_find_short_ones(browser, server):  # noqa: F811
    ctx = _context(browser, server)
    pg = ctx.new_page()
    # a present name, a former name, a full name with its district for a body recorded as 区财政局; a place
    # name alone is no body's name: 望川区 lists the pages that print it, not every body of the district
    ctx2 = _context(browser, server)
    pg2 = ctx2.new_page()
    pg2.goto(server + "/search/")
    assert not [u for u in pg2.evaluate("q => window.zhiSearch.query(q)", "河东区财") if u.startswith("jigou/hd-caizheng")]
    ctx2.close()
    for q, own in (("区财政局", "jigou/hd-caizheng/"), ("县发展计划局", "jigou/lx-jijingwei/"),
                   ("河东区财政局", "jigou/hd-caizheng/"), ("望川区财政局", "jigou/hd-caizheng/")):
        pg.goto(server + "/search/?q=" + q)
        search_done(pg)
        status = pg.locator("#zhi-search-status").inner_text()
        assert status.startswith("找到"), (q, status)
        assert pg.locator("#zhi-search-results li > a").first.get_attribute("href").endswith("/" + own), q
    _only_local(ctx, server)
    ctx.close()


# ---- the copy for a disc or a USB stick (file://) -------------------------------------------------------------

@pytest.fixture(scope="module")
def offline(site, renderer):
    """The portable copy of the sample (zhi build --offline), built beside the site by the same renderer."""
    return build_edition(site.parent, pdf=False, offline=True, renderer=renderer).out


def test_portable_copy_links_files_not_folders(offline):
    from test_site import _parse

    bad = []
    for f in offline.rglob("*.html"):
        if f.name == "404.html":  # served by a web server only, with root-absolute links
            continue
        for link in _parse(f).links:
            path = link.split("#")[0].split("?")[0]
            if not path or ":" in link.split("/")[0]:
                continue
            target = (f.parent / path).resolve()
            if not target.is_file():
                bad.append((f.relative_to(offline).as_posix(), link))
    assert not bad, bad[:10]
    shards = list((offline / "search").rglob("*.json"))
    assert shards and all(Path(str(s) + ".js").is_file() for s in shards)


def test_portable_copy_works_from_a_folder(browser, offline):  # noqa: F811
    """Opened from the folder in Chromium: menu links open pages, diagrams link on, search finds and opens."""
    base = offline.as_uri()
    ctx = _context(browser, base)
    pg = ctx.new_page()
    pg.goto(base + "/index.html")
    pg.locator(".md-tabs a", has_text="机构").first.click()
    pg.wait_for_load_state()
    assert pg.url.endswith("/jigou/index.html") and pg.locator("article h1").inner_text() == "机构"
    pg.goto(base + "/jigou/lx-jijingwei/index.html")
    assert pg.locator(".zhi-diagram svg").is_visible()
    link = pg.locator(".zhi-diagram svg a").first
    link.click()
    pg.wait_for_load_state()
    assert pg.url.endswith("/index.html") and pg.locator("article h1").count() == 1
    shot(pg, "offline-body")
    # the header's search box and the search page, from the disc
    box = pg.locator(".zhi-header-search input")
    box.fill("临编(1984)7号")
    box.press("Enter")
    pg.wait_for_url("**/search/**")
    search_done(pg)
    status = pg.locator("#zhi-search-status").inner_text()
    assert status.startswith("找到"), status
    first = pg.locator("#zhi-search-results li > a").first
    assert first.get_attribute("href").endswith("/wenjian/doc-lb-1984-7/index.html")
    shot(pg, "offline-search")
    first.click()
    pg.wait_for_load_state()
    assert "临编〔1984〕7号" in pg.locator("article").inner_text()
    _only_local(ctx, base)
    ctx.close()


# ---- phones ----------------------------------------------------------------------------------------------------

# every kind of page with tables: a body (名称, 隶属, 编制), 数据下载 (its files table), a year of the 年表, the
# statistics and a chapter's table (the 附录's tables on the site), a 大事记
PHONE_PAGES = ("/jigou/lx-jijingwei/", "/jigou/lx-kexie/", "/shuju/", "/nianbiao/1990/", "/tongji/", "/zhi/p9/c1/",
               "/dashiji/linshui-xian/")
HINT = "（可左右滑动查看）"


def _frames(pg) -> list[dict]:
    """Every table's and diagram's frame on the page: how wide its content is, how wide the frame, whether it
    scrolls, and the hint it shows (the ::before of a table's frame, the ::after of a diagram)."""
    return pg.evaluate("""() => {
        const hint = (el, where) => (getComputedStyle(el, where).content || '').replace(/^"|"$/g, '');
        const out = [];
        document.querySelectorAll('article table').forEach(t => {
            const f = t.closest('.md-typeset__scrollwrap, .zhi-table-frame');
            out.push({kind: 'table', framed: !!f, cols: t.rows[0].cells.length,
                      content: f ? f.scrollWidth : t.scrollWidth, frame: f ? f.clientWidth : 0,
                      right: Math.round(t.getBoundingClientRect().right),
                      overflow: f ? getComputedStyle(f).overflowX : '', hint: f ? hint(f, '::before') : '',
                      font: parseFloat(getComputedStyle(t.rows[0].cells[0]).fontSize)});
        });
        document.querySelectorAll('.zhi-diagram, .zhi-chart').forEach(f => {
            out.push({kind: 'diagram', framed: true, content: f.scrollWidth, frame: f.clientWidth,
                      overflow: getComputedStyle(f).overflowX, hint: hint(f, '::after')});
        });
        return out; }""")


def test_phone_diagrams_and_wide_tables_are_readable(browser, server):  # noqa: F811
    """At 390 px a lineage diagram keeps its text at desktop size and scrolls sideways in its frame; on every
    kind of page each table fits the screen or scrolls in its own frame, which then says so (可左右滑动查看, as
    the diagram does) and only then; the page itself never scrolls sideways."""
    ctx = _context(browser, server, width=390)
    pg = ctx.new_page()
    pg.goto(server + "/jigou/lx-jijingwei/")
    fig = pg.locator(".zhi-diagram").first
    sizes = pg.evaluate("""() => Array.from(document.querySelectorAll('.zhi-diagram svg text'))
        .map(t => t.getBoundingClientRect().height).filter(h => h > 0)""")
    assert sizes and min(sizes) >= 10, sorted(sizes)[:5]  # CSS pixels: as large as small print
    scroll = fig.evaluate("f => [f.scrollWidth, f.clientWidth, getComputedStyle(f).overflowX]")
    assert scroll[0] > scroll[1] and scroll[2] == "auto", scroll
    assert pg.evaluate("document.documentElement.scrollWidth") <= 400
    fig.evaluate("f => f.scrollLeft = f.scrollWidth")  # the far end of the diagram can be reached
    assert fig.evaluate("f => f.scrollLeft") > 0
    shot(pg, "phone-diagram")
    seen = {"wide": 0, "fits": 0}
    for path in PHONE_PAGES:
        pg.goto(server + path)
        pg.wait_for_load_state("load")
        frames = _frames(pg)
        assert any(f["kind"] == "table" for f in frames), path
        for f in frames:
            where = (path, f)
            if f["kind"] == "table":
                assert f["framed"] and f["font"] >= 10, where   # a table always has a frame of its own
            if f["content"] > f["frame"] + 1:  # wider than the screen: it scrolls in its frame and says so
                assert f["overflow"] in ("auto", "scroll") and f["hint"] == HINT, where
                seen["wide"] += 1
            else:  # it fits: no hint that would send the reader looking for more
                assert f["hint"] in ("", "none", "normal"), where
                assert f["kind"] == "diagram" or f["right"] <= 390, where
                seen["fits"] += 1
        assert pg.evaluate("document.documentElement.scrollWidth") <= 392, path
        wide = pg.locator(".zhi-wide").first
        if wide.count():  # the far end of a wide table can be reached, and the hint stays in view meanwhile
            wide.evaluate("f => f.scrollLeft = f.scrollWidth")
            assert wide.evaluate("f => f.scrollLeft") > 0, path
            wide.evaluate("el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 80)")
        shot(pg, "phone-" + path.strip("/").replace("/", "-"))
    # the body's 名称 table (4 columns) and the 大事记's fit now; the 年表's 7 columns and the files table scroll
    assert seen["wide"] >= 4 and seen["fits"] >= 10, seen
    _only_local(ctx, server)
    ctx.close()


def test_screens_at_desktop_and_phone_width(browser, server):  # noqa: F811
    """Screenshots for people to look at (test-output/screenshots/), and no page scrolls sideways on a phone."""
    for width in (1280, 390):
        ctx = _context(browser, server, width=width)
        pg = ctx.new_page()
        for name, path in (("home", "/"), ("body", "/jigou/lx-jijingwei/"), ("year", "/nianbiao/1984/"),
                           ("search", "/search/?q=临编(1984)7号"), ("404", "/nowhere/")):
            pg.goto(server + path)
            if name == "search":
                pg.wait_for_selector("#zhi-search-results li")
            assert pg.evaluate("document.documentElement.scrollWidth") <= width + 10, (width, path)
            shot(pg, f"w{width}-{name}")
        _only_local(ctx, server)
        ctx.close()
