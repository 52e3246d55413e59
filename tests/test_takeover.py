"""Issue 11 (takeover): what a source says of the 1966–1968 change of power that the archive could not say —
a new body taking over the functions of bodies it does not end (取代县委、县人委), a founding presided over by a body
that is not the new one's parent (县人武部党委决定，成立…), the verb of a count of units (下设4个小组), and bodies
dissolved into several others with no one-to-one mapping known (分解并入). Each test reads what is derived or
printed, typed from real facts:

- 《邵东县志》第二节“建县后的组织机构”，第304—308页（湖南省邵东县；meta.librarydata.cn metaID=181120020210000307）:
  县委 set up 1951-11-18 with 组织部、宣传部; 1966 县委会及其所属工作部门被迫停止正常工作; 1968年3月建立邵东县革命
  委员会，取代县委、县人民委员会，下设政工组、生产指挥组、办事组、人民保卫组，取代县委、县人委工作机构的全部职能;
  1970年9月恢复中共邵东县委员会; 1973年9月16日四组一并撤销，县委办公室、组织部、宣传部恢复.
- 《平度县志》“第七届人民代表大会”（山东省平度县；shandong-chorography.org/database/c2/section/5/article/91）:
  1967-03-19 平度县革命委员会成立，大会宣布夺了县委、县人委的党、政、财、文大权.
- “第二节 大联合的形成和县革委的建立”（丹棱县人民政府网 scdl.gov.cn/info/1048/121728.htm，四川省丹棱县）:
  1967-02-24 成立县临时生产办公室，下设秘书、政工、调研、支农四个小组; 1967-03-10 县人武部党委决定，成立丹棱县
  生产委员会（同年8月改称抓革命促生产指挥部）.
"""

from __future__ import annotations

from conftest import archive_with
from test_real_sayable_c import checked, errors_of
from zhi.dates import parse_date
from zhi.views.chronology import chronology
from zhi.views.dashiji import dashiji
from zhi.views.lineage import lineage
from zhi.views.snapshot import snapshot


def printed(a, h):
    return {en.event.id: en.plain() for en in chronology(a, h)}


def dashiji_lines(a, h):
    return [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h)]


