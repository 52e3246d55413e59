"""Real records a tester could not say as the source does (《平度县志》-style 平度 pages, 庆元县大事记, 《安远县志》 妇联):
a concurrent post (任县委书记兼县革委主任), 兼管 as the verb of a 职能划转, and more. Each test reads the printed
sentence of the 大事记 or the 年表, and each unknown value is refused with the word zhi would take instead.
"""

import shutil
from pathlib import Path

from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.dashiji import Rules, dashiji

REAL = Path(__file__).resolve().parent / "fixtures" / "real"


def _copy(tmp_path: Path, name: str, rel: str = "", old: str = "", new: str = "") -> Path:
    root = tmp_path / name
    shutil.copytree(REAL / name, root)
    if rel:
        p = root / rel
        text = p.read_text(encoding="utf-8")
        assert old in text
        p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def _load(root: Path):
    a = load_archive(root)
    return a, derive_history(a)


def _dashiji(a, h) -> list[str]:
    return [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h, Rules.from_options())]


def _errors(root: Path) -> list[str]:
    a = load_archive(root)
    return [f.as_text() for f in run_checks(a, history=derive_history(a)) if f.severity == "error"]


def _errors_after(tmp_path: Path, name: str, rel: str, old: str, new: str) -> list[str]:
    """The errors of a copy of the real fixture ``name`` with ``old`` replaced by ``new`` in ``rel``."""
    return _errors(_copy(tmp_path, name, rel, old, new))


# ---- 1. 兼任: 主任（兼） ----------------------------------------------------------------------------------------
def test_a_concurrent_post_prints_with_the_principal_one_as_the_source_says():
    a, h = _load(REAL / "pingdu")
    printed = _dashiji(a, h)
    assert "1975年5月19日　赵蓝田任县委书记兼县革委主任。" in printed
    assert "1975年5月19日　赵蓝田任县委书记。" not in printed


def test_a_concurrent_post_alone_is_a_leader_and_prints_jianren(tmp_path):
    root = _copy(tmp_path, "pingdu", "sources/posts/geweihui.yaml",
                 "- {person: p-zhao-lantian, body: pingdu-xianwei, post: 书记, from: 1975-05-19",
                 "- {person: p-zhao-lantian, body: pingdu-xianwei, post: 书记, from: 1975-05-01")
    a, h = _load(root)
    printed = _dashiji(a, h)
    assert "1975年5月19日　赵蓝田兼任县革委主任。" in printed
    assert "1975年5月1日　赵蓝田任县委书记。" in printed


def test_a_jian_zhi_does_not_read_is_refused_with_the_form_it_takes(tmp_path):
    root = _copy(tmp_path, "pingdu", "sources/posts/geweihui.yaml", "post: 主任（兼）", "post: 兼主任")
    errors = _errors(root)
    assert any("geweihui.yaml:20" in e and "兼主任" in e and "“主任（兼）”" in e for e in errors), errors
    root2 = _copy(tmp_path / "b", "pingdu", "sources/posts/geweihui.yaml", "post: 主任（兼）", "post: 主任（兼任）")
    assert any("主任（兼）" in e for e in _errors(root2))


# ---- 2. 职能划转的用词: 由…兼管 ---------------------------------------------------------------------------------
def _printed(a, h) -> list[str]:
    return [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]


def test_a_transfer_prints_the_sources_verb():
    a, h = _load(REAL / "anyuan-fulian")
    printed = _printed(a, h)
    assert "1968年8月底　安远县妇女联合会的妇女工作由安远县革命委员会政治部群运组兼管。" in printed
    assert not any("划入安远县革命委员会政治部群运组" in line for line in printed)


def test_a_transfer_wording_zhi_does_not_know_is_refused_with_the_nearest(tmp_path):
    root = _copy(tmp_path, "anyuan-fulian", "sources/events/e.yaml", "wording: 由…兼管", "wording: 由…兼理")
    errors = _errors(root)
    assert any("e.yaml" in e and "由…兼理" in e and "由…兼管" in e for e in errors), errors
    a, h = _load(root)
    assert not any("兼理" in line for line in _printed(a, h))


# ---- 3. 筹建的用词与所属行政区划: 成立…筹备委员会 ------------------------------------------------------------------
def test_a_preparation_prints_the_sources_verb_and_is_told_in_its_place():
    a, h = _load(REAL / "anyuan-fulian")
    entries = {en.plain(): en for en in chronology(a, h)}
    assert "成立安远县民主妇女联合会筹备委员会。" in entries
    assert entries["成立安远县民主妇女联合会筹备委员会。"].jurisdictions == {"anyuan-xian"}
    assert not any(p.startswith("筹建") for p in entries)


