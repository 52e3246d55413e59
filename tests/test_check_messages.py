"""Checks that were missing or misleading: each message says what is really wrong, with the archive's own dates."""

import re

import pytest
from conftest import digest, make_archive, with_theme, write
from zhi.checks import run_checks
from zhi.loader import load_archive


def found(root, code):
    return [f for f in run_checks(load_archive(root)) if f.code == code]


def test_parent_not_alive_shows_the_gap_in_the_parents_life(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", """
- id: ev-a
  type: abolish
  date: 1968-01
  body: cs-jingwei
  sources: [d-1956-1]
- id: ev-b
  type: establish
  date: 1978-05
  body: cs-jingwei
  name: 测试县经济委员会
  short: 县经委
  parent: cs-zhengfu
  sources: [d-1956-1]
- id: ev-c
  type: reparent
  date: 1972
  body: cs-jiwei
  parent: cs-jingwei
  sources: [d-1956-1]
""")
    fs = found(root, "parent-not-alive")
    assert len(fs) == 1
    assert "1956年6月1日—1968年1月、1978年5月—1984年3月12日" in fs[0].message
    assert "今" not in fs[0].message


def test_body_no_origin_example_follows_the_books_upper_limit(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/extra.yaml", "id: cs-nongye\nkind: 政府工作部门\n")
    book = root / "chronicle/book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("upper: 1949", "upper: 1912"), encoding="utf-8")
    fs = found(root, "body-no-origin")
    assert len(fs) == 1 and "“1912前”" in fs[0].message and "1950前" not in fs[0].message


def test_staffing_event_on_a_jurisdiction_is_refused_clearly(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", """
- id: ev-s
  type: staffing
  date: 1990
  body: cs-xian
  staffing: {行政编制: 300}
  sources: [d-1990-3]
""")
    fs = found(root, "ref-wrong-kind")
    assert len(fs) == 1 and fs[0].loc.line == 5
    assert "行政区划" in fs[0].message and "guide/staffing.md" in fs[0].message


def test_abolish_handing_functions_to_itself_and_reparent_to_itself(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", """
- id: ev-a
  type: abolish
  date: 1970
  body: cs-jingwei
  functions_to: [cs-jingwei]
  sources: [d-1956-1]
- id: ev-b
  type: reparent
  date: 1960
  body: cs-jiwei
  parent: cs-jiwei
  sources: [d-1956-1]
""")
    assert sorted(f.loc.line for f in found(root, "event-same-body")) == [6, 12]


def _build_no_pdf(root):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "zhi.cli", "--root", str(root), "build", "--no-pdf"],
                          capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.slow
def test_build_without_pdf_keeps_the_last_pdf_and_says_so(tmp_path):
    from pypdf import PdfWriter

    root = with_theme(make_archive(tmp_path))
    (root / "site").mkdir()
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    with open(root / "site/zhi.pdf", "wb") as fh:
        w.write(fh)
    before = (root / "site/zhi.pdf").read_bytes()
    import zipfile

    with zipfile.ZipFile(root / "site/zhi.docx", "w") as z:   # the last Word copy is kept as well (tester)
        z.writestr("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>上一次的Word稿</w:t></w:r></w:p>"
                                        "</w:body></w:document>")
    word = (root / "site/zhi.docx").read_bytes()
    proc = _build_no_pdf(root)
    assert proc.returncode == 0, proc.stderr
    assert "保留了上一次生成的" in proc.stdout and "zhi.pdf" in proc.stdout
    assert (root / "site/zhi.pdf").read_bytes() == before
    assert (root / "site/zhi.docx").read_bytes() == word
    home = (root / "site/index.html").read_text(encoding="utf-8")
    assert 'href="zhi.pdf"' in home and "上一次完整生成时的 PDF" in home
    # a second site-only build still keeps it
    assert _build_no_pdf(root).returncode == 0 and (root / "site/zhi.pdf").read_bytes() == before


@pytest.mark.slow
def test_build_without_pdf_and_no_earlier_pdf_links_none(tmp_path):
    root = with_theme(make_archive(tmp_path))
    proc = _build_no_pdf(root)
    assert proc.returncode == 0, proc.stderr
    assert "此前也没有生成过" in proc.stdout
    assert not (root / "site/zhi.pdf").exists()
    assert "zhi.pdf" not in (root / "site/index.html").read_text(encoding="utf-8")


def test_full_width_colon_after_a_key_is_named_on_its_own_line(tmp_path):
    # the editor typed "name：" with the Chinese colon; the parser only fails on the line after it
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", "- id: ev-a\n  type: establish\n  name：测试县档案局\n  date: 1956-03\n")
    (f,) = found(root, "yaml-syntax")
    assert f.loc.file == "sources/events/x.yaml" and f.loc.line == 3
    assert "中文冒号" in f.message


@pytest.mark.parametrize("after,said", [("\u3000", "〔全角空格 U+3000〕"), ("\u00a0", "〔不换行空格 U+00A0〕"),
                                        ("", "后面没有空格")], ids=["U+3000", "U+00A0", "none"])
def test_a_key_whose_colon_is_not_followed_by_a_space_is_named_on_its_own_line(tmp_path, after, said):
    """Review tester: “wording:　建立” (U+3000 right after the colon) was reported on the next line as 缺少冒号."""
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", f"- id: ev-a\n  type: establish\n  wording:{after}建立\n  date: 1956-03\n")
    (f,) = found(root, "yaml-syntax")
    assert f.loc.file == "sources/events/x.yaml" and f.loc.line == 3
    assert said in f.message and "“wording: 建立”" in f.message and "缺少" not in f.message


def test_an_ordinary_syntax_error_is_not_blamed_on_a_colon_in_text(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", "- id: ev-a\n  note: 据档案：原件缺页\n   type: establish\n")
    (f,) = found(root, "yaml-syntax")
    assert f.loc.line == 3 and "中文冒号" not in f.message


def test_a_merge_key_is_refused_as_a_merge_key_on_its_line(tmp_path):
    """Tester run 2 (C-B3): a tiny file with an anchor and a merge key was refused as “展开后远远大于文件本身”."""
    root = make_archive(tmp_path)
    write(root, "sources/bodies/x.yaml", "- &base\n  id: cs-a\n  kind: 其他\n  classification: 秘密\n"
          "- <<: *base\n  id: cs-b\n- id: cs-c\n  kind: 其他\n")
    (f,) = found(root, "yaml-syntax")
    assert f.loc.file == "sources/bodies/x.yaml" and f.loc.line == 5
    assert "合并键" in f.message and "远远大于" not in f.message and "<<" in f.message
    # an alias that expands far beyond the file is still refused for its size
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefg", "bcdefgh", strict=True))
    write(root, "sources/bodies/x.yaml", bomb)
    (f,) = found(root, "yaml-syntax")
    assert "远远大于文件本身" in f.message


@pytest.mark.parametrize("value", [">1960", "|1960", "*1960", "&1960", "&甲 县档案局", "!1960", "%1960", "@1960",
                                   "`1960", "? 1960", "- 1960", "#1960"])
def test_a_value_beginning_with_a_yaml_sign_asks_for_double_quotes_on_its_line(tmp_path, value):
    """Tester part C: `date: >1960` gave the parser's English; `&`, `!` and `#1960` even parsed silently into
    something else (an anchor dropped, a tag, a comment leaving the key empty). Each names file, line and the fix."""
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml",
          f"- id: ev-a\n  type: rename\n  body: cs-jiwei\n  date: {value}\n  name: 测试县计划局\n")
    (f,) = found(root, "yaml-syntax")
    assert f.loc.file == "sources/events/x.yaml" and f.loc.line == 4
    assert f"以“{value[0]}”开头" in f.message and "加双引号" in f.message and f'date: "{value}"' in f.message
    # quoted, the same value is text and the file reads
    write(root, "sources/events/x.yaml",
          f"- id: ev-a\n  type: rename\n  body: cs-jiwei\n  date: \"{value}\"\n  name: 测试县计划局\n")
    assert not found(root, "yaml-syntax")


DOC_HEAD = "- id: {id}\n  number: 测编〔1984〕{n}号\n  issuer: 测试县人民政府\n  date: 1984-03-01\n  title: 关于{id}的通知\n"


@pytest.mark.parametrize("records,lines", [
    ([("d9", "&lvl 秘密")], [6]),                                   # an anchor on the level: dropped by YAML
    ([("d9", '&lvl "秘密"'), ("d10", "*lvl")], [6, 12]),             # quoted anchor, then an alias to it
    ([("d9", "&lvl\n    秘密"), ("d10", "*lvl")], [6, 13]),          # the anchored value on the next line
    ([("d9", "!!str &lvl 秘密")], [6]),                               # a tag before the anchor
])
def test_a_level_written_with_a_yaml_anchor_or_alias_is_held_at_the_highest_level(tmp_path, records, lines):
    """Tester: the message for `classification: &lvl 秘密` suggested quoting it (`"&lvl 秘密"`), which is no level at
    all; and an alias read a level from elsewhere in the file without a word. A level written with an anchor or an
    alias is now an error on its line that says to write the level itself, and the record is 绝密 until mended."""
    root = make_archive(tmp_path)
    write(root, "sources/documents/x.yaml", "".join(DOC_HEAD.format(id=rid, n=9 + i) + f"  classification: {v}\n"
                                                    for i, (rid, v) in enumerate(records)))
    a = load_archive(root)
    for rid, _v in records:
        assert str(a.documents[rid].classification) == "绝密"
    fs = [f for f in run_checks(a) if f.code in ("classification-invalid", "yaml-syntax")]
    assert [(f.code, f.loc.file, f.loc.line) for f in fs] == [
        ("classification-invalid", "sources/documents/x.yaml", n) for n in lines], [f.as_text() for f in fs]
    for f in fs:
        assert "请照原件直接写出密级，如 classification: 秘密" in f.message and "按绝密处理" in f.message
        assert "加双引号" not in f.message and 'classification: "&' not in f.message


@pytest.mark.parametrize("value", ["*lvl", "&秘密 公开"])   # an alias to no anchor; an anchor YAML cannot name
def test_a_level_yaml_cannot_read_as_an_anchor_or_alias_is_told_to_write_the_level_not_to_quote_it(tmp_path, value):
    root = make_archive(tmp_path)
    write(root, "sources/documents/x.yaml", DOC_HEAD.format(id="d9", n=9) + f"  classification: {value}\n")
    a = load_archive(root)
    assert "d9" not in a.documents   # the file is not read at all: nothing of it is published
    (f,) = [f for f in run_checks(a) if f.code == "yaml-syntax"]
    assert f.loc.line == 6 and "请照原件直接写出密级，如 classification: 秘密" in f.message
    assert "加双引号" not in f.message and f'classification: "{value}"' not in f.message


def test_a_comment_after_an_empty_key_and_block_text_are_not_taken_for_slips(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", "- id: ev-a\n  type: rename\n  body: cs-jiwei\n  date: 1962\n"
          "  name: 测试县计划局\n  note: >\n    据档案，\n    原件缺页。\n  sources:   # 来源文件\n    - d-1\n")
    assert not found(root, "yaml-syntax")


def test_every_independent_mistake_of_a_record_is_reported_in_one_run(tmp_path):
    """Tester part C: an event with a misspelt type, a bad date, a list for its name and an unknown level reported
    only the type; the editor mended one mistake per run. The keys every event type reads alike are checked too."""
    root = make_archive(tmp_path)
    write(root, "sources/events/y.yaml", "- id: ev-b\n  type: renam\n  body: cs-jiwei\n  date: 1962.13\n"
          "  name: [测试县计划局]\n  classification: 秘\n")
    got = {(f.code, f.loc.line) for f in run_checks(load_archive(root)) if f.loc.file == "sources/events/y.yaml"}
    assert got == {("event-type", 2), ("date-invalid", 4), ("schema-type", 5), ("classification-invalid", 6)}


def test_draft_and_hidden_files_are_named_and_never_published(tmp_path):
    """A file (or folder) whose name begins with _ or . is a draft or hidden: zhi check names it (file-skipped),
    it is not read, so nothing of it reaches the site; a 篇目 listing one is refused (draft-listed)."""
    from conftest import with_theme
    from zhi.build import BuildError, build_edition

    root = with_theme(make_archive(tmp_path))
    write(root, "sources/bodies/_draft.yaml", "id: cs-caogao\nkind: 政府工作部门\nnote: 草稿金丝雀甲\n")
    write(root, "sources/bodies/.hidden/x.yaml", "id: cs-yincang\nkind: 政府工作部门\nnote: 隐藏金丝雀乙\n")
    write(root, "chronicle/p1/_c2.md", "# 第二章\n\n草稿金丝雀丙。\n")
    archive = load_archive(root)
    assert not {"cs-caogao", "cs-yincang"} & set(archive.bodies)
    skipped = found(root, "file-skipped")
    assert sorted(f.loc.file for f in skipped) == ["chronicle/p1/_c2.md", "sources/bodies/.hidden/x.yaml",
                                                   "sources/bodies/_draft.yaml"]
    assert all(f.severity == "warning" and "未读入" in f.message for f in skipped)
    assert "“.hidden/”" in skipped[1].message and "隐藏文件" in skipped[1].message
    assert not found(root, "chapter-unlisted")
    res = build_edition(root, pdf=False)
    text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in res.out.rglob("*") if p.is_file()
                   and p.suffix in (".html", ".json", ".csv", ".jsonld", ".js", ".xml", ".txt"))
    assert "<html" in text and not any(c in text for c in ("金丝雀", "cs-caogao", "cs-yincang"))
    book = root / "chronicle/book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("[p1/c1.md]", "[p1/c1.md, p1/_c2.md]"), encoding="utf-8")
    fs = found(root, "draft-listed")
    assert len(fs) == 1 and fs[0].severity == "error" and fs[0].loc.line == 7 and "p1/_c2.md" in fs[0].message
    with pytest.raises(BuildError):
        build_edition(root, pdf=False)
    # a document's full text named explicitly is refused the same way
    write(root, "sources/documents/_jiaodui/d9.md", "# 全文\n\n草稿金丝雀丁。\n")
    write(root, "sources/documents/d9.yaml", "id: d-1990-9\ntitle: 关于测试的通知\ndate: 1990-01-01\n"
                                             "transcription: _jiaodui/d9.md\n")
    fs = [f for f in found(root, "draft-listed") if f.loc.file == "sources/documents/d9.yaml"]
    assert len(fs) == 1 and fs[0].loc.line == 4 and "“_jiaodui/”" in fs[0].message
    assert load_archive(root).documents["d-1990-9"].transcription is None


@pytest.mark.parametrize("rel,text,line,tip", [
    # a 拼音 slip: 南 for 男
    ("sources/people/x.yaml", "id: p-li\nname: 李华\ngender: 南\n", 3, "是否应为“男”？"),
    ("sources/people/x.yaml", "id: p-li\nname: 李华\ngender: 女性\n", 3, "是否应为“女”？"),
    # functions written as one line instead of a list: the list form is shown
    ("sources/bodies/x.yaml", "id: cs-wujia\nkind: 政府工作部门\nfunctions: 管理物价；检查市场\nscope: in\n", 3,
     "functions:\n  - 管理物价\n  - 检查市场"),
    ("sources/bodies/x.yaml", "id: cs-wujia\nkind: 政府工作部门\nscope: IN\n", 3, "是否应为“in”？"),
    ("sources/bodies/x.yaml", "id: cs-wujia\nkind: 政府工作部门\nscope: 本志外\n", 3, "是否应为“out”？"),
    ("sources/staffing/x.yaml", ("body: cs-jijingwei\ndate: 1991\nbasis: 和定\nfigures: {行政编制: 10}\n"
     "sources: [d-1990-3]\n"), 3, "是否应为“核定”？"),
    ("sources/staffing/x.yaml", ("body: cs-jijingwei\ndate: 1991\nbasis: 实际\nfigures: {行政编制: 10}\n"
     "sources: [d-1990-3]\n"), 3, "是否应为“实有”？"),
    ("sources/events/x.yaml", ("- id: ev-t\n  type: transfer\n  date: 1990\n  from: cs-jiwei\n  to: cs-jijingwei\n"
     "  functions: 物价管理\n  sources: [d-1990-3]\n"), 6, "functions:\n  - 物价管理"),
    ("chronicle/book.yaml", "title: 测试县机构编制志\nupper: 1949\nlower: 2000\nfront: [fanli.md]\nparts:\n  - title: 第一篇 综合经济管理机构\n    chapters: [p1/c1.md]\nback: []\nrenderer: MkDocs\n", 9, "是否应为“mkdocs”？"),
    ("chronicle/book.yaml", "title: 测试县机构编制志\nupper: 1949\nlower: 2000\nfront: [fanli.md]\nparts:\n  - title: 第一篇 综合经济管理机构\n    chapters: [p1/c1.md]\nback: []\ndashiji_form: 日其\n", 9, "是否应为“日期”？"),
    ("chronicle/p1/c1.md", "---\ntitle: 第一章 计划经济机构\nstatus: 修改搞\n---\n\n# 第一章 计划经济机构\n", 3,
     "是否应为“修改稿”？"),
])
def test_closed_list_values_are_refused_with_what_was_meant(tmp_path, rel, text, line, tip):
    """A value outside a field's closed list is refused on its line, saying which value was meant (a 拼音 slip,
    capitals, the nearest spelling), or, for a list written as one line, the list form."""
    root = make_archive(tmp_path)
    write(root, rel, text)
    fs = [f for f in run_checks(load_archive(root)) if f.loc.file == rel and f.code.startswith("schema-")]
    assert [(f.code, f.loc.line) for f in fs] == [("schema-value" if "functions" not in tip else "schema-type", line)]
    assert tip in fs[0].message


RANKED = """
- id: ev-r
  type: establish
  date: 1966-05-10
  body: cs-new
  name: 测试县物价局
  parent: cs-zhengfu
  rank: 正科级
  sources: [d-r]
