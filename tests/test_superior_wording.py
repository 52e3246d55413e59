"""A change of superior in the source's words (代管, 直接领导, 划入), 副地级市, 升格 with a level, 撤县设区 and a web
page as a published source — found typing in 潮州's history (tests/fixtures/real/chaozhou/README.md). Each test reads
the printed sentence, the lineage or the finding."""

from pathlib import Path

from conftest import make_archive, write
from test_guide_examples import GUIDE, lay_out, section
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.dashiji import dashiji
from zhi.views.lineage import lineage
from zhi.views.staffing import figures, jurisdiction_tables


def _guide_example(tmp_path: Path):
    root = lay_out(tmp_path, section((GUIDE / "jurisdictions.md").read_text(encoding="utf-8"), "## 完整示例四"))
    a = load_archive(root, with_book=False)
    return a, derive_history(a)


def test_entrusted_administration_is_not_a_change_of_superior(tmp_path):
    a, h = _guide_example(tmp_path)
    printed = [en.plain() for en in chronology(a, h)]
    assert "云河市由澜州市代管。" in printed and not any("改属澜州市" in p for p in printed)
    assert "云河市改由沧澜省直接领导。" in printed
    lin = lineage(a, h, "yunhe-shi")
    assert [(p.value, p.relation, str(p.start), str(p.end) if p.end else None) for p in lin.parents] == [
        ("澜州市", "代管", "1983年12月", "1988年12月"), ("沧澜省", "直接领导", "1988年12月", None)]


def test_levels_upgrade_and_a_county_placed_under_the_city(tmp_path):
    a, h = _guide_example(tmp_path)
    printed = [en.plain() for en in chronology(a, h)]
    assert "云河市改为副地级市。" in printed and "云河市升格为地级市。" in printed
    assert [(p.value, str(p.start)) for p in lineage(a, h, "yunhe-shi").levels] == [
        ("县级市", "1983年12月"), ("副地级市", "1989年12月"), ("地级市", "1991年12月")]
    # a county outside the volume placed under the city is the volume's matter: it prints, on the city's page
    entry = next(en for en in chronology(a, h) if en.plain() == "北岭县划入云河市。")
    assert "yunhe-shi" in entry.jurisdictions
    assert entry in chronology(a, h, "yunhe-shi")


def test_abolish_county_set_up_district_keeps_the_record_and_says_so(tmp_path):
    a, h = _guide_example(tmp_path)
    printed = [en.plain() for en in chronology(a, h)]
    assert "撤销云河县，设立云河区。" in printed and not any("更名为云河区" in p for p in printed)
    lin = lineage(a, h, "yunhe-xian2")
    assert [p.value for p in lin.names] == ["云河县", "云河区"] and lin.end is None


