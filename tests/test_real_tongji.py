"""What typing the 统计、档案 sections of five 地方志 met (tests/fixtures/real/tongji-dangan/README.md): a figure quoted
for a day its body (止年不详) is not known to exist, figures the 编制统计表 left out without a word, a restore that
inherited a parent not known to exist then, 升格为 refused as a rename wording, 已有 lines sorted after the events that
use their bodies, 专职/兼职 统计员 read as two readings of one figure, a distinguishing phrase inside the very sentence
that says the rename, a body listed twice by one 一览, and a 大事记 of one line with nothing said at build time.

Each test reads the printed Chinese (a sentence, a cell, a page line) or the finding."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from conftest import edit as _edit
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.site import SiteWriter

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "tongji-dangan"


def _copy(tmp_path) -> Path:
    return Path(shutil.copytree(REAL, tmp_path / "td"))


def _load(root: Path = REAL):
    a = load_archive(root)
    return a, derive_history(a)


def _findings(root: Path = REAL) -> list:
    a, h = _load(root)
    return run_checks(a, history=h)


def _pages(root: Path = REAL) -> dict[str, str]:
    a, h = _load(root)
    w = SiteWriter(a, h, ROOT / "theme")
    w.write()
    return {p.path: p.text for p in w.tree.pages}


def _section(page: str, head: str) -> str:
    """The part of a page under the heading ``## head``, to the next ``## ``."""
    return page.split(f"## {head}\n", 1)[1].split("\n## ", 1)[0]


def test_the_fixture_checks_clean():
    errors = [f.as_text() for f in _findings() if f.severity in ("error", "warning")]
    assert not errors, errors


# ---- 1. a figure is not asserted for a day its body is not known to exist ---------------------------------------
def test_a_figure_is_not_quoted_for_a_day_its_body_is_not_known_to_exist(tmp_path):
    """县统计局 (end: 不详) 1984年4月再次成立, 核定行政编制10名、事业编制4名, never seen again: `@1984-12-31` printed the
    figure as standing then, though the 1984年末一览 says 此时是否存续，档案未载. Now staffing-ref at the chapter line,
    saying what is known and the date to write; `@1984-04` still prints it."""
    root = _copy(tmp_path)
    _edit(root, "chronicle/p1/c1.md", "[[编制数:zx-tongjiju@1984-04]]。",
          "[[编制数:zx-tongjiju@1984-04]]。至1984年末，县统计局核定[[编制数:zx-tongjiju@1984-12-31]]。")
    found = [f for f in _findings(root) if f.code == "staffing-ref"]
    assert len(found) == 1, [f.as_text() for f in found]
    text = found[0].as_text()
    assert text.startswith("chronicle/p1/c1.md:24:"), text
    assert "档案中这个数字记于1984年4月，此机构止年不详，1984年12月31日是否存续，档案未载" in text, text
    assert "@1984-04" in text and "1984年4月核定行政编制10名、事业编制4名" in text, text
    page = _pages(REAL)["zhi/p1/c1.md"]
    assert "1984年4月，再次成立的县统计局核定行政编制10名、事业编制4名。" in page, page


# ---- 2. the 编制统计表 leaves out no figure without a word -----------------------------------------------------
def _table(pages: dict[str, str], place: str) -> str:
    return _section(pages["tongji/index.md"], place)


def test_a_figure_of_a_body_whose_end_is_unknown_stands_in_its_own_year_with_a_note():
    """县统计局 (止年不详) 1984年4月核定行政编制10名、事业编制4名 was in no row and in no list. Now the 1984 row counts it,
    saying it is of 1984年4月 and that whether the body stood at the year's end is not recorded; no later row
    carries it (the record does not show the body after 1984年4月)."""
    table = _table(_pages(), "某县丙")
    assert "| 1984 | 各机构核定数合计 | 10 | 4 | 含县统计局1984年4月所记之数，年末是否存续，档案未载 |" in table, table
    assert "| 1985 |" not in table and "含沿用1984年核定数" not in table, table


def test_a_body_with_only_a_headcount_has_a_row():
    """统计局 of 某县甲 (止年不详): 1963年实有5人 is its only 实有 record; guide/staffing.md rules 3 and 4 give it a row,
    the old table had none (the body, set up in 1963 and not seen again until 1982, was not known to stand on
    1963-12-31). Likewise 某县乙's 档案管理局 1963年3月 实有4人."""
    pages = _pages()
    assert "| 1963 | 各机构实有人数合计 | 5 |  |" in _table(pages, "某县甲"), _table(pages, "某县甲")
    assert "| 1963 | 各机构实有人数合计 | 4 | 含档案管理局1963年3月所记之数，年末是否存续，档案未载 |" \
        in _table(pages, "某县乙"), _table(pages, "某县乙")


