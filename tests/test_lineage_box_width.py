"""A 沿革图 side box holds its date line: the sample's 县公安机关军事管制小组 took over the duties of the 县人民检察院,
abolished 1968年12月2日, and its box's line “1968年12月2日撤销，职能划入” was wider than the box (the box was measured on
the names alone), so the site showed it cut off on the left."""

import re

from conftest import ROOT
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage
from zhi.writers.svg import _text_width, lineage_svg


def test_each_side_box_is_as_wide_as_its_date_line():
    a = load_archive(ROOT)
    lin = lineage(a, derive_history(a), "lx-gongan-jgz")
    out = lineage_svg(lin, lambda rid: None)
    said = "1968年12月2日撤销，职能划入"
    assert said in out
    widths = [int(w) for w in re.findall(r'<rect x="10" y="\d+" width="(\d+)"', out)]
    assert widths and min(widths) >= _text_width(said, 13) + 24, widths
