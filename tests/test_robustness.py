"""Outputs are atomic and reproducible; a name with <script> in it cannot run in the site."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_project, digest, make_archive
from zhi.build import build_edition

ROOT = Path(__file__).resolve().parent.parent


def test_rebuild_is_byte_identical(built, tmp_path):
    """Two builds of the same sources give the same bytes: every site file, the PDF and the DOCX."""
    root = copy_project(tmp_path / "again")
    second = build_edition(root, docx=True)
    a, b = digest(built.out), digest(second.out)
    assert a.keys() == b.keys()
    differ = [k for k in a if a[k] != b[k]]
    assert differ == []
    assert "zhi.pdf" in a and "zhi.docx" in a


@pytest.fixture(scope="module")
def site_built_once(tmp_path_factory):
    """The sample with its site built from scratch (no PDF), that build's result, and the project's state kept
    aside whole: each test below starts from that state, restored at the same path (the build's working tree
    is named after the path of its output) by ``just_built``."""
    root = copy_project(tmp_path_factory.mktemp("built-once") / "proj")
    first = build_edition(root, pdf=False)
    kept = root.parent / "kept"
    shutil.copytree(root, kept, symlinks=True)
    return root, kept, first


def just_built(site_built_once) -> Path:
    """The sample's project as it was just after its site was built from scratch."""
    root, kept, _ = site_built_once
    shutil.rmtree(root)
    shutil.copytree(kept, root, symlinks=True)
    assert digest(root / "site") == digest(kept / "site") and (root / ".cache" / "build").is_dir()
    return root


@pytest.mark.slow
def test_incremental_rebuild_equals_a_full_build(site_built_once):
    """After an edit to one record and one chapter, a rebuild re-renders only the pages whose Markdown
    changed, and the site it publishes is byte for byte the site a build from scratch makes."""
    root, first = just_built(site_built_once), site_built_once[2]
    assert first.timings["pages rendered"] == first.pages
    body = root / "sources/bodies/hedong-qu/hd-caizheng.yaml"
    body.write_text(body.read_text(encoding="utf-8").replace("functions:", "functions:\n  - 增量构建测试职能", 1),
                    encoding="utf-8")
    chapter = root / "chronicle/gaishu.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n增量构建测试段落。\n", encoding="utf-8")
    again = build_edition(root, pdf=False)
    assert 2 <= again.timings["pages rendered"] < first.pages / 10
    assert "增量构建测试职能" in (root / "site/jigou/hd-caizheng/index.html").read_text(encoding="utf-8")
    incremental = digest(root / "site")
    shutil.rmtree(root / ".cache" / "build")
    full = build_edition(root, pdf=False)
    assert full.timings["pages rendered"] == full.pages
    assert digest(root / "site") == incremental


@pytest.mark.slow
@pytest.mark.parametrize("delay", [1.5, 4.0, 9.0])
def test_killed_build_leaves_previous_site_whole(site_built_once, delay):
    root = just_built(site_built_once)
    before = digest(root / "site")
    # change something visible, then kill the rebuild part-way
    (root / "chronicle/fanli.md").write_text((root / "chronicle/fanli.md").read_text(encoding="utf-8") +
                                              "\n\n补充一条凡例。\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "zhi.cli", "--root", str(root), "build"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(delay)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    after = digest(root / "site")
    # either the old site, whole, or (had the build finished) a complete new one; never a mixture
    if after != before:
        assert proc.returncode == 0 and (root / "site/zhi.pdf").exists()
    assert (root / "site/index.html").exists() and (root / "site/search/index.json").exists()
    assert not list((root / "site").glob("**/*.tmp"))


def test_script_in_a_name_is_refused_or_inert(tmp_path):
    from playwright.sync_api import sync_playwright
    from test_browser import ARGS, CHROMIUM

    root = make_archive(tmp_path)
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "sources/events/x.yaml").write_text(
        "- id: ev-x\n  type: rename\n  date: 1960\n  body: cs-jiwei\n"
        "  name: <script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">计划局\n"
        "  sources: [d-1956-1]\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "zhi.cli", "--root", str(root), "check"], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 1 and "[raw-html]" in proc.stdout        # refused by default
    (root / "sources/house-style.yaml").write_text("severity:\n  raw-html: off\n", encoding="utf-8")
    res = build_edition(root, pdf=False)                                   # the house style lets it through, escaped
    page = res.out / "jigou/cs-jiwei/index.html"
    html = page.read_text(encoding="utf-8")
    import re

    body = re.sub(r"<title>.*?</title>", "", html, flags=re.DOTALL)   # <title> holds text only, never runs script
    assert "<script>window.__pwned" not in body and "<img src=x" not in body and "&lt;script&gt;" in body
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = b.new_page()
        pg.goto(page.as_uri())
        pg.wait_for_timeout(300)
        assert pg.evaluate("window.__pwned === undefined")
        assert "<script>window.__pwned=1</script>" in pg.locator("article").inner_text()
        b.close()
