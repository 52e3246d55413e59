"""存异 and 考异: a source that says otherwise is printed as dissent (另据《…》，为…), never among the supports;
a less precise but consistent source agrees; the editor's conflict_note is printed with the fact; the 考异 page
(and the book's appendix) lists every disagreement. Read back from the PDF (poppler), the DOCX (pandoc) and the
site's HTML.

The fixture's facts come from 《建党90年正宁大事记》 (see tests/fixtures/kaoyi/sources/documents/kaoyi.yaml);
the dissenting 《测试县志》 is fictional."""

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, TESTS, make_archive, with_theme
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.citations import dates_agree, dissent_of, split
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive

OVERLAY = TESTS / "fixtures" / "kaoyi"


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def text_of(html_file: Path) -> str:
    s = html_file.read_text(encoding="utf-8")
    # U+2060 (word joiner) binds a note call to the character before it: invisible, as a reader sees it
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", s)).replace("\u2060", "")


@pytest.mark.parametrize("a, b, agree", [
    ("1983", "1983-08", True), ("1952-07", "1952-07-10", True), ("1983-08-01", "1983", True),
    ("1968-09", "1969-09-25", False), ("1986-06", "1986-07", False), ("1986-06", "1986-06-30", True),
    ("1985前", "1984-12", True), ("1985后", "1985-06", False), ("1980..1983", "1982-05", True),
])
def test_dates_agree_when_their_intervals_overlap(a, b, agree):
    assert dates_agree(parse_date(a), parse_date(b)) is agree
    assert dates_agree(parse_date(b), parse_date(a)) is agree


@pytest.fixture(scope="module")
def archive_root(tmp_path_factory):
    root = make_archive(tmp_path_factory.mktemp("kaoyi"), OVERLAY)
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    book = root / "chronicle" / "book.yaml"
    book.write_text(book.read_text(encoding="utf-8") + "kaoyi: true\n", encoding="utf-8")
    return root


def test_support_and_dissent_by_date_name_and_figure(archive_root):
    a = load_archive(archive_root)
    h = derive_history(a)
    ev = a.events_by_id()
    sup, dis = split(ev["ev-1966-wgxz"], h)   # 1966-06 against 1966-06-06: consistent
    assert [c.doc for c in sup] == ["d-zn-dsj", "d-cs-xianzhi"] and dis == []
    sup, dis = split(ev["ev-1966-mucai"], h)
    assert [c.doc for c in sup] == ["d-zn-dsj"] and [d.phrase() for d in dis] == ["为1966年8月"]
    sup, dis = split(ev["ev-1966-zhaosheng"], h)
    assert [d.phrase() for d in dis] == ["称县招生办公室"]
    sup, dis = split(ev["ev-jjw"], h)         # the short name agrees, the figure does not
    assert [d.phrase() for d in dis] == ["行政编制为14名"]
    c = ev["ev-jjw"].sources[1]
    c.figures.posts["行政编制"] = 12
    assert dissent_of(c, ev["ev-jjw"], h) is None


def test_source_conflict_only_for_real_disagreement(archive_root):
    findings = [f for f in run_checks(load_archive(archive_root)) if f.code == "source-conflict"]
    by_line = {(f.loc.file, f.loc.line): f for f in findings}
    assert len(findings) == 3, [f.as_text() for f in findings]
    lines = (archive_root / "sources/events/1966.yaml").read_text(encoding="utf-8").splitlines()
    at = {ln.split("id: ")[1].split()[0]: i + 1 for i, ln in enumerate(lines) if ln.startswith("- id: ")}
    assert ("sources/events/1966.yaml", at["ev-1966-wgxz"]) not in by_line       # 1966-06 agrees
    mucai = by_line[("sources/events/1966.yaml", at["ev-1966-mucai"])]
    assert mucai.severity == "info" and "d-cs-xianzhi 为1966年8月" in mucai.message and "本条取1966年7月1日" in mucai.message
    zs = by_line[("sources/events/1966.yaml", at["ev-1966-zhaosheng"])]
    assert zs.severity == "warning" and "称县招生办公室" in zs.message and "conflict_note" in zs.message


