"""A public 任职 or 编制 record whose only sources are above the edition: one rule with events and 记事
(citations.stated, checked by source-classified). The public edition does not state a fact it cannot cite; the
internal edition states it with its source; the check tells the editor, naming what the public edition leaves out.
"""

from pathlib import Path

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.staffing import figures

INTERNAL_DOC = """
- id: d-1984-nb
  number: 测组任〔1984〕2号
  issuer: 中共测试县委组织部
  date: 1984-03-05
  title: 关于王明任职的通知
  classification: 内部
"""

POSTS = """- person: p-wang
  body: cs-jijingwei
  post: 主任
  from: 1984-03
  to: 1990-05
  sources: [d-1984-nb]
- person: p-wang
  body: cs-jijingwei
  post: 党组书记
  from: 1984-03
  to: 1990-05
  sources: [d-1984-nb, d-1984-7]
"""

STAFFING = """- body: cs-jijingwei
  date: 1990-06-01
  basis: 核定
  figures: {行政编制: 10, 事业编制: 2}
  sources: [d-1984-nb]
- body: cs-jijingwei
  date: 1990-12-31
  basis: 实有
  figures: {行政编制: 9}
  sources: [d-1990-3]
"""


def _archive(tmp_path: Path):
    root = make_archive(tmp_path)
    write(root, "sources/documents/nb.yaml", INTERNAL_DOC)
    write(root, "sources/posts/posts.yaml", POSTS)
    write(root, "sources/staffing/1990.yaml", STAFFING)
    return load_archive(root)


def test_a_public_post_or_figure_resting_only_on_an_internal_source_is_warned_of(tmp_path):
    a = _archive(tmp_path)
    found = [f for f in run_checks(a, history=derive_history(a)) if f.code == "source-classified"]
    where = {(f.loc.file, f.loc.line): f.message for f in found}
    assert set(where) == {("sources/posts/posts.yaml", 1), ("sources/staffing/1990.yaml", 1)}, where
    post = where[("sources/posts/posts.yaml", 1)]
    assert "内部" in post and "公开版不收此条" in post and "王明主任" in post and "内部版照收" in post
    fig = where[("sources/staffing/1990.yaml", 1)]
    assert "内部" in fig and "公开版不收此条" in fig and "cs-jijingwei，1990年6月1日" in fig
    assert all(f.severity == "warning" for f in found)


def test_the_public_edition_does_not_state_them_the_internal_one_cites_its_source(tmp_path):
    a = _archive(tmp_path)
    pub = filter_archive(a, "public")
    assert [(p.post, [c.doc for c in p.sources]) for p in pub.posts] == [("党组书记", ["d-1984-7"])]
    assert [(str(s.date), s.basis) for s in pub.staffing] == [("1990年12月31日", "actual")]
    assert "1990年6月1日" not in {str(f.date) for f in figures(pub)}
    assert "d-1984-nb" not in pub.documents
    internal = filter_archive(a, "internal")
    assert sorted((p.post, tuple(c.doc for c in p.sources)) for p in internal.posts) == [
        ("主任", ("d-1984-nb",)), ("党组书记", ("d-1984-nb", "d-1984-7"))]
    assert len(internal.staffing) == 2 and internal.staffing[0].sources[0].doc == "d-1984-nb"
    assert "1990年6月1日" in {str(f.date) for f in figures(internal)}


def test_an_event_keeps_its_rule_printed_without_a_source_and_warned(tmp_path):
    """The same rule (stated) for an event: it is warned of, and printed (the history rests on it) with no 出处."""
    root = make_archive(tmp_path)
    write(root, "sources/documents/nb.yaml", INTERNAL_DOC)
    p = root / "sources/events/1984.yaml"
    text = p.read_text(encoding="utf-8")
    assert "sources: [d-1984-7]" in text
    p.write_text(text.replace("sources: [d-1984-7]", "sources: [d-1984-nb]", 1), encoding="utf-8")
    a = load_archive(root)
    found = [f for f in run_checks(a, history=derive_history(a)) if f.code == "source-classified"]
    assert len(found) == 1 and "公开版照印此事，但没有出处" in found[0].message
    pub = filter_archive(a, "public")
    ev = next(e for e in pub.events if e.loc == found[0].loc)
    assert ev.sources == []
