"""A body whose start (or end) the source dates only as “before X”, “after X”, a decade or about a year: the year
tables list it only for a year the source says it existed in (its start interval wholly before the year's end, its
end interval wholly after), never say 是年新设 for a year the source does not give, and name it under the table
(此时是否已设，档案未载). The facts are the tester's, from 《惠民县工商行政管理机构志》 typed into a new archive."""

import re
from pathlib import Path

from conftest import make_archive, with_theme, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.snapshot import difference, fate_unknown_note, snapshot
from zhi.views.staffing import figures

HM_BODIES = """
- {id: hm-zhengfu, kind: 其他, end: 不详}
- {id: hm-daibansuo, kind: 不详, end: 不详}
- {id: hm-gongshangke, kind: 不详}
- {id: hm-shangyeju, kind: 不详}
- {id: hm-gongxiaoshe, kind: 不详}
- {id: hm-zhuanshu, scope: out, names: [{name: 惠民专署工商处, from: 1949, sources: [d-1956-1]}]}
- {id: hm-abolished, kind: 不详}
"""

HM_EVENTS = """
- {id: ev-hm-xian, type: establish, date: 1949前, body: hm-xian, name: 惠民县, sources: [d-1956-1]}
- {id: ev-hm-zf, type: establish, date: 1950前, body: hm-zhengfu, name: 惠民县政府, jurisdiction: hm-xian,
   sources: [d-1956-1]}
- {id: ev-hm-dbs, type: establish, wording: 建立, date: 1949后, body: hm-daibansuo, name: 城市市场交易代办所,
   parent: hm-zhuanshu, jurisdiction: hm-xian, sources: [d-1956-1]}
- {id: ev-hm-gsk, type: establish, wording: 设, date: 1950, body: hm-gongshangke, name: 工商科, parent: hm-zhengfu,
   jurisdiction: hm-xian, sources: [d-1956-1]}
- {id: ev-hm-syj, type: establish, date: 1956-08前, body: hm-shangyeju, name: 商业局, jurisdiction: hm-xian,
   sources: [d-1956-1]}
- {id: ev-hm-merge, type: merge, wording: 合并, date: 1956-08, before: [hm-gongshangke, hm-shangyeju],
   after: hm-shangyeju, sources: [d-1956-1]}
- {id: ev-hm-gxs, type: establish, date: 1958-06-29前, body: hm-gongxiaoshe, name: 惠民县供销合作社,
   jurisdiction: hm-xian, sources: [d-1956-1]}
- {id: ev-hm-merge2, type: merge, wording: 合并, date: 1958-06-29, before: [hm-shangyeju, hm-gongxiaoshe],
   after: hm-shangyeju, sources: [d-1956-1]}
- {id: ev-hm-ab1, type: establish, date: 1950-03, body: hm-abolished, name: 惠民县测试办公室, jurisdiction: hm-xian,
   sources: [d-1956-1]}
- {id: ev-hm-ab2, type: abolish, date: 1955前, body: hm-abolished, sources: [d-1956-1]}
"""


def hm_archive(tmp_path):
    root = with_theme(make_archive(tmp_path))
    write(root, "sources/jurisdictions/hm.yaml", "id: hm-xian\nlevel: 县\n")
    write(root, "sources/bodies/hm.yaml", HM_BODIES)
    write(root, "sources/events/hm.yaml", HM_EVENTS)
    return root


def _state(tmp_path):
    a = load_archive(hm_archive(tmp_path))
    assert [f for f in run_checks(a) if f.severity == "error"] == []
    h = derive_history(a)
    figs = figures(a)

    def ids(y):
        return {r.body for r in snapshot(a, h, "hm-xian", parse_date(f"{y}-12-31"), figs)}

    def note(y):
        return fate_unknown_note(h, "hm-xian", parse_date(f"{y}-12-31"))

    def diff(y):
        return difference(h, "hm-xian", parse_date(f"{y - 1}-12-31"), parse_date(f"{y}-12-31"))
    return ids, note, diff