def test_a_preparation_verb_that_would_print_a_founding_is_refused(tmp_path):
    root = _copy(tmp_path, "anyuan-fulian", "sources/events/e.yaml", "name: 安远县民主妇女联合会筹备委员会",
                 "name: 安远县民主妇女联合会")
    assert any("筹备机构的名称" in e for e in _errors(root))
    root2 = _copy(tmp_path / "b", "anyuan-fulian", "sources/events/e.yaml", "wording: 成立, date: 1950-05-15",
                  "wording: 开始筹办, date: 1950-05-15")
    assert any("开始筹办" in e and "开始筹备" in e for e in _errors(root2))
    errors3 = _errors_after(tmp_path / "c", "anyuan-fulian", "sources/events/e.yaml",
                            "body: anyuan-fulian, jurisdiction: anyuan-xian,", "body: anyuan-fulian, jurisdiction: anyuan-xiann,")
    assert any("ref-unknown" in e and "anyuan-xiann" in e for e in errors3)


# ---- 4. 改州为县 ------------------------------------------------------------------------------------------------
def test_a_zhou_made_a_county_prints_as_the_source_says_and_changes_its_level():
    a, h = _load(REAL / "pingdu")
    printed = _dashiji(a, h)
    assert "1913年　改平度州为平度县。" in printed
    assert not any("设立平度县" in line or "平度州" in line and "成立" in line for line in printed)
    t = h.get("pingdu-xian")
    assert [s.value for s in t.levels if s.start is not None] == ["州", "县", "县级市"]


def test_a_kind_change_whose_names_do_not_fit_is_refused(tmp_path):
    root = _copy(tmp_path, "pingdu", "sources/events/events.yaml", "wording: 改州为县", "wording: 改厅为县")
    assert any("改厅为县" in e and "平度州" in e for e in _errors(root))
    root2 = _copy(tmp_path / "b", "pingdu", "sources/events/events.yaml", "  level: 县\n", "  level: 小县\n")
    assert any("小县" in e for e in _errors(root2))


# ---- 6. 来源只记批准日期: {doc, decided} -------------------------------------------------------------------------
def _entry(a, h, text):
    return next(en for en in chronology(a, h) if en.plain() == text)


def test_a_source_giving_the_decision_date_is_no_dissent():
    a, h = _load(REAL / "qingyuan")
    en = _entry(a, h, "恢复庆元县，属丽水地区。")
    assert en.date.chinese() == "1975年8月"
    assert en.dissents == []
    assert "doc-gudian-qingyuan" in [d.id for d in en.sources]


def test_a_decision_date_other_than_the_events_is_a_dissent_and_one_the_event_lacks_is_warned(tmp_path):
    root = _copy(tmp_path, "qingyuan", "sources/events/e.yaml", "{doc: doc-gudian-qingyuan, decided: 1973}",
                 "{doc: doc-gudian-qingyuan, decided: 1972}")
    a, h = _load(root)
    en = _entry(a, h, "恢复庆元县，属丽水地区。")
    assert [d.phrase() for d, _doc in en.dissents] == ["决定（批准）日期为1972年"]
    root2 = _copy(tmp_path / "b", "qingyuan", "sources/events/e.yaml", "  decided: 1973-07-17\n", "")
    a2 = load_archive(root2)
    found = [f.as_text() for f in run_checks(a2, history=derive_history(a2)) if f.code == "source-decided"]
    assert found and "decided: 1973" in found[0]
    errors3 = _errors_after(tmp_path / "c", "qingyuan", "sources/memos/m.yaml",
                            "jurisdiction: qingyuan-xian, sources: [doc-nmhd-qingyuan]",
                            "jurisdiction: qingyuan-xian, sources: [{doc: doc-nmhd-qingyuan, decided: 1949-05}]")
    assert any("只有事件有决定日期" in e and "m.yaml:1" in e for e in errors3)


# ---- 5. 类别不详: kind: 不详 ------------------------------------------------------------------------------------
def test_a_body_of_unknown_kind_is_never_given_one():
    from zhi.views.lineage import lineage

    a, h = _load(REAL / "qingyuan")
    printed = _printed(a, h)
    assert "1955年3月　国营庆元林场成立。" in printed
    assert not any("国营庆元林场" in line and "为" in line for line in printed)
    assert lineage(a, h, "qingyuan-linchang").kind == "不详"        # the body page's and the index's 类别
    warned = [f for f in run_checks(a, history=h) if f.code == "kind-unknown"]
    assert len(warned) == 1 and warned[0].severity == "warning"
    assert "国营庆元林场（qingyuan-linchang）" in warned[0].message and "1个机构" in warned[0].message


def test_a_kind_zhi_does_not_know_is_refused_with_the_nearest(tmp_path):
    root = _copy(tmp_path, "qingyuan", "sources/bodies/b.yaml", "kind: 不详", "kind: 未详")
    errors = _errors(root)
    assert any("b.yaml" in e and "未详" in e and "不详" in e for e in errors), errors


def test_a_snapshot_row_of_unknown_kind_says_so(tmp_path):
    from zhi.dates import parse_date
    from zhi.views.snapshot import snapshot

    root = _copy(tmp_path, "qingyuan", "sources/bodies/b.yaml", "kind: 不详\n  end: 不详\n", "kind: 不详\n")
    a, h = _load(root)
    rows = {r.name: r.kind for r in snapshot(a, h, "qingyuan-xian", parse_date("1956-12-31"), [])}
    assert rows.get("国营庆元林场") == "不详", rows
