"""Issue 11 (truth): what real chronicles state that still printed badly or could not be said — a 区别语 and a
name's years in one bracket group, … Each test reads the printed Chinese or the derived fact."""

from __future__ import annotations

import re

from conftest import archive_with
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage
from zhi.writers.svg import lineage_svg


def checked(root):
    a = load_archive(root, with_book=False)
    h = derive_history(a)
    return a, h, run_checks(a, history=h)


def errors_of(found):
    return [f.as_text() for f in found if f.severity == "error"]


def svg_lines(svg: str) -> list[str]:
    return [t.replace("&amp;", "&") for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


# ---- 1. the lineage box: a name's 区别语 and its years in one bracket group --------------------------------------
TWO_BUREAUS = """
- {id: ev-ldj78, type: establish, date: 1978-03, body: cs-ldj78, name: 测试县劳动局, jurisdiction: cs-xian,
   sources: [d-1956-1]}
- {id: ev-ldj78-end, type: abolish, date: 1984-03, body: cs-ldj78, sources: [d-1984-7]}
- {id: ev-ldj90, type: establish, date: 1990-05, body: cs-ldj90, name: 测试县劳动局, jurisdiction: cs-xian,
   sources: [d-1990-3]}
"""
BUREAU_FILES = {"sources/bodies/x.yaml": """
- {id: cs-ldj78, kind: 政府工作部门, distinguish: 1978年设立}
- {id: cs-ldj90, kind: 政府工作部门, distinguish: 1990年设立}
"""}


def test_the_lineage_box_prints_a_distinguished_name_and_its_years_in_one_bracket_group(tmp_path):
    a, h, found = checked(archive_with(tmp_path, events=TWO_BUREAUS, files=BUREAU_FILES))
    assert errors_of(found) == []
    lin = lineage(a, h, "cs-ldj78", [])
    site = svg_lines(lineage_svg(lin, lambda rid: None))            # the site page: one line
    assert site == ["测试县劳动局（1978年设立，1978—1984）"], site
    book = svg_lines(lineage_svg(lin, lambda rid: None, wrap=12 * 13))   # the PDF: the bracket group on its own line
    assert book == ["测试县劳动局", "（1978年设立，1978—1984）"], book
    later = svg_lines(lineage_svg(lineage(a, h, "cs-ldj90", []), lambda rid: None))
    assert later == ["测试县劳动局（1990年设立，1990—）"], later
    assert not any("）（" in t for t in site + book + later)