def test_a_body_set_up_before_x_is_not_listed_for_years_before_x(tmp_path):
    ids, note, diff = _state(tmp_path)
    for y in (1950, 1953, 1955):
        assert "hm-shangyeju" not in ids(y)
        assert "商业局（1956年8月前设立）" in note(y) and "此时是否已设，档案未载。" in note(y)
    assert "hm-shangyeju" in ids(1956)          # by 1956年8月 it certainly existed
    assert "商业局" not in note(1956)
    assert "hm-shangyeju" not in diff(1956).established and "hm-shangyeju" not in diff(1950).established
    assert "hm-gongxiaoshe" not in ids(1957)   # set up “1958-06-29前” and merged that day: never certain
    assert "惠民县供销合作社（1958年6月29日前设立）" in note(1957)
    assert "hm-zhengfu" in ids(1949)           # 1950前: existed by the end of 1949
    assert "hm-gongshangke" in ids(1950) and "hm-gongshangke" in diff(1950).established


def test_a_body_set_up_after_x_is_never_new_in_a_year_the_source_does_not_give(tmp_path):
    ids, note, diff = _state(tmp_path)
    assert "hm-daibansuo" not in ids(1950)
    assert "hm-daibansuo" not in diff(1950).established
    n = note(1950)
    assert n.startswith("另有城市市场交易代办所（1949年后设立）") and "此时是否已设，档案未载。" in n
    assert "止年不详" not in n                  # not also “最后见于1949年后”: the two contradicted each other
    assert "城市市场交易代办所" not in note(1949)


def test_a_body_ended_before_x_is_not_listed_while_it_may_have_ended(tmp_path):
    ids, note, diff = _state(tmp_path)
    assert "hm-abolished" in diff(1950).established and "hm-abolished" not in ids(1950)
    assert "另有惠民县测试办公室（1955年前撤销），此时是否尚存，档案未载。" in note(1952)
    assert not any("hm-abolished" in diff(y).ended for y in range(1950, 1960))


def test_year_pages_print_it(tmp_path):
    root = hm_archive(tmp_path)
    build_edition(root, pdf=False)
    page = lambda y: re.sub(r"<[^>]+>", "", (root / f"site/nianbiao/{y}/index.html").read_text(encoding="utf-8"))
    p1950 = page(1950)
    assert "商业局（1956年8月前设立）" in p1950 and "城市市场交易代办所（1949年后设立）" in p1950
    new = p1950.split("是年新设：")[1].split("\n")[0]
    assert new == "惠民县测试办公室、工商科。"    # not the 代办所 (1949后) nor the 商业局 (1956-08前)
    p1956 = page(1956).split("惠民县机构设置一览")[-1].split("机构设置一览")[0]
    assert "是年新设" not in p1956 and "商业局" in p1956 and "1956年8月前" in p1956   # its row, 设立 as given


def test_the_guide_example_prints_what_the_guide_says(tmp_path):
    guide = (Path(__file__).resolve().parent.parent / "guide/bodies.md").read_text(encoding="utf-8")
    text = guide[guide.index("### 设立、撤销时间只知道"):guide.index("### 保密的机构")]
    for rel, body in re.findall(r"文件 `(sources/[^`]+)`：\n\n```yaml\n(.*?)```", text, re.DOTALL):
        write(tmp_path, rel, body)
    a = load_archive(tmp_path, with_book=False)
    assert [f.as_text() for f in run_checks(a) if f.severity in ("error", "warning")] == []
    h = derive_history(a)
    figs = figures(a)
    rows = lambda y: {r.name: r.established_text() for r in snapshot(a, h, "hexi-xian", parse_date(f"{y}-12-31"),
                                                                        figs)}
    assert rows(1950) == {"禾溪县工商科": "1950年"}
    note = fate_unknown_note(h, "hexi-xian", parse_date("1950-12-31"))
    assert note == "另有禾溪县商业局（1956年8月前设立），此时是否已设，档案未载。" and note in text
    assert rows(1956) == {"禾溪县商业局": "1956年8月前"} and "1956年8月前" in text
    d = difference(h, "hexi-xian", parse_date("1949-12-31"), parse_date("1950-12-31"))
    assert d.established == ["hexi-gongshangke"]
    assert difference(h, "hexi-xian", parse_date("1955-12-31"), parse_date("1956-12-31")).established == []