# ---- 《邵东县志》 ----------------------------------------------------------------------------------------------
SHAODONG_PLACES = "- {id: sd-xian, level: 县}\n"
SHAODONG_DOCS = """
- id: doc-sdxz
  genre: 志书
  title: 邵东县志
  section: 第二节 建县后的组织机构
  note: meta.librarydata.cn metaID=181120020210000307
"""
SHAODONG_BODIES = """
- {id: sd-xianwei, kind: 党委工作部门}
- {id: sd-zuzhibu, kind: 党委工作部门}
- {id: sd-xuanchuanbu, kind: 党委工作部门}
- {id: sd-renwei, kind: 其他}
- {id: sd-gwh, kind: 其他}
- {id: sd-zhenggong, kind: 其他}
- {id: sd-shengchan, kind: 其他}
- {id: sd-banshi, kind: 其他}
- {id: sd-renbao, kind: 其他}
"""
SHAODONG = """
- {id: sd-0, type: establish, date: 1951-11-18, body: sd-xian, name: 邵东县, sources: [{doc: doc-sdxz, page: 304}]}
- {id: sd-xw, type: 成立, date: 1951-11-18, body: sd-xianwei, name: 中国共产党邵东县委员会, short: 中共邵东县委,
   jurisdiction: sd-xian, sources: [{doc: doc-sdxz, page: 304}]}
- {id: sd-zzb, type: establish, wording: 下设, date: 1951-11-18, body: sd-zuzhibu, name: 中共邵东县委组织部,
   parent: sd-xianwei, sources: [{doc: doc-sdxz, page: 304}]}
- {id: sd-xcb, type: establish, wording: 下设, date: 1951-11-18, body: sd-xuanchuanbu, name: 中共邵东县委宣传部,
   parent: sd-xianwei, sources: [{doc: doc-sdxz, page: 304}]}
# the source names the 县人民委员会 only as the body the 革委会 took over: it existed before 1968-03, since when not said
- {id: sd-rw, type: establish, date: 1968-03前, body: sd-renwei, name: 邵东县人民委员会, short: 县人委,
   jurisdiction: sd-xian, sources: [{doc: doc-sdxz, page: 304}]}

- {id: sd-1966-xw, type: 停止活动, wording: 被迫停止正常工作, date: 1966, body: sd-xianwei, sources: [{doc: doc-sdxz, page: 304}]}
- {id: sd-1966-zzb, type: 停止活动, wording: 被迫停止正常工作, date: 1966, body: sd-zuzhibu,
   sources: [{doc: doc-sdxz, page: 304}]}
- {id: sd-1966-xcb, type: 停止活动, wording: 被迫停止正常工作, date: 1966, body: sd-xuanchuanbu,
   sources: [{doc: doc-sdxz, page: 304}]}

- id: sd-gwh-ev
  type: establish
  wording: 建立
  date: 1968-03
  body: sd-gwh
  name: 邵东县革命委员会
  short: 县革委
  jurisdiction: sd-xian
  takes_over: [sd-xianwei, sd-renwei]
  group: 邵东县革命委员会建立
  sources: [{doc: doc-sdxz, page: 304}]
"""
GROUPS = [("sd-zhenggong", "政工组"), ("sd-shengchan", "生产指挥组"), ("sd-banshi", "办事组"), ("sd-renbao", "人民保卫组")]
SHAODONG += "".join(f"""
- id: {rid}-ev
  type: establish
  wording: 下设
  date: 1968-03
  body: {rid}
  name: 邵东县革命委员会{name}
  parent: sd-gwh
  takes_over: [sd-zuzhibu, sd-xuanchuanbu]
  takes_over_wording: 取代…的全部职能
  group: 邵东县革命委员会建立
  sources: [{{doc: doc-sdxz, page: 304}}]
""" for rid, name in GROUPS)
SHAODONG += """
- {id: sd-1970-xw, type: 恢复活动, wording: 恢复, name: 中国共产党邵东县委员会, short: 中共邵东县委, date: 1970-09,
   body: sd-xianwei, sources: [{doc: doc-sdxz, page: 304}]}
""" + "".join(f"""
- {{id: {rid}-end, type: abolish, date: 1973-09-16, body: {rid}, sources: [{{doc: doc-sdxz, page: 305}}]}}
""" for rid, _ in GROUPS) + """
- {id: sd-1973-zzb, type: 恢复活动, wording: 恢复, date: 1973-09-16, body: sd-zuzhibu, sources: [{doc: doc-sdxz, page: 305}]}
- {id: sd-1973-xcb, type: 恢复活动, wording: 恢复, date: 1973-09-16, body: sd-xuanchuanbu,
   sources: [{doc: doc-sdxz, page: 305}]}
"""


def shaodong(tmp_path, events=SHAODONG):
    return archive_with(tmp_path, events=events, files={
        "sources/jurisdictions/sd.yaml": SHAODONG_PLACES, "sources/bodies/sd.yaml": SHAODONG_BODIES,
        "sources/documents/sd.yaml": SHAODONG_DOCS})