# ---- 3. a restore with no parent keeps the old one only if it is known to be there -------------------------------
def test_a_restore_dated_or_before_does_not_inherit_a_parent_last_seen_long_before():
    """计划委员会 restored “1975年7月或以前” without a parent: its page said 县人民政府（某县甲） 1975年7月或以前—止年不详,
    though 县人民政府 (止年不详) is last seen in 1958年4月. guide/events.md “恢复时原上级是否还在”: 上级不详."""
    page = _pages()["jigou/c7-jiwei.md"]
    assert "| 上级不详 | 1975年7月或以前 | 止年不详 |" in page, page
    assert "c7-zhengfu.md) | 1975年7月或以前" not in page, page
    assert "| [县人民政府（某县甲）](c7-zhengfu.md) | 1958年4月前 | 1958年4月 |" in page, page


# ---- 4. 升格为, 降格为, 改建为: a rename in the source's words ----------------------------------------------
def test_a_rename_told_as_upgraded_prints_the_sources_sentence():
    """《华容县计划统计工作回忆》: “1957年夏，计统科升格为县计划委员会”. `wording: 升格为` was refused (schema-value,
    “印出来会是‘甲升格为乙’这样的错话”) though it is the source's sentence; now printed so."""
    pages = _pages()
    assert "华容县计划统计科](../jigou/hr-jitongke.md)升格为[华容县计划委员会](../jigou/hr-jitongke.md)（简称县计委）" \
        in pages["dashiji/nianbiao.md"], pages["dashiji/nianbiao.md"]
    assert "是年更名：华容县计划统计科升格为[华容县计划委员会]" in pages["nianbiao/1957.md"], pages["nianbiao/1957.md"]


@pytest.mark.parametrize("wording,said", [("升格", "升格为"), ("降格为", "降格为"), ("改建为", "改建为")])
def test_rank_and_rebuilding_words_are_rename_wordings(tmp_path, wording, said):
    root = _copy(tmp_path)
    _edit(root, "sources/events/e.yaml", "wording: 升格为, date: 1957年夏", f"wording: {wording}, date: 1957年夏")
    assert not [f.as_text() for f in _findings(root) if f.code == "schema-value"]
    assert f"华容县计划统计科](../jigou/hr-jitongke.md){said}[华容县计划委员会]" in _pages(root)["dashiji/nianbiao.md"]


# ---- 5. an 已有 line comes before the events of its period that name its body -------------------------------------
def _lines(page: str, section: str) -> list[str]:
    return [ln for ln in _section(page, section).splitlines() if ln.startswith("- **")]


def _at(lines: list[str], start: str, has: str) -> int:
    return next(i for i, ln in enumerate(lines) if ln.startswith(f"- **{start}**") and has in ln)


def test_a_there_by_line_prints_before_the_events_of_its_period():
    """“至迟1953年　已有县人民政府” printed after “1953年5月　统计科成立，隶属县人民政府”, and “1975年7月或以前　已有计划委员会”
    after “1975年7月　撤销计划统计局，其职能并入计划委员会”: each now first in its period, in the chapter's 大事记 (the
    年表 of 某县甲) as in the 机构变动年表."""
    pages = _pages()
    lines = _lines(pages["zhi/p1/c1.md"], "某县甲")
    assert _at(lines, "至迟1953年", "已有[县人民政府") < _at(lines, "1953年5月", "统计科"), lines
    assert _at(lines, "至迟1953年", "已有[建设科") < _at(lines, "1953年5月", "统计科"), lines
    assert _at(lines, "1975年7月或以前", "已有[计划委员会") < _at(lines, "1975年7月", "其职能并入"), lines
    year = [ln for ln in pages["dashiji/nianbiao.md"].splitlines() if "计划委员会" in ln and "1975" in ln]
    assert "已有" in year[0] and "其职能并入" in year[1], year


