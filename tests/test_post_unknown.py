"""A post the source does not name (it names the holder and the body: 三明地区革委会 … 某某): written `post: 不详`, the
宁化 tester saw it glued to the body's name on the 人物 page (“三明地区革命委员会不详”). It prints 职务不详, and on the
人物 page in brackets after the body."""

from conftest import ROOT, make_archive, write
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.writers.site import SiteWriter


def test_an_unknown_post_prints_as_unknown(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/posts/posts.yaml",
          "- {person: p-wang, body: cs-jijingwei, post: 不详, from: 1984-03, to: 1990-05, sources: [d-1984-7]}\n")
    a = load_archive(root)
    assert [p.post for p in a.posts] == ["职务不详"]
    h = derive_history(a)
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.people_page()
    page = next(p.text for p in w.tree.pages if p.path == "renwu/index.md")
    line = next(x for x in page.splitlines() if "1984年3月" in x)
    assert line.endswith("（职务不详）") and "委员会不详" not in line, line
