"""A held body renamed (or put under another parent) by an event an edition withholds: the edition printed the old
name (parent) on to the 下限 as if nothing had happened — a false claim — and the only truthful course is to give
the old value up to the last date the edition's own records show the body, and then say it is not given (名称不详),
never the withheld name or the withheld event's date.

Facts typed in (never its prose) from 《济阳县志》第一节 机构（统计）, 山东省情网
https://shandong-chorography.org/database/c18/section/13/article/3/ : 1953年4月 济阳县人民政府设统计科; 1956年6月
县人民委员会设统计科 (recorded here as its change of parent); 1957年6月 计划与统计机构合并，称计划统计科 (recorded as a
rename of the 统计科, made 秘密 for the test: the source does not classify it); 1958年 计划统计科改称计划委员会.
The person and the 1957 post are the test's own (the source names no one)."""

import re
from pathlib import Path

from conftest import make_archive, with_theme, write
from zhi.build import build_edition
from zhi.dates import parse_date
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.lineage import lineage
from zhi.views.snapshot import snapshot
from zhi.views.staffing import figures

SECRET_NAME = "济阳县计划统计科"
FILES = {
    "sources/jurisdictions/jy.yaml": "id: jy-xian\nlevel: 县\n",
    "sources/bodies/jy.yaml": """
- {id: jy-zhengfu, kind: 其他}
- {id: jy-renwei, kind: 其他}
- {id: jy-tongji, kind: 政府工作部门}
""",
    "sources/documents/jy.yaml": """
- {id: d-jy, genre: 志书, title: 济阳县志, date: 1991}
- {id: d-jy-mi, number: 济秘〔1957〕6号, issuer: 济阳县人民委员会, date: 1957-06, title: 关于计划统计机构合并的决定,
   classification: 秘密}
""",
    "sources/events/jy.yaml": """
- {id: ev-jy, type: establish, date: 1949-10, body: jy-xian, name: 济阳县, sources: [d-jy]}
- {id: ev-jy-zf, type: establish, date: 1949-10, body: jy-zhengfu, name: 济阳县人民政府, jurisdiction: jy-xian,
   sources: [d-jy]}
- {id: ev-jy-rw, type: establish, date: 1954-10, body: jy-renwei, name: 济阳县人民委员会, jurisdiction: jy-xian,
   sources: [d-jy]}
- {id: ev-jy-tj, type: establish, date: 1953-04, body: jy-tongji, name: 济阳县统计科, parent: jy-zhengfu,
   jurisdiction: jy-xian, sources: [d-jy]}
- {id: ev-jy-tj-p, type: reparent, date: 1956-06, body: jy-tongji, parent: jy-renwei, sources: [d-jy]}
- {id: ev-jy-tj-n, type: rename, date: 1957-06, body: jy-tongji, name: 济阳县计划统计科, wording: 称,
   classification: 秘密, sources: [d-jy-mi]}
- {id: ev-jy-tj-n2, type: rename, date: 1958, body: jy-tongji, name: 济阳县计划委员会, wording: 改称, sources: [d-jy]}
""",
    "sources/people/jy.yaml": "- {id: p-jy-lan, name: 蓝川, gender: 男}\n",
    "sources/posts/jy.yaml": "- {person: p-jy-lan, body: jy-tongji, post: 科长, from: 1957-09, to: 1958-03, "
                             "sources: [d-jy]}\n",
}


