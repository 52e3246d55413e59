"""The site's renderer behind one interface (zhi.renderers): MkDocs by default, Zensical as a second one chosen by
``zhi build --renderer zensical`` or ``renderer:`` in book.yaml; the same pages, look, search data and leak scan."""

import gzip
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, make_archive, with_theme, write
from zhi import renderers
from zhi.build import BuildError, build_edition
from zhi.leaks import scan
from zhi.loader import load_archive


def _pages(site: Path) -> dict[str, str]:
    """Each rendered page's first heading, by its path in the site."""
    out = {}
    for f in site.rglob("*.html"):
        m = re.search(r"<h1[^>]*>(.*?)</h1>", f.read_text(encoding="utf-8"), re.DOTALL)
        out[f.relative_to(site).as_posix()] = re.sub(r"<[^>]+>", "", m.group(1)).strip() if m else ""
    return out


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The small base archive built by each renderer (no PDF)."""
    root = with_theme(make_archive(tmp_path_factory.mktemp("renderers")))
    return root, {name: build_edition(root, pdf=False, out=root / f"out-{name}", renderer=name) for name in
                  renderers.NAMES}


def test_both_renderers_make_the_same_pages_with_zhis_look_and_search(both):
    _, res = both
    mk, zen = res["mkdocs"].out, res["zensical"].out
    pages = _pages(mk)
    assert len(pages) > 20 and _pages(zen) == pages   # every page, with the same heading
    for site in (mk, zen):
        home = (site / "index.html").read_text(encoding="utf-8")
        assert 'lang="zh"' in home and "assets/zhi.css" in home and "assets/zhi-search.js" in home
        assert 'class="zhi-header-search"' in home                      # zhi's header (theme/overrides)
        assert re.search(r'<link rel="icon" href="[^"]*assets/favicon\.svg"', home)
        assert (site / "search" / "index.json").is_file()               # zhi's own search data
        assert not (site / "search.json").exists()                      # not the renderer's
        assert not list(site.rglob("sitemap.xml*"))                     # no site_url: no sitemap
        assert (site / ".edition").read_text(encoding="utf-8").startswith("public")
        notfound = (site / "404.html").read_text(encoding="utf-8")
        assert "找不到这一页" in notfound and "Not found" not in notfound
    # Zensical draws Material's look (its "classic" variant), on which zhi's theme is made
    zhome = (zen / "index.html").read_text(encoding="utf-8")
    assert "stylesheets/classic/" in zhome and "stylesheets/modern/" not in zhome
    # the same search data: made from pages with the same text
    assert (mk / "search" / "index.json").read_bytes() == (zen / "search" / "index.json").read_bytes()


def test_the_renderer_is_chosen_in_book_yaml_and_on_the_command_line(tmp_path):
    root = with_theme(make_archive(tmp_path))
    book = (root / "chronicle" / "book.yaml").read_text(encoding="utf-8")
    write(root, "chronicle/book.yaml", book + "\nrenderer: zensical\n")
    assert load_archive(root).book.renderer == "zensical"
    res = build_edition(root, pdf=False)
    assert "stylesheets/classic/" in (res.out / "index.html").read_text(encoding="utf-8")
    proc = subprocess.run([str(ROOT / ".venv/bin/zhi"), "--root", str(root), "build", "--no-pdf",
                           "--renderer", "mkdocs"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "渲染网站（MkDocs）" in proc.stderr
    assert "stylesheets/classic/" not in (res.out / "index.html").read_text(encoding="utf-8")
    # a renderer zhi does not know is refused where it is written, in Chinese
    write(root, "chronicle/book.yaml", book + "\nrenderer: hugo\n")
    found = [f for f in load_archive(root).findings if "renderer" in f.message]
    assert found and found[0].severity == "error" and found[0].loc.file.endswith("book.yaml") and found[0].loc.line
    assert "mkdocs" in found[0].message and "zensical" in found[0].message and "hugo" in found[0].message


def test_a_renderer_that_is_not_installed_is_told_in_chinese(tmp_path, monkeypatch):
    from zhi.renderers import zensical

    monkeypatch.setattr(zensical, "missing", lambda: "未安装网站渲染器 Zensical：请运行 make build")
    root = with_theme(make_archive(tmp_path))
    with pytest.raises(BuildError, match="未安装网站渲染器 Zensical"):
        build_edition(root, pdf=False, renderer="zensical")
    assert not (root / "site").exists()


def test_a_failing_renderer_stops_the_build_and_keeps_the_site(tmp_path, monkeypatch):
    root = with_theme(make_archive(tmp_path))
    first = build_edition(root, pdf=False, renderer="zensical")
    before = sorted(p.relative_to(first.out).as_posix() for p in first.out.rglob("*"))
    monkeypatch.setattr("sys.executable", "/bin/false")  # Zensical's process exits with an error
    with pytest.raises(BuildError, match="网站渲染失败（Zensical"):
        build_edition(root, pdf=False, renderer="zensical")
    assert sorted(p.relative_to(first.out).as_posix() for p in first.out.rglob("*")) == before


def test_zensical_rebuild_rewrites_only_changed_pages_and_drops_removed_ones(tmp_path):
    root = with_theme(make_archive(tmp_path))
    res = build_edition(root, pdf=False, renderer="zensical")
    from zhi.build import work_dir

    site = work_dir(root, res.out) / "site"
    stamps = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    again = build_edition(root, pdf=False, renderer="zensical")
    assert again.timings["pages rendered"] == 0
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*.html")} == stamps  # nothing rewritten
    # the 凡例 taken out of the book: its page is gone from the site
    book = (root / "chronicle" / "book.yaml").read_text(encoding="utf-8")
    write(root, "chronicle/book.yaml", book.replace("front: [fanli.md]", "front: []"))
    gone = "zhi/fanli/index.html"
    assert (site / gone).is_file()
    build_edition(root, pdf=False, renderer="zensical")
    assert not (site / gone).exists() and not (root / "site" / gone).exists()
    assert (site / "search" / "index.json").is_file()


def test_zensical_keeps_its_cache_inside_the_working_tree_and_a_switch_back_removes_it(tmp_path):
    """Zensical's own cache (.cache/ beside its configuration) stays in zhi's working tree under the project's
    .cache/, never in the project; a whole rebuild starts it afresh; MkDocs taking over removes it."""
    root = with_theme(make_archive(tmp_path))
    before = {p.name for p in root.iterdir()}
    res = build_edition(root, pdf=False, renderer="zensical")
    from zhi.build import work_dir

    wd = work_dir(root, res.out)
    assert {p.name for p in root.iterdir()} - before <= {"site", ".cache"}
    caches = [p for p in root.rglob(".cache") if p.is_dir()]
    assert wd / ".cache" in caches and any((wd / ".cache").iterdir())  # Zensical's cache, in the working tree
    assert all(p == root / ".cache" or root / ".cache" in p.parents for p in caches)
    stale = wd / ".cache" / "stale-entry"
    stale.write_text("x", encoding="utf-8")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8") + "\n# 改了设置\n",
                                     encoding="utf-8")  # the configuration changed: a whole rebuild
    build_edition(root, pdf=False, renderer="zensical")
    assert not stale.exists() and any((wd / ".cache").iterdir())
    build_edition(root, pdf=False)  # back to MkDocs: Zensical's copy of the site, cache and configuration go
    assert not (wd / ".cache").exists() and not (wd / "zensical-site").exists() and not (wd / "zensical.yml").exists()
    assert (root / "site" / "index.html").is_file()


def test_leak_scan_refuses_what_it_cannot_read_and_reads_compressed_text(tmp_path):
    """Fail closed: a file in the output that the scanner cannot read (a kind a renderer might add) is refused,
    never published unread; a gzipped text is read inside."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("<p>公开的内容</p>", encoding="utf-8")
    (out / ".edition").write_text("public 公开版\n", encoding="utf-8")
    (out / "assets" / "images").mkdir(parents=True)
    (out / "assets" / "images" / "favicon.png").write_bytes(b"\x89PNG\r\n")  # the theme's own image
    assert scan(out, {"某秘密机构": "机构 x（秘密）"}) == []
    (out / "search.bin").write_bytes(b"\x00\x01" + "某秘密机构".encode())
    leaks = scan(out, {"某秘密机构": "机构 x（秘密）"})
    assert [(x.file, x.what) for x in leaks] == [("search.bin", "无法读取的文件")]
    assert "不予发布" in leaks[0].as_text()
    (out / "search.bin").unlink()
    (out / "sitemap.xml.gz").write_bytes(gzip.compress("<loc>某秘密机构</loc>".encode()))
    assert [x.file for x in scan(out, {"某秘密机构": "机构 x（秘密）"})] == ["sitemap.xml.gz"]
