"""``image-metadata``: a chapter's image whose file carries words besides its pixels (a PNG text chunk, a JPEG
comment, EXIF, XMP) that hold a classification mark or a name, title or 文号 above the chapter's edition. The site
publishes the image as its pixels alone (``chapterimages.stripped``), so nothing of it is printed; the editor is
told that the original file holds that text, and named the file, so that it is not handed on as it is."""

from __future__ import annotations

from collections.abc import Iterator

from ..chapterimages import image_text, local_images, resolve
from ..editions import EDITIONS
from ..findings import Finding, Loc
from ..history import History
from ..leaks import fold, forbidden_strings, holds, marks_in, within_of
from ..model import Archive


def _edition(ch, i: int) -> str | None:
    """The lowest edition that prints line ``i`` of a chapter's body (the chapter's level, or its passage's when
    higher); None when no edition prints it (an image there is never published)."""
    rank = (ch.written or ch.classification).rank
    rank = max([rank, *(lv.rank for lv, first, last in ch.passages if first < i and (last < 0 or i < last))])
    return next((e for e, limit in sorted(EDITIONS.items(), key=lambda x: x[1].rank) if limit.rank >= rank), None)


def check_image_metadata(a: Archive, h: History) -> Iterator[Finding]:
    if a.book is None:
        return
    forbidden: dict[str, dict[str, str]] = {}   # by edition, made only when an image carries words
    said: dict = {}
    for ch in a.book.chapters():
        for target, i in local_images(ch.body):
            path, _why = resolve(a.root, ch.path, target)
            if path is None:
                continue
            if path not in said:
                said[path] = image_text(path) or ""
            text = said[path]
            if not text.strip():
                continue
            edition = _edition(ch, i)
            if edition is None:
                continue
            if edition not in forbidden:
                forbidden[edition] = {k: v for k, v in forbidden_strings(a, edition).items()
                                      if not k.isascii() and len(fold(k)) >= 4}
            flat = fold(text)
            marks = list(dict.fromkeys(m for m, _ in marks_in(text, edition)))
            found = [k for k, v in forbidden[edition].items() if holds(fold(k), flat, within_of(v))]
            if not marks and not found:
                continue
            rel = path.relative_to(a.root).as_posix()
            what = "、".join(f"“{x}”" for x in [*marks, *found][:3])
            yield Finding("image-metadata", "warning",
                          f"图片 {rel} 的文件里除了画面还存着文字（图片说明、注释、EXIF、XMP 等），其中有{what}"
                          f"（{'密级标志' if marks else ''}{'、' if marks and found else ''}"
                          f"{'高于这一章密级的名称、标题或文号' if found else ''}）。网站上发布的是去掉这些文字、只有画面的图片，"
                          f"这些文字不会印出；但原文件里仍有，不要把它原样交给别人或放到别处。"
                          f"请用图片软件删去这些信息后另存（或重新导出一张），这条警告就不再出现",
                          Loc(ch.path, ch.body_line + i))
