"""The tester's 《济南市槐荫区志》 findings: a parent's rename the source dates only as a period (1955年9月至1956年12月,
第六区人委 → 槐荫区人委), and what is set up or appointed inside or just after it.

Facts typed in (never its prose) from 《济南市槐荫区志》第一辑 区级机构 and 第二辑 第二届人民代表大会
(https://shandong-chorography.org/database/c13/section/2/article/42/ and …/article/27/): 济南市第六区人民政府 set up
1951年8月, 改称第六区人民委员会 1955年9月, 槐荫区人民委员会 between 1955年9月 and 1956年12月 (the 区 renamed 槐荫区 in
the same span); 劳动科 set up in that span; 第二届人民委员会 elected 1956年12月14日, 区长孙发善.
"""

from test_real_yongxiu import _archive, _sentences
from zhi.checks import run_checks
from zhi.dates import parse_date

HUAIYIN = {
    "sources/jurisdictions/hy.yaml": "id: hy\nlevel: 市辖区\n",
    "sources/bodies/hy.yaml": """
- {id: gov6, kind: 其他}
- {id: laodongke, kind: 政府工作部门}
- {id: shangyeke, kind: 政府工作部门}
- {id: minjian, kind: 民主党派}
""",
    "sources/people/hy.yaml": "- {id: p-sun-fashan, name: 孙发善}\n",
    "sources/events/hy.yaml": """
- {id: ev-hy, type: establish, date: 1951-01, body: hy, name: 济南市第六区, sources: [d-1956-1]}
- {id: ev-hy-1956, type: rename, date: 1955-09..1956-12, body: hy, name: 济南市槐荫区, sources: [d-1956-1]}
- {id: ev-gov6, type: establish, date: 1951-08, body: gov6, name: 济南市第六区人民政府, jurisdiction: hy,
   sources: [d-1956-1]}
- {id: ev-gov6-1955, type: rename, date: 1955-09, body: gov6, name: 济南市第六区人民委员会, short: 区人委,
   sources: [d-1956-1]}
- {id: ev-gov6-1956, type: rename, date: 1955-09..1956-12, body: gov6, name: 济南市槐荫区人民委员会, short: 区人委,
   sources: [d-1956-1]}
- {id: ev-ldk, type: establish, date: 1955-09..1956-12, body: laodongke, name: 劳动科, parent: gov6, jurisdiction: hy,
   sources: [d-1956-1]}
- {id: ev-syk, type: establish, date: 1956-12..1958-05, body: shangyeke, name: 商业科, parent: gov6, jurisdiction: hy,
   sources: [d-1956-1]}
- {id: ev-mj, type: establish, date: 1952, body: minjian, name: 中国民主建国会槐荫区小组, jurisdiction: hy, wording: 建立,
   sources: [d-1956-1]}
- {id: ev-mj-s, type: suspend, date: 1966..1976, body: minjian, sources: [d-1956-1]}
- {id: ev-mj-r, type: resume, date: 1976后, body: minjian, wording: 复建组织, sources: [d-1956-1]}
""",
    "sources/posts/hy.yaml": """
- {person: p-sun-fashan, body: gov6, post: 区长, from: 1956-12-14, to: 不详, sources: [d-1956-1]}
""",
}


def test_the_archive_checks_clean(tmp_path):
    a, _ = _archive(tmp_path, HUAIYIN)
    assert [f.message for f in run_checks(a) if f.severity == "error"] == []


def test_a_body_set_up_within_the_parents_rename_span_names_the_certain_name_and_the_rename(tmp_path):
    """1: set up 1955-09..1956-12, the span of the parent's rename: not 隶属济南市槐荫区人民委员会 as if certain (the
    same-dated rename may come after it), but the name it certainly bore with the rename; set up 1956-12..1958-05:
    the same rule in the other direction (the rename may not be made on 1956-12-01), as before."""
    a, h = _archive(tmp_path, HUAIYIN)
    s = _sentences(a, h)
    assert s["ev-ldk"] == ("设立劳动科，隶属济南市第六区人民委员会（1955年9月至1956年12月间更名为济南市槐荫区人民委员会），"
                           "为政府工作部门。")
    assert "隶属济南市第六区人民委员会（1955年9月至1956年12月间更名为济南市槐荫区人民委员会）" in s["ev-syk"]