def test_a_year_page_does_not_call_an_event_after_it_one_of_its_events(tmp_path):
    """“1949后” is no event of 1949 (nor of any one year): the 1949 page printed it under 是年大事. It is listed
    apart, with its date as the source gives it; the 大事记 and the 年表 print it as before."""
    root = hm_archive(tmp_path)
    build_edition(root, pdf=False)
    text = lambda rel: re.sub(r"<[^>]+>", "", (root / rel).read_text(encoding="utf-8"))
    p1949 = text("site/nianbiao/1949/index.html")
    assert "建立城市市场交易代办所" in p1949
    assert "是年大事" not in p1949    # its only event is no event of the year
    apart = p1949.split("时间不能确定在是年的事")[-1]
    assert "1949年后　建立城市市场交易代办所，隶属惠民专署工商处。" in apart
    assert "1949年后　建立城市市场交易代办所" in text("site/dashiji/nianbiao/index.html")
    p1950 = text("site/nianbiao/1950/index.html")
    assert "是年大事" in p1950 and "时间不能确定在是年的事" not in p1950


def test_a_later_record_shows_a_body_of_uncertain_start_or_end_existed(tmp_path):
    """Every reading of the dates includes the body's other records: set up “1949后” with a 编制 figure of 1952, it
    certainly existed by the end of 1952 (listed from then on, never 是年新设); abolished “1955前” with a figure of
    1953, it certainly still existed at the end of 1952."""
    root = hm_archive(tmp_path)
    write(root, "sources/staffing/hm.yaml", """
- {body: hm-daibansuo, date: 1952, basis: 核定, figures: {行政编制: 3}, sources: [d-1956-1]}
- {body: hm-abolished, date: 1953, basis: 核定, figures: {行政编制: 2}, sources: [d-1956-1]}
""")
    a = load_archive(root)
    assert [f.as_text() for f in run_checks(a) if f.severity == "error"] == []
    h = derive_history(a)
    figs = figures(a)
    ids = lambda y: {r.body for r in snapshot(a, h, "hm-xian", parse_date(f"{y}-12-31"), figs)}
    note = lambda y: fate_unknown_note(h, "hm-xian", parse_date(f"{y}-12-31"))
    assert "hm-daibansuo" not in ids(1951) and "城市市场交易代办所（1949年后设立）" in note(1951)
    assert "hm-daibansuo" in ids(1952) and "城市市场交易代办所" not in note(1952)
    assert not any("hm-daibansuo" in difference(h, "hm-xian", parse_date(f"{y - 1}-12-31"),
                                                parse_date(f"{y}-12-31")).established for y in range(1950, 1960))
    assert "hm-abolished" in ids(1952) and "hm-abolished" not in ids(1953)
    assert "惠民县测试办公室（1955年前撤销）" in note(1953) and "惠民县测试办公室" not in note(1952)


def test_no_table_for_a_place_that_may_not_exist_yet_and_has_no_body_certainly_there(tmp_path):
    """A county the source sets up only “1953前”: the 1950 page printed 青溪县机构设置一览（1950年末） with an empty
    table, as if the county certainly existed then. No body of it is certain in 1950, so no table; in 1953 there is."""
    root = with_theme(make_archive(tmp_path))
    write(root, "sources/jurisdictions/qx.yaml", "- {id: qx-xian, level: 县}\n- {id: zz-xian, level: 县}\n")
    write(root, "sources/bodies/qx.yaml", "- {id: qx-zf, kind: 其他}\n- {id: qx-ke, kind: 政府工作部门}\n")
    write(root, "sources/events/qx.yaml", """
- {id: ev-zz, type: establish, date: 1949-10, body: zz-xian, name: 郑庄县, sources: [d-1956-1]}
- {id: ev-qx, type: establish, date: 1953前, body: qx-xian, name: 青溪县, sources: [d-1956-1]}
- {id: ev-qx-zf, type: establish, date: 1953前, body: qx-zf, name: 青溪县人民政府, jurisdiction: qx-xian,
   sources: [d-1956-1]}
- {id: ev-qx-ke, type: establish, date: 1953-05, body: qx-ke, name: 青溪县民政科, parent: qx-zf, jurisdiction: qx-xian,
   sources: [d-1956-1]}
""")
    a = load_archive(root)
    assert [f.as_text() for f in run_checks(a) if f.severity == "error"] == []
    build_edition(root, pdf=False)
    page = lambda y: re.sub(r"<[^>]+>", "", (root / f"site/nianbiao/{y}/index.html").read_text(encoding="utf-8"))
    assert "青溪县机构设置一览" not in page(1950)
    assert "青溪县机构设置一览（1953年末）" in page(1953) and "青溪县民政科" in page(1953)
