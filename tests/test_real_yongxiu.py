"""The tester's 《永修县志》 findings (Part A): open dates, year-only merges, renames dated only as a span, and the
大事记 prefix rule, each checked on the printed sentence or the 一览 row.

Facts typed in (never its prose) from 《永修县志》第二节 行政机构（九江市图书馆析出资源 唯一号140520020230000424，
第320—334页）, http://61.136.101.125:8012/metainfo?metaID=140520020230000424 : 永修县人民政府 set up 1949-07, renamed
永修县人民委员会（县人委）1954年3月初; 秘书室 added “不久” after (1949年7月后); 淳湖区人民政府 (1949年7月后) called
区公所 by 1958 and 第一区区公所 between 1954 and 1958; 水上区 merged into 涂埠镇 in 1956; 白槎区 restored as
白槎区工作委员会 after 1960.
"""

from pathlib import Path

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage
from zhi.views.snapshot import snapshot
from zhi.views.staffing import figures

YONGXIU = {
    "sources/jurisdictions/yx.yaml": "id: yx-xian\nlevel: 县\n",
    "sources/bodies/yx.yaml": """
- {id: yx-zhengfu, kind: 其他}
- {id: yx-mishushi, kind: 政府工作部门}
- {id: yx-chunhu-qu, kind: 政府派出机构}
- {id: yx-baicha-qu, kind: 政府派出机构}
- {id: yx-shuishang-qu, kind: 政府派出机构}
- {id: yx-tubu-zhen, kind: 政府派出机构}
""",
    "sources/events/yx.yaml": """
- {id: ev-yx, type: establish, date: 1949-07, body: yx-xian, name: 永修县, sources: [d-1956-1]}
- {id: ev-zf, type: establish, date: 1949-07, body: yx-zhengfu, name: 永修县人民政府, jurisdiction: yx-xian,
   sources: [d-1956-1]}
- {id: ev-ms, type: establish, date: 1949年7月后, body: yx-mishushi, name: 永修县人民政府秘书室, parent: yx-zhengfu,
   jurisdiction: yx-xian, sources: [d-1956-1]}
- {id: ev-ch, type: establish, date: 1949年7月后, body: yx-chunhu-qu, name: 永修县淳湖区人民政府, parent: yx-zhengfu,
   jurisdiction: yx-xian, sources: [d-1956-1]}
- {id: ev-bc, type: establish, date: 1949年7月后, body: yx-baicha-qu, name: 永修县白槎区人民政府, parent: yx-zhengfu,
   jurisdiction: yx-xian, sources: [d-1956-1]}
- {id: ev-ss, type: establish, date: 1953, body: yx-shuishang-qu, name: 永修县水上区, parent: yx-zhengfu,
   jurisdiction: yx-xian, sources: [d-1956-1]}
- {id: ev-tb, type: establish, date: 1953, body: yx-tubu-zhen, name: 涂埠镇, parent: yx-zhengfu,
   jurisdiction: yx-xian, sources: [d-1956-1]}
- {id: ev-rw, type: rename, date: 1954年3月初, body: yx-zhengfu, name: 永修县人民委员会, short: 县人委, wording: 改名,
   sources: [d-1956-1]}
- {id: ev-ch-n, type: rename, date: 1954..1958, body: yx-chunhu-qu, name: 永修县第一区区公所, wording: 改称,
   sources: [d-1956-1]}
- {id: ev-ss-m, type: merge, date: 1956, before: [yx-shuishang-qu, yx-tubu-zhen], after: yx-tubu-zhen,
   sources: [d-1956-1]}
- {id: ev-bc-x, type: abolish, date: 1958, body: yx-baicha-qu, sources: [d-1956-1]}
- {id: ev-bc-r, type: restore, date: 1960后, body: yx-baicha-qu, name: 白槎区工作委员会, sources: [d-1956-1]}
""",
}


def _archive(tmp_path: Path, files: dict[str, str]):
    root = make_archive(tmp_path)
    for rel, text in files.items():
        write(root, rel, text)
    a = load_archive(root)
    return a, derive_history(a)


def _sentences(a, h):
    from zhi.views.chronology import chronology
    return {en.event.id: "".join(s if isinstance(s, str) else s.text for s in en.segments) for en in chronology(a, h)}


