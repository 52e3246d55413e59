"""A count of people a secret record gives (a 机密 编制 of 173) typed into a public 记事 or chapter — in digits
(173名) or in words (一百七十三名, 一百七十余人) — reached public output with no finding (attack testers 11, 14, 16). It
is a secret term now (``leaks.figure_strings``): refused at the public line, forbidden to the build's scan, unless
an open record gives the same count. Canary strings are fictional."""

import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter
from test_secrecy_full_text_places import _shared
from test_secrecy_variants import _scanned
from zhi.leaks import counted_people, forbidden_strings
from zhi.loader import load_archive

BODY = "id: cs-wj\nkind: 其他\nclassification: 机密\n"
EVENT = ("- {id: ev-wj, type: establish, date: 1991-05, body: cs-wj, name: 测试县雾岬八号联络站, jurisdiction: cs-xian,"
         " sources: [d-1956-1], classification: 机密}\n")
STAFFING = ("- body: cs-wj\n  date: 1991-05-08\n  basis: 核定\n  classification: 机密\n  figures: {行政编制: 173}\n"
            "  sources: [d-1956-1]\n")
MEMO = ("- id: memo-zz\n  date: 1991-06\n  text: 县里新建一处院落，配备人员{n}。\n  jurisdiction: cs-xian\n"
        "  sources: [d-1956-1]\n")


@pytest.fixture
def root(tmp_path):
    r = make_archive(tmp_path)
    for rel, text in (("bodies/wj.yaml", BODY), ("events/wj.yaml", EVENT), ("staffing/wj.yaml", STAFFING)):
        write(r, f"sources/{rel}", text)
    return r


@pytest.mark.parametrize("n", ["一百七十三名", "173名", "壹佰柒拾叁人", "一百七十余人", "170多名"])
def test_a_secret_figure_in_a_public_memo_is_refused_at_its_line(root, n):
    write(root, "sources/memos/m.yaml", MEMO.format(n=n))
    found = _shared(root)
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/memos/m.yaml", 3)], found
    assert "编制 sources/staffing/wj.yaml:1 编制数（机密）" in found[0].message
    assert "涉密记录的人数" in found[0].message


@pytest.mark.parametrize("n", ["一千一百七十三名", "1173名", "一百七十四名", "173个", "一百八十余人"])
def test_another_count_is_no_secret_figure(root, n):
    write(root, "sources/memos/m.yaml", MEMO.format(n=n))
    assert _shared(root) == []


def test_a_secret_figure_in_words_in_a_public_chapter_is_refused_at_its_line(root):
    _chapter(root, "正文。\n\n是年，县城人口增加一百七十三名。\n")
    assert [(f.loc.file, f.loc.line) for f in _shared(root)] == [("chronicle/p1/c1.md", 9)]


def test_the_build_scan_refuses_the_figure_in_words(root, tmp_path):
    assert "173名" in forbidden_strings(load_archive(root), "public")
    assert "173名" in _scanned(root, tmp_path, "<p>县里新建一处院落，配备人员一百七十三名。</p>")
    assert _scanned(root, tmp_path, "<p>配备人员一千一百七十三名。</p>") == set()


def test_a_figure_an_open_record_gives_is_open(root):
    write(root, "sources/staffing/open.yaml", "- body: cs-zhengfu\n  date: 1990-06-01\n  basis: 核定\n"
          "  figures: {行政编制: 173}\n  sources: [d-1990-3]\n")
    write(root, "sources/memos/m.yaml", MEMO.format(n="一百七十三名"))
    assert [f for f in _shared(root) if "编制数" in f.message] == []


def test_a_count_in_a_secret_full_text_is_secret_too(tmp_path):
    r = make_archive(tmp_path)
    write(r, "sources/documents/d-s.yaml", "id: d-s\nissuer: 测试县保密委员会\ndate: 1997-04-18\n"
          "title: 关于设立苍梧十四号通讯站的决定\nclassification: 机密\n")
    write(r, "sources/documents/d-s.md", "经研究，决定设立通讯站，核定编制一百七十三名。\n")
    write(r, "sources/memos/m.yaml", MEMO.format(n="173名"))
    found = _shared(r)
    assert [(f.loc.file, f.loc.line) for f in found] == [("sources/memos/m.yaml", 3)], found
    assert "文件 d-s 全文（机密）的“173名”" in found[0].message


def test_small_counts_are_not_looked_for(root):
    write(root, "sources/staffing/wj.yaml", STAFFING.replace("173", "12"))
    write(root, "sources/memos/m.yaml", MEMO.format(n="十二名"))
    assert _shared(root) == []


def test_counts_are_read_in_words_and_digits():
    assert counted_people("核定编制一百七十三名，实有一百七十余人，另有173人。1991年5月") == ["173名", "170余人", "173人"]


APPROX = ("- body: cs-wj\n  date: 1999-12-31\n  basis: 实有\n  classification: 机密\n"
          "  figures: {人数: 1800余, 人员: 干部职工}\n  sources: [d-1956-1]\n")


@pytest.mark.parametrize("n", ["1800多人", "一千八百多名", "干部职工1800多名", "约一千八百人", "1800余人"])
def test_a_secret_approximate_count_said_with_duo_or_yue_is_refused(tmp_path, n):
    """A tester (tester20) leaked a secret 人数 1800余 as “1800多人” and “约一千八百人”: only the 余 form was looked for."""
    r = make_archive(tmp_path)
    for rel, text in (("bodies/wj.yaml", BODY), ("events/wj.yaml", EVENT), ("staffing/wj.yaml", APPROX)):
        write(r, f"sources/{rel}", text)
    write(r, "sources/memos/m.yaml", MEMO.format(n=n))
    assert [(f.loc.file, f.loc.line) for f in _shared(r)] == [("sources/memos/m.yaml", 3)], n
