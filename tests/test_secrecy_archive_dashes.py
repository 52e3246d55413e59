"""A secret document's 档号 written with another dash (attack tester: 77—3—419—6 for 77-3-419-6, 机密) passed the
build's scan: an id's hyphen is now found as any dash (``leaks.id_pattern``). Its 文号 临密〔1997〕23号 written 临密97-23,
临密字〔1997〕第23号 or 1997年临密23号 passed `zhi check` and the scan: ``leaks.docno_patterns`` reads these forms too."""

import markdown
import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter, _errors
from test_secrecy_variants import _scanned
from zhi.leaks import dashed

DOC = ("id: d-cl\nnumber: 临密〔1997〕23号\ndate: 1997-05-01\ntitle: 关于观测站的通知\nissuer: 测试县机构编制委员会\n"
       "archive_ref: 77-3-419-6\nclassification: 机密\n")


@pytest.mark.parametrize("written", ["77-3-419-6", "77—3—419—6", "77–3–419–6", "77－3－419－6", "77―3―419―6",
                                     "77─3─419─6"])
def test_a_secret_archive_number_with_any_dash_is_refused_by_the_scan(tmp_path, written):
    root = make_archive(tmp_path)
    write(root, "sources/documents/d-cl.yaml", DOC)
    found = _scanned(root, tmp_path, markdown.markdown(f"据档案（档号 {written}）记载。"))
    assert "77-3-419-6" in {dashed(w) for w in found}, found


@pytest.mark.parametrize("written", ["临密97-23", "临密97—23", "临密字〔1997〕第23号", "1997年临密23号"])
def test_a_secret_documents_number_written_otherwise_is_refused_by_check_and_scan(tmp_path, written):
    root = make_archive(tmp_path)
    write(root, "sources/documents/d-cl.yaml", DOC)
    text = f"据{written}文件，设观测站。"
    _chapter(root, f"正文。\n\n{text}\n")
    assert ("chronicle/p1/c1.md", 9) in [(f.loc.file, f.loc.line) for f in _errors(root)]
    assert _scanned(root, tmp_path, markdown.markdown(text))   # (the scan names the 文号 as written)


@pytest.mark.parametrize("text", ["临密〔1997〕24号", "临密97-230", "1996年临密23号", "临密1998-23"])
def test_another_number_is_not_the_secret_documents(tmp_path, text):
    root = make_archive(tmp_path)
    write(root, "sources/documents/d-cl.yaml", DOC)
    assert _scanned(root, tmp_path, markdown.markdown(f"据{text}文件。")) == set()
