"""The printed volume, read back from the real PDF with poppler's tools (and the DOCX with pandoc)."""

import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from zhi.progress import Progress

ROOT = Path(__file__).resolve().parent.parent



def run(*cmd) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pdf(site):
    return site / "zhi.pdf"


def page_text(pdf, n: int) -> str:
    """Text of the physical page n (1-based), in content order (table cells stay whole)."""
    return run("pdftotext", "-f", str(n), "-l", str(n), "-raw", str(pdf), "-")


def test_size_metadata_and_fonts(pdf):
    info = run("pdfinfo", str(pdf))
    assert re.search(r"Page size:\s+524\.4\d* x 737\.0\d* pts", info), info   # 185 × 260 mm
    assert "Title:           青澜市望川区机构编制志" in info
    assert "Subject:" in info and "机构编制志" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 60
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts
    for line in fonts:
        cols = line.split()
        emb, sub = cols[-5], cols[-4]
        assert emb == "yes" and sub == "yes", line
    names = " ".join(line.split()[0] for line in fonts)
    assert "Noto-Serif-CJK-SC" in names and "Noto-Sans-CJK-SC" in names
    assert PdfReader(str(pdf)).trailer["/Root"]["/Lang"] == "zh-CN"


def test_toc_page_numbers_match_the_pages(built, pdf):
    book = built.book
    checked = 0
    for level, title, label in book.toc:
        if not label.isdigit():
            continue
        physical = book.front_pages + int(label)
        text = page_text(pdf, physical).replace(" ", "")
        assert title.replace(" ", "").replace("　", "") in text.replace("　", ""), (title, label)
        checked += 1
    assert checked >= 20


def test_chapters_start_on_right_hand_pages_and_body_starts_at_1(built, pdf):
    book = built.book
    assert book.front_pages % 2 == 0          # the body's page 1 is a right-hand page
    for level, title, label in book.toc:
        if label.isdigit() and (level == 1 or re.match(r"^第.+章", title)):
            assert int(label) % 2 == 1, f"{title} starts on page {label}, a left-hand page"
    first_body = page_text(pdf, book.front_pages + 1)
    assert first_body.strip().splitlines()[-1].strip() == "1"      # printed page number


def test_index_page_numbers_point_at_the_mentions(built, pdf):
    book = built.book
    sample = [(k, v) for k, v in sorted(book.index_pages.items()) if "|" in k][:60]
    assert sample
    for key, labels in sample:
        term = key.split("|", 1)[1]
        for label in labels:
            text = page_text(pdf, book.front_pages + int(label)).replace(" ", "").replace("\n", "")
            assert term.replace(" ", "") in text, (term, label)


def test_bookmarks_follow_the_outline(pdf):
    outline = PdfReader(str(pdf)).outline
    top = [o.title for o in outline if not isinstance(o, list)]
    for title in ("凡例", "目录", "概述", "大事记", "附　录", "索　引"):
        assert title in top, (title, top)
    assert any(t.startswith("第一篇") for t in top)
    assert any(isinstance(o, list) for o in outline)   # chapters nested under their 篇


def test_footnoted_sources(pdf):
    text = run("pdftotext", str(pdf), "-")
    assert re.search(r"《[^》]+》（[^）]+〔\d{4}〕\d+号）", text)


def test_line_rules_on_rendered_text(built):
    assert built.book.line_issues == [], built.book.line_issues[:5]


def test_line_rule_check_finds_a_violation():
    """The check reads the laid-out lines: a line forced to start with 。 or end with （ is reported."""
    from weasyprint import HTML
    from zhi.writers.typeset import check_lines

    doc = HTML(string='<p>机构编制<br>。机构编制（<br>委员会）</p>').render()
    issues = check_lines(doc, lambda i: str(i + 1))
    assert any("行首" in i.problem and i.line.startswith("。") for i in issues), issues
    assert any("行末" in i.problem and i.line.endswith("（") for i in issues), issues
    ok = HTML(string='<p style="width: 4em; font: 12pt \'Noto Serif CJK SC\'">机构编制。机构编制委员会</p>').render()
    assert check_lines(ok, lambda i: str(i + 1)) == []


def test_docx_has_headings_notes_and_tables(site):
    import json
    import os

    from zhi.writers.docx import _pandoc_env

    _pandoc_env()
    ast = json.loads(run(os.environ["PYPANDOC_PANDOC"], "-f", "docx", "-t", "json", str(site / "zhi.docx")))

    def walk(node, kind):
        if isinstance(node, dict):
            if node.get("t") == kind:
                yield node
            for v in node.values():
                yield from walk(v, kind)
        elif isinstance(node, list):
            for v in node:
                yield from walk(v, kind)

    assert sum(1 for _ in walk(ast, "Header")) >= 30
    assert sum(1 for _ in walk(ast, "Note")) >= 20
    assert sum(1 for _ in walk(ast, "Table")) >= 3


