"""《哈尔滨市志·劳动志》 第一节 市劳动局 (1946–1966), typed by a tester (tests/fixtures/real/haerbin): each test reads
what the reader of the book or the site sees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive

REAL = Path(__file__).parent / "fixtures" / "real" / "haerbin"


@pytest.fixture
def hrb(tmp_path):
    root = tmp_path / "hrb"
    shutil.copytree(REAL, root)
    return root


def _load(root: Path):
    a = load_archive(root)
    h = derive_history(a)
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"] == []
    return a, h


def _stats(root: Path) -> tuple[str, str]:
    """The site's 统计 page and the book's 编制统计表 (up to the next part of the appendix)."""
    from zhi.writers.book import BookWriter
    from zhi.writers.site import SiteWriter

    a, h = _load(root)
    w = SiteWriter(a, h, ROOT / "theme")
    w.stats_page()
    page = next(p.text for p in w.tree.pages if p.path == "tongji/index.md")
    book = BookWriter(a, h, ROOT / "theme").appendix_html()
    stats = book[book.index("四、编制统计表"):]
    return page, stats[:stats.find("<h2", 1)]


def test_stated_figures_are_listed_under_the_staffing_table_and_the_chart_says_what_it_plots(hrb):
    """编制17人 (1948), 编制38人 (1950), 编制51人 (1952) are 口径 记载: no line of the table sums them, and the PDF
    printed them nowhere; the chart of the one 实有 figure was titled 编制（年末，各类合计）."""
    page, book = _stats(hrb)
    for text in (page, book):
        for year, n in (("1948年1月", 17), ("1950年", 38), ("1952年", 51)):
            assert f"{year}</td><td>哈尔滨市劳动局</td><td>记载</td><td>编制{n}名</td>" in text.replace("\n", "") \
                or f"| {year} | 哈尔滨市劳动局 | 记载 | 编制{n}名 |" in text, (year, text)
        assert "各机构的其他编制记载" in text
        assert "编制（年末，各类合计）" not in text.replace("实有编制（年末，各类合计）", "")
        assert "哈尔滨市实有编制（年末，各类合计）" in text
    assert "<figcaption>哈尔滨市实有编制（年末）</figcaption>" in book
    # the book's table title is the name alone (its long bracket left “计）” alone on a line); what the list is, a note
    assert "各机构的其他编制记载</p>" in book and "注：本表按来源原样列出，不计入上表合计。" in book


def test_a_level_no_source_gives_is_written_unknown_and_none_is_published(hrb):
    """The source does not say what 哈尔滨市 was: `level: 不详` is accepted (the tester, thinking the field required,
    wrote 省辖市), no 层级 is derived or printed, and the open data say 不详 rather than an invented level."""
    from zhi.writers import opendata

    a, h = _load(hrb)
    assert a.jurisdictions["hrb-shi"].level == "" and h.get("hrb-shi").levels == []
    od = opendata.OpenData(a, h, {"base": "urn:zhi:"})
    (row,) = od.jurisdictions().rows
    assert row[:3] == ["hrb-shi", "哈尔滨市", "不详"], row
    assert not [r for r in od.periods().rows if r[0] == "hrb-shi" and r[2] == "层级"]


def _site_page(root: Path, path: str) -> str:
    from zhi.writers.site import SiteWriter

    a, h = _load(root)
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.body_pages()
    return next(p.text for p in w.tree.pages if p.path == path)


def _dashiji(root: Path) -> list[str]:
    from zhi.views.dashiji import dashiji

    a, h = _load(root)
    return [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h)]


def test_duties_taken_over_on_an_abolition_are_no_succession(hrb):
    """撤销工资科、劳动保险科，其职能分别由审查科、劳动保护科承担 (abolish, functions_to, functions_wording: 由…承担): the
    bodies taking the duties were printed 前身：劳动保险科（1952年撤销）, 后继：劳动保护科 — a duty transfer is not
    succession. Now 职能划入/职能划出 on the pages, a dashed box in the 沿革图, and the source's words in the 大事记."""
    page = _site_page(hrb, "jigou/hrb-ldj-laobaoke.md")
    assert "- 前身：[哈尔滨市劳动局保险科](hrb-ldj-baoxianke.md)（1950年合并）" in page
    assert "前身：[哈尔滨市劳动局劳动保险科]" not in page
    assert "## 职能划入与划出\n\n- 1952年，[哈尔滨市劳动局劳动保险科](hrb-ldj-baoxianke.md)撤销，其职能划入。" in page
    # the 沿革图: the 1950 box bears the name then (保险科), the 1952 one 劳动保险科 and says 职能划入, its line dashed
    assert ">哈尔滨市劳动局保险科</text><text x=\"100\" y=\"56\" font-size=\"13\" text-anchor=\"middle\" fill=\"#666\">" \
           "1950年合并<" in page
    assert ">哈尔滨市劳动局劳动保险科</text>" in page and ">1952年撤销，职能划入<" in page
    assert 'stroke-dasharray="4 3"' in page
    old = _site_page(hrb, "jigou/hrb-ldj-gongxin.md")
    assert "后继：" not in old and "- 1952年撤销，职能划出至[哈尔滨市劳动局审查科](hrb-ldj-shenchake.md)。" in old
    text = (hrb / "sources/events/ldj.yaml").read_text(encoding="utf-8")
    (hrb / "sources/events/ldj.yaml").write_text(text.replace("group: 1952撤销工资科保险科,", "group: 1952撤销工资科保险科, dashiji: 收,", 1),
                                                 encoding="utf-8")
    lines = _dashiji(hrb)
    assert any("撤销哈尔滨市劳动局工资科、哈尔滨市劳动局劳动保险科，其职能分别由哈尔滨市劳动局审查科、"
               "哈尔滨市劳动局劳动保护科承担" in ln for ln in lines), lines


