"""编制统计 true to the archive: small staffing histories with hand-computed tables, checked in the view, the site
page, the PDF appendix (poppler) and the 一览; jurisdiction and 系统 figures; conflicts; prose references."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import write_dedented as write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.staffing import dash, figures, jurisdiction_tables

ROOT = Path(__file__).resolve().parent.parent
REAL_FEICHENG = ROOT / "tests" / "fixtures" / "real" / "feicheng-xiangzhen"


def _body(bid: str, name: str, date: str = "1990-01-01") -> str:
    return (f"- id: ev-{bid}\n  type: establish\n  date: {date}\n  body: {bid}\n  name: {name}\n"
            f"  jurisdiction: tj\n  sources: [d1]\n")


HISTORY_EVENTS = "".join(_body(b, n) for b, n in [
    ("a", "甲县财政局"), ("b", "甲县计划委员会"), ("c", "甲县经济委员会"), ("e", "甲县农业局"), ("g", "甲县档案局"),
    ("j", "甲县民政局"), ("hb", "甲县统计局"), ("i", "甲县审计局")]) + """
- id: ev-tj
  type: establish
  date: 1949-10-01
  body: tj
  name: 甲县
  sources: [d1]
- id: ev-tj-rename
  type: rename
  date: 1995-06-01
  body: tj
  name: 甲区
  sources: [d1]
- id: ev-a-end
  type: abolish
  date: 1993-05-01
  body: a
  sources: [d1]
- id: ev-bc
  type: merge
  date: 1994-07-01
  before: [b, c]
  after:
    id: d
    name: 甲县计划经济委员会
    jurisdiction: tj
  sources: [d1]
- id: ev-e-split
  type: split
  date: 1997-03-01
  before: [e]
  after:
    - e
    - {id: f, name: 甲县农业技术推广中心, jurisdiction: tj}
  sources: [d1]
- id: ev-g-end
  type: abolish
  date: 1992-01-01
  body: g
  sources: [d1]
- id: ev-g-again
  type: establish
  date: 1998-01-01
  body: g
  name: 甲县档案局
  jurisdiction: tj
  sources: [d1]
