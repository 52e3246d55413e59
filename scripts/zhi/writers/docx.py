"""The volume as a Word document for reviewers, through pandoc (pypandoc's bundled binary)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from .book import BookWriter


def _pandoc_env() -> None:
    """Point pypandoc at its bundled pandoc, so that it does not first look for (and complain about) another."""
    if os.environ.get("PYPANDOC_PANDOC"):
        return
    import pypandoc

    exe = Path(pypandoc.__file__).parent / "files" / "pandoc"
    if exe.exists():
        os.environ["PYPANDOC_PANDOC"] = str(exe)


@contextlib.contextmanager
def utf8_locale():
    """Run pandoc in a UTF-8 locale whatever the caller's is: under LC_ALL=C pandoc reads its arguments (the
    book's title, file names in Chinese) as ASCII and writes mojibake, so builds would differ by locale."""
    saved = {k: os.environ.get(k) for k in ("LC_ALL", "LANG")}
    os.environ["LC_ALL"] = os.environ["LANG"] = "C.UTF-8"
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def write_docx(writer: BookWriter, out: Path, index_pages: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Headings, footnotes (a Lua filter turns the book's note spans into Word notes) and tables.

    The index carries the PDF's page numbers when the PDF was made in the same build, else none. Returns the
    anchors of the notes written, by chapter (see ``notecount``).
    """
    _pandoc_env()
    import pypandoc

    parts = writer.parts(index_pages or {})
    html = writer.document("body", parts.front + parts.body)
    out.parent.mkdir(parents=True, exist_ok=True)
    with utf8_locale():
        pypandoc.convert_text(html, "docx", format="html", outputfile=str(out),
                              extra_args=["--quiet", "--toc", f"--lua-filter={writer.theme / 'docx-notes.lua'}",
                                          "--metadata", f"title={writer.title}", "--metadata", "lang=zh-CN"])
    return parts.notes
