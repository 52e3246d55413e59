"""A classified chapter's sentence or title typed again in an open chapter is secret-shared at the open chapter's
line (attack tester: zhi check was silent, the build's scan stopped it naming only the output page)."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.loader import load_archive

SECRET = "1990年5月，测试县设立金丝雀一三三保密工作领导小组办公室，负责全县保密工作。"


def test_a_secret_chapters_sentence_and_title_copied_into_an_open_one_are_named_at_their_lines(tmp_path):
    root = make_archive(tmp_path)
    write(root, "chronicle/p1/c2.md", "---\ntitle: 第二章 金丝雀保密机构\nclassification: 秘密\n---\n\n"
                                      f"# 第二章 金丝雀保密机构\n\n{SECRET}\n")
    book = root / "chronicle/book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("[p1/c1.md]", "[p1/c1.md, p1/c2.md]"), encoding="utf-8")
    c1 = root / "chronicle/p1/c1.md"
    c1.write_text(c1.read_text(encoding="utf-8") + f"\n{SECRET}\n\n另见第二章 金丝雀保密机构。\n", encoding="utf-8")
    found = [f for f in run_checks(load_archive(root)) if f.code == "secret-shared"]
    lines = c1.read_text(encoding="utf-8").splitlines()
    at = {f.loc.line for f in found if f.loc.file == "chronicle/p1/c1.md" and f.severity == "error"}
    assert lines.index(SECRET) + 1 in at and lines.index("另见第二章 金丝雀保密机构。") + 1 in at, \
        [f.as_text() for f in found]
    # the secret chapter itself is not reported for holding its own text
    assert not [f for f in found if f.loc.file == "chronicle/p1/c2.md"]
