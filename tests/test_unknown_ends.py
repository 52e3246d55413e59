"""Unknown ends and starts (止年不详, ？—1956年), 届次, and leaders under the name valid in their term.

Each test reads what is derived or printed: the snapshot rows, the 一览 note, the body page, the people page and
the book's 领导名录 (HTML of the built site; the book's appendix as WeasyPrint gets it, and the PDF's text).
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import make_archive, with_theme, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.indexes import body_index
from zhi.views.lineage import lineage
from zhi.views.snapshot import fate_unknown_note, snapshot
from zhi.views.staffing import figures
from zhi.writers.book import BookWriter

TOP = Path(__file__).resolve().parent.parent


def archive_with_unknowns(tmp_path) -> Path:
    root = with_theme(make_archive(tmp_path))
    write(root, "sources/bodies/gongye.yaml", "id: cs-gongye\nkind: 政府工作部门\nend: 不详\n"
                                             "note: 资料止于1960年更名，此后去向未载。\n")
    write(root, "sources/events/gongye.yaml", """
- id: ev-gy-1
  dashiji: 收                # a 科 of the government: in the book's 大事记 by the editor's choice
  type: establish
  date: 1957年下半年
  body: cs-gongye
  name: 测试县工业科
  parent: cs-zhengfu
  sources: [d-1956-1]
- id: ev-gy-2
  type: rename
  date: 1960-03
  body: cs-gongye
  name: 测试县工业局
  sources: [d-1956-1]
- id: ev-gw
  type: rename
  date: 1968-04
  body: cs-zhengfu
  name: 测试县革命委员会
  short: 县革委会
  sources: [d-1956-1]
""")
    write(root, "sources/people/more.yaml", """
- id: p-li
  name: 李强
  gender: 男
- id: p-zhou
  name: 周平
  gender: 女
""")
    write(root, "sources/posts/more.yaml", """
- person: p-li
  body: cs-gongye
  post: 科长
  from: 1957
  to: 不详
  sources: [d-1956-1]
- person: p-zhou
  body: cs-gongye
  post: 局长
  from: 不详
  to: 1960-05
  sources: [d-1956-1]
- person: p-li
  body: cs-zhengfu
  post: 县长
  term: 第二届人民委员会
  from: 1958-06
  to: 1961-05
  sources: [d-1956-1]
- person: p-zhou
  body: cs-zhengfu
  post: 主任
  from: 1970
  to: 1975
  sources: [d-1956-1]
""")
    return root


def test_unknown_end_is_sayable_and_not_listed_as_existing_later(tmp_path):
    root = archive_with_unknowns(tmp_path)
    a = load_archive(root)
    assert [f for f in run_checks(a) if f.severity == "error"] == []
    h = derive_history(a)
    t = h.get("cs-gongye")
    assert t.end_unknown and t.last_known.iso() == "1960-05"    # the last record: a term that ended 1960-05
    figs = figures(a)
    ids = lambda d: {r.body for r in snapshot(a, h, "cs-xian", parse_date(d), figs)}
    assert "cs-gongye" in ids("1959-12-31")
    assert "cs-gongye" not in ids("1970-12-31")
    note = fate_unknown_note(h, "cs-xian", parse_date("1970-12-31"))
    assert note == "另有测试县工业局（止年不详，最后见于1960年5月），此时是否存续，档案未载。"
    lin = lineage(a, h, "cs-gongye")
    assert lin.end is None and lin.last_known.iso() == "1960-05"
    notes = {e.term: e.note for e in body_index(a, h) if e.target == "cs-gongye"}
    assert notes == {"测试县工业科": "见“测试县工业局”（1957—1960）", "测试县工业局": "（1960—？）"}


def test_end_unknown_with_a_recorded_end_is_an_error(tmp_path):
    root = archive_with_unknowns(tmp_path)
    write(root, "sources/events/gongye-end.yaml", """
- id: ev-gy-3
  type: abolish
  date: 1962
  body: cs-gongye
  sources: [d-1956-1]