def test_the_archive_checks_clean(tmp_path):
    a, _ = _archive(tmp_path, YONGXIU)
    assert [f.code for f in run_checks(a) if f.severity == "error"] == []


def test_an_open_after_date_takes_the_parent_name_of_its_stated_date(tmp_path):
    """A2: set up 1949年7月后 under a government renamed 1954年3月初: 隶属永修县人民政府, not the later 县人委."""
    a, h = _archive(tmp_path, YONGXIU)
    s = _sentences(a, h)
    assert s["ev-ms"] == "设立永修县人民政府秘书室，隶属永修县人民政府，为政府工作部门。"
    assert "人民委员会" not in s["ev-ch"]


def test_a_year_only_merge_has_happened_by_the_end_of_its_year(tmp_path):
    """A6: merged in 1956: the 一览 of 1956-12-31 no longer lists 水上区; the 1955 一览 does; the one of 1956-06-30
    does not list it as if certain (it may have merged already) but names it under the table."""
    from zhi.views.snapshot import fate_unknown_note
    a, h = _archive(tmp_path, YONGXIU)
    end56 = {r.body for r in snapshot(a, h, "yx-xian", parse_date("1956-12-31"), figures(a))}
    assert "yx-shuishang-qu" not in end56 and "yx-tubu-zhen" in end56
    mid56 = {r.body for r in snapshot(a, h, "yx-xian", parse_date("1956-06-30"), figures(a))}
    assert "yx-shuishang-qu" not in mid56   # every reading must have it there; “1956” may be before June
    assert "另有永修县水上区（1956年并入他机构），此时是否尚存，档案未载。" in \
        fate_unknown_note(h, "yx-xian", parse_date("1956-06-30"), a=a)
    end55 = {r.body for r in snapshot(a, h, "yx-xian", parse_date("1955-12-31"), figures(a))}
    assert "yx-shuishang-qu" in end55


def test_a_snapshot_inside_a_rename_span_prints_the_old_name_with_the_hedge(tmp_path):
    """A6: renamed 1954..1958: the 1956 一览 prints the name it certainly bore and says the rename may have come.
    淳湖区 is set up “1949年7月后”: it is listed because its 1950 领导职数 (the source's) shows it there by 1950;
    秘书室, set up “1949年7月后” with no record of it by 1956, is not listed as if certain but named under the table."""
    from zhi.views.snapshot import fate_unknown_note
    files = dict(YONGXIU)
    files["sources/staffing/yx.yaml"] = ("- body: yx-chunhu-qu\n  date: 1950\n  basis: 核定\n"
                                         "  figures: {领导职数: {区长: 1, 副区长: 1至2}}\n  sources: [d-1956-1]\n")
    a, h = _archive(tmp_path, files)
    rows = {r.body: r for r in snapshot(a, h, "yx-xian", parse_date("1956-12-31"), figures(a))}
    row = rows["yx-chunhu-qu"]
    assert row.name == "永修县淳湖区人民政府"
    assert row.note == "（1954至1958年间改称永修县第一区区公所）"
    # the parent's name on that day is certain: no hedge
    assert row.parent_name == "永修县人民委员会"
    assert "yx-mishushi" not in rows
    assert "永修县人民政府秘书室（1949年7月后设立）" in fate_unknown_note(h, "yx-xian", parse_date("1956-12-31"), a=a)
    assert "yx-chunhu-qu" not in {r.body for r in snapshot(a, h, "yx-xian", parse_date("1949-12-31"), figures(a))}
    # before the span: the old name alone; inside 1958 once the span is over: the new one, certain
    assert {r.body: r for r in snapshot(a, h, "yx-xian", parse_date("1953-12-31"), figures(a))}[
        "yx-chunhu-qu"].note == ""


def test_a_restored_name_that_names_its_own_place_is_not_prefixed(tmp_path):
    """A9: 恢复白槎区工作委员会, never 恢复县人委白槎区工作委员会 (a name no source used)."""
    a, h = _archive(tmp_path, YONGXIU)
    s = _sentences(a, h)
    # a name it never bore before (永修县白槎区人民政府 until 1958): set up again as it, not “恢复” as if it had been
    assert s["ev-bc-r"].startswith("复置为白槎区工作委员会")
    assert "县人委白槎" not in s["ev-bc-r"]