def test_a_takeover_stops_the_bodies_it_names_without_ending_them(tmp_path):
    a, h, found = checked(shaodong(tmp_path))
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    assert not any(f.code == "suspended-active" for f in found), [f.as_text() for f in found]
    xw = h.get("sd-xianwei")
    assert xw.end is None and len(xw.lives) == 1            # never 撤销: one period, going on
    lin = lineage(a, h, "sd-xianwei", [])
    assert [(p.value, p.start.chinese(), p.end.chinese()) for p in lin.suspensions] == [
        ("被迫停止正常工作", "1966年", "1968年3月"),
        ("职能由邵东县革命委员会行使", "1968年3月", "1970年9月")]
    # the 县人委 is not ended either; nothing records its resumption, so it stays not functioning
    rw = lineage(a, h, "sd-renwei", [])
    assert rw.end is None and [(p.value, p.end) for p in rw.suspensions] == [("职能由邵东县革命委员会行使", None)]
    # the snapshot of 1969 lists both, as not functioning, never as gone
    rows = {r.body: r for r in snapshot(a, h, "sd-xian", parse_date("1969"), [])}
    assert rows["sd-xianwei"].note == "（职能由邵东县革命委员会行使）"
    assert rows["sd-renwei"].note == "（职能由邵东县革命委员会行使）"
    assert rows["sd-gwh"].note == ""
    # from 1970-09 the 县委 works again; the 县人委 still does not
    later = {r.body: r for r in snapshot(a, h, "sd-xian", parse_date("1971"), [])}
    assert later["sd-xianwei"].note == "" and later["sd-renwei"].note == "（职能由邵东县革命委员会行使）"
    said = printed(a, h)
    assert said["sd-gwh-ev"] == "建立邵东县革命委员会（简称县革委），取代中国共产党邵东县委员会、邵东县人民委员会。"
    assert not any("撤销中国共产党邵东县委员会" in s or "撤销邵东县人民委员会" in s for s in said.values())
    assert said["sd-1970-xw"] == "恢复中国共产党邵东县委员会（简称中共邵东县委）。"


def test_sub_units_take_over_together_with_no_one_to_one_mapping(tmp_path):
    a, h, found = checked(shaodong(tmp_path))
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    together = "职能由邵东县革命委员会政工组、邵东县革命委员会生产指挥组、邵东县革命委员会办事组、邵东县革命委员会人民保卫组行使"
    for rid in ("sd-zuzhibu", "sd-xuanchuanbu"):
        lin = lineage(a, h, rid, [])
        assert [(p.value, p.start.chinese(), p.end.chinese()) for p in lin.suspensions] == [
            ("被迫停止正常工作", "1966年", "1968年3月"), (together, "1968年3月", "1973年9月16日")], rid
        assert lin.end is None and lin.successors == []       # not ended, no successor made up
    groups = {r.body: r for r in snapshot(a, h, "sd-xian", parse_date("1970"), [])}
    assert {groups[rid].parent for rid, _ in GROUPS} == {"sd-gwh"}  # the 四组 are the 革委会's, not the 县委's
    lines = dashiji_lines(a, h)
    entry = [x for x in lines if x.startswith("1968年3月")]
    assert entry == [("1968年3月　建立邵东县革命委员会（简称县革委），取代中国共产党邵东县委员会、邵东县人民委员会；"
                     "邵东县革命委员会下设邵东县革命委员会政工组、邵东县革命委员会生产指挥组、邵东县革命委员会办事组、"
                     "邵东县革命委员会人民保卫组，取代中共邵东县委组织部、中共邵东县委宣传部的全部职能。")], lines


def test_a_takeover_wording_that_ends_the_bodies_is_refused(tmp_path):
    events = SHAODONG.replace("  takes_over: [sd-xianwei, sd-renwei]\n",
                              "  takes_over: [sd-xianwei, sd-renwei]\n  takes_over_wording: 撤销…\n")
    _a, _h, found = checked(shaodong(tmp_path, events))
    said = [f.message for f in errors_of(found) if f.code == "schema-value"]
    assert any("取代用词" in m and "撤销" in m and "abolish" in m for m in said), [f.as_text() for f in found]


def test_a_takeover_wording_without_the_names_is_refused(tmp_path):
    events = SHAODONG.replace("取代…的全部职能", "取代全部职能")
    _a, _h, found = checked(shaodong(tmp_path, events))
    assert any("取代用词" in f.message and "“…”" in f.message for f in errors_of(found)), \
        [f.as_text() for f in found]


