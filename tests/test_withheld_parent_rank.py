"""A public reparent under a body the edition withholds, and a 升格 the edition withholds: the edition drops the
event, says so to the editor (event-withheld, never naming the withheld party), and from the last record it holds on
prints the superior (the rank) as not given — 上级不详, 规格不详 — on the body page, in the 一览 and in the open data,
never the old value running on, nor a bare end “X后” with nothing after it.

Facts typed in (never its prose) from 《济阳县志》第一节 机构（统计）, 山东省情网
https://shandong-chorography.org/database/c18/section/13/article/3/ (as tests/test_withheld_change.py): 1953年4月
济阳县人民政府设统计科; 1956年6月 县人民委员会设统计科 (its change of parent); 1958年 改称计划委员会. The secret body
and the 1957 reparent under it, the rank 股级 and the 1957 升格 are the test's own (the source gives no rank)."""

import re
from pathlib import Path

from conftest import make_archive, with_theme, write
from test_withheld_change import FILES
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage
from zhi.views.snapshot import snapshot
from zhi.views.staffing import figures

SECRET = "济阳县鸮鹬委员会"
RANKED = "jurisdiction: jy-xian, sources: [d-jy]}\n- {id: ev-jy-tj-p,"
EXTRA = {
    "sources/bodies/jy-mi.yaml": "- {id: jy-mi, kind: 其他, classification: 机密}\n",
    "sources/documents/jy-mi.yaml": """
- {id: d-jy-mi2, number: 济秘〔1957〕9号, issuer: 济阳县人民委员会, date: 1957-08, title: 关于统计科领导关系的通知,
   classification: 机密}
""",
    "sources/events/jy-mi.yaml": """
- {id: ev-jy-mi, type: establish, date: 1957-01, body: jy-mi, name: 济阳县鸮鹬委员会, jurisdiction: jy-xian,
   classification: 机密, sources: [d-jy-mi2]}
- {id: ev-jy-tj-mi, type: reparent, date: 1957-08, body: jy-tongji, parent: jy-mi, sources: [d-jy]}
""",
}
RANK = """
- {id: ev-jy-tj-r, type: 升格, date: 1957-10, body: jy-tongji, rank: 副县级, classification: 机密, sources: [d-jy-mi2]}
"""


def _root(tmp_path: Path, rank: bool = False) -> Path:
    root = make_archive(tmp_path)
    files = {**FILES, **EXTRA}
    assert RANKED in files["sources/events/jy.yaml"]
    files["sources/events/jy.yaml"] = files["sources/events/jy.yaml"].replace(RANKED, RANKED.replace(
        "sources: [d-jy]}", "rank: 股级, sources: [d-jy]}", 1))
    for rel, text in files.items():
        write(root, rel, text)
    if rank:
        write(root, "sources/events/jy-rank.yaml", RANK)
    return root


def _warned(root: Path) -> list:
    a = load_archive(root)
    return [f for f in run_checks(a, history=derive_history(a)) if f.code == "event-withheld"]


def test_a_public_reparent_under_a_withheld_body_is_warned_of_without_naming_it(tmp_path):
    warned = _warned(_root(tmp_path))
    found = [f for f in warned if f.loc.file == "sources/events/jy-mi.yaml"]
    assert len(found) == 2, warned   # public and internal
    # the secret rename of the 济阳 fixture is told as well: 名称不详 from the last record on
    assert [f for f in warned if "ev-jy-tj-n”" in f.message and "名称不详" in f.message]
    for f in found:
        assert "ev-jy-tj-mi" in f.message and "jy-tongji" in f.message and "上级不详" in f.message, f.message
        assert "jy-mi" not in f.message.replace("ev-jy-tj-mi", "") and SECRET not in f.message, f.message


def test_from_the_withheld_reparent_on_the_superior_is_not_given(tmp_path):
    a = load_archive(_root(tmp_path))
    assert derive_history(a).get("jy-tongji").parent_on(parse_date("1957-12")) == "jy-mi"   # the archive knows
    pub = filter_archive(a, "public")
    h = derive_history(pub)
    lin = lineage(pub, h, "jy-tongji")
    assert [(p.value, str(p.start), str(p.end), p.unknown) for p in lin.parents] == [
        ("济阳县人民政府", "1953年4月", "1956年6月", False), ("济阳县人民委员会", "1956年6月", "1956年6月后", False),
        ("不详", "1956年6月后", "None", True)], lin.parents   # the page prints 上级不详 (built below)
    row = next(r for r in snapshot(pub, h, "jy-xian", parse_date("1957-12-31"), figures(pub)) if r.body == "jy-tongji")
    assert row.parent_name == "不详", row


def test_a_withheld_rank_change_leaves_the_rank_not_given_from_the_last_record_on(tmp_path):
    root = _root(tmp_path, rank=True)
    found = [f for f in _warned(root) if "ev-jy-tj-r”" in f.message]
    assert len(found) == 2 and all("规格不详" in f.message and "升格" not in f.message.split("：")[0] for f in found)
    a = load_archive(root)
    assert derive_history(a).get("jy-tongji").ranks[-1].value == "副县级"
    pub = filter_archive(a, "public")
    h = derive_history(pub)
    lin = lineage(pub, h, "jy-tongji")
    assert [(p.value, str(p.start)) for p in lin.ranks] == [("股级", "1953年4月"), ("规格不详", "1957年9月后")], lin.ranks
    rows = {r.body: r for r in snapshot(pub, h, "jy-xian", parse_date("1957-12-31"), figures(pub))}
    assert rows["jy-tongji"].rank == "不详"
    rows = {r.body: r for r in snapshot(pub, h, "jy-xian", parse_date("1955-12-31"), figures(pub))}
    assert rows["jy-tongji"].rank == "股级"


def test_the_built_public_site_and_open_data_say_not_given(tmp_path):
    res = build_edition(with_theme(_root(tmp_path, rank=True)), pdf=False)
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (res.out / "jigou" / "jy-tongji" / "index.html")
                                      .read_text(encoding="utf-8")))
    assert "济阳县人民委员会 1956年6月 1956年6月后 上级不详 1956年6月后" in page, page
    assert "规格 股级（1953年4月起）；规格不详（1957年9月后起）" in page, page
    periods = (res.out / "shuju" / "data" / "periods.csv").read_text(encoding="utf-8").splitlines()
    mine = [line for line in periods if line.startswith("jy-tongji,")]
    assert any(",上级,不详," in line and "1956年6月后" in line for line in mine), mine
    assert any(",规格,不详," in line for line in mine), mine
    assert not any(",规格,股级," in line and line.rstrip(",").endswith("至下限仍存续") for line in mine), mine
    for f in res.out.rglob("*"):
        if f.is_file() and f.suffix in (".html", ".json", ".csv", ".js", ".jsonld", ".xml", ".txt"):
            text = f.read_text(encoding="utf-8", errors="ignore")
            assert "鸮鹬" not in text and "jy-mi" not in text.replace("jy-tj-mi", "") and "济秘" not in text, f
            assert "计划统计科" not in text, f   # (the secret rename of tests/test_withheld_change.py)
            assert "副县级" not in text, f
