"""Open data (数据下载): tables, JSON-LD and Popolo JSON of each edition.

The sample's site is the one built once for the run (conftest ``built``); the exports are read back the way a user reads them (CSV with the
csv module, the workbook with openpyxl, the JSON-LD as RDF with rdflib) and compared with the archive of the
edition and with the built site's pages.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
from conftest import make_archive, with_theme, write
from zhi.build import LeakError, build_edition
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.leaks import forbidden_strings, scan
from zhi.loader import load_archive
from zhi.model import UNKNOWN
from zhi.writers import opendata

DATA = "shuju/data"
TABLES = ("bodies", "periods", "events", "event_participants", "documents", "people", "posts", "staffing",
          "jurisdictions", "jurisdiction_changes")


@pytest.fixture(scope="module")
def sample(built):
    """The sample's project and its public site, as built once for the run (the tests only read them)."""
    return built.out.parent, built.out


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no BOM: Excel would not read it as UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def graph_of(path: Path):
    import rdflib

    g = rdflib.Graph()
    g.parse(path, format="json-ld")
    return g


# ---- every record of the edition, and the columns -----------------------------------------------------------
def test_every_record_of_the_edition_is_in_the_tables(sample):
    root, site = sample
    a = filter_archive(load_archive(root), "public")
    h = derive_history(a)
    rows = {t: read_csv(site / DATA / f"{t}.csv") for t in TABLES}
    assert {r["编号"] for r in rows["bodies"]} == {b for b in a.bodies if h.get(b)}
    assert {r["编号"] for r in rows["events"]} == {e.id for e in h.events}
    assert {r["编号"] for r in rows["documents"]} == set(a.documents)
    assert {r["编号"] for r in rows["people"]} == {pid for pid, p in a.people.items() if not p.unnamed}
    assert {r["编号"] for r in rows["jurisdictions"]} == set(a.jurisdictions)
    assert len(rows["posts"]) == len(a.posts) and len({r["编号"] for r in rows["posts"]}) == len(a.posts)
    # every name a body bore is a row of the periods table, with its dates
    names = {(r["对象编号"], r["值"], r["起"]) for r in rows["periods"] if r["项目"] == "名称"}
    for rid, t in h.timelines.items():
        for s in t.names:
            assert (rid, s.value[0], s.start.chinese() if s.start else "") in names
    # every figure of every staffing record (the one followed) is a row
    staffed = {(r["范围编号"], r["日期"], r["类别"], r["数"]) for r in rows["staffing"]}
    for s in a.staffing:
        if s.figures and s.date:
            for kind, n in s.figures.posts.items():
                label = "编制（未分类）" if kind == "编制" else kind
                assert (s.scope, s.date.chinese(), label, str(n)) in staffed
            if s.figures.scope_note:  # 范围: what the figure covers, as the source says, beside each of its numbers
                assert {r["范围说明"] for r in rows["staffing"]
                        if r["范围编号"] == s.scope and r["日期"] == s.date.chinese() and r["系统"] == s.system} \
                    == {s.figures.scope_note}
            for level, n in s.figures.leaders.items():
                assert (s.scope, s.date.chinese(), f"领导职数：{level}", str(n)) in staffed
    # participants: every body an event names
    parts = {(r["事件编号"], r["对象编号"]) for r in rows["event_participants"]}
    for e in h.events:
        for r in e.participants():
            assert (e.id, r.id) in parts


def test_a_restored_body_is_restored_not_new(sample):
    # found by a tester: both restore events' bodies had the role 新设
    root, site = sample
    a = filter_archive(load_archive(root), "public")
    restores = {e.id: e for e in a.events if e.type == "restore"}
    assert restores
    rows = [r for r in read_csv(site / DATA / "event_participants.csv") if r["事件编号"] in restores]
    restored = {(r["事件编号"], r["对象编号"]) for r in rows if r["角色"] == "恢复"}
    assert restored == {(e.id, e.body.id) for e in restores.values()}
    assert not [r for r in rows if r["角色"] == "新设"]


