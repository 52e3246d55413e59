"""Images a chapter shows (``![图题](images/x.png)`` beside the chapter's file): found in the page an edition writes
of the chapter, so that an image of a chapter the edition withholds, or of a passage above it, is never among them;
copied into the site beside the page, where the renderer finds them (it rewrites the address for the page's URL).

The check (``checks.prose``) names a local image that is missing or outside ``chronicle/``; the build copies only
those inside ``chronicle/`` that exist. The leak scan reads an image's metadata (``image_text``): what zhi cannot
read of an image is never published."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

# an image in Markdown (![alt](target "title")) or HTML (<img src="target">)
IMAGE_REF = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?|<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"']",
                       re.IGNORECASE)
# the same, to the end of its markup (a title, the closing parenthesis; the whole <img> tag): what a page drops
IMAGE_WHOLE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
                         r"|<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"'][^>]*>", re.IGNORECASE)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
_NOT_LOCAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/|#)", re.IGNORECASE)


def local_images(text: str) -> Iterator[tuple[str, int]]:
    """(target as written, 0-based line) of each image of ``text`` that names a file of the project (no address of
    another site, no data:, no absolute path)."""
    for i, line in enumerate(text.splitlines()):
        for m in IMAGE_REF.finditer(line):
            target = unquote((m.group(1) or m.group(2) or "").split("#")[0].split("?")[0])
            if target and not _NOT_LOCAL.match(target):
                yield target, i


def resolve(root: Path, chapter_path: str, target: str) -> tuple[Path | None, str]:
    """The file an image of a chapter names, and "" ; or None and why not (outside chronicle/, missing, not an
    image zhi copies)."""
    chronicle = (root / "chronicle").resolve()
    p = ((root / chapter_path).parent / target).resolve()
    if not p.is_relative_to(chronicle):
        return None, "outside"
    if not p.is_file():
        return None, "missing"
    if p.suffix.lower() not in IMAGE_SUFFIXES:
        return None, "kind"
    return p, ""


def site_images(root: Path, book, pages) -> dict[str, bytes]:
    """The images the edition's chapter pages show, by their path in the site's sources (in an ``images`` folder
    beside the page). Only the pages the edition writes are read: a withheld chapter's images, and those in a
    passage above the edition, are never copied; one of a kind zhi does not copy (SVG …) is dropped from the page
    (the check warns, prose-link), not left as a broken image. Each is published under a neutral name, its content's digest
    (``neutral_name``), and the page's address for it is rewritten to that name (``pages``' texts are changed):
    an image file's name is the editor's (苍梧十四号旧址.png, cangwu-14hao-bolanwei.png) and may say what the page
    may not, and no reader needs it."""
    if book is None:
        return {}
    sources = {"zhi/" + ch.path.removeprefix("chronicle/"): ch.path for ch in book.chapters()}
    out: dict[str, bytes] = {}
    for page in pages:
        chapter = sources.get(page.path)
        if chapter is None:
            continue

        def renamed(m: re.Match, page=page, chapter=chapter) -> str:
            group = 1 if m.group(1) is not None else 2
            written = m.group(group)
            target = unquote(written.split("#")[0].split("?")[0])
            p, why = resolve(root, chapter, target) if target and not _NOT_LOCAL.match(target) else (None, "")
            if why == "kind":   # (an SVG, a TIFF: not copied, so not shown as a broken image either; prose-link)
                return ""
            if p is None:
                return m.group(0)
            data = stripped(p.read_bytes())
            name = neutral_name(data, p.suffix)
            out[posixpath.join(posixpath.dirname(page.path), name)] = data
            a, b = m.start(group) - m.start(0), m.end(group) - m.start(0)
            return m.group(0)[:a] + name + m.group(0)[b:]

        page.text = IMAGE_WHOLE.sub(renamed, page.text)
    return out


def neutral_name(data: bytes, suffix: str) -> str:
    """The name a chapter's image is published under: ``images/`` and the digest of its bytes as published, with
    its kind's suffix (images/5d41402abc4b2a76.png); the same image the same name, whatever the editor called it."""
    import hashlib

    return f"images/{hashlib.sha256(data).hexdigest()[:16]}{suffix.lower()}"


# what of an image's info is its pixels' (which colour is transparent), not words about it: kept in a stripped copy
_PIXEL_INFO = ("transparency",)


