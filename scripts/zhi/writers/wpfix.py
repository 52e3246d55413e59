"""A correction to WeasyPrint's footnote layout: no footnote may be dropped.

When a line does not fit at the foot of a page, WeasyPrint first tries to move the page's last footnotes to the
next page ("report" them) and, if the line then fits, keeps the line on this page. In that path
(``weasyprint.layout.block._linebox_layout``, WeasyPrint 70) the line's *own* footnotes are never laid out: their
calls are printed, their bodies nowhere, with no warning. This is how note 10 of the sample's chapter 8 went
missing from the PDF while the DOCX had it.

The wrapper below finds a kept line whose footnotes are still waiting, lays them out and reports them to the
next page, after the ones reported before them (the order of the calls). The build also counts the notes that
reach the PDF (``notecount.py``) and stops if one is missing, so a WeasyPrint release that changes this code
cannot drop a note silently.
"""

from __future__ import annotations

from weasyprint.layout import block

_original = block._linebox_layout


def _linebox_layout(context, box, index, child, new_children, *args, **kwargs):
    result = _original(context, box, index, child, new_children, *args, **kwargs)
    abort, stop, _resume_at, _position_y, new_footnotes, _max_lines = result
    if abort or not stop or not new_children or not context.footnotes:
        return result
    line = new_children[-1]
    waiting = [d.footnote for d in line.descendants()
               if getattr(d, "footnote", None) is not None and d.footnote in context.footnotes]
    for footnote in waiting:
        context.layout_footnote(footnote)
        context.report_footnote(footnote)
        new_footnotes.append(footnote)
    return result


if getattr(block._linebox_layout, "__module__", "") != __name__:
    block._linebox_layout = _linebox_layout
