"""Truth bugs the attack tester's canary found on the way (closedH)."""

from conftest import make_archive, write
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive

OUT_BODY = """id: cs-out
scope: out
names:
  - {name: 邻市鸥屿十五号指挥部, from: 1995, to: 2000, classification: 机密, sources: [d-1956-1]}
  - {name: 邻市应急指挥部, from: 2000, sources: [d-1956-1]}
"""
OUT_POST = "- {person: p-wang, body: cs-out, post: 顾问, from: 1996, to: 1998, sources: [d-1956-1]}\n"


def _out_post(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/bodies/out.yaml", OUT_BODY)
    write(root, "sources/posts/out.yaml", OUT_POST)
    return root


def _posts_rows(root, edition: str) -> list[dict]:
    from zhi.writers.opendata import OpenData

    ed = filter_archive(load_archive(root), edition)
    t = OpenData(ed, derive_history(ed), {}).posts()
    cols = [c.name for c in t.columns]
    return [dict(zip(cols, r)) for r in t.rows if r[3] == "cs-out"]


def test_a_post_in_years_whose_name_the_edition_withholds_is_not_credited_to_the_later_name(tmp_path):
    """posts.csv credited a 1996–1998 post to the body's public name of 2000: the name of those years is 机密,
    the public edition prints 名称不详; the internal edition, which holds no 机密 either, the same; the full
    archive's name is the one of the term."""
    root = _out_post(tmp_path)
    [row] = _posts_rows(root, "public")
    assert row["机构名称"] == "名称不详", row
    from zhi.writers.opendata import OpenData

    a = load_archive(root)
    t = OpenData(a, derive_history(a), {}).posts()
    assert [r[4] for r in t.rows if r[3] == "cs-out"] == ["邻市鸥屿十五号指挥部"]


def test_the_people_page_prints_the_name_of_the_term_or_name_unknown(tmp_path):
    from zhi.writers.site import SiteWriter

    root = _out_post(tmp_path)
    from conftest import with_theme
    from zhi.project import theme_dir

    with_theme(root)
    ed = filter_archive(load_archive(root), "public")
    tree = SiteWriter(ed, derive_history(ed), theme_dir(root), "public").write()
    page = next(p.text for p in tree.pages if p.path == "renwu/index.md")
    assert "名称不详顾问" in page.replace("</a>", "").replace("]", ""), page[page.find("顾问") - 200: page.find("顾问") + 20]
    assert "邻市应急指挥部" not in page


def _post_life(tmp_path, person: str, post: str) -> list:
    from zhi.checks import run_checks

    root = make_archive(tmp_path)
    write(root, "sources/people/x.yaml", person)
    write(root, "sources/posts/x.yaml", post)
    return [(f.loc.file, f.loc.line, f.message) for f in run_checks(load_archive(root, with_book=False))
            if f.code == "post-outside-life"]


def test_an_appointment_after_the_holders_death_or_ended_before_birth_is_warned_of_at_the_post(tmp_path):
    """A person who died in 1988 appointed in 1996 got no warning (the attack tester)."""
    dead = "- {id: p-zhao, name: 赵立, died: 1988}\n"
    found = _post_life(tmp_path, dead, "- {person: p-zhao, body: cs-jijingwei, post: 顾问, from: 1996, to: 1998, "
                                       "sources: [d-1990-3]}\n")
    assert [(f, n) for f, n, _ in found] == [("sources/posts/x.yaml", 1)]
    assert "赵立（p-zhao）1988年逝世，这条任职（顾问，1996年—1998年）却在此后才开始" in found[0][2], found[0][2]
    # seen in office only (in_office), after death: the same
    assert _post_life(tmp_path / "b", dead, "- {person: p-zhao, body: cs-jijingwei, post: 顾问, in_office: [1990-06-01], "
                                             "sources: [d-1990-3]}\n")
    # ended before birth
    born = "- {id: p-zhao, name: 赵立, born: 1960}\n"
    [(_, _, msg)] = _post_life(tmp_path / "c", born, "- {person: p-zhao, body: cs-jijingwei, post: 主任, from: 1984-03, "
                                                     "to: 1959, sources: [d-1984-7]}\n")
    assert "1960年出生" in msg


def test_a_post_ended_by_death_or_within_life_is_not_warned_of(tmp_path):
    dead = "- {id: p-zhao, name: 赵立, born: 1930, died: 1988-03}\n"
    assert _post_life(tmp_path, dead, "- {person: p-zhao, body: cs-jijingwei, post: 主任, from: 1984-03, to: 1988-03, "
                                       "sources: [d-1984-7]}\n") == []
    assert _post_life(tmp_path / "b", dead, "- {person: p-zhao, body: cs-jijingwei, post: 主任, from: 1988, "
                                             "to: 1988-03, sources: [d-1984-7]}\n") == []
