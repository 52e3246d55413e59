"""The volume to the printer's standard (issue 16), read back from the real PDF's glyph boxes (poppler), the
site's HTML and the DOCX."""

from __future__ import annotations

import itertools
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.notecalls import SEP, WJ, bind_book_calls, bind_markdown_calls
from zhi.writers.typeset import NO_START

ROOT = Path(__file__).resolve().parent.parent


def run(*cmd) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def glyph_pages(pdf: Path, first: int | None = None, last: int | None = None) -> list[list[list[list[dict]]]]:
    """pages → blocks → lines → words, each word {text, x0, x1, y0, y1} as poppler lays them out."""
    args = ["pdftotext", "-bbox-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    xml = run(*args, str(pdf), "-")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    pages = []
    for page in ET.fromstring(xml).iter("page"):
        blocks = []
        for block in page.iter("block"):
            lines = []
            for line in block.iter("line"):
                words = [{"text": w.text or "", "x0": float(w.get("xMin")), "x1": float(w.get("xMax")),
                          "y0": float(w.get("yMin")), "y1": float(w.get("yMax"))} for w in line.iter("word")]
                # poppler starts a new "line" where a squeezed mark (标点挤压) makes glyphs overlap: same baseline,
                # same line
                if lines and words and abs(lines[-1][-1]["y1"] - words[0]["y1"]) < 1 \
                        and words[0]["x0"] >= lines[-1][0]["x0"]:
                    lines[-1].extend(words)
                else:
                    lines.append(words)
            blocks.append(lines)
        pages.append(blocks)
    return pages


def small_words(line: list[dict]) -> list[int]:
    """Indexes of the words set much smaller than the line's body text: the superscript note calls."""
    tallest = max(w["y1"] - w["y0"] for w in line)
    return [i for i, w in enumerate(line) if w["y1"] - w["y0"] < 0.75 * tallest]


@pytest.fixture(scope="module")
def pages(site):
    return glyph_pages(site / "zhi.pdf")


# ---- 1. note calls -------------------------------------------------------------------------------------------
def test_note_calls_bind_and_runs_are_separated_in_the_pdf(built, pages):
    """No line begins with a call or with 避头 punctuation; no two calls touch; a run prints as ⁷˒⁸˒⁹, so every
    call's number is a real note number (today's merge "⁷⁸⁹" would read as note 789)."""
    most = max(len(v) for v in built.book.notes.values())
    calls = runs = 0
    for n, blocks in enumerate(pages, 1):
        for lines in blocks:
            for k, line in enumerate(lines):
                text = "".join(w["text"] for w in line)
                small = small_words(line) if len(line) > 1 else []
                assert 0 not in small or not re.match(r"[\d˒]", line[0]["text"]), (n, text[:30])
                if k > 0:
                    assert text[0] not in NO_START or text.startswith(("——", "……")), (n, text[:30])
                for i in small:
                    w = line[i]["text"]
                    if not re.fullmatch(r"[\d˒]+", w):
                        continue
                    calls += 1
                    numbers = [int(x) for x in w.split(SEP) if x]
                    runs += len(numbers) > 1
                    assert all(x <= most for x in numbers), (n, w, text[:40])
                    assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), (n, w)
                    assert i - 1 not in small, (n, line[i - 1]["text"], w)
    assert calls >= 100 and runs >= 3, (calls, runs)


def test_runs_of_calls_in_html_and_markdown():
    one = '<span class="fn"><span id="m1">甲</span></span>'
    two = '<span class="fn kaoyi"><span id="m2">乙</span><span id="m3">丙</span></span>'
    out = bind_book_calls(f"年报{one}{two}。又{one}")
    assert out == f"年报{WJ}{one}{WJ}{two.replace('fn kaoyi', 'fn more kaoyi')}。又{WJ}{one}"
    md = bind_markdown_calls("年报[^7][^8]。\n\n[^7]: 甲\n[^8]: 乙\n")
    assert md.startswith(f"年报{WJ}[^7]{WJ}<sup class=\"fn-sep\">{SEP}</sup>{WJ}[^8]。")
    assert md.endswith("\n\n[^7]: 甲\n[^8]: 乙\n")


