"""Issue 11 (part A): facts real chronicles state that the archive could not hold, each printed as the source says
it — a jurisdiction set up from named places in one sentence, the scope of a staffing figure, a 功能区, a grant
of authority that is not a level, two 内设机构 merged, a body of two jurisdictions at once. The real fixtures
(tests/fixtures/real/) carry the sources; these tests hold the edges: what is refused and what is derived."""

from __future__ import annotations

from conftest import archive_with
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.staffing import breaks


def checked(root):
    a = load_archive(root, with_book=False)
    h = derive_history(a)
    return a, h, [f for f in run_checks(a, history=h) if f.severity == "error"]


CITY = """- {id: cs-shi, note: 来源未载层级}
"""


# ---- a jurisdiction set up from named places: one event, one line --------------------------------------------
def test_establish_from_places_is_one_line_and_cuts_the_county_figure(tmp_path):
    root = archive_with(tmp_path, events="""
- {id: ev-shi, type: establish, date: 1958-03, body: cs-shi, name: 测试市, from: cs-xian, places: [城关镇, 东关村],
   wording: 设为, sources: [d-1956-1]}
""", files={"sources/jurisdictions/shi.yaml": CITY})
    a, h, errors = checked(root)
    assert errors == [], [f.as_text() for f in errors]
    lines = [(en.date.chinese(), en.plain()) for en in chronology(a, h) if en.event.id == "ev-shi"]
    assert lines == [("1958年3月", "以测试县城关镇、东关村设为测试市。")]
    # the county that gave the area: the event is on its history, and its whole-county figures end there
    assert any(e.id == "ev-shi" for e in h.get("cs-xian").events)
    assert any(d.chinese() == "1958年3月" for d in breaks(h, "cs-xian"))
    assert not any(d.chinese() == "1958年3月" for d in breaks(h, "cs-shi"))  # its own start is no break


def test_establish_from_without_places_and_a_body_from_places_are_refused(tmp_path):
    root = archive_with(tmp_path, events="""
- {id: ev-shi, type: establish, date: 1958-03, body: cs-shi, name: 测试市, from: cs-xian, sources: [d-1956-1]}
- {id: ev-ju, type: establish, date: 1958-03, body: cs-xju, name: 测试县某局, jurisdiction: cs-xian,
   from: cs-xian, places: [城关镇], sources: [d-1956-1]}
""", bodies={"cs-xju": "政府工作部门"}, files={"sources/jurisdictions/shi.yaml": CITY})
    _a, _h, errors = checked(root)
    texts = [f.as_text() for f in errors]
    assert any(f.code == "schema-missing" and "places" in f.message for f in errors), texts
    assert any(f.code == "ref-wrong-kind" and "cs-xju" in f.message for f in errors), texts


# ---- 功能区 and 管理权限 -------------------------------------------------------------------------------------
def test_powers_are_printed_and_change_no_level(tmp_path):
    root = archive_with(tmp_path, events="""
- {id: ev-kfq, type: establish, date: 1990-05, body: cs-kfq, name: 测试开发区, level: 非建制区, sources: [d-1956-1]}
- {id: ev-kfq-q, type: 管理权限, date: 1990-05, body: cs-kfq, powers: 行使县级管理权限, sources: [d-1956-1]}
- {id: ev-xian-q, type: authority, date: 1991-02, body: cs-xian, powers: 享受市地一级管理权限, sources: [d-1956-1]}
""", files={"sources/jurisdictions/kfq.yaml": "- {id: cs-kfq}\n"})
    a, h, errors = checked(root)
    assert errors == [], [f.as_text() for f in errors]
    lines = {en.event.id: en.plain() for en in chronology(a, h)}
    assert lines["ev-kfq"] == "设立测试开发区，为功能区（非建制区）。"  # 非建制区 is the same level, said whole
    assert lines["ev-xian-q"] == "测试县享受市地一级管理权限。"
    from zhi.dates import parse_date
    assert h.get("cs-xian").level_on(parse_date("1992")) == "县"   # the grant is no level
    from zhi.views.lineage import lineage, volume_jurisdictions
    assert [p.value for p in lineage(a, h, "cs-xian", []).powers] == ["享受市地一级管理权限"]
    assert [j.id for j in volume_jurisdictions(a, h)] == ["cs-xian", "cs-kfq"]


def test_powers_without_words_are_refused(tmp_path):
    root = archive_with(tmp_path, events="""
- {id: ev-xian-q, type: authority, date: 1991-02, body: cs-xian, sources: [d-1956-1]}
""")
    _a, _h, errors = checked(root)
    assert any(f.code == "schema-missing" and "权限" in f.message for f in errors), [f.as_text() for f in errors]


