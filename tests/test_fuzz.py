"""Bad input never breaks anything: random text through the date and 文号 parsers and the prose syntax."""

from conftest import make_archive
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zhi.checks import run_checks
from zhi.dates import DateError, parse_date
from zhi.docno import parse_docno
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.prose import ProseRenderer

DATEISH = st.text(alphabet="0123456789-年月日约前后以之至.~<>/ ～", max_size=24)


@settings(max_examples=600)
@given(st.one_of(DATEISH, st.text(max_size=20), st.integers(-10**6, 10**6)))
def test_date_parser_only_raises_date_error(text):
    try:
        d = parse_date(text)
    except DateError as e:
        assert str(e)
        return
    assert d.sort_key() and d.iso() and d.chinese()


@settings(max_examples=600)
@given(st.text(alphabet="冀编办〔〕()（）[]【】0123456789号第 字", max_size=20))
def test_docno_parser_never_raises(text):
    d = parse_docno(text)
    if d is not None:
        assert d.normalised.endswith("号")


PROSE = st.lists(st.sampled_from(["[[", "]]", "@", "|", "cs-jiwei", "d-1984-7", "p-wang", "1984年3月", "一览:",
                                  "编制:", "大事记", ":::", " 内部", "\n", "\n\n", "#", "## ", "<br>", "<script>",
                                  "机构", "1990", "..", "x"]), max_size=40).map("".join)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(PROSE)
def test_prose_syntax_never_breaks_check_or_render(tmp_path, text):
    import tempfile
    from pathlib import Path

    root = make_archive(Path(tempfile.mkdtemp(dir=tmp_path)))
    (root / "chronicle/p1/c1.md").write_text("---\ntitle: 第一章\n---\n\n" + text, encoding="utf-8")
    a = load_archive(root)
    for f in run_checks(a):
        assert f.loc.file and f.code and f.message
    h = derive_history(a)
    out = ProseRenderer(a, h, lambda rid, label: f"[{label}]").render(text)
    assert isinstance(out, str)
