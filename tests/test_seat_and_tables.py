"""A tester's 《寒亭区志》 findings: a seat's wording that names the place in full (潍北县政府), 仍驻, an empty 一览,
and the 内设机构 of a body that ended 去向不详 — each checked on the printed text.

Facts typed in (never its prose) from 《寒亭区志》第三节 县（区）人民政府,
https://shandong-chorography.org/database/c72/section/1/article/450/ : 寿潍县 (1943年9月或以前) and its 寿潍县行政委员会
set up 1943年9月 at 报庄子, with 秘书室、民政科; 寿潍县 and 昌邑县 merged as 昌潍县 1944年5月 (what became of the
寿潍县 government is not said); 潍县 split 1945年10月 into 潍北县 and 潍南县; 潍北县政府 set up 1945年10月 at 南张氏村,
with 秘书室; its 县政府 at 孙家杨孟村 from 1947年冬, and still there (仍驻孙家杨孟) when 潍南县 merged into 潍北县
1950年2月.
"""

import re

from conftest import ROOT, make_archive, with_theme, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.chronicle import Directive
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage, unit_rows
from zhi.views.snapshot import NO_BODIES, NONE_RECORDED
from zhi.writers.book import BookWriter
from zhi.writers.tables import Tables

SRC = "[d-htqz]"
FILES = {
    "sources/documents/htqz.yaml": """
- id: d-htqz
  issuer: 寒亭区志编纂委员会
  date: 1992
  title: 寒亭区志·第三节 县（区）人民政府
  note: https://shandong-chorography.org/database/c72/section/1/article/450/
""",
    "sources/jurisdictions/ht.yaml": """
- {id: ht-shouwei, level: 县}
- {id: ht-changyi, level: 县}
- {id: ht-changwei, level: 县}
- {id: ht-weixian, level: 县}
- {id: ht-weibei, level: 县}
- {id: ht-weinan, level: 县}
""",
    "sources/bodies/ht.yaml": """
- id: ht-shouwei-zf
  kind: 其他
  units:
    - {name: 秘书室, from: 1943-09}
    - {name: 民政科, from: 1943-09}
- id: ht-weibei-zf
  kind: 其他
  units:
    - {name: 秘书室, from: 1945-10}
""",
    "sources/events/ht.yaml": f"""
- {{id: ev-sw, type: establish, date: 1943-09或以前, body: ht-shouwei, name: 寿潍县, sources: {SRC}}}
- {{id: ev-cy, type: establish, date: 1944-05前, body: ht-changyi, name: 昌邑县, sources: {SRC}}}
- {{id: ev-wx, type: establish, date: 1941-09前, body: ht-weixian, name: 潍县, sources: {SRC}}}
- {{id: ev-sw-zf, type: establish, wording: 成立, date: 1943-09, body: ht-shouwei-zf, name: 寿潍县行政委员会,
   jurisdiction: ht-shouwei, sources: {SRC}}}
- {{id: ev-sw-seat, type: seat, date: 1943-09, body: ht-shouwei, seat: 报庄子, wording: 寿潍县行政委员会, sources: {SRC}}}
- {{id: ev-cw, type: merge, date: 1944-05, before: [ht-shouwei, ht-changyi], after: [{{id: ht-changwei, name: 昌潍县}}],
   sources: {SRC}}}
- {{id: ev-split, type: split, date: 1945-10, before: ht-weixian,
   after: [{{id: ht-weibei, name: 潍北县}}, {{id: ht-weinan, name: 潍南县}}], sources: {SRC}}}
- {{id: ev-wb-zf, type: establish, wording: 成立, date: 1945-10, body: ht-weibei-zf, name: 潍北县政府,
   jurisdiction: ht-weibei, sources: {SRC}}}
- {{id: ev-wb-seat, type: seat, date: 1945-10, body: ht-weibei, seat: 南张氏村, wording: 潍北县政府, sources: {SRC}}}
- {{id: ev-wb-1947, type: seat, date: 1947年冬, body: ht-weibei, seat: 孙家杨孟村, wording: 县政府, sources: {SRC}}}
- {{id: ev-wn-m, type: merge, date: 1950-02, before: [ht-weinan, ht-weibei], after: ht-weibei, sources: {SRC}}}
- {{id: ev-wb-1950, type: seat, date: 1950-02, body: ht-weibei, seat: 孙家杨孟, wording: 县政府仍驻, sources: {SRC}}}
""",
    "chronicle/p1/ht.md": "# 县政府\n\n[[一览:ht-weinan@1946-12-31]]\n",
}


