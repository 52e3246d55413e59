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


def test_an_event_known_only_from_a_withheld_document_is_withheld_with_what_it_sets_up(tmp_path):
    """The same rule (stated) for an event, fail closed: an extract keeps its sources' level. The tester's careless
    editor left a body and its setting-up public and classified only the document (关于成立鸥屿三号联络组的通知，
    秘密★10年): the public edition printed the body's name in the index, the open data and the PDF. Now the event is
    not of the public edition, and the body it sets up, with no other public record, is not either; the internal
    edition (holding an 内部 document) tells both with their source; the check says so."""
    root = make_archive(tmp_path)
    write(root, "sources/documents/nb.yaml", INTERNAL_DOC.replace("classification: 内部", "classification: 秘密★10年")
          + INTERNAL_DOC.replace("d-1984-nb", "d-1984-nb2").replace("2号", "3号"))
    write(root, "sources/bodies/lg.yaml", "- id: cs-lianluo\n  kind: 事业单位\n- id: cs-dangan\n  kind: 事业单位\n")
    write(root, "sources/events/lg.yaml",
          "- {id: ev-lg, type: establish, date: 1985-03, body: cs-lianluo, name: 测试县鸥屿三号联络组,"
          " parent: cs-zhengfu, sources: [d-1984-nb]}\n"
          "- {id: ev-da, type: establish, date: 1985-04, body: cs-dangan, name: 测试县档案室,"
          " parent: cs-zhengfu, sources: [d-1984-nb2]}\n")
    a = load_archive(root)
    found = [f for f in run_checks(a, history=derive_history(a)) if f.code == "source-classified"]
    where = {f.loc.file: f.message for f in found}
    assert set(where) == {"sources/events/lg.yaml"} and len(found) == 2, found
    assert all("公开版不说此事" in f.message for f in found)
    # and not told as withheld for “another party”: no party is above the edition, its sources are (the 即墨 tester)
    assert not [f for f in run_checks(a, history=derive_history(a)) if f.code == "event-withheld"]
    pub = filter_archive(a, "public")
    assert not {"ev-lg", "ev-da"} & {e.id for e in pub.events}
    assert "cs-lianluo" not in pub.bodies and "cs-dangan" not in pub.bodies
    internal = filter_archive(a, "internal")
    assert "ev-lg" not in {e.id for e in internal.events} and "cs-lianluo" not in internal.bodies
    ev = next(e for e in internal.events if e.id == "ev-da")
    assert [c.doc for c in ev.sources] == ["d-1984-nb2"] and "cs-dangan" in internal.bodies


def test_the_name_of_a_body_set_up_only_by_a_secret_document_is_refused_in_a_public_chapter(tmp_path):
    """…and its name is a secret name: a public chapter repeating it is refused at its line, as for a body marked
    秘密 (the tester's careless editor: only the document classified)."""
    root = make_archive(tmp_path)
    write(root, "sources/documents/nb.yaml", INTERNAL_DOC.replace("classification: 内部", "classification: 秘密★10年"))
    write(root, "sources/bodies/lg.yaml", "- id: cs-lianluo\n  kind: 事业单位\n")
    write(root, "sources/events/lg.yaml",
          "- {id: ev-lg, type: establish, date: 1985-03, body: cs-lianluo, name: 测试县鸥屿三号联络组,"
          " parent: cs-zhengfu, sources: [d-1984-nb]}\n")
    chapter = next((root / "chronicle").rglob("*.md"))
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n1985年，县里设立测试县鸥屿三号联络组。\n",
                       encoding="utf-8")
    a = load_archive(root)
    found = [f for f in run_checks(a, history=derive_history(a)) if f.severity == "error"]
    line = len(chapter.read_text(encoding="utf-8").splitlines())
    assert any(f.loc.file == chapter.relative_to(root).as_posix() and f.loc.line == line for f in found), found
