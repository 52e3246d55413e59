"""A secret document's 档号 written with another dash (attack tester: 77—3—419—6 for 77-3-419-6, 机密) passed the
build's scan: an id's hyphen is now found as any dash (``leaks.id_pattern``)."""

import markdown
import pytest
from conftest import make_archive, write
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
