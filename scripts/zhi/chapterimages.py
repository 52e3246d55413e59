"""Images a chapter shows (``![图题](images/x.png)`` beside the chapter's file): found in the page an edition writes
of the chapter, so that an image of a chapter the edition withholds, or of a passage above it, is never among them;
copied into the site beside the page, where the renderer finds them (it rewrites the address for the page's URL).

The check (``checks.prose``) names a local image that is missing or outside ``chronicle/``; the build copies only
those inside ``chronicle/`` that exist. The leak scan reads an image's metadata (``image_text``): what zhi cannot
read of an image is never published."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

# an image in Markdown (![alt](target "title")) or HTML (<img src="target">)
IMAGE_REF = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?|<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)[\"']",
                       re.IGNORECASE)
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
    """The images the edition's chapter pages show, by their path in the site's sources (beside the page, as the
    chapter's file has them beside it). Only the pages the edition writes are read: a withheld chapter's images,
    and those in a passage above the edition, are never copied."""
    if book is None:
        return {}
    sources = {"zhi/" + ch.path.removeprefix("chronicle/"): ch.path for ch in book.chapters()}
    out: dict[str, bytes] = {}
    for page in pages:
        chapter = sources.get(page.path)
        if chapter is None:
            continue
        for target, _ in local_images(page.text):
            p, _why = resolve(root, chapter, target)
            dest = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), target))
            if p is not None and dest.startswith("zhi/"):
                out[dest] = p.read_bytes()
    return out


def image_text(path: Path) -> str | None:
    """The words an image file carries besides its pixels (PNG text chunks, a JPEG's comment, EXIF and XMP), for the
    leak scan; None when the file cannot be read as an image (fail closed: it is not published). The pixels are
    not read: the guide asks the editor to look at an image before putting it in a chapter."""
    try:
        from PIL import Image

        with Image.open(path) as im:
            im.verify()
        with Image.open(path) as im:
            values = [*([k, v] for k, v in im.info.items()), *([str(k), v] for k, v in im.getexif().items())]
    except Exception:  # noqa: BLE001 - any file the image library cannot read is one zhi cannot clear
        return None
    return "\n".join(w for pair in values for v in pair for w in _readings(v))


def _readings(v: object) -> list[str]:
    """A metadata value as text: bytes read as UTF-8 and as UTF-16 (EXIF's XPTitle, XPComment), other values as
    written."""
    if isinstance(v, bytes):
        return [v.decode("utf-8", errors="replace"), v.decode("utf-16-le", errors="replace")]
    if isinstance(v, (tuple, list)):
        return [w for x in v for w in _readings(x)]
    return [str(v)]
