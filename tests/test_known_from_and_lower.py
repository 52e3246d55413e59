"""Two false readings of the 《宜黄县志》 tester's archive (a county set up in 257, merged away in 589, restored in
968; a 文联 and townships known only to exist by 1985 and 2005; townships renamed after the 下限):

- a body known only to exist by a date (``1985或以前``) was placed under every earlier life of its county, and its
  township under every superior the county ever had: 宜黄县（1985年9月27日或以前—589年、622年—625年）, 属临川郡;
- a rename dated after the 下限 was left out of the 大事记 only: the page title, the 层级 line and the open data
  named the township by its later name (中港镇) and level, though at the 下限 it was 中港乡.
"""

from conftest import archive_with
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage
from zhi.views.naming import name_on

# the base archive's county (cs-xian, set up 1956-01) gets an older life: 257 set up, 589 merged away; the 1956 set-up
# is its restoration
COUNTY = """\
- {id: ev-old, type: establish, date: 257, body: cs-xian, name: 测试县, parent: cs-jun, sources: [d-1956-1]}
- {id: ev-gone, type: merge, date: 589, before: [cs-xian, cs-lin], after: cs-lin, sources: [d-1956-1]}
- {id: ev-wl, type: establish, date: 1985或以前, body: cs-wl, name: 测试县文学艺术联合会, jurisdiction: cs-xian,
   sources: [d-1984-7]}
- {id: ev-xiang, type: establish, date: 2000或以前, body: cs-xiang, name: 甲乡, parent: cs-xian, sources: [d-1984-7]}
- {id: ev-zhen, type: rename, date: 2000后, body: cs-xiang, name: 甲镇, sources: [d-1984-7]}
- {id: ev-zhen-level, type: rerank, date: 2000后, body: cs-xiang, level: 镇, sources: [d-1984-7]}
"""
PLACES = """\
- id: cs-jun
  scope: out
  names:
    - {name: 某郡, from: 257或以前, to: 589, sources: [d-1956-1]}
- id: cs-lin
  level: 县
  scope: out
  names:
    - {name: 邻县, from: 589或以前, sources: [d-1956-1]}
- {id: cs-xiang, level: 乡}
"""


def _archive(tmp_path):
    root = archive_with(tmp_path, COUNTY, bodies={"cs-wl": "人民团体"},
                        files={"sources/jurisdictions/more.yaml": PLACES})
    # the base archive's 1956 set-up of the county becomes its restoration
    p = root / "sources/events/1956.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace(
        "- id: ev-county\n  type: establish\n  date: 1956-01\n  body: cs-xian\n  name: 测试县\n",
        "- id: ev-county\n  type: restore\n  date: 1956-01\n  body: cs-xian\n  from: cs-lin\n"), encoding="utf-8")
    return load_archive(root)


def _periods(periods) -> list[tuple[str, str, str]]:
    return [(p.value, str(p.start or ""), str(p.end or "")) for p in periods]


def test_a_body_known_by_a_date_is_placed_from_that_date_not_in_the_countys_earlier_lives(tmp_path):
    a = _archive(tmp_path)
    h = derive_history(a)
    lin = lineage(a, h, "cs-wl")
    # one period: the county's life that holds 1985, from the date the source gives; never 257—589
    assert [(p.value, p.start.chinese(), p.end) for p in lin.jurisdictions] == [("测试县", "1985年或以前", None)]


def test_a_township_known_by_a_date_is_under_its_countys_superiors_of_then_only(tmp_path):
    from zhi.views.lineage import superiors

    a = _archive(tmp_path)
    h = derive_history(a)
    lin = lineage(a, h, "cs-xiang")
    assert [p.value for p in lin.parents] == ["测试县"]
    p = lin.parents[0]
    # the county's 257—589 superior is no superior of a township first known in 2000
    assert "某郡" not in superiors(h, p.ref, p.start, p.end)


def test_a_rename_after_the_lower_limit_is_in_no_edition(tmp_path):
    a = _archive(tmp_path)
    ed = filter_archive(a, "public")
    assert not [e.id for e in ed.events if e.id in ("ev-zhen", "ev-zhen-level")]
    h = derive_history(ed)
    # at the 下限 (2000) and after it, as far as the volume tells, the township is 甲乡, a 乡
    assert name_on(h, "cs-xiang", None) == "甲乡"
    assert [s.value for s in h.get("cs-xiang").levels] == ["乡"]
    # the whole archive (zhi check) still knows the later name: only the editions leave it out
    assert name_on(derive_history(a), "cs-xiang", None) == "甲镇"
