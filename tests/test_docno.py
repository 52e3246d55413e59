"""发文字号: standard and old forms, normalised for lookup."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from zhi.docno import cn_int, normalise_docno, parse_docno


@pytest.mark.parametrize("text,norm,ok", [
    ("冀编办〔2019〕12号", "冀编办〔2019〕12号", True),
    ("冀编办(2019)12号", "冀编办〔2019〕12号", False),
    ("冀编办（2019）012号", "冀编办〔2019〕12号", False),
    ("冀编办[2019]12号", "冀编办〔2019〕12号", False),
    ("县编字〔1984〕7号", "县编字〔1984〕7号", True),
    ("县编〔84〕7号", "县编〔1984〕7号", False),
])
def test_forms(text, norm, ok):
    d = parse_docno(text, 1984 if "84" in text else None)
    assert d is not None
    assert d.normalised == norm
    assert d.well_formed is ok


def test_two_digit_year_uses_document_century():
    assert parse_docno("青编(05)3号", 2005).year == 2005
    assert parse_docno("县编(98)3号", 1998).year == 1998


@pytest.mark.parametrize("bad", ["", "会议纪要", "〔2019〕12号", "冀编办2019-12"])
def test_unparseable(bad):
    assert parse_docno(bad) is None
    assert normalise_docno(bad) == bad.strip()


codes = st.text(alphabet="冀编办县区委政府发字青临河", min_size=1, max_size=5)


@given(codes, st.integers(1950, 2030), st.integers(1, 999), st.sampled_from(["〔〕", "()", "（）", "[]"]),
       st.booleans())
def test_every_bracket_form_normalises_to_the_same(code, year, num, br, zero):
    written = f"{code}{br[0]}{year}{br[1]}{'0' if zero else ''}{num}号"
    d = parse_docno(written)
    assert d is not None
    assert d.normalised == f"{code}〔{year}〕{num}号"
    assert d.well_formed == (br == "〔〕" and not zero)


@given(st.text(max_size=40))
def test_never_raises(text):
    parse_docno(text)


# ---- the printed form (house style `print: {docno-form: 规范}`) ------------------------------------------------
@pytest.mark.parametrize("written,date,printed", [
    ("临府(49)第1号", "1949-10-08", "临府〔1949〕1号"),           # two-digit year read from the document's date
    ("临人委字(1956)第23号", "1956-05-28", "临人委字〔1956〕23号"),
    ("临人委[1962]9号", None, "临人委〔1962〕9号"),                # four digits need no date
    ("临编〔1988〕09号", "1988-06-25", "临编〔1988〕9号"),
    ("临革发(68)12号", "1968-04", "临革发〔1968〕12号"),
    ("县编(99)1号", "2000-01-05", "县编〔1999〕1号"),              # numbered late in 1999, dated early in 2000
    ("冀编办〔2019〕12号", "2019-03-01", "冀编办〔2019〕12号"),
    ("临府(49)第1号", None, None),                                  # no date: 1949 or 2049 would be a guess
    ("临府(49)第1号", "<1985", None),                               # a date too vague to choose the century
    ("临府(49)第1号", "1960", None),                                # the date says nothing near ’49: not guessed
    ("临府-49-1", "1949", None),                                    # not a 文号 zhi can read
    ("临府1号(49)", "1949", None),
])
def test_printed_form(written, date, printed):
    from zhi.dates import parse_date
    from zhi.docno import printed_docno

    assert printed_docno(written, parse_date(date) if date else None) == printed


# 文号 as real publications print them (facts typed in; the sources named): forms zhi cannot read are printed as
# written, a standard one stays as it is
REAL = [
    # 《山东政报》1950年: 华东军政委员会东办 通令, numbers in Chinese numerals and no year
    # (http://soolun.net/periodical/60d61522c9996451aa730a5e7744c692.html)
    ("东办秘字第五三一号", "1950-08", None),
    # the same: 政务院 1950年8月14日 快函代电
    ("政政董字第三三号", "1950-08-14", None),
    # 镇巴县人民政府工作规则, 发文字号 as the county's site lists it (http://zb.gov.cn/zbxzf/xzfwj/202404/
    # 49ca3d0c669f4c2ebf6f7fabf563549c.shtml), 2024年4月6日
    ("镇政发〔2024〕7号", "2024-04-06", "镇政发〔2024〕7号"),
    # 牟定县人民政府办公室 2017年6月 通知, its 文号 as the county's site prints it, the closing bracket and 号 lost
    # (http://www.mdx.gov.cn/info/egovinfo/1007/overt_centent/11532323015172622Y-/2018-1220012.htm)
    ("牟政办发〔201746", "2017-06-28", None),
]


@pytest.mark.parametrize("written,date,printed", REAL)
def test_printed_form_of_real_numbers(written, date, printed):
    from zhi.dates import parse_date
    from zhi.docno import printed_docno

    assert printed_docno(written, parse_date(date)) == printed


def test_edition_prints_the_house_form_and_keeps_the_original(tmp_path):
    """With `print: {docno-form: 规范}` the edition's documents print the standard form in citations, labels and
    lists; the archive (and the edition's record) keep the number as written; a number that cannot be read
    without guessing is printed as written. Without the setting nothing changes."""
    from conftest import make_archive, write
    from zhi.editions import filter_archive
    from zhi.loader import load_archive
    from zhi.project import load_house_style
    from zhi.writers.prose import citation_text

    root = make_archive(tmp_path)
    write(root, "sources/documents/d3.yaml", "- id: d-old\n  number: 测革发(73)第022号\n  issuer: 测试县革命委员会\n"
                                               "  date: 1973-05-04\n  title: 关于恢复县公安局的通知\n"
                                               "- id: d-nodate\n  number: 测革(70)5号\n  description: 县革委会批复，日期不详\n")
    a = load_archive(root, with_book=False)
    assert filter_archive(a, "public").documents["d-old"].label == "测革发(73)第022号"
    write(root, "sources/house-style.yaml", "print:\n  docno-form: 规范\n")
    assert load_house_style(root).findings == []
    a = load_archive(root, with_book=False)
    ed = filter_archive(a, "public")
    old, nodate = ed.documents["d-old"], ed.documents["d-nodate"]
    assert old.number == a.documents["d-old"].number == "测革发(73)第022号"
    assert a.documents["d-old"].printed == ""
    assert old.label == old.shown_number == "测革发〔1973〕22号"
    assert citation_text(old) == "《关于恢复县公安局的通知》（测革发〔1973〕22号）"
    assert nodate.label == "测革(70)5号" and not nodate.printed
    assert ed.documents["d-1984-7"].label == "测编〔1984〕7号"


@pytest.mark.parametrize("text,expect", [
    ("print:\n  docno-form: 照抄\n", "“print”中“docno-form”应为原样、规范之一"),
    ("print:\n  note-runs: 1\n", "“print”中“note-runs”应为分隔、范围之一"),
    ("print:\n  docno: 规范\n", "“print”中有未知的键“docno”"),
    ("print: 规范\n", "“print”应为键值表"),
])
def test_print_options_wrongly_written_are_reported(tmp_path, text, expect):
    from zhi.project import load_house_style

    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "house-style.yaml").write_text(text, encoding="utf-8")
    hs = load_house_style(tmp_path)
    assert [f.message for f in hs.findings if expect in f.message], [f.message for f in hs.findings]
    assert hs.print == {}


def test_document_list_by_date_and_index_by_year_and_number(tmp_path):
    """The 文件目录 is in date order (a month only after its days; no date: the end of its 文号's year; neither:
    last); the 文件索引 keeps its stated order, by year, then issuer code and number."""
    from conftest import make_archive, write
    from zhi.loader import load_archive
    from zhi.views.indexes import document_index, document_list

    root = make_archive(tmp_path)
    write(root, "sources/documents/d3.yaml",
          "- id: d-a\n  number: 乙〔1984〕2号\n  date: 1984-01-05\n  title: 甲\n"
          "- id: d-b\n  number: 甲〔1984〕9号\n  date: 1984-11\n  title: 乙\n"
          "- id: d-c\n  number: 丙〔1984〕1号\n  title: 丙\n"
          "- id: d-d\n  description: 县委批复，日期、文号不详\n")
    a = load_archive(root, with_book=False)
    order = [d.id for d in document_list(a)]
    assert order.index("d-1984-7") < order.index("d-b") < order.index("d-c") < order.index("d-1990-3")
    assert order.index("d-a") < order.index("d-1984-7") and order[-1] == "d-d"
    index = [d.id for d in document_index(a) if d.id in ("d-a", "d-b", "d-c")]
    assert index == ["d-c", "d-b", "d-a"]   # 丙 bing, 甲 jia, 乙 yi


@pytest.mark.parametrize("text,value", [
    ("五六", 56), ("一九五六", 1956), ("七", 7), ("十七", 17), ("二十", 20), ("一百零五", 105), ("１９５６", 1956),
    ("12", 12), ("甲", None), ("", None), ("二三十", None),
])
def test_cn_int_reads_numbers_as_docnos_write_them(text, value):
    assert cn_int(text) == value


@pytest.mark.parametrize("text,value", [
    ("元", 1), ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("九", 9), ("12", 12), ("０５", 5),
    # read digit by digit a numeral is a year's, never a month's or a day's; nor is a numeral with two 十
    ("一二", None), ("十十", None), ("十一十", None), ("〇十一", None), ("百", None),
])
def test_cn_int_date_part_is_strict_as_months_and_days_are_written(text, value):
    assert cn_int(text, date_part=True) == value


def test_a_di_before_the_serial_is_named_and_one_in_the_words_before_is_not():
    """Found by a tester: “第一处临编〔1998〕11号” in prose was told “序号前不加‘第’字”, for the 第 of 第一处."""
    assert "序号前不加“第”字" in parse_docno("临编〔1998〕第11号").problems
    assert "序号前不加“第”字" not in parse_docno("第一处临编〔1998〕11号").problems
