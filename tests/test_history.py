"""History derived from events: lifespans with gaps, names on the day of a change, out-of-scope places."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive


def codes(root):
    return {(f.loc.file, f.loc.line, f.code) for f in run_checks(load_archive(root)) if f.severity == "error"}


def test_reestablished_body_has_two_lives(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", """
- id: ev-a
  type: abolish
  date: 1968-01
  body: cs-jingwei
  sources: [d-1956-1]
- id: ev-b
  type: establish
  date: 1978-05
  body: cs-jingwei
  name: 测试县经济委员会
  parent: cs-zhengfu
  sources: [d-1956-1]
- id: ev-c
  type: abolish
  date: 1984-03-12
  body: cs-jingwei
  sources: [d-1984-7]
""")
    # the merge in the base archive also ends cs-jingwei: use the base without that participant
    write(root, "sources/events/1984.yaml", """
- id: ev-jjw
  type: merge
  date: 1984-03-12
  before: [cs-jiwei, cs-zhengfu]
  after: cs-zhengfu
  sources: [d-1984-7]
""")
    write(root, "sources/bodies/jijingwei.yaml", "")
    write(root, "sources/posts/posts.yaml", """
- person: p-wang
  body: cs-jingwei
  post: 主任
  from: 1960
  sources: [d-1956-1]
- person: p-wang
  body: cs-jingwei
  post: 主任
  from: 1972
  sources: [d-1956-1]
- person: p-wang
  body: cs-jingwei
  post: 主任
  from: 1980
  sources: [d-1956-1]
""")
    write(root, "sources/staffing/1990.yaml", "")
    found = codes(root)
    assert ("sources/posts/posts.yaml", 8, "body-ended") in found        # 1972: in the gap
    posts = {line for f, line, _ in found if f == "sources/posts/posts.yaml"}
    assert posts == {8}                                                 # 1960 and 1980: alive
    h = derive_history(load_archive(root))
    t = h.get("cs-jingwei")
    assert len(t.lives) == 2
    assert t.alive_on(parse_date("1960")) and not t.alive_on(parse_date("1972")) and t.alive_on(parse_date("1980"))


def test_old_and_new_name_both_valid_on_the_day_of_a_rename(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", """
- id: ev-r
  type: rename
  date: 1970-05-01
  body: cs-jiwei
  name: 测试县计划局
  sources: [d-1956-1]
""")
    write(root, "sources/documents/d9.yaml", """
id: d-9
issuer: 测试县计划委员会
issuer_body: cs-jiwei
date: 1970-05-01
title: 关于启用新印章的通知
""")
    write(root, "sources/documents/d10.yaml", """
id: d-10
issuer: 测试县计划委员会
issuer_body: cs-jiwei
date: 1970-06-01
title: 关于某事的报告
""")
    found = codes(root)
    assert ("sources/documents/d10.yaml", 4, "name-invalid") in found
    assert not any(f == "sources/documents/d9.yaml" for f, _, _ in found)


def test_out_of_scope_neighbour_needs_no_history_but_a_name(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/jurisdictions/nb.yaml", "id: cs-nb\nlevel: 市辖区\nscope: out\n")
    write(root, "sources/events/x.yaml", """
- id: ev-s
  type: split
  date: 1999-01-01
  before: cs-xian
  after: [cs-xian, cs-nb]
  sources: [d-1990-3]
""")
    # nothing names it: the 大事记 would print its id (name-missing); its names alone are enough, no establishment
    assert codes(root) == {("sources/jurisdictions/nb.yaml", 1, "name-missing")}
    write(root, "sources/jurisdictions/nb.yaml", "id: cs-nb\nlevel: 市辖区\nscope: out\n"
                                                 "names: [{name: 东岭区, from: 1999, sources: [d-1990-3]}]\n")
    assert codes(root) == set()