@pytest.fixture(scope="module")
def built(archive_root):
    return build_edition(archive_root, docx=True)


@pytest.fixture(scope="module")
def internal(archive_root):
    return build_edition(archive_root, "internal", pdf=False)


SUPPORT_MUCAI = "（《建党90年正宁大事记》）"
DISSENT_MUCAI = "另据《测试县志》，为1966年8月。"
KAOYI_MUCAI = "考异：《测试县志》记为8月，系清产核资完毕之月；从大事记，取7月1日。"


def test_pdf_prints_dissent_as_a_note_and_the_appendix(built):
    pdf = run("pdftotext", str(built.out / "zhi.pdf"), "-")
    flat = re.sub(r"\s+", "", pdf).replace("\u2060", "")
    # the entry cites only the supporting source; the dissent and the 考异 are its footnote
    entry = re.search(r"7月1日撤销县木材公司。（[^）]*）", flat).group(0)
    assert "测试县志" not in entry and "《建党90年正宁大事记》" in entry
    assert re.search(r"\d+\." + re.escape(DISSENT_MUCAI + KAOYI_MUCAI), flat)
    assert "另据《测试县志》，称县招生办公室。" in flat
    assert "另据《测试县志》，行政编制为14名。" in flat
    # the consistent source is a support, never a dissent
    assert "另据《测试县志》，为1966年6月" not in flat
    assert re.search(r"设立县委社会主义“文化大革命”领导小组。（《建党90年正宁大事记》；《测试县志》）", flat)
    # the appendix's 考异表
    table = flat[[m.start() for m in re.finditer(r"[一二三四五六七八九十]+、考异表", flat)][-1]:]
    assert "本志取：1966年7月1日（《建党90年正宁大事记》）" + DISSENT_MUCAI + KAOYI_MUCAI in table
    # a name is not “taken” like a date: the name the book follows and its source
    assert "本志所据：县招生委员会（《建党90年正宁大事记》）" in table and "本志取：称" not in table
    assert "本志取：行政编制12名（测编〔1984〕7号）" in table


def test_docx_prints_dissent_as_a_footnote(built):
    import pypandoc

    pandoc = Path(pypandoc.__file__).parent / "files" / "pandoc"
    md = run(str(pandoc), str(built.out / "zhi.docx"), "-t", "plain", "--wrap=none")
    flat = re.sub(r"\s+", "", md).replace("\u2060", "")
    assert re.search(r"7月1日撤销县木材公司。（《建党90年正宁大事记》）\[\d+\]", flat)
    assert re.search(r"\[\d+\]" + re.escape(DISSENT_MUCAI + KAOYI_MUCAI), flat)
    assert "另据《测试县志》，称县招生办公室。" in flat


