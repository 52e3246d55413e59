"""``different_from`` (非同一机构) opens a secret name's designation only inside the name of the body it states is
another (attack tester, canary 县磐屿十二号工作站, 机密, beside a public 县磐屿十二号渔场): before, the designation was
open with any ending (磐屿十二号站, 磐屿十二号的工作站, 磐屿十二号站站长 in a public ex_officio, a unit, a post, a seat, a
url slug). And a record's different_from speaks for that record only: another secret body of the same name that did
not declare it keeps the designation secret."""

import markdown
import pytest
from conftest import make_archive, write
from test_prose_leaks import _chapter, _errors
from test_secrecy_variants import _scanned, _shared
from zhi.leaks import forbidden_strings, within_of
from zhi.loader import load_archive

NAME = "县赭鸮六号工作站"


def _archive(tmp_path, twin: bool = False):
    r = make_archive(tmp_path)
    write(r, "sources/bodies/zx.yaml", "id: cs-zx\nkind: 其他\nclassification: 机密\ndifferent_from: [cs-zp]\n")
    write(r, "sources/bodies/zp.yaml", "id: cs-zp\nkind: 企业\n")
    write(r, "sources/events/zx.yaml",
          f"- {{id: ev-zx, type: establish, date: 1988-06, body: cs-zx, name: {NAME}, jurisdiction: cs-xian, "
          "sources: [d-1956-1], classification: 机密}\n")
    write(r, "sources/events/zp.yaml",
          "- {id: ev-zp, type: establish, date: 1988-06, body: cs-zp, name: 县赭鸮六号渔场, jurisdiction: cs-xian, "
          "sources: [d-1956-1]}\n")
    if twin:   # another secret body of the same name, out of the county, that states nothing
        write(r, "sources/bodies/zz.yaml", "id: cs-zz\nscope: out\nnames:\n"
                                           f"  - {{name: {NAME}, from: 1995, classification: 机密, sources: [d-1956-1]}}\n")
    return r


REFUSED = ["赭鸮六号站", "赭鸮六号的工作站", "赭鸮六号所", "赭鸮六号", "赭鸮6号组", "县赭鸮六号站"]


@pytest.mark.parametrize("written", REFUSED)
def test_the_designation_outside_the_public_name_is_refused(tmp_path, written):
    root = _archive(tmp_path)
    _chapter(root, f"正文。\n\n该县设有{written}，负责联络。\n")
    found = (_shared(root), _scanned(root, tmp_path, markdown.markdown(f"该县设有{written}。")) & {"赭鸮六号", "县赭鸮六号"})
    assert found[0] == [("chronicle/p1/c1.md", 9)] and found[1], (written, found)


@pytest.mark.parametrize("written", ["县赭鸮六号渔场", "赭鸮六号渔场", "赭鸮6号渔场"])
def test_the_public_name_with_or_without_its_place_stays_open(tmp_path, written):
    root = _archive(tmp_path)
    text = f"{written}设于城关。"
    _chapter(root, f"正文。\n\n{text}\n")
    assert [f.as_text() for f in _errors(root)] == []
    assert _scanned(root, tmp_path, f"<p>{text}</p>") == set()
    assert within_of(forbidden_strings(load_archive(root), "public")["赭鸮六号"]) == ("赭鸮六号渔场",)


EVENT = {"units": "type: 成员数\n  date: 1997-05\n  wording: 保留\n  units: [秘书股, 赭鸮六号站]\n",
         "posts": "type: 成员数\n  date: 1997-05\n  posts: [主席, 赭鸮六号站联络员]\n",
         "seat": "type: 驻\n  date: 1997-07\n  wording: 临时设在\n  seat: 枫石坳赭鸮六号站院内\n"}


@pytest.mark.parametrize("field", EVENT)
def test_the_designation_in_a_public_events_field_is_an_error_at_its_line(tmp_path, field):
    root = _archive(tmp_path)
    write(root, "sources/events/kx.yaml", f"- id: ev-kx\n  body: cs-jijingwei\n  {EVENT[field]}  sources: [d-1990-3]\n")
    line = next(i for i, x in enumerate(EVENT[field].split("\n"), 3) if x.lstrip().startswith(field))
    assert ("sources/events/kx.yaml", line) in _shared(root), [f.as_text() for f in _errors(root)]


def test_the_designation_in_a_public_ex_officio_is_an_error_at_its_line(tmp_path):
    root = _archive(tmp_path)
    write(root, "sources/posts/ex.yaml", "- {body: cs-jijingwei, post: 主任, ex_officio: 赭鸮六号站站长, "
                                         "from: 1990-06, to: 不详, sources: [d-1990-3]}\n")
    assert ("sources/posts/ex.yaml", 1) in _shared(root), [f.as_text() for f in _errors(root)]


def test_a_slug_in_pinyin_is_refused_by_the_scan(tmp_path):
    root = _archive(tmp_path)
    assert _scanned(root, tmp_path, '<a href="zhexiao-liuhao-zhan/">站</a>')
    assert not _scanned(root, tmp_path, '<a href="zhexiao-liuhao-yuchang/">渔场</a>')


def test_another_secret_body_of_the_same_name_that_did_not_state_it_keeps_the_designation(tmp_path):
    root = _archive(tmp_path, twin=True)
    _chapter(root, "正文。\n\n赭鸮六号渔场设于城关。\n")
    assert ("chronicle/p1/c1.md", 9) in _shared(root) or any(
        f.code == "secret-stem-public" for f in _errors(root)), [f.as_text() for f in _errors(root)]
    assert not within_of(forbidden_strings(load_archive(root), "public")["赭鸮六号"])


def test_a_chapter_images_metadata_is_read_with_the_opening_too(tmp_path):
    """(check image-metadata) The public name in an image's comment is no secret; the designation with another
    ending is."""
    from test_secrecy_check_at_line import _image
    from zhi.checks import run_checks

    root = _archive(tmp_path)
    _chapter(root, "正文。\n\n![渔场](images/zhan.jpg)\n")
    for comment, warned in (("摄于县赭鸮六号渔场", False), ("摄于赭鸮六号站", True)):
        _image(root, comment.encode("utf-8"))
        found = [f for f in run_checks(load_archive(root)) if f.code == "image-metadata"]
        assert bool(found) == warned, (comment, [f.as_text() for f in found])
