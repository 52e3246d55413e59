"""Every level word of the one table (``zhi.levelwords``), in every spelling an editor may type (traditional, spaced,
a full-width space or a zero-width character inside, ㊙, ★ terms with full-width digits, the 内部 phrases), at every
place zhi reads a level from editor input: read as that level or higher, or refused — never read as public.

The places: a record's ``classification``, a chapter's front matter, a ``:::`` passage marker, a comment of
book.yaml or mkdocs.yml, and a document brought in by ``zhi import`` (plain text and HTML)."""

import re

import pytest
from conftest import make_archive, write
from zhi import levelwords as lw
from zhi.checks.secrecy import check_setting_comments
from zhi.chronicle import _read_chapter, line_levels
from zhi.classification import LEVELS, Level, parse_level
from zhi.importer import import_files
from zhi.loader import load_archive


def _spellings(word: str) -> list[str]:
    traditional = "".join(lw.VARIANT_CHARS.get(c, c) for c in word)
    return list(dict.fromkeys([word, traditional, " ".join(word), "\u3000".join(word), "\u200b".join(word),
                               word[0] + "\u200d" + word[1:]]))


def _walk() -> list[tuple[str, str]]:
    """(as typed, the level it must be read at least as) for every level word of the table."""
    out = []
    for level in LEVELS[1:]:
        words = [level] + ([f"内部{x}" for x in lw.INTERNAL_OF] if level == "内部" else [])
        for w in words:
            out += [(s, level) for s in _spellings(w)]
        out += [(stamp, level) for stamp, said in lw.STAMPS.items() if said == level]
        if level in lw.SECRET:
            out += [(f"{s}{term}", level) for s in _spellings(level)[:2]
                    for term in ("★10年", "☆十年", "★１０年", " ★ 长期", "*5年")]
    return out


WALK = _walk()


def test_the_walk_covers_the_table():
    typed = {t for t, _ in WALK}
    assert {"內部", "祕密", "機密", "絕密", "㊙", "内部资料", "内部发行", "秘 密", "秘\u200b密", "秘密★１０年"} <= typed
    assert len(WALK) > 80


def _below(level: Level, word: str, typed: str) -> list[str]:
    """[] when ``level`` is ``word``'s level or higher; else what was typed and how it was read."""
    return [] if level.rank >= Level(word).rank else [f"{typed!r} read as {level}"]


def test_a_records_classification(tmp_path):
    root = make_archive(tmp_path)
    docs = "".join(f"- id: d-w{i}\n  number: 测编〔1991〕{i + 1}号\n  issuer: 测试县机构编制委员会\n  date: 1991-01-01\n"
                   f"  title: 关于金丝雀{i}号的通知\n  classification: \"{typed}\"\n" for i, (typed, _) in enumerate(WALK))
    write(root, "sources/documents/walk.yaml", docs)
    a = load_archive(root)
    assert [x for i, (typed, word) in enumerate(WALK)
            for x in _below(a.documents[f"d-w{i}"].classification, word, typed)] == []


def _chapter(root, i: int, text: str):
    write(root, f"chronicle/w/c{i}.md", text)
    findings = []
    ch = _read_chapter(root, f"w/c{i}.md", "chapter", "", findings, None)
    return ch, findings


def test_a_chapters_front_matter(tmp_path):
    root = make_archive(tmp_path)
    bad = []
    for i, (typed, word) in enumerate(WALK):
        ch, _ = _chapter(root, i, f"---\nclassification: \"{typed}\"\n---\n# 章\n\n正文。\n")
        bad += _below(ch.classification, word, typed)
    assert bad == []


def test_a_passage_marker(tmp_path):
    root = make_archive(tmp_path)
    bad = []
    for i, (typed, word) in enumerate(WALK):
        for marker in (f"::: {typed}", f":::{typed}"):
            ch, _ = _chapter(root, i, f"# 章\n\n公开的一段。\n\n{marker}\n金丝雀之段。\n:::\n")
            inside = ch.body.splitlines().index("金丝雀之段。")
            bad += _below(line_levels(ch)[inside], word, marker)
        # a marker zhi does not read (in a table cell, as an admonition's title): the chapter is refused
        for marker in (f"| ::: {typed} |", f'!!! note "{typed}"'):
            ch, _ = _chapter(root, i, f"# 章\n\n公开的一段。\n\n{marker}\n\n金丝雀之段。\n")
            bad += _below(ch.classification, word, marker)
    assert bad == []


@pytest.mark.parametrize("rel", ["chronicle/book.yaml", "mkdocs.yml"])
def test_a_comment_of_a_settings_file(tmp_path, rel):
    root = make_archive(tmp_path)
    path = root / rel
    before = path.read_text(encoding="utf-8") if path.exists() else "site_name: 测试\n"
    first = before.count("\n") + 1
    keys = ("", "密级：", "level: ")
    lines = [f"# {key}{typed}" for key in keys for typed, _ in WALK]
    path.write_text(before + "\n".join(lines) + "\n", encoding="utf-8")
    said = {f.loc.line: re.search(r"说的是“(.+?)”", f.message).group(1)
            for f in check_setting_comments(load_archive(root), None)}
    assert [lines[n] for n in range(len(lines)) if first + n not in said] == []
    assert [x for n, (_, word) in enumerate(WALK * len(keys)) for x in _below(parse_level(said[first + n]), word, lines[n])] == []


@pytest.mark.parametrize("ext", ["txt", "html"])
def test_an_imported_document(tmp_path, ext):
    root = make_archive(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for i, (typed, _) in enumerate(WALK):
        lines = [typed, f"关于设立第{i}号金丝雀馆的通知", "各乡镇：决定设立。", "测试县人民政府", "1991年3月14日"]
        text = "\n".join(lines) + "\n"
        if ext == "html":
            text = "<html><body>" + "".join(f"<p>{ln}</p>" for ln in lines) + "</body></html>"
        (folder / f"w{i:03d}.{ext}").write_text(text, encoding="utf-8")
    outcomes = {o.path.name: o for o in import_files(root, [folder])}
    a = load_archive(root, with_book=False)
    assert [typed for i, (typed, _) in enumerate(WALK) if outcomes[f"w{i:03d}.{ext}"].status != "导入"] == []
    assert [x for i, (typed, word) in enumerate(WALK)
            for x in _below(a.documents[outcomes[f"w{i:03d}.{ext}"].record.stem].classification, word, typed)] == []
