"""The tester's 《涡阳县志》 (政府、概述) and 亳州晚报《利辛县的建立》 archive (tests/fixtures/real/guoyang, sources named in
its README), typed as it can now be: it checks clean and prints what the sources say — the 县委's temporary office on
the 县委, never as the county's seat; 组建 then 正式成立; 保留 and 未保留; lunar months as the source dates them.
"""

from pathlib import Path

from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.dashiji import dashiji, rules_for
from zhi.views.lineage import lineage

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "guoyang"


def _load():
    a = load_archive(REAL)
    return a, derive_history(a)


def test_the_archive_checks_clean():
    a, _ = _load()
    assert [f.as_text() for f in run_checks(a) if f.severity == "error"] == []


def test_it_prints_what_the_sources_say():
    a, h = _load()
    printed = {f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)}
    for line in ("1964年10月31日　利辛县治所驻利辛集。",
                 "1965年4月28日　组建中共利辛县委员会。",
                 "1965年5月1日　中共利辛县委员会（简称利辛县委）正式成立。",
                 "1965年5月1日　中共利辛县委员会办公地点临时设在闫集区公所院内。",
                 "1965年10月　中共利辛县委员会驻地由闫集区公所院内迁至利辛县城。",
                 "1945年1月　涡阳县政府保留民政、财政、建设、军事4个科。"):
        assert line in printed, sorted(printed)
    assert not any("筹建中共利辛县委员会" in p or "设民政科" in p for p in printed)


def test_the_county_seat_and_the_offices():
    a, h = _load()
    assert [p.value for p in lineage(a, h, "lixin").seats] == ["利辛集"]
    assert [p.value for p in lineage(a, h, "lx-xianwei").seats] == ["闫集区公所院内（临时）", "利辛县城"]
    assert str(lineage(a, h, "gy-jiaoyuke").not_kept) == "1945年1月"


def test_the_county_page_lists_what_the_whole_dashiji_lists_for_it():
    """Every appointment to a 利辛 body in the whole 大事记 is on 利辛县's own page (白镜清, named while the 县委
    was being formed, was missing)."""
    a, h = _load()
    rules = rules_for(REAL)
    whole = {it.plain() for it in dashiji(a, h, rules) if it.kind == "post"}
    own = {it.plain() for it in dashiji(a, h, rules, jurisdiction="lixin") if it.kind == "post"}
    lixin = {p for p in whole if "利辛" in p}
    assert "白镜清任利辛县委书记。" in lixin and lixin <= own


def test_lunar_months_print_as_the_source_dates_them():
    a, h = _load()
    lines = [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h, rules_for(REAL)) if it.date.year == 1866]
    assert lines == ["同治五年（1866年）农历正月　涡阳县接到颁发的印信。", "1866年农历二月　涡阳县创建土城。"]