# ---- 《平度县志》: the takeover in the source's own words -------------------------------------------------------
PINGDU = """
- {id: pd-0, type: establish, date: 1956-01, body: cs-pdxw, name: 中共平度县委员会, jurisdiction: cs-xian,
   sources: [d-1956-1]}
- {id: pd-gwh, type: 成立, date: 1967-03-19, body: cs-pdgwh, name: 平度县革命委员会, jurisdiction: cs-xian,
   takes_over: [cs-pdxw, cs-zhengfu], takes_over_wording: 夺…的党、政、财、文大权, sources: [d-1956-1]}
"""


def test_the_takeover_is_printed_in_the_sources_words(tmp_path):
    root = archive_with(tmp_path, events=PINGDU, bodies={"cs-pdxw": "党委工作部门", "cs-pdgwh": "其他"})
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    assert printed(a, h)["pd-gwh"] == "平度县革命委员会成立，夺中共平度县委员会、测试县人民委员会的党、政、财、文大权。"
    assert h.get("cs-zhengfu").end is None
    assert h.get("cs-zhengfu").suspended_on(parse_date("1967-04")).value == "职能由平度县革命委员会行使"


# ---- 丹棱: who presided over a founding, and the verb of a count of units ------------------------------------
DANLING = """
- {id: dl-rwb, type: establish, date: 1967-01前, body: dl-rwb-dw, name: 丹棱县人民武装部党委, short: 县人武部党委,
   jurisdiction: cs-xian, sources: [doc-dl]}
- {id: dl-ban, type: 成立, date: 1967-02-24, body: dl-shengchanban, name: 丹棱县临时生产办公室, jurisdiction: cs-xian,
   sources: [doc-dl]}
- {id: dl-ban-m, type: 成员数, date: 1967-02-24, body: dl-shengchanban, subordinates: {小组: 4}, wording: 下设,
   sources: [doc-dl]}
- id: dl-scwyh-ev
  type: 成立
  date: 1967-03-10
  body: dl-scwyh
  name: 丹棱县生产委员会
  jurisdiction: cs-xian
  sponsor: dl-rwb-dw
  sponsor_wording: …决定
  sources: [doc-dl]
- {id: dl-scwyh-8, type: rename, wording: 改称, date: 1967-08, body: dl-scwyh, name: 丹棱县抓革命促生产指挥部,
   sources: [doc-dl]}
"""
DANLING_DOC = """
id: doc-dl
genre: 网页
title: 第二节 大联合的形成和县革委的建立
publisher: 丹棱县人民政府网
note: https://www.scdl.gov.cn/info/1048/121728.htm
"""


def danling(tmp_path, events=DANLING):
    return archive_with(tmp_path, events=events, bodies={"dl-rwb-dw": "其他", "dl-shengchanban": "其他", "dl-scwyh": "其他"},
                        files={"sources/documents/dl.yaml": DANLING_DOC})


def test_a_sponsor_is_printed_and_is_not_the_parent(tmp_path):
    a, h, found = checked(danling(tmp_path))
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    said = printed(a, h)
    assert said["dl-scwyh-ev"] == "丹棱县人民武装部党委决定，成立丹棱县生产委员会。"
    t = h.get("dl-scwyh")
    assert t.parent_on(parse_date("1967-05")) is None                 # presided over, not led
    row = {r.body: r for r in snapshot(a, h, "cs-xian", parse_date("1967-05"), [])}["dl-scwyh"]
    assert row.parent is None and row.parent_name == ""
    lin = lineage(a, h, "dl-scwyh", [])
    assert [(p.value, p.ref, p.note, p.start.chinese()) for p in lin.sponsors] == [
        ("丹棱县人民武装部党委", "dl-rwb-dw", "…决定", "1967年3月10日")]
    assert lin.parents == [] or all(p.ref is None for p in lin.parents)
    assert said["dl-ban-m"] == "丹棱县临时生产办公室下设4个小组。"
    assert [p.value for p in lineage(a, h, "dl-shengchanban", []).figures] == ["下设4个小组"]