def test_editions(site, internal_draft):
    """内部 material is in the internal edition only; 秘密 in neither (the internal edition read from the
    sample's draft, built once for the run: the stage changes no edition's material)."""
    internal = internal_draft
    public_pdf = run("pdftotext", str(site / "zhi.pdf"), "-")
    internal_pdf = run("pdftotext", str(internal.out / "zhi.pdf"), "-")
    internal_doc = "临水县1996年机构编制统计年报"
    secret_no = "临编〔1998〕11号"
    assert internal.out.name == "internal" and "site" not in internal.out.parts[-1]
    assert internal_doc not in public_pdf and internal_doc in internal_pdf
    assert secret_no not in public_pdf and secret_no not in internal_pdf
    assert not (site / "wenjian" / "doc-lbb-1996-nb").exists()
    assert (internal.out / "wenjian" / "doc-lbb-1996-nb").exists()


@pytest.fixture(scope="module")
def chunked(tmp_path_factory):
    """The test archive typeset in one pass, and cut into chunks typeset in parallel processes (cached)."""
    from types import SimpleNamespace

    from conftest import make_archive
    from zhi.history import derive_history
    from zhi.loader import load_archive
    from zhi.writers.book import BookWriter
    from zhi.writers.typeset import typeset

    tmp = tmp_path_factory.mktemp("chunked")
    root = make_archive(tmp)
    theme = Path(__file__).resolve().parent.parent / "theme"
    a = load_archive(root)
    h = derive_history(a)

    def run_typeset(name, **kw):
        return typeset(BookWriter(a, h, theme), tmp / name, root, {"Title": "t"}, **kw)

    one = run_typeset("one.pdf", chunks=1, workers=1)
    log = io.StringIO()
    many = run_typeset("many.pdf", chunks=3, workers=2, cache=tmp / "cache", progress=Progress(log))
    return SimpleNamespace(tmp=tmp, run=run_typeset, one=one, many=many, log=log.getvalue())


def _used_record(pdf: Path) -> str:
    import hashlib
    import os

    return f"used-{hashlib.sha1(os.fsencode(pdf.resolve())).hexdigest()[:12]}.json"


def test_chunked_typesetting_equals_single_pass(chunked, monkeypatch):
    """Cut into chunks typeset in parallel processes, the book has the same pages, TOC and index numbers."""
    one, many, tmp = chunked.one, chunked.many, chunked.tmp
    assert many.chunks > one.chunks
    assert (one.pages, one.toc, one.index_pages) == (many.pages, many.toc, many.index_pages)
    assert run("pdfinfo", str(tmp / "one.pdf")).count("Pages:") == 1
    # an unchanged book is not typeset again: every chunk comes from the cache
    log = io.StringIO()
    cache = tmp / "cache"
    # entries no build uses any more, and the record of an output that is gone, are pruned from the cache
    for name in ("0badc0de.json", "0badc0de.pdf", "f00d.json", "f00d.pdf"):
        (cache / name).write_bytes(b"{}")
    (cache / "used-gone.json").write_text('{"pdf": "%s", "keys": ["f00d"]}' % (tmp / "gone.pdf"), encoding="utf-8")
    used_before = sorted(p.name for p in cache.glob("used-*.json"))
    import zhi.writers.pdffonts

    traced = []
    source_face = zhi.writers.pdffonts._source_face
    monkeypatch.setattr(zhi.writers.pdffonts, "_source_face", lambda *a: traced.append(a) or source_face(*a))
    again = chunked.run("again.pdf", chunks=3, workers=2, cache=cache, progress=Progress(log))
    assert again.typeset_chunks == 0
    assert not [p for p in cache.iterdir() if p.stem in ("0badc0de", "f00d", "used-gone")]
    assert sorted(p.name for p in cache.glob("used-*.json")) == sorted(set(used_before) - {"used-gone.json"} |
                                                                     {_used_record(tmp / "again.pdf")})
    # the progress lines count the chunks typeset (the front matter is one more) and those from the cache
    assert re.search(rf"^\[zhi\] 排版志书：{many.chunks + 1} 块，用时 [\d.]+ 秒$", chunked.log, re.MULTILINE), chunked.log
    assert f"合并志书 PDF：{many.chunks + 1} 块" in chunked.log
    assert re.search(rf"排版志书：0 块，用时 [\d.]+ 秒，另有 {many.chunks + 1} 块取自缓存", log.getvalue()), log.getvalue()
    assert (tmp / "again.pdf").read_bytes() == (tmp / "many.pdf").read_bytes()
    # the font programs traced to their files by the first merge were not traced again, and gave the same book
    import json

    faces = json.loads((cache / "faces.json").read_text(encoding="utf-8"))
    assert faces and all(Path(path).is_file() for path, _, _ in faces.values())
    assert traced == []