def test_csv_and_workbook_have_the_documented_columns_and_the_same_rows(sample):
    from openpyxl import load_workbook

    root, site = sample
    a = filter_archive(load_archive(root), "public")
    od = opendata.OpenData(a, derive_history(a), {"base": "urn:zhi:"})
    wb = load_workbook(site / DATA / opendata.WORKBOOK, read_only=True)
    for t in od.tables():
        rows = read_csv(site / DATA / t.csv_name)
        with open(site / DATA / t.csv_name, encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f))
        assert header == [c.name for c in t.columns]
        assert rows, f"{t.csv_name} is empty"
        sheet = list(wb[t.title].iter_rows(values_only=True))
        assert list(sheet[0]) == header
        assert len(sheet) - 1 == len(rows)
        assert [str(v) if v is not None else "" for v in sheet[1]] == [rows[0][c] for c in header]
    bodies = read_csv(site / DATA / "bodies.csv")
    assert {"编号", "名称", "设立", "设立_最早", "设立_最晚", "终止", "终止_最早", "终止_最晚", "终止情况"} <= set(bodies[0])


def test_dates_are_as_written_with_iso_bounds_and_unknown_stays_unknown(sample):
    root, site = sample
    for t in ("bodies", "periods", "posts", "jurisdictions"):  # an open end is never said as 今
        for r in read_csv(site / DATA / f"{t}.csv"):
            assert not any("今" in v for k, v in r.items() if k.startswith(("终止", "止"))), (t, r)
    bodies = {r["编号"]: r for r in read_csv(site / DATA / "bodies.csv")}
    a = load_archive(root)
    h = derive_history(filter_archive(a, "public"))
    unknown = [b for b, rec in a.bodies.items() if rec.end_unknown and b in bodies]
    assert unknown, "the sample has a body whose end is unknown"
    for b in unknown:
        r = bodies[b]
        assert (r["终止"], r["终止_最早"], r["终止_最晚"], r["终止情况"]) == ("不详", "", "", "止年不详")
        assert r["最后见于"] == h.get(b).last_known.chinese()
    open_ = [r for r in bodies.values() if r["终止情况"].startswith("至下限仍存续")]
    assert open_ and all(r["终止"] == "" and r["终止_最晚"] == "" for r in open_)
    assert all("下限2022年" in r["终止情况"] for r in open_)
    for r in bodies.values():
        if r["设立"] and r["设立_最早"]:
            assert r["设立_最早"] <= r["设立_最晚"]
    posts = read_csv(site / DATA / "posts.csv")
    assert any(p["止"] == "不详" and p["止_最早"] == "" and p["止_说明"] == "" for p in posts)
    assert any(p["止"] == "" and p["止_说明"].startswith("至下限仍在任") for p in posts)


def test_uncertain_dates_have_their_bounds():
    from zhi.dates import parse_date

    assert opendata.date_cells(parse_date("1958年底")) == ["1958年底", "1958-11-01", "1958-12-31"]
    assert opendata.date_cells(parse_date("约1962")) == ["约1962年", "1962-01-01", "1962-12-31"]
    assert opendata.date_cells(parse_date("1985前")) == ["1985年前", "", "1984-12-31"]
    assert opendata.date_cells(parse_date("1985后")) == ["1985年后", "1986-01-01", ""]
    assert opendata.date_cells(parse_date("1980..1983")) == ["1980年至1983年", "1980-01-01", "1983-12-31"]
    assert opendata.date_cells(None, unknown=True) == ["不详", "", ""]


# ---- JSON-LD and Popolo -------------------------------------------------------------------------------------
def test_jsonld_parses_as_rdf_in_the_organization_ontology(sample):
    import rdflib
    from rdflib.namespace import RDF

    root, site = sample
    g = graph_of(site / DATA / opendata.JSONLD)
    ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
    a = filter_archive(load_archive(root), "public")
    orgs = set(g.subjects(RDF.type, ORG.Organization))
    assert len(orgs) == len(a.bodies)
    changes = set(g.subjects(RDF.type, ORG.ChangeEvent))
    assert len(changes) == len(derive_history(a).events)
    merges = [e for e in changes if list(g.objects(e, ORG.originalOrganization))
              and list(g.objects(e, ORG.resultingOrganization))]
    assert merges
    assert len(set(g.subjects(RDF.type, ORG.Membership))) == len(a.posts)
    assert set(g.subjects(RDF.type, ORG.Post))
    assert list(g.subject_objects(ORG.subOrganizationOf))
    # every literal typed as a date is a valid xsd:date
    XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")
    dates = [o for o in g.objects() if isinstance(o, rdflib.Literal) and o.datatype == XSD.date]
    assert dates and all(not o.ill_typed for o in dates)


