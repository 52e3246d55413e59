"""A 考异 whose own wording names a document an edition withholds (its 文号 in any writing, its title or its id):
zhi check refused the whole archive (secret-shared), or, for a document a public 考异 named only by a form the check
did not read, the 考异 would have told readers the withheld document exists and what it is called. Now ``zhi check``
says which editions drop the 考异 (kaoyi-withheld), those editions drop it, and an edition holding the document
prints it.

Facts typed in (never its prose) from 《济阳县志》第一节 机构（统计）, 山东省情网
https://shandong-chorography.org/database/c18/section/13/article/3/ : 1980年7月，统计业务从计委分出，由专设的统计局
负责; 1990年 统计局 17 名工作人员. The two 文件 with 文号 and the dissenting month are the test's own."""

import re

import pytest
from conftest import make_archive, with_theme, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.editions import filter_archive
from zhi.loader import load_archive

NUMBER = "济编〔1980〕27号"
TITLE = "关于鹭汀统计调查队人员划转的请示"

FILES = {
    "sources/jurisdictions/jy.yaml": "id: jy-xian\nlevel: 县\n",
    "sources/bodies/jy.yaml": "- {id: jy-zhengfu, kind: 其他}\n- {id: jy-tjj, kind: 政府工作部门}\n",
    "sources/documents/jy.yaml": """
- {id: d-jy, genre: 志书, title: 济阳县志, date: 1991}
- {id: d-jy-80, number: 济政〔1980〕41号, issuer: 济阳县革命委员会, date: 1980-07-12, title: 关于设立县统计局的通知}
- {id: d-jy-hidden, number: 济编〔1980〕27号, issuer: 济阳县编制委员会, date: 1980-09-02, title: 关于鹭汀统计调查队人员划转的请示,
   classification: LEVEL}
""",
    "sources/events/jy.yaml": """
- {id: ev-jy, type: establish, date: 1949-10, body: jy-xian, name: 济阳县, sources: [d-jy]}
- {id: ev-jy-zf, type: establish, date: 1949-10, body: jy-zhengfu, name: 济阳县人民政府, jurisdiction: jy-xian,
   sources: [d-jy]}
- {id: ev-jy-tjj, type: establish, date: 1980-07, body: jy-tjj, name: 济阳县统计局, parent: jy-zhengfu,
   jurisdiction: jy-xian, sources: [d-jy-80, {doc: d-jy, date: 1980-07}],
   conflict_note: "NOTE"}
""",
}


def _root(tmp_path, level: str, note: str):
    root = with_theme(make_archive(tmp_path))
    for rel, text in FILES.items():
        write(root, rel, text.replace("LEVEL", level).replace("NOTE", note))
    return root


NOTES = {
    "文号": f"设立月份从县志；{NUMBER}称统计局已于1980年9月前成立。",
    "文号另一写法": "设立月份从县志；济编(80)第27号称统计局已于1980年9月前成立。",
    "中文数字文号": "设立月份从县志；济编〔八〇〕二十七号称统计局已于1980年9月前成立。",
    "标题": f"设立月份从县志；《{TITLE}》称统计局已于1980年9月前成立。",
    "编号": "设立月份从县志；d-jy-hidden 称统计局已于1980年9月前成立。",
}


@pytest.mark.parametrize("how", NOTES)
def test_a_kaoyi_naming_an_internal_document_is_dropped_by_the_public_edition_and_printed_by_the_internal(
        tmp_path, how):
    a = load_archive(_root(tmp_path, "内部", NOTES[how]))
    # (body-silent: the excerpt's 县政府 has no record for 20 years before the 下限; not what this test is about)
    found = [f for f in run_checks(a) if f.severity != "info" and f.code != "body-silent"]
    assert [f.code for f in found] == ["kaoyi-withheld"], [(f.code, f.message) for f in found]
    assert "d-jy-hidden" in found[0].message and "公开版" in found[0].message and "内部版" not in found[0].message
    pub = {e.id: e for e in filter_archive(a, "public").events}
    internal = {e.id: e for e in filter_archive(a, "internal").events}
    assert pub["ev-jy-tjj"].conflict_note == ""
    assert internal["ev-jy-tjj"].conflict_note == NOTES[how]


def test_a_kaoyi_naming_a_secret_document_is_dropped_by_every_edition(tmp_path):
    a = load_archive(_root(tmp_path, "秘密★10年", NOTES["文号"]))
    found = [f for f in run_checks(a) if f.severity == "error" or f.code == "kaoyi-withheld"]
    assert [f.code for f in found] == ["kaoyi-withheld"] and "公开版和内部版" in found[0].message, found
    for edition in ("public", "internal"):
        assert {e.id: e for e in filter_archive(a, edition).events}["ev-jy-tjj"].conflict_note == ""


def test_a_kaoyi_naming_only_open_documents_is_kept(tmp_path):
    note = "设立月份从县志；济政〔1980〕41号所附名单作1980年7月12日。"
    a = load_archive(_root(tmp_path, "内部", note))
    assert not [f for f in run_checks(a) if f.code in ("kaoyi-withheld", "secret-shared")]
    assert {e.id: e for e in filter_archive(a, "public").events}["ev-jy-tjj"].conflict_note == note


def test_the_built_editions(tmp_path):
    root = _root(tmp_path, "内部", NOTES["文号"])
    pub = build_edition(root, pdf=False)
    for f in pub.out.rglob("*"):
        if f.is_file() and f.suffix in (".html", ".json", ".csv", ".txt", ".js", ".xml", ".jsonld"):
            text = f.read_text(encoding="utf-8", errors="ignore")
            assert "济编" not in text and "鹭汀" not in text and "d-jy-hidden" not in text, f
            assert "1980年9月前成立" not in text, f
    page = (pub.out / "jigou" / "jy-tjj" / "index.html").read_text(encoding="utf-8")
    assert "济阳县统计局" in page and "济政〔1980〕41号" in page
    internal = build_edition(root, edition="internal", pdf=False, out=tmp_path / "internal")
    kaoyi = re.sub(r"<[^>]+>", "", (internal.out / "kaoyi" / "index.html").read_text(encoding="utf-8"))
    assert "1980年9月前成立" in kaoyi and NUMBER in kaoyi
