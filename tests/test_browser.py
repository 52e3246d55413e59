"""The site in a real browser (Debian's Chromium driven by Playwright), served over HTTP on localhost."""

import functools
import http.server
import threading
from pathlib import Path

import pytest

from test_site import QUERIES
from zhi.writers.search import page_text

OUT = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


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


def shot(pg, name):
    OUT.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(OUT / f"{name}.png"), full_page=False)


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


def _search(page, server, q):
    page.goto(server + "/search/?q=" + q)
    page.wait_for_function("document.getElementById('zhi-search-status').textContent.indexOf('页') >= 0 || "
                           "document.getElementById('zhi-search-status').textContent.indexOf('没有') >= 0")
    return {a.get_attribute("href").split("://", 1)[1].split("/", 1)[1] for a in
            page.locator("#zhi-search-results li > a").all()}


def test_search_finds_exactly_the_pages_containing_the_query(page, server, site):
    texts = {}
    for f in site.rglob("*.html"):
        rel = f.relative_to(site).as_posix()
        if rel.startswith("search/") or rel == "404.html":
            continue
        title, text = page_text(f.read_text(encoding="utf-8"))
        texts[rel[: -len("index.html")]] = (title + text).replace(" ", "")
    for q in QUERIES:
        truth = {u for u, t in texts.items() if q in t}
        found = _search(page, server, q)
        assert truth, q
        if len(truth) <= 200:  # the page lists at most 200 results
            assert found == truth, (q, sorted(truth - found)[:5], sorted(found - truth)[:5])
        else:
            assert found <= truth
    shot(page, "search")


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
