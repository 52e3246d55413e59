"""保密观, marks (tester's C5): a marking in the forms a marking takes (★, 密级：, 保密期限, brackets, a level alone
on a line) always stops a build; a mark's word inside a title or a name (关于加强机密载体管理的通知, 机密档案室) is
reported by ``zhi check`` with its remedy, and once the editor confirms exactly that text in the house style's
``not-marks`` it publishes — the same word anywhere else still stops the build.

The real title is 《关于国家秘密载体保密管理的规定》 (中共中央保密委员会办公室、国家保密局; summarised at
http://uianet.net/dictionary/b2717123.html); the 机密 titles and units are the tester's examples."""

import pytest
from conftest import make_archive, with_theme, write
from zhi.build import BuildError, build_edition
from zhi.checks import run_checks
from zhi.leaks import fold, marks_in, scan
from zhi.loader import load_archive
from zhi.project import load_house_style

TITLE = "关于加强机密载体管理的通知"
UNIT = "机密档案室"
REAL = "关于国家秘密载体保密管理的规定"


@pytest.mark.parametrize("text", ["机密★20年", "秘 密★10年", "密级：机密", "【绝密】", "（内部资料）", "機密☆長期",
                                  "保密期限：10年", "正文\n机密\n正文", "〔内部〕"])
def test_a_marking_is_a_mark_whatever_the_house_style_confirms(text):
    plain = [fold(TITLE), fold("机密载体管理办法")]
    found = marks_in(text, "public", plain)
    assert found and all(form for _, form in found), found


def test_a_confirmed_text_opens_exactly_that_text():
    plain = [fold(TITLE)]
    assert marks_in(f"1990年县委办公室印发《{TITLE}》。", "public", plain) == []
    # the same word elsewhere on the page is still a mark, and so is the title unconfirmed
    assert marks_in(f"《{TITLE}》。本件机密。", "public", plain) == [("机密", False)]
    assert marks_in(f"《{TITLE}》", "public", []) == [("机密", False)]
    assert marks_in("关于加强機密載體管理的通知", "public", plain) == []      # written traditional, the same text
    # the internal edition may print 内部资料 but never a state secret's word
    assert marks_in("内部资料", "internal") == [] and marks_in("内部资料", "public") == [("内部资料", False)]
    assert marks_in("绝密载体", "internal") == [("绝密", False)]
    assert marks_in(REAL, "public") == []   # 秘密 in running words is not a mark


def archive_with_words(tmp_path):
    root = with_theme(make_archive(tmp_path))
    write(root, "sources/documents/marks.yaml", f"""
- id: d-jimi-zaiti
  number: 测办〔1992〕5号
  issuer: 测试县人民委员会
  date: 1992-04-01
  title: {TITLE}
- id: d-zaiti-guiding
  issuer: 中共中央保密委员会办公室
  date: 2000-12
  title: {REAL}
""")
    body = root / "sources/bodies/zhengfu.yaml"
    body.write_text(body.read_text(encoding="utf-8") + f"units:\n  - 办公室\n  - {UNIT}\n", encoding="utf-8")
    return root


def mark_findings(root):
    return [f for f in run_checks(load_archive(root)) if f.code == "mark-word"]


def test_check_names_the_word_and_the_remedy_and_the_confirmation_silences_it(tmp_path):
    root = archive_with_words(tmp_path)
    found = mark_findings(root)
    assert len(found) == 2, [f.as_text() for f in found]
    title = next(f for f in found if TITLE in f.message)
    assert title.loc.file == "sources/documents/marks.yaml" and title.loc.line == 6   # the title's own line
    assert "not-marks" in title.message and "sources/house-style.yaml" in title.message and f"not-marks: [{TITLE}]" in title.message
    assert title.severity == "error"
    unit = next(f for f in found if UNIT in f.message)
    assert unit.loc.file == "sources/bodies/zhengfu.yaml" and "内设机构" in unit.message
    write(root, "sources/house-style.yaml", f"not-marks:\n  - {TITLE}\n  - {UNIT}\n")
    assert mark_findings(root) == []


def test_a_confirmation_that_would_open_more_than_its_text_is_refused(tmp_path):
    root = archive_with_words(tmp_path)
    write(root, "sources/house-style.yaml", "not-marks:\n  - 机密\n  - 机密★10年\n  - 机密室\n  - 办公室\n")
    hs = load_house_style(root)
    assert hs.not_marks == []
    msgs = [f.message for f in hs.findings]
    assert len(msgs) == 4 and all("这一项不起作用" in m for m in msgs), msgs
    assert [f.loc.line for f in hs.findings] == [2, 3, 4, 5]
    assert len(mark_findings(root)) == 2      # still refused


def test_the_confirmed_title_publishes_and_a_real_marking_still_stops_the_build(tmp_path):
    root = archive_with_words(tmp_path)
    with pytest.raises(BuildError) as e:
        build_edition(root, "public", pdf=False)
    assert "mark-word" in str(e.value)
    write(root, "sources/house-style.yaml", f"not-marks: [{TITLE}, {UNIT}]\n")
    res = build_edition(root, "public", pdf=False)
    page = (res.out / "wenjian/d-jimi-zaiti/index.html").read_text(encoding="utf-8")
    assert TITLE in page
    assert UNIT in (res.out / "jigou/cs-zhengfu/index.html").read_text(encoding="utf-8")
    # the scanner itself: the confirmed texts pass, a marking or the word elsewhere does not
    plain = load_house_style(root).not_marks
    assert scan(res.out, {}, "public", plain=plain) == []
    (res.out / "planted.html").write_text(f"<p>《{TITLE}》</p><p>机密★20年</p><p>本件机密</p>", encoding="utf-8")
    leaks = sorted({(x.what, x.why.split("；")[0]) for x in scan(res.out, {}, "public", plain=plain)})
    assert leaks == [("机密", "密级字样"), ("机密★", "密级标志")], leaks
