"""Lay a chunk out once, number its pages later.

A chunk of the book is a WeasyPrint document of its own, and where it starts in the volume is known only when
every chunk before it has been laid out. Its layout does not depend on that number: every chunk starts on a
right-hand page, and the page number is printed only in a margin box, which takes no room from the text. So
``paginate`` lays the chunk out with the margin boxes held back, and ``number_pages`` makes them afterwards with
the page counter moved to where the chunk begins: the result is what WeasyPrint makes of the same HTML with
``@page :first { counter-reset: page N }``, without laying the text out twice.

This follows ``weasyprint.Document._render`` and ``weasyprint.layout.layout_document`` of WeasyPrint 70 (which
the lock file pins): margin boxes are made last, one page at a time, from the page's counter state.
``tests/test_book.py`` compares the result with WeasyPrint's own rendering of the same chunk, page by page.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from weasyprint import DEFAULT_OPTIONS, HTML
from weasyprint import layout as _layout
from weasyprint.css.counters import CounterStyle
from weasyprint.document import Document, DocumentMetadata, Page
from weasyprint.formatting_structure.build import build_formatting_structure
from weasyprint.html import get_html_metadata
from weasyprint.layout.background import layout_box_backgrounds
from weasyprint.layout.page import make_margin_boxes
from weasyprint.text.fonts import FontConfiguration

_held: list | None = None  # while ``paginate`` runs: the margin boxes it holds back


def _make_margin_boxes(context, page, state):
    if _held is None:
        return make_margin_boxes(context, page, state)
    _held.append((context.current_page, page, state))
    return []


_layout.make_margin_boxes = _make_margin_boxes


@dataclass
class Laid:
    """A chunk laid out, its pages not yet numbered."""
    document: Document
    context: object
    held: list          # (page number within the chunk, page box, counter state) of every page
    numbered: bool = False


def paginate(html: str, base_url: str) -> Laid:
    global _held
    source = HTML(string=html, base_url=base_url)
    options = DEFAULT_OPTIONS.copy()
    font_config, counter_style = FontConfiguration(), CounterStyle()
    context = Document._build_layout_context(source, font_config, counter_style, {}, options)
    root_box = build_formatting_structure(source.etree_element, context.style_for, context.get_image_from_uri,
                                          source.base_url, context.target_collector, counter_style,
                                          context.footnotes)
    _held = []
    try:
        pages = [Page(box) for box in _layout.layout_document(source, root_box, context)]
        held = _held
    finally:
        _held = None
    document = Document(pages, DocumentMetadata(**get_html_metadata(source)), source.url_fetcher, font_config, {},
                        options["output_intent"])
    document._html = source
    return Laid(document, context, held)


def number_pages(laid: Laid, first_page: int) -> Document:
    """The margin boxes of every page (running heads, page numbers), the chunk beginning on page ``first_page``
    (its HTML having put the counter at 1)."""
    if laid.numbered:
        raise RuntimeError("number_pages: this chunk is numbered already")
    laid.numbered = True
    for current, page_box, state in laid.held:
        state = copy.deepcopy(state)
        counters = state[1]
        counters["page"] = [*counters.get("page", [1])[:-1], counters.get("page", [1])[-1] + first_page - 1]
        laid.context.current_page = current
        margin = list(make_margin_boxes(laid.context, page_box, state))
        for box in margin:
            layout_box_backgrounds(page_box, box, laid.context.get_image_from_uri)
        page_box.children = (*page_box.children, *margin)
    laid.context.current_page = None
    return laid.document