def bookmarks(pdf: Path) -> list:
    """The PDF's outline as nested (title, page index, children)."""
    reader = PdfReader(str(pdf))

    def tree(items) -> list:
        out = []
        for item in items:
            if isinstance(item, list):
                out[-1][2].extend(tree(item))
            else:
                out.append((item.title, reader.get_destination_page_number(item), []))
        return out

    return tree(reader.outline)


@pytest.mark.parametrize("archive", ["sample", "synthetic"])
def test_chunked_equals_single_pass_at_scale(archive, tmp_path):
    """The same on the whole sample (1×) and on an archive from `zhi synth`: page count, TOC and every index
    page number of the chunked book equal those of one WeasyPrint pass over the same book."""
    import shutil

    from zhi.editions import filter_archive
    from zhi.history import derive_history
    from zhi.loader import load_archive
    from zhi.writers.book import BookWriter
    from zhi.writers.typeset import typeset
    from zhisynth import generate

    root = tmp_path / "p"
    if archive == "sample":
        shutil.copytree(ROOT / "sources", root / "sources")
        shutil.copytree(ROOT / "chronicle", root / "chronicle")
    else:
        generate(root, scale=0.3, seed=11)
    a = filter_archive(load_archive(root), "public")
    h = derive_history(a)
    theme = ROOT / "theme"
    one = typeset(BookWriter(a, h, theme), tmp_path / "one.pdf", root, {"Title": "t"}, chunks=1, workers=1)
    # on the sample, as many chunks as there are pieces: the 附录 is cut at each of its sections, which go on
    # from the page before, left or right
    many = typeset(BookWriter(a, h, theme), tmp_path / "many.pdf", root, {"Title": "t"},
                   chunks=40 if archive == "sample" else 4, workers=2, cache=tmp_path / "cache")
    assert many.chunks > one.chunks  # (both count the front matter as a chunk of its own)
    assert one.flowing == 0 and (many.flowing >= 3 if archive == "sample" else True)
    assert one.pages == many.pages > 20
    assert one.toc == many.toc and len(one.toc) > 5
    assert one.index_pages == many.index_pages and len(one.index_pages) > 20
    assert int(run("pdfinfo", str(tmp_path / "many.pdf")).split("Pages:")[1].split()[0]) == many.pages
    # every page reads the same, running heads (篇 title on the left, 章 title on the right) included
    one_pages = run("pdftotext", "-layout", str(tmp_path / "one.pdf"), "-").split("\f")
    many_pages = run("pdftotext", "-layout", str(tmp_path / "many.pdf"), "-").split("\f")
    differ = [i + 1 for i, (x, y) in enumerate(zip(one_pages, many_pages, strict=True)) if x.split() != y.split()]
    assert differ == []
    # and the bookmarks nest the same: a piece of the 附录 typeset apart keeps its heading under 附录
    assert bookmarks(tmp_path / "many.pdf") == bookmarks(tmp_path / "one.pdf")
    if archive == "synthetic":
        # a sentence added to a chapter in the middle: the rebuild re-typesets that chapter's chunk (and the
        # chunks after it only if its length changed), and equals a single pass over the edited book
        chapters = sorted(p for p in (root / "chronicle").rglob("*.md") if p.parent != root / "chronicle")
        chapter = chapters[len(chapters) // 2]
        text = chapter.read_text(encoding="utf-8")
        cut = text.rfind("。")
        # with a mention of a record the chapter names and an editor's note: anchors added to this chapter only
        named = re.search(r"\[\[([^\]@|]+)", text).group(1)
        chapter.write_text(text[:cut] + f"，测试时加了一句，另见[[{named}]][^t]" + text[cut:] + "\n\n[^t]: 测试加的注。\n",
                           encoding="utf-8")
        a = filter_archive(load_archive(root), "public")
        h = derive_history(a)
        edited = typeset(BookWriter(a, h, theme), tmp_path / "edited.pdf", root, {"Title": "t"}, chunks=4,
                         workers=2, cache=tmp_path / "cache")
        assert 1 <= edited.typeset_chunks < many.typeset_chunks
        fresh = typeset(BookWriter(a, h, theme), tmp_path / "fresh.pdf", root, {"Title": "t"}, chunks=1, workers=1)
        assert (edited.pages, edited.toc, edited.index_pages) == (fresh.pages, fresh.toc, fresh.index_pages)
        assert run("pdftotext", "-layout", str(tmp_path / "edited.pdf"), "-").split() == \
            run("pdftotext", "-layout", str(tmp_path / "fresh.pdf"), "-").split()
        assert "测试时加了一句" in run("pdftotext", str(tmp_path / "edited.pdf"), "-")
        assert "测试加的注" in run("pdftotext", str(tmp_path / "edited.pdf"), "-")


@pytest.mark.slow
def test_chunked_book_with_long_pieces_in_parts_equals_single_pass(tmp_path, monkeypatch):
    """The sample cut so fine that the 大事记 and the sections of the 附录 are set in parts, each cut where the
    layout began a page (its long tables between two rows): the book has the same pages, the same text on every page (running heads, notes and
    page numbers included), the same outline, TOC and index numbers as one WeasyPrint pass, and no cut was
    refused (a part laid out otherwise than in the whole section)."""
    import shutil

    from zhi.editions import filter_archive
    from zhi.history import derive_history
    from zhi.loader import load_archive
    from zhi.writers.book import BookWriter
    from zhi.writers.typeset import typeset

    monkeypatch.setattr("zhi.writers.typeset.LONG_TABLE", 2000)
    monkeypatch.setattr("zhi.writers.typeset.MEASURE_CHARS", 3000)  # their rows measured in several groups
    root = tmp_path / "p"
    shutil.copytree(ROOT / "sources", root / "sources")
    shutil.copytree(ROOT / "chronicle", root / "chronicle")
    a = filter_archive(load_archive(root), "public")
    h = derive_history(a)
    one = typeset(BookWriter(a, h, ROOT / "theme"), tmp_path / "one.pdf", root, {"Title": "t"}, chunks=1, workers=1)
    many = typeset(BookWriter(a, h, ROOT / "theme"), tmp_path / "many.pdf", root, {"Title": "t"}, chunks=80,
                   workers=2, cache=tmp_path / "cache")
    assert one.soft_cuts == 0 and many.soft_cuts >= 5 and many.refused_cuts == 0
    # the 附录's long tables (文件目录, 领导名录 …; here any over 2,000 characters) cut between rows too
    assert many.table_cuts >= 3
    assert one.pages == many.pages and one.toc == many.toc and one.index_pages == many.index_pages
    one_pages = run("pdftotext", "-layout", str(tmp_path / "one.pdf"), "-").split("\f")
    many_pages = run("pdftotext", "-layout", str(tmp_path / "many.pdf"), "-").split("\f")
    assert len(one_pages) == len(many_pages) > 100
    assert [i + 1 for i, (x, y) in enumerate(zip(one_pages, many_pages, strict=True)) if x != y] == []
    assert bookmarks(tmp_path / "many.pdf") == bookmarks(tmp_path / "one.pdf")


def test_a_long_section_is_cut_before_headings_that_start_a_page():
    """附录 and 索引 are cut before each of their page-starting headings but the first; a piece after the first
    carries the section's running head and the footnotes counted before it, and the pieces together are the
    section. A section without such headings, or of a shape not understood, is left whole."""
    from zhi.writers.typeset import Section, body_chunks

    html = ('<section class="chapter level-1 appendix">\n<h1 class="chapter-title top" id="h1">附　录</h1>\n'
            '<h2 class="appendix-title" id="h2">一、文件目录</h2><p>甲<span class="fn">注一</span></p>\n'
            '<h2 class="appendix-title" id="h3">二、机构设置一览</h2><p>乙<span class="fn kaoyi">注二</span></p>\n'
            '<h2 class="appendix-title" id="h4">三、领导名录</h2><p>丙</p>\n</section>\n')
    sec = Section.of(html)
    assert sec.pieces == 3 and sec.html_of(0, 3) == html
    first, second, third = (sec.html_of(i, i + 1) for i in range(3))
    assert first.startswith(html[:html.index('<h2 class="appendix-title" id="h3"')]) and first.endswith("</section>\n")
    assert second.startswith('<section class="flow-on level-1 appendix" data-title="附　录" '
                             'style="counter-reset: footnote 1"><h2 class="appendix-title" id="h3">')
    assert "counter-reset: footnote 2" in third and third.count("</section>") == 1 and "丙" in third
    assert "footnote 1" in sec.html_of(1, 3) and "乙" in sec.html_of(1, 3) and "丙" in sec.html_of(1, 3)
    assert "".join(x.split('">', 1)[1] if x.startswith("<section class=\"flow-on") else x
                   for x in (first.removesuffix("</section>\n"), second.removesuffix("</section>\n"), third)) == html
    # a theme copied from an older zhi cannot set the pieces: the sections are typeset whole
    assert [c.flows for c in body_chunks([html, html], 9)] == [False, True, True, False, True, True]
    assert [c.flows for c in body_chunks([html, html], 9, cut=False)] == [False, False]
    for whole in ('<section class="chapter level-2"><h2 class="chapter-title" id="h5">第一章</h2><p>丁</p></section>',
                  html.replace('class="chapter level-1', 'class="part'),
                  html.replace("</section>", "<section>戊</section></section>")):
        assert Section.of(whole).pieces == 1


def test_a_long_piece_is_set_in_parts_cut_at_its_elements():
    """A piece much longer than a chunk is set in parts: the section's elements are found where an HTML parser
    puts them (not inside another), and a part from an element on carries the section's running head, its
    footnote count and the top margin the element had where the layout began a page with it."""
    from zhi.writers.typeset import Section, _pick_cut, body_chunks

    entries = "".join(f'<p class="entry">第{i}条<span class="fn">注{i}</span></p>\n' for i in range(40))
    html = ('<section class="chapter level-1 chronology">\n<h1 class="chapter-title top" id="h1">大事记</h1>\n'
            '<h3 class="year">1950年</h3>\n' + entries + '<figure class="chart"><svg><path d="M0 0"/><text>图</text>'
            '</svg><figcaption>图一</figcaption></figure>\n<br>\n</section>\n')
    sec = Section.of(html)
    assert [tag for _, tag in sec.children] == ["h1", "h3"] + ["p"] * 40 + ["figure", "br"]
    assert all(html.startswith(f"<{tag}", o) for o, tag in sec.children)
    tenth = sec.children[12][0]
    part = sec.between(tenth, sec.end, margin=0)
    assert part.startswith('<section class="flow-on level-1 chronology" data-title="大事记" style="counter-reset: '
                           'footnote 10"><p class="entry" style="margin-top: 0.0px">第10条')
    assert part.endswith("</section>\n") and part.count("</section>") == 1
    assert sec.between(0, tenth).endswith('注9</span></p>\n</section>\n') and sec.between(0, sec.end) == html
    assert 'style="margin-top: 22.677px"' in sec.between(sec.children[1][0], tenth, margin=22.677)
    # the last page that begins with an element, with a page after it, and only where the tag agrees
    meta = {"pages": 5, "starts": [[1, 11, "p", 0], [3, 20, "p", 0], [4, 30, "p", 0]]}
    assert _pick_cut(sec, 0, sec.end, meta) == (3, sec.children[20][0], 0)
    assert _pick_cut(sec, 0, sec.end, {"pages": 5, "starts": [[3, 20, "h3", 0]]}) is None
    assert _pick_cut(sec, tenth, sec.end, {"pages": 5, "starts": [[2, 3, "p", 0]]}) == (2, sec.children[15][0], 0)
    # a piece of over one and a half chunks is set in parts, the first laid out as the section's beginning
    overview = '<section class="chapter level-1"><h1 class="chapter-title" id="h0">概述</h1><p>甲</p></section>\n'
    chunks = body_chunks([overview, html], 4)
    long = [c for c in chunks if c.long is not None]
    assert len(long) == 1 and long[0].long[0].html == html and long[0].html.startswith(html[:60])
    assert len(long[0].html) < len(html)
    assert all(c.long is None for c in body_chunks([html], 1))


def test_a_long_table_is_cut_between_rows_with_the_whole_tables_widths(monkeypatch):
    """A long table of a long section may be cut before any row of its body but the first and those under a cell
    that spans rows from above; a part that begins or ends inside it has the table's own tag with the widths
    measured on the whole table, its head, and the table closed after its last row."""
    from zhi.writers.typeset import Section, _pick_cut

    monkeypatch.setattr("zhi.writers.typeset.LONG_TABLE", 100)
    rows = ('<tr><td rowspan="2">县委</td><td>书记</td></tr>\n<tr><td>副书记</td></tr>\n'
            '<tr><td rowspan="1">县政府</td><td>县长</td></tr>\n<tr><td rowspan="1">县人大</td><td>主任</td></tr>\n')
    table = ('<table class="list">\n<thead><tr><th>机构</th><th>职务</th></tr></thead>\n<tbody>\n'
             + rows + '</tbody>\n</table>\n')
    html = ('<section class="chapter level-1 appendix">\n<h1 class="chapter-title top" id="h1">附　录</h1>\n'
            '<h2 class="appendix-title" id="h2">三、领导名录</h2>\n' + table + '<p>完</p>\n</section>\n')
    sec = Section.of(html)
    [t] = sec.tables
    assert [html[o:o + 11] for o in t.rows] == ["<tr><td row", "<tr><td>副书记", "<tr><td row", "<tr><td row"]
    assert sorted(t.cuts) == [t.rows[2], t.rows[3]]          # not the first row, nor the one under 县委
    assert [tag for _, tag in sec.children] == ["h1", "h2", "table", "p"]
    assert sec.ends == sorted([o for o, _ in sec.children] + [t.rows[2], t.rows[3]])
    measure = sec.measure_html(t)
    assert '<table data-measure="" class="list">' in measure and "县人大" in measure and "领导名录" not in measure and "完" not in measure
    sec.widths[t.open] = "400.0;100.5 299.5"
    first, second = sec.between(0, t.rows[2]), sec.between(t.rows[2], sec.end, margin=0)
    assert first.startswith(html[:html.index("<table")]) and first.count("</table>") == 1
    assert '<table class="list" data-widths="400.0;100.5 299.5">' in first and "副书记" in first
    assert first.endswith("</tr>\n</tbody></table>\n</section>\n") and "县政府" not in first
    assert second.startswith('<section class="flow-on level-1 appendix" data-title="附　录" style="counter-reset: '
                             'footnote 0"><table class="list" data-widths="400.0;100.5 299.5" style="margin-top: '
                             '0.0px">\n<thead><tr><th>机构</th><th>职务</th></tr></thead>\n<tbody>\n<tr><td rowspan="1">县政府')
    assert "县委" not in second and "完" in second and second.count("<table") == 1
    # a page of the part beginning inside the table that begins with the part's second row: the 县人大 row
    meta = {"pages": 4, "starts": [[2, 0, "table", 0, 1]]}
    assert _pick_cut(sec, t.rows[2], sec.end, meta) == (2, t.rows[3], 0)
    # in the whole section, the table's second row is under 县委's cell: no cut there
    assert _pick_cut(sec, 0, sec.end, {"pages": 4, "starts": [[2, 2, "table", 0, 1]]}) is None
    assert _pick_cut(sec, 0, sec.end, {"pages": 4, "starts": [[2, 2, "table", 0, 2]]}) == (2, t.rows[2], 0)


@pytest.mark.slow
def test_a_long_tables_widths_from_its_rows_measured_in_groups_are_the_whole_tables(monkeypatch):
    """The sample's long tables (here any over 2,000 characters), their rows measured in groups of some 3,000
    characters: the table measured with only the rows of its columns' widest cells has exactly the widths of the
    whole table measured in one (so its parts are laid out as in the whole), and far fewer rows."""
    from zhi.editions import filter_archive
    from zhi.history import derive_history
    from zhi.loader import load_archive
    from zhi.writers.book import BookWriter
    from zhi.writers.tablecols import measure
    from zhi.writers.typeset import Section

    monkeypatch.setattr("zhi.writers.typeset.LONG_TABLE", 2000)
    a = filter_archive(load_archive(ROOT), "public")
    writer = BookWriter(a, derive_history(a), ROOT / "theme")
    parts = writer.parts(None)

    def widths(html: str):
        return measure(writer.document("body", html, first_page=1, pad=True), str(ROOT))

    seen = 0
    for sec in map(Section.of, parts.sections[:parts.index_at]):
        for t in sec.tables:
            blocks, groups = sec.blocks(t), sec.row_groups(t, 3000)
            stats = [widths(sec.measure_html(t, blocks[g:h], "rows")) for g, h in groups]
            keep = sec.widest_blocks(t, groups, stats)
            assert widths(sec.measure_html(t, [blocks[i] for i in keep])) == widths(sec.measure_html(t))
            assert len(groups) > 1 and len(keep) < len(blocks) / 2
            seen += 1
    assert seen >= 3


def test_a_theme_from_an_older_zhi_typesets_sections_whole(tmp_path):
    """A project's theme copied before pieces could be set (no ``section.flow-on`` in its book.css) is not cut."""
    import shutil

    from zhi.writers.book import BookWriter

    shutil.copytree(ROOT / "theme" / "book", tmp_path / "book")
    writer = object.__new__(BookWriter)
    writer.theme = tmp_path / "book"
    assert writer.can_cut_sections()
    css = (tmp_path / "book" / "book.css").read_text(encoding="utf-8")
    (tmp_path / "book" / "book.css").write_text(css.replace("section.flow-on", "section.x"), encoding="utf-8")
    assert not writer.can_cut_sections()


def test_book_cache_keeps_editions_apart(tmp_path):
    """A chunk typeset for the internal edition is never taken for the public one from the shared cache, even
    where the two editions' text is the same: the public book is typeset afresh and bears no internal mark."""
    from conftest import make_archive
    from zhi.editions import filter_archive
    from zhi.history import derive_history
    from zhi.loader import load_archive
    from zhi.writers.book import INTERNAL_MARK, BookWriter
    from zhi.writers.typeset import typeset

    root = make_archive(tmp_path)
    cache = tmp_path / "cache"
    made = {}
    for edition in ("internal", "public"):
        a = filter_archive(load_archive(root), edition)
        made[edition] = typeset(BookWriter(a, derive_history(a), ROOT / "theme", edition), tmp_path / f"{edition}.pdf",
                                root, {"Title": "t"}, chunks=2, workers=1, cache=cache)
    internal, public = made["internal"], made["public"]
    assert internal.typeset_chunks >= internal.chunks + 1
    assert public.typeset_chunks >= public.chunks + 1, "the public book took chunks of the internal one"
    mark = "".join(INTERNAL_MARK.split())
    assert mark in "".join(run("pdftotext", str(tmp_path / "internal.pdf"), "-").split())
    assert mark not in "".join(run("pdftotext", str(tmp_path / "public.pdf"), "-").split())
    # and again, each from the cache: both still read as before
    a = filter_archive(load_archive(root), "public")
    again = typeset(BookWriter(a, derive_history(a), ROOT / "theme", "public"), tmp_path / "again.pdf", root,
                    {"Title": "t"}, chunks=2, workers=1, cache=cache)
    assert again.typeset_chunks == 0
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "public.pdf").read_bytes()


