"""The tester of 《涡阳县志》（政府、概述） and 亳州晚报《利辛县的建立》 found these: a body “1935或以前” with no later
record printed “见于1935年至1935年或以前”; a body set up in 1912 and never seen again stood in the 1912 年末一览 as
certain; a 记事 dated 民国 outranked a `seen: [1945-01]` for 最后见于 (and kept the body in the 1946 一览); the 1965
一览 said “档案未载此时所属机构” right under “是年新设：…”. The archives are small and inline (the base archive with
a few files laid over it)."""

import pytest
from conftest import ROOT, make_archive, write
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.site import SiteWriter


def _archive(tmp_path, files: dict[str, str]):
    """The base archive with ``files`` laid over it, and its history; it must check without errors."""
    root = make_archive(tmp_path)
    for rel, text in files.items():
        write(root, rel, text)
    a = load_archive(root)
    h = derive_history(a)
    errors = [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"]
    assert not errors, errors
    return a, h


def _site(tmp_path, files: dict[str, str]) -> dict[str, str]:
    """Every body page and 年表 page (path → markdown) of the base archive with ``files`` laid over it."""
    a, h = _archive(tmp_path, files)
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.body_pages()
    w.year_pages()
    return {p.path: p.text for p in w.tree.pages}


def _row(page: str, head: str) -> str:
    return next(line for line in page.splitlines() if line.startswith(f"| {head} |"))


def _body(date: str, seen: str = "") -> dict[str, str]:
    """测试县财务委员会, set up on ``date`` (as typed), `end: 不详`, `seen` as given."""
    more = f", seen: [{seen}], sources: [d-1956-1]" if seen else ""
    return {"sources/bodies/cw.yaml": f"- {{id: cs-cw, kind: 其他, end: 不详{more}}}\n",
            "sources/events/cw.yaml": f"- {{id: ev-cw, type: establish, date: {date}, body: cs-cw, name: 测试县财务委员会,"
                                      " jurisdiction: cs-xian, sources: [d-1956-1]}\n"}


# the 存续 row for each kind of bound date, with no later record and with one (`seen`): never the start said again
# as its own 最后见于 (“见于1935年至1935年或以前”, “1935年前—止年不详（最后见于1935年前）”)
EXISTENCE = [
    ("1960或以前", "", "见于1960年（设立、终止时间不详）"),
    ("1960或以前", "1965", "见于1960年至1965年（设立、终止时间不详）"),
    ("至迟1960", "", "见于1960年（设立、终止时间不详）"),
    ("1960或以后", "", "1960年或以后—止年不详 |"),
    ("1960或以后", "1965", "1960年或以后—止年不详（最后见于1965年）"),
    ("1960前", "", "1960年前—止年不详 |"),
    ("1960前", "1965", "1960年前—止年不详（最后见于1965年）"),
    ("1960后", "", "1960年后—止年不详 |"),
    ("1960后", "1965", "1960年后—止年不详（最后见于1965年）"),
    ("约1960", "", "约1960年—止年不详 |"),
    ("约1960", "1965", "约1960年—止年不详（最后见于1965年）"),
    ("1960", "", "1960年—止年不详（最后见于1960年）"),   # a known date: never seen after its founding, as said
    ("1960-05", "1965", "1960年5月—止年不详（最后见于1965年）"),
]


@pytest.mark.parametrize("date,seen,expected", EXISTENCE, ids=[f"{c[0]}-{c[1] or 'none'}" for c in EXISTENCE])
def test_a_bound_start_with_an_unknown_end_reads_once(tmp_path, date, seen, expected):
    row = _row(_site(tmp_path, _body(date, seen))["jigou/cs-cw.md"], "存续")
    assert expected in row, row
    assert "1960年至1960年" not in row and "最后见于1960年或" not in row and "最后见于1960年前" not in row \
        and "最后见于1960年后" not in row and "最后见于约1960" not in row, row


def _listed(page: str, name: str) -> bool:
    """Whether the 一览 table of the page lists ``name`` (a table row), not only the note under it."""
    return any(line.startswith("| [") and f"[{name}]" in line for line in page.splitlines())


def test_a_body_set_up_in_a_year_and_never_seen_again_is_not_listed_at_that_years_end(tmp_path):
    """设立1912年, end: 不详, nothing after (here 1960): the 1960年末一览 does not list it as certain (guide bodies.md 止年不详:
    “连设立当年的一览也不列出它”, for a year as for a month); the note under it says so."""
    pages = _site(tmp_path, _body("1960"))
    page = pages["nianbiao/1960.md"]
    assert not _listed(page, "测试县财务委员会"), page
    assert "另有测试县财务委员会（止年不详，最后见于1960年），此时是否存续，档案未载。" in page, page
    assert "是年新设：" in page and "测试县财务委员会" in page.split("是年新设：")[1].split("\n")[0], page


def test_a_body_the_record_shows_there_in_a_year_is_listed_that_year(tmp_path):
    """“1935年县直属机构有财务委员会” (1935或以前: the record shows it there in 1935, as `seen: [1935]` would) and a
    body set up in 1960 that a `seen: [1960]` shows again: both listed at that year's end, as the guide's seen rule."""
    assert _listed(_site(tmp_path / "a", _body("1962或以前"))["nianbiao/1962.md"], "测试县财务委员会")
    assert _listed(_site(tmp_path / "b", _body("1960", "1960"))["nianbiao/1960.md"], "测试县财务委员会")


def test_an_or_before_last_record_prints_its_year_under_the_yilan(tmp_path):
    page = _site(tmp_path, _body("1962或以前"))["nianbiao/1963.md"]
    assert "测试县财务委员会（止年不详，最后见于1962年）" in page, page
    assert "最后见于1962年或以前" not in page, page


def test_the_most_precise_latest_record_is_the_last_seen(tmp_path):
    """涡阳县政府: `seen: [1945-01]` and a 记事 dated 民国 (1912—1949) gave “最后见于民国” and kept it in the 1946 一览.
    Here, in the base archive's years, a `seen: [1962-01]` and a 记事 of the 1960年代 (which runs to 1969): the most
    precise latest record wins (最后见于1962年1月), and the body is not in the 1963 一览."""
    files = _body("1960", "1962-01") | {
        "sources/memos/cw.yaml": "- {date: 1960年代, text: 测试县财务委员会曾数易其址。, mentions: [cs-cw], sources: [d-1956-1]}\n"}
    pages = _site(tmp_path, files)
    row = _row(pages["jigou/cs-cw.md"], "存续")
    assert "1960年—止年不详（最后见于1962年1月）" in row, row
    assert not _listed(pages["nianbiao/1963.md"], "测试县财务委员会"), pages["nianbiao/1963.md"]
    assert "测试县财务委员会（止年不详，最后见于1962年1月" in pages["nianbiao/1963.md"]


def test_an_era_record_does_not_outrank_a_month(tmp_path):
    from zhi.dates import parse_date

    era, month = parse_date("民国"), parse_date("1945-01")
    assert max([era, month], key=lambda d: (d.surely_by(), d.earliest())) is month


NEW_COUNTY = {
    "sources/jurisdictions/n1.yaml": "- {id: cs-n1, level: 县}\n",
    "sources/bodies/n1.yaml": "- {id: cs-n1-chou, kind: 其他, end: 不详}\n",
    "sources/events/n1.yaml": "- {id: ev-n1, type: establish, date: 1965-10-31, body: cs-n1, name: 北县, sources: [d-1956-1]}\n"
                              "- {id: ev-n1-chou, type: establish, date: 1965-11-02, body: cs-n1-chou, name: 北县筹备委员会,"
                              " jurisdiction: cs-n1, sources: [d-1956-1]}\n",
}


def test_a_yilan_with_only_new_bodies_of_unknown_fate_does_not_contradict_its_new_line(tmp_path):
    """利辛县 set up 1964, its 筹备委员会 in 1965 (here 北县 and its 筹备委员会, both 1965), then nothing: under “是年新设：北县筹备委员会。” the page does not
    say the record holds no body of the place; it says those set up this year are not known at its end."""
    page = _site(tmp_path, NEW_COUNTY)["nianbiao/1965.md"]
    part = page.split("北县机构设置一览（1965年末）")[1]
    assert "是年新设：" in part and "（档案未载此时所属机构）" not in part, part
    assert "（上列是年所设各机构此时是否存续，档案未载）" in part, part


# 涡阳县政府: “1939年……编制28人” (the source never says 核定), and in 1940 its 3 科 were rebuilt into 5 科
KE = ("- {id: ev-ke, type: establish, date: 1960, body: cs-ke1, name: 测试县人委第一科, parent: cs-zhengfu, sources: [d-1956-1]}\n"
      "- {id: ev-bz, type: staffing, date: 1961, body: cs-zhengfu, staffing: {编制: 28%s}, sources: [d-1956-1]}\n"
      "- id: ev-gai\n  type: reorganise\n  wording: 改设\n  date: 1963\n  before: [cs-ke1]\n  after:\n"
      "    - {id: cs-mz, name: 测试县人委民政科, parent: cs-zhengfu}\n    - {id: cs-cz, name: 测试县人委财政科, parent: cs-zhengfu}\n"
      "  sources: [d-1956-1]\n")
KE_BODIES = "".join(f"- {{id: {b}, kind: 其他}}\n" for b in ("cs-ke1", "cs-mz", "cs-cz"))


def _zhengfu_row(page: str) -> str:
    return next(line for line in page.splitlines() if line.startswith("| [测试县人民委员会]"))


def test_a_figure_the_source_does_not_call_approved_is_not_printed_as_approved(tmp_path):
    """`口径: 记载`: 县人委编制28名, never 核定县人委编制28名; not in the 一览's 核定编制 column (nothing says it was
    approved, nor that it held on)."""
    pages = _site(tmp_path, {"sources/events/ke.yaml": KE % ", 口径: 记载", "sources/bodies/ke.yaml": KE_BODIES})
    assert "**是年**　[测试县人民委员会](../jigou/cs-zhengfu.md)编制28名。" in pages["nianbiao/1961.md"], pages["nianbiao/1961.md"]
    assert "核定[测试县人民委员会]" not in pages["nianbiao/1961.md"]
    assert "| 1961年 | 记载 | 28 |" in pages["jigou/cs-zhengfu.md"], pages["jigou/cs-zhengfu.md"]
    assert "| 28" not in _zhengfu_row(pages["nianbiao/1962.md"])


def test_an_approved_figure_is_not_carried_past_the_rebuilding_of_the_bodys_units(tmp_path):
    """核定 in 1961, its 科 改设 in 1963: the 一览 carries 28 into 1962 (据1961年), not into 1963 or later."""
    pages = _site(tmp_path, {"sources/events/ke.yaml": KE % "", "sources/bodies/ke.yaml": KE_BODIES})
    assert "| 28（据1961年） |" in _zhengfu_row(pages["nianbiao/1962.md"]), _zhengfu_row(pages["nianbiao/1962.md"])
    for y in (1963, 1964):
        row = _zhengfu_row(pages[f"nianbiao/{y}.md"])
        assert "28" not in row, (y, row)


def test_a_reorganise_into_several_units_says_their_shared_superior_once(tmp_path):
    """县府内改设5科: “…改设为民政科、财政科，均隶属县政府”, not “民政科，隶属县政府；财政科，隶属县政府”."""
    from test_truth_to_record import _said

    event = ("{type: reorganise, wording: 改设, before: [cs-a], after: [{id: cs-k1, name: 测试县民政科, parent: cs-zhengfu},"
             " {id: cs-k2, name: 测试县财政科, parent: cs-zhengfu}]}")
    said = _said(tmp_path, event, {"sources/bodies/k.yaml": "- {id: cs-k1, kind: 其他}\n- {id: cs-k2, kind: 其他}\n"})
    assert said == "测试县计划委员会改设为测试县民政科、测试县财政科，均隶属测试县人民委员会。", said


CEDES = """
- {id: c1, type: cede, date: 1960-05, from: cs-east, to: cs-xian, places: [甲区, 乙区], group: 划县, sources: [d-1956-1]}
- {id: c2, type: cede, date: 1960-05, from: cs-west, to: cs-xian, places: [丙区], group: 划县, sources: [d-1956-1]}
"""
PLACES = "".join(f"- id: cs-{i}\n  level: 县\n  scope: out\n  names: [{{name: {n}, from: 1950前, sources: [d-1956-1]}}]\n"
                 for i, n in (("west", "西县"), ("east", "东县")))


def test_places_ceded_from_several_counties_are_said_in_the_records_order_with_one_verb(tmp_path):
    """利辛县: 阜阳县的…，涡阳县的…划归利辛县 — the receiving county and 划归 once, the places in the order of the
    records (东县 first here, as typed), never “划归测试县；…划归测试县”."""
    from zhi.views.dashiji import dashiji

    a, h = _archive(tmp_path, {"sources/jurisdictions/out.yaml": PLACES, "sources/events/cede.yaml": CEDES})
    said = [it.plain() for it in dashiji(a, h) if "甲区" in it.plain()]
    assert said == ["东县的甲区、乙区，西县的丙区划归测试县。"], said


def test_a_units_note_prints_after_it_and_other_notes_stay_the_editors(tmp_path):
    """涡阳县县衙: 壮班 `note: 分壮一、壮二。` printed after the unit. A body's and an event's `note` have no source and
    stay the editor's (the sample's read “设立日期照写‘至迟1950年’，不编造年月”): not printed."""
    files = {"sources/bodies/ya.yaml": "- id: cs-ya\n  kind: 其他\n  note: 县衙年费用9600元（1958年）。\n  units:\n"
                                       "    - {name: 壮班, from: 1958, note: 分壮一、壮二。}\n"
                                       "    - {name: 快班, from: 1958, to: 1960, note: 分快一、快二。}\n",
             "sources/events/ya.yaml": "- {id: ev-ya, type: establish, date: 1958, body: cs-ya, name: 测试县县衙,"
                                       " jurisdiction: cs-xian, sources: [d-1956-1], note: 来源作“设县衙”。}\n"}
    page = _site(tmp_path, files)["jigou/cs-ya.md"]
    assert "- 壮班（1958年—）：分壮一、壮二。" in page, page
    assert "- 快班（1958年—1960年）：分快一、快二。" in page, page
    assert "县衙年费用" not in page and "备注" not in page, page
    assert "来源作" not in page, page


def test_the_units_directive_of_a_chapter_prints_a_units_note(tmp_path):
    """[[内设机构:…]] in the book carries what the body page does: 壮班（…）：分壮一、壮二。"""
    from zhi.chronicle import DIRECTIVE_RE, parse_directive
    from zhi.findings import Loc
    from zhi.writers.tables import Tables

    a, h = _archive(tmp_path, {
        "sources/bodies/ya.yaml": "- id: cs-ya\n  kind: 其他\n  units:\n    - {name: 壮班, from: 1958, to: 不详, note: 分壮一、壮二。}\n"
                                  "    - {name: 快班, from: 1958}\n"
                                  "    - {name: 丙班, from: 1960, renamed_from: 快班, note: 后分丙一、丙二。}\n",
        "sources/events/ya.yaml": "- {id: ev-ya, type: establish, date: 1958, body: cs-ya, name: 测试县县衙,"
                                  " jurisdiction: cs-xian, sources: [d-1956-1]}\n"})
    line = "[[内设机构:cs-ya]]"
    text = Tables(a, h, [], []).render(parse_directive(DIRECTIVE_RE.match(line), Loc("")), lambda rid, t: t)
    assert "- 壮班（1958年—止年不详）：分壮一、壮二。" in text.splitlines(), text
    assert "- 丙班（1960年—）：1960年快班更名为丙班；后分丙一、丙二。" in text.splitlines(), text