def test_the_body_page_names_its_place_with_the_rename_in_the_span(tmp_path):
    """1: 属地 printed “济南市槐荫区（1955年9月至1956年12月起）”: the later, uncertain name as the place from the start."""
    from zhi.views.lineage import lineage
    a, h = _archive(tmp_path, HUAIYIN)
    lin = lineage(a, h, "laodongke")
    place, parent = lin.jurisdictions[0], lin.parents[0]
    assert (place.value, place.renamed) == ("济南市第六区", "1955年9月至1956年12月间更名为济南市槐荫区")
    assert (parent.value, parent.renamed) == ("济南市第六区人民委员会", "1955年9月至1956年12月间更名为济南市槐荫区人民委员会")


def test_a_post_taken_within_the_rename_span_is_not_named_by_the_old_name_as_if_certain(tmp_path):
    """2: 区长 from 1956-12-14, the 区 renamed “1955年9月至1956年12月”: not 孙发善任济南市第六区区长 with no note (the rename
    may be made by then), in the 大事记, the 领导名录 (by name in term), the person page's name and posts.csv."""
    from zhi.views.dashiji import _title
    from zhi.views.lineage import by_name_in_term
    a, h = _archive(tmp_path, HUAIYIN)
    p = next(p for p in a.posts if p.body.id == "gov6")
    assert _title(a, h, p) == "济南市第六区（1955年9月至1956年12月间更名为济南市槐荫区）区长"
    from zhi.views.naming import name_then
    noted = "济南市第六区人民委员会（1955年9月至1956年12月间更名为济南市槐荫区人民委员会）"
    assert [name for name, _ in by_name_in_term(h, "gov6", [p])] == [noted]
    assert name_then(h, "gov6", p.when()) == noted
    # after the span the new name is certain, no note
    assert name_then(h, "gov6", parse_date("1957-01-05")) == "济南市槐荫区人民委员会"
    assert name_then(h, "gov6", parse_date("1955-08-05")) == "济南市第六区人民政府"


def test_a_span_whose_end_is_a_bare_number_points_to_the_forms_the_guide_shows():
    """7: 1956-12-11~14 (第二届人代会 1956年12月11日至14日) said “年份‘14’须写全四位数”; it now says how to write the end, and
    the ISO form with the end's month and day (1956-12-11~12-14) is read as the guide shows."""
    import pytest
    from zhi.dates import DateError
    with pytest.raises(DateError) as e:
        parse_date("1956-12-11~14")
    assert "“1956年12月11日~14日”" in str(e.value) and "“1956-12-11~12-14”" in str(e.value)
    assert "四位数" not in str(e.value).split("（")[0]
    assert parse_date("1956-12-11~12-14").chinese() == parse_date("1956年12月11日~14日").chinese() == "1956年12月11日至14日"


def test_a_suspension_dated_as_a_span_is_not_listed_as_certain_in_its_years(tmp_path):
    """3: 停止活动 “1966..1976” (《槐荫区志》第五卷 民主党派: “文化大革命”中停止活动, 1976年后复建): the 1966–1975 年末一览 said
    （停止活动） as if certain; they now say it may not have stopped yet, and the later ones no longer print the
    garbled “1966年至1976年起停止活动”."""
    from zhi.views.snapshot import snapshot
    from zhi.views.staffing import figures
    a, h = _archive(tmp_path, HUAIYIN)

    def note(day):
        return {r.body: r for r in snapshot(a, h, "hy", parse_date(day), figures(a))}["minjian"].note

    assert note("1965-12-31") == ""
    assert note("1966-12-31") == note("1975-12-31") == "（1966年至1976年间停止活动，此时是否已停止活动，档案未载）"
    assert note("1976-12-31") == "（停止活动）"
    assert note("1978-12-31") == "（1966年至1976年间停止活动，1976年后恢复，此时是否已恢复，档案未载）"


GEWEIHUI = {**HUAIYIN,
            "sources/bodies/gw.yaml": "- {id: geweihui, kind: 其他}\n",
            "sources/events/gw.yaml": "- {id: ev-gw, type: establish, date: 1967-03-01, body: geweihui,"
                                      " name: 济南市槐荫区革命委员会, jurisdiction: hy, sources: [d-1956-1]}\n",
            "sources/people/gw.yaml": "- {id: p-zhang, name: 张凡金}\n- {id: p-xu, name: 许士琪}\n"
                                      "- {id: p-li, name: 李明镜}\n- {id: p-song, name: 宋协聚}\n- {id: p-zhao, name: 赵某}\n",
            "sources/posts/gw.yaml": "".join(
                f"- {{person: {p}, body: geweihui, post: 主任, from: 1968-02..1976-10, to: 1968-02..1976-10,"
                f" sources: [d-1956-1]}}\n" for p in ("p-zhang", "p-xu", "p-li", "p-song"))
            + "- {person: p-zhao, body: geweihui, post: 副主任, from: 1968-02..1976-10, to: 1968-02..1976-10,"
              " sources: [d-1956-1]}\n"}