def test_a_cache_entry_of_the_wrong_shape_is_a_miss(tmp_path):
    """An entry whose metadata is whole JSON but not what zhi wrote (a page count in words, an anchor past the
    last page) is laid out again, not trusted and not a crash."""
    from zhi.writers import typeset as ts

    engine = ts._Engine(tmp_path, tmp_path / "cache", 1)
    for i, bad in enumerate(({"pages": "三", "anchors": {}}, {"pages": 2, "anchors": {"h1": 5}}, {"pages": 2},
                             [1, 2], {"pages": 0, "anchors": {}}, {"pages": 2, "anchors": {}, "starts": [[1, 2]]},
                             {"pages": 2, "anchors": {}, "sig": [3]})):
        (tmp_path / "cache" / f"k{i}.json").write_text(__import__("json").dumps(bad), encoding="utf-8")
        assert engine._load(f"k{i}") is None and not (tmp_path / "cache" / f"k{i}.json").exists()
    (tmp_path / "cache" / "p.json").write_text('{"pages": 2, "issues": [["1", "x"]]}', encoding="utf-8")
    (tmp_path / "cache" / "p.pdf").write_bytes(b"%PDF-1.7\n%%EOF\n")
    assert engine._load("p", pdf=True) is None
    (tmp_path / "cache" / "q.json").write_text('{"pages": 2, "anchors": {"h1": 1}}', encoding="utf-8")
    assert engine._load("q") == {"pages": 2, "anchors": {"h1": 1}}


