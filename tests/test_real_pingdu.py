"""A tester's typing of 平度县革命委员会 (1967—1975) and 平度县's superiors (1956—1989) from public pages: a 革委会 “第二次成立”
a year after the first, two chairmen appointed the same day (调整、改组 both dated 1969年2月6日), leaders whose end of
term no source gives, a 县委 and 县人委 known only to exist before 1967年3月19日, and superiors whose later names have
no known start. Sources and what was typed: tests/fixtures/real/pingdu/SOURCE.md.

Each test reads the printed sentence, the lineage or the finding, not only that loading succeeds.
"""

import csv
import io
from pathlib import Path

from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.lineage import lineage
from zhi.views.snapshot import fate_unknown_note, snapshot
from zhi.writers import opendata

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "pingdu"


def _load():
    a = load_archive(REAL)
    return a, derive_history(a)


def _printed(a, h) -> list[str]:
    return [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]


def test_the_archive_checks_clean():
    a, h = _load()
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity in ("error", "warning")] == []


def test_the_second_founding_prints_the_sources_words_not_a_new_body():
    a, h = _load()
    printed = _printed(a, h)
    assert "1967年3月19日　平度县革命委员会（简称县革委）成立。" in printed
    assert "1968年3月18日　第二次成立平度县革命委员会（简称县革委）。" in printed
    assert not any("设立平度县革命委员会" in line or "撤销平度县革命委员会" in line for line in printed)
    lin = lineage(a, h, "pingdu-geweihui")
    assert len(lin.lives) == 2


def test_leaders_whose_end_no_source_gives_print_a_question_mark_never_now():
    a, h = _load()
    lin = lineage(a, h, "pingdu-geweihui")
    rows = [(p.post, a.people[p.person.id].name, p.tenure()) for p in lin.posts]
    assert ("主任", "李锦章", "1967年3月19日—？") in rows
    assert ("主任", "刘希温", "1969年2月6日—？") in rows and ("主任", "霍振年", "1969年2月6日—？") in rows
    assert ("主任（兼）", "赵蓝田", "1975年5月19日—？") in rows
    assert not any("今" in t for _, _, t in rows)


def test_a_body_known_only_to_exist_before_a_date_is_not_listed_as_certain():
    a, h = _load()
    snap = snapshot(a, h, "pingdu-xian", parse_date("1970-12-31"), [])
    names = [row.name for row in snap]
    assert "平度县人民委员会" not in names  # 止年不详, last seen “1967年3月19日前”
    assert "平度县革命委员会" in names


def test_the_county_becomes_a_city_as_the_source_says():
    a, h = _load()
    printed = _printed(a, h)
    assert "1983年10月　平度县划归青岛市。" in printed
    assert "1989年7月27日　撤销平度县，设立平度市。" in printed
    assert "1989年　平度市由青岛市代管。" in printed


def test_a_superior_is_named_as_it_was_certainly_called_then():
    """昌潍专区 from 1956年3月; 昌潍地区, 潍坊地区, 潍坊市 each from some time “1956年3月至1983年9月”: a later name is used
    for a date only when every reading of its start puts it there."""
    a, h = _load()
    printed = _printed(a, h)
    assert "1956年3月　平度县隶属昌潍专区。" in printed
    assert not any("潍坊市" in line or "昌潍地区" in line for line in printed)
    od = opendata.OpenData(a, h, {"base": "urn:zhi:", "title": "t", "licence": "-", "version": "-",
                                  "edition_zh": "公开版"})
    rows = list(csv.DictReader(io.StringIO(opendata.csv_bytes(od.participants()).decode("utf-8-sig"))))
    assert [r["所用名称"] for r in rows if r["事件编号"] == "ev-pingdu-changwei" and r["对象编号"] == "changwei"] \
        == ["昌潍专区"]


def test_the_superiors_later_names_read_as_a_zhi_does():
    a, h = _load()
    lin = lineage(a, h, "pingdu-xian")
    first = lin.parents[0]
    assert (first.value, first.renamed) == ("昌潍专区", "1956年3月至1983年9月间先后改称昌潍地区、潍坊地区、潍坊市")


def test_a_body_whose_end_is_unknown_is_not_tied_to_a_later_change_of_its_place():
    """县革委 and 县委 (`end: 不详`, last seen 1975) were not alive, as far as any source says, when 平度县 became 平度市
    (1989): their 属地 ends 止年不详, with no note of the 1989 change, alike for both."""
    a, h = _load()
    terms = {rid: lineage(a, h, rid).jurisdiction_terms() for rid in ("pingdu-geweihui", "pingdu-xianwei")}
    assert terms["pingdu-geweihui"] == [("pingdu-xian", "平度县", "1967年3月19日—止年不详、1968年3月18日—止年不详")]
    assert terms["pingdu-xianwei"] == [("pingdu-xian", "平度县", "1967年3月19日前—止年不详")]
    assert not any("平度市" in text for ts in terms.values() for _, _, text in ts)


def test_the_first_committees_end_is_printed_unknown_not_before_its_second_founding():
    """第二次成立 on 1968年3月18日 with no source for the first committee's end (previous_end: 不详): the 一览 of 1967
    says 止年不详 with the last record of it, never “1968年3月18日前终止”, which no source states."""
    a, h = _load()
    note = fate_unknown_note(h, "pingdu-xian", parse_date("1967-12-31"), a=a)
    assert "平度县革命委员会（止年不详，最后见于1967年3月19日）" in note
    assert "前终止" not in note
