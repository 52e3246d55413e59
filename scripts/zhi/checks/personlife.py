"""``post-outside-life``: a term that begins after its holder died, or ends before the holder was born (an
appointment in 1996 of a person who died in 1988): one of the dates is miswritten, or the post is another person's
of the same name. A warning at the post's line, with the person's record beside it; the book prints what the
records say, so the editor is told before it does."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..history import History
from ..model import Archive


def check_post_in_life(a: Archive, h: History) -> Iterator[Finding]:
    for p in a.posts:
        person = a.people.get(p.person.id) if p.person else None
        if person is None:
            continue
        term = p.tenure().split("（")[0]
        first = p.start or (min(p.in_office, key=lambda d: d.earliest()) if p.in_office else None)
        last = p.end or (max(p.in_office, key=lambda d: d.latest()) if p.in_office else None)
        where = [person.loc] if person.loc else []
        if person.died is not None and first is not None and first.earliest() > person.died.latest():
            yield Finding("post-outside-life", "warning",
                          f"{person.name}（{person.id}）{person.died}逝世，这条任职（{p.post}，{term}）却在此后才开始"
                          f"{'（在任日期）' if p.start is None else ''}；志书照记录印出，会自相矛盾。"
                          f"请核对任职的起止（from、in_office）和人物的 died（逝世日期）；若是同名的另一个人，请另建人物记录",
                          p.loc, where)
        elif person.born is not None and last is not None and last.latest() < person.born.earliest():
            yield Finding("post-outside-life", "warning",
                          f"{person.name}（{person.id}）{person.born}出生，这条任职（{p.post}，{term}）却在此前已经结束；"
                          f"志书照记录印出，会自相矛盾。请核对任职的起止（to、in_office）和人物的 born（出生日期）；"
                          f"若是同名的另一个人，请另建人物记录", p.loc, where)