"""
DOC_R = "id: d-r\nnumber: 测〔1966〕9号\nissuer: 测试县人民委员会\ndate: 1966-05-01\ntitle: 关于设立县物价局的通知\n"


@pytest.mark.parametrize("text,warned", [
    ("决定设立县物价局，为县人民委员会工作部门。", True),   # the whole text says nothing of ranks
    ("决定设立县物价局，为县人民委员会工作部门，正科级。", False),
    ("决定设立县物价局，规格另定。", False),                 # it speaks of ranks: the editor's reading is not judged
    ("决定设立县物价局……（原件此处缺页）", False),           # a page missing may have said it
    (None, False),                                            # no transcription: nothing to compare with
])
def test_a_rank_its_transcribed_source_never_mentions_is_named(tmp_path, text, warned):
    """The sample's 1983 河东区 bodies were 正科级 where 青发〔1983〕45号's whole text gives no rank (review tester)."""
    root = make_archive(tmp_path)
    write(root, "sources/bodies/new.yaml", "id: cs-new\nkind: 政府工作部门\n")
    write(root, "sources/events/x.yaml", RANKED)
    write(root, "sources/documents/d-r.yaml", DOC_R)
    if text is not None:
        write(root, "sources/documents/d-r.md", f"# 关于设立县物价局的通知\n\n{text}\n")
    fs = found(root, "rank-unsourced")
    assert bool(fs) == warned, fs
    if warned:
        assert fs[0].severity == "warning" and fs[0].loc.file == "sources/events/x.yaml" and 2 <= fs[0].loc.line <= 9
        assert "测试县物价局" in fs[0].message and "正科级" in fs[0].message and "测〔1966〕9号" in fs[0].message
        assert "删去 rank" in fs[0].message


def test_the_sample_gives_no_rank_its_transcribed_sources_lack():
    """About 30 sample events (河东区 1983, the 1984 townships, 1949, 1962, 2002, 2010) had ranks no cited text gave."""
    from conftest import ROOT
    assert found(ROOT, "rank-unsourced") == []


def test_places_on_a_bodys_establishment_says_what_places_is_for(tmp_path):
    """places on a body's establish was told “设立事件应引用行政区划，但…是机构”, as if the body were the mistake."""
    root = make_archive(tmp_path)
    write(root, "sources/bodies/new.yaml", "id: cs-new\nkind: 政府工作部门\n")
    write(root, "sources/events/x.yaml", """
- id: ev-p
  type: establish
  date: 1966-05-10
  body: cs-new
  name: 测试县物价局
  parent: cs-zhengfu
  places: [城关镇]
  sources: [d-1956-1]
""")
    fs = found(root, "ref-wrong-kind")
    assert len(fs) == 1 and fs[0].loc.file == "sources/events/x.yaml" and fs[0].loc.line == 5
    msg = fs[0].message
    assert "places" in msg and "城关镇" in msg and "测试县物价局" in msg and "请删去 places" in msg
    assert "应引用行政区划" not in msg


