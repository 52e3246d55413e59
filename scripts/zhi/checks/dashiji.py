"""The 大事记 left empty by its selection rules: a warning, so that a volume never prints an empty chapter
without the editor knowing why (群团 bodies only, say, none of whose kinds the default rules take)."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Loc
from ..history import History
from ..model import Archive
from ..project import HOUSE_STYLE
from ..views.chronology import chronology
from ..views.dashiji import dashiji

# how to make the 大事记 take a change: one wording for the book's and a place's page
_TO_TAKE = ("要收录，请在 sources/house-style.yaml 的 dashiji: 中加上这些机构的类别（如 kinds: [群团机关]），"
            "或在要收的事件记录中写 dashiji: 收（见编辑指南“大事记与记事”）")


def check_dashiji_empty(a: Archive, h: History) -> Iterator[Finding]:
    if a.book is None:
        return
    entries = chronology(a, h)
    if not entries:
        return
    items = dashiji(a, h, entries=entries)
    where = Loc(HOUSE_STYLE, 1) if (a.root / HOUSE_STYLE).is_file() else Loc("chronicle/book.yaml", 1)
    if not items:
        yield Finding("dashiji-empty", "warning",
                      f"档案所记的 {len(entries)} 项机构变动都不合大事记的收录规则，大事记一条也没有（志书和网站印出空的大事记，"
                      f"只注明全部变动见机构变动年表）。{_TO_TAKE}", where)
        return
    for j in a.jurisdictions.values():
        mine = [en for en in entries if j.id in en.jurisdictions]
        if j.in_scope and mine and not any(j.id in it.jurisdictions for it in items):
            t = h.get(j.id)   # one place's page among others: a hint (its page says why it is empty)
            yield Finding("dashiji-empty", "info",
                          f"{t.current_name() if t else j.id}的 {len(mine)} 项机构变动都不合大事记的收录规则，"
                          f"它的大事记页一条也没有。{_TO_TAKE}", j.loc)
