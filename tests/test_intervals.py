"""Dates are intervals: the 大事记 order of partial dates does not decide what is a contradiction.

Each test checks the derived history (lives, names on a date) or the printed message, not only that loading
succeeds.
"""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.book import _when


def errors(root):
    return [f for f in run_checks(load_archive(root)) if f.severity == "error"]


BODY = """
id: cs-gongye
kind: 政府工作部门
"""


def test_body_existing_before_a_date_then_renamed_in_that_year(tmp_path):
    # `1950前` sorts after every 1950 entry in the 大事记, yet it is earlier than any of them
    root = make_archive(tmp_path)
    write(root, "sources/bodies/gongye.yaml", BODY)
    write(root, "sources/events/gongye.yaml", """
- id: ev-gy-1
  type: establish
  date: 1957前
  body: cs-gongye
  name: 测试县工业科
  parent: cs-zhengfu
  jurisdiction: cs-xian
  sources: [d-1956-1]
- id: ev-gy-2
  type: rename
  date: 1957-03
  body: cs-gongye
  name: 测试县工业局
  sources: [d-1956-1]
""")
    write(root, "sources/posts/gongye.yaml", """
- person: p-wang
  body: {id: cs-gongye, as: 测试县工业局}
  post: 局长
  from: 1957-04
  sources: [d-1956-1]
""")
    assert errors(root) == []
    h = derive_history(load_archive(root))
    t = h.get("cs-gongye")
    assert [life.start.chinese() for life in t.lives] == ["1957年前"]
    assert t.name_on(parse_date("1957-12"))[0] == "测试县工业局"
    assert t.name_on(parse_date("1957-01"))[0] == "测试县工业科"


def test_year_only_abolish_then_reestablish_in_december_passes(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", """
- id: ev-a
  type: abolish
  date: 1970
  body: cs-jingwei
  sources: [d-1956-1]
- id: ev-b
  type: establish
  date: 1970-12
  body: cs-jingwei
  name: 测试县经济委员会
  short: 县经委
  parent: cs-zhengfu
  sources: [d-1956-1]
""")
    assert errors(root) == []
    t = derive_history(load_archive(root)).get("cs-jingwei")
    assert [(life.start.iso(), life.end.iso()) for life in t.lives] == [("1956-06-01", "1970"), ("1970-12", "1984-03-12")]
    assert t.alive_on(parse_date("1975"))


def test_reestablish_before_a_certain_abolish_names_the_incarnation(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", """
- id: ev-a
  type: abolish
  date: 1971
  body: cs-jingwei
  sources: [d-1956-1]
- id: ev-b
  type: establish
  date: 1970-06
  body: cs-jingwei
  name: 测试县经济委员会
  short: 县经委
  parent: cs-zhengfu
  sources: [d-1956-1]
""")
    found = [f for f in errors(root) if f.code == "body-exists"]
    assert len(found) == 1
    msg = found[0].message
    assert "1956年6月1日起" in msg          # the incarnation meant: the one set up in 1956, still open
    assert "撤销于1971年" in msg and "1970年6月" in msg
    assert found[0].loc.line == 7


def test_body_not_yet_names_the_later_establishment_instead_of_claiming_none(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", """
- id: ev-x
  type: rename
  date: 1955
  body: cs-jiwei
  name: 测试县计划科
  sources: [d-1956-1]
""")
    found = [f for f in errors(root) if f.code == "body-not-yet"]
    assert len(found) == 1
    assert "设立于1956年6月1日" in found[0].message
    assert "没有它的设立事件" not in found[0].message


def test_rename_in_the_year_of_a_later_dated_establishment_passes(tmp_path):
    # set up in 1970-12, renamed in "1970": the rename may be later in December
    root = make_archive(tmp_path)
    write(root, "sources/bodies/gongye.yaml", BODY)
    write(root, "sources/events/gongye.yaml", """
- id: ev-gy-1
  type: establish
  date: 1970-12
  body: cs-gongye
  name: 测试县工业科
  parent: cs-zhengfu
  sources: [d-1956-1]
- id: ev-gy-2
  type: rename
  date: 1970
  body: cs-gongye
  name: 测试县工业局
  sources: [d-1956-1]
""")
    assert errors(root) == []
    t = derive_history(load_archive(root)).get("cs-gongye")
    assert [s.value[0] for s in t.names] == ["测试县工业科", "测试县工业局"]


def test_event_after_a_certain_end_is_still_an_error_naming_the_life(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", """
- id: ev-a
  type: abolish
  date: 1970
  body: cs-jingwei
  sources: [d-1956-1]
- id: ev-b
  type: rename
  date: 1972-03
  body: cs-jingwei
  name: 测试县经济局
  sources: [d-1956-1]
""")
    found = [f for f in errors(root) if f.code == "body-ended" and f.loc.file == "sources/events/x.yaml"]
    assert len(found) == 1
    assert "1956年6月1日—1970年的一期" in found[0].message


def test_parts_of_a_year_keep_the_source_wording_and_their_months():
    d = parse_date("1958年底")
    assert d.chinese() == "1958年底" and _when(d) == "年底"
    assert (d.earliest().isoformat(), d.latest().isoformat()) == ("1958-11-01", "1958-12-31")
    h = parse_date("1958-下半年")
    assert h.chinese() == "1958年下半年" and h.iso() == "1958-下半年"
    assert (h.earliest().month, h.latest().month) == (7, 12)
    w = parse_date("1958年冬")
    assert (w.earliest().isoformat(), w.latest().isoformat()) == ("1958-12-01", "1959-02-28")
    x = parse_date("1958年3月上旬")
    assert _when(x) == "3月上旬" and (x.earliest().day, x.latest().day) == (1, 10)
    # 大事记 order: at the end of their months, after the exact entries there, before 是年
    order = ["1958-03-10", "1958年3月上旬", "1958-03-11", "1958年春", "1958-06", "1958年上半年", "1958-12",
             "1958年底", "1958"]
    shuffled = sorted(order, key=lambda t: hash(t))
    assert [t for t in sorted(shuffled, key=lambda t: parse_date(t).sort_key())] == order


def test_dotted_date_is_told_its_hyphenated_form(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/events/x.yaml", """
- id: ev-x
  type: rename
  date: 1958.10
  body: cs-jiwei
  name: 测试县计划科
  sources: [d-1956-1]
""")
    found = [f for f in run_checks(load_archive(root)) if f.code == "date-invalid"]
    assert len(found) == 1 and "写成 1958-10" in found[0].message and "float" not in found[0].message


def test_parent_set_up_before_a_date_exists_for_a_child_set_up_on_that_date(tmp_path):
    # the parent's `1957-03-01前` sorts after 1957-03-01 in the 大事记; the child inherits its jurisdiction anyway
    root = make_archive(tmp_path)
    write(root, "sources/bodies/gongye.yaml", """
- id: cs-gongye
  kind: 政府工作部门
- id: cs-gongye-ban
  kind: 事业单位
""")
    write(root, "sources/events/gongye.yaml", """
- id: ev-gy-1
  type: establish
  date: 1957-03-01前
  body: cs-gongye
  name: 测试县工业科
  parent: cs-zhengfu
  sources: [d-1956-1]
- id: ev-gy-2
  type: establish
  date: 1957-03-01
  body: cs-gongye-ban
  name: 测试县工业科办公室
  parent: cs-gongye
  sources: [d-1956-1]
""")
    assert errors(root) == []
    t = derive_history(load_archive(root)).get("cs-gongye-ban")
    assert t.jurisdiction_on(parse_date("1958")) == "cs-xian" and t.parent_on(parse_date("1958")) == "cs-gongye"
