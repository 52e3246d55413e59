"""A person the archive knows only through posts the edition withholds is not in the edition (fail closed): the bare
name on the 人物 page, people.csv or search would tell that the withheld posts exist. A person the edition still
mentions (a 记事), or one with no posts at all, stays."""

from pathlib import Path

from conftest import make_archive, write
from zhi.editions import filter_archive
from zhi.loader import load_archive

PEOPLE = """- id: p-li
  name: 李秘
  gender: 男
- id: p-zhao
  name: 赵记
  gender: 男
- id: p-qian
  name: 钱闲
  gender: 女
"""

POSTS = """- person: p-li
  body: cs-jijingwei
  post: 主任
  from: 1985-03
  to: 1990-05
  classification: 内部
  sources: [d-1984-7]
- person: p-zhao
  body: cs-jijingwei
  post: 副主任
  from: 1985-03
  to: 1990-05
  classification: 内部
  sources: [d-1984-7]
"""

MEMO = """- date: 1986-05-01
  text: 赵记到任。
  mentions: [p-zhao]
  sources: [d-1984-7]
"""


def _archive(tmp_path: Path, memo: bool = False):
    root = make_archive(tmp_path)
    write(root, "sources/people/more.yaml", PEOPLE)
    write(root, "sources/posts/more.yaml", POSTS)
    if memo:
        write(root, "sources/memos/1986.yaml", MEMO)
    return load_archive(root)


def test_a_person_whose_only_posts_are_withheld_is_not_in_the_public_edition(tmp_path):
    a = _archive(tmp_path)
    pub = filter_archive(a, "public")
    assert "p-li" not in pub.people and "p-zhao" not in pub.people
    assert "p-qian" in pub.people          # no posts at all: as before
    assert "p-wang" in pub.people          # public posts
    internal = filter_archive(a, "internal")
    assert {"p-li", "p-zhao", "p-qian"} <= set(internal.people)


def test_a_person_a_public_memo_mentions_stays_held_unless_stated_public(tmp_path):
    """A public 记事's mention no longer makes a person whose every post is held public (closedK: it published a
    secret body's leader); the 记事 is withheld with him. A person stated 公开 in his record stays, with the 记事."""
    a = _archive(tmp_path, memo=True)
    pub = filter_archive(a, "public")
    assert pub.memos == [] and "p-zhao" not in pub.people and "p-li" not in pub.people
    people = tmp_path / "project/sources/people/more.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("  name: 赵记\n", "  name: 赵记\n  classification: 公开\n"),
                      encoding="utf-8")
    pub = filter_archive(load_archive(tmp_path / "project"), "public")
    assert [m.text for m in pub.memos] == ["赵记到任。"]
    assert "p-zhao" in pub.people and "p-li" not in pub.people