def test_a_superior_wording_that_says_another_event_is_refused(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/w.yaml", """
- {id: ev-w, type: reparent, date: 1990, body: cs-xian, parent: cs-xian, wording: 撤销并入, sources: [d-1956-1]}
""")
    found = [f for f in run_checks(load_archive(root)) if f.code == "schema-value" and f.loc.file.endswith("w.yaml")]
    assert found and "隶属变更的“wording（用词）”“撤销并入”" in found[0].message and "另记" in found[0].message


def test_a_web_page_is_a_published_source_and_an_unknown_level_gets_a_suggestion(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/documents/web.yaml", "id: doc-web\ngenre: 网页\ntitle: 某市历史沿革\npublisher: 某市政府网站\n")
    write(root, "sources/jurisdictions/x.yaml", "id: x-shi\nlevel: 副地级\n")
    found = run_checks(load_archive(root))
    assert not [f for f in found if f.loc.file.endswith("web.yaml") and f.severity == "error"]
    lvl = [f for f in found if f.loc.file.endswith("x.yaml") and f.code == "schema-value"]
    assert lvl and "副地级市" in lvl[0].message


def test_open_data_keeps_the_superior_name_clean_and_the_relation_apart(tmp_path):
    """委托澜州市代管 is not 隶属: the open data names the superior as it was named (澜州市) and says 代管 in its own
    column (CSV 机构时期), key (JSON-LD zhi:relation) and field (Popolo parent_relation)."""
    import csv
    import io

    from zhi.writers import opendata

    a, h = _guide_example(tmp_path)
    od = opendata.OpenData(a, h, {"base": "urn:zhi:", "title": "t", "licence": "-", "version": "-",
                                  "edition_zh": "公开版"})
    t = od.periods()
    rows = list(csv.DictReader(io.StringIO(opendata.csv_bytes(t).decode("utf-8-sig"))))
    superiors = [(r["值"], r["关系"], r["起"]) for r in rows if r["对象编号"] == "yunhe-shi" and r["项目"] == "上级"]
    assert superiors == [("澜州市", "代管", "1983年12月"), ("沧澜省", "直接领导", "1988年12月")]
    node = next(n for n in od.jsonld()["@graph"] if n.get("dcterms:identifier") == "yunhe-shi")
    assert [(p["zhi:nameThen"], p["zhi:relation"]) for p in node["zhi:parentPeriod"]] == [
        ("澜州市", "代管"), ("沧澜省", "直接领导")]
    org = next(o for o in od.popolo()["organizations"] if o["id"] == "yunhe-shi")
    assert (org["parent_id"], org["parent_relation"]) == ("canglan-sheng", "直接领导")


def test_the_selected_dashiji_tells_territory_and_a_county_placed_under_the_city(tmp_path):
    a, h = _guide_example(tmp_path)
    told = [it.plain() for it in dashiji(a, h)]
    assert "北岭县划入云河市。" in told and "云河市改为县级市，由澜州市代管。" in told
    root = make_archive(tmp_path / "b")
    write(root, "sources/jurisdictions/near.yaml", "id: cs-near\nlevel: 县\n")
    write(root, "sources/events/t.yaml", """
- {id: ev-near, type: establish, date: 1956-01, body: cs-near, name: 邻县, sources: [d-1956-1]}
- {id: ev-cede, type: cede, date: 1960, from: cs-near, to: cs-xian, places: [甲乡], sources: [d-1956-1]}
- {id: ev-seat, type: move-seat, date: 1961, body: cs-xian, seat: 乙镇, sources: [d-1956-1]}
""")
    a = load_archive(root)
    told = [it.plain() for it in dashiji(a, derive_history(a))]
    assert "邻县的甲乡划归测试县。" in told and "测试县驻地迁至乙镇。" in told  # rule 1: 划归 … are told


def test_a_whole_jurisdictions_figure_ends_where_its_extent_or_level_changes(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/jurisdictions/near.yaml", "id: cs-near\nlevel: 县\n")
    write(root, "sources/events/t.yaml", """
- {id: ev-near, type: establish, date: 1956-01, body: cs-near, name: 邻县, sources: [d-1956-1]}
- {id: ev-up, type: 升格, date: 1990-06, body: cs-xian, level: 县级市, sources: [d-1956-1]}
""")
    write(root, "sources/staffing/j.yaml", """
- {jurisdiction: cs-xian, date: 1985-12-31, basis: 核定, figures: {行政编制: 300}, sources: [d-1956-1]}
""")
    a = load_archive(root)
    h = derive_history(a)
    (t,) = jurisdiction_tables(a, h, figures(a), ["cs-xian"], range(1985, 1993))
    whole = {r.year: r.line("jurisdiction") for r in t.rows}
    assert whole[1989] is not None and whole[1989].values["行政编制"] == 300
    assert 1990 not in whole or whole[1990] is None  # the 县's total is not the 县级市's
    assert [(d, words) for d, _b, _s, words, _src in t.records] == [("1985年12月31日", "行政编制300名")]


def test_a_planned_count_and_a_count_zhi_cannot_make_are_not_compared(tmp_path):
    from zhi.views.bodycount import kinds_of

    assert kinds_of("市委、市政府工作部门") == {"党委工作部门", "政府工作部门"}
    assert kinds_of("市委、市政府工作部门加上民主党派等部门") is None and kinds_of("县政府工作部门") == {"政府工作部门"}
    root = make_archive(tmp_path)
    write(root, "sources/events/c.yaml", """
- {id: ev-c1, type: 机构数, date: 1983-04-23, body: cs-xian, scope: 县政府工作部门, count: 33, wording: 拟设, sources: [d-1956-1]}
- {id: ev-c2, type: 机构数, date: 1983-04-23, body: cs-xian, scope: 县政府工作部门, count: 33, sources: [d-1956-1]}
""")
    found = [f for f in run_checks(load_archive(root)) if f.code == "count-differs"]
    assert [f.loc.line for f in found] == [3]  # the stated count is compared; the planned one (line 2) is not