def _html_rows(page: str, heading: str) -> list[list[str]]:
    m = re.search(r"<h2[^>]*>" + heading + r"</h2>\s*<table>(.*?)</table>", page, re.DOTALL)
    if not m:
        return []
    rows = re.findall(r"<tr>(.*?)</tr>", m.group(1), re.DOTALL)
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td>(.*?)</td>", r, re.DOTALL)]
            for r in rows if "<td>" in r]


def _lineage_from_rdf(g, base: str = "urn:zhi:"):
    """Each body's names, parents, predecessors and successors, read back from the RDF graph alone."""
    import rdflib

    ZHI = rdflib.Namespace(base + "vocab#")
    RDFS = rdflib.RDFS
    TIME = rdflib.Namespace("http://www.w3.org/2006/time#")
    ORG = rdflib.Namespace("http://www.w3.org/ns/org#")

    def label(node):
        return str(g.value(node, RDFS.label) or "") if node is not None else ""

    def during(node):  # an end 不详 because the body's fate is not recorded reads as the page prints it: 去向不详
        iv = g.value(node, ZHI.during)
        end = label(g.value(iv, TIME.hasEnd))
        return label(g.value(iv, TIME.hasBeginning)), \
            "去向不详" if end == "不详" and str(g.value(iv, ZHI.endNote) or "") == "去向不详" else end

    def earliest(node):  # the order of periods: a start known only as "before" a date sorts by that date
        begin = g.value(g.value(node, ZHI.during), TIME.hasBeginning)
        return str(g.value(begin, ZHI.earliest) or g.value(begin, ZHI.latest) or "")

    out = {}
    for org in [*g.subjects(rdflib.RDF.type, ORG.Organization),
                *g.subjects(rdflib.RDF.type, rdflib.DCTERMS.Jurisdiction)]:
        rid = str(g.value(org, rdflib.DCTERMS.identifier))
        names = []
        for n in g.objects(org, ZHI.name):
            if str(g.value(n, ZHI.nameType)) == "名称":
                short = g.value(n, ZHI.shortName)
                names.append((earliest(n), label(n), str(short) if short else "—", *during(n)))
        parents = [(earliest(p), str(g.value(p, ZHI.nameThen)), str(g.value(p, ZHI.relation) or ""), *during(p))
                   for p in g.objects(org, ZHI.parentPeriod)]
        links = {}
        for key, word in ((ZHI.predecessor, "前身"), (ZHI.successor, "后继")):
            for p in g.objects(org, key):
                ev = g.value(p, ZHI.event)
                links.setdefault(word, set()).add(
                    f"{word}：{g.value(p, ZHI.nameThen)}（{g.value(ev, rdflib.DCTERMS.date)}{label(ev)}）")
        out[rid] = (sorted(names), sorted(parents), links)
    return out


def test_round_trip_rebuilds_every_lineage_the_site_shows(sample):
    root, site = sample
    lin = _lineage_from_rdf(graph_of(site / DATA / opendata.JSONLD))
    a = load_archive(root)
    pages = 0
    # the site adds a body's 区别语 to a name another record also bore (县劳动局（1978年设立）); the data gives it
    # apart (zhi:distinguish), the name itself bare
    said_apart = sorted({f"（{b.distinguish}）" for b in a.bodies.values() if b.distinguish}, key=len, reverse=True)

    def bare(text: str) -> str:
        for words in said_apart:
            text = text.replace(words, "")
        # an N→M reorganisation (分解并入) names its successors with no one-to-one mapping; the page says so
        return text.replace("，对应关系来源未载", "")

    for page in sorted((site / "jigou").glob("*/index.html")):
        rid = page.parent.name
        text = page.read_text(encoding="utf-8")
        names, parents, links = lin[rid]
        # where the body's end is unknown the site prints its last name's end 止年不详; the data says 不详
        unknown = a.bodies[rid].end_unknown

        def as_site(row, unknown=unknown):
            return list(row[1:-1]) + ["止年不详" if unknown and row[-1] == "不详" else row[-1]]

        assert [as_site(n) for n in names] == [[bare(r[0]), *r[1:]] for r in _html_rows(text, "名称")], rid
        # a superior renamed within the period is named as at its start, the rename after it in brackets
        # (河东区编制委员会（1991年12月1日更名为区机构编制委员会）): the data names it by the start's name
        shown_parents = [[re.sub(r"（[^（）]*?\d{4}年[^（）]*?(?:更名|改称|称)[^（）]*?）$", "", bare(r[0])), *r[1:]]
                         for r in _html_rows(text, "隶属")]
        if shown_parents:  # the site marks a superior that is not plain 隶属 after its name: 汕头市（代管）
            assert [as_site((p[0], p[1] + (f"（{p[2]}）" if p[2] not in ("", "隶属") else ""), *p[3:]))
                    for p in parents] == shown_parents, rid
        def related(li: str) -> str:
            """前身：县委宣传部（1971年设立），2020年9月1日合并 (the event after a 区别语 follows a comma) as the data's
            前身：县委宣传部（2020年9月1日合并）."""
            for words in said_apart:
                li = re.sub(re.escape(words) + "，(.*)$", r"（\1）", li)
            return bare(li)

        for word in ("前身", "后继"):
            shown = {related(html.unescape(re.sub(r"<[^>]+>", "", li)))
                     for li in re.findall(rf"<li>({word}：.*?)</li>", text)}
            assert shown == links.get(word, set()), (rid, word)
        pages += 1
    assert pages > 100