@pytest.mark.parametrize("scope,said,unsaid", [
    ("民主党派", "“民主党派”", "“等”"),
    ("县政府工作部门等", "“等”字", "民主党派"),
])
def test_a_count_not_compared_names_the_word_of_its_own_scope(tmp_path, scope, said, unsaid):
    """count-not-compared said “含‘等’” of a scope with no 等 in it: it names the words the scope really has."""
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml",
          f"- {{id: c1, type: 机构数, date: 1961, body: cs-xian, scope: {scope}, count: 3, sources: [d-1956-1]}}\n")
    fs = found(root, "count-not-compared")
    assert len(fs) == 1 and said in fs[0].message and unsaid not in fs[0].message, fs


# the common YAML slips, each told in Chinese where it is (line, column) and what to write, with no parser English
YAML_SLIPS = [
    ("tab", "- id: ev-a\n\ttype: establish\n", 2, 1, ["制表符", "换成空格"]),
    ("unclosed double quote", "- id: ev-a\n  name: \"测试县\n  type: establish\n", 2, 9, ["双引号", "没有闭合", "补上"]),
    ("unclosed single quote", "- id: ev-a\n  name: '测试县\n  type: establish\n", 2, 9, ["单引号", "没有闭合"]),
    ("unclosed bracket", "- id: ev-a\n  sources: [d-1, d-2\n  type: establish\n", 2, 12, ["“[”没有闭合", "[甲, 乙]"]),
    ("indented too far", "- id: ev-a\n  type: establish\n   name: x\n", 3, 4, ["多缩进了 1 格", "对齐"]),
    ("indented too little", "- id: ev-a\n  type: establish\n name: x\n", 3, 2, ["缩进", "左对齐"]),
    ("colon in text", "- id: ev-a\n  note: 见: 某文\n", 2, 10, ["英文冒号", "引号括起"]),
    ("missing colon", "- id: ev-a\n  type establish\n  name: x\n", 2, 3, ["“type establish”", "缺少冒号", "键: 值"]),
]