def test_a_sponsor_form_in_front_of_a_founding_the_source_says_after_the_name(tmp_path):
    events = DANLING.replace("sponsor_wording: …决定", "sponsor_wording: 在…主持下")
    a, h, found = checked(danling(tmp_path, events))
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    assert printed(a, h)["dl-scwyh-ev"] == "在丹棱县人民武装部党委主持下成立丹棱县生产委员会。"
    events = DANLING.replace("sponsor_wording: …决定", "sponsor_wording: 由…负责筹备").replace(
        "  type: 成立\n  date: 1967-03-10", "  type: establish\n  date: 1967-03-10")
    a, h, found = checked(danling(tmp_path / "b", events))
    assert printed(a, h)["dl-scwyh-ev"] == "设立丹棱县生产委员会，由丹棱县人民武装部党委负责筹备。"


def test_an_unknown_sponsor_form_is_refused_with_a_suggestion(tmp_path):
    events = DANLING.replace("sponsor_wording: …决定", "sponsor_wording: 在…主持")
    a, h, found = checked(danling(tmp_path, events))
    said = [f.message for f in errors_of(found) if f.code == "schema-value"]
    assert any("主持用词" in m and "是否应为“在…主持下”" in m for m in said), [f.as_text() for f in found]
    assert printed(a, h)["dl-scwyh-ev"] == "丹棱县生产委员会成立。"     # nothing guessed, the sponsor not printed
    events = DANLING.replace("  sponsor_wording: …决定\n", "")
    _a, _h, found = checked(danling(tmp_path / "b", events))
    assert any(f.code == "schema-missing" and "sponsor_wording" in f.message for f in found), \
        [f.as_text() for f in found]


def test_an_unknown_members_wording_is_refused_with_a_suggestion(tmp_path):
    events = DANLING.replace("wording: 下设,", "wording: 下没,")
    a, h, found = checked(danling(tmp_path, events))
    said = [f.message for f in errors_of(found) if f.code == "schema-value"]
    assert any("成员数" in m and "是否应为“下辖”" in m and "下设" in m for m in said), [f.as_text() for f in found]
    assert printed(a, h)["dl-ban-m"] == "丹棱县临时生产办公室下辖4个小组。"


# ---- 分解并入: N bodies into M others, the mapping unknown (shape check on the test county) ----------------------
SPLIT_UP = """
- {id: ev-ny, type: establish, date: 1956-06, body: cs-nongye, name: 测试县农业局, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: ev-gy, type: establish, date: 1956-06, body: cs-gongye, name: 测试县工业局, parent: cs-zhengfu, sources: [d-1956-1]}
- {id: ev-zg, type: establish, wording: 下设, date: 1968-03, body: cs-zg, name: 测试县革命委员会政工组, parent: cs-zhengfu,
   sources: [d-1956-1]}
- {id: ev-sc, type: establish, wording: 下设, date: 1968-03, body: cs-sc, name: 测试县革命委员会生产指挥组,
   parent: cs-zhengfu, sources: [d-1956-1]}
- {id: ev-fj, type: reorganise, wording: 分解并入, date: 1968-03, before: [cs-nongye, cs-gongye], after: [cs-zg, cs-sc],
   sources: [d-1956-1]}
"""


def test_bodies_dissolved_into_several_are_ended_and_the_mapping_is_not_made_up(tmp_path):
    root = archive_with(tmp_path, events=SPLIT_UP, bodies={"cs-zg": "其他", "cs-sc": "其他", "cs-nongye": "政府工作部门", "cs-gongye": "政府工作部门"})
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    assert printed(a, h)["ev-fj"] == "测试县农业局、测试县工业局分解并入测试县革命委员会政工组、测试县革命委员会生产指挥组。"
    for rid in ("cs-nongye", "cs-gongye"):
        lin = lineage(a, h, rid, [])
        assert lin.end.chinese() == "1968年3月" and lin.end_how == "分解并入"
        assert sorted(s for s, _n, _e in lin.successors) == ["cs-sc", "cs-zg"]   # each is one of them, not a pair
    row = {r.body: r for r in snapshot(a, h, "cs-xian", parse_date("1969"), [])}["cs-zg"]
    assert row.established_text() == "1968年3月" and row.parent == "cs-zhengfu"


