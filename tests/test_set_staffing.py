"""A composition a source states without an approval (“设县长、副县长各1人”): recorded with 口径 设置 on the event's
staffing, printed as the source says (never “核定”), 口径 设置 in the body's 编制 table, and no 0 plotted in the
编制数 chart for a date that has only 领导职数.

Facts from 《平阴县志》第三节 县人民政府（第98—101页）, http://meta.librarydata.cn/metainfo?metaID=150120020220004071 :
1950年1月平阴县民主政府改称平阴县人民政府，设县长、副县长各1人. The 编制 figures of 1984 and 1990 are made up for the
chart (the county volume gives none here)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import write_dedented as write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import set_text, staffing_phrase
from zhi.views.staffing import figures

ROOT = Path(__file__).resolve().parent.parent


def archive(root: Path, basis: str = "设置") -> Path:
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    write(root, "sources/jurisdictions/py.yaml", "id: py\nlevel: 县\n")
    write(root, "sources/bodies/all.yaml", "- id: gov\n  kind: 其他\n")
    write(root, "sources/documents/d.yaml", """
    - {id: d1, genre: 志书, title: 平阴县志, publisher: 平阴县地方史志编纂委员会, date: 1991}
    """)
    write(root, "sources/events/all.yaml", f"""
    - id: ev-py
      type: establish
      date: 1949-10-01
      body: py
      name: 平阴县
      sources: [d1]
    - id: ev-gov
      type: establish
      date: 1949-10-01
      body: gov
      name: 平阴县民主政府
      jurisdiction: py
      sources: [d1]
    - id: ev-gov-rename
      type: rename
      date: 1950-01
      body: gov
      name: 平阴县人民政府
      staffing: {{口径: {basis}, 领导职数: {{县长: 1, 副县长: 1}}}}
      sources: [d1]
    """)
    write(root, "sources/staffing/all.yaml", """
    - {body: gov, date: 1984-01-01, figures: {行政编制: 30}, sources: [d1]}
    - {body: gov, date: 1990-01-01, figures: {行政编制: 36}, sources: [d1]}
    """)
    write(root, "chronicle/book.yaml", "title: 平阴县机构编制志\nupper: 1949\nlower: 1991\n")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = archive(tmp_path_factory.mktemp("set"))
    return root, build_edition(root, pdf=False)


def test_set_text_as_the_source_says(tmp_path):
    a = load_archive(archive(tmp_path))
    e = next(e for e in a.events if e.id == "ev-gov-rename")
    assert e.staffing.basis == "set"
    assert set_text(e.staffing) == "设县长、副县长各1人"
    assert staffing_phrase(e.staffing) == "设县长、副县长各1人"
    assert [f.basis for f in figures(a) if f.body == "gov"] == ["set", "approved", "approved"]
    errors = [f for f in run_checks(a, history=derive_history(a)) if f.severity == "error"]
    assert errors == [], errors


def test_unknown_basis_refused_with_a_clear_message(tmp_path):
    a = load_archive(archive(tmp_path, basis="批准"))
    bad = [f for f in a.findings if f.code == "schema-value" and "口径" in f.message]
    assert bad and "设置" in bad[0].message and bad[0].loc.file.endswith("events/all.yaml"), a.findings


def test_site_prints_set_not_approved_and_no_zero_in_chart(built):
    root, _ = built
    site = root / "site"
    html = (site / "jigou" / "gov" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>|\s+", "", html)
    assert "设县长、副县长各1人" in text
    assert "核定领导职数" not in text
    assert "设置" in text   # 口径 of the 1950 row in the 编制 table
    svg = re.search(r"<svg[^>]*编制数（各类合计）.*?</svg>", html, re.DOTALL)
    assert svg, "chart of the two 编制 figures"
    chart = svg.group(0)
    assert "1950" not in chart and "1984" in chart and "1990" in chart
    dsj = re.sub(r"<[^>]+>|\s+", "", "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html")
                                              if "dashiji" in str(p) or "nianbiao" in str(p)))
    assert "核定领导职数县长1名" not in dsj


@pytest.mark.parametrize("posts, leaders, text", [
    ({"行政编制": 38}, {"正科级": 1, "副科级": 2}, "设行政编制38名，正科级1人、副科级2人"),
    ({}, {"县长": 1, "副县长": 1, "秘书": 2}, "设县长、副县长各1人，秘书2人"),
    ({"行政编制": 8}, {"县长": 1}, "设行政编制8名，县长1人"),
    ({"行政编制": 8, "事业编制": 2}, {}, "设行政编制8名、事业编制2名"),
])
def test_set_text_separates_kinds_with_a_comma(posts, leaders, text):
    """、 joins items of one kind, ， the posts from the leaders (the tester's “设行政编制38名、正科级1人，副科级2人”
    had them the other way round)."""
    from zhi.model import Staffing
    assert set_text(Staffing(posts=posts, leaders=leaders, loc=None, basis="set")) == text
