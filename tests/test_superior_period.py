"""A superior renamed within the period a row or a sentence covers is named with its rename (“测试县人民委员会（1970年5月
更名为测试县革命委员会）”), never by one of its names as if valid for the whole period: the 上级 column of an 一览 of
a period (1966..1976), and the 隶属 clause of an establishment the source dates only by its year. A superior printed
with its 区别语 takes the rename inside the same brackets: X（区别语；…）, never X（…）（…）."""

import re

from conftest import make_archive, with_theme, write
from zhi.build import build_edition
from zhi.chronicle import Directive
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.snapshot import snapshot
from zhi.views.staffing import figures
from zhi.writers.tables import Tables

EVENTS = """
- {id: ev-gwh, type: rename, date: 1970-05, body: cs-zhengfu, name: 测试县革命委员会, sources: [d-1956-1]}
- {id: ev-zhan, type: establish, date: 1970, body: cs-zhan, name: 测试县水文站, parent: cs-zhengfu, sources: [d-1956-1]}
"""
RENAMED = "测试县人民委员会（1970年5月更名为测试县革命委员会）"


def _root(tmp_path, same_name=False):
    root = make_archive(tmp_path)
    bodies = "- {id: cs-zhan, kind: 事业单位}\n"
    events = EVENTS
    if same_name:   # another body later bears the name: each is printed with its 区别语
        bodies += "- {id: cs-zf2, kind: 其他, distinguish: 1981年设立}\n"
        events += ("- {id: ev-zf2, type: establish, date: 1981, body: cs-zf2, name: 测试县人民委员会, jurisdiction: cs-xian,"
                   " sources: [d-1956-1]}\n"
                   "- {id: ev-hs, type: co-locate, date: 1982, bodies: [cs-jiwei, cs-zf2], sources: [d-1956-1]}\n")
        write(root, "sources/bodies/zhengfu.yaml", "id: cs-zhengfu\nkind: 其他\ndistinguish: 1956年设立\n")
    write(root, "sources/bodies/zhan.yaml", bodies)
    write(root, "sources/events/period.yaml", events)
    return root


def _parents(a, h, when):
    return {r.body: r.parent_name for r in snapshot(a, h, "cs-xian", parse_date(when), figures(a))}


def test_an_yilan_of_a_period_names_the_superior_with_its_rename(tmp_path):
    a = load_archive(_root(tmp_path))
    h = derive_history(a)
    assert _parents(a, h, "1966..1976")["cs-jiwei"] == RENAMED
    # a day names the superior as it was called that day, with no hedge
    assert _parents(a, h, "1975-12-31")["cs-jiwei"] == "测试县革命委员会"
    assert _parents(a, h, "1966-12-31")["cs-jiwei"] == "测试县人民委员会"
    md = Tables(a, h, [], figures(a)).render(Directive("snapshot", "cs-xian", parse_date("1966..1976"), None),
                                             lambda r, t: t)
    assert f"| {RENAMED} |" in md


def test_a_year_dated_establishment_says_the_rename_in_its_superior_clause(tmp_path):
    a = load_archive(_root(tmp_path))
    h = derive_history(a)
    (en,) = [en for en in chronology(a, h) if en.event.id == "ev-zhan"]
    assert en.plain() == f"设立测试县水文站，隶属{RENAMED}，为事业单位。"


def test_a_year_dated_change_of_superior_says_the_rename(tmp_path):
    root = _root(tmp_path)
    write(root, "sources/bodies/zhan2.yaml", "- {id: cs-zhan2, kind: 事业单位}\n- {id: cs-zhan3, kind: 事业单位}\n")
    write(root, "sources/events/moved.yaml", """
- {id: ev-z2, type: establish, date: 1966-01-01, body: cs-zhan2, name: 测试县乙站, parent: cs-jiwei, sources: [d-1956-1]}
- {id: ev-z3, type: establish, date: 1966-01-01, body: cs-zhan3, name: 测试县丙站, parent: cs-jiwei, sources: [d-1956-1]}
- {id: ev-z2-p, type: reparent, date: 1970, body: cs-zhan2, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: ev-z3-p, type: reparent, date: 1970, body: cs-zhan3, parent: cs-zhengfu, wording: 划归, sources: [d-1956-1]}
""")
    a = load_archive(root)
    h = derive_history(a)
    said = {en.event.id: en.plain() for en in chronology(a, h)}
    assert said["ev-z2-p"] == f"测试县乙站改为隶属{RENAMED}。"
    assert said["ev-z3-p"] == f"测试县丙站划归{RENAMED}。"


def test_a_superior_with_its_distinguishing_words_takes_the_rename_in_the_same_brackets(tmp_path):
    root = _root(tmp_path, same_name=True)
    a = load_archive(root)
    h = derive_history(a)
    merged = "测试县人民委员会（1956年设立；1970年5月更名为测试县革命委员会）"
    assert _parents(a, h, "1966..1976")["cs-jiwei"] == merged
    out = build_edition(with_theme(root), pdf=False).out
    page = re.sub(r"<[^>]+>", "", (out / "jigou/cs-jiwei/index.html").read_text(encoding="utf-8"))
    assert merged in page and "（1956年设立）（" not in page
    # a partner in a joint office, told apart by its 区别语, takes its period in the same brackets too
    assert "与测试县人民委员会（1981年设立；1982年—" in page and "（1981年设立）（" not in page