REAL = Path(__file__).resolve().parent / "fixtures" / "real"


@pytest.mark.parametrize("name", sorted(p.name for p in REAL.iterdir() if p.is_dir()))
def test_round_trip_on_published_histories(name):
    """Histories typed in from published gazetteers (each fixture's README names its source): every body's and
    jurisdiction's names, parents, predecessors and successors read back from the RDF are its lineage."""
    import rdflib
    from zhi.history import place_silent_since, silent_since
    from zhi.views.lineage import lineage

    a = filter_archive(load_archive(REAL / name), "public")
    h = derive_history(a)
    doc = opendata.OpenData(a, h, {"base": "urn:zhi:", "title": name, "licence": "-", "version": "-",
                                   "edition_zh": "公开版"}).jsonld()
    g = rdflib.Graph().parse(data=json.dumps(doc, ensure_ascii=False), format="json-ld")
    back = _lineage_from_rdf(g)
    checked = 0
    marks = [f"（{x.distinguish}）" for x in h.timelines.values() if x.distinguish]
    for rid, t in h.timelines.items():
        if not t.lives:
            continue
        lin = lineage(a, h, rid)
        names, parents, links = back[rid]

        def cn(d):
            return d.chinese() if d else ""

        # a place no record shows for ten years before the 下限: 某年后情况不详 in the data, as a body (guide/opendata.md)
        quiet = (place_silent_since(a, h, t) if t.is_jurisdiction else silent_since(a, t)) is not None

        # a period closed by no record (a restore's previous_end: 不详) is 止年不详 on the page, 不详 in the data, too
        closed_unsaid = any(t.unrecorded_end(x) for x in (*t.names, *t.parents))

        def end(label, unknown=t.end_unknown or closed_unsaid, silent=quiet):   # a body whose end is 不详: its last name's and superior's too
            if silent and not unknown and label == "不详":   # the page's table keeps an open end; the data: 情况不详
                return ""
            return "止年不详" if label == "不详" and unknown else label

        def bare(name):   # the book's 区别语 (“（1956年设）”) is the open data's own field, not part of the name
            for x in marks:
                name = name.replace(x, "")
            return name

        shorts = {p.start: p.value for p in lin.short_names}
        assert [(n[1], n[2], n[3], end(n[4])) for n in names] == \
               [(bare(p.value), shorts.get(p.start, "—"), cn(p.start), p.end_text or cn(p.end)) for p in lin.names], rid
        # the superior's name clean, its relation (隶属, 代管, 直接领导, 主管) its own field, both surviving the trip
        assert [(p[1], p[2], p[3], end(p[4])) for p in parents] == [
            (bare(p.value), p.relation or ("" if p.ref == UNKNOWN else "隶属"), cn(p.start), p.end_text or cn(p.end))
            for p in lin.parents]   # (a superior's 区别语 is its own record's field, as a name's is)
        assert links.get("前身", set()) == {f"前身：{bare(n)}（{cn(e.date)}{e.said_zh}）" for _, n, e in lin.predecessors}
        assert links.get("后继", set()) == {f"后继：{bare(n)}（{cn(e.date)}{e.said_zh}）" for _, n, e in lin.successors}
        checked += 1
    assert checked == sum(1 for t in h.timelines.values() if t.lives) > 0


