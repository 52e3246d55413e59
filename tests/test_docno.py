"""发文字号: standard and old forms, normalised for lookup."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from zhi.docno import normalise_docno, parse_docno


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