def _runs_pdf(tmp_path: Path, house_style: str) -> Path:
    """The base archive's chapter with a run of three note calls and a run of two, typeset under ``house_style``."""
    from conftest import make_archive, write
    from weasyprint import HTML
    from zhi.writers.book import BookWriter

    root = make_archive(tmp_path / "p")
    write(root, "sources/house-style.yaml", house_style)
    ch = root / "chronicle/p1/c1.md"
    write(root, "chronicle/p1/c1.md", ch.read_text(encoding="utf-8")
          + "\n三件文件所记相同[[d-1956-1]][[d-1984-7]][[d-1990-3]]。两件文件所记相同[[d-1984-7]][[d-1990-3]]。\n")
    a = filter_archive(load_archive(root), "public")
    w = BookWriter(a, derive_history(a), ROOT / "theme")
    parts = w.parts(None)
    pdf = tmp_path / "runs.pdf"
    HTML(string=w.document("body", "".join(parts.body)), base_url=str(root)).write_pdf(pdf)
    return pdf


def _calls_after(pdf: Path, words: str) -> str:
    """The superscript call(s) printed right after ``words``, read from the glyph boxes."""
    for blocks in glyph_pages(pdf):
        for lines in blocks:
            for line in lines:
                text = "".join(w["text"] for w in line)
                if words in text:
                    small = small_words(line)
                    assert small, text
                    at = text.index(words) + len(words)
                    pos = 0
                    for i, w in enumerate(line):
                        if pos >= at and i in small:
                            return w["text"]
                        pos += len(w["text"])
    raise AssertionError(words)


@pytest.mark.slow
def test_note_runs_as_ranges_by_house_style(tmp_path):
    """House style `print: {note-runs: 范围}`: three calls in a run print as ⁿ⁻ⁿ⁺² (first and last number, read
    from the PDF's glyph boxes); two stay ⁿ˒ⁿ⁺¹; every note is still printed at the foot with its number. Without
    the setting the run of three is ⁿ˒ⁿ⁺¹˒ⁿ⁺²."""
    pdf = _runs_pdf(tmp_path / "range", "print:\n  note-runs: 范围\n")
    three, two = _calls_after(pdf, "三件文件所记相同"), _calls_after(pdf, "两件文件所记相同")
    first, last = (int(x) for x in three.split("–"))
    assert last == first + 2, three
    assert two == f"{last + 1}{SEP}{last + 2}", two
    text = run("pdftotext", "-raw", str(pdf), "-")
    for n in range(first, last + 3):
        assert re.search(rf"^{n}\. 《", text, re.MULTILINE), (n, text[-600:])
    plain = _runs_pdf(tmp_path / "plain", "")
    assert _calls_after(plain, "三件文件所记相同") == f"{first}{SEP}{first + 1}{SEP}{first + 2}"


def test_site_runs_of_calls_are_separated(site):
    """On the site too: no two footnote calls touch, each is bound to the character before it."""
    seen = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'</sup><sup id="fnref', html), page
        for m in re.finditer(r'(.)<sup id="fnref', html):
            assert m.group(1) == WJ, (page, html[m.start() - 20:m.end()])
            seen += 1
        seen += html.count('class="fn-sep"')
    assert seen >= 50


# ---- 2. tables: dates and 文号 never break, short cells never stack, a caption stays with its table ----------
DATE_OR_DOCNO = re.compile(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|"
                           r"[\u4e00-\u9fff]{1,5}〔\d{4}〕\d+号|\d+(?:名|人|个|项|件|所|处)")