def test_a_parent_that_ended_leaves_the_parent_unknown_never_an_id(tmp_path):
    import rdflib

    root = make_archive(tmp_path)
    write(root, "sources/bodies/orphan.yaml", "- {id: cs-p, kind: 政府工作部门}\n- {id: cs-c, kind: 事业单位}\n")
    write(root, "sources/events/orphan.yaml", """- id: ev-p
  type: establish
  date: 1960-01
  body: cs-p
  name: 测试县农业局
  jurisdiction: cs-xian
  sources: [d-1956-1]
- id: ev-c
  type: establish
  date: 1961-05
  body: cs-c
  name: 测试县农技站
  parent: cs-p
  sources: [d-1956-1]
- id: ev-p-end
  type: abolish
  date: 1965-03
  body: cs-p
  sources: [d-1956-1]
""")
    a = load_archive(root)
    h = derive_history(a)
    assert [p.value for p in h.get("cs-c").parents] == ["cs-p", "不详"]
    od = opendata.OpenData(a, h, {"base": "urn:zhi:", "title": "t", "licence": "-", "version": "-",
                                  "edition_zh": "公开版"})
    rows = [r for r in od.periods().rows if r[0] == "cs-c" and r[2] == "上级"]
    assert [(r[3], r[4], r[5], r[6], r[10]) for r in rows] == [
        ("测试县农业局", "cs-p", "隶属", "1961年5月", "1965年3月"), ("不详", "", "", "1965年3月", "不详")]   # silent since
    g = rdflib.Graph().parse(data=json.dumps(od.jsonld(), ensure_ascii=False), format="json-ld")
    org = rdflib.URIRef("urn:zhi:org/cs-c")
    assert set(g.objects(org, rdflib.URIRef("http://www.w3.org/ns/org#subOrganizationOf"))) == \
        {rdflib.URIRef("urn:zhi:org/cs-p")}
    assert not list(g.subjects(None, rdflib.URIRef("urn:zhi:org/不详")))
    assert "parent_id" not in next(o for o in od.popolo()["organizations"] if o["id"] == "cs-c")


def test_popolo_holds_organizations_posts_people_and_memberships(sample):
    root, site = sample
    data = json.loads((site / DATA / opendata.POPOLO).read_text(encoding="utf-8"))
    a = filter_archive(load_archive(root), "public")
    ids = {o["id"] for o in data["organizations"]}
    assert set(a.bodies) <= ids and set(a.jurisdictions) <= ids
    named = {pid for pid, p in a.people.items() if not p.unnamed}   # name: 不详 is no person (姓名不详 on the post)
    assert named != set(a.people) and {p["id"] for p in data["persons"]} == named
    assert len(data["memberships"]) == len(a.posts)
    for m in data["memberships"]:
        assert (m["person_id"] in named if "person_id" in m else m["note"]) and m["organization_id"] in ids
        assert m["post_id"] in {p["id"] for p in data["posts"]}
        for k in ("start_date", "end_date"):
            if k in m:
                assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", m[k])
    for p in data["persons"]:
        for k in ("birth_date", "death_date"):
            if k in p:
                assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", p[k])
    assert data["meta"]["licence"]


