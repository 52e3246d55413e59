"""A secret designation's word (沙鸻 of 测试县沙鸻十三号联络站) and Wade-Giles spellings (closedK).

An attack tester planted a 机密 测试县沙鸻十三号联络站 (leader 乔明远) and got it published with ``zhi check`` silent by
writing its number other ways (沙鸻第十三联络站, 沙鸻013号, 沙鸻Ⅻ+1号 …), its word alone (沙鸻联络站), its pinyin with
digits (SHAHENG-13联络站, Shaheng No.13 Liaison Station) and its leader in Wade-Giles (Ch'iao Ming-yüan). Canary
strings are fictional."""

import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter, _errors
from zhi.cores import common_core, core_of
from zhi.leaks import forbidden_strings, scan
from zhi.loader import load_archive

SECRET = ("id: cs-sh\nkind: 其他\nclassification: 机密\n", )
EVENT = ("- {id: ev-sh, type: establish, date: 1995-03, body: cs-sh, name: 测试县沙鸻十三号联络站, jurisdiction: cs-xian, "
         "sources: [d-1956-1], classification: 机密}\n")
PERSON = "- id: p-qiao\n  name: 乔明远\n  gender: 男\n  classification: 机密\n"


def _secret(tmp_path, apart: bool = False):
    r = make_archive(tmp_path)
    write(r, "sources/bodies/sh.yaml", SECRET[0] + ("different_from: [cs-shpub]\n" if apart else ""))
    write(r, "sources/events/sh.yaml", EVENT)
    write(r, "sources/people/qiao.yaml", PERSON)
    return r


def _public_farm(r) -> None:
    write(r, "sources/bodies/shpub.yaml", "id: cs-shpub\nkind: 企业\n")
    write(r, "sources/events/shpub.yaml",
          "- {id: ev-shpub, type: establish, date: 1998-06, body: cs-shpub, name: 测试县沙鸻十三号养殖场, "
          "jurisdiction: cs-xian, sources: [d-1956-1]}\n")


def _memo(r, text: str) -> None:
    write(r, "sources/memos/m.yaml", f"- id: memo-x\n  date: 1999-09\n  text: \"{text}\"\n  jurisdiction: cs-xian\n"
                                     "  sources: [d-1956-1]\n")


