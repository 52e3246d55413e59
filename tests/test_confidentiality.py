"""保密观: canaries planted in classified records of every kind never reach an edition above their level."""

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import copy_project
from zhi.build import BuildError, build_edition
from zhi.leaks import file_text, forbidden_strings, scan
from zhi.loader import load_archive

LEVELS = {"int": "内部", "sec": "秘密★10年"}


def canaries(tag: str) -> dict[str, str]:
    t = tag.upper()
    return {
        "body": f"区CANARY{t}BODY管理局",
        "document": f"关于CANARY{t}DOC事项的通知",
        "docno": f"区编CANARY{t}〔2005〕7号",
        "transcription": f"经研究决定CANARY{t}TRANSCRIPTION此项安排自即日起施行",
        "person": f"欧阳CANARY{t}PERSON",
        "post": f"CANARY{t}POST主任",
        "rename": f"区财政CANARY{t}RENAME局",
        "chapter": f"本章记述CANARY{t}CHAPTER的有关情况",
        "passage": f"这一段落CANARY{t}PASSAGE只限本级阅读",
    }


def plant(root: Path) -> None:
    for tag, level in LEVELS.items():
        c = canaries(tag)
        (root / f"sources/bodies/canary-{tag}.yaml").write_text(
            f"id: canary-body-{tag}\nkind: 事业单位\nclassification: {level}\n", encoding="utf-8")
        docs = root / "sources/documents/canary"
        docs.mkdir(parents=True, exist_ok=True)
        (docs / f"canary-doc-{tag}.yaml").write_text(
            f"id: canary-doc-{tag}\nnumber: {c['docno']}\ndate: 2005-03-01\ntitle: {c['document']}\n"
            f"issuer: 区机构编制委员会\nclassification: {level}\n", encoding="utf-8")
        (docs / f"canary-doc-{tag}.md").write_text(f"# {c['document']}\n\n{c['transcription']}。\n", encoding="utf-8")
        (root / f"sources/events/canary-{tag}.yaml").write_text(f"""
- id: canary-ev-{tag}
  type: establish
  date: 2005-03-01
  body: canary-body-{tag}
  name: {c['body']}
  parent: hd-zhengfu
  jurisdiction: hedong-qu
  classification: {level}
  sources: [canary-doc-{tag}]
- id: canary-ev-rename-{tag}
  type: rename
  date: 2005-04-01
  body: canary-body-{tag}
  name: {c['rename']}
  classification: {level}
  sources: [canary-doc-{tag}]
""", encoding="utf-8")
        (root / f"sources/people/canary-{tag}.yaml").write_text(
            f"- id: canary-p-{tag}\n  name: {c['person']}\n  classification: {level}\n", encoding="utf-8")
        (root / f"sources/posts/canary-{tag}.yaml").write_text(
            f"- id: canary-post-{tag}\n  person: canary-p-{tag}\n  body: canary-body-{tag}\n  post: {c['post']}\n"
            f"  from: 2005-05\n  classification: {level}\n  sources: [canary-doc-{tag}]\n", encoding="utf-8")
        (root / f"sources/staffing/canary-{tag}.yaml").write_text(
            f"- id: canary-st-{tag}\n  body: canary-body-{tag}\n  date: 2005-06\n  basis: 核定\n"
            f"  figures: {{事业编制: 7}}\n  classification: {level}\n  sources: [canary-doc-{tag}]\n", encoding="utf-8")
        chapter = root / f"chronicle/canary-{tag}.md"
        chapter.write_text(f"---\ntitle: 附记CANARY{tag.upper()}TITLE\nclassification: {level}\n---\n\n"
                           f"# 附记\n\n{c['chapter']}。\n", encoding="utf-8")
    # marked passages inside a public chapter
    public = root / "chronicle/bianhouji.md"
    text = public.read_text(encoding="utf-8")
    for tag, level in LEVELS.items():
        name = level.split("★")[0]
        text += f"\n\n::: {name}\n{canaries(tag)['passage']}。\n:::\n"
    public.write_text(text, encoding="utf-8")
    book = root / "chronicle/book.yaml"
    b = book.read_text(encoding="utf-8")
    b = re.sub(r"^back:.*\Z", "back: [bianhouji.md, canary-int.md, canary-sec.md]\n", b, flags=re.MULTILINE | re.DOTALL)
    book.write_text(b, encoding="utf-8")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("canary"))
    plant(root)
    with (root / "chronicle/book.yaml").open("a", encoding="utf-8") as fh:   # so that a sitemap is written too
        fh.write("\nsite_url: https://example.org/zhi/\n")
    proc = subprocess.run([".venv/bin/zhi", "--root", str(root), "check"], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:]
    pub = build_edition(root, "public", docx=True)
    internal = build_edition(root, "internal", docx=True)
    return root, pub, internal


def all_output_text(out: Path) -> dict[str, str]:
    texts = {}
    for p in sorted(out.rglob("*")):
        if p.is_file():
            t = file_text(p)
            if t is not None:
                texts[p.relative_to(out).as_posix()] = re.sub(r"\s+", "", t)
    return texts


