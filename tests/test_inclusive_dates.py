"""Inclusive bounds: “1958年或以前即已设立”“至迟1958年已有” (known by 1958, origin not recorded) and “1966年6月或以后”.
`1958或以前` / `至迟1958` is an interval ending on the last day of 1958 (a plain `1958前` ends on 1957-12-31);
`1966-06或以后` one starting on 1966-06-01 (a plain `1966-06后` starts on 1966-07-01). Printed as the source words
it, checked with the interval logic (an error only when every reading is wrong). Facts fictional (guide/dates.md)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import with_theme
from conftest import write_dedented as write
from test_guide_examples import GUIDE, lay_out, section
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.dates import DateError, parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.snapshot import fate_unknown_note, snapshot
from zhi.views.staffing import figures

D = dt.date


@pytest.mark.parametrize("typed, printed, earliest, latest", [
    ("1958或以前", "1958年或以前", D(1, 1, 1), D(1958, 12, 31)),
    ("1958年或以前", "1958年或以前", D(1, 1, 1), D(1958, 12, 31)),
    ("1958年或之前", "1958年或之前", D(1, 1, 1), D(1958, 12, 31)),
    ("1958-06或以前", "1958年6月或以前", D(1, 1, 1), D(1958, 6, 30)),
    ("1958年6月或以前", "1958年6月或以前", D(1, 1, 1), D(1958, 6, 30)),
    ("至迟1958年", "至迟1958年", D(1, 1, 1), D(1958, 12, 31)),
    ("至迟1958", "至迟1958年", D(1, 1, 1), D(1958, 12, 31)),
    ("最迟1958年6月", "最迟1958年6月", D(1, 1, 1), D(1958, 6, 30)),
    ("1966或以后", "1966年或以后", D(1966, 1, 1), D(9999, 12, 31)),
    ("1966-06或以后", "1966年6月或以后", D(1966, 6, 1), D(9999, 12, 31)),
    ("1966年6月或之后", "1966年6月或之后", D(1966, 6, 1), D(9999, 12, 31)),
    # the exclusive forms keep their meaning: 前 ends before the year begins, 后 starts after it ends
    ("1958前", "1958年前", D(1, 1, 1), D(1957, 12, 31)),
    ("1966后", "1966年后", D(1967, 1, 1), D(9999, 12, 31)),
    ("1966-06后", "1966年6月后", D(1966, 7, 1), D(9999, 12, 31)),
    ("1966年上半年后", "1966年上半年后", D(1966, 7, 1), D(9999, 12, 31)),
])
def test_parse_and_print(typed, printed, earliest, latest):
    d = parse_date(typed)
    assert (d.chinese(), d.earliest(), d.latest()) == (printed, earliest, latest)
    assert d.in_year() == printed                       # a 大事记 entry prints it whole, never as 是年
    back = parse_date(d.iso())                          # what a message suggests typing reads back the same
    assert (back.earliest(), back.latest(), back.qualifier) == (d.earliest(), d.latest(), d.qualifier)


def test_years_keep_what_the_source_says():
    assert parse_date("1958或以前").years() == "1958或以前"
    assert parse_date("至迟1958").years() == "至迟1958"
    assert parse_date("1966或以后").years() == "1966或以后"
    assert parse_date("1958-06或以前").years() == "1958年6月或以前"
    # a part of the year is what the source says, as a month is: never cut to 1966后 (from 1967)
    assert parse_date("1966年上半年后").years() == "1966年上半年后"


def test_sort_order_within_a_year():
    # 1984前 is over before 1984 begins: first; 1984年或以前 may be in 1984: after the exact and approximate ones
    typed = ["1984或以后", "1984后", "1984或以前", "1984前", "约1984", "1984", "1984-03", "1984-03前", "1983"]
    assert [parse_date(t).chinese() for t in sorted(typed, key=lambda t: parse_date(t).sort_key())] == \
        ["1983年", "1984年前", "1984年3月前", "1984年3月", "1984年", "约1984年", "1984年或以前", "1984年后",
         "1984年或以后"]


@pytest.mark.parametrize("bad", ["约1958或以前", "1958或以前..1960", "至迟", "或以前"])
def test_unreadable_combinations_are_refused(bad):
    with pytest.raises(DateError):
        parse_date(bad)


def guide_archive(tmp_path):
    text = section((GUIDE / "dates.md").read_text(encoding="utf-8"), "## 完整示例：“或以前”“至迟”“或以后”")
    return lay_out(tmp_path, text)


def errors(root):
    a = load_archive(root, with_book=False)
    h = derive_history(a)
    return a, h, [f for f in run_checks(a, history=h) if f.severity == "error"]


def test_events_inside_the_bound_are_fine(tmp_path):
    """1958或以前 with a rename in 1958-03 and a post in 1957: it may exist then, no error."""
    root = guide_archive(tmp_path)
    write(root, "sources/people/p.yaml", "- {id: p-he, name: 何平}\n")
    write(root, "sources/posts/p.yaml", """
    - {person: p-he, body: hexi-gongxiao, post: 主任, from: 1957, to: 1957, sources: [doc-hexi-zhi]}
    - {person: p-he, body: hexi-nongju, post: 厂长, from: 1950, to: 1955, sources: [doc-hexi-zhi]}
    """)
    _, _, found = errors(root)
    assert found == []


def test_inclusive_after_is_checked_as_an_interval(tmp_path):
    """Set up 1966-06或以后: a post from 1966-06 may be after it (no error); one in 1966-05 is certainly before."""
    root = guide_archive(tmp_path)
    write(root, "sources/bodies/x.yaml", "- {id: hexi-gwh, kind: 其他}\n")
    write(root, "sources/events/x.yaml", """
    - {id: ev-gwh, type: establish, date: 1966-06或以后, body: hexi-gwh, name: 河西县革命委员会, jurisdiction: hexi-xian,
       sources: [doc-hexi-zhi]}
    """)
    write(root, "sources/people/p.yaml", "- {id: p-he, name: 何平}\n")
    write(root, "sources/posts/p.yaml", "- {person: p-he, body: hexi-gwh, post: 主任, from: 1966-06, sources: [doc-hexi-zhi]}\n")
    assert errors(root)[2] == []
    write(root, "sources/posts/p.yaml", "- {person: p-he, body: hexi-gwh, post: 主任, from: 1966-05, sources: [doc-hexi-zhi]}\n")
    found = errors(root)[2]
    assert [(f.code, f.loc.file, f.loc.line) for f in found] == [("body-not-yet", "sources/posts/p.yaml", 1)]
    assert "1966年6月或以后" in found[0].message


def test_abolished_before_the_bound_is_a_warning_and_a_sighting_makes_it_an_error(tmp_path):
    """至迟1958 set up, abolished 1957: consistent (set up before 1957), so no error — but a warning, since the source's
    “至迟1958年已有” usually means it was there in 1958; record that sighting and the abolition is an error."""
    root = guide_archive(tmp_path)
    ev = root / "sources/events/hexi.yaml"
    ev.write_text(ev.read_text(encoding="utf-8") + "\n- {id: ev-hexi-nongju-1957, type: abolish, date: 1957, "
                  "body: hexi-nongju, sources: [doc-hexi-zhi]}\n", encoding="utf-8")
    a, h, found = errors(root)
    assert found == []
    (w,) = [f for f in run_checks(a, history=h) if f.code == "origin-bound-loose"]
    assert w.severity == "warning" and w.loc.file == "sources/events/hexi.yaml"
    assert "至迟1958年" in w.message and "1957年撤销" in w.message
    bodies = root / "sources/bodies/hexi.yaml"
    bodies.write_text(bodies.read_text(encoding="utf-8").replace(
        "{id: hexi-nongju, kind: 企业}", "{id: hexi-nongju, kind: 企业, seen: [1958], sources: [doc-hexi-zhi]}"),
        encoding="utf-8")
    found = errors(root)[2]
    assert [f.code for f in found] == ["body-ended"] and "1958" in found[0].message


def test_snapshots_list_it_only_where_every_reading_has_it(tmp_path):
    a, h, found = errors(guide_archive(tmp_path))
    assert found == []
    at = lambda d: {r.body for r in snapshot(a, h, "hexi-xian", parse_date(d), figures(a))}
    assert {"hexi-gongxiao", "hexi-nongju"} <= at("1958-12-31")
    assert not {"hexi-gongxiao", "hexi-nongju"} & at("1957-12-31")
    note = fate_unknown_note(h, "hexi-xian", parse_date("1957-12-31"))
    assert note == "另有河西县供销合作社（1958年或以前设立）、河西县农具厂（至迟1958年设立），此时是否已设，档案未载。"


def test_site_prints_what_the_source_says(tmp_path):
    root = guide_archive(tmp_path)
    write(root, "chronicle/book.yaml", "title: 河西县机构编制志\nupper: 1949\nlower: 1985\n")
    build_edition(with_theme(root), pdf=False)
    text = lambda rel: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", (root / "site" / rel).read_text(encoding="utf-8")))
    gx = text("jigou/hexi-gongxiao/index.html")
    # no record after 1958 and the 下限 1985: 存续 says so (body-silent), from the bound the source gives
    assert "1958年或以前起，1958年后情况不详" in gx and "河西县供销合作社（1958或以前—1958）" in gx
    assert "至迟1958年" in text("jigou/hexi-nongju/index.html")
    fl = text("jigou/hexi-fulian/index.html")
    assert "1966年6月或以后 河西县妇女联合会停止活动" in fl
    dsj = text("dashiji/nianbiao/index.html")
    assert "1966年6月或以后 河西县妇女联合会停止活动" in dsj
    assert "3月 河西县供销合作社更名为河西县供销合作总社" in dsj
    # the 年表 loses nothing: a set-up the source dates only “1958年或以前” is an entry under that date as given
    # (never a year of its own); the 大事记 does not select it
    assert "1958年或以前 已有河西县供销合作社" in dsj and "至迟1958年 已有河西县农具厂" in dsj
    assert "1958年或以前 设立" not in dsj and "至迟1958年 设立" not in dsj   # no source says when they were set up
    assert "1958年或以前" not in text("dashiji/index.html")


def test_open_data_cells_and_identifiers():
    from zhi.writers.opendata import _slug, date_cells

    assert date_cells(parse_date("1958或以前")) == ["1958年或以前", "", "1958-12-31"]
    assert date_cells(parse_date("1966-06或以后")) == ["1966年6月或以后", "1966-06-01", ""]
    assert _slug(parse_date("至迟1958")) == "1958be" and _slug(parse_date("1966-06或以后")) == "1966-06ae"
    assert _slug(parse_date("1958前")) == "b1958"   # the exclusive form keeps its identifier