"""

HISTORY_STAFFING = """
- {body: a, date: 1990-03-01, figures: {行政编制: 10}, sources: [d1]}
- {body: b, date: 1990-03-01, figures: {行政编制: 5}, sources: [d1]}
- {body: c, date: 1990-03-01, figures: {行政编制: 4}, sources: [d1]}
- {body: e, date: 1990-03-01, figures: {行政编制: 6}, sources: [d1]}
- {body: g, date: 1990-03-01, figures: {行政编制: 2}, sources: [d1]}
- {body: j, date: 1991-01-01, figures: {行政编制: 9}, sources: [d1]}
- {body: j, date: 1991-01-01, figures: {行政编制: 11}, sources: [d2]}
- {body: d, date: 1996-01-01, figures: {行政编制: 8}, sources: [d1]}
- {body: f, date: 1997-03-01, figures: {事业编制: 3}, sources: [d1]}
- {body: i, date: 1999-12-31, basis: 实有, figures: {行政编制: 3}, sources: [d1]}
- {body: hb, date: 2002, figures: {行政编制: 7}, sources: [d1]}
- {jurisdiction: tj, date: 2000-12-31, figures: {行政编制: 100}, sources: [d2]}
- {jurisdiction: tj, system: 政法, date: 2000-12-31, figures: {政法专项编制: 20}, sources: [d2]}
"""

# Hand-computed from the history above (house style: stale-after 5). Each year: (label, [(口径, 行政, 政法专项, 事业,
# 说明)]). Reasoning per year is in the test's docstring.
CONFLICT = "甲县民政局的编制数来源记载不一，合计按首列来源"
OLD = "，1991年数逾5年未重新核定"
EXPECTED = [
    ("1990", [("各机构核定数合计", "27", "—", "—", "")]),
    ("1991", [("各机构核定数合计", "36", "—", "—", "含沿用1990年核定数；" + CONFLICT)]),
    ("1992", [("各机构核定数合计", "34", "—", "—", "含沿用1990、1991年核定数；" + CONFLICT)]),
    ("1993", [("各机构核定数合计", "24", "—", "—", "含沿用1990、1991年核定数；" + CONFLICT)]),
    ("1994", [("各机构核定数合计", "15", "—", "—", "含沿用1990、1991年核定数；" + CONFLICT)]),
    ("1995", [("各机构核定数合计", "15", "—", "—", "含沿用1990、1991年核定数；" + CONFLICT)]),
    ("1996", [("各机构核定数合计", "23", "—", "—", "含沿用1990、1991年核定数，1990年数逾5年未重新核定；" + CONFLICT)]),
    ("1997", [("各机构核定数合计", "17", "—", "3", f"含沿用1991、1996年核定数{OLD}；" + CONFLICT)]),
    ("1998", [("各机构核定数合计", "17", "—", "3", f"含沿用1991、1996、1997年核定数{OLD}；" + CONFLICT)]),
    ("1999", [("各机构核定数合计", "17", "—", "3", f"含沿用1991、1996、1997年核定数{OLD}；" + CONFLICT),
              ("各机构实有数合计", "3", "—", "—", "")]),
    ("2000", [("各机构核定数合计", "17", "—", "3", f"含沿用1991、1996、1997年核定数{OLD}；" + CONFLICT),
              ("全区核定编制", "100", "—", "—", ""), ("政法系统核定编制", "—", "20", "—", "")]),
    ("2001", [("各机构核定数合计", "17", "—", "3", f"含沿用1991、1996、1997年核定数{OLD}；" + CONFLICT),
              ("全区核定编制", "100", "—", "—", "据2000年"), ("政法系统核定编制", "—", "20", "—", "据2000年")]),
    ("2002", [("各机构核定数合计", "24", "—", "3",
               "含沿用1991、1996、1997年核定数，1991、1996年数逾5年未重新核定；" + CONFLICT),
              ("全区核定编制", "100", "—", "—", "据2000年"), ("政法系统核定编制", "—", "20", "—", "据2000年")]),
]


def history_archive(root: Path) -> Path:
    import shutil

    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    write(root, "sources/jurisdictions/tj.yaml", "id: tj\nlevel: 县\n")
    write(root, "sources/bodies/all.yaml", "\n".join(f"- id: {b}\n  kind: 政府工作部门"
                                                     for b in ["a", "b", "c", "d", "e", "f", "g", "j", "hb", "i"]))
    write(root, "sources/documents/d.yaml", """
    - {id: d1, issuer: 甲县机构编制委员会, date: 1989-12-01, title: 甲县机构编制资料汇编}
    - {id: d2, issuer: 甲县机构编制委员会办公室, date: 2001-01-10, title: 甲县机构编制统计年报（2000年）}
    """)
    write(root, "sources/events/all.yaml", HISTORY_EVENTS)
    write(root, "sources/staffing/all.yaml", HISTORY_STAFFING)
    write(root, "sources/house-style.yaml", "staffing:\n  stale-after: 5\n")
    write(root, "chronicle/book.yaml", """
    title: 甲县机构编制志
    upper: 1990
    lower: 2002
    snapshots: [1996-12-31]
    front: [gaishu.md]
    """)
    write(root, "chronicle/gaishu.md", """
    # 概述

    2000年末，全区核定[[编制数:tj@2000-12-31]]，其中政法系统[[编制数:tj/政法@2000-12-31]]。
    1996年，甲县计划经济委员会核定[[编制数:d@1996-01-01|行政编制]]。
    """)
    return root


def _rows(table) -> list:
    out = []
    for r in table.rows:
        lines = [(ln.label, *(dash(ln.values.get(k)) for k in ("行政编制", "政法专项编制", "事业编制")), ln.note)
                 for ln in r.lines]
        out.append((r.label, lines))
    return out


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    root = history_archive(tmp_path_factory.mktemp("hist"))
    a = load_archive(root)
    return root, a, derive_history(a)


def test_history_table_by_hand(history):
    """1990: a10 b5 c4 e6 g2 = 27 (j's figures are dated 1991). 1991: + j9 (two sources differ: 9 and 11) = 36. 1992: g abolished (1992-01-01) → 34. 1993: a abolished → 24.
    1994: b and c merged into d, which has no figure yet → 15. 1996: d8, e's 1990 figure over 5 years old → 23.
    1997: e split (its figure no longer stands), f 事业3, j's 1991 figure now old → 17 / 3. 1998: g restored
    without a figure → unchanged. 1999: i's 实有 3 in its own year only. 2000: the jurisdiction (renamed 甲区 in
    1995) and its 政法 system have figures of their own, printed apart from the sum. 2002 (the book's last year):
    hb's year-only figure counts in 2002 → 24."""
    _, a, h = history
    errors = [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"]
    assert errors == []
    tables = jurisdiction_tables(a, h, figures(a), ["tj"], range(1990, 2003))
    assert len(tables) == 1
    t = tables[0]
    assert t.title == "甲县（1995年更名为甲区）编制统计表"
    assert t.kinds == ["行政编制", "政法专项编制", "事业编制"]
    assert _rows(t) == EXPECTED


def test_history_findings(history):
    _, a, h = history
    found = run_checks(a, history=h)
    conflict = [f for f in found if f.code == "source-conflict"]
    assert len(conflict) == 1 and "9" in conflict[0].message and "11" in conflict[0].message
    assert conflict[0].severity == "warning"
    differs = [f for f in found if f.code == "staffing-sum-differs"]
    assert len(differs) == 1 and "100" in differs[0].message and "17" in differs[0].message


def test_split_at_rename(history, tmp_path):
    import shutil

    root, _, _ = history
    copy = tmp_path / "p"
    shutil.copytree(root, copy)
    (copy / "sources/house-style.yaml").write_text("staffing:\n  stale-after: 5\n  split-at-rename: true\n",
                                                    encoding="utf-8")
    a = load_archive(copy)
    h = derive_history(a)
    tables = jurisdiction_tables(a, h, figures(a), ["tj"], range(1990, 2003))
    assert [t.title for t in tables] == ["甲县编制统计表", "甲区编制统计表"]
    assert [r.label for r in tables[0].rows] == [str(y) for y in range(1990, 1995)]
    assert tables[1].rows[0].label == "1995"


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def history_built(history):
    root, _, _ = history
    return build_edition(root)


def test_history_table_in_site_and_pdf(history_built):
    site = history_built.out
    html = (site / "tongji" / "index.html").read_text(encoding="utf-8")
    cells = [re.sub(r"<[^>]+>", "", c).strip()
             for c in re.findall(r"<td[^>]*>(.*?)</td>", html.split("甲县（1995年更名为甲区）编制统计表")[1], re.DOTALL)]
    expected_cells = []
    for label, lines in EXPECTED:
        for i, (what, x, z, s, note) in enumerate(lines):
            expected_cells += [label if i == 0 else "", what, x, z, s, note]
    assert cells[:len(expected_cells)] == expected_cells
    pdf = subprocess.run(["pdftotext", "-raw", str(site / "zhi.pdf"), "-"], capture_output=True, text=True,
                         check=True).stdout
    appendix = pdf[pdf.rindex("甲县（1995年更名为甲区）编制统计表"):]
    flat = _norm(appendix)
    for label, lines in EXPECTED:
        for i, (what, x, z, s, note) in enumerate(lines):
            row = ((label if i == 0 else "") + what + x + z + s)
            assert _norm(row) in flat, row
    # the 一览 of 1996: e's figure marked old, d's new figure, restored-later g absent, a body without figure "—"
    snap = pdf[pdf.index("机构设置一览"):]
    assert "6（据1990年）" in _norm(snap)


def test_history_prose_references(history_built):
    site = history_built.out
    html = (site / "index.html").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in site.rglob("gaishu*/index.html"))
    text = re.sub(r"<[^>]+>", "", html)
    assert "全区核定行政编制100名，其中政法系统政法专项编制20名" in text
    assert "甲县计划经济委员会核定行政编制8名" in text
    pdf = subprocess.run(["pdftotext", str(site / "zhi.pdf"), "-"], capture_output=True, text=True,
                         check=True).stdout
    assert "全区核定行政编制100名，其中政法系统政法专项编制20名" in _norm(pdf)


# ---- the sample -------------------------------------------------------------------------------------------
def test_sample_prose_and_tables_agree():
    """The county's 2020 figures are recorded once, for the county (not a body), quoted by reference in the 概述 and
    the chapters, and printed in the appendix next to (not instead of) the sum of its bodies."""
    a = load_archive(ROOT)
    h = derive_history(a)
    found = run_checks(a, history=h)
    assert [f.as_text() for f in found if f.code in ("staffing-prose", "staffing-ref")] == []
    typed = [ch.path for ch in a.book.chapters() if re.search(r"行政编制312名|政法专项编制128名", ch.body)]
    assert typed == []  # no chapter types the figure by hand any more
    quoting = {ch.path for ch in a.book.chapters() for r in ch.figrefs if r.target == "linshui-xian"}
    assert {"chronicle/gaishu.md", "chronicle/p8/c4.md", "chronicle/p9/c1.md", "chronicle/p9/c2.md"} <= quoting
    t = next(t for t in jurisdiction_tables(a, h, figures(a), ["linshui-xian"], range(1949, 2023)))
    last = t.rows[-1]
    assert last.label == "2020（至8月31日）"
    county = last.line("jurisdiction")
    assert county.label == "全县核定编制" and county.values["行政编制"] == 312 and county.values["政法专项编制"] == 128
    assert last.line("sum-approved").label == "各机构核定数合计"
    assert last.line("sum-approved").values["行政编制"] != 312


def test_sample_appendix_in_pdf(built):
    pdf = subprocess.run(["pdftotext", "-raw", str(built.out / "zhi.pdf"), "-"], capture_output=True, text=True,
                         check=True).stdout
    flat = _norm(pdf[pdf.rindex("四、编制统计表"):])
    assert "临水县编制统计表" in flat and "河东区（2020年更名为望川区）编制统计表" in flat
    assert _norm("2020（至8月31日）") in flat and "全县核定编制312128" in flat
    assert "望川区编制统计表" not in flat.replace("更名为望川区）编制统计表", "")
    # the 概述 and 第八篇 quote the whole figure, 第九篇 each category: all from the one record
    whole = _norm(pdf)
    assert whole.count("党政机关行政编制312名、政法专项编制128名") >= 2
    # 第九篇: the sentence that says 党政机关 before the figure gets no scope again; the one that does not, gets it
    assert "党政机关行政编制312名按" in whole and "原临水县政法专项编制128名（党政机关）划入" in whole


# ---- charts -------------------------------------------------------------------------------------------------
def test_chart_labels_print_at_least_7pt(history_built, tmp_path):
    """The chart of the 编制统计表, typeset by WeasyPrint with the book's own CSS on the book's page: every word's
    glyph box (pdftotext -bbox) is at least 7 pt high."""
    from weasyprint import CSS, HTML

    html = (history_built.out / "tongji" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg[^>]*aria-label=\"[^\"]*编制（年末[^>]*>.*?</svg>", html, re.DOTALL).group(0)
    book = ROOT / "theme" / "book"
    HTML(string=f'<html><body><figure class="chart">{svg}</figure></body></html>', base_url=str(book)).write_pdf(
        tmp_path / "chart.pdf", stylesheets=[CSS(filename=str(book / "book.css"))])
    bbox = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "chart.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', bbox)
    assert {"1990", "2002", "100"} <= {w for _, _, w in words}  # year labels and the axis are text, not paths
    heights = [float(y2) - float(y1) for y1, y2, _ in words]
    assert min(heights) >= 7.0, sorted(heights)[:5]


def test_chart_labels_readable_on_a_phone(history_built):
    """On a 390 px wide phone (Chromium), the chart's smallest text is drawn at least 10 CSS px high."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(history_built.out))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            pg = b.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
            pg.goto(f"http://127.0.0.1:{httpd.server_address[1]}/tongji/")
            sizes = pg.eval_on_selector_all(".zhi-chart svg text", """els => els.map(t => {
                const svg = t.ownerSVGElement, scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                return parseFloat(t.getAttribute('font-size')) * scale; })""")
            b.close()
    finally:
        httpd.shutdown()
    assert sizes and min(sizes) >= 10, min(sizes)


def test_guide_example_checks_clean(tmp_path):
    """guide/staffing.md's complete example (every new construct: 未分类编制, 超编, a jurisdiction's and a 系统's
    figures, a source giving other figures with its 考异) loads with no error and says what the guide says."""
    text = (ROOT / "guide" / "staffing.md").read_text(encoding="utf-8")
    files = re.findall(r"文件 `([^`]+)`：\n\n```yaml\n(.*?)```", text, re.DOTALL)
    assert len(files) >= 10
    for rel, body in files:
        write(tmp_path, rel, body)
    a = load_archive(tmp_path)
    h = derive_history(a)
    found = run_checks(a, history=h)
    assert [f.as_text() for f in found if f.severity == "error"] == []
    assert {f.code for f in found if f.severity == "warning"} == {"staffing-sum-differs"}
    assert [f.severity for f in found if f.code == "source-conflict"] == ["info"]  # resolved by its 考异
    bases = {s.basis for s in a.staffing}
    assert {"approved", "actual", "over"} <= bases
    assert any(s.jurisdiction and s.system == "政法" for s in a.staffing)
    assert any("编制" in s.figures.posts for s in a.staffing)
    t = jurisdiction_tables(a, h, figures(a), ["lanxi-qu"], range(1984, 2004))[0]
    row2000 = next(r for r in t.rows if r.year == 2000)
    assert [ln.label for ln in row2000.lines] == ["各机构核定数合计", "各机构实有数合计", "全区核定编制",
                                                  "政法系统核定编制"]
    assert "编制" in t.kinds  # the uncategorised figure has its own column, never counted as 行政编制


def test_real_township_figures(tmp_path):
    """Real figures (tests/fixtures/real/feicheng-xiangzhen, facts from a Shandong 志's 基层政权 section): 1993's
    uncategorised 定编 (15×35 + 2×30 = 585) stands in its own column; three townships absent from the 2002 list have
    an unknown end and count only while a record shows them (1994: 585 − 35 − 35 − 30 = 485); 2002's 事业编制 of
    the 14 townships sums to 574, the figure the source gives for all townships (a 系统 line of its own), and the
    2002 figures replace the 1993 ones (a new statement for the same body and basis)."""
    from conftest import with_theme

    root = REAL_FEICHENG
    a = load_archive(root)
    h = derive_history(a)
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity in ("error", "warning")] == []
    t = jurisdiction_tables(a, h, figures(a), ["feicheng"], range(1993, 2003))[0]
    assert t.kinds == ["行政编制", "事业编制", "编制"]
    got = [(r.label, [(ln.label, *(dash(ln.values[k]) for k in t.kinds)) for ln in r.lines]) for r in t.rows]
    assert got[0] == ("1993", [("各机构核定数合计", "—", "—", "585")])
    assert got[1:9] == [(str(y), [("各机构核定数合计", "—", "—", "485")]) for y in range(1994, 2002)]
    assert got[9] == ("2002", [("各机构核定数合计", "—", "574", "—"), ("乡镇系统核定编制", "556", "574", "—")])
    import shutil

    shutil.copytree(root, tmp_path / "p")
    site = build_edition(with_theme(tmp_path / "p"), pdf=False).out
    html = (site / "tongji" / "index.html").read_text(encoding="utf-8")
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", html, re.DOTALL)]
    i = cells.index("2002")
    assert cells[i:i + 10] == ["2002", "各机构核定数合计", "—", "574", "—", "", "", "乡镇系统核定编制", "556", "574"]


def test_the_staffing_prose_suggestion_names_the_system_and_checks_clean(history, tmp_path):
    """A typed figure that differs from one recorded for a 系统 is told with the reference that gives it — its
    system included (tj/政法); written as suggested, it names the figure (no staffing-ref) and agrees."""
    import shutil

    root, _, _ = history
    copy = tmp_path / "p"
    shutil.copytree(root, copy)
    gaishu = copy / "chronicle/gaishu.md"
    gaishu.write_text(gaishu.read_text(encoding="utf-8") + "\n2000年末，甲区政法系统核定政法专项编制25名。\n",
                      encoding="utf-8")
    a = load_archive(copy)
    found = [f for f in run_checks(a) if f.code == "staffing-prose"]
    assert len(found) == 1 and "档案记为20名" in found[0].message
    ref = re.search(r"\[\[编制数:[^\]]+\]\]", found[0].message).group(0)
    assert ref == "[[编制数:tj/政法@2000|政法专项编制]]"
    gaishu.write_text(gaishu.read_text(encoding="utf-8").replace("政法专项编制25名", ref), encoding="utf-8")
    a = load_archive(copy)
    assert [f.as_text() for f in run_checks(a) if f.code in ("staffing-prose", "staffing-ref")] == []


def test_a_figure_quoted_in_prose_keeps_what_it_covers(history, tmp_path):
    """[[编制数:…]] of a figure the source gives with its scope (范围: 不含政法系统编制) prints the scope with it:
    “行政编制750名（不含政法系统编制）”, never the bare number as if it were the whole."""
    import shutil

    from zhi.dates import parse_date
    from zhi.views.staffing import figure_at, quoted_text

    root, _, _ = history
    copy = tmp_path / "p"
    shutil.copytree(root, copy)
    write(copy, "sources/staffing/scoped.yaml", """
    - {jurisdiction: tj, system: 党政群机关, date: 1999-12-31, figures: {行政编制: 750, 范围: 不含政法系统编制},
       sources: [d2]}
    """)
    a = load_archive(copy)
    h = derive_history(a)
    f = figure_at(h, figures(a), "tj", "approved", parse_date("1999-12-31"), "党政群机关")
    assert quoted_text(f, []) == "行政编制750名（不含政法系统编制）"
    assert quoted_text(f, ["行政编制"]) == "行政编制750名（不含政法系统编制）"


def test_a_scope_the_sentence_says_already_is_not_repeated(history, tmp_path):
    """原县党政机关[[编制数:…]] of a figure with 范围: 党政机关 reads 原县党政机关行政编制312名, not …（党政机关）."""
    from zhi.dates import parse_date
    from zhi.views.staffing import figure_at, quoted_text

    _, a, h = history
    f = figure_at(h, figures(a), "tj", "approved", parse_date("2000-12-31"))
    f.staffing.scope_note = "党政机关"
    try:
        assert quoted_text(f, ["行政编制"], "2000年末，全区党政机关") == "行政编制100名"
        assert quoted_text(f, ["行政编制"], "2000年末，全区") == "行政编制100名（党政机关）"
    finally:
        f.staffing.scope_note = ""
