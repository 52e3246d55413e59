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