def test_the_lineage_keeps_the_month_of_an_open_date(tmp_path):
    """A9: the 沿革 line printed （1949后—至迟1958）, dropping the 7月 of 1949年7月后."""
    from zhi.views.naming import span_years
    a, h = _archive(tmp_path, YONGXIU)
    lin = lineage(a, h, "yx-baicha-qu")
    first = lin.names[0]
    assert span_years(first.start, first.end) == "1949年7月后—1958"
    assert parse_date("1960后").years() == "1960后"
    assert parse_date("1949年7月后").years() == "1949年7月后"
    assert parse_date("1960年3月前").years() == "1960年3月前"


def test_a_leader_range_is_kept_as_the_source_gives_it(tmp_path):
    """A4: 区长1人，副区长1至2人: 副区长: 1至2 (or 1-2) checks clean and prints 1至2, never a sum or a single number."""
    files = dict(YONGXIU)
    files["sources/staffing/yx.yaml"] = ("- body: yx-chunhu-qu\n  date: 1950\n  basis: 核定\n"
                                         "  figures: {领导职数: {区长: 1, 副区长: 1至2}}\n  sources: [d-1956-1]\n"
                                         "- body: yx-baicha-qu\n  date: 1950\n  basis: 核定\n"
                                         "  figures: {领导职数: {区长: 1, 副区长: 1-2}}\n  sources: [d-1956-1]\n")
    a, h = _archive(tmp_path, files)
    assert [f.message for f in run_checks(a) if f.severity == "error"] == []
    texts = sorted(s.figures.figures_said for s in a.staffing if s.scope in ("yx-chunhu-qu", "yx-baicha-qu"))
    assert texts == ["领导职数区长1名、副区长1至2名"] * 2
    rows = {r.body: r for r in snapshot(a, h, "yx-xian", parse_date("1950-12-31"), figures(a))}
    assert rows["yx-chunhu-qu"].approved_text() == "—"   # no 编制 figure; the leaders are not counted in


def test_a_range_the_wrong_way_round_is_refused_with_the_way_to_write_it(tmp_path):
    files = dict(YONGXIU)
    files["sources/staffing/yx.yaml"] = ("- body: yx-chunhu-qu\n  date: 1950\n  basis: 核定\n"
                                         "  figures: {领导职数: {副区长: 2至1}}\n  sources: [d-1956-1]\n")
    a, _ = _archive(tmp_path, files)
    msgs = [f.message for f in run_checks(a) if f.code == "staffing-number"]
    assert msgs and "1至2" in msgs[0] and "2至1" in msgs[0]


def test_a_cession_whose_source_place_is_not_given(tmp_path):
    """A8: “吴城划属永修” names no county it came from: from: 不详 checks clean and prints no source place."""
    files = dict(YONGXIU)
    files["sources/events/wc.yaml"] = ("- {id: ev-wc, type: cede, date: 1954, from: 不详, to: yx-xian, places: [吴城],"
                                       " wording: 划属, sources: [d-1956-1]}\n")
    a, h = _archive(tmp_path, files)
    assert [f.message for f in run_checks(a) if f.severity == "error"] == []
    assert _sentences(a, h)["ev-wc"] == "吴城划属永修县。"
    files["sources/events/wc.yaml"] = ("- {id: ev-wc, type: cede, date: 1954, to: yx-xian, places: [吴城],"
                                       " sources: [d-1956-1]}\n")
    a, _ = _archive(tmp_path / "without", files)
    assert "schema-missing" in [f.code for f in run_checks(a)]   # leaving it out is still refused


