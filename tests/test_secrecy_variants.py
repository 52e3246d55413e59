"""Variant spellings of a secret name (the attack tester's third round): 鹭汀七号联络站 (秘密) written in pinyin
(Luting Qihao Lianluozhan, luting qihao, LUTING 7 HAO, with tone marks or tone numbers, without spaces), with its
numeral as Ⅶ, ⅶ, 〧, 第七号, No.7 — found by neither `zhi check` nor the build's scan; with 7, ７, ⑦ in a heading or a
link's address, found by the scan only; a public document whose issuer_body is the secret body, found by the scan
only. The check and the scan read a name through one matcher (``leaks.skeleton_readings`` and ``key_skeletons``)."""

from pathlib import Path

import markdown
import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter, _errors
from zhi.leaks import fold, forbidden_strings, scan, skeletons, syllables
from zhi.loader import load_archive

NAME = "鹭汀七号联络站"
LT_BODY = "id: cs-lt\nkind: 其他\nclassification: 秘密\n"
LT_EVENT = ("- {id: ev-lt, type: establish, date: 1988-06, body: cs-lt, name: 鹭汀七号联络站, jurisdiction: cs-xian, "
            "sources: [d-1956-1], classification: 秘密}\n")

PINYIN = ["Luting Qihao Lianluozhan", "luting qihao", "LUTING 7 HAO", "Lùtīng Qīhào Liánluòzhàn",
          "LutingQihaoLianluozhan", "lu4ting2 qi1hao4", "Lu-ting Qi-hao", "Lu'ting Qi'hao", "LÙTĪNG QĪHÀO"]
NUMERALS = ["鹭汀Ⅶ号联络站", "鹭汀ⅶ号联络站", "鹭汀〧号联络站", "鹭汀第七号联络站", "鹭汀第7号联络站", "鹭汀No.7联络站",
            "鹭汀NO.7联络站", "鹭汀no.7号联络站", "鹭汀№7联络站", "鹭汀Ⅶ号联络"]
SEVENTEEN = ["鹭汀17号联络站", "鹭汀拾柒号联络站", "鹭汀第十七号联络站", "鹭汀ⅩⅦ号联络站", "鹭汀一十七号联络站"]
ALREADY = ["鹭汀7号联络站", "鹭汀７号联络站", "鹭汀⑦号联络站", "鹭汀柒号联络站"]   # found before, in prose with marks round it
OPEN = ["Luting Bahao", "luting", "Qihao Lianluozhan", "lu ting", "No.7联络站"]
# another number, or none, after the designation's word: not the designation, but its word 鹭汀 names the body (closedK:
# 鹭汀Ⅶ+1号 cannot be told from another number; ``cores``)
WORD_ONLY = ["鹭汀八号联络站", "鹭汀第八号联络站", "鹭汀No.8联络站", "鹭汀联络站"]


@pytest.fixture
def lt(tmp_path):   # an archive with the secret body 鹭汀七号联络站
    r = make_archive(tmp_path)
    write(r, "sources/bodies/lt.yaml", LT_BODY)
    write(r, "sources/events/lt.yaml", LT_EVENT)
    return r


def _shared(root) -> list[tuple[str, int]]:
    return [(f.loc.file, f.loc.line) for f in _errors(root) if f.code == "secret-shared"]


def word_only(root, tmp_path, text: str, word: str) -> None:
    """``text`` in a public chapter and page is refused for the designation's word alone (``cores``), not for the
    designation: the check names the word, the scan finds the word only."""
    _chapter(root, f"正文。\n\n{text}\n")
    assert {f.message.split("的“")[1].split("”")[0] for f in _errors(root) if f.code == "secret-shared"} == {word}
    assert _scanned(root, tmp_path, f"<p>{text}</p>") == {word}


def _scanned(root, tmp_path, page: str) -> set[str]:
    """What the build's scan of a public page holding ``page`` (HTML) finds of the archive's secrets."""
    out = tmp_path / "site"
    out.mkdir(exist_ok=True)
    (out / "page.html").write_text(page, encoding="utf-8")
    return {x.what for x in scan(out, forbidden_strings(load_archive(root), "public"))}


