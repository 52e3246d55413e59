"""Messages name a record as the editor named it: a 记事 by its id (the 宁化 tester read 记事 sources/memos/att.yaml:1
for a memo with id memo-att-1), a document by its title and id (four documents titled 宁化县志 read alike)."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive


def test_a_memo_and_a_document_are_named_by_their_ids(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/memos/m.yaml",
          "- {id: memo-att-1, date: 1985-03, text: 县计划经济委员会召开内部会议研究精简科室事项。, classification: 秘密,"
          " sources: [d-1984-7]}\n")
    write(root, "sources/documents/zz.yaml", "- {id: d-zhi-2, genre: 志书, title: 测试县志, date: 1990}\n")
    chapter = next((root / "chronicle").rglob("*.md"))
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n县计划经济委员会召开内部会议研究精简科室事项。\n",
                       encoding="utf-8")
    a = load_archive(root)
    found = run_checks(a, history=derive_history(a))
    shared = [f.message for f in found if f.code == "secret-shared"]
    assert shared and all("记事 memo-att-1" in m for m in shared), shared
    uncited = [f.message for f in found if f.code == "doc-uncited" and "测试县志" in f.message]
    assert uncited and "（d-zhi-2）" in uncited[0], uncited