""")
    found = [f for f in run_checks(load_archive(root)) if f.code == "end-unknown-but-ended"]
    assert len(found) == 1 and found[0].loc.file == "sources/bodies/gongye.yaml" and "1962年" in found[0].message


def test_unknown_written_where_a_date_is_needed_is_refused(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", "- id: ev-x\n  type: rename\n  date: 不详\n  body: cs-jiwei\n"
                                         "  name: 测试县计划局\n  sources: [d-1956-1]\n")
    found = [f for f in run_checks(load_archive(root)) if f.code == "date-invalid"]
    assert len(found) == 1 and "只有任职的起止" in found[0].message


def test_leaders_print_unknown_terms_and_the_name_of_their_time(tmp_path):
    root = archive_with_unknowns(tmp_path)
    a = load_archive(root)
    h = derive_history(a)
    lin = lineage(a, h, "cs-zhengfu")
    assert [(name, [p.person.id for p in ps]) for name, ps in lin.post_groups] == \
        [("测试县人民委员会", ["p-li"]), ("测试县革命委员会", ["p-zhou"])]
    html = BookWriter(a, h, root / "theme").appendix_html()
    leaders = html[html.index("三、领导名录"):]
    text = re.sub(r"<[^>]+>", " ", leaders)
    assert "？—1960年5月" in text and "1957年—？" in text
    assert "今" not in text
    assert "第二届人民委员会" in text and "<th>届次</th>" in leaders
    # the 1970 主任 is listed under the name of 1970, the 1958 县长 under the name of 1958
    assert text.index("测试县人民委员会") < text.index("李强") < text.index("测试县革命委员会") < text.index("周平")


def test_site_pages_print_unknowns_as_the_book_would(tmp_path):
    root = archive_with_unknowns(tmp_path)
    build_edition(root, pdf=False)
    site = root / "site"
    body = (site / "jigou/cs-gongye/index.html").read_text(encoding="utf-8")
    assert "止年不详（最后见于1960年5月）" in body
    assert "？—1960年5月" in body and "1957年—？" in body
    zf = (site / "jigou/cs-zhengfu/index.html").read_text(encoding="utf-8")
    assert "<strong>测试县革命委员会</strong>" in zf and "第二届人民委员会" in zf
    year = (site / "nianbiao/1970/index.html").read_text(encoding="utf-8")
    assert "测试县工业局（止年不详，最后见于1960年5月）" in year
    assert "是年撤销" not in year                     # an unknown end is not an abolition
    assert ">测试县工业局<" not in year                # and not a row of the 一览
    # the 大事记 prints the source's wording under its year, not "是年"
    dsj = re.sub(r"<[^>]+>", "", (site / "dashiji/nianbiao/index.html").read_text(encoding="utf-8"))
    assert re.search(r"下半年\s*设立测试县工业科", dsj), dsj[dsj.find("1957"):][:300]
    people = (site / "renwu/index.html").read_text(encoding="utf-8")
    assert "？—1960年5月" in people and "（第二届人民委员会）" in people


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler")
def test_book_pdf_leaders_read_back(tmp_path):
    from zhi.writers.typeset import typeset

    root = archive_with_unknowns(tmp_path)
    a = load_archive(root)
    h = derive_history(a)
    pdf = tmp_path / "b.pdf"
    res = typeset(BookWriter(a, h, root / "theme"), pdf, root, {"Title": "t"}, chunks=1, workers=1)
    assert res.line_issues == []        # a cell that begins “？—1960年5月” is not a line broken before “？”
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = text.replace(" ", "")
    assert re.search(r"下半年\s*设立测试县工业科", flat)           # the 大事记 entry, under 1957
    leaders = text[text.rindex("三、领导名录"):]
    assert "？—1960年5月" in leaders and "1957年—？" in leaders and "第二届人民委员会" in leaders
    assert "另有测试县工业局（止年不详，最后见于1960年5月）" in text.replace("\n", "").replace(" ", "")


def guide_archive(name: str, dest: Path) -> Path:
    """The files of a guide's 完整示例, laid out as the guide says."""
    text = (TOP / "guide" / f"{name}.md").read_text(encoding="utf-8")
    for m in re.finditer(r"文件 `(sources/[^`]+)`[^\n]*\n\n```yaml\n(.*?)```", text, re.DOTALL):
        p = dest / m.group(1)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(m.group(2), encoding="utf-8")
    return dest


@pytest.mark.parametrize("name", ["dates", "bodies", "people-and-posts"])
def test_guide_examples_check_clean(tmp_path, name):
    a = load_archive(guide_archive(name, tmp_path), with_book=False)
    # the page's examples are separate archives loaded here as one: their fictional places share names
    assert a.files and [f for f in run_checks(a) if f.severity in ("error", "warning") and f.code != "name-shared"] == []


def test_guide_examples_print_what_the_guide_says(tmp_path):
    a = load_archive(guide_archive("people-and-posts", tmp_path / "p"), with_book=False)
    h = derive_history(a)
    tenures = {(p.person.id, p.post): p.tenure() for p in a.posts if p.body.id == "lanxi-zhengfu"}
    assert tenures == {("p-wang-xiulan", "区长"): "1987年5月—？", ("p-li-jianguo", "副区长"): "？—1983年4月"}
    assert [n for n, _ in lineage(a, h, "lanxi-zhengfu").post_groups] == ["澜西区人民政府"]
    b = load_archive(guide_archive("bodies", tmp_path / "b"), with_book=False)
    lin = lineage(b, derive_history(b), "lanxi-guokuzhongxin")
    assert (lin.start.chinese(), lin.last_known.chinese()) == ("2003年12月", "2008年")


def test_a_body_of_unknown_end_is_not_said_to_outlive_its_parent(tmp_path):
    root = archive_with_unknowns(tmp_path)
    ev = root / "sources/events/gongye.yaml"
    ev.write_text(ev.read_text(encoding="utf-8").replace("  parent: cs-zhengfu\n", "  parent: cs-jiwei\n", 1),
                  encoding="utf-8")   # cs-jiwei ends in the merge of 1984-03-12
    assert [f for f in run_checks(load_archive(root)) if f.code == "parent-ended"] == []
    # a record showing it after its parent ended is still reported
    write(root, "sources/posts/late.yaml", "- person: p-li\n  body: cs-gongye\n  post: 局长\n  from: 1986\n"
                                         "  to: 1987\n  sources: [d-1990-3]\n")
    found = [f for f in run_checks(load_archive(root)) if f.code == "parent-ended"]
    assert len(found) == 1 and "cs-gongye" in found[0].message


def test_line_rule_is_about_breaks_not_about_a_cell_that_begins_with_a_question_mark():
    from weasyprint import HTML
    from zhi.writers.typeset import check_lines

    cell = HTML(string="<table><tr><td>？—1956年</td><td>1948年11月—？</td></tr></table>").render()
    assert check_lines(cell, lambda i: str(i + 1)) == []
    broken = HTML(string="<p>机构编制<br>？—1956年</p>").render()
    assert any("行首" in i.problem for i in check_lines(broken, lambda i: str(i + 1)))
