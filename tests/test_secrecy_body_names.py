"""A body marked 秘密 whose establishing event the editor left unmarked: its name is as secret as the body (attack
tester: 金丝雀70办公室 came out through a public document's issuer and a chapter, build exit 0, only event-withheld)."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.leaks import entries
from zhi.loader import load_archive

BODY = "id: cs-zz\nkind: 其他\nclassification: 秘密\n"
EVENT = """- id: ev-zz
  type: establish
  date: 1990-05
  body: cs-zz
  name: 测试县金丝雀七十办公室
  short: 金七办
  jurisdiction: cs-xian
  sources: [d-1956-1]
"""


def _archive(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/zz.yaml", BODY)
    write(root, "sources/events/zz.yaml", EVENT)
    write(root, "sources/documents/p148.yaml",
          "id: d-p148\nissuer: 测试县金丝雀七十办公室\ndate: 1990-06\ntitle: 关于开展清理工作的通知\n")
    return root


def test_the_name_an_unmarked_event_gives_a_secret_body_is_secret(tmp_path):
    a = load_archive(_archive(tmp_path))
    names = {e.text: e.level.name for e in entries(a) if e.kind == "name"}
    assert names["测试县金丝雀七十办公室"] == "秘密" and names["金七办"] == "秘密"
    shared = [f for f in run_checks(a) if f.code == "secret-shared"]
    assert any(f.loc.file == "sources/documents/p148.yaml" and f.severity == "error" for f in shared), \
        [f.as_text() for f in run_checks(a)]


def test_a_public_bodys_name_given_by_a_public_event_stays_public(tmp_path):
    root = _archive(tmp_path)
    write(root, "sources/bodies/zz.yaml", "id: cs-zz\nkind: 其他\n")
    a = load_archive(root)
    assert not [f for f in run_checks(a) if f.code == "secret-shared"]