# ---- the download page ---------------------------------------------------------------------------------------
def test_download_page_has_files_dictionary_licence_and_version(sample):
    _, site = sample
    page = (site / "shuju" / "index.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    for name in [f"{t}.csv" for t in TABLES] + [opendata.WORKBOOK, opendata.JSONLD, opendata.POPOLO]:
        assert f'href="data/{name}"' in page, name
        assert (site / DATA / name).is_file()
    assert "数据字典" in text and "终止情况" in text and "至下限仍存续" in text
    assert opendata.DEFAULT_LICENCE in text
    assert re.search(r"数据版本\s+(提交 [0-9a-f]{12}|未在 git 中管理)", text)
    assert "数据下载" in (site / "index.html").read_text(encoding="utf-8")  # in the navigation


def test_licence_comes_from_book_yaml(tmp_path):
    root = with_theme(make_archive(tmp_path))
    book = root / "chronicle/book.yaml"
    book.write_text(book.read_text(encoding="utf-8") + "licence: 仅供研究使用，转载请注明出处\n", encoding="utf-8")
    a = load_archive(root)
    assert a.book.licence == "仅供研究使用，转载请注明出处"
    meta = opendata.metadata(root, a, "public", "公开版")
    assert meta["licence"] == "仅供研究使用，转载请注明出处" and not meta["licence_default"]


# ---- confidentiality: the edition filter runs first, and the leak scan reads the exports ---------------------
CANARY_BODY = "金丝雀保密局"
CANARY_DOC = "测密〔1990〕77号"
CANARY_TITLE = "关于金丝雀事项的通知"
CANARY_FIGURE = 4321
INTERNAL_BODY = "内部画眉办公室"


def _canary_archive(tmp_path: Path) -> Path:
    root = with_theme(make_archive(tmp_path))
    write(root, "sources/bodies/canary.yaml", "id: cs-canary\nkind: 事业单位\nclassification: 秘密\n")
    write(root, "sources/bodies/thrush.yaml", "id: cs-thrush\nkind: 事业单位\nclassification: 内部\n")
    write(root, "sources/documents/canary.yaml",
          f"id: d-canary\nnumber: {CANARY_DOC}\ntitle: {CANARY_TITLE}\nissuer: 测试县人民委员会\n"
          "date: 1990-05-01\nclassification: 秘密\n")
    write(root, "sources/events/canary.yaml", f"""- id: ev-canary
  type: establish
  date: 1990-05
  classification: 秘密
  body: cs-canary
  name: {CANARY_BODY}
  jurisdiction: cs-xian
  sources: [d-canary]
- id: ev-thrush
  type: establish
  date: 1991-05
  classification: 内部
  body: cs-thrush
  name: {INTERNAL_BODY}
  jurisdiction: cs-xian
  sources: [d-1990-3]
""")
    write(root, "sources/staffing/canary.yaml", f"""- body: cs-jijingwei
  date: 1995-06
  basis: 核定
  classification: 秘密
  figures: {{行政编制: {CANARY_FIGURE}}}
  sources: [d-1990-3]
""")
    return root


def _export_text(out: Path) -> str:
    from openpyxl import load_workbook

    parts = [p.read_text(encoding="utf-8-sig") for p in sorted((out / DATA).iterdir()) if p.suffix != ".xlsx"]
    wb = load_workbook(out / DATA / opendata.WORKBOOK, read_only=True)
    for ws in wb.worksheets:
        parts += [" ".join(str(v) for v in row if v is not None) for row in ws.iter_rows(values_only=True)]
    return "\n".join(parts)


def test_secret_body_figure_and_document_never_reach_the_exports(tmp_path):
    root = _canary_archive(tmp_path)
    a = load_archive(root)
    assert "cs-canary" in a.bodies and "d-canary" in a.documents  # the canaries are really in the archive
    public = _export_text(build_edition(root, pdf=False).out)
    internal = _export_text(build_edition(root, "internal", pdf=False).out)
    for canary in (CANARY_BODY, CANARY_DOC, CANARY_TITLE, str(CANARY_FIGURE), "cs-canary", "d-canary"):
        assert canary not in public and canary not in internal, canary
    assert INTERNAL_BODY not in public and "cs-thrush" not in public
    assert INTERNAL_BODY in internal and "cs-thrush" in internal  # the internal edition's exports do hold it
    assert "测试县计划经济委员会" in public


def test_leak_scan_reads_csv_workbook_and_jsonld(tmp_path):
    root = _canary_archive(tmp_path)
    a = load_archive(root)
    forbidden = forbidden_strings(a, "public")
    assert CANARY_BODY in forbidden
    out = tmp_path / "out"
    for name, data in {
        "t.csv": ("编号,名称\r\nx," + CANARY_BODY + "\r\n").encode("utf-8-sig"),
        "t.jsonld": json.dumps({"@graph": [{"rdfs:label": CANARY_TITLE}]}, ensure_ascii=True).encode(),
    }.items():
        write(out, name, data.decode("utf-8-sig"))
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["文号", CANARY_DOC])
    wb.save(out / "t.xlsx")
    found = {(x.file, x.what) for x in scan(out, forbidden)}
    assert ("t.csv", CANARY_BODY) in found
    assert ("t.jsonld", CANARY_TITLE) in found
    assert any(f == "t.xlsx" for f, _ in found)


def test_a_leak_in_an_export_stops_the_build(tmp_path, monkeypatch):
    root = _canary_archive(tmp_path)
    real = opendata.OpenData.tables

    def leaky(self):
        tables = real(self)
        tables[0].rows.append(["x", CANARY_BODY] + [""] * (len(tables[0].columns) - 2))
        return tables

    monkeypatch.setattr(opendata.OpenData, "tables", leaky)
    with pytest.raises(LeakError) as err:
        build_edition(root, pdf=False)
    assert "bodies.csv" in str(err.value) and "zhi-data.xlsx" in str(err.value)
    assert not (root / "site").exists()


