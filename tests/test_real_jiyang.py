"""What typing 《济阳县志》 计划统计 第一节 机构 met (tests/fixtures/real/jiyang/README.md): a 恢复 that names no
superior while the former one's existence then is not recorded, a rename and two set-ups dated only “某时前”.

Each test reads the derived superior, the printed sentence, the 一览 cell or the 大事记 selection.
"""

from pathlib import Path

from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.model import UNKNOWN
from zhi.views.chronology import chronology
from zhi.views.dashiji import dashiji, principal, rules_for
from zhi.views.lineage import lineage
from zhi.views.snapshot import difference, snapshot

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "jiyang"


def _load():
    a = load_archive(REAL)
    return a, derive_history(a)


def _event(a, eid):
    return next(e for e in a.events if e.id == eid)


def test_a_restore_naming_no_superior_keeps_none_whose_existence_then_is_not_recorded():
    """人委 is 止年不详, last seen 1957-06: the 计委 restored in 1976-10 is not put back under it (上级不详)."""
    a, h = _load()
    t = h.get("jy-jiwei")
    assert t.parent_on(parse_date("1977-12-31")) == UNKNOWN
    rows = snapshot(a, h, "jiyang-xian", parse_date("1977-12-31"), [])
    row = next(r for r in rows if r.body == "jy-jiwei")
    assert row.parent_name == "不详"
    # before the end of its first period it was under 人委, as the merge of 1957 says
    assert t.parent_on(parse_date("1957-12-31")) == "jy-zhengfu"


def test_a_restore_keeps_a_former_superior_the_record_shows_there(tmp_path):
    """The same restore, with 人委 known to go on (no `end: 不详`): it goes back under it."""
    import shutil
    root = tmp_path / "jy"
    shutil.copytree(REAL, root)
    p = root / "sources" / "bodies" / "jiyang.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("- id: jy-zhengfu\n  kind: 其他\n  end: 不详\n",
                                                       "- id: jy-zhengfu\n  kind: 其他\n"), encoding="utf-8")
    a = load_archive(root)
    h = derive_history(a)
    assert h.get("jy-jiwei").parent_on(parse_date("1977-12-31")) == "jy-zhengfu"


def test_a_rename_dated_before_is_not_called_this_years_and_keeps_its_wording():
    _, h = _load()
    diff = difference(h, "jiyang-xian", parse_date("1955-12-31"), parse_date("1956-12-31"))
    assert diff.renamed == []
    assert diff.renamed_dated == [("1956年6月前", "jy-zhengfu", "济阳县人民政府", "济阳县人民委员会", "改称")]
    # a rename dated within the year stays 是年, in the source's verb
    diff = difference(h, "jiyang-xian", parse_date("1957-12-31"), parse_date("1958-12-31"))
    assert diff.renamed == [("jy-jiwei", "济阳县计划统计科", "济阳县计划委员会", "改称")]


def test_events_dated_before_are_in_the_nianbiao_and_on_the_body_pages_dated_as_given():
    a, h = _load()
    printed = [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]
    for line in ("1956年6月前　济阳县人民政府改称济阳县人民委员会。",
                 "1969年12月前　已有济阳县革命委员会。",
                 "1969年12月前　已有济阳县革命委员会生产指挥部，隶属济阳县革命委员会。"):
        assert line in printed, line
    # a set-up dated before the volume's upper limit (1953) says only that it existed then: no entry
    assert not any(x.startswith("1953年4月前") for x in printed)
    assert "ev-jy-renwei" in [en.event.id for en in lineage(a, h, "jy-zhengfu").events]
    # the 大事记 does not select what the source does not date
    assert not any(e.id in ("ev-jy-renwei", "ev-jy-geweihui") for it in dashiji(a, h) for e in it.members)


def test_an_unknown_superior_is_not_no_superior_in_the_dashiji_selection():
    a, h = _load()
    rules = rules_for(a.root)
    assert not principal(a, h, "jy-jiwei", _event(a, "ev-jy-1976-restore"), rules)
    assert "ev-jy-1976-restore" not in [e.id for it in dashiji(a, h) for e in it.members]
    # 1980: the source does not say under whom the new 统计局 was (parent: 不详): not a leading body either
    split = _event(a, "ev-jy-1980-split")
    assert not principal(a, h, "jy-tongjiju", split, rules)
    assert split.id not in [e.id for it in dashiji(a, h) for e in it.members]


def test_the_built_year_pages_print_it(tmp_path):
    import re
    import shutil

    from zhi.build import build_edition
    root = tmp_path / "jy"
    shutil.copytree(REAL, root)
    shutil.copytree(REAL.parent.parent.parent.parent / "theme", root / "theme")
    shutil.copy(REAL.parent.parent.parent.parent / "mkdocs.yml", root / "mkdocs.yml")
    out = build_edition(root, pdf=False).out

    def page(*parts):
        return re.sub(r"<[^>]+>|\s", "", (out.joinpath(*parts) / "index.html").read_text(encoding="utf-8"))

    y1956 = page("nianbiao", "1956")
    assert "1956年6月前更名：济阳县人民政府改称济阳县人民委员会。" in y1956
    assert "是年更名" not in y1956 and "起称" not in y1956
    assert "济阳县计划委员会不详不详—1976年10月恢复" in page("nianbiao", "1977")   # 上级: 不详
    assert "1969年12月前已有济阳县革命委员会。" in page("dashiji", "nianbiao")
