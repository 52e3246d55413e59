"""An image's metadata in encodings the scan did not read (attack tester, canary 翠岚十一号观测站, 机密): a JPEG whose
EXIF UserComment holds the secret name in UTF-16 (``UNICODE\\0`` and UTF-16BE, in the Exif sub-directory) and one
whose comment (COM segment) holds it in GBK were copied unchanged into site/, and the scan passed them. Now every
published image is its pixels alone (``chapterimages.stripped``: no EXIF, XMP, ICC, comment or text chunk), and the
scan reads metadata as UTF-8, UTF-16 (either order, after EXIF's charset prefix) and GB18030."""

import io
from pathlib import Path

import pytest
from conftest import make_archive, with_theme, write
from zhi.build import build_edition
from zhi.chapterimages import stripped
from zhi.leaks import scan

NAME = "翠岚十一号观测站"
HEAD = "---\ntitle: 第一章 计划经济机构\n---\n\n# 第一章 计划经济机构\n\n"
BOOK = ("title: 测试县机构编制志\nupper: 1949\nlower: 2000\nfront: [fanli.md]\nparts:\n"
        "  - title: 第一篇 综合经济管理机构\n    chapters: [p1/c1.md]\nback: []\n")


def _jpeg(exif_comment: bytes | None = None, comment: bytes | None = None, fmt: str = "JPEG") -> bytes:
    from PIL import Image

    im = Image.new("RGB", (40, 20), (30, 120, 30))
    exif = Image.Exif()
    if exif_comment is not None:
        exif.get_ifd(0x8769)[0x9286] = exif_comment   # UserComment, in the Exif IFD
    buf = io.BytesIO()
    im.save(buf, format=fmt, exif=exif, **({"comment": comment} if comment is not None else {}))
    return buf.getvalue()


PLANTED = {"exif-utf16be": _jpeg(exif_comment=b"UNICODE\0" + NAME.encode("utf-16-be")),
           "exif-utf16le": _jpeg(exif_comment=b"UNICODE\0" + NAME.encode("utf-16-le")),
           "com-gbk": _jpeg(comment=NAME.encode("gbk")),
           "com-utf8": _jpeg(comment=NAME.encode("utf-8"))}


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_the_scan_reads_the_name_in_an_images_metadata_in_any_encoding(tmp_path, kind):
    (tmp_path / "zhi").mkdir()
    (tmp_path / "zhi/a.jpg").write_bytes(PLANTED[kind])
    assert [(x.file, x.what) for x in scan(tmp_path, {NAME: "机构 cs-cl，机密"})] == [("zhi/a.jpg", NAME)]


def _metadata(data: bytes) -> list:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        exif = im.getexif()
        return [k for k in im.info if k not in ("jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi")] + \
            list(exif) + list(exif.get_ifd(0x8769))


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_a_stripped_image_keeps_its_pixels_and_no_metadata(kind):
    from PIL import Image

    out = stripped(PLANTED[kind])
    assert _metadata(out) == []
    with Image.open(io.BytesIO(out)) as im:
        assert im.format == "JPEG" and im.size == (40, 20)
    assert stripped(b"not an image") == b"not an image"   # (the scan refuses it: it cannot be read)


def test_a_png_with_a_text_chunk_is_published_without_it():
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_itxt("Comment", NAME)
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, format="PNG", pnginfo=info)
    assert NAME.encode() in buf.getvalue()
    out = stripped(buf.getvalue())
    assert NAME.encode() not in out and _metadata(out) == []


def test_the_build_publishes_a_chapters_image_without_its_metadata(tmp_path):
    root = with_theme(make_archive(tmp_path))
    write(root, "chronicle/p1/c1.md", HEAD + "县计划委员会设于县城。\n\n![旧址](images/a.jpg)\n\n![旧址](images/b.jpg)\n")
    write(root, "chronicle/book.yaml", BOOK)
    images = Path(root / "chronicle/p1/images")
    images.mkdir(parents=True)
    (images / "a.jpg").write_bytes(PLANTED["exif-utf16be"])
    (images / "b.jpg").write_bytes(PLANTED["com-gbk"])
    site = build_edition(root, "public", pdf=False).out
    published = sorted((site / "zhi/p1/images").glob("*.jpg"))   # (under neutral names: chapterimages.neutral_name)
    assert published   # (both pictures' pixels are the same: one file)
    for name in published:
        data = name.read_bytes()
        assert _metadata(data) == [], name
        for enc in ("utf-8", "utf-16-be", "utf-16-le", "gbk"):
            assert NAME.encode(enc) not in data, (name, enc)
