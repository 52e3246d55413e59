"""The book's anchors (of mentions, notes and headings) are numbered within their chapter or generated part, so an
edit to one chapter leaves the HTML of every other part of the volume as it was: the typesetting cache
(typeset.py) then lays out again only the chunk of the chapter edited."""

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def book_parts(root: Path):
    from zhi.editions import filter_archive
    from zhi.history import derive_history
    from zhi.loader import load_archive
    from zhi.writers.book import BookWriter

    a = filter_archive(load_archive(root), "public")
    return BookWriter(a, derive_history(a), ROOT / "theme").parts({})


def test_a_mention_note_or_heading_added_to_a_chapter_changes_no_other_part(tmp_path):
    root = tmp_path / "p"
    for name in ("sources", "chronicle"):
        shutil.copytree(ROOT / name, root / name)
    before = book_parts(root)
    chapter = root / "chronicle" / "p5" / "c1.md"
    text = chapter.read_text(encoding="utf-8")
    assert "（本章待续）" in text
    chapter.write_text(text.replace(
        "（本章待续）", "[[lx-zonggonghui]]另有记载[[doc-lxxw-1951-gh]]，编者注于此[^k]。\n\n## 补记\n\n"
        "补记一句。\n\n[^k]: 编者加的注。\n\n（本章待续）"), encoding="utf-8")
    after = book_parts(root)
    assert len(after.sections) == len(before.sections)
    changed = [i for i, (x, y) in enumerate(zip(before.sections, after.sections, strict=True)) if x != y]
    assert len(changed) == 1 and "补记一句" in after.sections[changed[0]]
    assert before.front == after.front
    # the edited chapter has two mentions more (the body and the document cited), a note and a heading
    assert len(after.mentions) == len(before.mentions) + 2
    assert [h.title for h in after.headings if h not in before.headings] == ["补记"]
    # anchors stay unique in the whole volume (those of mentions, notes and headings; an SVG's own ids aside)
    ids = [i for i in re.findall(r'\bid="([^"]+)"', after.front + "".join(after.sections)) if i[0] in "mh"]
    assert len(ids) == len(set(ids)) > 100
