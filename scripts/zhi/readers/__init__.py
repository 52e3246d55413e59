"""What `zhi import` reads out of a file, one module by format: ``text`` (encodings of text files), ``convert``
(the transcription, by pandoc), ``markup`` (HTML, Markdown and text: comments, styles and scripts, attributes,
front matter), ``office`` (Word and ODT: headers, footers, text boxes, watermarks, properties, comments).

Besides the transcription, three texts are read for marks (see ``importer.extract``): ``package_text`` (margins:
headers, footers, properties, a page's <title>), ``hidden_text`` (what no reader of the page sees: comments,
attributes, text pandoc drops) and ``code_text`` (a page's styles and scripts)."""

from __future__ import annotations

from pathlib import Path

from . import markup, office
from .convert import SUPPORTED, to_markdown
from .text import ImportError_, read_text

__all__ = ["SUPPORTED", "ImportError_", "all_text", "code_text", "drawn", "hidden_text", "package_text", "read_text", "to_markdown"]


def _by_format(path: Path, what: str) -> str:
    suffix = path.suffix.lower()
    for module in (markup, office):
        if suffix in module.SUFFIXES and hasattr(module, what):
            return getattr(module, what)(path)
    return ""


def package_text(path: Path) -> str:
    """Text that pandoc leaves out of the body and a reader sees around it: page headers and footers, text boxes
    and document properties of a .docx or .odt, the front matter of a Markdown file, the <title> and <meta> of an
    HTML page. Marks such as “秘密★10年” often stand there."""
    return _by_format(path, "package_text")


def hidden_text(path: Path) -> str:
    """Text the file holds but the transcription leaves out and no reader of the page sees; every line of it is
    read as a marking would be."""
    return _by_format(path, "hidden_text")


def code_text(path: Path) -> str:
    """What the styles and scripts of a page hold (a mark drawn by CSS)."""
    return _by_format(path, "code_text")


def drawn(path: Path) -> list[str]:
    """What on a page may draw words when shown that zhi cannot see (scripts, CSS content, data: addresses,
    embedded objects), named in Chinese."""
    return _by_format(path, "drawn") or []


def all_text(path: Path) -> str:
    """Every line of words the file holds, wherever it stands (elements, attributes, every part of a package);
    the importer reads those the transcription does not show as hidden text."""
    return _by_format(path, "all_text")