def test_no_date_or_docno_is_broken_across_lines(pages):
    """Within a block of text (a paragraph, a table cell, a note), no date, 文号 or figure with its unit (16名)
    runs over a line's end: joining two consecutive lines must not make one that neither line holds whole."""
    joined = 0
    for n, blocks in enumerate(pages, 1):
        for lines in blocks:
            texts = ["".join(w["text"] for w in line) for line in lines]
            for a, b in itertools.pairwise(texts):
                joined += 1
                for m in DATE_OR_DOCNO.finditer(a + b):
                    assert not (m.start() < len(a) < m.end()), (n, a[-20:], b[:20])
    assert joined > 300


def test_short_cells_keep_their_words_and_captions_stay_with_tables(built, pages):
    """The 机构设置一览's 规格 (正县级 …) and 设立 dates are set whole in their cells; every table's caption is on
    the page of the table's first row."""
    raw = [run("pdftotext", "-f", str(i), "-l", str(i), "-raw", str(built.out / "zhi.pdf"), "-")
           for i in range(1, len(pages) + 1)]
    snapshot_pages = [i for i, t in enumerate(raw) if "机构设置一览" in t and "规格" in t]
    assert snapshot_pages
    for i in snapshot_pages:
        assert not re.search(r"^[正副]$|^[县科处]级", raw[i], re.MULTILINE), raw[i][:400]
    for i, t in enumerate(raw):
        for line in t.splitlines():
            if re.search(r"（单位：名）$|机构设置一览（.*）$", line.strip()):
                rest = t.split(line, 1)[1]
                # the caption is followed, on its page, by the table's header row
                assert re.search(r"年份|机构 类别|日期", rest), (i + 1, line)


def lineage_names() -> list[str]:
    from zhi.writers.book import BookWriter

    a = filter_archive(load_archive(ROOT), "public")
    return [name for name, _ in BookWriter(a, derive_history(a), ROOT / "theme").lineage_diagrams()]


