"""A public body merged into a SECRET body by a SECRET event (found by the tester, C8): the public edition printed
a false life (存续 1999年1月5日—2020年9月1日（去向不详）) although the body ended in 1999. The edition may not
show that end, and must not show the body living on: its end is unknown there (止年不详, as far as its public
records show it), it is not listed as existing after that, and nothing of the secret body or its date appears."""

import re
from pathlib import Path

from conftest import make_archive, with_theme, write
from zhi.build import build_edition
from zhi.dates import parse_date
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage
from zhi.views.snapshot import fate_unknown_note, snapshot
from zhi.views.staffing import figures

SECRET_NAME = "测试县鹭洲联络处"
FILES = {
    "sources/bodies/x.yaml": """
- {id: cs-tongji, kind: 政府工作部门}
- {id: cs-mi, kind: 其他, classification: 秘密}
""",
    "sources/documents/x.yaml": """
- {id: d-tj, number: 测编〔1990〕1号, issuer: 测试县机构编制委员会, date: 1990-01-05, title: 关于设立县统计局的通知}
- {id: d-tj-rw, number: 测编〔1995〕4号, issuer: 测试县机构编制委员会, date: 1995-06-01, title: 关于县统计局领导任职的通知}
- {id: d-mi, number: 测秘〔1999〕3号, issuer: 测试县人民政府, date: 1999-07-20, title: 关于设立联络处的决定,
   classification: 秘密}
""",
    "sources/events/x.yaml": f"""
- {{id: ev-tj, type: establish, date: 1990-01-05, body: cs-tongji, name: 测试县统计局, parent: cs-zhengfu,
   jurisdiction: cs-xian, sources: [d-tj]}}
- {{id: ev-mi, type: establish, date: 1999-01-05, body: cs-mi, name: {SECRET_NAME}, jurisdiction: cs-xian,
   classification: 秘密, sources: [d-mi]}}
- {{id: ev-mi-merge, type: merge, date: 1999-08-01, before: [cs-tongji, cs-mi], after: cs-mi, classification: 秘密,
   sources: [d-mi]}}
- {{id: ev-xian-end, type: abolish, date: 2000-06, body: cs-xian, sources: [d-tj]}}
""",
    "sources/people/x.yaml": "- {id: p-li, name: 李青, gender: 男}\n",
    "sources/posts/x.yaml": "- {person: p-li, body: cs-tongji, post: 局长, from: 1990-01, to: 1995-06, sources: [d-tj-rw]}\n",
}


def _root(tmp_path: Path) -> Path:
    root = make_archive(tmp_path)
    for rel, text in FILES.items():
        write(root, rel, text)
    return root


def test_the_public_edition_gives_no_false_end_and_no_false_life(tmp_path):
    a = load_archive(_root(tmp_path))
    full = derive_history(a)
    assert str(full.get("cs-tongji").end) == "1999年8月1日"      # the whole archive knows the end
    pub = filter_archive(a, "public")
    h = derive_history(pub)
    t = h.get("cs-tongji")
    lin = lineage(pub, h, "cs-tongji")
    assert lin.end is None and t.end_unknown                    # not the 下限, not 今, not a made-up 撤销
    assert str(lin.last_known) == "1995年6月"                   # the last public record of it
    figs = figures(pub)
    on = parse_date("1993-12-31")
    assert "cs-tongji" in {r.body for r in snapshot(pub, h, "cs-xian", on, figs)}
    later = parse_date("1999-12-31")
    assert "cs-tongji" not in {r.body for r in snapshot(pub, h, "cs-xian", later, figs)}
    assert "测试县统计局（止年不详，最后见于1995年6月）" in fate_unknown_note(h, "cs-xian", later)
    assert "cs-mi" not in h.timelines and "cs-tongji" not in full.get("cs-xian").events[0].new


def test_a_public_restore_after_the_withheld_end_closes_the_period_at_an_unknown_date(tmp_path):
    root = _root(tmp_path)
    write(root, "sources/events/y.yaml", """
- {id: ev-tj-back, type: restore, date: 2000-03, body: cs-tongji, sources: [d-tj]}
""")
    a = load_archive(root)
    pub = filter_archive(a, "public")
    h = derive_history(pub)
    t = h.get("cs-tongji")
    assert len(t.lives) == 2 and t.lives[0].end.qualifier == "before" and str(t.lives[0].end) == "2000年3月前"
    assert not t.end_unknown and str(t.lives[1].start) == "2000年3月"
    assert [f for f in h.findings if f.severity == "error"] == []


def test_the_built_public_site_says_end_unknown_and_holds_no_trace_of_the_secret_merge(tmp_path):
    root = with_theme(_root(tmp_path))
    res = build_edition(root, pdf=False)
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", (res.out / "jigou" / "cs-tongji" / "index.html")
                                      .read_text(encoding="utf-8")))
    assert "1990年1月5日—止年不详（最后见于1995年6月）" in page, page[:400]
    assert "2000年6月" not in page.split("沿革")[0] and "去向不详" not in page and "撤销测试县统计局" not in page
    for f in res.out.rglob("*"):
        if f.is_file() and f.suffix in (".html", ".json", ".csv", ".txt", ".js", ".xml", ".jsonld"):
            text = f.read_text(encoding="utf-8", errors="ignore")
            assert SECRET_NAME not in text and "鹭洲" not in text, f
            assert "1999年8月1日" not in text and "1999-08-01" not in text, f
