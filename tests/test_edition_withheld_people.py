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


def test_a_person_a_held_memo_mentions_stays(tmp_path):
    a = _archive(tmp_path, memo=True)
    pub = filter_archive(a, "public")
    assert [m.text for m in pub.memos] == ["赵记到任。"]
    assert "p-zhao" in pub.people and "p-li" not in pub.people