def _page(root, tmp_path, text: str) -> set[str]:
    out = tmp_path / "site"
    out.mkdir(exist_ok=True)
    (out / "page.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    return {x.what for x in scan(out, forbidden_strings(load_archive(root), "public"))}


WRITTEN = ["沙鸻第十三联络站", "沙鸻十三站", "十三号沙鸻联络站", "沙鸻013号", "沙鸻０１３号", "沙鸻⓭号", "沙鸻Ⅹ Ⅲ号",
           "沙鸻幺三号", "沙鸻13#站", "沙鸻13.0号", "沙鸻10+3号", "沙鸻Ⅻ+1号", "沙鸻联络站"]


@pytest.mark.parametrize("written", WRITTEN)
def test_the_designations_word_in_a_public_chapter_is_refused_at_its_line_and_by_the_scan(tmp_path, written):
    """Before: silent, and published. The word 沙鸻 names the body however its number is written, or without it."""
    root = _secret(tmp_path)
    _chapter(root, f"正文。\n\n该县设有{written}。\n")
    found = [f for f in _errors(root) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/p1/c1.md", 9)], [f.as_text() for f in found]
    assert "“沙鸻”" in found[0].message and "测试县沙鸻十三号联络站" in found[0].message
    assert "沙鸻" in _page(root, tmp_path, f"该县设有{written}。")


@pytest.mark.parametrize("field, text", [("ex_officio", "沙鸻第十三联络站站长"), ("ex_officio", "Shaheng 13 Station chief")])
def test_the_designations_word_in_a_public_ex_officio_is_refused(tmp_path, field, text):
    root = _secret(tmp_path)
    write(root, "sources/posts/x.yaml", f"- body: cs-jijingwei\n  post: 顾问\n  {field}: {text}\n  from: 1996\n"
                                        "  to: 1997\n  sources: [d-1984-7]\n")
    found = [f for f in _errors(root) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/posts/x.yaml", 3)], [f.as_text() for f in found]


def test_the_designations_word_in_a_web_documents_address_is_refused(tmp_path):
    root = _secret(tmp_path)
    write(root, "sources/documents/web.yaml", "id: d-web\ndate: 2021-03-01\ntitle: 县人民政府网概况\ngenre: 网页\n"
                                              "url: https://www.example.gov.cn/shaheng13/lianluozhan.html\n"
                                              "accessed: 2021-03-02\n")
    found = [f for f in _errors(root) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/documents/web.yaml", 5)], [f.as_text() for f in found]


@pytest.mark.parametrize("text", ["Shaheng No.13 Liaison Station was set up.", "SHAHENG-13联络站成立。",
                                  "Sha-heng 13 Station", "Shaheng 13 hao", "见 shaheng13/lianluozhan.html",
                                  "## 概况 {#shaheng13-lianluozhan}"])
def test_the_designations_word_in_latin_letters_is_refused(tmp_path, text):
    """Pinyin (and Wade-Giles, the same here) of the word, any case and separator, digits glued on."""
    root = _secret(tmp_path)
    _memo(root, text)
    found = [f for f in _errors(root) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/memos/m.yaml", 3)], [f.as_text() for f in found]
    assert "sha heng" in found[0].message
    assert "sha heng" in _page(root, tmp_path, text)


@pytest.mark.parametrize("text", ["Ch'iao Ming-yüan到任。", "CHIAO MING-YUAN", "Ming-yuan Ch'iao"])
def test_a_secret_persons_name_in_wade_giles_is_refused(tmp_path, text):
    """Before: only pinyin (Qiao Mingyuan) was looked for."""
    root = _secret(tmp_path)
    _memo(root, text)
    found = [f for f in _errors(root) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/memos/m.yaml", 3)], [f.as_text() for f in found]
    assert "乔明远" in found[0].message
    assert _page(root, tmp_path, text) & {"chiao ming yuan", "ming yuan chiao"}


def test_a_public_body_stated_another_opens_the_word_within_its_name_only(tmp_path):
    """With different_from, the public 测试县沙鸻十三号养殖场 prints; 沙鸻 elsewhere is still refused."""
    root = _secret(tmp_path, apart=True)
    _public_farm(root)
    _chapter(root, "正文。\n\n沙鸻十三号养殖场扩建。\n\n沙鸻联络站。\n")
    found = [(f.code, f.loc.file, f.loc.line) for f in _errors(root)]
    assert found == [("secret-shared", "chronicle/p1/c1.md", 11)], found
    assert _page(root, tmp_path, "沙鸻十三号养殖场扩建。") == set()


def test_the_word_of_a_designation_and_what_is_common():
    assert core_of("沙鸻十三号") == "沙鸻" and core_of("十三号沙鸻") == "沙鸻" and core_of("沙鸻13号") == "沙鸻"
    assert core_of("A3号") == ""
    assert common_core("红旗") and common_core("工程") and not common_core("沙鸻")


# ---- a public 记事 mentioning a person whose every post is secret ---------------------------------------------------

LEADER = "- id: p-qiao\n  name: 乔明远\n  gender: 男\n"


def _leader(tmp_path, stated: str = ""):
    r = make_archive(tmp_path)
    write(r, "sources/bodies/sh.yaml", SECRET[0])
    write(r, "sources/events/sh.yaml", EVENT)
    write(r, "sources/people/qiao.yaml", LEADER + (f"  classification: {stated}\n" if stated else ""))
    write(r, "sources/posts/qiao.yaml", "- person: p-qiao\n  body: cs-sh\n  post: 站长\n  from: 1995-03\n"
                                        "  classification: 机密\n  sources: [d-1956-1]\n")
    write(r, "sources/memos/m.yaml", "- id: memo-x\n  date: 1997-05\n  text: 县里召开联络工作会议。\n"
                                     "  jurisdiction: cs-xian\n  mentions: [p-qiao]\n  sources: [d-1956-1]\n")
    return r


def test_a_public_memo_mentioning_a_secret_posts_holder_no_longer_makes_him_public(tmp_path):
    """Before: the mention made 乔明远 公开 (his page, people.csv, search) silently. Now he stays at his posts' level,
    the 记事 is withheld with him, and the editor is told at the mentions line."""
    from zhi.checks import run_checks
    from zhi.editions import filter_archive

    a = load_archive(_leader(tmp_path))
    assert a.people["p-qiao"].classification.name == "机密"
    assert "乔明远" in forbidden_strings(a, "public")
    public = filter_archive(a, "public")
    assert "p-qiao" not in public.people and not any(m.id == "memo-x" for m in public.memos)
    found = [f for f in run_checks(a) if f.code == "record-withheld" and "p-qiao" in f.message]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/memos/m.yaml", 5)], [f.as_text() for f in found]
    assert "公开记事提到他会使其姓名公开" in found[0].message and "classification: 公开" in found[0].message


def test_a_person_stated_public_stays_public_with_the_memo(tmp_path):
    from zhi.checks import run_checks
    from zhi.editions import filter_archive

    a = load_archive(_leader(tmp_path, "公开"))
    assert not a.people["p-qiao"].classification.rank
    assert "p-qiao" in filter_archive(a, "public").people
    assert not [f for f in run_checks(a) if f.code == "record-withheld" and "p-qiao" in f.message]


# ---- a different_from body's name followed by the secret name's kind word -------------------------------------------

@pytest.mark.parametrize("text", ["沙鸻十三号养殖场联络站迁驻新址。", "沙鸻十三号养殖场（联络站）迁驻新址。"])
def test_the_public_name_and_the_secret_kind_word_spell_the_secret_body(tmp_path, text):
    """Before: printed, as different_from opened 沙鸻十三号 within 沙鸻十三号养殖场. The public name prints alone."""
    root = _secret(tmp_path, apart=True)
    _public_farm(root)
    _memo(root, text)
    found = [(f.code, f.loc.file, f.loc.line) for f in _errors(root)]
    assert found == [("secret-shared", "sources/memos/m.yaml", 3)], found
    assert _page(root, tmp_path, text) & {"沙鸻十三号养殖场联络站", "沙鸻十三号养殖场联络"}


def test_a_unit_named_with_the_secret_kind_word_is_refused_at_its_line(tmp_path):
    root = _secret(tmp_path, apart=True)
    _public_farm(root)
    write(root, "sources/bodies/shpub.yaml", "id: cs-shpub\nkind: 企业\nunits:\n  - name: 联络站\n    from: 1999-01\n")
    found = [f for f in _errors(root) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/bodies/shpub.yaml", 4)], [f.as_text() for f in found]
    assert "内设机构“联络站”" in found[0].message and "different_from" in found[0].message


def test_different_from_an_outside_body_is_written_in_the_secret_record(tmp_path):
    """An outside body (scope: out) whose name holds the designation: different_from in the secret record opens its
    name (the guide says where to write it; in the names item it is an unknown key)."""
    root = _secret(tmp_path)
    write(root, "sources/bodies/out.yaml", "id: out-sh\nscope: out\nkind: 其他\nnames:\n  - {name: 沙鸻十三号渔业公司, from: 1990}\n")
    assert [f.code for f in _errors(root)] == ["secret-stem-public"]
    write(root, "sources/bodies/sh.yaml", SECRET[0] + "different_from: [out-sh]\n")
    assert _errors(root) == []
    write(root, "sources/bodies/out.yaml", "id: out-sh\nscope: out\nkind: 其他\nnames:\n"
                                           "  - {name: 沙鸻十三号渔业公司, from: 1990, different_from: [cs-sh]}\n")
    write(root, "sources/bodies/sh.yaml", SECRET[0])
    assert {f.code for f in _errors(root)} == {"schema-unknown-key", "secret-stem-public"}