def test_a_there_by_line_prints_first_in_the_dashiji_too(tmp_path):
    """The same order in the 大事记 proper, once the editor asks for the entries (dashiji: 收)."""
    root = _copy(tmp_path)
    for rid in ("ev-c7-zf", "ev-c7-1953", "ev-c7-1975", "ev-c7-1975b"):
        _edit(root, "sources/events/e.yaml", f"{{id: {rid}, ", f"{{id: {rid}, dashiji: 收, ")
    page = _pages(root)["dashiji/c7x.md"]
    lines = [ln for ln in page.splitlines() if ln.startswith("- **") or "**" in ln[:40]]
    first = next(i for i, ln in enumerate(lines) if "已有[县人民政府" in ln)
    assert first < next(i for i, ln in enumerate(lines) if "统计科" in ln and "成立" in ln), page
    assert next(i for i, ln in enumerate(lines) if "已有[计划委员会" in ln) \
        < next(i for i, ln in enumerate(lines) if "其职能并入" in ln), page


# ---- 6. 专职统计员 and 兼职统计员 are two kinds of people, not two readings --------------------------------------
def test_two_kinds_of_people_on_one_day_are_told_to_be_one_record_by_kind(tmp_path):
    """族讯网16588: “县直单位有专职统计员65人，兼职统计员36人”, typed as two records (人员: 专职统计员 / 兼职统计员): the
    source-conflict told the editor to pick one reading and write a 考异. It now says first that these are two kinds of
    people, and the record to write (guide/staffing.md “几类人分列”)."""
    root = _copy(tmp_path)
    _edit(root, "sources/staffing/s.yaml",
          "system: 县直单位统计人员, figures: {人数: {专职统计员: 65, 兼职统计员: 36}}, sources: [doc-zx]}",
          "system: 县直单位, figures: {人数: 65, 人员: 专职统计员}, sources: [doc-zx]}\n"
          "- {jurisdiction: zxx, date: 1984, basis: 实有, system: 县直单位, figures: {人数: 36, 人员: 兼职统计员}, "
          "sources: [doc-zx]}")
    found = [f.as_text() for f in _findings(root) if f.code == "source-conflict"]
    assert len(found) == 1 and found[0].startswith("sources/staffing/s.yaml:12:"), found
    assert "这几条的“人员”各不相同（专职统计员、兼职统计员），多半是来源分列的几类人，不是两说：请合为一条，" \
           "写 人数: {专职统计员: 65, 兼职统计员: 36}，不写 人员（见编辑指南“几类人分列”）" in found[0], found


# ---- 7. no 区别语 inside the sentence that says the rename, nor against a body not known to be there -------------------
def test_the_distinguishing_words_are_not_printed_where_no_body_can_be_confused():
    """计划统计组 (`distinguish: 1970年由计划统计组改称`) renamed 计划统计局 in 1970 and abolished in 1975; the other
    计划统计局 (1958年合并设立, 止年不详) is last seen in 1958年4月. The rename printed “改为计划统计局（1970年由计划统计组
    改称）” and the abolition “撤销计划统计局（1970年由计划统计组改称）”; now neither, while the body's page title keeps it."""
    pages = _pages()
    lines = _lines(pages["zhi/p1/c1.md"], "某县甲")
    assert "- **1970年**　[县革命委员会计划统计组](../../jigou/c7-jitongzu.md)改为[计划统计局](../../jigou/c7-jitongzu.md)。" \
        in lines, lines
    assert any(ln.startswith("- **1975年7月**　撤销[计划统计局](../../jigou/c7-jitongzu.md)，") for ln in lines), lines
    assert pages["jigou/c7-jitongzu.md"].startswith("# 计划统计局（1970年由计划统计组改称）"), pages["jigou/c7-jitongzu.md"][:80]


def test_the_rename_sentence_has_no_distinguishing_words_even_beside_a_namesake(tmp_path):
    """With the 1958 计划统计局 still there (no `end: 不详`), the 1975 abolition says which 计划统计局 it abolished; the
    1970 rename, which says itself where its 计划统计局 came from, still prints none."""
    root = _copy(tmp_path)
    _edit(root, "sources/bodies/b.yaml", "{id: c7-jitongju, end: 不详, ", "{id: c7-jitongju, ")
    lines = _lines(_pages(root)["zhi/p1/c1.md"], "某县甲")
    assert "- **1970年**　[县革命委员会计划统计组](../../jigou/c7-jitongzu.md)改为[计划统计局](../../jigou/c7-jitongzu.md)。" \
        in lines, lines
    assert any(ln.startswith("- **1975年7月**　撤销[计划统计局（1970年由计划统计组改称）]") for ln in lines), lines


