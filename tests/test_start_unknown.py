"""A body the sources show only as the survivor of a merge (甲并入乙, 乙's start not given) is sayable with no
establishment invented: `start: 不详` in its body file, its name from the first event that names it (`as`). Its
start prints as 不详 (始年不详（最早见于…）), the 年表 tells only the merge, and the 一览 cites no document for its
setting up."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.lineage import lineage
from zhi.views.snapshot import snapshot
from zhi.views.staffing import figures

BODIES = """- id: cs-nongye
  kind: 政府工作部门
  start: 不详
  jurisdiction: cs-xian
  parent: cs-zhengfu
- id: cs-shuili
  kind: 政府工作部门
"""
EVENTS = """- {id: ev-sl, type: establish, date: 1970, body: cs-shuili, name: 测试县水利局, parent: cs-zhengfu, sources: [d-1984-7]}
- {id: ev-m, type: merge, date: 1984-06, before: [cs-shuili, {id: cs-nongye, as: 测试县农业局}], after: cs-nongye,
   sources: [d-1984-7]}
"""


def _load(tmp_path, bodies=BODIES, events=EVENTS):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/nongye.yaml", bodies)
    write(root, "sources/events/x.yaml", events)
    a = load_archive(root)
    return a, derive_history(a)


def _errors(a, h):
    return [f"{f.loc.file}:{f.loc.line} [{f.code}] {f.message}" for f in run_checks(a, history=h)
            if f.severity == "error"]


def test_a_merge_into_a_body_of_unknown_start_invents_nothing(tmp_path):
    a, h = _load(tmp_path)
    assert _errors(a, h) == []
    lines = [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]
    assert "1984年6月　测试县水利局并入测试县农业局。" in lines
    assert not any("测试县农业局" in x and ("设立" in x or "已有" in x) for x in lines), lines
    assert lineage(a, h, "cs-nongye", []).start_said == "始年不详（最早见于1984年6月）"
    row = {r.body: r for r in snapshot(a, h, "cs-xian", parse_date("1985-12-31"), figures(a))}["cs-nongye"]
    assert (row.name, row.parent_name, row.established_text(), row.authority) == \
        ("测试县农业局", "测试县人民委员会", "不详", [])


def test_start_unknown_refuses_what_would_say_more_than_the_record(tmp_path):
    no_name = EVENTS.replace("{id: cs-nongye, as: 测试县农业局}", "cs-nongye")
    a, h = _load(tmp_path / "a", events=no_name)
    errs = _errors(a, h)
    assert any(e.startswith("sources/events/x.yaml:2 [schema-missing] 机构“cs-nongye”写了“start: 不详”：它第一次出现的"
                            "事件（1984年6月）要写出它那时的名称") for e in errs), errs
    nowhere = BODIES.replace("  jurisdiction: cs-xian\n  parent: cs-zhengfu\n", "")
    a, h = _load(tmp_path / "b", bodies=nowhere)
    assert any("[schema-missing] 写了“start: 不详”的机构，请写“jurisdiction（行政区划）”" in e for e in _errors(a, h))
    made = EVENTS + "- {id: ev-ny, type: establish, date: 1980, body: cs-nongye, name: 测试县农业局, parent: cs-zhengfu," \
                    " sources: [d-1984-7]}\n"
    a, h = _load(tmp_path / "c", events=made)
    assert any("[schema-value] 机构“cs-nongye”写了“start: 不详”，档案里却有产生它的事件" in e for e in _errors(a, h))
    guessed = BODIES.replace("start: 不详", "start: 1980")
    a, h = _load(tmp_path / "d", bodies=guessed)
    assert any("[schema-value] 机构文件的“start（始年）”只能写“不详”" in e for e in _errors(a, h))
