"""Images a chapter shows (attack tester): ``![图题](images/x.png)`` beside the chapter's file was never copied into
site/, and the website showed a broken image. The edition's chapter pages now bring their images beside them (the
renderer writes the address for the page); an image of a withheld chapter or of a passage above the edition is
never copied; a missing image is ``file-missing`` at the chapter's line; an image is published as its pixels alone
(no metadata), and the leak scan refuses an image whose metadata holds a mark like any page."""

import re
from pathlib import Path

import pytest
from conftest import make_archive, with_theme, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.leaks import scan
from zhi.loader import load_archive

HEAD = "---\ntitle: 第一章 计划经济机构\n---\n\n# 第一章 计划经济机构\n\n"   # the body starts at line 7
SECRET = "---\ntitle: 第二章 保密工作\nclassification: 秘密\n---\n\n# 第二章 保密工作\n\n![旧址](images/baomi.png)\n"
BOOK = ("title: 测试县机构编制志\nupper: 1949\nlower: 2000\nfront: [fanli.md]\nparts:\n"
        "  - title: 第一篇 综合经济管理机构\n    chapters: [p1/c1.md, p1/c2.md]\nback: []\n")


def _png(path: Path, text: dict | None = None) -> None:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    path.parent.mkdir(parents=True, exist_ok=True)
    info = PngInfo()
    for k, v in (text or {}).items():
        info.add_itxt(k, v)
    Image.new("RGB", (40, 20), (200, 30, 30)).save(path, pnginfo=info)


@pytest.fixture
def project(tmp_path):
    root = with_theme(make_archive(tmp_path))
    write(root, "chronicle/p1/c1.md", HEAD + "县计划委员会设于县城。\n\n![县计划委员会旧址](images/jigou.png)\n\n"
                                            "::: 秘密\n![](images/mimi.png)\n:::\n")
    write(root, "chronicle/p1/c2.md", SECRET)
    write(root, "chronicle/book.yaml", BOOK)
    for name in ("jigou", "mimi", "baomi"):
        _png(root / "chronicle/p1/images" / f"{name}.png")
    return root


def _img_files(site: Path, page: str) -> list[Path]:
    """The files the page's <img> elements point at, resolved as a browser resolves them."""
    html = (site / page).read_text(encoding="utf-8")
    return [(site / page).parent.joinpath(src).resolve() for src in re.findall(r'<img[^>]*\bsrc="([^"]+)"', html)]


def test_a_public_chapters_image_is_in_the_built_site_and_the_page_shows_it(project):
    res = build_edition(project, "public", pdf=False)
    site = res.out
    [img] = _img_files(site, "zhi/p1/c1/index.html")
    assert img.is_file() and img.parent == (site / "zhi/p1/images").resolve()
    assert img.read_bytes() == (project / "chronicle/p1/images/jigou.png").read_bytes()
    # an image in a passage above the edition, and one of a withheld chapter, are not copied
    assert [p.resolve() for p in site.rglob("*.png") if "assets" not in p.parts] == [img]
    assert not (site / "zhi/p1/c2").exists()
    # the image is a centred figure with its alt text under it as the 图题 (the page showed no caption)
    page = (site / "zhi/p1/c1/index.html").read_text(encoding="utf-8")
    fig = re.search(r'<figure class="zhi-figure">(.*?)</figure>', page, re.DOTALL)
    assert fig and "<img" in fig.group(1) and "<figcaption>县计划委员会旧址</figcaption>" in fig.group(1), page
    assert fig.group(1).index("<img") < fig.group(1).index("<figcaption>")


def test_an_image_whose_metadata_holds_a_mark_is_published_without_it_and_the_scan_refuses_it(project, tmp_path):
    _png(project / "chronicle/p1/images/jigou.png", {"Title": "秘密★10年"})
    site = build_edition(project, "public", pdf=False).out   # the image is published as its pixels alone
    [img] = _img_files(site, "zhi/p1/c1/index.html")
    assert "秘密".encode() not in img.read_bytes()
    raw = tmp_path / "raw"
    (raw / "zhi").mkdir(parents=True)
    (raw / "zhi/jigou.png").write_bytes((project / "chronicle/p1/images/jigou.png").read_bytes())
    assert [x.file for x in scan(raw, {})] == ["zhi/jigou.png"]   # and the scan refuses the mark in its metadata


def test_a_missing_or_outside_image_is_named_at_the_chapters_line(tmp_path):
    root = make_archive(tmp_path)
    write(root, "chronicle/p1/c1.md", HEAD + "正文。\n\n![旧址](images/nosuch.png)\n\n![图](../../outside.png)\n")
    (root / "outside.png").write_bytes(b"x")
    found = {(f.code, f.loc.file, f.loc.line) for f in run_checks(load_archive(root)) if f.severity == "error"}
    assert ("file-missing", "chronicle/p1/c1.md", 9) in found
    assert ("path-outside", "chronicle/p1/c1.md", 11) in found