def test_posts_held_in_turn_within_a_period_print_the_period_once(tmp_path):
    """4: four 主任 先后任 between 1968-02 and 1976-10 (《槐荫区志》第七辑), each typed from and to 1968-02..1976-10,
    printed “1968年2月至1976年10月—1968年2月至1976年10月”; now the period once, （先后任）, in the order typed. One holder
    alone so typed is held within the period, not 先后任."""
    from zhi.views.lineage import lineage
    a, h = _archive(tmp_path, GEWEIHUI)
    assert [f.message for f in run_checks(a) if f.severity == "error"] == []
    lin = lineage(a, h, "geweihui")
    rows = [(a.people[p.person.id].name, p.post, p.tenure()) for p in lin.posts]
    assert rows[:4] == [(n, "主任", "1968年2月至1976年10月间（先后任）") for n in ("张凡金", "许士琪", "李明镜", "宋协聚")]
    assert rows[4] == ("赵某", "副主任", "1968年2月至1976年10月间")


def test_a_count_that_held_over_a_span_prints_the_span_not_a_time_within_it(tmp_path):
    """5: “1958年5月至1959年11月，下设7个街道办事处” printed “1958年5月至1959年11月间 …为7个” (sometime in it). With
    `throughout: true` the span is said as a span; `..` alone still means sometime in it; a non-span is refused."""
    from zhi.views.chronology import chronology
    files = dict(HUAIYIN)
    files["sources/events/jd.yaml"] = (
        "- {id: ev-jd, type: body-count, date: 1958-05..1959-11, throughout: true, body: hy, scope: 街道办事处, count: 7,"
        " wording: 下设, sources: [d-1956-1]}\n"
        "- {id: ev-jd2, type: body-count, date: 1958-05..1959-11, body: hy, scope: 公社, count: 2, sources: [d-1956-1]}\n")
    a, h = _archive(tmp_path, files)
    assert [f.message for f in run_checks(a) if f.severity == "error"] == []
    entries = {en.event.id: en for en in chronology(a, h)}
    jd, jd2 = entries["ev-jd"], entries["ev-jd2"]
    assert jd.event.date.happened() == "1958年5月至1959年11月"
    assert "".join(s if isinstance(s, str) else s.text for s in jd.segments) == "济南市槐荫区下设街道办事处7个。"
    assert jd2.event.date.happened() == "1958年5月至1959年11月间"
    files["sources/events/jd.yaml"] = ("- {id: ev-jd, type: body-count, date: 1958-05, throughout: true, body: hy,"
                                       " scope: 街道办事处, count: 7, sources: [d-1956-1]}\n")
    a, _ = _archive(tmp_path / "bad", files)
    bad = [f for f in run_checks(a) if f.code == "schema-value" and "throughout" in f.message]
    assert bad and bad[0].loc.line == 1


def test_the_year_end_list_inside_the_rename_span_names_the_superior_with_the_rename(tmp_path):
    """1, the other direction: the 一览 of 1956-06-30 (inside 1955-09..1956-12) named 卫生科's superior 济南市第六区人民委员会
    as if certain; it now says the rename may have come. After the span (1957) the new name alone."""
    from zhi.views.snapshot import snapshot
    from zhi.views.staffing import figures
    files = dict(HUAIYIN)
    files["sources/bodies/ws.yaml"] = "- {id: weishengke, kind: 政府工作部门}\n"
    files["sources/events/ws.yaml"] = ("- {id: ev-ws, type: establish, date: 1954-03, body: weishengke, name: 卫生科,"
                                       " parent: gov6, jurisdiction: hy, sources: [d-1956-1]}\n")
    a, h = _archive(tmp_path, files)

    def parent(day):
        return {r.body: r for r in snapshot(a, h, "hy", parse_date(day), figures(a))}["weishengke"].parent_name

    assert parent("1956-06-30") == "济南市第六区人民委员会（1955年9月至1956年12月间更名为济南市槐荫区人民委员会）"
    assert parent("1957-06-30") == "济南市槐荫区人民委员会"
    assert parent("1955-06-30") == "济南市第六区人民政府"