def _root(tmp_path, files=FILES):
    root = with_theme(make_archive(tmp_path))
    for rel, text in files.items():
        write(root, rel, text)
    book = root / "chronicle/book.yaml"
    text = book.read_text(encoding="utf-8").replace("upper: 1949", "upper: 1941").replace("lower: 2000", "lower: 1952")
    text = text.replace("chapters: [p1/c1.md]", "chapters: [p1/c1.md, p1/ht.md]")
    book.write_text(text + "snapshots: [1946-12-31]\n", encoding="utf-8")
    return root


def _load(tmp_path, files=FILES):
    a = load_archive(_root(tmp_path, files))
    return a, derive_history(a)


def _sentences(a, h):
    from zhi.views.chronology import chronology
    return {en.event.id: "".join(s if isinstance(s, str) else s.text for s in en.segments) for en in chronology(a, h)}


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_the_archive_checks_clean(tmp_path):
    a, _ = _load(tmp_path)
    assert [f.as_text() for f in run_checks(a) if f.severity == "error"] == []


def test_a_wording_that_names_the_place_in_full_is_not_prefixed_again(tmp_path):
    """1: 潍北县政府在南张氏村成立 typed as wording 潍北县政府: printed once, never 潍北县潍北县政府; 县政府 still merges."""
    a, h = _load(tmp_path)
    said = _sentences(a, h)
    assert said["ev-sw-seat"] == "寿潍县行政委员会驻报庄子。"
    assert said["ev-wb-seat"] == "潍北县政府驻南张氏村。"
    assert said["ev-wb-1947"] == "潍北县政府驻孙家杨孟村。"
    from zhi.views.chronology import organ_of
    assert organ_of("潍北县", "潍北县") == "" and organ_of("潍北县", "潍县政府") == "潍县政府"   # only its own name


def test_still_seated_is_printed_once_and_opens_no_new_seat_period(tmp_path):
    """2: 仍驻 says 驻 once, and the 驻地 table shows no change that did not happen (the earlier text is kept)."""
    a, h = _load(tmp_path)
    assert _sentences(a, h)["ev-wb-1950"] == "潍北县政府仍驻孙家杨孟。"
    seats = [(p.value, str(p.start)) for p in lineage(a, h, "ht-weibei").seats]
    assert seats == [("南张氏村", "1945年10月"), ("孙家杨孟村", "1947年冬")]
    # the same seat stated again in the same words is no new period either; a different one is
    files = dict(FILES)
    files["sources/events/ht.yaml"] = FILES["sources/events/ht.yaml"].replace(
        "seat: 孙家杨孟, wording: 县政府仍驻", "seat: 孙家杨孟村, wording: 县政府")
    a, h = _load(tmp_path / "same", files)
    assert [p.value for p in lineage(a, h, "ht-weibei").seats] == ["南张氏村", "孙家杨孟村"]
    files["sources/events/ht.yaml"] = FILES["sources/events/ht.yaml"].replace(
        "seat: 孙家杨孟, wording: 县政府仍驻", "seat: 孙家杨孟, wording: 县政府")
    a, h = _load(tmp_path / "other", files)
    assert [p.value for p in lineage(a, h, "ht-weibei").seats] == ["南张氏村", "孙家杨孟村", "孙家杨孟"]


def test_a_move_of_seat_cannot_say_it_stayed(tmp_path):
    """仍驻 on a move-seat would print “仍驻由甲迁至乙”: refused, naming the seat event to use."""
    files = dict(FILES)
    files["sources/events/ht.yaml"] = FILES["sources/events/ht.yaml"].replace(
        "type: seat, date: 1950-02, body: ht-weibei, seat: 孙家杨孟, wording: 县政府仍驻",
        "type: move-seat, date: 1950-02, body: ht-weibei, seat: 孙家杨孟, wording: 仍驻")
    a, _ = _load(tmp_path, files)
    errors = [f.as_text() for f in run_checks(a) if f.severity == "error"]
    assert len(errors) == 1 and "ht.yaml" in errors[0] and "记驻地（seat）事件，wording: 仍驻" in errors[0]