@pytest.mark.parametrize("name", ["cangwu-14hao-bolanwei", "苍梧十四号通讯站旧址", "%E8%8B%8D%E6%A2%A7"])
def test_an_image_is_published_under_a_neutral_name_not_the_editors(project, name):
    """The attack tester's chapter image images/cangwu-14hao-bolanwei.png was copied to site/ under that name (the
    secret body's designation and leader's name in pinyin): an image is published under its content's digest, and
    the page's <img> points at it; no file of the site bears the editor's name."""
    from urllib.parse import unquote

    _png(project / "chronicle/p1/images" / f"{unquote(name)}.png")
    write(project, "chronicle/p1/c1.md", HEAD + f"县城旧貌。\n\n![县城旧貌](images/{name}.png)\n\n![同一张](images/jigou.png)\n")
    site = build_edition(project, "public", pdf=False).out
    imgs = _img_files(site, "zhi/p1/c1/index.html")
    assert len(imgs) == 2 and all(i.is_file() for i in imgs)
    assert imgs[0] == imgs[1]   # (the same pixels, one file)
    assert re.fullmatch(r"[0-9a-f]{16}\.png", imgs[0].name), imgs[0].name
    names = [p.relative_to(site).as_posix() for p in site.rglob("*")]
    assert not [n for n in names if "cangwu" in n or "苍梧" in n or "jigou.png" in n or "%E8" in n]
    html = (site / "zhi/p1/c1/index.html").read_text(encoding="utf-8")
    assert "cangwu" not in html and "苍梧" not in html and "jigou.png" not in html


def test_an_svg_image_is_dropped_from_the_page_with_the_warning(project):
    """The attack tester's images/a3.svg was not copied (prose-link) but the page kept <img src="images/a3.svg">, a
    broken image: it is dropped from the page, as the warning says."""
    write(project, "chronicle/p1/c1.md", HEAD + "县城旧貌。\n\n图三 ![县城旧貌三](images/a3.svg)\n")
    write(project, "chronicle/p1/images/a3.svg", '<svg xmlns="http://www.w3.org/2000/svg"><text>旧貌</text></svg>')
    [warning] = [f for f in run_checks(load_archive(project)) if f.code == "prose-link"]
    assert (warning.loc.file, warning.loc.line) == ("chronicle/p1/c1.md", 9)
    assert "网站上不印这张图" in warning.message, warning.message
    site = build_edition(project, "public", pdf=False).out
    html = (site / "zhi/p1/c1/index.html").read_text(encoding="utf-8")
    assert "a3.svg" not in html and "<img" not in html.split("县城旧貌。", 1)[1].split("</article>")[0]
    assert "图三" in html
    assert not list(site.rglob("*.svg")) or all("assets" in p.parts for p in site.rglob("*.svg"))


def test_the_book_carries_a_chapters_image_inline_and_stripped(project):
    """The PDF showed a chapter's image's caption alone (an attack tester: ``pdfimages -list`` was empty): the book's
    chapter now carries the image inline, its pixels alone, and leaves out an image the site does not publish."""
    import base64

    from conftest import ROOT
    from zhi.history import derive_history
    from zhi.writers.book import BookWriter

    _png(project / "chronicle/p1/images/jigou.png", {"Comment": "机密 某某联络站"})
    write(project, "chronicle/p1/c3.md", HEAD + "![甲](images/jigou.png)\n\n![乙](images/none.png)\n\n"
                                                "![丙](https://example.com/x.png)\n")
    a = load_archive(project)
    ch = next(c for c in a.book.chapters() if c.path.endswith("p1/c1.md"))
    ch.path, ch.body = "chronicle/p1/c3.md", (project / "chronicle/p1/c3.md").read_text(encoding="utf-8")
    out = BookWriter(a, derive_history(a), ROOT / "theme").chapter(ch, 2)
    srcs = re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', out)
    assert len(srcs) == 1 and srcs[0].startswith("data:image/png;base64,"), srcs
    data = base64.b64decode(srcs[0].split(",", 1)[1])
    assert data.startswith(b"\x89PNG") and "联络站".encode() not in data and b"iTXt" not in data
    assert "none.png" not in out and "example.com" not in out
    # each image alone in its paragraph is a figure with its 图题 under it; one not published keeps its 图题
    assert re.search(r'<figure class="image"><img\b[^>]*></figure>', out) is None
    assert re.search(r'<figure class="image"><img\b[^>]*><figcaption class="caption">甲</figcaption></figure>', out), out
    assert '<figure class="image"><figcaption class="caption">乙</figcaption></figure>' in out, out


@pytest.mark.slow
def test_the_pdf_prints_the_images_caption_under_it_centred(project):
    """The PDF printed a chapter's image flush left with no 图题 (the alt text was lost): the caption is now read
    back from the PDF under the image's paragraph, centred in the text block, not at the paragraph's left edge."""
    import subprocess

    res = build_edition(project, "public", pdf=True)
    xml = subprocess.run(["pdftotext", "-bbox", str(res.out / "zhi.pdf"), "-"], capture_output=True, text=True,
                         check=True).stdout
    words = [(float(x0), float(y0), float(x1), w) for x0, y0, x1, w in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', xml)]
    caption = [w for w in words if w[3] == "县计划委员会旧址"]
    para = [w for w in words if w[3].startswith("县计划委员会设于县城")]
    assert caption and para, [w[3] for w in words][:200]
    (cx0, cy, _cx1, _), (px0, py, _px1, _) = caption[-1], para[-1]
    assert cy > py + 10                                # under the image, which is under the paragraph
    assert cx0 - px0 > 100, (cx0, px0)                 # centred, not flush left with the text