# ---- 3. figures ----------------------------------------------------------------------------------------------
def test_chart_and_diagram_labels_are_at_least_7pt(built, pages):
    """Labels are measured against the body text of the same PDF (10.5 pt): no chart or 沿革图 word is set
    smaller than 7 pt. The appendix holds a 沿革图 for every body that was merged or split."""
    body_h = None
    fig_pages = []
    for n, blocks in enumerate(pages, 1):
        words = [w for lines in blocks for line in lines for w in line]
        text = "".join(w["text"] for w in words)
        if body_h is None and "凡例" in text:
            hs = sorted(w["y1"] - w["y0"] for w in words)
            body_h = hs[len(hs) // 2]
        if "沿革图" in text or "编制（年末，各类合计）" in text:
            fig_pages.append((n, words))
    assert body_h and fig_pages
    lineage = [n for n, words in fig_pages if any(w["text"].endswith("沿革图") for w in words)]
    assert lineage, "no 沿革图 in the book"
    for n, words in fig_pages:
        for w in words:
            assert w["y1"] - w["y0"] >= body_h * 7 / 10.5 - 0.3, (n, w["text"], w["y1"] - w["y0"], body_h)
    names = lineage_names()
    assert len(names) >= 3
    text = run("pdftotext", str(built.out / "zhi.pdf"), "-").replace("\n", "")
    for name in names:
        assert f"{name}沿革图" in text, name


# ---- 6. page discipline --------------------------------------------------------------------------------------
def test_page_labels_and_metadata(built):
    from pypdf import PdfReader

    r = PdfReader(str(built.out / "zhi.pdf"))
    labels = r.page_labels
    front = built.book.front_pages
    assert labels[0] == "i" and labels[front - 1] == _roman(front)
    assert labels[front] == "1" and labels[-1] == str(len(labels) - front)
    info = run("pdfinfo", str(built.out / "zhi.pdf"))
    keywords = re.search(r"Keywords:\s*(.*)", info).group(1)
    assert "机构编制志" in keywords and not re.search(r"[a-z]+-[a-z]+|[a-z]{4,}", keywords), keywords


def test_docno_printed_in_the_house_form(built):
    """The sample's house style prints 文号 in the standard form: the PDF (notes, 大事记, 一览, 文件目录, index)
    has 临府〔1949〕1号 and never the form as written (but where quoted); the site's document page gives both; the archive keeps
    the original."""
    house = (ROOT / "sources" / "house-style.yaml").read_text(encoding="utf-8")
    assert re.search(r"^print:\n(?:  .*\n)*  docno-form: 规范", house, re.MULTILINE)
    a = load_archive(ROOT)
    old = {d.number: d for d in a.documents.values() if d.docno and d.docno.problems and d.classification.rank == 0}
    assert "临府(49)第1号" in old and len(old) >= 5
    text = re.sub(r"\s", "", run("pdftotext", str(built.out / "zhi.pdf"), "-"))
    unquoted = re.sub(r"“[^”]*”", "", text)    # (the 凡例 quotes an original to say how it is printed)
    for written, d in old.items():
        assert written not in unquoted, written
        assert d.docno.normalised in text, d.docno.normalised
    page = (built.out / "wenjian" / old["临府(49)第1号"].id / "index.html").read_text(encoding="utf-8")
    assert "临府〔1949〕1号（原件作“临府(49)第1号”）" in page
    assert "临府(49)第1号" in (ROOT / "sources" / "documents" / "1949" / "doc-lxzf-1949-1.yaml").read_text(encoding="utf-8")


def test_appendix_document_list_in_date_order(built):
    """附录 一、文件目录 lists by its first column, the date (as its note says), read back from the PDF; a date of
    a month or a year only comes after the days of that month or year."""
    text = run("pdftotext", str(built.out / "zhi.pdf"), "-")
    heads = [m.start() for m in re.finditer("一、文件目录", text)]          # (the contents list it too)
    start = next(i for i in heads if "按成文日期排列" in re.sub(r"\s", "", text[i:i + 200]))
    part = text[start:text.index("二、机构设置一览", start)]
    dates = re.findall(r"^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$", part, re.MULTILINE)
    keys = [(int(y), int(m or 99), int(d or 99)) for y, m, d in dates]
    assert len(keys) > 100
    assert keys == sorted(keys), next((a, b) for a, b in itertools.pairwise(keys) if b < a)


def _starts(built) -> set[int]:
    """Physical pages (1-based) on which a TOC entry begins: front matter numbered from the cover, body after it."""
    from zhi.writers.book import to_roman

    romans = {to_roman(i): i for i in range(1, 100)}
    book = built.book
    return {romans[label] if label in romans else book.front_pages + int(label) for _, _, label in book.toc}


def test_blank_pages_only_before_a_right_hand_start(built, pages):
    """A page with nothing on it is a left-hand page followed by a part, chapter or other section that must start
    on a right-hand page (or the last page, making the page count even)."""
    starts = _starts(built) | {3}           # the title page
    blank = [n for n, blocks in enumerate(pages, 1) if not any(w["text"].strip() for lines in blocks
                                                               for line in lines for w in line)]
    assert blank, "no blank pages at all: recto starts would need some"
    for n in blank:
        assert n % 2 == 0, f"blank page {n} is a right-hand page"
        assert n == len(pages) or n + 1 in starts or _is_part_title(pages[n]), f"blank page {n} is not needed"


def _is_part_title(blocks) -> bool:
    text = "".join(w["text"] for lines in blocks for line in lines for w in line)
    return bool(re.fullmatch(r"第.{1,3}篇.*", text))


def test_no_running_head_on_chapter_openers(built, pages):
    """The page a chapter (章) or a top-level section opens on carries no running head (the top 22 mm are empty);
    the page after it does."""
    book = built.book
    openers = [book.front_pages + int(label) for level, title, label in book.toc
               if label.isdigit() and (level == 1 or re.match(r"^第.+章", title))]
    assert len(openers) > 10
    for n in openers:
        top = [w["text"] for lines in pages[n - 1] for line in lines for w in line if w["y1"] < 22 * 72 / 25.4]
        assert top == [], (n, top)
    # the other pages with text keep their running head (a part's title page and the page after it aside)
    others = [n for n in range(book.front_pages + 1, len(pages) + 1) if n not in openers
              and sum(len(line) for lines in pages[n - 1] for line in lines) > 3]
    headed = [n for n in others if any(w["y1"] < 22 * 72 / 25.4 for lines in pages[n - 1] for line in lines
                                       for w in line)]
    assert len(headed) > 0.8 * len(others), (len(headed), len(others))


def test_a_cell_never_ends_with_one_character_alone_and_figures_keep_their_unit():
    """Laid out by WeasyPrint in a narrow cell: a name breaks before its last two characters, never leaving "府"
    alone on the cell's last line; "16名" is never split from its unit; a short cell is kept whole."""
    from weasyprint import HTML
    from zhi.writers.nobreak import keep_together

    def lines(cell: str, width_em: float) -> list[str]:
        html = (f"<table style=\"font: 10px 'Noto Serif CJK SC'; border-collapse: collapse\"><tr>"
                f"<td style=\"width: {width_em}em; padding: 0\">{cell}</td></tr></table>")
        page = HTML(string="<style>.nw { white-space: nowrap }</style>" + keep_together(html)).render().pages[0]
        out = []
        for box in page._page_box.descendants():
            if type(box).__name__ == "LineBox":
                out.append("".join(getattr(b, "text", "") for b in box.descendants() if hasattr(b, "text")))
        return [x for x in out if x]

    assert lines("城关镇人民政府", 6) == ["城关镇人民", "政府"]
    assert lines("<span class=\"m\" id=\"m1\">城关镇人民政府</span>", 6) == ["城关镇人民", "政府"]
    got = lines("含旧核定数：据1963年16名", 8)
    assert all(not x.startswith("名") and not x.endswith(("16", "1963")) for x in got), got
    assert lines("正县级", 1) == ["正县级"]


def test_punctuation_pairs_are_squeezed():
    """标点挤压: "），" set with the first mark half-width takes half an em less than without."""
    from weasyprint import HTML
    from zhi.writers.nobreak import keep_together

    css = "<style>p { font: 20px 'Noto Serif CJK SC'; } .halt { font-feature-settings: 'halt'; }</style>"

    def width(html: str) -> float:
        page = HTML(string=css + html).render().pages[0]
        line = next(b for b in page._page_box.descendants() if type(b).__name__ == "LineBox")
        return sum(c.width for c in line.children)

    plain = "<p>（临编〔1984〕7号），其后</p>"
    squeezed = keep_together(plain)
    assert 'class="halt"' in squeezed
    assert width(plain) - width(squeezed) == pytest.approx(10, abs=1.5)


def _roman(n: int) -> str:
    from zhi.writers.book import to_roman

    return to_roman(n)


# ---- 5 and 7. draft stage, placeholders, the internal edition's mark ------------------------------------------
GUIDE = ROOT / "guide" / "chronicle.md"


def _stage_example() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    sec = text[text.index("### 稿次与待补之处"):]
    return re.search(r"```yaml\n(.*?)```", sec, re.DOTALL).group(1)


def test_placeholders_are_listed_and_a_final_draft_refuses_them(tmp_path):
    """The guide's book.yaml (征求意见稿) checks clean but for the placeholder it lists; as 终审稿 it is an error
    and the build refuses; zhi status lists every placeholder with file and line."""
    from conftest import make_archive, write
    from zhi.build import BuildError, build_edition
    from zhi.checks import run_checks
    from zhi.commands.status import report

    root = make_archive(tmp_path)
    yaml_text = _stage_example()
    assert "stage: 征求意见稿" in yaml_text
    write(root, "chronicle/book.yaml", yaml_text)
    chapter = (root / "chronicle/p1/c1.md").read_text(encoding="utf-8") + "\n（本节待补）\n"
    write(root, "chronicle/p1/c1.md", chapter)
    line = chapter.split("\n").index("（本节待补）") + 1
    found = [f for f in run_checks(load_archive(root)) if f.code in ("chapter-placeholder", "placeholder-final")]
    assert [(f.code, f.severity, f.loc.file, f.loc.line) for f in found] == \
        [("chapter-placeholder", "warning", "chronicle/p1/c1.md", line)]
    assert f"chronicle/p1/c1.md:{line}  （本节待补）" in report(root)
    write(root, "chronicle/book.yaml", yaml_text.replace("征求意见稿", "终审稿"))
    found = [f for f in run_checks(load_archive(root)) if f.code == "placeholder-final"]
    assert len(found) == 1 and found[0].severity == "error" and "（本节待补）" in found[0].message
    with pytest.raises(BuildError, match="placeholder-final"):
        build_edition(root, pdf=False)
    write(root, "chronicle/book.yaml", yaml_text.replace("征求意见稿", "初稿"))
    bad = [f for f in load_archive(root).book.findings if f.code == "schema-value"]
    assert bad and "征求意见稿、送审稿、评审稿、终审稿" in bad[0].message


def test_sample_placeholders_in_status():
    from zhi.commands.status import report

    text = report(ROOT)
    listed = re.findall(r"^chronicle/\S+\.md:\d+  （本章待续）$", text, re.MULTILINE)
    assert len(listed) == sum(f.read_text(encoding="utf-8").count("（本章待续）")
                              for f in (ROOT / "chronicle").rglob("*.md")) > 0


def test_internal_edition_marked_on_every_page_and_draft_stage_printed(internal_draft):
    pdf = internal_draft.out / "zhi.pdf"
    n = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(pdf))).group(1))
    texts = [re.sub(r"\s", "", run("pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-")) for i in range(1, n + 1)]
    # (poppler may read the head's two words apart, with a running head between them)
    unmarked = [i + 1 for i, t in enumerate(texts) if "内部资料" not in t or "注意保存" not in t]
    assert unmarked == [], unmarked
    # and it is printed inside the trim (10 mm from every edge), the cover's and the title page's too
    mm = 72 / 25.4
    for n, blocks in enumerate(glyph_pages(pdf), 1):
        for w in (w for lines in blocks for line in lines for w in line if "内部资料" in w["text"]):
            assert w["x0"] > 10 * mm and w["x1"] < 175 * mm and w["y0"] > 10 * mm, (n, w)
    assert "（征求意见稿）" in texts[0] and "（征求意见稿）内部版" in texts[2]       # cover and title page
    title = "青澜市望川区机构编制志（征求意见稿）"
    footed = sum(title in t for t in texts[2:])
    blank = sum(1 for t in texts if len(t.strip()) < 30)
    assert footed >= n - 2 - blank, (footed, n, blank)
    # the site: every page says it
    pages = list(internal_draft.out.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "<body" in html:
            assert "内部资料　注意保存" in html, page


def test_draft_stage_over_an_image_cover(tmp_path):
    """A cover image (book.yaml `cover:`) still shows the draft stage: page 1 is the picture with （征求意见稿）
    on it, in the picture's area and in the internal edition with its mark too."""
    from conftest import make_archive, write
    from PIL import Image
    from weasyprint import HTML
    from zhi.writers.book import BookWriter

    root = make_archive(tmp_path)
    (root / "chronicle" / "fengmian.png").write_bytes(png(185, 260))
    book = (root / "chronicle" / "book.yaml").read_text(encoding="utf-8")
    write(root, "chronicle/book.yaml", book + "\ncover: fengmian.png\nstage: 征求意见稿\n")
    a = load_archive(root)
    assert a.book.cover is not None and a.book.stage == "征求意见稿"
    for edition in ("public", "internal"):
        ed = filter_archive(a, edition)
        w = BookWriter(ed, derive_history(ed), ROOT / "theme", edition)
        pdf = tmp_path / f"cover-{edition}.pdf"
        HTML(string=w.document("front", w.parts(None).front, []), base_url=str(root)).write_pdf(pdf)
        cover = re.sub(r"\s", "", run("pdftotext", "-f", "1", "-l", "1", str(pdf), "-"))
        assert "（征求意见稿）" in cover, cover
        assert ("内部资料" in cover) == (edition == "internal"), cover
        assert "/Image" in run("pdfimages", "-f", "1", "-l", "1", "-list", str(pdf)).replace("image", "/Image")
        # the stage (and the internal mark) are seen, not hidden under the picture: where their glyphs are, the
        # rendered page is not the picture's grey
        words = [w for blocks in glyph_pages(pdf, 1, 1)[0] for line in blocks for w in line]
        shown = [w for w in words if re.search("征求意见稿|内部资料", w["text"])]
        assert len(shown) == (2 if edition == "internal" else 1), shown
        subprocess.run(["pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf),
                        str(tmp_path / f"cover-{edition}")], check=True)
        image = Image.open(tmp_path / f"cover-{edition}.png").convert("RGB")
        for w in shown:
            box = image.crop((int(w["x0"]), int(w["y0"]), int(w["x1"]), int(w["y1"])))
            grey = sum(n for n, colour in box.getcolors(box.width * box.height) if colour == (128, 128, 128))
            assert grey < 0.5 * box.width * box.height, (edition, w["text"])


# ---- 8. the DOCX for review ---------------------------------------------------------------------------------
def test_docx_looks_like_a_chinese_government_document(built):
    import json
    import os
    import zipfile

    from zhi.writers.docx import _pandoc_env

    docx = built.out / "zhi.docx"
    with zipfile.ZipFile(docx) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
        document = z.read("word/document.xml").decode("utf-8")
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    defaults = styles[styles.index("<w:docDefaults>"):styles.index("</w:docDefaults>")]
    assert 'w:eastAsia="宋体"' in defaults
    h1 = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.DOTALL).group(0)
    assert 'w:eastAsia="黑体"' in h1
    body = re.search(r'<w:style [^>]*w:styleId="BodyText".*?</w:style>', styles, re.DOTALL).group(0)
    assert 'w:firstLineChars="200"' in body
    page = re.search(r"<w:pgSz [^>]*>", document).group(0)
    w, h = (int(re.search(rf'w:{k}="(\d+)"', page).group(1)) / 56.693 for k in "wh")   # twips → mm
    assert abs(w - 185) < 1 and abs(h - 260) < 1, page
    assert "目录" in document
    charts = len(lineage_names())
    assert media and all(n.endswith(".png") for n in media) and len(media) > charts > 0, (len(media), charts)
    _pandoc_env()
    ast = json.loads(run(os.environ["PYPANDOC_PANDOC"], "-f", "docx", "-t", "json", str(docx)))
    levels = [b["c"][0] for b in ast["blocks"] if b["t"] == "Header"]
    assert len(levels) > 30 and levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    text = json.dumps(ast, ensure_ascii=False)
    assert "PDF" in text and "页码" in text


