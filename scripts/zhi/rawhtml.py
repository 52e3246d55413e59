"""Raw HTML in editors' text. Records may hold none (it is refused by `zhi check` and escaped on output);
prose may use a few harmless inline tags, without attributes; everything else is escaped on output."""

from __future__ import annotations

import re

# No ruby (<ruby>, <rt>, <rp>): a reader sees a ruby's annotation above (or, in brackets, beside) its base text, so
# the words of a line would read one way on the page and another way to the check and the leak scan
# ("<ruby>金丝雀<rt>jin</rt></ruby>未号" is 金丝雀 + 未号 to a reader, 金丝雀jin未号 with the tags taken out); and
# <ruby> without its annotation does nothing. An annotation is written in brackets after the character: 茌（chí）平.
PROSE_TAGS = {"br", "sup", "sub", "u", "s", "small", "mark"}
TAG_RE = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)([^<>]*)>|<!--.*?-->|<\?.*?>|<!\w[^<>]*>", re.DOTALL)
ANY_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?]")
# an editor's suppression note for the house-style lint: <!-- zhi: 忽略 style-… --> or <!-- zhi-ignore style-… -->
ZHI_COMMENT = re.compile(r"<!--\s*zhi(?:\s*[:：]\s*(?:忽略|ignore)|-ignore)\s+(?P<codes>[^<>]*?)\s*-->")
_ZHI_COMMENT_LINE = re.compile(r"^[ \t]*" + ZHI_COMMENT.pattern + r"[ \t]*(?:\n|$)", re.MULTILINE)


def strip_zhi_comments(text: str) -> str:
    """The text without the editors' suppression notes (a line holding only a note goes entirely)."""
    return ZHI_COMMENT.sub("", _ZHI_COMMENT_LINE.sub("", text or ""))


def has_markup(text: str) -> bool:
    return bool(ANY_TAG.search(text or ""))


def disallowed_tags(text: str, allowed: set[str] = PROSE_TAGS) -> list[str]:
    out = []
    for m in TAG_RE.finditer(text or ""):
        if ZHI_COMMENT.fullmatch(m.group(0)):
            continue
        name = (m.group(2) or "").lower()
        if not name or name not in allowed or (m.group(3) or "").strip().strip("/"):
            out.append(m.group(0)[:40])
    return out


def sanitize(text: str, allowed: set[str] = PROSE_TAGS) -> str:
    """Keep allowed tags (stripped of attributes); escape every other '<'."""
    keep: dict[str, str] = {}

    def stash(m: re.Match) -> str:
        name = (m.group(2) or "").lower()
        if name in allowed and m.group(0).startswith("<") and not m.group(0).startswith("<!"):
            token = f"\x00{len(keep)}\x00"
            keep[token] = f"<{m.group(1)}{name}>"
            return token
        return m.group(0)

    s = TAG_RE.sub(stash, strip_zhi_comments(text))
    s = s.replace("<", "&lt;")
    for token, tag in keep.items():
        s = s.replace(token, tag)
    return s


def escape_all(text: str) -> str:
    return (text or "").replace("<", "&lt;")
