"""The home page says how many documents have their full text, never 附全文 for all when some or none have one (the
即墨 tester's site said 文件 6 件，附全文 with no full text at all)."""

from conftest import ROOT, make_archive, write
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.site import SiteWriter


def _home(root) -> str:
    a = load_archive(root)
    w = SiteWriter(a, derive_history(a), ROOT / "theme")
    w.collect_backlinks()
    w.home_page()
    return next(p.text for p in w.tree.pages if p.path == "index.md")


def test_full_texts_are_claimed_only_as_far_as_there_are(tmp_path):
    root = make_archive(tmp_path)
    line = next(x for x in _home(root).splitlines() if "wenjian/index.md" in x)
    assert "全文" not in line, line
    write(root, "sources/documents/d-1956-1.md", "测试县人民委员会文件\n\n全文。\n")
    line = next(x for x in _home(root).splitlines() if "wenjian/index.md" in x)
    assert "其中 1 件附全文" in line, line