def test_public_edition_holds_no_canary(planted):
    _, pub, _ = planted
    texts = all_output_text(pub.out)
    kinds = {p.rsplit(".", 1)[-1] for p in texts}
    assert {"html", "json", "xml", "pdf", "docx"} <= kinds   # site, search index, sitemap, PDF, DOCX
    for tag in LEVELS:
        for kind, s in canaries(tag).items():
            hits = [p for p, t in texts.items() if s in t]
            assert hits == [], f"{tag} {kind} canary in {hits[:3]}"
        for rid in (f"canary-body-{tag}", f"canary-doc-{tag}", f"canary-ev-{tag}", f"canary-p-{tag}"):
            assert not [p for p, t in texts.items() if rid in t], rid


def test_internal_edition_holds_internal_canaries_only(planted):
    _, _, internal = planted
    texts = all_output_text(internal.out)
    assert internal.out != planted[1].out
    for kind, s in canaries("int").items():
        if kind == "rename":
            s_ok = any(s in t for t in texts.values())
        else:
            s_ok = any(s in t for p, t in texts.items() if p.endswith(".html"))
        assert s_ok, f"internal {kind} canary missing from the internal edition"
    for key in ("document", "chapter", "passage"):   # the book prints no transcriptions
        assert canaries("int")[key] in texts["zhi.pdf"], key
        assert canaries("int")[key] in texts["zhi.docx"], key
    for kind, s in canaries("sec").items():
        hits = [p for p, t in texts.items() if s in t]
        assert hits == [], f"secret {kind} canary in {hits[:3]}"


def test_scanner_catches_a_planted_leak(planted, tmp_path):
    root, pub, _ = planted
    archive = load_archive(root)
    forbidden = forbidden_strings(archive, "public")
    assert canaries("sec")["document"] in forbidden and canaries("int")["document"] in forbidden
    assert scan(pub.out, forbidden) == []
    victim = tmp_path / "out"
    victim.mkdir()
    (victim / "page.html").write_text(f"<p>{canaries('sec')['transcription']}</p>", encoding="utf-8")
    (victim / "phone.html").write_text("<p>联系电话13912345678</p><p>秘密★5年</p>", encoding="utf-8")
    leaks = {(x.file, x.why.split("，")[0]) for x in scan(victim, forbidden)}
    assert ("page.html", "文件 canary-doc-sec 全文") in leaks
    assert ("phone.html", "手机号码") in leaks and ("phone.html", "密级标志") in leaks
    # the internal edition may carry 内部 marks, never state-secret ones
    (victim / "page.html").unlink()
    (victim / "phone.html").write_text("<p>内部资料 注意保存</p>", encoding="utf-8")
    assert scan(victim, {}, "internal") == [] and scan(victim, {}, "public") != []
    (victim / "phone.html").write_text("<p>机密★长期</p>", encoding="utf-8")
    assert scan(victim, {}, "internal") != []


def _leaky_footer(root):
    """A secret document's title where only the build's scan sees it: a page template (theme/ is the developers'
    code, which zhi check does not read). Typed into a chapter or into book.yaml's footer, zhi check names it first
    (secret-shared) and the build never starts. Returns the template and its text before, to put back."""
    page = root / "theme/pages/home.md.j2"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + f"\n另据{canaries('sec')['document']}记载\n", encoding="utf-8")
    return page, original


def test_a_build_that_would_leak_is_refused_and_the_last_site_set_aside(planted):
    """A build refused by the leak scan publishes nothing, and the last site is moved aside whole (site.stale-<date>,
    README), so a record made secret since it was built cannot be served from it."""
    root, pub, _ = planted
    before = sorted(p.relative_to(pub.out).as_posix() for p in pub.out.rglob("*"))
    book, original = _leaky_footer(root)
    try:
        with pytest.raises(BuildError) as e:
            build_edition(root, "public", pdf=False)
        assert "保密检查未通过" in str(e.value) and "canary-doc-sec" in str(e.value)
    finally:
        book.write_text(original, encoding="utf-8")
    aside = sorted(pub.out.parent.glob(pub.out.name + ".stale-*"))
    assert len(aside) == 1 and not pub.out.exists()
    assert sorted(p.relative_to(aside[0]).as_posix() for p in aside[0].rglob("*")) == before
    assert zipfile.is_zipfile(aside[0] / "zhi.docx")
    aside[0].rename(pub.out)   # the module's later tests read that last good build


def test_zensical_site_holds_no_canary_and_a_leak_in_it_is_refused(planted, tmp_path):
    """The second renderer's output goes through the same leak scan: no canary of either level reaches its public
    site, and a chapter that would leak stops its build too."""
    root, _, _ = planted
    out = tmp_path / "zensical-site"
    res = build_edition(root, "public", pdf=False, out=out, renderer="zensical")
    texts = all_output_text(res.out)
    assert sum(p.endswith(".html") for p in texts) > 400 and "stylesheets/classic/" in texts["index.html"]
    for tag in LEVELS:
        for kind, s in canaries(tag).items():
            hits = [p for p, t in texts.items() if s in t]
            assert hits == [], f"{tag} {kind} canary in {hits[:3]} (Zensical)"
    book, original = _leaky_footer(root)
    try:
        with pytest.raises(BuildError, match="保密检查未通过"):
            build_edition(root, "public", pdf=False, out=out, renderer="zensical")
    finally:
        book.write_text(original, encoding="utf-8")
    aside = sorted(out.parent.glob(out.name + ".stale-*"))   # the last site set aside whole, nothing new in it
    assert len(aside) == 1 and not out.exists()
    assert canaries("sec")["document"] not in (aside[0] / "zhi" / "bianhouji" / "index.html").read_text(encoding="utf-8")
