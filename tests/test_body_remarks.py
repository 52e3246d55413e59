"""A body's 附注 (``remarks``): what a source says of a body that no event or date holds (涡阳's 县衙 had no yamen of
its own, its magistrates borrowed houses; 1912 县行政公署年费用9600元). The tester wrote such a sentence as the
body's ``note``, which the guide keeps for the editor and never prints (the sample's body notes are all of that
kind: summaries of events recorded elsewhere, and remarks on how the record was typed — “不编造撤销事件”). A 附注
prints on the body's page with its source, is refused without one, and an edition that holds none of its sources
does not print it.

Real material: tests/fixtures/real/guoyang (《涡阳县志》“政府”, URL in its README)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import ROOT, with_theme, write
from test_body_sources import _text
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "guoyang"
SECRET = """
- id: doc-t-mi
  number: 涡组〔1950〕3号
  title: 测试用的内部资料
  date: 1950-05
  classification: 内部
"""


def _root(tmp_path: Path, theme: bool = False) -> Path:
    root = tmp_path / "gy"
    shutil.copytree(REAL, root)
    write(root, "sources/documents/test.yaml", SECRET)
    return with_theme(root) if theme else root


def _swap(root: Path, old: str, new: str) -> None:
    p = root / "sources/bodies/gy.yaml"
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new), encoding="utf-8")


def test_the_sample_body_notes_are_the_editors_and_stay_unprinted():
    """The sample's body notes retell events recorded elsewhere or say how the record was typed: none is a sourced
    statement for the reader, so ``note`` stays the editor's and a printed remark is its own key."""
    a = load_archive(ROOT)
    notes = {b.id: b.note for b in a.bodies.values() if b.note}
    assert "不编造撤销事件" in notes["lx-fangxun"] and "设立日期照写" in notes["lx-jiuzai"]
    assert not any(b.remarks for b in a.bodies.values())


def test_a_remark_prints_on_the_bodys_page_with_its_source_and_the_note_does_not(tmp_path):
    res = build_edition(_root(tmp_path, theme=True), pdf=False)
    page = _text(res.out / "jigou" / "gy-xianya" / "index.html")
    assert "附注" in page and "县衙无专设的衙署，历任知县借用民房（ 《涡阳县志》政府 ）。" in page, page
    zf = _text(res.out / "jigou" / "gy-zhengfu" / "index.html")
    assert "县行政公署年费用9600元（1912年）（ 《涡阳县志》政府 ）。" in zf, zf
    assert "试用者原把" not in zf   # the editor's note
    doc = _text(res.out / "wenjian" / "doc-gyxz-zhengfu" / "index.html")
    assert "（附注）" in doc, doc
    # the chapter's [[附注:gy-xianya]]: the same sentence, its source a footnote of the chapter
    chapter = (res.out / "zhi" / "p1" / "c1" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"历任知县借用民房\u2060?<sup[^>]*><a[^>]*href=\"#fn:", chapter), chapter[chapter.find("借用民房") - 200:][:600]


def test_a_remark_without_a_source_is_refused_at_its_line(tmp_path):
    root = _root(tmp_path)
    _swap(root, "{text: 县衙无专设的衙署，历任知县借用民房。, sources: [doc-gyxz-zhengfu]}",
          "{text: 县衙无专设的衙署，历任知县借用民房。}")
    a = load_archive(root)
    bad = [f for f in a.findings if f.code == "schema-missing" and "附注" in f.message]
    assert bad and bad[0].loc.file == "sources/bodies/gy.yaml" and bad[0].loc.line == 17, bad
    assert bad[0].severity == "error" and "sources" in bad[0].message


def test_a_remark_on_an_internal_source_only_is_warned_of_and_only_in_the_internal_edition(tmp_path):
    root = _root(tmp_path)
    _swap(root, "{text: 县衙无专设的衙署，历任知县借用民房。, sources: [doc-gyxz-zhengfu]}",
          "{text: 县衙无专设的衙署，历任知县借用民房。, sources: [doc-t-mi]}")
    a = load_archive(root)
    found = run_checks(a, history=derive_history(a))
    warned = [f for f in found if f.code == "source-classified" and "附注" in f.message]
    assert warned and warned[0].loc.file == "sources/bodies/gy.yaml" and "公开版不印这条附注" in warned[0].message
    assert not [f for f in found if f.code == "doc-uncited" and "测试用的内部资料" in f.message]
    assert filter_archive(a, "public").bodies["gy-xianya"].remarks == []
    assert [r.text for r in filter_archive(a, "internal").bodies["gy-xianya"].remarks] == ["县衙无专设的衙署，历任知县借用民房。"]


def test_the_guide_example_reads_the_remark_and_keeps_the_note_apart(tmp_path):
    from test_guide_examples import GUIDE, lay_out, section

    a = load_archive(lay_out(tmp_path, section((GUIDE / "bodies.md").read_text(encoding="utf-8"), "## 完整示例：附注")),
                     with_book=False)
    b = a.bodies["yh-xianzhengfu"]
    assert [(r.text, [c.doc for c in r.sources]) for r in b.remarks] == [("县政府内设机构时有变动。", ["doc-yh-xianzhi"])]
    assert "不编造" in b.note


def test_the_book_prints_the_remarks_where_the_chapter_asks_with_the_source_as_a_footnote(tmp_path):
    """[[附注:gy-xianya]] in the chapter (the guoyang fixture's 第一章) prints the body's 附注 in the book, each with
    its source as a footnote, as the site's page gives them; an edition holding none of a 附注's sources prints none."""
    from zhi.writers.book import BookWriter

    a = load_archive(REAL)
    h = derive_history(a)
    ch = next(c for c in a.book.chapters() if c.path.endswith("p1/c1.md"))
    out = BookWriter(a, h, ROOT / "theme").chapter(ch, 2)
    text = re.sub(r"<[^>]+>", "", out)
    assert "涡阳县县衙附注" in text and "县衙无专设的衙署，历任知县借用民房" in text, text[:2000]
    assert re.search(r"历任知县借用民房<span class=\"fn\">[^<]*(<[^>]+>[^<]*)*?《涡阳县志》", out), out[:3000]
    assert not [f for f in run_checks(a, history=h) if f.code in ("directive-invalid", "ref-unknown")]
    root = _root(tmp_path)
    _swap(root, "{text: 县衙无专设的衙署，历任知县借用民房。, sources: [doc-gyxz-zhengfu]}",
          "{text: 县衙无专设的衙署，历任知县借用民房。, sources: [doc-t-mi]}")
    ed = filter_archive(load_archive(root), "public")
    ch = next(c for c in ed.book.chapters() if c.path.endswith("p1/c1.md"))
    assert "借用民房" not in BookWriter(ed, derive_history(ed), ROOT / "theme").chapter(ch, 2)


def test_a_remarks_directive_on_a_place_or_with_a_date_is_refused(tmp_path):
    root = _root(tmp_path)
    p = root / "chronicle/p1/c1.md"
    p.write_text(p.read_text(encoding="utf-8").replace("[[附注:gy-xianya]]", "[[附注:guoyang]]\n\n[[附注:gy-xianya@1911]]"),
                 encoding="utf-8")
    a = load_archive(root)
    found = [(f.code, f.message) for f in run_checks(a, history=derive_history(a)) if f.code == "directive-invalid"]
    assert any("附注的对象应为机构" in m for _, m in found) and any("附注须写明机构、不写日期" in m for _, m in found), found
