"""``body-ended`` for a body that ended with its county (closedK): an attack tester saw "已于2020年9月1日因分设而终止"
for a body of a county abolished by a split (wording: 撤销); the body was never split. Now the county and the
source's verb are named."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.loader import load_archive

SPLIT = """- id: ev-cs-split
  type: split
  date: 1990-01-01
  before: [cs-xian]
  after: [cs-a, cs-b]
  wording: 撤销
  sources: [d-1956-1]
- {id: ev-cs-a, type: establish, date: 1990-01-01, body: cs-a, name: 甲区, sources: [d-1956-1]}
- {id: ev-cs-b, type: establish, date: 1990-01-01, body: cs-b, name: 乙区, sources: [d-1956-1]}
"""


def test_body_ended_names_the_county_and_its_verb(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/jurisdictions/ab.yaml", "- {id: cs-a, level: 区}\n- {id: cs-b, level: 区}\n")
    write(root, "sources/events/split.yaml", SPLIT)
    found = [f for f in run_checks(load_archive(root)) if f.code == "body-ended"]
    assert found and all("已于1990年1月1日随所属的测试县（cs-xian）撤销而终止" in f.message and "分设" not in f.message
                         for f in found), [f.as_text() for f in found]
    assert ("sources/staffing/1990.yaml", 1) in [(f.loc.file, f.loc.line) for f in found]
