"""A post in a superior body the volume names only by name (an outside body, `scope: out`): the 地委 secretary who
also heads the county's body. It is written like any post, on the outside body's id; it is checked against the
names the sources give for their periods (no establishment is invented for it), printed on the 人物 page under
the name it bore then, and kept out of the 大事记 (the book does not record the superior's history)."""

from conftest import ROOT, make_archive, write
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import segs_text
from zhi.views.dashiji import dashiji
from zhi.writers.site import SiteWriter

DIWEI = """id: cs-diwei
scope: out
names:
  - {name: 中共测试地委, from: 1949前, to: 1988-03, sources: [d-1984-7]}
  - {name: 中共测试市委, from: 1988-03, sources: [d-1984-7]}
"""

POSTS = """- {person: p-wang, body: cs-jijingwei, post: 主任（兼）, from: 1984-03, to: 1990-05, sources: [d-1984-7]}
- {person: p-wang, body: cs-diwei, post: 副书记, from: 1984-03, to: 1990-05, sources: [d-1984-7]}
"""


def _archive(tmp_path, posts=POSTS, diwei=DIWEI):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/diwei.yaml", diwei)
    write(root, "sources/posts/posts.yaml", posts)
    return root


def _findings(root):
    a = load_archive(root)
    return a, [f for f in run_checks(a) if f.severity == "error"]


def test_a_post_in_an_outside_superior_checks_clean_and_prints_by_its_name_then(tmp_path):
    a, errors = _findings(_archive(tmp_path))
    assert errors == []
    h = derive_history(a)
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.people_page()
    page = next(p.text for p in w.tree.pages if p.path == "renwu/index.md")
    lines = [x for x in page.splitlines() if "1984年3月" in x]
    # two posts, two list items (not glued into one line), the outside body by its 1984 name, with no link
    assert len(lines) == 2, lines
    assert lines[1] == "- 1984年3月—1990年5月　中共测试地委副书记", lines
    told = [segs_text(it.segments) for it in dashiji(a, h) if it.kind == "post"]
    assert not any("地委" in t for t in told), told
    # the book's 领导名录 lists the volume's bodies only: the superior's post is on the person's page, not there
    from zhi.writers.book import BookWriter

    names = BookWriter(a, h, ROOT / "theme", "public").appendix_html()
    leaders = names[names.index("三、领导名录"):names.index("四、编制统计表")]
    assert "王明" in leaders and "地委" not in leaders


def test_a_post_outside_the_names_periods_says_what_to_write(tmp_path):
    late = DIWEI.replace("from: 1949前, to: 1988-03", "from: 1986, to: 1988-03")
    _, errors = _findings(_archive(tmp_path, diwei=late))
    msgs = [f"{f.loc.file}:{f.loc.line} [{f.code}] {f.message}" for f in errors]
    assert len(msgs) == 1, msgs
    assert msgs[0].startswith("sources/posts/posts.yaml:2 [body-not-yet] 任职（1984年3月）涉及本志之外的机构"), msgs
    assert "names（名称）”里没有1984年3月时的名称" in msgs[0] and "不记设立事件" in msgs[0], msgs


def test_the_guide_example_checks_clean_and_prints_the_person_page_it_promises(tmp_path):
    """guide/people-and-posts.md “上级机关的职务”: laid out as written, no errors, the 人物 page lines it shows."""
    import re

    from test_guide_examples import GUIDE, lay_out, section

    text = section((GUIDE / "people-and-posts.md").read_text(encoding="utf-8"), "## 上级机关的职务")
    root = lay_out(tmp_path, text)
    a = load_archive(root, with_book=False)
    assert [f.as_text() for f in run_checks(a) if f.severity == "error"] == []
    w = SiteWriter(a, derive_history(a), ROOT / "theme")
    w.collect_backlinks()
    w.people_page()
    page = next(p.text for p in w.tree.pages if p.path == "renwu/index.md")
    printed = [re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", x) for x in page.splitlines() if x.startswith("- ")]
    promised = re.findall(r"^(- 1950年[^\n]*)$", text, re.MULTILINE)
    assert len(promised) == 2 and printed == promised, printed
