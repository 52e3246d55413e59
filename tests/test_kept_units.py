"""A tester's 《涡阳县志》 finding: “1945年1月，保留民政、财政、建设、军事4科” could not be said (wording 保留 on a 成员数
failed schema-value); the workaround printed 设, as if the four were new. Now 保留 is the source's verb: the kept units
are printed as kept and linked to their records (which it shows there then); a unit of the same kind it had then and
does not name reads 未保留 on its page, never 撤销, never with an end date.

Facts typed in (never its prose) from 《涡阳县志》政府,
https://cdn.zuxun100.com/index/article/difangzhi/info/31756/fz_id/30921 : 1940 the 县政府 改设 民政、财政、教育、建设、
军事 5科 (1941 it added 粮政科 and 公赋粮征收处); 1945年1月 保留民政、财政、建设、军事4科.
"""

import re

from conftest import archive_with, with_theme
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import Mention, chronology
from zhi.views.lineage import lineage

SRC = "[d-gyxz]"
KE = {"gy-mz": "民政科", "gy-cz": "财政科", "gy-jy": "教育科", "gy-js": "建设科", "gy-jsh": "军事科"}
FILES = {
    "sources/documents/gy.yaml": "- {id: d-gyxz, genre: 志书, title: 涡阳县志, section: 政府}\n",
    "sources/jurisdictions/gy.yaml": "- {id: gy, level: 县}\n",
    "sources/bodies/gy.yaml": "- {id: gy-zf, kind: 其他}\n- {id: gy-gf, kind: 其他, end: 不详}\n"
    + "".join(f"- {{id: {rid}, kind: 政府工作部门, end: 不详}}\n" for rid in KE),
    "sources/events/gy.yaml": f"""
- {{id: ev-gy, type: establish, date: 1864, body: gy, name: 涡阳县, sources: {SRC}}}
- {{id: ev-zf, type: establish, date: 1928, body: gy-zf, name: 涡阳县政府, jurisdiction: gy, sources: {SRC}}}
- {{id: ev-gf, type: establish, wording: 增设, date: 1941, body: gy-gf, name: 涡阳县公赋粮征收处, parent: gy-zf,
   jurisdiction: gy, sources: {SRC}}}
""" + "".join(f"- {{id: ev-{rid}, type: establish, wording: 内设, date: 1940, body: {rid}, name: 涡阳县政府{ke}, "
              f"parent: gy-zf, jurisdiction: gy, sources: {SRC}}}\n" for rid, ke in KE.items()) + f"""
- {{id: ev-1945, type: members, date: 1945-01, body: gy-zf, wording: 保留, units: [民政, 财政, 建设, 军事],
   subordinates: {{科: 4}}, sources: {SRC}}}
""",
}


def _root(tmp_path):
    return archive_with(tmp_path, files=FILES)


def _load(tmp_path):
    a = load_archive(_root(tmp_path))
    return a, derive_history(a)


def test_kept_is_sayable_and_printed_as_kept_with_links(tmp_path):
    a, h = _load(tmp_path)
    assert [f.as_text() for f in run_checks(a) if f.severity == "error"] == []
    en = next(en for en in chronology(a, h) if en.event.id == "ev-1945")
    assert "".join(s if isinstance(s, str) else s.text for s in en.segments) == "涡阳县政府保留民政、财政、建设、军事4个科。"
    assert [(s.id, s.text) for s in en.segments if isinstance(s, Mention)][1:] == [
        ("gy-mz", "民政"), ("gy-cz", "财政"), ("gy-js", "建设"), ("gy-jsh", "军事")]


def test_the_kept_units_are_there_then_and_the_other_ke_was_not_kept(tmp_path):
    """The four are shown there in 1945年1月 (no `seen` needed); 教育科 reads 1945年1月未保留; the 征收处 (no 科) is
    not said of."""
    a, h = _load(tmp_path)
    assert {rid: str(h.get(rid).last_known) for rid in ("gy-mz", "gy-cz", "gy-js", "gy-jsh")} == {
        "gy-mz": "1945年1月", "gy-cz": "1945年1月", "gy-js": "1945年1月", "gy-jsh": "1945年1月"}
    assert str(lineage(a, h, "gy-jy").not_kept) == "1945年1月"
    assert lineage(a, h, "gy-mz").not_kept is None and lineage(a, h, "gy-gf").not_kept is None


def test_the_page_of_the_unit_not_kept_says_so_never_abolished(tmp_path):
    out = build_edition(with_theme(_root(tmp_path)), pdf=False).out
    page = re.sub(r"<[^>]+>", "", (out / "jigou/gy-jy/index.html").read_text(encoding="utf-8"))
    assert "1940年—止年不详（最后见于1940年，1945年1月未保留）" in page
    assert "撤销" not in page
    kept = re.sub(r"<[^>]+>", "", (out / "jigou/gy-mz/index.html").read_text(encoding="utf-8"))
    assert "止年不详（最后见于1945年1月）" in kept and "未保留" not in kept