def test_an_empty_snapshot_prints_a_sentence_never_an_empty_table(tmp_path):
    """3: 潍南县 has no body in the record: the year page, the book's 附录二 and a chapter's [[一览:…]] say so (the
    year page and 附录二 name it once with 昌潍县, the other such place, under one heading)."""
    root = _root(tmp_path)
    a = load_archive(root)
    h = derive_history(a)
    # the chapter directive
    md = Tables(a, h, [], []).render(Directive("snapshot", "ht-weinan", parse_date("1946-12-31"), None), lambda r, t: t)
    assert md.splitlines()[2:] == [NO_BODIES] and "| 机构 |" not in md
    # the book's appendix: 潍南县 and 昌潍县 (no body recorded) named once under one caption, no table;
    # 潍北县's table has its row
    html = BookWriter(a, h, ROOT / "theme").appendix_html()
    part = html.split(f"{NONE_RECORDED}（1946年12月31日）")[1].split("<h2")[0]
    assert "昌潍县、潍南县。" in _text(part) and "<table" not in part and "<tr>" not in part
    assert "潍南县（1946年12月31日）" not in html
    assert "潍北县政府" in _text(html.split("潍北县（1946年12月31日）")[1].split("</table>")[0])
    # the year page
    out = build_edition(root, pdf=False).out
    page = (out / "nianbiao/1946/index.html").read_text(encoding="utf-8")
    weinan = page.split(f"{NONE_RECORDED}（1946年末）</h2>")[1].split("<h2")[0]
    assert "潍南县" in _text(weinan) and "<table" not in weinan and "<tr>" not in weinan
    assert "潍南县机构设置一览" not in page
    weibei = page.split("潍北县机构设置一览（1946年末）</h2>")[1].split("<h2")[0]
    assert "<table" in weibei and "潍北县政府" in _text(weibei)


def test_the_units_of_a_body_whose_fate_is_unknown_do_not_read_as_going_on(tmp_path):
    """4: 寿潍县行政委员会 ended 去向不详 with its county: its 秘书室 is （1943年9月—止年不详）, never （1943年9月—）;
    潍北县政府's, still going, keeps its open end."""
    a, h = _load(tmp_path)
    rows = {r.name: r.period() for r in unit_rows(a.bodies["ht-shouwei-zf"].units, h.get("ht-shouwei-zf"))}
    assert rows == {"秘书室": "1943年9月—止年不详", "民政科": "1943年9月—止年不详"}
    assert [r.period() for r in unit_rows(a.bodies["ht-weibei-zf"].units, h.get("ht-weibei-zf"))] == ["1945年10月—"]
    md = Tables(a, h, [], []).render(Directive("units", "ht-shouwei-zf", None, None), lambda r, t: t)
    assert "- 秘书室（1943年9月—止年不详）" in md and "—）" not in md


def test_the_units_of_an_abolished_body_end_with_it(tmp_path):
    """A body a source says was abolished (the date here invented for the test: the source does not give one): its
    units with no end of their own end on its date."""
    files = dict(FILES)
    files["sources/events/ht.yaml"] += f"- {{id: ev-x, type: abolish, date: 1944-01, body: ht-shouwei-zf, sources: {SRC}}}\n"
    a, h = _load(tmp_path, files)
    rows = [r.period() for r in unit_rows(a.bodies["ht-shouwei-zf"].units, h.get("ht-shouwei-zf"))]
    assert rows == ["1943年9月—1944年1月", "1943年9月—1944年1月"]


def test_a_unit_whose_name_ends_in_brackets_takes_its_period_inside_them():
    """一科（民政）, as 平阴's source names it: printed 一科（民政，1939年10月2日—止年不详）, never two groups in a row."""
    from zhi.dates import parse_date
    from zhi.views.lineage import UnitRow

    u = UnitRow("一科（民政）", parse_date("1939-10-02"), None, end_unknown=True)
    assert u.head() + u.tail() == "一科（民政，1939年10月2日—止年不详）"
    plain = UnitRow("秘书室", parse_date("1943-09"), None)
    assert plain.head() + plain.tail() == "秘书室（1943年9月—）"
    assert UnitRow("总务科", None, None).head() + UnitRow("总务科", None, None).tail() == "总务科"