@pytest.mark.parametrize("written", PINYIN + NUMERALS)
def test_a_variant_of_a_secret_name_in_a_public_chapter_is_refused_at_its_line(lt, written):
    _chapter(lt, f"正文。\n\n该县设有{written}，负责联络。\n")
    assert _shared(lt) == [("chronicle/p1/c1.md", 9)]


@pytest.mark.parametrize("written", PINYIN + NUMERALS)
def test_a_variant_of_a_secret_name_in_a_public_record_is_refused_at_its_line(lt, written):
    write(lt, "sources/bodies/zz.yaml", f"id: cs-zz\nkind: 其他\nnote: 与{written}合署办公。\n")
    assert _shared(lt) == [("sources/bodies/zz.yaml", 3)]


@pytest.mark.parametrize("written", PINYIN + NUMERALS)
def test_the_builds_scan_refuses_a_page_holding_a_variant(lt, tmp_path, written):
    assert _scanned(lt, tmp_path, f"<p>该县设有{written}，负责联络。</p>")


def test_the_message_names_the_pinyin_and_the_name_it_spells(lt):
    _chapter(lt, "正文。\n\n该县设有Luting Qihao Lianluozhan。\n")
    found = next(f for f in _errors(lt) if f.code == "secret-shared")
    assert "“lu ting qi hao”（即名称“鹭汀七号联络站”开头几个字的拼音" in found.message, found.message
    forbidden = forbidden_strings(load_archive(lt), "public")
    assert "是名称“鹭汀七号联络站”（开头几个字）的拼音" in forbidden["lu ting qi hao"]


@pytest.mark.parametrize("written", OPEN)
def test_what_is_not_the_secret_name_is_not_refused(lt, tmp_path, written):
    _chapter(lt, f"正文。\n\n该县设有{written}，负责联络。\n")
    assert _shared(lt) == []
    assert not _scanned(lt, tmp_path, f"<p>该县设有{written}，负责联络。</p>")


@pytest.mark.parametrize("written", WORD_ONLY)
def test_another_number_is_refused_for_the_designations_word_only(lt, tmp_path, written):
    word_only(lt, tmp_path, f"该县设有{written}，负责联络。", "鹭汀")


# ---- the check catches what the scan catches: a line with nothing round the name, a link's address --------------

@pytest.mark.parametrize("written", ALREADY + NUMERALS[:3] + PINYIN[:3])
@pytest.mark.parametrize("line", ["## {}", "{}", "- {}", "见[此](https://x.cn/{}.html)。", "![{}](a.png)"])
def test_a_numeral_variant_the_scan_refuses_is_refused_by_the_check_too(lt, tmp_path, written, line):
    """鹭汀7号联络站 alone on a line (a heading, a list item) was found by the scan only: the check read the line's
    numeral reading only when it differed from the line as typed. A link's address was not read through it at all."""
    text = line.format(written)
    _chapter(lt, f"正文。\n\n{text}\n")
    assert _scanned(lt, tmp_path, markdown.markdown(text)), "the scan finds it"
    assert ("chronicle/p1/c1.md", 9) in _shared(lt), "so must the check"


def test_the_scan_reads_a_pages_addresses_and_alt_texts_through_the_matcher(lt, tmp_path):
    assert NAME in _scanned(lt, tmp_path, '<p><a href="https://x.cn/鹭汀7号联络站">此</a></p>')
    assert "lu ting qi hao" in _scanned(lt, tmp_path, '<p><img alt="Luting Qihao" src="a.png"></p>')
    assert _scanned(lt, tmp_path, '<p><a href="https://x.cn/%E9%B9%AD%E6%B1%807%E5%8F%B7%E8%81%94%E7%BB%9C'
                                  '%E7%AB%99">此</a></p>') >= {NAME}


def test_the_scan_reads_a_file_name_through_the_matcher(lt, tmp_path):
    out = tmp_path / "site"
    (out / "luting-qihao").mkdir(parents=True)
    (out / "鹭汀Ⅶ号联络站.html").write_text("<p>正文</p>", encoding="utf-8")
    found = {(x.file, x.what) for x in scan(out, forbidden_strings(load_archive(lt), "public"))}
    assert ("luting-qihao", "lu ting qi hao") in found and ("鹭汀Ⅶ号联络站.html", NAME) in found, found


