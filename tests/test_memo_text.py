"""记事 text is plain text in every output (zhi/plaintext.py): the site's 大事记, the [[大事记]] table in a chapter
(site and book), the book's 大事记, the Word copy, the open data and the search data all show what the editor
typed, character for character; raw HTML and a level marking are refused before any output."""

import html
import re
import subprocess

import pytest
from conftest import make_archive, with_theme, write
from zhi.build import BuildError, build_edition
from zhi.checks import run_checks
from zhi.loader import load_archive

# emphasis, a javascript: link and an attribute list, in one 记事 (in the chapter's [[大事记:cs-xian@1984..1990]])
TYPED = ["县革委会*生产指挥组*成立", "[通知](javascript:alert(1))", "{: onclick=alert(1)}", "A&amp;B"]
MEMO = f"""- id: memo-1985-markup
  date: 1985-06-01
  text: "{TYPED[0]}，见{TYPED[1]}{TYPED[2]}，{TYPED[3]}。"
  sources: [d-1956-1]
"""


# record text in a chapter's [[大事记]] table (the chronology of events): a name typed with the same marks
NAME = "测试县*生产*指挥组[通知](javascript:alert(1)){: onclick=alert(1)}"
EVENT = f"""- id: ev-zhihui
  type: establish
  date: 1985-06-01
  body: cs-zhihui
  name: "{NAME}"
  parent: cs-zhengfu
  jurisdiction: cs-xian
  sources: [d-1956-1]
"""


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


def attributes(page: str) -> list[tuple[str, str]]:
    """Every attribute of every element of an HTML page, as a browser reads them."""
    from html.parser import HTMLParser

    found: list[tuple[str, str]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend((n.lower(), v or "") for n, v in attrs)

    Collect().feed(page)
    return found


def visible(page: str) -> str:
    """The text a reader sees on an HTML page (tags dropped, entities read)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_markdown_looking_memo_text_is_named_and_a_level_or_html_refused(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/memos/m.yaml", MEMO)
    found = [f for f in run_checks(load_archive(root)) if f.code == "memo-markup"]
    assert len(found) == 1 and found[0].severity == "warning" and found[0].loc.line == 3
    message = found[0].message
    for piece in ("“*生产指挥组*”", "“[通知](javascript:alert(1))”", "“{: onclick=alert(1)}”"):
        assert piece in message, message
    for text, code in (("县委机构改革方案（秘密）印发。", "mark-word"), ("县委<b>机构改革</b>方案印发。", "raw-html")):
        write(root, "sources/memos/m.yaml", MEMO.replace(f'"{TYPED[0]}，见{TYPED[1]}{TYPED[2]}，{TYPED[3]}。"', text))
        errors = [f for f in run_checks(load_archive(root)) if f.severity == "error"]
        assert [(f.code, f.loc.file) for f in errors] == [(code, "sources/memos/m.yaml")], errors
        with pytest.raises(BuildError):
            build_edition(root, pdf=False)


@pytest.mark.slow
def test_memo_text_prints_as_typed_in_every_output(tmp_path):
    root = with_theme(make_archive(tmp_path))
    write(root, "sources/memos/m.yaml", MEMO)
    write(root, "sources/bodies/zz.yaml", "id: cs-zhihui\nkind: 政府工作部门\n")
    write(root, "sources/events/zz.yaml", EVENT)
    res = build_edition(root, pdf=True, docx=True)
    site = res.out
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    shown = {rel: squeeze(visible(t)) for rel, t in pages.items()}
    holding = sorted(rel for rel, t in shown.items() if squeeze(TYPED[0]) in t)
    assert "dashiji/index.html" in holding, holding          # the 记事 on the 大事记 pages
    named = sorted(rel for rel, t in shown.items() if squeeze(NAME) in t)
    assert "zhi/p1/c1/index.html" in named, named               # the name in the chapter's [[大事记]] table
    whole = squeeze("，见".join(TYPED[:2]) + TYPED[2] + "，" + TYPED[3] + "。")
    for rel in holding + named:
        if rel.startswith("wenjian/") and rel in holding:
            # a document's 引用本条的页面 list shows each citing record's opening words (cut with …): as typed so far
            cut = re.search(re.escape(squeeze(TYPED[0])) + r"[^…]*…", shown[rel])
            assert cut and whole.startswith(cut.group(0)[:-1]), (rel, cut)
            continue
        for typed in TYPED if rel in holding else [NAME]:
            assert squeeze(typed) in shown[rel], (rel, typed)
        assert not re.search(r"<(em|strong)>生产", pages[rel]), rel
        attrs = attributes(pages[rel])
        assert not any(name.startswith("on") for name, _ in attrs), rel
        assert not any(name in ("href", "src") and value.strip().lower().startswith("javascript") for name, value in attrs)
    outputs = {
        "PDF": subprocess.run(["pdftotext", str(site / "zhi.pdf"), "-"], capture_output=True, text=True,
                              check=True).stdout,
        "DOCX": subprocess.run(["pandoc", "-t", "plain", "--wrap=none", str(site / "zhi.docx")], capture_output=True,
                               text=True, check=True).stdout if _has_pandoc() else _docx_text(site / "zhi.docx"),
        "open data": "".join(p.read_text(encoding="utf-8-sig", errors="replace") for p in site.rglob("*")
                             if p.suffix in (".csv", ".json", ".jsonld") and "search" not in p.parts),
        "search": "".join(p.read_text(encoding="utf-8", errors="replace") for p in (site / "search").rglob("*")
                          if p.is_file() and p.suffix in (".json", ".txt")),
    }
    for name, text in outputs.items():
        flat = squeeze(text.replace("\\/", "/"))
        # the open data has no table of 记事 (only records): there the name stands for record text
        for typed in [NAME] if name == "open data" else [*TYPED, NAME]:
            assert squeeze(typed) in flat, (name, typed)
    # the book prints the name as typed in the chapter's tables (一览, 大事记) as well as in its own 大事记
    pdf = site / "zhi.pdf"
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                            check=True).stdout).group(1))
    # -raw: each cell's text in the order it is typeset (the default layout interleaves a cell wrapped over two lines
    # with the next column's text)
    chapter = next(squeeze(t) for n in range(1, pages + 1) if "第一章计划经济机构" in (t := squeeze(subprocess.run(
        ["pdftotext", "-raw", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True,
        check=True).stdout))
        and "机构设置一览（" in t)
    assert chapter.count(squeeze(NAME)) == 2, chapter


def _has_pandoc() -> bool:
    from shutil import which

    return which("pandoc") is not None


def _docx_text(path) -> str:
    import pypandoc
    from zhi.writers.docx import _pandoc_env

    _pandoc_env()
    return pypandoc.convert_file(str(path), "plain", format="docx", extra_args=["--wrap=none"])


def test_the_guides_memo_example_prints_what_the_guide_says(tmp_path):
    from conftest import ROOT

    guide = (ROOT / "guide" / "dashiji.md").read_text(encoding="utf-8")
    part = guide[guide.index("**记事的文字照原样印出"):]
    record = re.search(r"```yaml\n(.*?)```", part, re.DOTALL).group(1).replace("doc-lx-zuzhishi", "d-1956-1")
    said = re.search(r"```text\n(.*?)\n```", part, re.DOTALL).group(1)
    root = make_archive(tmp_path)
    write(root, "sources/memos/1968.yaml", record)
    [f] = [f for f in run_checks(load_archive(root)) if f.code == "memo-markup"]
    assert f.as_text() == said
