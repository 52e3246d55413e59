"""The site for every reader (issue 17): Chinese throughout, a 404 page that helps, no sample text on a real
project, a sitemap that works or none, forgiving 文号 search, a copy that runs from a folder, and phones."""

import functools
import http.server
import re
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, make_archive, with_theme, write
from test_browser import ARGS, CHROMIUM, browser, shot  # noqa: F401  (browser is a fixture)
from zhi.build import build_edition

_LATIN = re.compile(r"[A-Za-z]{2,}")
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
    allowed = _editors_words(ROOT) | {"PDF"}  # the format's name, as Chinese sites write it (志书 PDF 下载)
    bad: dict[str, str] = {}
    pages = list(site.rglob("*.html"))
    assert len(pages) > 400
    for f in pages:
        p = _Visible()
        p.feed(f.read_text(encoding="utf-8"))
        for text in p.found:
            extra = set(_LATIN.findall(text)) - allowed
            if extra:
                bad.setdefault(" ".join(sorted(extra)), f.relative_to(site).as_posix())
    assert not bad, bad
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


def test_footer_and_sitemap_come_from_book_yaml(tmp_path):
    """A real project does not carry the sample's footer; with site_url the sitemap lists every page."""
    root = with_theme(make_archive(tmp_path))
    build_edition(root, pdf=False)
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "虚构示例" not in home and "md-copyright__highlight" not in home
    assert not (root / "site" / "sitemap.xml").exists()
    book = (root / "chronicle" / "book.yaml").read_text(encoding="utf-8")
    write(root, "chronicle/book.yaml", book + "\nfooter: 某某区地方志编纂委员会办公室编\nsite_url: https://example.org/zhi/\n")
    build_edition(root, pdf=False)
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
        pg.wait_for_function("/页|没有/.test(document.getElementById('zhi-search-status').textContent)")
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