def embedded_fonts(pdf: Path) -> dict[str, tuple[set[int], set[str]]]:
    """Font name (without its subset tag) -> object numbers of its embedded font programs, and its tags."""
    fonts: dict[str, tuple[set[int], set[str]]] = {}
    reader = PdfReader(str(pdf))
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            if font["/Subtype"] != "/Type0":
                continue
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            program = next(desc.raw_get(k) for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in desc)
            tag, _, name = desc["/FontName"][1:].rpartition("+")
            programs, tags = fonts.setdefault(name, (set(), set()))
            programs.add(program.idnum)
            tags.add(tag)
    return fonts


def test_chunked_book_embeds_each_font_once(chunked, monkeypatch):
    """Every chunk subsets the same fonts: the merged book embeds each font once, one subset with all the
    glyphs the chunks use, and reads and looks the same as with a subset per chunk."""
    import zhi.writers.typeset

    tmp = chunked.tmp
    fonts = embedded_fonts(tmp / "many.pdf")
    assert {"Noto-Serif-CJK-SC", "Noto-Sans-CJK-SC-Bold"} <= set(fonts), fonts
    for name, (programs, tags) in fonts.items():
        assert len(programs) == 1 and len(tags) == 1, (name, programs, tags)
    assert run("pdftotext", str(tmp / "many.pdf"), "-") == run("pdftotext", str(tmp / "one.pdf"), "-")

    # the same chunks (from the cache) merged without sharing: a program per chunk, the same text and pixels
    monkeypatch.setattr(zhi.writers.typeset, "share_font_programs", lambda writer, known=None: None)
    chunked.run("unshared.pdf", chunks=3, workers=2, cache=tmp / "cache")
    unshared = embedded_fonts(tmp / "unshared.pdf")
    assert sum(len(p) for p, _ in unshared.values()) > len(fonts)
    assert (tmp / "many.pdf").stat().st_size < (tmp / "unshared.pdf").stat().st_size
    assert run("pdftotext", str(tmp / "unshared.pdf"), "-") == run("pdftotext", str(tmp / "many.pdf"), "-")
    for name in ("many", "unshared"):
        subprocess.run(["pdftoppm", "-r", "50", str(tmp / f"{name}.pdf"), str(tmp / name)], check=True)
    shared_pages = sorted(tmp.glob("many-*.ppm"))
    assert shared_pages and len(shared_pages) == len(list(tmp.glob("unshared-*.ppm")))
    for page in shared_pages:
        other = tmp / page.name.replace("many-", "unshared-")
        assert page.read_bytes() == other.read_bytes(), page.name


