"""The site in a real browser (Debian's Chromium driven by Playwright), served over HTTP on localhost, as each
renderer makes it (MkDocs, Zensical: the module's tests run once per renderer)."""

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
from conftest import rendered_site
from test_site import QUERIES
from zhi.writers.search import collect, norm, record_index_fetches

OUT = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site(request, renderer):
    shots_for(renderer)
    return rendered_site(request, renderer)


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed; run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    ctx.close()
    outside = [u for u in pg.requests if not u.startswith(server) and not u.startswith("data:")]
    assert outside == [], f"requests left the machine: {outside}"


_SHOTS = {"prefix": ""}


def shots_for(renderer: str) -> None:
    """Screenshots of the default renderer's site keep their names; the others' are prefixed (zensical-home.png)."""
    _SHOTS["prefix"] = "" if renderer == "mkdocs" else renderer + "-"


def shot(pg, name):
    OUT.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(OUT / f"{_SHOTS['prefix']}{name}.png"), full_page=False)


def test_home_page(page, server):
    page.goto(server + "/")
    assert "机构编制志" in page.title()
    assert page.locator("nav").first.is_visible()
    assert page.locator("a", has_text="大事记").count() >= 1
    shot(page, "home")


def test_body_page_with_diagram(page, server):
    page.goto(server + "/jigou/lx-jijingwei/")
    svg = page.locator(".zhi-diagram svg")
    assert svg.count() == 1 and svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 200 and box["height"] > 50
    assert "县发展和改革局" in page.locator("h1").inner_text()
    shot(page, "body")


def search_done(page):
    """Wait until the search page's status line tells the outcome (pages found, none, or a failure). The
    predicate is re-run across a navigation (Enter in the header's box opens the search page), so it must
    not fail while the status line is not there yet."""
    page.wait_for_function(
        "(e => e !== null && /页|没有|失败/.test(e.textContent))(document.getElementById('zhi-search-status'))")


def _search_ui(page, server, q):
    """Type-free search through the page's own UI: the status line and the first screen of results."""
    page.goto(server + "/search/?q=" + q)
    search_done(page)
    shown = {a.get_attribute("href").split("://", 1)[1].split("/", 1)[1] for a in
             page.locator("#zhi-search-results li > a").all()}
    return page.locator("#zhi-search-status").inner_text(), shown


def _texts(site):
    """Each page's title and text in normal form, as the index reads them."""
    return {p.url: (norm(p.title), norm(p.text)) for p in collect(site)}


def owners(site, q):
    """The pages whose name or 文号 the query is (search/k/), by URL: found even if their text words it otherwise."""
    import json

    from zhi.writers.search import gram_hash

    m = json.loads((site / "search/index.json").read_text(encoding="utf-8"))
    ids = json.loads((site / f"search/k/{gram_hash(q) % m['k']}.json").read_text(encoding="utf-8")).get(q, [])
    return {json.loads((site / f"search/p/{i // m['block']}.json").read_text(encoding="utf-8"))[i % m["block"]][0]
            for i in ids}


def test_search_finds_exactly_the_pages_containing_the_query(page, server, site):
    """Each query finds the pages whose title or text contains it, and those it is the name or 文号 of, all of
    them and only them once the snippets are read (the pages as rendered are the truth); the status line counts
    them, with few false hits."""
    texts = _texts(site)
    for q in QUERIES:
        nq = norm(q)
        truth = {u for u, (t, x) in texts.items() if nq in t or nq in x} | owners(site, nq)
        assert truth, q
        status, shown = _search_ui(page, server, q)
        # the count is of candidates before every snippet is read: no page missed, few false hits
        count = int(re.search(r"找到 (\d+) 页", status).group(1))
        assert len(truth) <= count <= len(truth) / 0.95, (q, status, len(truth))
        assert shown and shown <= truth, (q, sorted(shown - truth)[:5])
        found = set(page.evaluate("q => window.zhiSearch.query(q)", q))
        assert found == truth, (q, sorted(truth - found)[:5], sorted(found - truth)[:5])
    shot(page, "search")


def test_a_query_loads_a_small_part_of_the_index(browser, server, site):
    """With an empty cache, one query fetches the manifest, a shard per gram and the first screen's titles
    and snippets: far less than the whole index, and at most 300 KB."""
    index_bytes = sum(f.stat().st_size for f in (site / "search").rglob("*") if f.is_file())
    for q in ("编制", "区财政局", "临编〔1984〕", "县计划经济委员会"):
        ctx = browser.new_context()
        pg = ctx.new_page()
        sizes = record_index_fetches(pg)
        _search_ui(pg, server, q)
        ctx.close()
        assert 0 < sum(sizes) <= min(300_000, index_bytes // 4), (q, sum(sizes), index_bytes)


def test_header_search_box_leads_to_results(page, server):
    page.goto(server + "/dashiji/")
    box = page.locator(".zhi-header-search input")
    box.fill("区财政局")
    box.press("Enter")
    page.wait_for_selector("#zhi-search-results li")
    assert "jigou/hd-caizheng/" in page.locator("#zhi-search-results li > a").first.get_attribute("href")


def test_former_name_from_index_to_body(page, server):
    page.goto(server + "/suoyin/")
    page.locator("a", has_text="县发展计划局").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/jigou/lx-jijingwei/")
    assert "县发展计划局" in page.locator("article").inner_text()
    shot(page, "index-to-body")


def test_phone_width(browser, server):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    pg = ctx.new_page()
    pg.goto(server + "/jigou/lx-jijingwei/")
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, "the page must not scroll sideways on a phone"
    shot(pg, "phone-body")
    ctx.close()


def test_phone_keeps_the_yilan_name_column_readable(browser, server):
    """On a phone (412 px) the 机构设置一览's first column was squeezed to two characters a line (“中共/临水/县委/…”):
    it keeps room for seven or so, the table scrolling sideways in its own frame (marked 可左右滑动查看), never
    the page."""
    ctx = browser.new_context(viewport={"width": 412, "height": 900}, is_mobile=True)
    pg = ctx.new_page()
    pg.goto(server + "/nianbiao/1978/")
    cell = pg.locator("article table td:first-child").first
    per_line = pg.evaluate("""c => { const s = getComputedStyle(c); const r = c.getBoundingClientRect();
        return (r.width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)) / parseFloat(s.fontSize); }""",
                           cell.element_handle())
    assert per_line >= 7, f"the name column holds {per_line:.1f} characters a line on a phone"
    assert pg.evaluate("document.documentElement.scrollWidth") <= 420, "the page must not scroll sideways"
    frame = cell.locator("xpath=ancestor::div[contains(@class,'scrollwrap') or contains(@class,'zhi-table-frame')]")
    assert frame.count() >= 1 and "zhi-wide" in (frame.first.get_attribute("class") or "")
    shot(pg, "phone-yilan")
    ctx.close()


def test_every_link_resolves_whatever_the_renderer(site):
    """The links the site writer makes (Markdown links and the diagrams' raw SVG links, which the renderers treat
    differently) all reach a page or file of the rendered site, anchors included."""
    import test_site

    test_site.test_all_internal_links_resolve(site)
    page = (site / "jigou/lx-gongshang/index.html").read_text(encoding="utf-8")
    assert "../lx-shijian/" in re.findall(r'<a href="([^"]+)"><rect', page)  # a diagram's node, to its successor
