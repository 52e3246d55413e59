"""What only the build's scan caught, now named by `zhi check` at its line (attack tester, canary 县赭鸮六号联络站 and
翠岚十一号观测站, 机密): a secret document's 档号 written in a chapter; a chapter image whose metadata holds a secret
name (the build publishes its pixels alone: a warning naming the image file)."""

import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter, _errors
from zhi.checks import run_checks
from zhi.loader import load_archive

DOC = ("id: d-cl\nnumber: 临密〔1997〕23号\ndate: 1997-05-01\ntitle: 关于观测站的通知\nissuer: 测试县机构编制委员会\n"
       "archive_ref: {ref}\nclassification: 机密\n")


@pytest.mark.parametrize("ref,written", [("77-3-419-6", "77-3-419-6"), ("77-3-419-6", "77—3—419—6"),
                                         ("77-3-419-6", "77－3－419－6"), ("A1-9-77", "A1-9-77")])
def test_a_secret_archive_number_in_a_chapter_is_an_error_at_its_line(tmp_path, ref, written):
    root = make_archive(tmp_path)
    write(root, "sources/documents/d-cl.yaml", DOC.format(ref=ref))
    _chapter(root, f"正文。\n\n据档案（档号 {written}）记载，设观测站。\n")
    found = [f for f in _errors(root) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/p1/c1.md", 9)], [f.as_text() for f in found]
    assert "档号" in found[0].message and "d-cl" in found[0].message and "::: 机密" in found[0].message


@pytest.mark.parametrize("text", ["档号 77-3-419-60。", "档号 177-3-419-6。", "::: 机密\n档号 77-3-419-6。\n:::"])
def test_another_number_or_a_passage_at_the_level_is_no_error(tmp_path, text):
    root = make_archive(tmp_path)
    write(root, "sources/documents/d-cl.yaml", DOC.format(ref="77-3-419-6"))
    _chapter(root, f"正文。\n\n{text}\n")
    assert [f.as_text() for f in _errors(root) if f.code == "secret-shared"] == []


NAME = "翠岚十一号观测站"


def _image(root, comment: bytes) -> None:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 20), (30, 120, 30)).save(buf, format="JPEG", comment=comment)
    (root / "chronicle/p1/images").mkdir(parents=True, exist_ok=True)
    (root / "chronicle/p1/images/zhan.jpg").write_bytes(buf.getvalue())


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_chapter_images_metadata_holding_a_secret_name_is_warned_of_naming_the_file(tmp_path, encoding):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/cl.yaml", "id: cs-cl\nkind: 其他\nclassification: 机密\n")
    write(root, "sources/events/cl.yaml", f"- {{id: ev-cl, type: establish, date: 1988-06, body: cs-cl, name: {NAME}, "
                                          "jurisdiction: cs-xian, sources: [d-1956-1], classification: 机密}\n")
    _image(root, f"摄于{NAME}".encode(encoding))
    _chapter(root, "正文。\n\n![站址](images/zhan.jpg)\n")
    found = [f for f in run_checks(load_archive(root)) if f.code == "image-metadata"]
    assert [(f.loc.file, f.loc.line, f.severity) for f in found] == [("chronicle/p1/c1.md", 9, "warning")]
    assert "chronicle/p1/images/zhan.jpg" in found[0].message and NAME in found[0].message
    # an image without it: nothing
    _image(root, "摄于县城".encode(encoding))
    assert [f for f in run_checks(load_archive(root)) if f.code == "image-metadata"] == []


def test_a_memo_with_an_id_repeating_a_secret_name_is_one_finding_at_its_first_line(tmp_path):
    """The same secret-shared was reported twice on a 记事 with an id: once under its id (from its entries) and once
    under its file and line (from its typed texts), the check naming the record two ways. Now once, at the text's line."""
    root = make_archive(tmp_path)
    write(root, "sources/bodies/cl.yaml", "id: cs-cl\nkind: 其他\nclassification: 机密\n")
    write(root, "sources/events/cl.yaml", f"- {{id: ev-cl, type: establish, date: 1988-06, body: cs-cl, name: {NAME}, "
                                          "jurisdiction: cs-xian, sources: [d-1956-1], classification: 机密}\n")
    write(root, "sources/memos/1989.yaml", f"- id: m-1989\n  date: 1989-05-01\n  text: 县里新建{NAME}营房。\n"
                                           f"  sources: [d-1956-1]\n  note: 见{NAME}。\n")
    found = [f for f in _errors(root) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/memos/1989.yaml", 3)], [f.as_text() for f in found]
    assert found[0].message.startswith("记事 m-1989（公开）")