def stripped(data: bytes) -> bytes:
    """An image as published: its pixels alone, written anew in its own format with no metadata at all (no EXIF,
    XMP, ICC profile, JPEG comment, PNG text chunk, GIF comment): what an image carries besides its pixels is never
    published, whatever its encoding. The bytes unchanged when the image library cannot read them (the leak scan then
    refuses the file: ``image_text``)."""
    import io

    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as im:
            im.load()
            fmt = im.format
            clean = Image.frombytes(im.mode, im.size, im.tobytes())
            if im.mode in ("P", "PA") and im.getpalette() is not None:
                clean.putpalette(im.getpalette())
            keep = {k: im.info[k] for k in _PIXEL_INFO if k in im.info}
        buf = io.BytesIO()
        clean.save(buf, format=fmt, **({"quality": 95} if fmt == "JPEG" else {}), **keep)
        return buf.getvalue()
    except Exception:  # noqa: BLE001 - an image zhi cannot rewrite goes to the scan as it is, which refuses it
        return data


def image_text(path: Path) -> str | None:
    """The words an image file carries besides its pixels (PNG text chunks, a JPEG's comment, EXIF and XMP), for the
    leak scan; None when the file cannot be read as an image (fail closed: it is not published). The pixels are
    not read: the guide asks the editor to look at an image before putting it in a chapter."""
    try:
        from PIL import Image

        with Image.open(path) as im:
            im.verify()
        with Image.open(path) as im:
            exif = im.getexif()
            # the EXIF sub-directories too (UserComment is in the Exif IFD, not in the first one)
            tags = [*exif.items(), *(kv for ifd in _EXIF_IFDS for kv in exif.get_ifd(ifd).items())]
            values = [*([k, v] for k, v in im.info.items()), *([str(k), v] for k, v in tags)]
    except Exception:  # noqa: BLE001 - any file the image library cannot read is one zhi cannot clear
        return None
    return "\n".join(w for pair in values for v in pair for w in _readings(v))


_EXIF_IFDS = (0x8769, 0x8825, 0xA005)   # Exif, GPS, Interoperability
# EXIF's UserComment begins with its encoding's name in eight bytes (UNICODE\0, ASCII\0\0\0, JIS\0\0\0\0\0)
_EXIF_CHARSETS = (b"UNICODE\0", b"ASCII\0\0\0", b"JIS\0\0\0\0\0", b"\0" * 8)
_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "gb18030")


def _readings(v: object) -> list[str]:
    """A metadata value as text: bytes read as UTF-8, UTF-16 (little and big endian: EXIF's XPTitle, XPComment, an
    ICC profile's names) and GB18030 (a JPEG comment typed on a Chinese system), also after EXIF's charset prefix
    (UserComment: ``UNICODE\\0`` and UTF-16); other values as written."""
    if isinstance(v, bytes):
        bodies = dict.fromkeys([v, v[8:] if v[:8] in _EXIF_CHARSETS else v])
        return [b.decode(enc, errors="replace") for b in bodies for enc in _ENCODINGS]
    if isinstance(v, (tuple, list)):
        return [w for x in v for w in _readings(x)]
    return [str(v)]


# a paragraph that is one image and nothing else (![县计划委员会旧址](images/x.png)): a figure, its alt text its 图题
_LONE_IMAGE_MD = re.compile(r"^!\[((?:[^\]\\]|\\.)*)\]\(\s*<?[^)\s>]+>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)$")
_LONE_IMAGE_HTML = re.compile(r'<p>(<img\b[^>]*?\balt="([^"]*)"[^>]*>)</p>')


def figures_md(md: str) -> str:
    """The site's chapter page: each image standing alone in its paragraph as a figure, centred, its alt text
    printed under it as the 图题 (figcaption), as a printed gazetteer titles its 图; the image stays Markdown, so
    that its address is still the one ``site_images`` rewrites (or drops)."""
    lines = md.split("\n")
    for i, line in enumerate(lines):
        m = _LONE_IMAGE_MD.match(line.strip())
        alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())
        if m and alone:
            alt = re.sub(r"\\(.)", r"\1", m.group(1)).strip()
            caption = f"\n<figcaption>{html.escape(alt, quote=False)}</figcaption>" if alt else ""
            lines[i] = f'<figure class="zhi-figure" markdown>\n{line.strip()}{caption}\n</figure>'
    return "\n".join(lines)


def figures_html(body: str) -> str:
    """The book's chapter: each image standing alone in its paragraph as a centred figure with its alt text under it
    as the 图题 (the PDF printed the image flush left and no caption at all)."""
    def repl(m: re.Match) -> str:
        caption = f'<figcaption class="caption">{m.group(2)}</figcaption>' if m.group(2).strip() else ""
        return f'<figure class="image">{m.group(1)}{caption}</figure>'

    return _LONE_IMAGE_HTML.sub(repl, body)