def test_the_body_page_says_a_suspension_dated_as_a_span_happened_within_it(tmp_path):
    """3: the body page printed 停止活动（1966年至1976年—1976年后）, as if it stopped for the whole span; now
    （1966年至1976年间—1976年后）; the person page lists the 先后任 term once (4)."""
    from conftest import ROOT
    from test_post_holders import site_page
    from zhi.writers.site import SiteWriter
    a, h = _archive(tmp_path, GEWEIHUI)
    w = SiteWriter(a, h, ROOT / "theme")
    w.collect_backlinks()
    w.people_page()
    w.body_pages()
    assert "停止活动（1966年至1976年间—1976年后）" in site_page(w, "jigou/minjian.md")
    people = site_page(w, "renwu/index.md")
    assert "1968年2月至1976年10月间（先后任）" in people and "1968年2月至1976年10月—" not in people


def test_a_holder_left_alone_by_the_edition_prints_no_successive_mark(tmp_path):
    """先后任 with one public and one withheld holder (closedI): the public edition printed the public holder alone
    with （先后任）, telling that it withholds another; now the mark goes with the holders the edition shows."""
    from zhi.editions import filter_archive
    two = {**GEWEIHUI, "sources/posts/gw.yaml": "- {person: p-zhang, body: geweihui, post: 主任, from: 1968-02..1976-10,"
                                                 " to: 1968-02..1976-10, sources: [d-1956-1]}\n"
                                                 "- {person: p-xu, body: geweihui, post: 主任, from: 1968-02..1976-10,"
                                                 " to: 1968-02..1976-10, sources: [d-1956-1], classification: 秘密}\n"}
    a, _ = _archive(tmp_path, two)
    def terms(posts):
        return [p.tenure() for p in posts if p.body.id == "geweihui"]

    assert terms(filter_archive(a, "public").posts) == ["1968年2月至1976年10月间"]
    assert terms(a.posts) == ["1968年2月至1976年10月间（先后任）"] * 2   # (the whole archive: both, marked)


def test_a_sighting_after_a_suspension_is_not_a_resumption_and_is_listed_as_seen(tmp_path):
    """The tester's 槐荫: 民建槐荫区小组 stopped “文化大革命”中 (1966..1976); the 区志 then counts 7 民主党派组织 at 1989年底
    (`seen: [1989年底]`), and says nothing of a resumption in the archive as typed. The 1989 一览 printed it （停止活动）
    though the source shows it there; zhi still invents no 恢复活动: it warns at the `seen` line, lists it in 1989 as
    见于1989年底 with the source, and later as stopped, seen again, resumption not recorded."""
    from zhi.views.snapshot import snapshot
    from zhi.views.staffing import figures
    files = dict(HUAIYIN)
    files["sources/events/hy.yaml"] = files["sources/events/hy.yaml"].replace(
        "- {id: ev-mj-r, type: resume, date: 1976后, body: minjian, wording: 复建组织, sources: [d-1956-1]}\n", "")
    files["sources/bodies/hy.yaml"] = files["sources/bodies/hy.yaml"].replace(
        "- {id: minjian, kind: 民主党派}", "- id: minjian\n  kind: 民主党派\n  seen: [1989年底]\n  sources: [d-1956-1]")
    a, h = _archive(tmp_path, files)
    [f] = [f for f in run_checks(a, history=h) if f.code == "suspended-seen"]
    assert (f.loc.file, f.loc.line, f.severity) == ("sources/bodies/hy.yaml", 7, "warning")
    assert "1966年至1976年间停止活动后又见于1989年底，来源未载恢复活动；如来源载明，请记 恢复活动" in f.message

    def note(day):
        return {r.body: r for r in snapshot(a, h, "hy", parse_date(day), figures(a))}["minjian"].note

    assert note("1977-12-31") == "（停止活动）"
    assert note("1989-12-31") == "（见于1989年底，据测〔1956〕1号）"
    assert note("1990-12-31") == "（1966年至1976年间停止活动，1989年底又见于记载，据测〔1956〕1号，来源未载恢复活动）"
    assert not any(e.type == "resume" for e in a.events)
    from zhi.views.lineage import lineage

    # the body page's 停止活动 row says the same
    assert [p.note for p in lineage(a, h, "minjian").suspensions] == ["1989年底又见于记载，来源未载恢复活动"]
    # with the 恢复活动 the source gives, nothing is said
    a, h = _archive(tmp_path / "2", {**HUAIYIN, "sources/bodies/hy.yaml": files["sources/bodies/hy.yaml"]})
    assert not [f for f in run_checks(a, history=h) if f.code == "suspended-seen"]


