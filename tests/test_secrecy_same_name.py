"""A secret body that bears an open body's name (two bodies of one name): the open records are no copy of the secret
one. ``secret-shared`` says so and gives the mend that is right — a 区别语 (``distinguish``) for the secret body, see
guide/bodies.md — not “raise the open record's level”; with the 区别语 written, the name is the open body's and the
check is quiet, while the secret body's name with its 区别语 stays secret."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.leaks import forbidden_strings
from zhi.loader import load_archive

BODIES = """- id: cs-room-a
  kind: 政府工作部门
- id: cs-room-b
  kind: 政府工作部门
  classification: 秘密
"""
EVENTS = """- id: ev-room-a
  type: establish
  date: 1960-01
  body: cs-room-a
  name: 测试县金丝雀室
  parent: cs-zhengfu
  sources: [d-1956-1]
- id: ev-room-b
  type: establish
  date: 1970-01
  body: cs-room-b
  name: 测试县金丝雀室
  parent: cs-zhengfu
  classification: 秘密
  sources: [d-1956-1]
"""


def _shared(tmp_path, bodies: str):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/room.yaml", bodies)
    write(root, "sources/events/room.yaml", EVENTS)
    a = load_archive(root)
    return a, [f for f in run_checks(a) if f.code == "secret-shared"]


def test_the_open_body_of_the_same_name_is_told_to_write_a_distinguish_not_to_raise_its_level(tmp_path):
    _, found = _shared(tmp_path, BODIES)
    assert [(f.loc.file, f.loc.line, f.severity) for f in found] == [("sources/events/room.yaml", 5, "error")]
    message = found[0].message
    assert "两个机构同名" in message and "cs-room-a" in message and "cs-room-b" in message
    assert "区别语 distinguish" in message and "guide/bodies.md" in message and "不必提高" in message
    assert "改为不低于" not in message


def test_with_a_distinguish_the_name_is_the_open_bodys_and_the_told_apart_name_stays_secret(tmp_path):
    a, found = _shared(tmp_path, BODIES + "  distinguish: 1970年设立\n")
    assert found == []
    forbidden = forbidden_strings(a, "public")
    assert "测试县金丝雀室" not in forbidden
    assert "测试县金丝雀室（1970年设立）" in forbidden
    assert "测试县金丝雀室（1970年设立）" in forbidden_strings(a, "internal")


def test_a_secret_name_no_open_body_bears_is_still_shared_with_the_old_advice(tmp_path):
    """The secret body's name typed into an open document's issuer: a repetition, mended as before."""
    root = make_archive(tmp_path)
    write(root, "sources/bodies/room.yaml", BODIES + "  distinguish: 1970年设立\n")
    write(root, "sources/events/room.yaml", EVENTS.replace("name: 测试县金丝雀室\n  parent: cs-zhengfu\n  sources",
                                                           "name: 测试县白鹭室\n  parent: cs-zhengfu\n  sources", 1))
    write(root, "sources/documents/p1.yaml", "id: d-p1\nissuer: 测试县金丝雀室\ndate: 1990-06\ntitle: 关于开展清理工作的通知\n")
    found = [f for f in run_checks(load_archive(root)) if f.code == "secret-shared"]
    assert any(f.loc.file == "sources/documents/p1.yaml" and "改为不低于" in f.message for f in found), found


def test_the_guides_example_of_an_open_and_a_secret_body_of_one_name_says_what_the_check_says(tmp_path):
    from test_guide_examples import GUIDE, lay_out, section

    text = section((GUIDE / "bodies.md").read_text(encoding="utf-8"), "## 完整示例：前后两个同名的机构")
    root = lay_out(tmp_path, text)
    bodies = root / "sources/bodies/heshan2.yaml"
    bodies.write_text(bodies.read_text(encoding="utf-8").replace("  distinguish: 1990年设立\n", "  classification: 秘密\n"),
                      encoding="utf-8")
    events = root / "sources/events/heshan2.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("body: heshan-jingwei-90,",
                                                                 "body: heshan-jingwei-90, classification: 秘密,"),
                      encoding="utf-8")
    found = [f.as_text() for f in run_checks(load_archive(root, with_book=False)) if f.code == "secret-shared"]
    [shown] = [ln for ln in text.splitlines() if "[secret-shared]" in ln]
    assert len(found) == 1 and all(part in found[0] for part in shown.replace("（……）", "……").split("……") if part), \
        (found, shown)