@pytest.mark.parametrize("label,text,line,col,said", YAML_SLIPS, ids=[s[0] for s in YAML_SLIPS])
def test_a_yaml_slip_is_told_in_chinese_with_line_and_column(tmp_path, label, text, line, col, said):
    """YAML errors ended with the parser's English (“（解析器原文：found unexpected end of stream）”), and an unclosed
    quote was reported at the end of the file, not where it opens."""
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", text)
    (f,) = found(root, "yaml-syntax")
    assert f.loc.file == "sources/events/x.yaml" and f.loc.line == line, f
    assert f"第 {line} 行第 {col} 列" in f.message, f.message
    assert all(w in f.message for w in said), f.message
    assert "解析器原文" not in f.message and not re.search(  # no parser English
        r"\b(found|expected|while|scanning|parsing|mapping|stream|token|allowed)\b", f.message), f.message


def test_a_duplicate_key_is_told_with_both_lines(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", "- id: ev-a\n  type: establish\n  type: abolish\n")
    (f,) = found(root, "yaml-duplicate-key")
    assert f.loc.line == 3 and "第 2 行已有" in f.message and "type" in f.message


def test_a_refused_build_says_plainly_that_site_was_not_updated_and_keeps_the_last_good_one(tmp_path):
    """An editor who publishes site/ after a refused build would publish the old site believing it new: the refusal
    says that site/ was not updated and is the build of its date, and keeps it (and its PDF) untouched."""
    from zhi.build import BuildError, build_edition

    root = with_theme(make_archive(tmp_path))
    with pytest.raises(BuildError) as first:   # nothing built yet: no site to mistake for a new one
        write(root, "sources/posts/bad.yaml", "- {person: p-nobody, body: cs-jiwei, post: 主任, from: 1957, "
                                              "sources: [d-1956-1]}\n")
        build_edition(root, pdf=False)
    assert "没有生成网站" in str(first.value) and "里没有可发布的网站" in str(first.value)
    (root / "sources/posts/bad.yaml").unlink()
    build_edition(root, pdf=False)
    (root / "site/zhi.pdf").write_bytes(b"%PDF-1.4 the last good book")
    before = digest(root / "site")
    write(root, "sources/posts/bad.yaml", "- {person: p-nobody, body: cs-jiwei, post: 主任, from: 1957, "
                                          "sources: [d-1956-1]}\n")
    with pytest.raises(BuildError) as refused:
        build_edition(root, pdf=False)
    said = str(refused.value)
    assert said.startswith("档案检查有 1 个错误，未生成网站"), said
    assert f"注意：{root / 'site'} 没有更新，里面仍是 " in said, said
    assert "生成的上一版网站（连同那时的 zhi.pdf，原样保留），不含这次的修改；请勿把它当作新版发布" in said, said
    assert digest(root / "site") == before


def test_a_build_refused_for_a_secrecy_reason_sets_the_last_site_aside(tmp_path):
    """The last site may hold the very material a secrecy refusal stops (a mark now found in a chapter it printed):
    it is moved out of site/ to site.stale-<its date>, never left to be served; a refusal for another reason keeps
    it (test above)."""
    from zhi.build import BuildError, SecrecyError, build_edition

    root = with_theme(make_archive(tmp_path))
    build_edition(root, pdf=False)
    (root / "site/zhi.pdf").write_bytes(b"%PDF-1.4 the last good book")
    before = digest(root / "site")
    write(root, "sources/documents/leak.yaml", "- id: doc-leak\n  title: 关于机构设置的通知\n  note: 此件不公开\n")
    with pytest.raises(SecrecyError) as refused:
        build_edition(root, pdf=False)
    said = str(refused.value)
    (aside,) = [p for p in root.iterdir() if p.name.startswith("site.stale-")]
    assert not (root / "site").exists() and digest(aside) == before
    assert "not-public-word" in said and "这是保密方面的原因" in said, said
    assert f"已从 {root / 'site'} 移到 {aside}：{root / 'site'} 现在没有网站，不会被当作新版发布。请勿发布 {aside.name}" in said
    # refused again: nothing left in site/ to move, nothing overwritten
    with pytest.raises(BuildError) as again:
        build_edition(root, pdf=False)
    assert "没有生成网站" in str(again.value) and digest(aside) == before