# ---- the guide's worked example ------------------------------------------------------------------------------
GUIDE = Path(__file__).resolve().parent.parent / "guide" / "opendata.md"


def test_guide_example_checks_clean_and_exports_the_rows_it_shows(tmp_path):
    from zhi.checks import run_checks

    text = GUIDE.read_text(encoding="utf-8")
    example = text[text.index("## 完整示例"):]
    root = tmp_path / "project"
    for rel, body in re.findall(r"文件 `((?:sources|chronicle)/[^`]+)`[^\n]*\n+```yaml\n(.*?)```", example, re.DOTALL):
        write(root, rel, body)
    a = load_archive(root)
    h = derive_history(a)
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"] == []
    assert a.book.licence == "知识共享署名—非商业性使用 4.0 国际许可协议（CC BY-NC 4.0）"
    od = opendata.OpenData(a, h, {"base": "urn:zhi:", "title": "t", "licence": "-", "version": "-",
                                  "edition_zh": "公开版"})
    made = {t.csv_name: opendata.csv_bytes(t).decode("utf-8-sig").splitlines() for t in od.tables()}
    # co-location, as the guide says it: both bodies before and after, each still what it was
    ev = next(n for n in od.jsonld()["@graph"] if n.get("dcterms:identifier") == "ev-1960-lanxi-heshu")
    both = {"urn:zhi:org/lanxi-jiwei", "urn:zhi:org/lanxi-tongjiju"}
    assert {r["@id"] for r in ev["org:originalOrganization"]} == both
    assert {r["@id"] for r in ev["org:resultingOrganization"]} == both
    assert "ev-1960-lanxi-heshu,合署办公,lanxi-tongjiju,机构,澜西区统计局" in made["event_participants.csv"]
    shown = re.findall(r"`(\w+\.csv)` 中[^`]*?\n```csv\n(.*?)```", example, re.DOTALL)
    assert len(shown) == 2
    for name, block in shown:
        for line in block.strip().splitlines():
            assert line in made[name], f"the guide shows “{line}” in {name}; zhi writes {made[name]}"


def test_workbook_is_reused_for_the_same_tables_and_made_anew_when_they_change(tmp_path):
    from openpyxl import load_workbook

    root = make_archive(tmp_path)
    a = load_archive(root)
    h = derive_history(a)
    meta = {"base": "urn:zhi:", "title": "t", "licence": "-", "version": "v1", "edition_zh": "公开版",
            "epoch": 315532800, "lower": "", "cache_dir": str(tmp_path / "cache")}
    first = opendata.export(a, h, meta).files[f"{DATA}/{opendata.WORKBOOK}"]
    assert len(list((tmp_path / "cache").glob("*.xlsx"))) == 1
    assert opendata.export(a, h, meta).files[f"{DATA}/{opendata.WORKBOOK}"] == first
    assert first == opendata.export(a, h, meta | {"cache_dir": ""}).files[f"{DATA}/{opendata.WORKBOOK}"]
    again = opendata.export(a, h, meta | {"version": "v2"}).files[f"{DATA}/{opendata.WORKBOOK}"]
    assert again != first and len(list((tmp_path / "cache").glob("*.xlsx"))) == 2
    about = {r[0]: r[1] for r in load_workbook(io.BytesIO(again), read_only=True)["说明"].iter_rows(values_only=True)}
    assert about["数据版本"] == "v2"


# ---- an end no source gives is never a date (review-T: 去向不详 exported with its county's end as its own) ----------
def _real_data(name):
    a = filter_archive(load_archive(REAL / name), "public")
    h = derive_history(a)
    return opendata.OpenData(a, h, {"base": "urn:zhi:", "title": name, "licence": "-", "version": "-",
                                    "edition_zh": "公开版"})