def _inline_text(inlines: list) -> str:
    """The text of pandoc JSON inlines (Str, Space, and the text inside any container)."""
    out = []
    for x in inlines:
        t, c = x["t"], x.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t in ("Plain", "Para", "Emph", "Strong", "Superscript", "Subscript", "SmallCaps", "Underline"):
            out.append(_inline_text(c))
        elif t in ("Span", "Link", "Quoted"):
            out.append(_inline_text(c[1]))   # [attributes or quote kind, inlines, (target)]
    return "".join(out)


def test_docx_notes_are_word_footnotes_with_the_pdf_text(built):
    """Every source note of the book is a real Word footnote in the review copy (not text in brackets), in the
    same order and with the same text as the PDF sets at the foot of its page; the PDF holds each of them."""
    import html as htmlmod
    import json
    import os
    import zipfile

    from zhi.writers.book import BookWriter
    from zhi.writers.docx import _pandoc_env

    with zipfile.ZipFile(built.out / "zhi.docx") as z:
        footnotes = z.read("word/footnotes.xml").decode("utf-8")
        document = z.read("word/document.xml").decode("utf-8")
    refs = re.findall(r'<w:footnoteReference w:id="(\d+)"', document)
    _pandoc_env()
    ast = json.loads(run(os.environ["PYPANDOC_PANDOC"], "-f", "docx", "-t", "json", str(built.out / "zhi.docx")))

    def notes(node):
        if isinstance(node, dict):
            if node.get("t") == "Note":
                yield re.sub(r"\s", "", "".join(_inline_text(b["c"]) for b in node["c"]))
                return
            for v in node.values():
                yield from notes(v)
        elif isinstance(node, list):
            for v in node:
                yield from notes(v)

    word = list(notes(ast))
    a = filter_archive(load_archive(built.out.parent), "public")
    w = BookWriter(a, derive_history(a), built.out.parent / "theme")
    w.for_docx = True
    parts = w.parts(None)
    book_html = parts.front + "".join(parts.body)
    fns = re.findall(r'<span class="fn(?: [a-z ]+)?">((?:<span id="[^"]*">[^<]*</span>)+)</span>', book_html)
    printed = [re.sub(r"\s", "", htmlmod.unescape(re.sub(r"<[^>]+>", "", f))) for f in fns]
    assert len(printed) > 300 and len(refs) == len(set(refs)) == len(printed)
    assert footnotes.count("<w:footnote ") >= len(printed)
    assert word == printed
    pdf = re.sub(r"\s", "", run("pdftotext", str(built.out / "zhi.pdf"), "-"))
    missing = [t for t in dict.fromkeys(printed) if t not in pdf]
    assert missing == []