def test_a_public_document_issued_by_a_secret_body_is_refused_at_its_issuer_body_line(lt):
    """The document's page and the open data print its issuer_body (cs-lt): the scan refused the build, the check
    said nothing."""
    write(lt, "sources/documents/d-pub.yaml", "id: d-pub\nnumber: 测发〔1990〕3号\ndate: 1990-05-01\n"
                                             "title: 关于联络工作的通知\nissuer: 鹭汀七号联络站\nissuer_body: cs-lt\n")
    found = [f for f in _errors(lt) if f.code == "secret-shared" and "issuer_body" in f.message]
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/documents/d-pub.yaml", 6)], [f.as_text() for f in found]
    assert "改为不低于“秘密”" in found[0].message
    write(lt, "sources/documents/d-pub.yaml", "id: d-pub\nnumber: 测发〔1990〕3号\ndate: 1990-05-01\n"
                                             "title: 关于联络工作的通知\nissuer: 鹭汀七号联络站\nissuer_body: cs-lt\n"
                                             "classification: 秘密\n")
    assert not [f for f in _errors(lt) if f.code == "secret-shared" and "issuer_body" in f.message]


# ---- the pinyin looked for, and what it is not ----------------------------------------------------------------------

def test_the_pinyin_looked_for_is_the_names_first_syllables_no_open_name_holds(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/da.yaml", "- id: cs-dj\n  kind: 其他\n  classification: 秘密\n- id: cs-dg\n  kind: 其他\n")
    write(root, "sources/events/da.yaml",
          "- {id: ev-dj, type: establish, date: 1988-06, body: cs-dj, name: 测试县档案局, jurisdiction: cs-xian, "
          "sources: [d-1956-1], classification: 秘密}\n"
          "- {id: ev-dg, type: establish, date: 1988-06, body: cs-dg, name: 测试县档案馆, jurisdiction: cs-xian, "
          "sources: [d-1956-1]}\n")
    forbidden = forbidden_strings(load_archive(root), "public")
    assert "ce shi xian dang an ju" in forbidden, [k for k in forbidden if k.isascii()]
    # (and its Wade-Giles, closedK: tse shih hsien tang an chu, no open name's either)
    assert not [k for k in forbidden if k.isascii() and k not in ("ce shi xian dang an ju", "tse shih hsien tang an chu")
                and " " in k]


def test_syllables_read_numerals_as_typed_text_is_read():
    assert syllables("鹭汀7号联络站") == syllables("鹭汀七号联络站") == ("lu", "ting", "qi", "hao", "lian", "luo", "zhan")
    assert syllables("绿岛1996年站") == ("lu", "dao")   # a number of more digits ends what is spelled
    assert any("lutingqihao" in s for s in skeletons(fold("Lù-tíng Qī'hào")))


def test_the_sample_has_no_false_pinyin_finding():
    """Measured on the sample: every body's and jurisdiction's name read as if it alone were secret, its pinyin
    (``pinyin_key`` against every other name and id) is found in no chapter and no record's text of the sample; and
    the sample's own secrets add no finding (``test_sample``: no error)."""
    from zhi.leaks import entries, latin_readings, own_names, pinyin_key

    root = Path(__file__).resolve().parent.parent
    a = load_archive(root)
    ents = entries(a)
    places = own_names(a)
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "chronicle").rglob("*.md"))]
    texts += [t.text for r in [*a.jurisdictions.values(), *a.bodies.values(), *a.documents.values(), *a.people.values(),
                               *a.events, *a.posts, *a.staffing, *a.memos] for t in r.typed]
    read = "\0".join(s for t in texts for s in skeletons(fold(t)))
    names = [e for e in ents if e.kind == "name" and not e.whole]
    ids = [r for e in ents if e.kind == "id" for r in latin_readings(e.text)]
    keys = {}
    for e in names:
        if fold(e.text) in places:
            owner = {r.id for r, _ in places[fold(e.text)]}
            said = "\0".join(["".join(syllables(x.text)) for x in names
                              if not (fold(x.text) in places and {r.id for r, _ in places[fold(x.text)]} & owner)] + ids)
            if key := pinyin_key(syllables(e.text), said):
                keys[key.replace(" ", "")] = e.text
    assert len(keys) > 200
    assert {k: v for k, v in keys.items() if k in read} == {}
    secret = forbidden_strings(a, "public")
    assert not [k for k in secret if k.isascii() and " " in k]   # the sample's secrets: no name of 4 syllables or more