# ---- 内设机构 merged or renamed --------------------------------------------------------------------------------
def test_guide_unit_merge_example_prints_on_the_body_page(tmp_path):
    """guide/bodies.md: the example's units check clean and the page lines it promises are what zhi prints."""
    import re
    from pathlib import Path

    from zhi.views.lineage import unit_rows

    guide = (Path(__file__).resolve().parent.parent / "guide" / "bodies.md").read_text(encoding="utf-8")
    part = guide[guide.index("#### 内设机构的合并、更名"):guide.index("### 主要职能")]
    blocks = re.findall(r"```yaml\n(.*?)```", part, re.DOTALL)
    files = ["sources/bodies/xcb.yaml", "sources/jurisdictions/yunhe.yaml", "sources/documents/yunhe-xcb.yaml",
             "sources/events/yunhe-xcb.yaml"]
    assert len(blocks) == len(files) and "units:" in blocks[0]
    root = tmp_path / "project"
    for rel, text in zip(files, blocks, strict=True):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    a, _h, errors = checked(root)
    assert errors == [], [f.as_text() for f in errors]
    rows = unit_rows(a.bodies["yunhe-xcb"].units)
    printed = [f"{r.name}（{r.start.chinese() if r.start else ''}—{r.end.chinese() if r.end else ''}）"
               + (f"：{r.start.chinese()}{r.origin}" if r.origin else "") for r in rows]
    promised = re.findall(r"^- (\S+（[^\n]*）(?:：[^\n]*)?)$", part, re.MULTILINE)
    assert len(promised) == 3
    for line in promised:
        assert line in printed, (line, printed)


def test_unit_merge_mistakes_are_refused(tmp_path):
    root = archive_with(tmp_path, files={"sources/bodies/xcb.yaml": """
id: cs-xcb
kind: 党委工作部门
units:
  - {name: 理论科, to: 1995}
  - {name: 党员教育科}
  - {name: 理论与党员教育科, from: 1996-12, merged_from: [理论科, 党员教育科]}
  - {name: 新闻科, merged_from: [通讯科]}
  - {name: 宣传科, from: 1990, renamed_from: 宣传科}
"""})
    _a, _h, errors = checked(root)
    said = [f.message for f in errors if f.code == "unit-merge"]
    assert any("理论科”的终止日期" in m for m in said), said        # ended before the merge that ends it
    assert any("只写了一个" in m for m in said), said               # a merge of one
    assert any("没有写起始日期" in m for m in said), said            # a merged unit with no start
    assert any("“通讯科”不是cs-xcb的内设机构" in m for m in said), said
    # renamed from itself (a tester's slip): said as such, not “不是…的内设机构”
    assert any("宣传科”的 renamed_from（原名） 中写的是它自己的名称" in m for m in said), said
    assert not any("“宣传科”不是" in m for m in said), said


# ---- a body of two jurisdictions at once (市县合署) -------------------------------------------------------------
JOINT = """
- {id: ev-shi, type: establish, date: 1950-01, body: cs-shi, name: 测试市, sources: [d-1956-1]}
- {id: ev-hs, type: establish, date: 1956-03, body: cs-hs, name: 中共测试市县委员会, jurisdiction: [cs-shi, cs-xian],
   sources: [d-1956-1]}
- {id: ev-hs-fen, type: rejurisdiction, date: 1957-10, body: cs-hs, jurisdiction: cs-shi, sources: [d-1956-1]}
"""


def test_a_joint_body_belongs_to_both_places_until_it_is_placed_in_one(tmp_path):
    from zhi.dates import parse_date
    from zhi.views.lineage import lineage
    from zhi.views.snapshot import snapshot
    from zhi.views.staffing import member_bodies

    root = archive_with(tmp_path, events=JOINT, bodies={"cs-hs": "其他"}, files={"sources/jurisdictions/shi.yaml": CITY})
    a, h, errors = checked(root)
    assert errors == [], [f.as_text() for f in errors]
    t = h.get("cs-hs")
    d = parse_date("1957-01")
    assert t.jurisdiction_on(d) == "cs-shi" and t.jurisdictions_on(d) == ("cs-shi", "cs-xian")   # the first is 主
    # the 一览 of each place lists it while it is both places'; after 1957-10 only the city's
    assert "cs-hs" in {r.body for r in snapshot(a, h, "cs-xian", d, [])}
    assert "cs-hs" in {r.body for r in snapshot(a, h, "cs-shi", d, [])}
    later = parse_date("1958")
    assert "cs-hs" not in {r.body for r in snapshot(a, h, "cs-xian", later, [])}
    assert "cs-hs" in {r.body for r in snapshot(a, h, "cs-shi", later, [])}
    assert "cs-hs" in member_bodies(h)["cs-xian"]
    # its establishment is told on both places' 大事记 pages; the body page says where else it belonged
    entry = next(en for en in chronology(a, h) if en.event.id == "ev-hs")
    assert {"cs-shi", "cs-xian"} <= entry.jurisdictions
    co = lineage(a, h, "cs-hs", []).co_jurisdictions
    assert [(p.value, p.ref, p.start.chinese(), p.end.chinese()) for p in co] == \
        [("测试县", "cs-xian", "1956年3月", "1957年10月")]


def test_a_joint_body_names_places_only(tmp_path):
    root = archive_with(tmp_path, events=JOINT.replace("[cs-shi, cs-xian]", "[cs-shi, cs-zhengfu]"),
                        bodies={"cs-hs": "其他"}, files={"sources/jurisdictions/shi.yaml": CITY})
    _a, _h, errors = checked(root)
    assert any(f.code == "ref-wrong-kind" and "cs-zhengfu" in f.message for f in errors), [f.as_text() for f in errors]
