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