def test_site_notes_and_kaoyi_page(built):
    site = built.out
    chron = text_of(site / "dashiji" / "nianbiao" / "index.html")  # the 机构变动年表: every event, with its notes
    assert "7月1日 撤销县木材公司。" + SUPPORT_MUCAI + "1" in chron  # the call of note 1, no dissenter cited
    assert DISSENT_MUCAI + KAOYI_MUCAI + "见考异表" in chron
    raw = (site / "dashiji" / "nianbiao" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../kaoyi/#ky-ev-1966-mucai"' in raw and 'href="../../wenjian/d-cs-xianzhi/"' in raw
    # the body's page carries the same note
    body = text_of(site / "jigou" / "cs-mucai" / "index.html")
    assert DISSENT_MUCAI + KAOYI_MUCAI in body
    # a disputed staffing figure is noted under the body's 编制 table too
    jjw = text_of(site / "jigou" / "cs-jijingwei" / "index.html")
    table_note = jjw[jjw.index("注：1984年3月12日"):]
    assert table_note.index("另据《测试县志》，行政编制为14名。考异：《测试县志》所记14名含借调人员；从县编委文件。") < 200
    page = text_of(site / "kaoyi" / "index.html")
    assert "本志取：1966年7月1日（《建党90年正宁大事记》）" in page and DISSENT_MUCAI in page and KAOYI_MUCAI in page
    assert "另据《测试县志》，称县招生办公室。" in page and "待写考异" not in page and "尚未写" not in page
    assert "本志所据：县招生委员会（《建党90年正宁大事记》）" in page
    assert "1966年6月6日" not in page  # the consistent source is no disagreement
    doc = (site / "wenjian" / "d-cs-xianzhi" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../kaoyi/#ky-ev-1966-mucai"' in doc and "（异说）" in doc  # the dissenting source links back
    kraw = (site / "kaoyi" / "index.html").read_text(encoding="utf-8")
    assert 'href="../dashiji/nianbiao/#ev-1966-mucai"' in kraw and 'id="ky-ev-1966-mucai"' in kraw


def test_internal_kaoyi_page_lists_work_to_do(internal):
    page = text_of(internal.out / "kaoyi" / "index.html")
    todo = page[page.rindex("待写考异"):]
    assert "以下 1 条有异说而尚无考异" in todo and "设立县招生委员会" in todo and "撤销县木材公司" not in todo


def test_snapshot_bases_leave_out_a_dissenting_source(archive_root):
    """The 一览's 依据 column lists only the sources that support the establishment (a tester found the
    dissenting one listed there)."""
    from zhi.views.snapshot import snapshot
    from zhi.views.staffing import figures

    a = load_archive(archive_root)
    h = derive_history(a)
    rows = {r.body: r for r in snapshot(a, h, "cs-xian", parse_date("1966-12-31"), figures(a))}
    row = rows["cs-zhaosheng"]
    assert row.authority == [a.documents["d-zn-dsj"].label]
    assert a.documents["d-cs-xianzhi"].label not in row.authority


def test_an_event_whose_every_source_dissents_is_refused(tmp_path):
    """A tester forced a date no source gives, citing only a source that says otherwise: that is an error, not
    a note (the 大事记 printed the invented date with no source)."""
    root = make_archive(tmp_path, OVERLAY)
    p = root / "sources/events/1966.yaml"
    text = p.read_text(encoding="utf-8")
    old = "    - {doc: d-zn-dsj, page: 147}\n    - {doc: d-cs-xianzhi, name: 县招生办公室}"
    assert old in text
    p.write_text(text.replace(old, "    - {doc: d-cs-xianzhi, name: 县招生办公室}"), encoding="utf-8")
    a = load_archive(root)
    found = [f for f in run_checks(a) if f.code == "event-no-source"]
    assert found and found[0].severity == "error" and "没有一份来源支持" in found[0].message


# 《金溪县志》附录“建县时间考” (http://meta.librarydata.cn/metainfo?metaID=140220020210001140): the county is older
# than the book's 上限, and the sources disagree on when it was set up. The tester's record: the origin dated 1949前
# (the book follows no founding date), a second source dated 1000前, and the editor's 考异. The 大事记 prints no
# establishment for an origin dated "before" — the 考异 and the other source were then printed nowhere.
ORIGIN_KAOYI = """- id: ev-county
  type: establish
  date: 1949前
  body: cs-xian
  name: 测试县
  sources: [d-1956-1, {doc: d-1984-7, date: 1000前}]
  conflict_note: 建县时间有淳化五年（994年）、开宝五年（972年）等说，本志上限以前，不考。
"""


def test_a_kaoyi_on_an_unprinted_origin_is_listed_with_its_other_source(tmp_path):
    root = make_archive(tmp_path)
    p = root / "sources/events/1956.yaml"
    text = p.read_text(encoding="utf-8")
    head = "- id: ev-county\n  type: establish\n  date: 1956-01\n  body: cs-xian\n  name: 测试县\n  sources: [d-1956-1]\n"
    assert head in text
    p.write_text(text.replace(head, ORIGIN_KAOYI), encoding="utf-8")
    a = load_archive(root)
    h = derive_history(a)
    sup, dis = split(a.events_by_id()["ev-county"], h)
    assert [c.doc for c in sup] == ["d-1956-1"] and [d.phrase() for d in dis] == ["为1000年前"]
    found = [f for f in run_checks(a) if f.code == "source-conflict"]
    assert found and found[0].severity == "info" and "d-1984-7 为1000年前" in found[0].message
    res = build_edition(with_theme(root), pdf=False)
    page = text_of(res.out / "kaoyi" / "index.html")
    assert "无异说" not in page
    assert "1949年前 测试县已设立。" in page
    assert "另据《关于设立县计划经济委员会的通知》（测编〔1984〕7号），为1000年前。" in page
    assert "考异：建县时间有淳化五年（994年）、开宝五年（972年）等说" in page
    # the fact links to the county's page, where its life begins 1949年前
    raw = (res.out / "kaoyi" / "index.html").read_text(encoding="utf-8")
    assert 'href="../dashiji/cs-xian/"' in raw
    rows = list(csv.DictReader(io.StringIO((res.out / "shuju" / "data" / "events.csv").read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["编号"] == "ev-county")
    assert row["来源"] == "d-1956-1" and row["异说来源"] == "d-1984-7" and row["考异"].startswith("建县时间有淳化五年")


def test_a_consistent_source_stays_a_support_where_no_kaoyi_is_written(tmp_path):
    """Without the editor's 考异, a source dated 1000前 beside a record dated 1949前 is consistent: a support."""
    root = make_archive(tmp_path)
    p = root / "sources/events/1956.yaml"
    text = p.read_text(encoding="utf-8")
    head = "- id: ev-county\n  type: establish\n  date: 1956-01\n  body: cs-xian\n  name: 测试县\n  sources: [d-1956-1]\n"
    p.write_text(text.replace(head, ORIGIN_KAOYI.rsplit("  conflict_note", 1)[0]), encoding="utf-8")
    a = load_archive(root)
    sup, dis = split(a.events_by_id()["ev-county"], derive_history(a))
    assert [c.doc for c in sup] == ["d-1956-1", "d-1984-7"] and dis == []


MEMO_KAOYI = """\
- id: memo-gaizu
  date: 1969-02-06
  text: 县革命委员会进行改组。
  jurisdiction: cs-xian
  sources: [d-1956-1]
  conflict_note: 来源同日先记调整、又记改组，二者必有一处日期有误，待核。
"""


def test_an_editors_memo_with_a_kaoyi_is_listed_on_the_kaoyi_page(tmp_path):
    """A 记事's 考异 is printed as a note in the 大事记; the 考异表 lists it too and never says 无异说 beside it
    (a tester typing 《平度县志》 found the two pages contradicting each other)."""
    root = make_archive(tmp_path)
    (root / "sources/memos").mkdir(exist_ok=True)
    (root / "sources/memos/kaoyi.yaml").write_text(MEMO_KAOYI, encoding="utf-8")
    a = load_archive(root)
    assert not [f for f in run_checks(a) if f.severity == "error"]
    res = build_edition(with_theme(root), pdf=False)
    page = text_of(res.out / "kaoyi" / "index.html")
    assert "无异说" not in page
    assert "1969年2月6日 县革命委员会进行改组。" in page
    assert "考异：来源同日先记调整、又记改组" in page
    raw = (res.out / "kaoyi" / "index.html").read_text(encoding="utf-8")
    assert 'href="../dashiji/cs-xian/#memo-gaizu"' in raw
    assert 'id="memo-gaizu"' in (res.out / "dashiji" / "cs-xian" / "index.html").read_text(encoding="utf-8")