def _root(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    root = make_archive(tmp_path)
    for rel, text in {**FILES, **(extra or {})}.items():
        write(root, rel, text)
    return root


def test_the_public_edition_gives_the_old_name_up_to_its_last_record_and_then_says_it_is_not_given(tmp_path):
    a = load_archive(_root(tmp_path))
    full = derive_history(a)
    assert full.get("jy-tongji").name_on(parse_date("1957-12")) == (SECRET_NAME, None)   # the archive knows it
    pub = filter_archive(a, "public")
    h = derive_history(pub)
    t = h.get("jy-tongji")
    names = [(s.value[0], str(s.start), str(s.end) if s.end else "") for s in t.names]
    assert names == [("济阳县统计科", "1953年4月", "1956年6月后"),
                     ("名称不详（原称济阳县统计科）", "1956年6月后", "1958年"),
                     ("济阳县计划委员会", "1958年", "")], names
    assert t.name_on(parse_date("1957-12"))[0] == "名称不详（原称济阳县统计科）"   # not the old name as if unchanged
    assert t.name_on(parse_date("1955-01"))[0] == "济阳县统计科"
    lin = lineage(pub, h, "jy-tongji")
    assert [p.value for p in lin.names] == ["济阳县统计科", "名称不详（原称济阳县统计科）", "济阳县计划委员会"]
    rows = {r.body: r for r in snapshot(pub, h, "jy-xian", parse_date("1957-12-31"), figures(pub))}
    assert rows["jy-tongji"].name == "济阳县统计科" and "1956年6月后名称不详" in rows["jy-tongji"].note, \
        rows["jy-tongji"]
    # the internal edition withholds the 秘密 rename as well; the whole archive's history is unchanged
    assert derive_history(filter_archive(a, "internal")).get("jy-tongji").name_on(parse_date("1957-12"))[0] \
        == "名称不详（原称济阳县统计科）"
    assert [s.value[0] for s in full.get("jy-tongji").names] == ["济阳县统计科", SECRET_NAME, "济阳县计划委员会"]


def test_a_withheld_reparent_ends_the_old_parent_at_the_last_record_and_gives_no_parent_after(tmp_path):
    root = _root(tmp_path, {"sources/events/jy2.yaml": """
- {id: ev-jy-tj-p2, type: reparent, date: 1957-08, body: jy-tongji, parent: jy-zhengfu, classification: 秘密,
   sources: [d-jy-mi]}
"""})
    a = load_archive(root)
    assert derive_history(a).get("jy-tongji").parent_on(parse_date("1957-12")) == "jy-zhengfu"
    h = derive_history(filter_archive(a, "public"))
    t = h.get("jy-tongji")
    assert t.parent_on(parse_date("1956-06")) == "jy-renwei"
    assert t.parent_on(parse_date("1957-12")) == "不详"               # not 济阳县人民委员会 as if unchanged
    assert [(s.value, str(s.start), str(s.end)) for s in t.parents if s.value] == \
        [("jy-zhengfu", "1953年4月", "1956年6月"), ("jy-renwei", "1956年6月", "1956年6月后"),
         ("不详", "1956年6月后", "None")]


def test_a_public_rename_is_told_unchanged(tmp_path):
    files = dict(FILES)
    unmarked = files["sources/events/jy.yaml"].replace("classification: 秘密, ", "")
    files["sources/events/jy.yaml"] = unmarked.replace("sources: [d-jy-mi]", "sources: [d-jy]")
    root = make_archive(tmp_path)
    for rel, text in files.items():
        write(root, rel, text)
    h = derive_history(filter_archive(load_archive(root), "public"))
    assert [s.value[0] for s in h.get("jy-tongji").names] == ["济阳县统计科", SECRET_NAME, "济阳县计划委员会"]
    assert not any(s.withheld for s in h.get("jy-tongji").names)
    # left unmarked but known only from the 秘密 document, the rename is as secret as its source (fail closed)
    write(root, "sources/events/jy.yaml", unmarked)
    h = derive_history(filter_archive(load_archive(root), "public"))
    assert SECRET_NAME not in [s.value[0] for s in h.get("jy-tongji").names]


def test_the_built_public_site_and_open_data_never_give_the_withheld_name_nor_the_old_one_as_unchanged(tmp_path):
    res = build_edition(with_theme(_root(tmp_path)), pdf=False)
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (res.out / "jigou" / "jy-tongji" / "index.html")
                                      .read_text(encoding="utf-8")))
    assert "名称不详（原称济阳县统计科） — 1956年6月后 1958年" in page, page
    people = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (res.out / "renwu" / "index.html")
                                        .read_text(encoding="utf-8")))
    assert "1957年9月—1958年3月 名称不详（原称济阳县统计科） 科长" in people, people
    for f in res.out.rglob("*"):
        if f.is_file() and f.suffix in (".html", ".json", ".csv", ".txt", ".js", ".xml", ".jsonld"):
            text = f.read_text(encoding="utf-8", errors="ignore")
            assert SECRET_NAME not in text and "计划统计科" not in text, f
            assert "1957年6月" not in text and "1957-06" not in text and "济秘" not in text, f
    periods = (res.out / "shuju" / "data" / "periods.csv").read_text(encoding="utf-8")
    assert "名称不详（原称济阳县统计科）" in periods
