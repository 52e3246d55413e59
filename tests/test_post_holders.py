"""Posts whose holder the source does not name. A person written `name: 不详` (the source counts a holder it does
not name) is no person called 不详: the post lists print 姓名不详, and there is no 人物 entry, no 人名索引 entry, no
大事记 appointment for it.

Real facts: 《宜黄县志》文联 第一节 组织机构 (http://meta.librarydata.cn/metainfo?metaID=140220020210009318) —
2005年县文联“有兼职主席1人”, not named. Here said of a fictional body (测试县)."""

from __future__ import annotations

from conftest import ROOT
from test_staffing_approx import loaded_with
from zhi.views.dashiji import dashiji
from zhi.views.indexes import person_index
from zhi.writers.site import SiteWriter, page_of

UNNAMED = {
    "sources/people/unnamed.yaml": "- {id: p-wenlian-zhuxi-2005, name: 不详}\n",
    "sources/posts/unnamed.yaml": "- {person: p-wenlian-zhuxi-2005, body: cs-jijingwei, post: 主任（兼）, from: 不详, "
                                  "to: 不详, in_office: 1990-06-01, sources: [d-1990-3]}\n"
                                  "- {person: p-wenlian-zhuxi-2005, body: cs-jijingwei, post: 副主任, from: 1991-02, "
                                  "sources: [d-1990-3]}\n",
}


def site_page(w, path: str) -> str:
    return next(p.text for p in w.tree.pages if p.path == path)


def test_an_unnamed_holder_is_no_person_called_buxiang(tmp_path):
    a, h, found = loaded_with(tmp_path, UNNAMED)
    assert [f.as_text() for f in found if f.severity == "error"] == []
    assert page_of(a, "p-wenlian-zhuxi-2005") is None
    assert [e.term for e in person_index(a)] == [p.name for p in a.people.values() if p.name != "不详"]
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.people_page()
    w.body_pages()
    people = site_page(w, "renwu/index.md")
    assert "不详</h2>" not in people and "p-wenlian-zhuxi-2005" not in people
    body = site_page(w, "jigou/cs-jijingwei.md")
    rows = [x for x in body.splitlines() if "副主任" in x or "主任（兼）" in x]
    assert len(rows) == 2 and all("| 姓名不详 |" in x for x in rows), rows
    assert not any("姓名不详" in e.plain() or "不详任" in e.plain() for e in dashiji(a, h))


EX_OFFICIO = {
    "sources/posts/ex-officio.yaml": "- {body: cs-jijingwei, post: 主任, ex_officio: 县计委副主任, from: 1990-06, to: 不详, "
                                     "sources: [d-1990-3]}\n",
}


def test_a_post_held_ex_officio_prints_the_holding_post(tmp_path):
    """“县文联主席由县委宣传部副部长兼任”: a 任职 with no person, the holder said as the source says it."""
    a, h, found = loaded_with(tmp_path, EX_OFFICIO)
    assert [f.as_text() for f in found if f.severity == "error"] == []
    (p,) = [p for p in a.posts if p.ex_officio]
    assert p.person is None and p.holder_said == "由县计委副主任兼任"
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.people_page()
    w.body_pages()
    (row,) = [x for x in site_page(w, "jigou/cs-jijingwei.md").splitlines() if "由县计委副主任兼任" in x]
    assert row.startswith("| 主任 | 由县计委副主任兼任 | 1990年6月—？"), row
    assert "县计委副主任" not in site_page(w, "renwu/index.md")


def test_the_book_and_the_public_edition_keep_an_ex_officio_post(tmp_path):
    import re

    from zhi.editions import filter_archive
    from zhi.writers.book import BookWriter

    a, h, _ = loaded_with(tmp_path, {**EX_OFFICIO, **UNNAMED})
    assert any(p.ex_officio for p in filter_archive(a, "public", h).posts)
    text = re.sub(r"<[^>]+>", "|", BookWriter(a, h, ROOT / "theme").appendix_html())
    assert "|主任|由县计委副主任兼任|1990年6月—？|" in text.replace("||", "|") and "|姓名不详|" in text.replace("||", "|")


def test_a_person_and_an_ex_officio_holder_together_are_refused(tmp_path):
    _, _, found = loaded_with(tmp_path, {"sources/posts/both.yaml": "- {person: p-wang, body: cs-jijingwei, post: 主任, "
                                         "ex_officio: 县计委副主任, from: 1990-06, sources: [d-1990-3]}\n"})
    (f,) = [f for f in found if f.severity == "error"]
    assert (f.code, f.loc.file, f.loc.line) == ("schema-value", "sources/posts/both.yaml", 1) and "ex_officio" in f.message


def test_the_open_data_has_no_person_called_buxiang(tmp_path):
    """As on the site: the post rows say 姓名不详 with no person id; people.csv, JSON-LD and Popolo hold no person
    named 不详."""
    from zhi.writers.opendata import OpenData

    a, h, _ = loaded_with(tmp_path, UNNAMED)
    od = OpenData(a, h, {"base": "urn:zhi:", "title": "t", "licence": "-", "version": "-", "edition_zh": "公开版"})
    assert "p-wenlian-zhuxi-2005" not in [r[0] for r in od.people().rows]
    assert not any(r[1] == "不详" for r in od.people().rows)
    rows = [r for r in od.posts().rows if r[3] == "cs-jijingwei" and r[5] in ("主任（兼）", "副主任")]
    assert [(r[1], r[2]) for r in rows] == [("", "姓名不详"), ("", "姓名不详")], rows
    pop = od.popolo()
    assert not any(p["name"] == "不详" or p["id"] == "p-wenlian-zhuxi-2005" for p in pop["persons"])
    held = [m for m in pop["memberships"] if m["organization_id"] == "cs-jijingwei" and m["role"] in ("主任（兼）", "副主任")]
    assert all("person_id" not in m and m["note"].startswith("姓名不详") for m in held), held
    assert any(m["note"] == "姓名不详；来源只见其于1990年6月1日在任，任职起止不详" for m in held), held
    graph = od.jsonld()["@graph"]
    assert not any(n.get("foaf:name") == "不详" for n in graph)
    members = [n["org:member"] for n in graph if n.get("@type") == "org:Membership"
               and n["org:organization"]["@id"].endswith("cs-jijingwei") and n["org:role"]["@id"].endswith(("（兼）", "副主任"))]
    assert members and all(m == {"rdfs:label": "姓名不详"} for m in members), members
