"""Real published records (facts typed in from the sources each fixture's README names): unknown ends of terms,
a body whose end no source gives, 届次, a leader under the name of his time, month-only dates. They check clean
with nothing invented, and print as the book would."""

import shutil
from pathlib import Path

import pytest
from conftest import with_theme
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage
from zhi.views.snapshot import fate_unknown_note, snapshot
from zhi.views.staffing import figures

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
MINE = ["luoding-1949", "penglai-1958", "suiling-zhengfu", "zhengning-1966"]


def load(name):
    a = load_archive(REAL / name)
    return a, derive_history(a)


@pytest.mark.parametrize("name", MINE)
def test_real_record_checks_clean(name):
    a, h = load(name)
    assert a.files
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity in ("error", "warning")] == []


def test_luoding_1949_terms_without_end_and_bodies_that_ended():
    a, h = load("luoding-1949")
    tenures = sorted((p.body.id, p.tenure()) for p in a.posts)
    assert ("luoding-fayuan", "1949年11月16日—？") in tenures and ("luoding-xianwei", "1949年12月—？") in tenures
    at = lambda d: {r.body for r in snapshot(a, h, "luoding-xian", parse_date(d), figures(a))}
    assert {"luoding-junguanhui", "luoding-zhiqian"} <= at("1949-12-31")
    assert not {"luoding-junguanhui", "luoding-zhiqian"} & at("1950-12-31")
    assert "luoding-zhengfu" in at("1949-12-31")          # set up `1949-10-29前`: there at the end of 1949


def test_penglai_1958_term_and_a_start_known_only_within_a_session():
    a, h = load("penglai-1958")
    (p,) = a.posts
    assert p.term == "第三届人民委员会"
    assert p.tenure() == "1958年5月31日至6月6日—？"
    assert lineage(a, h, "penglai-renwei").post_groups[0][0] == "蓬莱县人民委员会"


def test_suiling_leader_is_listed_under_the_name_of_his_time():
    a, h = load("suiling-zhengfu")
    lin = lineage(a, h, "suiling-zhengfu")
    assert [(n, [p.person.id for p in ps]) for n, ps in lin.post_groups] == [("绥棱县人民民主政府", ["p-du-xiaobo"])]
    t = h.get("suiling-zhengfu")
    assert t.name_on(parse_date("1970"))[0] == "绥棱县革命委员会"
    assert t.name_on(parse_date("1949-06"))[0] in ("绥棱县人民民主政府", "绥棱县人民政府")  # 1949: month unknown
    assert t.name_on(parse_date("1985"))[0] == "绥棱县人民政府"


def test_zhengning_1966_body_whose_end_no_source_gives(tmp_path):
    a, h = load("zhengning-1966")
    t = h.get("zhengning-zhaosheng")
    assert t.end_unknown and t.last_known.iso() == "1966-07-07"
    at = {r.body for r in snapshot(a, h, "zhengning-xian", parse_date("1966-12-31"), figures(a))}
    assert "zhengning-zhaosheng" not in at and "zhengning-mucai" not in at
    assert fate_unknown_note(h, "zhengning-xian", parse_date("1966-12-31")) == \
        "另有正宁县招生委员会（止年不详，最后见于1966年7月7日），此时是否存续，档案未载。"
    # built: the body page and the year's 一览 say so; the year page does not call it abolished
    root = tmp_path / "zn"
    shutil.copytree(REAL / "zhengning-1966", root)
    build_edition(with_theme(root), pdf=False)
    body = (root / "site/jigou/zhengning-zhaosheng/index.html").read_text(encoding="utf-8")
    assert "止年不详（最后见于1966年7月7日）" in body and "1966年7月7日—？" in body and "今" not in body
    year = (root / "site/nianbiao/1967/index.html").read_text(encoding="utf-8")
    assert "正宁县招生委员会（止年不详，最后见于1966年7月7日）" in year and "是年撤销" not in year