def test_merge_reads_chunks_with_very_long_arrays():
    """A long chunk of a city-size volume has over 100,000 named destinations (one per index mention), more
    than pypdf reads by default; the merge must still take it."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, NameObject, NumberObject
    from zhi.writers.typeset import _merge

    w = PdfWriter()
    page = w.add_blank_page(100, 100)
    page[NameObject("/ZhiLong")] = ArrayObject(NumberObject(i) for i in range(150_000))
    buf = io.BytesIO()
    w.write(buf)
    merged = _merge([buf.getvalue(), buf.getvalue()], {"Title": "t"})
    info = subprocess.run(["pdfinfo", "-"], input=merged, capture_output=True, check=True).stdout.decode()
    assert re.search(r"Pages:\s+2\n", info)


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_numbering_a_laid_out_chunk_equals_weasyprint(edition, tmp_path):
    """A chunk laid out once from page 1 and numbered afterwards from page 7 (``folio.py``) is byte for byte the
    PDF WeasyPrint makes of the same chunk told to start on page 7: running heads, page numbers, the internal
    edition's mark on every page and a draft's foot line included."""
    from conftest import make_archive
    from weasyprint import HTML
    from zhi.history import derive_history
    from zhi.loader import load_archive
    from zhi.writers import wpfix  # noqa: F401
    from zhi.writers.book import BookWriter
    from zhi.writers.folio import number_pages, paginate

    root = make_archive(tmp_path)
    a = load_archive(root)
    writer = BookWriter(a, derive_history(a), ROOT / "theme", edition=edition)
    if edition == "internal":
        writer.book.stage = "征求意见稿"
    parts = writer.parts(None)
    content = "".join(parts.sections[: parts.index_at])
    told = HTML(string=writer.document("body", content, first_page=7, pad=True), base_url=str(root)).render()
    laid = paginate(writer.document("body", content, first_page=1, pad=True), str(root))
    assert len(laid.document.pages) == len(told.pages) > 4
    numbered = number_pages(laid, 7)
    assert numbered.write_pdf() == told.write_pdf()
    (tmp_path / "numbered.pdf").write_bytes(numbered.write_pdf())
    text = run("pdftotext", "-layout", str(tmp_path / "numbered.pdf"), "-").split("\f")
    feet = [(i, page.split()[-1]) for i, page in enumerate(text) if page.strip()]   # the last line: the folio
    folios = [(i, int(foot)) for i, foot in feet if foot.isdigit()]
    assert len(folios) > 2 and all(n == 7 + i for i, n in folios), folios
    if edition == "internal":
        assert all("征求意见稿" in page for page in text if page.strip())
    with pytest.raises(RuntimeError):
        number_pages(laid, 7)


def test_book_cache_key_follows_fonts_and_pictures(tmp_path, monkeypatch):
    """A cached chunk is reused only while everything its layout depends on is the same: its HTML (with the
    CSS, the edition and what the house style made of the text), WeasyPrint, the fonts installed and the
    pictures it shows."""
    import shutil

    from zhi.writers import typeset as ts

    ts._fingerprint.cache_clear()
    engine = ts._Engine(tmp_path, None, 1)
    picture = tmp_path / "cover.png"
    picture.write_bytes(b"\x89PNG one")
    html = f'<p>甲</p><img src="{picture.as_uri()}">'
    key = engine.key(html)
    assert engine.key(html) == key and engine.key(html.replace("甲", "乙")) != key
    # the same HTML for another edition is another chunk
    assert ts._Engine(tmp_path, None, 1, edition="internal").key(html) != key
    picture.write_bytes(b"\x89PNG another picture")
    assert engine.key(html) != key
    # a font added where fontconfig looks changes every key
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copyfile(next(p for p in map(Path, run("fc-list", "--format", "%{file}\n").splitlines())
                         if p.suffix in (".ttf", ".otf")), fonts / "added.ttf")
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f"<dir>{fonts}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>", encoding="utf-8")
    before = ts._fingerprint()
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    ts._fingerprint.cache_clear()
    try:
        assert ts._fingerprint() != before
    finally:
        ts._fingerprint.cache_clear()