def test_the_guides_abolish_with_functions_wording_example_is_this_fixtures_record():
    """guide/events.md (撤销 abolish) shows these two records and what they print: they are the fixture's, which the
    test above builds, word for word."""
    from test_guide_examples import GUIDE

    guide = (GUIDE / "events.md").read_text(encoding="utf-8")
    fixture = (REAL / "sources/events/ldj.yaml").read_text(encoding="utf-8")
    block = guide[guide.index("- {id: ev-1952-gzk-end"):]
    block = block[:block.index("```")]
    assert block in fixture
    assert "大事记（选入时）读作“撤销哈尔滨市劳动局工资科、哈尔滨市劳动局劳动保险科，其职能分别由哈尔滨市劳动局审查科、" \
           "哈尔滨市劳动局劳动保护科承担。”" in guide


def test_a_functions_wording_zhi_cannot_print_is_refused_with_the_forms_it_can(hrb):
    p = hrb / "sources/events/ldj.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("functions_wording: 由…承担, group", "functions_wording: 给…, group", 1),
                 encoding="utf-8")
    line = next(n for n, text in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if "给…" in text)
    a = load_archive(hrb)
    (f,) = [f for f in a.findings if f.code == "schema-value"]
    assert f.loc.file == "sources/events/ldj.yaml" and f.loc.line == line, f.as_text()
    assert f.message.startswith("撤销事件的“functions_wording（职能去向用词）”“给…”不是编辑指南所列的说法"), f.message
    assert "由…承担" in f.message and "请删去 functions_wording" in f.message


def _year_page(root: Path, year: int) -> str:
    from zhi.writers.site import SiteWriter

    a, h = _load(root)
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.year_pages()
    return next(p.text for p in w.tree.pages if p.path == f"nianbiao/{year}.md")


def test_units_a_list_names_exactly_are_seen_that_day(hrb):
    """1956年“设秘书室、劳动力调配处、工资处、…、调处审查科、统计科” (成员数, wording 设): the 1956 一览 said of 秘书室 and
    the others “最后见于1954年……此时是否存续，档案未载” on the page that lists them. A unit named exactly (its name
    then, or the bureau's name then + the listed name) is seen that day; 工资处 is not the 工资科 (no near match)."""
    page = _year_page(hrb, 1956)
    table, rest = page.split("另有", 1)
    for name in ("秘书室", "劳动力调配处", "调处审查科", "统计科"):
        assert f"| [哈尔滨市劳动局{name}](../jigou/" in table, name
        assert f"哈尔滨市劳动局{name}（止年不详" not in rest, name
    assert "哈尔滨市劳动局工资科（止年不详，最后见于1953年）" in rest
    guide = (Path(__file__).parent.parent / "guide" / "events.md").read_text(encoding="utf-8")
    example = guide[guide.index("- {id: ev-1956-units"):]
    assert example[:example.index("```")] in (REAL / "sources/events/ldj.yaml").read_text(encoding="utf-8")


def test_the_sponsor_may_be_the_parent_and_is_named_in_full_once(hrb):
    """“1948年1月，市政府决定成立市劳动局”, and the bureau belongs to the 市政府: `sponsor` and `parent` the same body
    were refused (“sponsor…与parent…是同一个机构”). Both are true: the 大事记 names it in full as the sponsor, then by
    its short name as the superior."""
    lines = _dashiji(hrb)
    (line,) = [ln for ln in lines if ln.startswith("1948年1月")]
    assert line.startswith("1948年1月　哈尔滨市政府决定，成立哈尔滨市劳动局（简称市劳动局），隶属市政府，为政府工作部门；编制17名"), line
    page = _site_page(hrb, "jigou/hrb-laodongju.md")
    assert "| 主持设立 | [哈尔滨市政府](hrb-zhengfu.md)决定（1948年1月） |" in page
    assert "| [哈尔滨市政府](hrb-zhengfu.md) | 1948年1月 |" in page   # 隶属


