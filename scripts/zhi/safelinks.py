"""Link targets in rendered Markdown: only web addresses (http, https, mailto) and links within the site.

Editors' prose, full texts and imported documents are Markdown; ``[文字](javascript:…)`` or a ``data:`` target
would become a live link in the site, a hyperlink in the DOCX and a URI action in the PDF. This Python-Markdown
extension runs last over every rendered page (MkDocs and the book) and turns any other target into plain text.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = {"http", "https", "mailto"}
URL_ATTRS = ("href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "cite", "background")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def safe_url(value: str) -> bool:
    """Whether a link target is harmless: relative, an anchor, or http/https/mailto. Browsers ignore control
    characters and spaces around and inside a scheme, so they are removed before it is read."""
    v = value or ""
    for _ in range(3):   # Markdown keeps character references as written, and the browser decodes them
        v = html.unescape(v)
    v = re.sub(r"[\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]", "", v)
    m = _SCHEME.match(v.lower())
    return m is None or m.group(1) in SAFE_SCHEMES


class _Unlink(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for el in root.iter():
            bad = [a for a in URL_ATTRS if a in el.attrib and not safe_url(el.attrib[a])]
            if not bad:
                continue
            for a in bad:
                del el.attrib[a]
            if el.tag == "a":
                el.tag = "span"
                el.attrib.pop("title", None)
            elif el.tag == "img":   # an image from an unsafe address: only its description stays
                alt = el.attrib.get("alt", "")
                el.tag, el.text = "span", alt
                el.attrib.clear()


class SafeLinksExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_Unlink(md), "zhi-safelinks", 0)   # after every other tree processor


def makeExtension(**kwargs) -> SafeLinksExtension:
    return SafeLinksExtension(**kwargs)
