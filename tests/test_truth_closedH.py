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
    # 名称不详 in brackets, read apart from the post (名称不详顾问 read as one word; attack tester 16: 名称不详处长)
    assert "（名称不详）顾问" in page, page[page.find("顾问") - 200: page.find("顾问") + 20]
    assert "名称不详顾问" not in page.replace("</a>", "").replace("]", "")
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


# ---- a chapter image whose original file holds secret text: published stripped, the editor told at check time ----

def _png_with(path, title: str) -> None:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    path.parent.mkdir(parents=True, exist_ok=True)
    info = PngInfo()
    info.add_itxt("Title", title)
    Image.new("RGB", (8, 8), (200, 30, 30)).save(path, pnginfo=info)


def _image_findings(root) -> list:
    from zhi.checks import run_checks

    return [f for f in run_checks(load_archive(root)) if f.code == "image-metadata"]


HEAD = "---\ntitle: 第一章 计划经济机构\n---\n\n# 第一章 计划经济机构\n\n"   # the body starts at line 7


def test_an_images_secret_metadata_is_named_at_the_chapters_line_with_the_file(tmp_path):
    """The guide said such images were 不发布; they are published stripped, with no word to the editor: now the
    check names the file whose original holds a mark or a secret record's name."""
    root = make_archive(tmp_path)
    write(root, "sources/bodies/cw.yaml", "id: cs-cw\nkind: 其他\nclassification: 机密\n")
    write(root, "sources/events/cw.yaml", "- {id: ev-cw, type: establish, date: 1988-06, body: cs-cw, name: 测试县苍梧十四号通讯站, "
                                          "jurisdiction: cs-xian, sources: [d-1956-1], classification: 机密}\n")
    write(root, "chronicle/p1/c1.md", HEAD + "旧址。\n\n![旧址](images/a.png)\n\n![旧址](images/b.png)\n\n![旧址](images/c.png)\n")
    _png_with(root / "chronicle/p1/images/a.png", "秘密★10年")
    _png_with(root / "chronicle/p1/images/b.png", "测试县苍梧十四号通讯站旧址")
    _png_with(root / "chronicle/p1/images/c.png", "县城旧貌")
    found = _image_findings(root)
    assert [(f.loc.file, f.loc.line) for f in found] == [("chronicle/p1/c1.md", 9), ("chronicle/p1/c1.md", 11)]
    assert "图片 chronicle/p1/images/a.png 的文件里" in found[0].message and "密级标志" in found[0].message
    assert "“测试县苍梧十四号通讯站”" in found[1].message and "网站上发布的是去掉这些文字" in found[1].message


def test_an_image_in_a_secret_passage_or_chapter_is_not_warned_of(tmp_path):
    root = make_archive(tmp_path)
    write(root, "chronicle/p1/c1.md", HEAD + "旧址。\n\n::: 秘密\n![旧址](images/a.png)\n:::\n")
    _png_with(root / "chronicle/p1/images/a.png", "秘密★10年")
    assert _image_findings(root) == []
