"""A resumption the source dates only as “1971年后逐渐恢复” (1971或以后) may have come by any later year: the 宁化
tester's 1988 一览 still printed 泉上文化站（停办）, as if it had certainly not resumed. The 一览 after the earliest
day it may have resumed says so, with the source's dates, and claims neither."""

from conftest import archive_with
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.snapshot import snapshot
from zhi.views.staffing import figures

EVENTS = """
- {id: wh, type: establish, date: 1957-03, body: cs-whz, name: 测试县文化站, parent: cs-zhengfu, jurisdiction: cs-xian,
   sources: [d-1956-1]}
- {id: wh-s, type: suspend, date: 1966, body: cs-whz, wording: 停办, sources: [d-1956-1]}
- {id: wh-r, type: resume, date: 1971或以后, body: cs-whz, sources: [d-1956-1]}
"""


def _notes(tmp_path, *when: str) -> list[str]:
    a = load_archive(archive_with(tmp_path, EVENTS, bodies={"cs-whz": "事业单位"}))
    h = derive_history(a)
    return [_note(a, h, d) for d in when]


def _note(a, h, when: str) -> str:
    rows = {r.body: r for r in snapshot(a, h, "cs-xian", parse_date(when), figures(a))}
    return rows["cs-whz"].note


def test_an_open_resumption_is_neither_claimed_nor_denied(tmp_path):
    early, later = _notes(tmp_path, "1968-12-31", "1988-12-31")
    assert early == "（停办）", early          # certainly not yet resumed
    assert "此时是否已恢复，档案未载" in later and "1971年或以后" in later and later != "（停办）", later
