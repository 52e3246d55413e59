"""A body's 隶属 and 属地 on its page name the superior (place) by the name valid when the period began and show a
rename inside the period with its date, as the source dates it: the page printed 测试县人民委员会 for 1956–1984
although the 人民委员会 was 新测县人民政府 from 1981."""

import re

from conftest import make_archive, with_theme, write
from zhi.build import build_edition
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage

RENAMES = """
- {id: ev-xian-rn, type: rename, date: 1970-05, body: cs-xian, name: 新测县, sources: [d-1956-1]}
- {id: ev-zf-rn, type: rename, wording: 改称, date: 1981-01, body: cs-zhengfu, name: 新测县人民政府, short: 县政府,
   sources: [d-1956-1]}
"""


def _archive(tmp_path, renames=RENAMES):
    root = with_theme(make_archive(tmp_path))
    write(root, "sources/events/renames.yaml", renames)
    return root


def _page(out, rid):
    return re.sub(r"<[^>]+>", "", (out / f"jigou/{rid}/index.html").read_text(encoding="utf-8"))


def test_the_body_page_names_the_superior_as_it_was_and_its_rename_within_the_period(tmp_path):
    out = build_edition(_archive(tmp_path), pdf=False).out
    page = _page(out, "cs-jiwei")
    # 隶属: the name when the period began, and the rename in the source's word (改称) with its date
    assert "测试县人民委员会（1981年1月改称新测县人民政府）" in page
    # 属地: the county renamed in 1970, inside 1956–1984
    assert "测试县（1956年6月1日—1984年3月12日；1970年5月更名为新测县）" in page
    # a period that began after the renames names the superior by its new name only
    later = _page(out, "cs-jijingwei")
    assert "新测县人民政府" in later and "改称" not in later and "更名为新测县" not in later


def test_a_rename_the_source_dates_only_roughly_is_shown_as_dated(tmp_path):
    a = load_archive(_archive(tmp_path, RENAMES.replace("date: 1981-01", "date: 1981前")))
    h = derive_history(a)
    (p,) = lineage(a, h, "cs-jiwei").parents
    assert (p.value, p.renamed) == ("测试县人民委员会", "1981年前改称新测县人民政府")


def test_a_rename_outside_the_period_is_not_shown(tmp_path):
    a = load_archive(_archive(tmp_path, RENAMES.replace("date: 1981-01", "date: 1985-01")))
    h = derive_history(a)
    (p,) = lineage(a, h, "cs-jiwei").parents
    assert (p.value, p.renamed) == ("测试县人民委员会", "")


def test_the_guide_example_prints_what_the_guide_says(tmp_path):
    from test_guide_examples import GUIDE, lay_out, section
    text = section((GUIDE / "bodies.md").read_text(encoding="utf-8"), "## 完整示例：上级机构、所属县在隶属期间更名")
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    h = derive_history(a)
    lin = lineage(a, h, "heshan-jiwei")
    (p,) = lin.parents
    assert f"| {p.value}（{p.renamed}） | 1956年6月1日 | 1984年3月12日 |" in text
    ((_, name, terms),) = lin.jurisdiction_terms()
    assert f"| 属地 | {name}（{terms}） |" in text


def test_a_place_page_names_its_renamed_superior_inside_the_period_parentheses(tmp_path):
    root = _archive(tmp_path, RENAMES + """
- {id: ev-shi, type: establish, date: 1950, body: cs-shi, name: 测州市, sources: [d-1956-1]}
- {id: ev-xian-p, type: reparent, date: 1956-02, body: cs-xian, parent: cs-shi, sources: [d-1956-1]}
- {id: ev-shi-rn, type: rename, date: 1975-05, body: cs-shi, name: 新州市, sources: [d-1956-1]}
""")
    write(root, "sources/jurisdictions/shi.yaml", "id: cs-shi\nlevel: 地级市\n")
    out = build_edition(root, pdf=False).out
    page = re.sub(r"<[^>]+>", "", (out / "dashiji/cs-xian/index.html").read_text(encoding="utf-8"))
    assert "测州市（1956年2月起；1975年5月更名为新州市）" in page
