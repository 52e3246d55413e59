"""A body file's own ``sources`` (the source that says it is there 至今, or shows it still there on a ``seen`` date)
go through the same rules as an event's: they count as citations (doc-uncited), a public fact resting only on
classified ones is warned of (source-classified), an edition that withholds them does not state the fact (no
“至本志下限…仍存续”, no 最后见于 that date), and where the fact is printed its source is cited (body page, the
一览's note in the site and the PDF), and the document's page links back to the body.

Real material: tests/fixtures/real/luohe (临颍县地名信息库, 标准地名“中国共产党保和乡委员会”的历史沿革,
http://app.linying.quhuadiming.cn/map/detail/11781): 中共保和乡委员会 1983年11月24日 took that name “至今”
(``end: 至今`` with that source). The classified document ``doc-t-mi`` and the 1949年6月 sighting of the 中共漯河、
郾城市县委员会 are the test's own (no real record is classified, and the real source gives no later sighting)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "luohe"
SECRET_DOC = """
- id: doc-t-mi
  number: 舞组〔1990〕3号
  title: 测试用的密件
  date: 1990-05
  classification: 机密
- id: doc-t-gk
  title: 测试用的公开资料
  date: 1995
"""
BH = "- {id: bh-dangwei, kind: 其他, end: 至今, sources: [doc-lh-baohe],"
SHI = "- {id: lh-shixianwei, kind: 其他, end: 不详,"


def _root(tmp_path: Path, bh_doc: str = "doc-lh-baohe", seen_doc: str | None = None, theme: bool = False) -> Path:
    root = tmp_path / "lh"
    shutil.copytree(REAL, root)
    write(root, "sources/documents/test.yaml", SECRET_DOC)
    p = root / "sources/bodies/b.yaml"
    text = p.read_text(encoding="utf-8")
    assert BH in text and SHI in text
    text = text.replace(BH, BH.replace("doc-lh-baohe", bh_doc))
    if seen_doc:
        text = text.replace(SHI, SHI[:-1] + f", seen: [1949-06], sources: [{seen_doc}],")
    p.write_text(text, encoding="utf-8")
    if theme:
        shutil.copytree(ROOT / "theme", root / "theme")
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _text(html: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.read_text(encoding="utf-8")))


def test_a_body_files_sources_are_citations_and_a_classified_one_is_warned_of(tmp_path):
    a = load_archive(_root(tmp_path, bh_doc="doc-t-mi", seen_doc="doc-t-mi"))
    found = run_checks(a, history=derive_history(a))
    assert not [f for f in found if f.code == "doc-uncited" and "测试用的密件" in f.message]   # cited by two bodies
    warned = {f.loc.file: f.message for f in found if f.code == "source-classified"}
    assert set(warned) == {"sources/bodies/b.yaml"}, warned
    msgs = [f.message for f in found if f.code == "source-classified"]
    assert any("bh-dangwei" in m and "至今" in m and "机密" in m for m in msgs), msgs
    assert any("lh-shixianwei" in m and "seen" in m for m in msgs), msgs
    # an unknown document on a body file (or on a name outside the volume) is a reference error, as on an event
    root = _root(tmp_path / "2", bh_doc="doc-nowhere")
    a = load_archive(root)
    assert [f for f in run_checks(a, history=derive_history(a)) if f.code == "ref-unknown" and "doc-nowhere" in f.message]


def test_the_samples_yearbook_cited_by_a_body_file_is_not_called_uncited():
    a = load_archive(ROOT)
    found = run_checks(a, history=derive_history(a))
    assert "doc-wc-nianjian-2022" in {c.doc for c in a.bodies["hd-dongguan"].sources}
    assert not [f for f in found if f.code == "doc-uncited" and f.loc.file.endswith("doc-wc-nianjian-2022.yaml")]


def test_an_edition_that_withholds_the_only_source_does_not_state_the_fact(tmp_path):
    a = load_archive(_root(tmp_path, bh_doc="doc-t-mi", seen_doc="doc-t-mi"))
    whole = derive_history(a)
    assert not whole.get("bh-dangwei").end_unknown and str(whole.get("lh-shixianwei").last_known) == "1949年6月"
    for edition in ("public", "internal"):
        ed = filter_archive(a, edition)
        h = derive_history(ed)
        assert h.get("bh-dangwei").end_unknown, edition      # not 至本志下限仍存续 on a withheld source
        assert str(h.get("lh-shixianwei").last_known) != "1949年6月", edition
        assert ed.bodies["bh-dangwei"].sources == [] and ed.bodies["lh-shixianwei"].seen == []


def test_the_built_public_site_says_neither_and_cites_neither(tmp_path):
    res = build_edition(_root(tmp_path, bh_doc="doc-t-mi", seen_doc="doc-t-mi", theme=True), pdf=False)
    bh = _text(res.out / "jigou" / "bh-dangwei" / "index.html")
    assert "仍存续" not in bh and "止年不详（最后见于1983年11月24日）" in bh, bh
    shi = _text(res.out / "jigou" / "lh-shixianwei" / "index.html")
    assert "止年不详（最后见于" in shi and "最后见于1949年6月" not in shi, shi
    bodies = (res.out / "shuju" / "data" / "bodies.csv").read_text(encoding="utf-8")
    row = next(line for line in bodies.splitlines() if line.startswith("bh-dangwei,"))
    assert "止年不详" in row and "至下限仍存续" not in row, row
    for f in res.out.rglob("*"):
        if f.is_file() and f.suffix in (".html", ".json", ".csv", ".js", ".jsonld", ".xml", ".txt"):
            text = f.read_text(encoding="utf-8", errors="ignore")
            assert "测试用的密件" not in text and "舞组" not in text and "doc-t-mi" not in text, f


@pytest.mark.slow
def test_where_the_fact_is_printed_its_source_is_cited(tmp_path):
    res = build_edition(_root(tmp_path, seen_doc="doc-t-gk", theme=True), pdf=True)
    bh = _text(res.out / "jigou" / "bh-dangwei" / "index.html")
    assert "（至本志下限2004年仍存续）（ 临颍县地名信息库" in bh, bh
    html = (res.out / "jigou" / "bh-dangwei" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="[./]*wenjian/doc-lh-baohe/?[^"]*">临颍县地名信息库', html), html
    shi = _text(res.out / "jigou" / "lh-shixianwei" / "index.html")
    assert "止年不详（最后见于1949年6月）（ 《测试用的公开资料》 ）" in shi, shi
    doc = _text(res.out / "wenjian" / "doc-lh-baohe" / "index.html")
    assert "机构：中共保和乡委员会（存续）" in doc, doc
    # the 一览 under which the body is named “最后见于1949年6月” cites the source that shows it then: site and PDF
    chapter = _text(next((res.out / "zhi").rglob("c1/index.html")))
    assert "最后见于1949年6月，据《测试用的公开资料》）" in chapter, chapter
    pdf = subprocess.run(["pdftotext", "-layout", str(res.out / "zhi.pdf"), "-"], capture_output=True, text=True,
                         check=True).stdout
    assert "最后见于1949年6月，据《测试用的公开资料》）" in re.sub(r"\s+", "", pdf), pdf[-3000:]


def test_a_name_outside_the_volume_resting_only_on_a_classified_source_is_not_stated(tmp_path):
    """中共许昌县委 (outside the volume) is named by the 杜曲 source alone; made to rest on the test's 机密 document,
    the public edition has no name to call it by and holds it not at all (the reparent under it with it)."""
    root = _root(tmp_path)
    p = root / "sources/bodies/b.yaml"
    text = p.read_text(encoding="utf-8")
    old = "- {name: 中共许昌县委, from: 1948-12前, sources: [doc-lh-duqu]}"
    assert old in text
    p.write_text(text.replace(old, old.replace("doc-lh-duqu", "doc-t-mi")), encoding="utf-8")
    a = load_archive(root)
    found = [f for f in run_checks(a, history=derive_history(a)) if f.code == "source-classified"]
    assert len(found) == 1 and "中共许昌县委" in found[0].message and found[0].loc.line == text.splitlines().index(
        next(line for line in text.splitlines() if old in line)) + 1, found
    assert "xc-xianwei" in a.bodies and "xc-xianwei" not in filter_archive(a, "public").bodies
    h = derive_history(filter_archive(a, "public"))
    assert "xc-xianwei" not in {s.value for s in h.get("dq-dangwei").parents}


def test_a_silent_body_named_by_its_seen_date_in_the_yilan_cites_that_source(tmp_path):
    """Without ``end: 不详`` the 市县委 stays in the 一览 decades on, marked “最后见于1949年6月”: that date is its
    ``seen``, and the note cites the source that gives it (as the fate-unknown note does)."""
    from zhi.dates import parse_date
    from zhi.views.snapshot import snapshot
    from zhi.views.staffing import figures

    root = _root(tmp_path, seen_doc="doc-t-gk")
    p = root / "sources/bodies/b.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace(SHI, SHI.replace(" end: 不详,", "")), encoding="utf-8")
    a = load_archive(root)
    h = derive_history(a)
    rows = {r.body: r for r in snapshot(a, h, "luohe-shi", parse_date("1990-12-31"), figures(a))}
    assert "最后见于1949年6月，据《测试用的公开资料》" in rows["lh-shixianwei"].note, rows["lh-shixianwei"]
