"""Text from records is plain text in every output.

A name, a note, a 考异, a generated 大事记 sentence and the editor's own 记事 (``sources/memos/``, ``text:``) are
printed exactly as written: the site's pages, the ``[[大事记]]``/``[[一览]]``/``[[编制]]`` tables inside chapters
(site and book), the book's 大事记, the Word copy, the open data and the search index all show ``*x*`` as
``*x*``, ``[a](javascript:…)`` as those characters and ``{: onclick=…}`` as text. Only chapter prose is Markdown.
What cannot be shown as text is refused by zhi check before any output: raw HTML (``raw-html``), a level marking
(``mark-word``); Markdown-looking text in a 记事 is named (``memo-markup``) so the editor knows it prints as typed.

Markdown outputs take record text through :func:`md_escape` (and :func:`md_cell` inside a table); HTML outputs
through ``html.escape`` (the book's ``esc``, Jinja's autoescape); the open data and the search index keep the
string itself.
"""

from __future__ import annotations

import re

# characters that make Markdown (and zhi's [[…]] references) out of text; & starts an entity
_MD_SPECIAL = re.compile(r"([\[\]*_`|#{}])")
_MD_ANY = re.compile(r"[\\&<>\[\]*_`|#{}]")   # any character md_escape changes


def md_escape(s: str) -> str:
    """Text from records goes into Markdown as text: characters that would make markup are escaped."""
    s = str(s)
    if not _MD_ANY.search(s):   # most names and sentences: nothing to escape (a site calls this for every value)
        return s
    s = s.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def md_cell(s: str) -> str:
    """Record text in a Markdown table cell: escaped as :func:`md_escape`, on one line."""
    return md_escape(s).replace("\n", " ")


# what an editor may write in a 记事 expecting Markdown or a chapter's syntax, each with what to do instead
_LOOKS_LIKE = [
    (re.compile(r"\[\[[^\[\]\n]*\]\]"), "记事里不能写 [[…]] 引用：涉及的记录写在“mentions”中，文字照写名称"),
    (re.compile(r"!?\[[^\[\]\n]+\]\((?:[^()\n]|\([^()\n]*\))*\)?"), "链接的写法不生效，方括号、圆括号和地址会照原样印出；请只写文字"),
    (re.compile(r"\{:[^{}\n]*\}"), "“{: …}”不生效，会照原样印出；请删去"),
    (re.compile(r"\*\*?[^*\s][^*\n]*\*\*?|(?<![A-Za-z0-9])__?[^_\s][^_\n]*__?(?![A-Za-z0-9])"),
     "星号、下划线不会变成粗体或斜体，会照原样印出；志书的大事记不加强调，请删去"),
    (re.compile(r"`[^`\n]+`"), "反引号会照原样印出；请删去"),
    (re.compile(r"^\s*(?:#{1,6}\s|[-+*]\s|>\s?|\d+[.)]\s)"), "行首的 #、-、>、“1.” 不会变成标题、列表或引文，会照原样印出；请删去"),
]


def markup_in(text: str) -> list[tuple[str, str]]:
    """Each kind of piece of ``text`` written as Markdown (or as a chapter's [[…]] reference), the first of its
    kind, with what to do about it; [] for plain text. Record text is never read as Markdown (module docstring)."""
    found = []
    for pattern, advice in _LOOKS_LIKE:
        m = pattern.search(text)
        if m:
            found.append((m.group(0), advice))
    return found
