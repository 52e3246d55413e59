"""Word (.docx) and ODT files: the text pandoc leaves out of the transcription (headers, footers, text boxes,
watermarks, document properties, comments)."""

from __future__ import annotations

import re
from pathlib import Path


def _zip_xml(path: Path, wanted) -> list[tuple[str, str]]:
    """(name, text) of the members of a .docx or .odt (a zip) whose names ``wanted`` accepts; none when the file is
    no zip."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            return [(name, z.read(name).decode("utf-8", "replace")) for name in z.namelist() if wanted(name)]
    except (zipfile.BadZipFile, OSError, KeyError):
        return []


SUFFIXES = (".docx", ".odt")


def package_text(path: Path) -> str:
    """Text that pandoc leaves out of the body: page headers and footers, text boxes and document properties
    (标题、主题、关键词、自定义属性) of a .docx or .odt. Marks such as “秘密★10年” often stand there."""
    suffix = path.suffix.lower()
    out = []
    parts = ("docProps/core.xml", "meta.xml", "docProps/custom.xml", "styles.xml", "content.xml")
    for name, xml in _zip_xml(path, lambda n: n in parts or re.fullmatch(_WORD_PARTS, n)):
        if suffix == ".docx" and re.fullmatch(_WORD_PARTS, name):
            if name == "word/document.xml":   # only the text boxes and shapes' words of the body
                xml = " ".join(re.findall(r"<w:txbxContent\b.*?</w:txbxContent>|<v:textpath\b[^>]*>", xml, re.DOTALL))
            out.append(_xml_text(_shape_words(xml), r"</w:p>"))
        elif name in ("docProps/core.xml", "meta.xml"):
            # document properties (标题、主题、关键词、类别、备注): one value per line
            out.append(_xml_text(xml, r"</[^>]+>"))
        elif name == "docProps/custom.xml":   # custom properties, e.g. 密级 = 秘密
            for prop, value in re.findall(r'<property\b[^>]*\bname="([^"]*)"[^>]*>(.*?)</property>', xml,
                                          re.DOTALL):
                out.append(f"{prop}：{_xml_text(value, '$^').strip()}")
        elif suffix == ".odt" and name in ("styles.xml", "content.xml"):
            blocks = re.findall(r"<style:(?:header|footer)(?:-left|-first)?\b.*?</style:(?:header|footer)"
                                r"(?:-left|-first)?>|<draw:text-box\b.*?</draw:text-box>", xml, re.DOTALL)
            out.append(_xml_text(" ".join(blocks), r"</text:p>|</text:h>"))
    return "\n".join(x for x in out if x.strip())


# a .docx's body, and every page header and footer part (header1.xml, header-first.xml …)
_WORD_PARTS = r"word/(?:document\d*|[^/]*(?:header|footer)[^/]*)\.xml"


def _shape_words(xml: str) -> str:
    """A Word part with the words its shapes hold each on lines of their own: a watermark's text (the VML text
    path ``<v:textpath string="秘密★10年"/>``, Word's usual watermark, kept only as an attribute) and a text box's or
    WordArt's paragraphs (``<w:txbxContent>``), which would run on into the paragraph the shape is anchored in."""
    def textpath(m: re.Match) -> str:   # the value is XML-escaped already; _xml_text unescapes it
        words = re.findall(r"""\bstring\s*=\s*(?:"([^"]*)"|'([^']*)')""", m.group(0))
        return "".join(f"</w:p>{a or b}</w:p>" for a, b in words)

    xml = re.sub(r"<v:textpath\b[^>]*>", textpath, xml)
    return re.sub(r"<w:txbxContent\b[^>]*>|</w:txbxContent>", "</w:p>", xml)



def _xml_text(xml: str, para_end: str) -> str:
    import html

    xml = re.sub(para_end, "\n", xml)
    return html.unescape(re.sub(r"<[^>]+>", "", xml))




