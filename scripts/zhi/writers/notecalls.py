"""Note calls (the superscript numbers) as a printer sets them.

A call binds to the character before it: a line never begins with a call (nor with the 。，； after it, which
the line breaker already keeps with the call). A run of calls is separated — ⁷˒⁸˒⁹ — so that notes 7, 8 and 9
never read as note 789; or, where the house style asks for ranges (``print: {note-runs: 范围}``), a run of
three or more prints as ⁷⁻⁹ in the book (its notes are all still at the foot of the page, each with its
number). The site keeps ⁷˒⁸˒⁹: each call there is a link a reader can follow.

The binding is a WORD JOINER (U+2060) before each call: invisible, not extracted as text from the PDF, and
honoured by the line breakers of WeasyPrint (Pango), browsers and Word alike.
"""

from __future__ import annotations

import re

WJ = "\u2060"
SEP = "˒"  # U+02D2 MODIFIER LETTER CENTRED RIGHT HALF RING: the raised comma between calls

# the book's note: <span class="fn …"> holding one or more <span id=…>text</span> (text escaped, no markup)
_BOOK_NOTE = r'<span class="fn(?: [a-z ]+)?">(?:<span id="[^"]*">[^<]*</span>)+</span>'
_BOOK_RUN = re.compile(rf"(?:{_BOOK_NOTE})+")
_BOOK_ONE = re.compile(_BOOK_NOTE)


RANGE_FROM = 3  # the shortest run printed as a range (⁷⁻⁹); two calls are always ⁷˒⁸


def bind_book_calls(html: str, ranges: bool = False) -> str:
    """The book's HTML: a word joiner before every call; the second and later calls of a run get the class
    ``more`` (the CSS prints their call as ˒N). With ``ranges``, a run of three or more calls instead prints
    its first call, hides the calls inside (class ``within``) and prints the last as –N (class ``upto``)."""

    def mark(call: str, cls: str) -> str:
        return call.replace('class="fn', f'class="fn {cls}', 1)

    def run(m: re.Match) -> str:
        calls = _BOOK_ONE.findall(m.group(0))
        if ranges and len(calls) >= RANGE_FROM:
            calls[1:-1] = [mark(c, "within") for c in calls[1:-1]]
            calls[-1] = mark(calls[-1], "upto")
        else:
            calls[1:] = [mark(c, "more") for c in calls[1:]]
        return WJ + WJ.join(calls)

    return _BOOK_RUN.sub(run, html)


_MD_RUN = re.compile(r"(?:\[\^[^\]\s]+\])+(?!:)")  # not a definition [^n]: …
_MD_ONE = re.compile(r"\[\^[^\]\s]+\]")


def bind_markdown_calls(md: str) -> str:
    """The site's Markdown footnote references ``[^n]``: a word joiner before each, a raised ˒ between two."""

    def run(m: re.Match) -> str:
        return WJ + (WJ + f'<sup class="fn-sep">{SEP}</sup>' + WJ).join(_MD_ONE.findall(m.group(0)))

    return _MD_RUN.sub(run, md)