# ---- 8. one 一览 names a body once ---------------------------------------------------------------------------
def test_a_body_set_up_that_year_is_not_named_again_under_the_yilan():
    """某县甲's 1984年末一览 has no row (no body is known to stand then): it said “是年新设：农村抽样调查队。” and
    “（上列是年所设各机构此时是否存续，档案未载）”, then again “另有农村抽样调查队（止年不详，最后见于1984年秋）…”."""
    page = _section(_pages()["nianbiao/1984.md"], "某县甲机构设置一览（1984年末）")
    assert "是年新设：[农村抽样调查队](../jigou/c7-choudiaodui.md)。" in page, page
    assert "（上列是年所设各机构此时是否存续，档案未载）" in page, page
    assert page.count("农村抽样调查队") == 1, page
    # six bodies of unknown fate are one paragraph (truthN), each name with what is said of it
    assert "县革命委员会（止年不详，最后见于1968年3月）" in page and "另有6个机构此时是否存续，档案未载：" in page, page


# ---- 9. the book's 机构名称索引 reaches every body the book names ------------------------------------------------
def test_the_book_indexes_the_bodies_named_under_its_yilan():
    """城厢区's four bodies, 某县丙's three and 华容县人民政府 are named in the book only in the sentence under a 机构设置一览
    (“另有城厢区统计局（止年不详，最后见于1994年底）…”), which was plain text: the PDF's 机构名称索引 left them out. Each
    name there is now a mention the index points at (and a link on the site)."""
    from zhi.writers.book import BookWriter

    a, h = _load()
    parts = BookWriter(a, h, ROOT / "theme").parts()
    indexed = {rid for rid, _text in parts.mentions.values()}
    assert set(a.bodies) <= indexed, sorted(set(a.bodies) - indexed)
    html = parts.body
    assert ">城厢区统计局</span>（止年不详，最后见于1994年底）" in html, html[html.find("城厢区统计局") - 200:][:400]
    page = _pages()["zhi/p1/c1.md"]
    assert "另有[县人民政府](../../jigou/zx-zhengfu.md)（止年不详，最后见于1952年）" in page, page


# ---- 9. the build says how many entries reach the 大事记 ---------------------------------------------------------
def test_the_build_summary_says_how_selective_the_dashiji_is(tmp_path):
    """37 changes, one 大事记 line: only `check --all` said so (a 提示 per place). The build's summary now has one line
    with both counts and how to take more (guide/dashiji.md)."""
    import subprocess
    import sys

    root = _copy(tmp_path)
    run = subprocess.run([sys.executable, "-m", "zhi.cli", "--root", str(root), "build", "--no-pdf"],
                         check=False, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    line = next(ln for ln in run.stdout.splitlines() if ln.startswith("大事记："))
    assert line.startswith("大事记：收 1 条（机构变动年表 37 条，大事记只收合乎收录规则的）；要多收，") and \
        "dashiji: 收" in line and "guide/dashiji.md" in line, line


# ---- a chapter's [[编制:…]] of head-counts only ---------------------------------------------------------------
def test_a_staffing_table_of_head_counts_only_is_a_table():
    """[[编制:cg9-danganju]]: 档案管理局 has 实有人数 only, no category of 编制. The table printed an empty header cell and
    an empty delimiter (“| 日期 | 口径 |  | 领导职数 |”, “| --- | --- |  | --- |”), which is no Markdown table at all."""
    page = _pages()["zhi/p1/c1.md"]
    table = page.split("档案局）编制沿革**\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert table[:3] == ["| 日期 | 口径 | 领导职数 | 说明 |", "| --- | --- | --- | --- |",
                         "| 1963年3月 | 实有 |  | 实有人数4人（局、馆合署） |"], table


def test_superior_unknown_is_not_one_period_across_a_gap():
    """统计局 of 某县甲: set up 1963 (上级不详), ended at a date not recorded (“1982年4月前”), restored 1982年4月 (上级不详).
    Its 隶属 table joined the two into “上级不详 | 1963年 | 止年不详”, over years it did not exist (the open data kept
    them apart: tests/test_opendata.py's round trip on this fixture)."""
    page = _pages()["jigou/c7-tongjiju.md"]
    # the first period's end is not recorded (previous_end: 不详): 止年不详, not “1982年4月前” (truthM)
    assert "| 上级不详 | 1963年 | 止年不详 |\n| 上级不详 | 1982年4月 | 止年不详 |" in page, page
