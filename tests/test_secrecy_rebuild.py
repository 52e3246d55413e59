"""Caches and incremental builds (attacked): a record public at one build and raised to 秘密 before the next.

* The site's working tree (.cache/build/) re-renders what changed: no page, search segment or sitemap entry of the
  record survives into the next build, with either renderer.
* `zhi build --no-pdf` (and a build without --docx) carries the previous book files over unchanged: a book made
  while the record was public holds it. The leak scan refuses the build (fail closed, as before), and the refusal
  now says that the file is the earlier build's, kept by --no-pdf, and how to mend it (before, it only listed the
  finds in zhi.docx, and an editor who had just raised the level could not tell why)."""

import os
import subprocess
from pathlib import Path

import pytest
from conftest import make_archive, with_theme, write
from zhi.build import BuildError, build_edition
from zhi.leaks import scan
from zhi.writers.docx import _pandoc_env

CANARY = "鹭洲CANARYQ3"


def _files(root: Path, level: str) -> None:
    write(root, "sources/bodies/x.yaml", f"- {{id: cs-luzhou, kind: 政府工作部门, classification: {level}}}\n")
    write(root, "sources/documents/x.yaml", f"""
- {{id: d-lz, number: 测编〔1991〕8号, issuer: 测试县机构编制委员会, date: 1991-02-05,
   title: 关于设立{CANARY}办公室的通知, classification: {level}}}
""")
    write(root, "sources/events/x.yaml", f"""
- {{id: ev-lz, type: establish, date: 1991-02-05, body: cs-luzhou, name: 测试县{CANARY}办公室, parent: cs-zhengfu,
   jurisdiction: cs-xian, sources: [d-lz], classification: {level}}}
""")


def _holding(folder: Path, *needles: str) -> list[str]:
    out = subprocess.run(["grep", "-rlF", *(x for n in needles for x in ("-e", n)), str(folder)],
                         check=False, capture_output=True, text=True).stdout
    return out.split()


@pytest.mark.parametrize("renderer", ["mkdocs", "zensical"])
def test_a_record_raised_to_secret_leaves_no_page_behind_in_the_next_build(tmp_path, renderer):
    root = with_theme(make_archive(tmp_path))
    _files(root, "公开")
    first = build_edition(root, pdf=False, renderer=renderer)
    assert len(_holding(first.out, CANARY)) > 10     # its page, the 大事记, the search data, the open data …
    _files(root, "秘密")
    second = build_edition(root, pdf=False, renderer=renderer)
    assert _holding(second.out, CANARY, "cs-luzhou", "d-lz", "测编〔1991〕8号") == []
    assert not (second.out / "jigou" / "cs-luzhou").exists()


def test_a_book_kept_by_no_pdf_that_holds_a_record_now_secret_is_refused_and_the_refusal_says_why(tmp_path):
    root = with_theme(make_archive(tmp_path))
    _files(root, "公开")
    build_edition(root, pdf=False, docx=True)
    _files(root, "秘密")
    with pytest.raises(BuildError) as refused:
        build_edition(root, pdf=False)
    msg = str(refused.value)
    assert "zhi.docx：发现" in msg and CANARY in msg
    # the Word file is kept because --docx was not given (not because of --no-pdf, which keeps only a PDF)
    assert "zhi.docx 是上一次生成、这次没有加 --docx而原样保留的" in msg and "请加 --docx 重新生成 Word 稿。" in msg
    assert "--no-pdf" not in msg
    # the earlier output (published before, holding the record now secret) is set aside, out of site/ …
    (aside,) = [p for p in root.iterdir() if p.name.startswith("site.stale-")]
    assert _holding(aside, CANARY) and not (root / "site").exists() and f"移到 {aside}" in msg
    again = build_edition(root, pdf=False, docx=True)   # … and building the book again mends it
    assert _holding(again.out, CANARY, "测编〔1991〕8号") == []
    _pandoc_env()
    text = subprocess.run([os.environ["PYPANDOC_PANDOC"], "-t", "plain", str(again.out / "zhi.docx")],
                          capture_output=True, text=True,
                          check=True).stdout
    assert "一、本志记述测试县机构编制沿革。" in text and CANARY not in text


def test_the_leak_scan_reads_the_names_of_files_and_folders(tmp_path):
    """A folder (even empty) or a file named with a withheld record's id or name is refused like its text."""
    (tmp_path / "jigou" / "cs-luzhou").mkdir(parents=True)
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "鹭洲CANARYQ3办公室.txt").write_text("图", encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>测试县</p>", encoding="utf-8")
    forbidden = {"cs-luzhou": "机构 cs-luzhou，秘密", "鹭洲CANARYQ3办公室": "事件 ev-lz，秘密"}
    found = {(x.file, x.what) for x in scan(tmp_path, forbidden)}
    assert found == {("jigou/cs-luzhou", "cs-luzhou"), ("img/鹭洲CANARYQ3办公室.txt", "鹭洲CANARYQ3办公室")}, found