def test_a_body_whose_fate_is_not_recorded_has_no_end_date_in_any_file():
    """沙北县 ends in 1948年12月 and 《漯河市志》 does not say what became of its 县委 (去向不详): its existence, name
    and 类别 end 不详 in every file, with no event ending them; only its place (沙北县) ends on that date. 徽县's
    人委, restored after the county's gap, has the same 不详 end for its first period only."""
    import rdflib

    od = _real_data("luohe")
    body = next(r for r in od.bodies().rows if r[0] == "sb-xianwei")
    assert body[8:13] == ["不详", "", "", "去向不详", ""]
    spans = {r[2]: r for r in od.periods().rows if r[0] == "sb-xianwei"}
    for item in ("存续", "名称", "类别"):
        assert spans[item][10:15] == ["不详", "", "", "", "去向不详"], spans[item]
    assert spans["属地"][10:15] == ["1948年12月", "1948-12-01", "1948-12-31", "sb-1948", ""]
    org = next(o for o in od.popolo()["organizations"] if o["id"] == "sb-xianwei")
    assert "dissolution_date" not in org and "dissolution_earliest" not in org
    assert (org["dissolution_date_text"], org["dissolution_note"]) == ("不详", "去向不详")
    assert all("end_earliest" not in n and n["end_date_text"] == "不详" for n in org["other_names"])
    g = rdflib.Graph().parse(data=json.dumps(od.jsonld(), ensure_ascii=False), format="json-ld")
    ZHI, TIME = rdflib.Namespace("urn:zhi:vocab#"), rdflib.Namespace("http://www.w3.org/2006/time#")
    org_node = rdflib.URIRef("urn:zhi:org/sb-xianwei")
    for key in (ZHI.existence, ZHI.name):
        for node in g.objects(org_node, key):
            iv = node if key == ZHI.existence else g.value(node, ZHI.during)
            end = g.value(iv, TIME.hasEnd)
            assert str(g.value(end, rdflib.RDFS.label)) == "不详" and g.value(end, ZHI.earliest) is None
            assert str(g.value(iv, ZHI.endNote)) == "去向不详" and g.value(node, ZHI.endEvent) is None

    od = _real_data("huixian")
    lives = [r for r in od.periods().rows if r[0] == "hx-zhengfu" and r[2] == "存续"]
    assert [(r[6], r[10], r[13], r[14]) for r in lives] == [
        ("1949年", "不详", "", "去向不详"), ("1967年前", "", "", "至下限仍存续（下限1997年）")]


def test_a_body_that_outlived_its_place_names_no_place_for_the_unknown_one():
    """九三学社浙江水产学院支社 outlived 舟山地区 (1987年) with no source saying where it belonged: its place from then
    is 不详, a name in every file and never a reference to a made-up record “不详”."""
    import rdflib

    od = _real_data("zhoushan")
    places = [r for r in od.periods().rows if r[0] == "js-shuichan" and r[2] == "属地"]
    assert [(r[3], r[4], r[6], r[10]) for r in places] == [("舟山地区", "zhoushan-diqu", "1984年9月", "1987年"),
                                                          ("不详", "", "1987年", "")]
    g = rdflib.Graph().parse(data=json.dumps(od.jsonld(), ensure_ascii=False), format="json-ld")
    assert not list(g.subjects(None, rdflib.URIRef("urn:zhi:org/不详")))
    ZHI = rdflib.Namespace("urn:zhi:vocab#")
    periods = list(g.objects(rdflib.URIRef("urn:zhi:org/js-shuichan"), ZHI.jurisdictionPeriod))
    assert sorted(str(g.value(p, ZHI.nameThen)) for p in periods) == ["不详", "舟山地区"]
    assert [g.value(p, ZHI["with"]) for p in periods if str(g.value(p, ZHI.nameThen)) == "不详"] == [None]


def test_a_body_first_recorded_as_restored_has_no_made_up_founding():
    """《莒南县志》 first names the 民政局 when it is restored in 1972年2月 (previous_end: 不详): its first 设立 is not
    known, so bodies.csv and Popolo give none, while its period of existence begins with that 恢复."""
    od = _real_data("junan-gewei")
    body = next(r for r in od.bodies().rows if r[0] == "junan-minzhengju")
    assert body[4:8] == ["不详", "", "", ""]
    life = next(r for r in od.periods().rows if r[0] == "junan-minzhengju" and r[2] == "存续")
    assert (life[6], life[9]) == ("1972年2月", "jn-minzhengju")
    org = next(o for o in od.popolo()["organizations"] if o["id"] == "junan-minzhengju")
    assert "founding_date" not in org and (org["founding_date_text"], org["founding_note"]) == ("不详", "此前存续时间不详")
    xinfang = next(r for r in od.bodies().rows if r[0] == "junan-xinfangke")   # set up then: its date stands
    assert xinfang[4] == "1979年10月" and xinfang[7] == "jn-xinfangke"
