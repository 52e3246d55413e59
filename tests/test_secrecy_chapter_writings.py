"""保密观 in chapters (tester's finding): a classified title typed into open prose is named by ``zhi check`` in
every writing a reader (and the page) still reads as that title, on every line it stands: HTML character
references and entities (escaped once or twice), a backslash, a link's text or address (also %-escaped), the
traditional or variant characters (關於, 批覆 for 批复), a footnote call, a <sup>, a tag or code marks inside it."""

from pathlib import Path

import pytest
from conftest import write
from test_secrecy import secret_archive
from zhi.checks import run_checks
from zhi.loader import load_archive

TITLE = "关于设立区保密技术监察中队的通知"          # d-secret's title (秘密)
REPLY = "关于县编委机构编制调整的批复"              # a second secret document's title
URL = "https://example.org/" + "".join(f"%{b:02X}" for b in TITLE.encode())
WRITINGS = {
    "entity": "关于设立区保&#23494;技术监察中队的通知",
    "entity-hex": "关于设立区保&#x5bc6;技术监察中队的通知",
    "entity-twice": "关于设立区保&amp;#23494;技术监察中队的通知",
    "backslash": "关于设立区保\\密技术监察中队的通知",
    "link-address": f"见[此文]({TITLE})。",
    "link-url": f"见[原件]({URL})。",
    "link-text": f"见[{TITLE}](https://example.org/)。",
    "autolink": f"见<{URL}>。",
    "html-href": f'见<a href="{URL}">原件</a>。',
    "traditional": "關於設立區保密技術監察中隊的通知",
    "variant": "關於縣編委機構編制調整的批覆",
    "footnote": "关于设立区保密[^1]技术监察中队的通知",
    "sup": "关于设立区保密<sup>1</sup>技术监察中队的通知",
    "span": "关于设立区保密<span>技术</span>监察中队的通知",
    "code": "关于设立区保密`技术`监察中队的通知",
    "first": TITLE,
    "again": f"后来又见{TITLE}。",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    root = secret_archive(tmp_path_factory.mktemp("writings"))
    write(root, "sources/documents/d-reply.yaml", f"id: d-reply\ndate: 1999-05\nclassification: 秘密\ntitle: {REPLY}\n"
                                                   "issuer: 测试县人民政府\n")
    ch = root / "chronicle/p1/c1.md"
    body = ch.read_text(encoding="utf-8") + "".join(f"\n{k}：{v}\n" for k, v in WRITINGS.items()) + "\n[^1]: 注。\n"
    ch.write_text(body, encoding="utf-8")
    lines = body.splitlines()
    where = {k: next(i for i, x in enumerate(lines, 1) if x.startswith(k + "：")) for k in WRITINGS}
    return where, [f for f in run_checks(load_archive(root)) if f.code == "secret-shared" and "c1.md" in f.loc.file]


@pytest.mark.parametrize("writing", list(WRITINGS))
def test_each_writing_of_a_secret_title_in_a_chapter_is_named_on_its_line(found, writing):
    where, shared = found
    at = [f for f in shared if f.loc.line == where[writing]]
    assert at and all(f.severity == "error" for f in at), (writing, [f.as_text() for f in shared])
    assert any("d-secret" in f.message or "d-reply" in f.message for f in at)


def test_the_same_title_on_two_lines_is_named_twice_and_a_line_once(found):
    where, shared = found
    lines = [f.loc.line for f in shared if TITLE in f.message]
    assert where["first"] in lines and where["again"] in lines
    assert len(lines) == len(set(lines))


def test_a_title_an_open_record_keeps_is_not_made_secret_by_a_variant(tmp_path: Path):
    # folding works on both sides: an open chapter saying an open document's title in 繁体 is no finding
    root = secret_archive(tmp_path)
    ch = root / "chronicle/p1/c1.md"
    ch.write_text(ch.read_text(encoding="utf-8") + "\n見《關於設立縣計劃經濟委員會的通知》。\n", encoding="utf-8")
    assert [f for f in run_checks(load_archive(root)) if f.code == "secret-shared"] == []


@pytest.mark.parametrize("writing", ["backslash", "variant", "traditional", "entity"])
def test_the_builds_scan_reads_the_same_writings(tmp_path: Path, writing):
    from zhi.leaks import scan

    (tmp_path / "page.html").write_text(f"<p>{WRITINGS[writing]}</p>", encoding="utf-8")
    leaks = scan(tmp_path, {TITLE: "文件 d-secret，秘密", REPLY: "文件 d-reply，秘密"})
    assert any(x.what in (TITLE, REPLY) for x in leaks), leaks
