"""胶县's 铺集、张家屯 communes handed to 高密县 in 1978年11月 and back in 1979年2月 (《青岛市志·沿革区划志》, facts in
tests/fixtures/real/jiaoxian/SOURCE.md): a move between two jurisdictions prints as 划出 and 划入 on both sides,
never as 新设 or 撤销, and the 大事记 tells the source's one sentence as one entry, naming where they came from."""

import re
import shutil
from pathlib import Path

from conftest import ROOT
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.dates import parse_date
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology
from zhi.views.dashiji import dashiji
from zhi.views.snapshot import difference, snapshot
from zhi.views.staffing import figures

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "jiaoxian"


def _load():
    a = load_archive(REAL)
    return a, derive_history(a)


def test_the_archive_checks_with_only_the_out_of_scope_warnings():
    a, h = _load()
    found = [(f.code, f.severity) for f in run_checks(a, history=h) if f.severity in ("error", "warning")]
    # the communes spend three months in 高密县, which the volume does not tell (越境不书): said, and right
    assert found == [("jurisdiction-out-of-scope", "warning")] * 2


def test_the_nianbiao_and_the_dashiji_say_where_they_went_and_came_from():
    a, h = _load()
    lines = [f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)]
    assert "1978年11月　铺集公社由胶县划归高密县。" in lines and "1979年2月　张家屯公社由高密县划归胶县。" in lines
    told = [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h, jurisdiction="jiao-xian")]
    assert told == ["1978年11月　胶县划归青岛市。", "1978年11月　铺集公社、张家屯公社由胶县划归高密县。",
                    "1979年2月　铺集公社、张家屯公社由高密县划归胶县。"]


def test_the_year_summaries_say_moved_out_and_in_never_abolished_or_new():
    a, h = _load()
    y78 = difference(h, "jiao-xian", parse_date("1977-12-31"), parse_date("1978-12-31"))
    y79 = difference(h, "jiao-xian", parse_date("1978-12-31"), parse_date("1979-12-31"))
    assert y78.went == [("划出（至高密县）", ["jx-puji", "jx-zhangjiatun"])] and y78.ended == []
    assert y79.came == [("划入（自高密县）", ["jx-puji", "jx-zhangjiatun"])] and y79.established == []
    rows = snapshot(a, h, "jiao-xian", parse_date("1979-12-31"), figures(a))
    assert [(r.name, r.note) for r in rows] == [("张家屯公社", "（1979年2月由高密县划入）"),
                                                ("铺集公社", "（1979年2月由高密县划入）")]


def test_the_year_pages_print_it(tmp_path):
    root = tmp_path / "jiaoxian"
    shutil.copytree(REAL, root)
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    out = build_edition(root, pdf=False).out

    def page(y):
        return re.sub(r"<[^>]+>", "", (out / f"nianbiao/{y}/index.html").read_text(encoding="utf-8"))

    assert "是年划出（至高密县）：铺集公社、张家屯公社。" in page(1978)
    assert "是年划入（自高密县）：铺集公社、张家屯公社。" in page(1979)
    assert "是年新设" not in page(1979) and "撤销" not in page(1978)