def test_the_guide_shows_the_messages_zhi_prints(lt):
    _chapter(lt, "正文。\n\n该县设有Luting Qihao Lianluozhan（英文名称），负责联络。\n")
    write(lt, "sources/documents/d-pub.yaml", "id: d-pub\nnumber: 测发〔1990〕3号\ndate: 1990-05-01\n"
                                             "title: 关于联络工作的通知\nissuer: 测试县人民政府\nissuer_body: cs-lt\n")
    guide = (Path(__file__).resolve().parent.parent / "guide/checks.md").read_text(encoding="utf-8")
    shown = [f.as_text() for f in _errors(lt) if f.code == "secret-shared"]
    assert len(shown) == 2 and all(x in guide for x in shown), shown
    assert "该县设有Luting Qihao Lianluozhan（英文名称），负责联络。" in guide


@pytest.mark.parametrize("written", ["LUTING 7 HAO", "鹭汀Ⅶ号联络站"])
def test_the_build_refuses_a_public_chapter_holding_a_variant(lt, written):
    from conftest import with_theme
    from zhi.build import BuildError, build_edition

    _chapter(lt, f"正文。\n\n该县设有{written}，负责联络。\n")
    with pytest.raises(BuildError) as refused:
        build_edition(with_theme(lt), "public", pdf=False)
    assert "chronicle/p1/c1.md:9: 错误 [secret-shared]" in str(refused.value), str(refused.value)


@pytest.mark.parametrize("written", ["Luting Qihao", "鹭汀Ⅶ号联络站", "鹭汀第七号联络站"])
def test_a_variant_in_the_books_settings_or_a_chapters_file_name_is_refused(lt, written):
    """book.yaml's titles are printed on every page; a chapter's file name is its page's address."""
    from test_secrecy_readings import BOOK

    write(lt, "chronicle/book.yaml", BOOK.format(part=f"第一篇 {written}", footer="测试县"))
    assert ("chronicle/book.yaml", 6) in _shared(lt)
    slug = "luting-qihao" if written.isascii() else written
    book = BOOK.format(part="第一篇 综合", footer="测试县").replace("p1/c1.md", f"p1/{slug}.md")
    write(lt, "chronicle/book.yaml", book)
    (lt / "chronicle/p1/c1.md").rename(lt / f"chronicle/p1/{slug}.md")
    found = [f for f in _errors(lt) if f.code == "secret-shared"]
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/book.yaml", 7)], [f.as_text() for f in found]


def test_an_open_unit_named_in_pinyin_is_refused_not_taken_as_opening_the_pinyin(lt):
    """An open name in Han characters holding the pinyin opens it (two bodies of like names); one typed in Latin
    letters is the leak itself."""
    write(lt, "sources/bodies/zz.yaml", "id: cs-zz\nkind: 其他\nunits:\n  - {name: LUTING 7 HAO}\n")
    assert ("sources/bodies/zz.yaml", 4) in _shared(lt)


@pytest.mark.parametrize("written", SEVENTEEN)
def test_a_number_written_with_ten_is_read_as_its_value(tmp_path, written):
    """A secret 鹭汀十七号联络站 written 鹭汀17号联络站 (十七 was read 十7, which 17 is not)."""
    root = make_archive(tmp_path)
    write(root, "sources/bodies/lt.yaml", LT_BODY)
    write(root, "sources/events/lt.yaml", LT_EVENT.replace("鹭汀七号", "鹭汀十七号"))
    _chapter(root, f"正文。\n\n该县设有{written}，负责联络。\n")
    assert _shared(root) == [("chronicle/p1/c1.md", 9)]
    assert _scanned(root, tmp_path, f"<p>该县设有{written}，负责联络。</p>")
    word_only(root, tmp_path, "该县设有鹭汀七号联络站、鹭汀7号联络站，十分重要。", "鹭汀")   # 7 is not 17
