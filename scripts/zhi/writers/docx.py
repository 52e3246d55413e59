"""The volume as a Word document for reviewers, through pandoc (pypandoc's bundled binary)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import zipfile
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


# The look of a Chinese government document, on pandoc's own reference document: 宋体 body with the first line
# indented two characters, 黑体 headings in black, footnotes in 宋体 小五, a 16开 page (185 × 260 mm).
PAGE = '<w:pgSz w:w="10488" w:h="14740"/><w:pgMar w:top="1361" w:right="1134" w:bottom="1247" w:left="1361" ' \
       'w:header="851" w:footer="851" w:gutter="0"/>'
BODY_FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman" />'
HEAD_FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体" w:cs="Times New Roman" />'
INDENT = '<w:ind w:firstLineChars="200" w:firstLine="480" />'


def reference_docx(dest: Path) -> Path:
    """pandoc's default reference document with Chinese styles (see above), written to ``dest``."""
    data = subprocess.run([os.environ["PYPANDOC_PANDOC"], "--print-default-data-file", "reference.docx"],
                          capture_output=True, check=True).stdout
    src = zipfile.ZipFile(io.BytesIO(data))
    styles = src.read("word/styles.xml").decode("utf-8")
    styles = re.sub(r"<w:rFonts w:asciiTheme=\"minorHAnsi\"[^>]*/>", BODY_FONT, styles)
    styles = re.sub(r"<w:rFonts w:asciiTheme=\"majorHAnsi\"[^>]*/>", HEAD_FONT, styles)
    styles = re.sub(r"(<w:style [^>]*w:styleId=\"(?:Heading\d|Title|Subtitle|TOCHeading)\".*?)<w:color [^>]*/>",
                    r'\1<w:color w:val="000000" />', styles, flags=re.DOTALL)
    # body paragraphs: first line indented two characters, 1.5 lines
    styles = re.sub(r'(<w:style [^>]*w:styleId="BodyText">.*?<w:pPr>)\s*<w:spacing [^>]*/>',
                    rf'\1<w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="auto" />{INDENT}', styles,
                    count=1, flags=re.DOTALL)
    document = src.read("word/document.xml").decode("utf-8")
    document = document.replace("<w:sectPr>", "<w:sectPr>" + PAGE, 1)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            body = {"word/styles.xml": styles.encode("utf-8"),
                    "word/document.xml": document.encode("utf-8")}.get(item.filename) or src.read(item.filename)
            z.writestr(item, body)
    return dest


_SVG = re.compile(r"<svg\b[^>]*>.*?</svg>", re.DOTALL)
TEXT_WIDTH_PX = 540  # the 16开 page's text block, in CSS pixels


def charts_as_png(html: str, folder: Path) -> str:
    """Every inline SVG figure (charts, 沿革图) replaced by a PNG of it: WPS and older Word do not show SVG.

    The SVGs are typeset together by WeasyPrint, one to a page of their own size, and rasterised by poppler's
    pdftoppm at 3× (both already used for the book)."""
    found = list(_SVG.finditer(html))
    if not found:
        return html
    from weasyprint import HTML

    sizes, pages = [], []
    for i, m in enumerate(found):
        w = re.search(r'\bwidth="(\d+(?:\.\d+)?)"', m.group(0))
        h = re.search(r'\bheight="(\d+(?:\.\d+)?)"', m.group(0))
        w, h = (float(w.group(1)) if w else 360.0), (float(h.group(1)) if h else 240.0)
        sizes.append(w)
        pages.append(f"<style>@page p{i} {{ size: {w}px {h}px; margin: 0 }}</style>"
                     f'<div style="page: p{i}; break-before: page">{m.group(0)}</div>')
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("chart-*.png"):   # an earlier build's figures (another count, other numbering)
        old.unlink()
    pdf = folder / "charts.pdf"
    HTML(string="<html><body style='margin:0'>" + "".join(pages) + "</body></html>").write_pdf(pdf)
    subprocess.run(["pdftoppm", "-r", "288", "-png", str(pdf), str(folder / "chart")], check=True,
                   capture_output=True)
    pngs = sorted(folder.glob("chart-*.png"))
    if len(pngs) != len(found):
        raise RuntimeError(f"图表转为 PNG 时出错：{len(found)} 幅图只得到 {len(pngs)} 个文件")
    out, pos = [], 0
    for m, png, w in zip(found, pngs, sizes, strict=True):
        label = re.search(r'aria-label="([^"]*)"', m.group(0))
        img = (f'<img src="{png.name}" width="{int(min(w, TEXT_WIDTH_PX))}" '
               f'alt="{label.group(1) if label else "图"}">')
        out += [html[pos:m.start()], img]
        pos = m.end()
    return "".join(out) + html[pos:]


EDITION_PROPERTY = "zhi-edition"  # the DOCX's custom property naming its edition (public, internal)


def write_docx(writer: BookWriter, out: Path, index_pages: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Headings, footnotes (a Lua filter turns the book's note spans into Word notes) and tables.

    The index carries the PDF's page numbers when the PDF was made in the same build, else none. Returns the
    anchors of the notes written, by chapter (see ``notecount``).
    """
    _pandoc_env()
    import pypandoc

    writer.for_docx = True
    parts = writer.parts(index_pages or {})
    html = writer.document("body", parts.front + parts.body)
    out.parent.mkdir(parents=True, exist_ok=True)
    ref = reference_docx(out.parent / "reference.docx")
    html = charts_as_png(html, out.parent / "docx-charts")
    with utf8_locale():
        pypandoc.convert_text(html, "docx", format="html", outputfile=str(out),
                              extra_args=["--quiet", "--toc", f"--lua-filter={writer.theme / 'docx-notes.lua'}",
                                          f"--reference-doc={ref}", "--metadata", "toc-title=目录",
                                          f"--resource-path={out.parent / 'docx-charts'}",
                                          "--metadata", f"title={writer.title}", "--metadata", "lang=zh-CN",
                                          # a custom document property (docProps/custom.xml) that Word and WPS
                                          # keep: zhi review reads which edition the reviewers had
                                          "--metadata", f"{EDITION_PROPERTY}={writer.edition}"])
    return parts.notes