def test_bodies_set_up_with_wording_she_in_one_group_are_said_together(hrb):
    """1948年1月 成立市劳动局 and, in its group, 设秘书室、仲裁科、保险科、工薪生活委员会 (establish, wording 设): the
    大事记 said each “设甲，隶属X；设乙，隶属X；…” while 下设 merges; now 设 merges the same way."""
    (line,) = [ln for ln in _dashiji(hrb) if ln.startswith("1948年1月")]
    assert "；设哈尔滨市劳动局秘书室、哈尔滨市劳动局仲裁科、哈尔滨市劳动局保险科、哈尔滨市劳动局工薪生活委员会，" \
           "均隶属哈尔滨市劳动局。" in line, line
    assert line.count("隶属哈尔滨市劳动局") == 1, line
    guide = (Path(__file__).parent.parent / "guide" / "dashiji.md").read_text(encoding="utf-8")
    assert f"读作\n  “{line.split('　', 1)[1][:44]}" in guide
    assert line.split("　", 1)[1].replace("\n", "") in guide.replace("\n  ", "").replace("\n", "")


def test_a_middle_dot_in_a_title_never_begins_a_line(tmp_path):
    """The tester's PDF: “第 5 页“·劳动志》…”：行首出现“·”” — the typesetter broke 《哈尔滨市志·劳动志》 before the dot and the
    warning blamed the editor. The book binds the dot to the character before it (a word joiner, which pdftotext
    does not give back): at every width no line of the PDF begins with “·”, and the title is extracted whole."""
    import subprocess

    from weasyprint import HTML
    from zhi.writers.nobreak import keep_together
    from zhi.writers.typeset import check_lines

    text = "（《哈尔滨市志·劳动志》第一节 市劳动局·一、哈尔滨市劳动局）"
    for width in range(4, 16):
        html = keep_together(f"<p style=\"width: {width}em; font: 12pt 'Noto Serif CJK SC'\">{text}</p>")
        doc = HTML(string=html).render()
        assert check_lines(doc, lambda i: str(i + 1)) == [], width
        if width == 7:   # where the dot began a line before
            pdf = tmp_path / "dot.pdf"
            doc.write_pdf(pdf)
            lines = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.splitlines()
            assert not [ln for ln in lines if ln.strip().startswith("·")], lines
            assert "哈尔滨市志·劳动志" in "".join(ln.strip() for ln in lines), lines
            assert "\u2060" not in "".join(lines)


def test_check_suggests_snapshots_when_the_record_stops_long_before_the_lower_limit(hrb):
    """The records stop in 1966, the 下限 is 1990: the PDF's only 机构设置一览 (1990) was an empty table and a 25-name
    “另有” paragraph. `zhi check` says so at book.yaml's `lower:` and shows the `snapshots` line to write; with it
    (the guide's example), nothing is said."""
    a, h = _load(hrb)
    (f,) = [f for f in run_checks(a, history=h) if f.code == "snapshots-suggested"]
    assert (f.loc.file, f.loc.line, f.severity) == ("chronicle/book.yaml", 5, "warning"), f.as_text()
    assert f.message.startswith("档案最后一条记载在1966年，离本志下限1990年有24年") and "snapshots: [1966-12-31]" in f.message
    guide = (Path(__file__).parent.parent / "guide" / "chronicle.md").read_text(encoding="utf-8")
    assert "  snapshots: [1956-12-31, 1965-12-31]" in guide
    book = hrb / "chronicle" / "book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("lower: 1990", "lower: 1990\nsnapshots: [1956-12-31, 1965-12-31]"),
                    encoding="utf-8")
    a, h = _load(hrb)
    assert not [f for f in run_checks(a, history=h) if f.code == "snapshots-suggested"]
    assert [d.chinese() for d in a.book.snapshots] == ["1956年12月31日", "1965年12月31日"]


def test_a_place_no_record_shows_after_1966_is_not_said_to_last_to_the_lower_limit(hrb):
    """The source says nothing of 哈尔滨市 after 1966; the open data said “至下限仍存续（下限1990年）”. A jurisdiction with
    no recorded end follows the bodies' rule (guide/bodies.md, 忘了写怎么办): presumed there at the 下限 only while
    records show it within ten years of it; else “某年后情况不详”, as a body's row says."""
    from zhi.writers import opendata

    a, h = _load(hrb)
    od = opendata.OpenData(a, h, {"base": "urn:zhi:"})
    (row,) = od.jurisdictions().rows
    assert "至下限仍存续" not in "".join(map(str, row)), row
    assert "1966年或以后，此后情况不详" in row, row
    assert not [r for r in od.periods().rows if r[0] == "hrb-shi" and "至下限仍存续" in "".join(map(str, r))]
