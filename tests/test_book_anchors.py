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


def test_a_chapter_grown_by_a_sentence_moves_no_other_chunks_bounds():
    """The body is cut into chunks of a fixed size (typeset.CHUNK_CHARS), not into the whole divided by their
    number: a sentence added to one section changes the chunk it is in and no other chunk's sections."""
    import random

    from zhi.writers.typeset import CHUNK_CHARS, body_chunks

    rnd = random.Random(5)
    # a long generated part first (the 大事记), set in parts of a chunk's size, then chapters of all sizes
    entries = "".join(f'<p class="entry">{"事" * rnd.randint(50, 300)}</p>\n' for _ in range(2_000))
    sections = [('<section class="chapter level-1 chronology">\n<h1 class="chapter-title top" id="h1">大事记</h1>\n'
                 f'{entries}</section>\n')]
    sections += [f'<section class="x"><p>{"字" * rnd.randint(2_000, 40_000)}</p></section>\n' for _ in range(200)]

    def plan(secs):
        n = -(-sum(map(len, secs)) // CHUNK_CHARS)
        return [(c.html, c.long[1:] if c.long else None) for c in body_chunks(secs, n, target=CHUNK_CHARS)]

    before = plan(sections)
    assert before[0][1] is not None
    for k in (3, 60, 100, 150, 197):
        grown = list(sections)
        grown[k] = grown[k].replace("<p>", "<p>编者加了一句，又加了一句。", 1)
        after = plan(grown)
        changed = [i for i, (x, y) in enumerate(zip(before, after)) if x != y]
        assert len(before) == len(after) and len(changed) == 1 and "编者加了一句" in after[changed[0]][0], k
