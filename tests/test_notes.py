"""No note is ever lost: every chapter's notes are counted in the source, the site (HTML), the PDF (poppler)
and the DOCX (pandoc), on the sample and on a synthetic archive with dense notes."""

import re
import subprocess
from pathlib import Path

import pytest
from conftest import make_archive, with_theme
from zhi import notecount
from zhi.build import build_edition
from zhi.editions import filter_archive
from zhi.loader import load_archive


def project(tmp: Path) -> Path:
    """The small base archive with the theme, ready to build."""
    return with_theme(make_archive(tmp))


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


_PDF_NOTE = re.compile(r"^(\d+)\. (?:《|另据|考异)", re.MULTILINE)


def pdf_notes_by_chapter(res, chapters) -> dict[str, list[int]]:
    """The note numbers printed at the foot of each chapter's pages (notes are numbered per chapter)."""
    pages = run("pdftotext", "-layout", str(res.out / "zhi.pdf"), "-").split("\f")
    rep = res.book
    starts = []  # (first page index, level, title) of every TOC entry, in order
    from zhi.writers.book import to_roman

    roman = {to_roman(i): i for i in range(1, rep.front_pages + 1)}
    for level, title, label in rep.toc:
        if label.isdigit():
            starts.append((rep.front_pages + int(label) - 1, level, title))
        elif label in roman:
            starts.append((roman[label] - 1, level, title))
    out = {}
    for cn in chapters:
        hits = [i for i, (_, _, t) in enumerate(starts) if t == cn.title]
        if not hits:
            continue
        i = hits[0]
        first, level = starts[i][0], starts[i][1]
        after = [p for p, lv, _ in starts[i + 1:] if lv <= level]
        last = after[0] if after else len(pages)
        text = "\n".join(pages[first:max(last, first + 1)])
        out[cn.path] = [int(m.group(1)) for m in _PDF_NOTE.finditer(text)]
    return out


def docx_notes_by_chapter(res, chapters) -> dict[str, int]:
    md = run(str(_pandoc()), str(res.out / "zhi.docx"), "-t", "markdown", "--wrap=none")
    body = md.split("\n[^1]:")[0]
    heads = [(m.start(), len(m.group(1)), m.group(2).strip()) for m in re.finditer(r"^(#+) (.+)$", body, re.MULTILINE)]
    out = {}
    for cn in chapters:
        hits = [k for k, (_, _, t) in enumerate(heads) if t == cn.title]
        if not hits:
            continue
        k = hits[0]
        start, level = heads[k][0], heads[k][1]
        after = [p for p, lv, _ in heads[k + 1:] if lv <= level]
        end = after[0] if after else len(body)
        out[cn.path] = len(re.findall(r"\[\^\d+\](?!:)", body[start:end]))
    return out


def _pandoc() -> Path:
    import pypandoc

    return Path(pypandoc.__file__).parent / "files" / "pandoc"


def assert_every_note_printed(res, root: Path):
    chapters = notecount.source_notes(filter_archive(load_archive(root), "public"))
    assert sum(len(c.notes) for c in chapters) > 0
    site = notecount.site_counts(res.out, chapters)
    pdf = pdf_notes_by_chapter(res, chapters)
    docx = docx_notes_by_chapter(res, chapters)
    for cn in chapters:
        n = len(cn.notes)
        assert site[cn.path] == n, (cn.path, "site", site[cn.path], n)
        assert sorted(pdf[cn.path]) == list(range(1, n + 1)), (cn.path, "pdf", pdf[cn.path], n)
        assert docx[cn.path] == n, (cn.path, "docx", docx[cn.path], n)
    return chapters


def test_sample_every_note_in_site_pdf_and_docx(built):
    root = built.out.parent
    chapters = assert_every_note_printed(built, root)
    # the note that WeasyPrint used to drop: chapter 8, line 21, 临发〔2002〕3号, the 10th of its chapter
    c3 = next(c for c in chapters if c.path == "chronicle/p3/c3.md")
    assert (c3.notes[9].line, c3.notes[9].doc) == (21, "doc-lf-2002-3")
    pdf = run("pdftotext", "-layout", str(built.out / "zhi.pdf"), "-")
    assert re.search(r"^10\. 《关于印发〈临水县人民政府机构改革方案〉的通知》（临发〔2002〕3号）", pdf, re.MULTILINE)


DENSE = """\
---
title: 第一章 注释密集的一章
---

# 第一章 注释密集的一章

{paras}

| 机构 | 沿革 |
| --- | --- |
| 县计委 | 1956年设立[[d-1956-1]]，1984年并入县计经委[[d-1984-7]] |
| 县计经委 | 1984年设立[[d-1984-7]][[d-1956-1]]，1990年调整编制[[d-1990-3]] |

末段一句[[d-1990-3]]
"""


