"""How a split of a place is told (《寒亭区志》第三节 县（区）人民政府,
https://shandong-chorography.org/database/c72/section/1/article/450/ : 1944年5月寿潍、昌邑两县合并为昌潍县；1945年6月
昌潍县分设为潍县、昌邑县；1945年10月潍县又分设潍北、潍南两县). A place restored the day of a split prints before the split
that gives it land, a list of places is a list (never “潍县；昌邑县”), places the split founds are 分设 (划归 only for
places that exist), and the refusals say what is printed, by name. Each test reads the printed 大事记 / 年表 sentence."""

from conftest import make_archive, write
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.dashiji import dashiji

DOC = """- id: doc-htqz
  issuer: 寒亭区志编纂委员会
  date: 1992
  title: 寒亭区志·第三节 县（区）人民政府
  note: https://shandong-chorography.org/database/c72/section/1/article/450/
"""

PLACES = """
- {id: shouwei-xian, level: 县}
- {id: changyi-xian, level: 县}
- {id: changwei-xian, level: 县}
- {id: weixian, level: 县}
- {id: weibei-xian, level: 县}
- {id: weinan-xian, level: 县}
"""

BEFORE = """
- {id: ev-wei, type: establish, date: 1941-09, body: weixian, name: 潍县, sources: [doc-htqz]}
- {id: ev-sw, type: establish, date: 1943-09, body: shouwei-xian, name: 寿潍县, sources: [doc-htqz]}
- {id: ev-cy, type: establish, date: 1944-01, body: changyi-xian, name: 昌邑县, sources: [doc-htqz]}
- id: ev-1944
  type: merge
  date: 1944-05
  before: [shouwei-xian, changyi-xian]
  after:
    - {id: changwei-xian, name: 昌潍县}
  sources: [doc-htqz]
"""

# typed as the tester did: the split first, 昌邑县's restore further down the file
SPLIT_1945_06 = """
- id: ev-1945-06
  type: split
  date: 1945-06
  before: changwei-xian
  after: [weixian, changyi-xian]{wording}
  sources: [doc-htqz]
- {{id: ev-1945-06-cy, type: restore, date: 1945-06, body: changyi-xian, sources: [doc-htqz]}}
"""

SPLIT_1945_10 = """
- id: ev-1945-10
  type: split
  date: 1945-10
  before: weixian
  after:
    - {id: weibei-xian, name: 潍北县}
    - {id: weinan-xian, name: 潍南县}
  sources: [doc-htqz]
"""


def _archive(tmp_path, events: str):
    root = make_archive(tmp_path)
    write(root, "sources/documents/htqz.yaml", DOC)
    write(root, "sources/jurisdictions/x.yaml", "".join(line + "\n" for line in PLACES.splitlines()
                                                      if line and line.split(",")[0][7:] in BEFORE + events))
    write(root, "sources/events/x.yaml", BEFORE + events)
    a = load_archive(root)
    return a, derive_history(a)


def _errors(a):
    return [f for f in run_checks(a) if f.severity == "error"]


def _told(a, h, when: str) -> list[str]:
    """The 年表 (every change, in the order told) and the 大事记 entry of that date."""
    nianbiao = [en.plain() for en in chronology(a, h) if en.date.chinese() == when]
    return nianbiao + [it.plain() for it in dashiji(a, h) if it.date.chinese() == when]


def test_split_into_with_a_place_restored_that_day_is_a_list_told_after_the_restore(tmp_path):
    """“6月　昌潍县分设为潍县；昌邑县” (a semicolon inside the list) and 恢复昌邑县 after it, as the tester found."""
    a, h = _archive(tmp_path, SPLIT_1945_06.format(wording="\n  wording: 分设为"))
    assert not _errors(a), _errors(a)
    assert _told(a, h, "1945年6月") == ["恢复昌邑县。", "昌潍县分设为潍县、昌邑县。",
                                        "恢复昌邑县；昌潍县分设为潍县、昌邑县。"]


def test_land_is_never_given_to_a_place_before_it_is_restored(tmp_path):
    """“昌潍县的行政区域分别划归潍县、昌邑县；…；恢复昌邑县” gave 昌邑县 land before it was back: the restore first.
    No 撤销: the source does not say it (it says 分设为)."""
    a, h = _archive(tmp_path, SPLIT_1945_06.format(wording=""))
    assert not _errors(a), _errors(a)
    assert _told(a, h, "1945年6月") == ["恢复昌邑县。", "昌潍县的行政区域分别划归潍县、昌邑县。",
                                        "恢复昌邑县；昌潍县的行政区域分别划归潍县、昌邑县。"]


def test_a_split_into_places_it_founds_says_fen_she(tmp_path):
    """潍县又分设潍北、潍南两县: both founded by the split, so 分设 (was “其行政区域分别划归潍北县、潍南县”)."""
    a, h = _archive(tmp_path, SPLIT_1945_10)
    assert not _errors(a), _errors(a)
    assert _told(a, h, "1945年10月") == ["潍县分设为潍北县、潍南县。"] * 2   # no 撤销 the source does not say


def test_a_split_into_a_new_place_and_an_existing_one_says_each(tmp_path):
    """One place founded, one that exists: 分设 the first, 划归 the second (no new place said to have existed)."""
    a, h = _archive(tmp_path, SPLIT_1945_06.format(wording="")
                    + SPLIT_1945_10.replace("    - {id: weinan-xian, name: 潍南县}\n", "    - changyi-xian\n"))
    assert not _errors(a), _errors(a)
    assert _told(a, h, "1945年10月")[0] == "潍县分设为潍北县，部分行政区域划归昌邑县。"


def test_a_wording_on_a_split_that_ends_its_source_is_refused_saying_what_prints(tmp_path):
    """The refusal said the split reads “撤销甲，分设乙、丙” with nothing else to write: it names the 划归 sentence too
    and 分设为, which may be written."""
    a, h = _archive(tmp_path, SPLIT_1945_06.format(wording="\n  wording: 分设"))
    bad = [f for f in _errors(a) if f.code == "schema-value"]
    assert len(bad) == 1 and bad[0].loc.file.endswith("x.yaml") and bad[0].loc.line > 0, bad
    assert "甲的行政区域分别划归乙、丙" in bad[0].message and "wording: 分设为" in bad[0].message
    assert "wording: 撤销" in bad[0].message
    assert "没有可换的说法" not in bad[0].message
    assert _told(a, h, "1945年6月")[1] == "昌潍县的行政区域分别划归潍县、昌邑县。"  # the wording is not printed


def test_a_restore_worded_fen_she_after_its_from_is_refused_by_name(tmp_path):
    """从昌潍县分出，分设昌邑县 would say 分出 twice: refused naming 昌潍县 as printed (was “从changwei-xian分出，”),
    and nothing prints the wording."""
    events = SPLIT_1945_06.format(wording="\n  wording: 分设为").replace(
        "body: changyi-xian, sources", "body: changyi-xian, from: changwei-xian, wording: 分设, sources")
    a, h = _archive(tmp_path, events)
    bad = [f for f in _errors(a) if f.code == "schema-value"]
    assert len(bad) == 1 and bad[0].loc.file.endswith("x.yaml") and bad[0].loc.line > 0, bad
    assert "大事记已印“从昌潍县分出，”" in bad[0].message and "changwei-xian" not in bad[0].message
    assert _told(a, h, "1945年6月")[0] == "从昌潍县分出，恢复昌邑县。"
