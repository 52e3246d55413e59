"""`zhi serve`: an edit to a record shows up in the open page within seconds, without a manual reload."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from test_browser import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parent.parent


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _lan_address() -> str | None:
    """This machine's address on its network (not 127.0.0.1), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))  # no packet is sent: this only picks the outgoing interface
            addr = s.getsockname()[0]
        except OSError:
            return None
    return None if addr.startswith("127.") else addr


def test_edit_updates_open_page(tmp_path):
    from playwright.sync_api import sync_playwright

    proj = tmp_path / "proj"
    for name in ("sources", "chronicle", "theme"):
        shutil.copytree(ROOT / name, proj / name)
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "zhi.cli", "--root", str(proj), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=os.environ.copy())
    try:
        for line in proc.stdout:
            if "预览地址" in line:
                break
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = b.new_page()
            page.goto(f"http://127.0.0.1:{port}/jigou/lx-jijingwei/")
            assert "县发展和改革局" in page.locator("article").inner_text()
            body = proj / "sources" / "bodies" / "linshui-xian" / "lx-jijingwei.yaml"
            text = body.read_text(encoding="utf-8")
            marker = "负责全县预览测试事项的统筹"
            body.write_text(text.rstrip() + "\n# edited\n", encoding="utf-8") if "functions:" not in text else \
                body.write_text(text.replace("functions:", f"functions:\n  - {marker}", 1), encoding="utf-8")
            t0 = time.time()
            page.wait_for_function(f"document.body.innerText.indexOf('{marker}') >= 0", timeout=60000)
            elapsed = time.time() - t0
            print(f"page updated {elapsed:.1f} s after the edit")
            b.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_errors_are_shown_in_the_browser_and_stale_pages_marked(tmp_path):
    """An archive with errors: the preview lists the findings in Chinese (never an English directory listing);
    after a good build, a new error leaves the pages marked stale until it is mended."""
    import urllib.error
    import urllib.request

    from conftest import make_archive, with_theme

    proj = with_theme(make_archive(tmp_path))
    events = proj / "sources/events/1956.yaml"
    good = events.read_text(encoding="utf-8")
    bad = good.replace("body: cs-zhengfu", "body: cs-no-such-body", 1)
    assert bad != good
    events.write_text(bad, encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    # served to the office network too (--host 0.0.0.0), as on a shared machine (guide/tools.md, 七)
    proc = subprocess.Popen([sys.executable, "-m", "zhi.cli", "--root", str(proj), "serve", "--port", str(port),
                             "--host", "0.0.0.0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    base = f"http://127.0.0.1:{port}"

    def get(path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(base + path, timeout=60) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8")

    def build_number() -> int:
        return int(get("/__zhi_build")[1])

    def wait_for_build(after: int) -> None:
        deadline = time.time() + 120
        while build_number() <= after and time.time() < deadline:
            time.sleep(0.5)
        assert build_number() > after, "the preview did not rebuild"

    try:
        for line in proc.stdout:
            if "预览地址" in line:
                break
        code, page = get("/")
        assert code == 503 and "档案有错误，预览未能更新" in page
        assert "sources/events/1956.yaml:" in page and "cs-no-such-body" in page
        assert "Directory listing" not in page and "<html lang=\"zh\">" in page
        # mended: the site is served, without a notice
        n = build_number()
        events.write_text(good, encoding="utf-8")
        wait_for_build(n)
        code, page = get("/")
        assert code == 200 and "zhi-stale" not in page and "md-content" in page
        # broken again: the last good pages, marked stale, with the findings one click away
        n = build_number()
        events.write_text(bad, encoding="utf-8")
        wait_for_build(n)
        code, page = get("/")
        assert code == 200 and "本页已过时" in page and "/__zhi_problems" in page
        code, problems = get("/__zhi_problems")
        assert "sources/events/1956.yaml:10" in problems and "9 个错误" in problems and "ref-unknown" in problems
        lan = _lan_address()
        if lan:  # the same page from this machine's network address, as a colleague's browser asks for it
            with urllib.request.urlopen(f"http://{lan}:{port}/", timeout=60) as r:
                assert "本页已过时" in r.read().decode("utf-8")
        code, page = get("/no/such/page/")
        assert code == 404 and "找不到这一页" in page and "Directory listing" not in page
        code, page = get("/assets/")
        assert "Directory listing" not in page
    finally:
        proc.terminate()
        proc.wait(timeout=20)