def test_dissolved_into_one_body_is_a_merge(tmp_path):
    root = archive_with(tmp_path, events=SPLIT_UP.replace("after: [cs-zg, cs-sc]", "after: [cs-zg]"),
                        bodies={"cs-zg": "其他", "cs-sc": "其他", "cs-nongye": "政府工作部门", "cs-gongye": "政府工作部门"})
    _a, _h, found = checked(root)
    assert any(f.code == "schema-value" and "merge" in f.message for f in errors_of(found)), \
        [f.as_text() for f in found]


# ---- 保密观: a secret sponsor or taken-over body is never named by the public edition's sentence ------------------
def test_a_secret_sponsor_and_a_secret_body_taken_over_are_not_named_in_the_public_edition(tmp_path):
    from zhi.editions import filter_archive
    from zhi.history import derive_history

    events = DANLING + """
- {id: dl-jgz-ev, type: establish, date: 1966-01, body: dl-jgz, name: 丹棱县某保密小组, jurisdiction: cs-xian,
   classification: 秘密, sources: [doc-dl]}
- {id: dl-gwh-ev, type: 成立, date: 1968-05, body: dl-gwh, name: 丹棱县革命委员会, jurisdiction: cs-xian,
   takes_over: [cs-zhengfu, dl-jgz], sources: [doc-dl]}
"""
    root = danling(tmp_path, events)
    (root / "sources/bodies/secret.yaml").write_text(
        "- {id: dl-jgz, kind: 其他, classification: 秘密}\n- {id: dl-gwh, kind: 其他}\n", encoding="utf-8")
    text = (root / "sources/bodies/x.yaml").read_text(encoding="utf-8")
    (root / "sources/bodies/x.yaml").write_text(
        text.replace("- id: dl-rwb-dw\n  kind: 其他\n", "- id: dl-rwb-dw\n  kind: 其他\n  classification: 秘密\n"),
        encoding="utf-8")
    a, h, _found = checked(root)
    assert "丹棱县人民武装部党委决定" in printed(a, h)["dl-scwyh-ev"]        # the archive itself says it all
    pub = filter_archive(a, "public", h)
    ph = derive_history(pub)
    said = printed(pub, ph)
    assert said["dl-scwyh-ev"] == "丹棱县生产委员会成立。"                    # the sponsor withheld, not guessed at
    assert said["dl-gwh-ev"] == "丹棱县革命委员会成立，取代测试县人民委员会。"
    assert not any("保密小组" in s or "武装部" in s for s in said.values())
    assert ph.get("cs-zhengfu").suspended_on(parse_date("1969")).value == "职能由丹棱县革命委员会行使"


def test_open_data_names_the_sponsor_and_the_bodies_taken_over_by_their_roles(tmp_path):
    from zhi.writers.opendata import OpenData

    root = archive_with(tmp_path, events=DANLING + PINGDU, files={"sources/documents/dl.yaml": DANLING_DOC},
                        bodies={"dl-rwb-dw": "其他", "dl-shengchanban": "其他", "dl-scwyh": "其他",
                                "cs-pdxw": "党委工作部门", "cs-pdgwh": "其他"})
    a, h, found = checked(root)
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    od = OpenData(a, h, {"base": "urn:zhi:"})
    table = od.participants()
    cols = [c.name for c in table.columns]
    rows = {(r[cols.index("事件编号")], r[cols.index("角色")], r[cols.index("对象编号")]) for r in table.rows}
    assert ("dl-scwyh-ev", "主持方", "dl-rwb-dw") in rows and ("dl-scwyh-ev", "上级", "dl-rwb-dw") not in rows
    assert {("pd-gwh", "被取代", "cs-pdxw"), ("pd-gwh", "被取代", "cs-zhengfu")} <= rows
    periods = od.periods()
    pc = [c.name for c in periods.columns]
    stopped = [r for r in periods.rows if r[pc.index("项目")] == "停止活动" and r[pc.index("值")].startswith("职能由")]
    assert {r[pc.index("值")] for r in stopped} == {"职能由平度县革命委员会行使"} and len(stopped) == 2