def test_merge_and_restore_wordings_that_say_another_event_are_refused(tmp_path):
    """From the last engineer: a restore with from and wording 分出 printed 分出 twice; a merge worded 分出 printed a
    false sentence. The source's own verbs (复设, 合并为) still print."""
    files = dict(YONGXIU)
    files["sources/events/w.yaml"] = (
        "- {id: ev-w1, type: restore, date: 1961, body: yx-shuishang-qu, from: yx-tubu-zhen, wording: 分出,"
        " sources: [d-1956-1]}\n")
    a, _ = _archive(tmp_path / "r", files)
    bad = [f for f in run_checks(a) if f.code == "schema-value" and "wording" in f.message]
    assert bad and "分出" in bad[0].message and "复设" in bad[0].message and bad[0].loc.line == 1
    files["sources/events/w.yaml"] = (
        "- {id: ev-w1, type: merge, date: 1961, before: [yx-mishushi, yx-chunhu-qu], after: yx-chunhu-qu,"
        " wording: 分出, sources: [d-1956-1]}\n")
    a, _ = _archive(tmp_path / "m", files)
    bad = [f for f in run_checks(a) if f.code == "schema-value" and "wording" in f.message]
    assert bad and "合并事件" in bad[0].message
    files["sources/events/w.yaml"] = (
        "- {id: ev-w1, type: restore, date: 1961, body: yx-shuishang-qu, from: yx-tubu-zhen, wording: 复设,"
        " sources: [d-1956-1]}\n")
    a, h = _archive(tmp_path / "ok", files)
    assert [f for f in run_checks(a) if f.code == "schema-value"] == []
    assert _sentences(a, h)["ev-w1"].startswith("从涂埠镇分出，复设")


def test_a_name_a_faction_gave_without_approval_is_never_a_lawful_rename(tmp_path):
    """A7 (《永修县志》p.320ff.): 1967年3月5日成立永红县革命生产委员会（造反派擅自将永修县改名为永红县）. Recorded as
    擅改名称: printed as the source says, the official name unchanged in the snapshot, the page says 擅改名称 with its
    dates; 恢复原名 ends it (here invented for the test's second half: the source does not date it)."""
    from zhi.views.lineage import lineage as lineage_of
    files = dict(YONGXIU)
    files["sources/bodies/sc.yaml"] = "- {id: yx-shengchanwei, kind: 其他, end: 不详}\n"
    files["sources/events/u.yaml"] = (
        "- {id: ev-u, type: 擅改名称, date: 1967-03-05, body: yx-xian, name: 永红县, by: 造反派, sources: [d-1956-1]}\n"
        "- {id: ev-sc, type: establish, date: 1967-03-05, body: yx-shengchanwei, name: 永红县革命生产委员会,"
        " jurisdiction: yx-xian, sources: [d-1956-1]}\n"
        "- {id: ev-seat, type: seat, date: 1967-06, body: yx-xian, seat: 涂家埠, sources: [d-1956-1]}\n")
    a, h = _archive(tmp_path / "u", files)
    assert [f.as_text() for f in run_checks(a) if f.severity == "error"] == []
    said = _sentences(a, h)
    assert said["ev-u"] == "造反派擅自将永修县改名为永红县。"
    assert "更名" not in said["ev-u"]
    t = h.get("yx-xian")
    assert t.name_on(parse_date("1968-01-01"))[0] == "永修县"   # the official name stays
    lin = lineage_of(a, h, "yx-xian")
    assert [n.value for n in lin.names] == ["永修县"]
    assert [(u.value, str(u.start), u.end) for u in lin.unofficial_names] == [("永红县", "1967年3月5日", None)]
    # later sentences name the county by its official name, never the unlawful one
    assert said["ev-seat"] == "永修县驻地为涂家埠。"
    # 恢复原名 closes it; with no 擅改名称 open, it is refused
    files["sources/events/u.yaml"] += "- {id: ev-r, type: 恢复原名, date: 1968-02-23, body: yx-xian, sources: [d-1956-1]}\n"
    a, h = _archive(tmp_path / "r", files)
    assert [f.as_text() for f in run_checks(a) if f.severity == "error"] == []
    assert _sentences(a, h)["ev-r"] == "永修县恢复原名。"
    assert str(h.get("yx-xian").unofficial_names[0].end) == "1968年2月23日"
    files["sources/events/u.yaml"] = "\n".join(x for x in files["sources/events/u.yaml"].splitlines()
                                               if not x.startswith("- {id: ev-u,")) + "\n"
    a, _ = _archive(tmp_path / "bad", files)
    bad = [f for f in run_checks(a) if f.code == "unofficial-name-state"]
    assert bad and "没有擅改的名称" in bad[0].message and bad[0].loc.file.endswith("u.yaml")