STREETS = {"jingsanlu": "经三路", "xishichang": "西市场", "zhongdahuaishu": "中大槐树", "daodejie": "道德街",
           "zhenxingjie": "振兴街", "yingshijie": "营市街", "beidahuaishu": "北大槐树"}


def test_many_bodies_of_unknown_fate_are_one_readable_paragraph_with_every_name(tmp_path):
    """4: under each year's 一览 the 槐荫 site and book printed about 45 “名（止年不详，最后见于…，据《…》）” one after
    another, the same date and source said again and again. 《槐荫区志》第一辑 区级机构: seven 街道办事处 set up
    1955年9月至1956年12月, last listed 1959年11月, their end not given; 粮食分局 set up 1956年12月至1958年5月, never seen
    again. Now one paragraph: the count, then the names of each date and source together, each said once."""
    from zhi.views.snapshot import fate_unknown_note
    bodies = "".join(f"- {{id: {k}, kind: 街道, end: 不详, seen: [1956-12..1958-05, 1959-11], sources: [d-1956-1]}}\n"
                     for k in STREETS) + "- {id: liangshifenju, kind: 政府工作部门, end: 不详}\n"
    events = "".join(f"- {{id: ev-{k}, type: establish, date: 1955-09..1956-12, body: {k}, name: {v}街道办事处,"
                     f" parent: gov6, jurisdiction: hy, sources: [d-1956-1]}}\n" for k, v in STREETS.items()) + \
        "- {id: ev-lsfj, type: establish, date: 1956-12..1958-05, body: liangshifenju, name: 粮食分局, parent: gov6," \
        " jurisdiction: hy, sources: [d-1956-1]}\n"
    a, h = _archive(tmp_path, {**HUAIYIN, "sources/bodies/jd.yaml": bodies, "sources/events/jd.yaml": events})
    note = fate_unknown_note(h, "hy", parse_date("1978-12-31"), a=a)
    assert note.startswith("另有8个机构此时是否存续，档案未载：粮食分局（止年不详，最后见于1956年12月至1958年5月）；"), note
    assert note.endswith("街道办事处（止年不详，最后见于1959年11月，据测〔1956〕1号）。"), note
    assert note.count("最后见于1959年11月") == 1 and note.count("据测〔1956〕1号") == 1
    for v in STREETS.values():   # nothing lost: every name is there, once
        assert note.count(f"{v}街道办事处") == 1, v
    # a few are named each with its own words, as before
    few = fate_unknown_note(h, "hy", parse_date("1978-12-31"), among={"liangshifenju", "jingsanlu"}, a=a)
    assert few == ("另有经三路街道办事处（止年不详，最后见于1959年11月，据测〔1956〕1号）、粮食分局（止年不详，最后见于1956年12月"
                   "至1958年5月），此时是否存续，档案未载。"), few


def test_the_books_leader_list_names_the_body_as_the_site_does(tmp_path):
    """5: the book's 领导名录 and the body page group terms by one rule with the people page and posts.csv
    (naming.name_in_term): 孙发善's term under the name certainly in force with the rename of the span noted; a term
    the sources date before every name of the body (区长 1950年, the 区人民政府 set up 1951年8月) under 名称不详, as the
    people page prints it — not under the later name, which the book printed."""
    import re

    from conftest import ROOT
    from zhi.views.lineage import by_name_in_term, lineage
    from zhi.views.naming import name_in_term
    from zhi.writers.book import BookWriter
    files = {**HUAIYIN, "sources/posts/hy.yaml": HUAIYIN["sources/posts/hy.yaml"]
             + "- {person: p-sun-fashan, body: gov6, post: 区长, from: 1950, to: 1950, sources: [d-1956-1]}\n"}
    a, h = _archive(tmp_path, files)
    book = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", BookWriter(a, h, ROOT / "theme").appendix_html()))
    assert ("济南市第六区人民委员会（1955年9月至1956年12月间更名为济南市槐荫区人民委员会） 区长 孙发善 1956年12月14日"
            in book), book[book.find("领导名录"):][:400]
    assert "名称不详 区长 孙发善 1950年" in book and "济南市第六区人民政府 区长" not in book, book[book.find("领导名录"):][:400]
    posts = sorted((p for p in a.posts if p.body.id == "gov6"), key=lambda p: p.when().sort_key())
    assert [n for n, _ in by_name_in_term(h, "gov6", posts)] == [name_in_term(h, "gov6", p.when()) for p in posts]
    assert [n for n, _ in lineage(a, h, "gov6").post_groups] == [n for n, _ in by_name_in_term(h, "gov6", posts)]