def _body_page(a, h, rid: str) -> str:
    from pathlib import Path

    from zhi.writers.site import SiteWriter, page_of

    w = SiteWriter(a, h, Path(__file__).resolve().parent.parent / "theme")
    w.collect_backlinks()
    w.body_pages()
    return next(p.text for p in w.tree.pages if p.path == page_of(a, rid))


def test_the_body_pages_say_who_presided_and_that_the_taken_over_stopped(tmp_path):
    a, h, found = checked(danling(tmp_path))
    assert errors_of(found) == [], [f.as_text() for f in errors_of(found)]
    page = _body_page(a, h, "dl-scwyh")
    row = next(x for x in page.splitlines() if x.startswith("| 主持设立 |"))
    assert "丹棱县人民武装部党委" in row and row.endswith("决定（1967年3月10日） |") and "隶属" not in page.split("## 沿革")[0]
    a, h, found = checked(shaodong(tmp_path / "sd"))
    page = _body_page(a, h, "sd-renwei")
    assert "| 停止活动 | 职能由邵东县革命委员会行使（1968年3月—） |" in page
    assert "撤销" not in page


def test_the_body_page_says_the_mapping_of_a_dissolution_is_not_known(tmp_path):
    root = archive_with(tmp_path, events=SPLIT_UP, bodies={"cs-zg": "其他", "cs-sc": "其他", "cs-nongye": "政府工作部门",
                                                           "cs-gongye": "政府工作部门"})
    a, h, _found = checked(root)
    page = _body_page(a, h, "cs-nongye")
    later = [x for x in page.splitlines() if x.startswith("- 后继：")]
    assert len(later) == 2 and all(x.endswith("（1968年3月分解并入，对应关系来源未载）") for x in later), later


def test_a_mistyped_key_or_type_is_refused_with_a_suggestion(tmp_path):
    events = PINGDU.replace("takes_over:", "take_over:")
    _a, _h, found = checked(archive_with(tmp_path, events=events, bodies={"cs-pdxw": "党委工作部门", "cs-pdgwh": "其他"}))
    said = [f.message for f in errors_of(found) if f.code == "schema-unknown-key"]
    assert any("take_over" in m and "是否应为“takes_over”" in m for m in said), [f.as_text() for f in found]
    events = DANLING.replace("sponsor: dl-rwb-dw", "sponsers: dl-rwb-dw")
    _a, _h, found = checked(danling(tmp_path / "b", events))
    said = [f.message for f in errors_of(found) if f.code == "schema-unknown-key"]
    assert any("是否应为“sponsor”" in m for m in said), [f.as_text() for f in found]


def test_a_body_taken_over_and_later_at_work_without_a_resumption_is_warned(tmp_path):
    events = SHAODONG.replace("""- {id: sd-1970-xw, type: 恢复活动, wording: 恢复, name: 中国共产党邵东县委员会, short: 中共邵东县委, date: 1970-09,
   body: sd-xianwei, sources: [{doc: doc-sdxz, page: 304}]}""", """- {id: sd-1970-xw, type: rename, date: 1970-09, body: sd-xianwei, name: 中国共产党邵东县委员会, short: 县委,
   sources: [{doc: doc-sdxz, page: 304}]}""")
    assert events != SHAODONG
    _a, _h, found = checked(shaodong(tmp_path, events))
    said = [f.message for f in found if f.code == "suspended-active"]
    assert any("中国共产党邵东县委员会（sd-xianwei）于1968年3月职能由邵东县革命委员会行使" in m and "取代，takes_over" in m
               and "resume: 不详" not in m for m in said), said