def _dense_chapter() -> str:
    paras = []
    docs = ["d-1956-1", "d-1984-7", "d-1990-3"]
    for p in range(40):
        words = []
        for j in range(1 + (p * 2) % 5):  # one to five notes in a line, often two in a row
            words.append("县计划委员会设立于1956年" * (1 + (j * 2 + p) % 6) + f"[[{docs[(p + j) % 3]}]]")
            if (p + j) % 4 == 0:
                words.append(f"[[{docs[(p + j + 1) % 3]}]]")
        paras.append("".join(words) + ("。" if p % 3 else ""))  # some paragraphs end on the note itself
    return DENSE.format(paras="\n\n".join(paras))


@pytest.fixture(scope="module")
def dense(tmp_path_factory):
    root = project(tmp_path_factory.mktemp("dense"))
    (root / "chronicle" / "p1" / "c1.md").write_text(_dense_chapter(), encoding="utf-8")
    return root, build_edition(root, docx=True)


def test_dense_notes_in_lines_at_line_ends_and_in_tables(dense):
    root, res = dense
    chapters = assert_every_note_printed(res, root)
    dense_ch = next(c for c in chapters if c.path == "chronicle/p1/c1.md")
    assert len(dense_ch.notes) > 120
    lines = [n.line for n in dense_ch.notes]
    assert any(lines.count(x) >= 4 for x in lines)  # several notes on one line
    html = (res.out / notecount.site_page("chronicle/p1/c1.md")).read_text(encoding="utf-8")
    table = html[html.index("<table"):html.index("</table>")]
    assert len(re.findall(r'<sup id="fnref', table)) == 5  # the notes inside the table are real notes


@pytest.mark.slow
def test_weasyprint_correction_keeps_a_footnote_it_used_to_drop(monkeypatch):
    """A page whose last line fits only once the earlier notes move on: WeasyPrint 70 kept the line and
    dropped the line's own note; with ``wpfix`` it follows the earlier ones to the next page."""
    import weasyprint
    from weasyprint.layout import block
    from zhi.writers import wpfix

    css = ("@page { size: 100mm 80mm; margin: 8mm; @footnote { border-top: .4pt solid #000; } }"
           "body { font-size: 10pt; line-height: 1.6; orphans: 2; widows: 2; } .fn { float: footnote; font-size: 8pt; }")
    n, paras = 0, []
    for p in range(12):
        words = []
        for j in range(3 + (p * 2) % 5):
            n += 1
            words.append("文字" * (3 + (j * 2 + p) % 9) +
                         f'<span class="fn"><span id="n{n}">注文第{n}条，出处从略出处从略。</span></span>')
        paras.append("<p>" + "".join(words) + "</p>")
    html = f"<html><head><style>{css}</style></head><body>{''.join(paras)}</body></html>"

    def missing() -> list[int]:
        doc = weasyprint.HTML(string=html).render()
        anchors = {a for page in doc.pages for a in page.anchors}
        return [i for i in range(1, n + 1) if f"n{i}" not in anchors]

    assert block._linebox_layout is wpfix._linebox_layout
    assert missing() == []
    monkeypatch.setattr(block, "_linebox_layout", wpfix._original)
    assert missing() == [30], "WeasyPrint no longer drops this note: the correction in wpfix.py may be retired"


def test_a_lost_note_is_named_with_chapter_line_and_output():
    chapters = [notecount.ChapterNotes("chronicle/p3/c3.md", "第八章 计划 财政 税务机构", [
        notecount.SourceNote(15, "d1", "《甲》（甲〔1958〕7号）"), notecount.SourceNote(21, "d2", "《乙》（乙〔2002〕3号）")])]
    msgs = notecount.lost_notes(chapters, {"chronicle/p3/c3.md": ["m1", "m2"]}, {"m1"}, "PDF")
    assert msgs == ["chronicle/p3/c3.md:21: 《第八章 计划 财政 税务机构》的第 2 条注“《乙》（乙〔2002〕3号）”在PDF中没有印出"]
    short = notecount.lost_notes(chapters, {"chronicle/p3/c3.md": ["m1"]}, None, "Word 文档")
    assert short and "原稿有 2 条注，Word 文档只有 1 条" in short[0] and short[0].startswith("chronicle/p3/c3.md:21:")
    assert notecount.site_problems(chapters, {"chronicle/p3/c3.md": 2}) == []
    assert "网站页面只有 0 条" in notecount.site_problems(chapters, {})[0]
    assert notecount.lost_notes(chapters, {"chronicle/p3/c3.md": ["m1", "m2"]}, {"m1", "m2"}, "PDF") == []


@pytest.mark.slow
def test_build_stops_when_an_output_loses_a_note(tmp_path, monkeypatch):
    """The guard itself: a PDF that lost a note stops the build with the chapter and line named."""
    from zhi.build import BuildError
    from zhi.writers import typeset as ts

    root = project(tmp_path)
    real = ts.typeset

    def losing(*args, **kwargs):
        res = real(*args, **kwargs)
        res.anchors -= {res.notes["chronicle/p1/c1.md"][0]}
        return res

    monkeypatch.setattr("zhi.build.typeset", losing)
    with pytest.raises(BuildError) as e:
        build_edition(root)
    assert "chronicle/p1/c1.md:" in str(e.value) and "在PDF中没有印出" in str(e.value)
    assert not (root / "site").exists()
