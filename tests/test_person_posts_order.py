"""A person's terms on the 人物 page are in time order, whatever files they were typed in (a tester's 《吴江大事记》
posts: a 1966年7月 副组长 in others.yaml was listed before the 1966年5月 副县长 terms typed in wj-zhengfu.yaml)."""

from pathlib import Path

from zhi.loader import load_archive
from zhi.views.lineage import posts_by_person

BASE = Path(__file__).resolve().parent / "fixtures" / "base"


def test_terms_in_time_order_across_files(tmp_path):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(BASE, root)
    a0 = load_archive(root)
    body = min(a0.bodies)
    person = min(a0.people)
    posts = root / "sources" / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    (posts / "a-later.yaml").write_text(
        f"- {{person: {person}, body: {body}, post: 副组长, from: 1966-07-02, to: 不详}}\n", encoding="utf-8")
    (posts / "b-earlier.yaml").write_text(
        f"- {{person: {person}, body: {body}, post: 副主任, from: 不详, to: 不详, in_office: 1966-05-20}}\n"
        f"- {{person: {person}, body: {body}, post: 主任, from: 1966年5月28日~31日, to: 不详}}\n", encoding="utf-8")
    a = load_archive(root)
    mine = [p for p in posts_by_person(a)[person] if p.loc.file.startswith("sources/posts/a-") or p.loc.file.startswith("sources/posts/b-")]
    assert [p.post for p in mine] == ["副主任", "主任", "副组长"], [p.tenure() for p in mine]