# ---- 4. 版权页, 编纂委员会名单, 序, 题词 ------------------------------------------------------------------------
def png(width: int = 40, height: int = 30) -> bytes:
    """A small grey PNG, made here (zlib and CRC from the standard library)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_front_matter_pages_from_book_yaml(tmp_path):
    """The guide's example book.yaml: 版权页 on the title's verso, the 编纂委员会名单, a 题词 page and the 序 before
    the 凡例, read back from the typeset front matter."""
    from conftest import make_archive, write
    from weasyprint import HTML
    from zhi.checks import run_checks
    from zhi.writers.book import BookWriter

    text = GUIDE.read_text(encoding="utf-8")
    sec = text[text.index("### 版权页、编纂委员会名单、序、题词和图片"):]
    root = make_archive(tmp_path)
    write(root, "chronicle/book.yaml", re.search(r"```yaml\n(.*?)```", sec, re.DOTALL).group(1))
    write(root, "chronicle/xu.md", "# 序\n\n机构编制志是地方志的专志。\n")
    (root / "chronicle" / "tici.png").write_bytes(png())
    a = load_archive(root)
    assert [f.as_text() for f in run_checks(a) if f.severity == "error"] == []
    assert ("出版者", "测试出版社") in a.book.imprint and a.book.imprint[0] == ("书名", "测试县机构编制志")
    assert ("副主任", "李明　赵红") in a.book.committee and len(a.book.plates) == 1
    w = BookWriter(a, derive_history(a), ROOT / "theme")
    parts = w.parts(None)
    pdf = tmp_path / "front.pdf"
    HTML(string=w.document("front", parts.front, []), base_url=str(root)).write_pdf(pdf)
    pages = [re.sub(r"\s", "", run("pdftotext", "-f", str(i + 1), "-l", str(i + 1), str(pdf), "-"))
             for i in range(int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", str(pdf))).group(1)))]
    title = next(i for i, t in enumerate(pages) if "测试县机构编制志" in t and "出版者" not in t and i > 0)
    assert "出版者测试出版社" in pages[title + 1] and "ISBN978-7-0000-0000-0" in pages[title + 1]
    committee = next(i for i, t in enumerate(pages) if "编纂委员会" in t and "王国强" in t)
    plate = next(i for i, t in enumerate(pages) if "题词" in t)
    preface = next(i for i, t in enumerate(pages) if "机构编制志是地方志的专志" in t)
    fanli = next(i for i, t in enumerate(pages) if "凡" in t and "例" in t and i > preface)
    assert title < title + 1 < committee < plate < preface < fanli
    assert committee % 2 == 0 and preface % 2 == 0      # recto pages (0-based even = odd page numbers)
