"""设立甲、乙等5个机构 — one sentence of the source, written as one establishment a body with the same ``count`` —
prints as one line of the 机构变动年表 (its page, the year's page, a chapter's [[大事记]] table), never a line a body
that reads “成立甲等5个机构”, “成立乙等5个机构” (5 and 5 more)."""

import re

from conftest import make_archive, with_theme, write
from zhi.build import build_edition

EVENTS = """
- {id: ev-a, type: 成立, date: 1984-03-12, body: cs-a, name: 测试县甲局, parent: cs-zhengfu, count: 5,
   sources: [d-1984-7]}
- {id: ev-b, type: 成立, date: 1984-03-12, body: cs-b, name: 测试县乙局, parent: cs-zhengfu, count: 5,
   sources: [d-1984-7]}
"""
ONE = "成立测试县甲局、测试县乙局等5个机构，其中测试县甲局、测试县乙局均隶属测试县人民委员会，为政府工作部门。"


def _plain(path):
    return re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))


def test_one_sentence_of_the_source_is_one_line_of_the_nianbiao(tmp_path):
    root = with_theme(make_archive(tmp_path))
    write(root, "sources/bodies/ab.yaml", "- {id: cs-a, kind: 政府工作部门}\n- {id: cs-b, kind: 政府工作部门}\n")
    write(root, "sources/events/ab.yaml", EVENTS)
    chapter = root / "chronicle/p1/c1.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n\n[[大事记:cs-xian@1984]]\n", encoding="utf-8")
    out = build_edition(root, pdf=False).out
    for page in ("dashiji/nianbiao/index.html", "nianbiao/1984/index.html"):
        text = _plain(out / page)
        assert text.count(ONE) == 1, page
        assert "成立测试县甲局等5个机构" not in text and "成立测试县乙局等5个机构" not in text, page
    chapters = [p for p in out.rglob("*.html") if "测试县甲局" in p.read_text(encoding="utf-8")
                and "p1" in p.as_posix()]
    assert chapters and all(ONE in _plain(p) for p in chapters)