def hidden_text(path: Path) -> str:
    """Word's and ODT's comments (批注), which pandoc leaves out."""
    suffix = path.suffix.lower()
    out = []
    if suffix == ".docx":
        out += [_xml_text(xml, r"</w:p>") for _n, xml in _zip_xml(path, lambda n: re.fullmatch(r"word/comments\w*\.xml", n))]
    elif suffix == ".odt":
        for _n, xml in _zip_xml(path, lambda n: n in ("content.xml", "styles.xml")):
            notes = re.findall(r"<office:annotation\b.*?</office:annotation>", xml, re.DOTALL)
            notes = [re.sub(r"<dc:(creator|date)\b.*?</dc:\1>", "", n, flags=re.DOTALL) for n in notes]
            out.append(_xml_text(" ".join(notes), r"</text:p>"))
    return "\n".join(x for x in out if x.strip())


# where a line of words ends: a paragraph, a table cell, a comment and its author and date, a note's number
_PARA_END = (r"</w:p>|</text:p>|</text:h>|</a:p>|</w:tc>|</table:table-cell>|</?office:annotation\b[^>]*>|</dc:[\w-]+>"
             r"|</text:note-citation>|</meta:[\w-]+>")
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_OFFICE_ZIP = (".docx", ".docm", ".dotx", ".xlsx", ".xlsm", ".pptx", ".odt", ".ods", ".odp", ".odg")


def _part_lines(xml: str) -> list[str]:
    """The lines of words of one XML part: its text (one line per paragraph where the part has paragraphs, else
    per element: a property's value), and the values of its attributes that hold words (an image's alt text
    ``descr``, a shape's ``o:title``, a watermark's ``string``; any value beyond ASCII)."""
    import html

    from .markup import words_of_attribute

    out = []
    for tag in re.findall(r"<[^>!?/][^>]*>", xml):
        for name, a, b in _ATTR.findall(tag):
            value = html.unescape(a or b)
            if words_of_attribute(name, value) and not name.startswith("xmlns"):
                out += value.splitlines()
    paragraphs = re.search(r"<(?:w|text|a):p\b", xml)
    xml = re.sub(r"<w:(?:tab|br|cr)\b[^>]*/>|<text:(?:s|tab|line-break)\b[^>]*/>", " ", xml)
    out += html.unescape(re.sub(r"<[^>]+>", "", re.sub(_PARA_END if paragraphs else r"</[^>]+>", "\n", xml))
                         ).splitlines()
    return [ln.strip() for ln in out if ln.strip()]


def all_text(path: Path) -> str:
    """Every line of words in every part of a .docx or .odt (body, headers and footers, footnotes and endnotes,
    comments, text boxes, charts, properties, custom XML, field codes, deleted text, alt texts and shapes' titles),
    and of the Office files embedded in it, whether or not the transcription shows it: the importer reads those it
    does not show as hidden text. An embedded object whose words zhi cannot read (an OLE object, a .doc) refuses
    the file."""
    import zipfile

    from .text import ImportError_

    def lines(z: zipfile.ZipFile, where: str, depth: int) -> list[str]:
        out = []
        for name in z.namelist():
            low = name.lower()
            if low.endswith(".xml") and not low.endswith("[content_types].xml"):
                out += _part_lines(z.read(name).decode("utf-8", "replace"))
            elif "embeddings/" in low or re.match(r"object ?\d+", low):   # Word's embeddings/, ODT's Object 1
                if low.endswith(_OFFICE_ZIP) and depth < 2:
                    import io

                    try:
                        with zipfile.ZipFile(io.BytesIO(z.read(name))) as inner:
                            out += lines(inner, f"{where}{name} → ", depth + 1)
                        continue
                    except zipfile.BadZipFile:
                        pass
                if not low.endswith((".png", ".jpg", ".jpeg", ".gif", ".bmp", ".emf", ".wmf", ".svg", ".tif",
                                     ".tiff", ".rdf")) and not name.endswith("/"):
                    raise ImportError_(
                        f"文件中嵌有对象“{where}{name}”，zhi 读不出其中的文字（其中可能有密级标志），未导入；"
                        f"请在 Word 或 WPS 中把它转为文字或表格（或删去）后另存，再导入")
        return out

    try:
        with zipfile.ZipFile(path) as z:
            return "\n".join(lines(z, "", 0))
    except (zipfile.BadZipFile, OSError, KeyError):
        return ""
