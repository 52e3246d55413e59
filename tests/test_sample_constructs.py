"""Issue 11: the sample archive uses every construct the guide documents at least once, so none can silently
disappear from it. Each test finds the construct by reading the loaded Archive (and, where the construct changes what
is printed, the derived history or the 机构变动年表), never by naming a record of the sample."""

from pathlib import Path

import pytest
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample():
    a = load_archive(ROOT)
    h = derive_history(a)
    return a, h, {en.event.id: en.plain() for en in chronology(a, h) if en.event is not None and en.event.id}


def events(a, kind):
    return [e for e in a.events if e.type == kind]


def first(a, kind, test, missing):
    """The sample's first event of ``kind`` that passes ``test``; the test fails with ``missing`` when none does."""
    found = [e for e in events(a, kind) if test(e)]
    assert found, missing
    return found[0]


def test_restore_with_previous_end_unknown(sample):
    a, h, _text = sample
    e = first(a, "restore", lambda e: e.previous_end_unknown, "no restore with previous_end: 不详")
    # nothing is made up before it: the body's first recorded event is this restore
    assert h.get(e.body.id).events[0] is e
    named = e.name or (e.new[e.body.id].name if e.body.id in e.new else None)
    assert named, "a restore that is the first mention must name the body"
    assert h.get(e.body.id).earlier_unknown, "the body page must say its earlier life is unknown"


@pytest.mark.parametrize("kind", ["rename", "merge", "restore"])
def test_wording_is_used_and_printed(sample, kind):
    a, _h, text = sample
    found = [e for e in events(a, kind) if e.wording]
    assert found, f"no {kind} with wording:"
    assert any(e.id in text and e.wording in text[e.id] for e in found), \
        f"the source's wording of a {kind} is not in the 年表"


def test_suspend_with_resume_unknown_is_not_an_abolition(sample):
    a, h, text = sample
    e = first(a, "suspend", lambda e: e.resume_unknown, "no suspend with resume: 不详")
    t = h.get(e.body.id)
    assert t.end_event is not e
    assert any(s.start_event is e and s.end is None for s in t.suspensions)
    assert "撤销" not in text[e.id]


def test_suspend_and_resume(sample):
    a, _h, _text = sample
    suspended = {e.body.id for e in events(a, "suspend")}
    assert any(e.body.id in suspended for e in events(a, "resume"))


@pytest.mark.parametrize("kind", ["co-locate", "separate", "prepare", "move-seat", "seat", "cede", "divisions"])
def test_event_kind_is_present(sample, kind):
    a, _h, _text = sample
    assert events(a, kind), f"no {kind} event in the sample"


def test_reorganise_one_to_one_and_n_to_m(sample):
    a, _h, _text = sample
    found = events(a, "reorganise")
    assert any(len(e.before) == 1 for e in found)
    assert any(len(e.before) > 1 and len(e.after) > 1 for e in found)


def test_merge_partly_and_split_with_unknown_rest(sample):
    a, _h, _text = sample
    assert any(e.partly for e in events(a, "merge"))
    assert any(e.rest_unknown for e in events(a, "split"))


def test_dual_leadership(sample):
    a, _h, _text = sample
    assert any(e.co_parents or any(n.co_parents for n in e.new.values()) for e in a.events)


def test_superior_of_superior_chain(sample):
    a, _h, _text = sample
    outside = {j.id for j in a.jurisdictions.values() if not j.in_scope and j.names}
    # an in-scope jurisdiction placed under an outside one, which is itself placed under another outside one
    under_outside = [e for e in events(a, "reparent") if e.parent and e.parent.id in outside]
    assert any(e.body.id in outside for e in under_outside)
    assert any(e.body.id in a.jurisdictions and a.jurisdictions[e.body.id].in_scope for e in under_outside)


def test_body_end_and_kind_unknown(sample):
    a, _h, _text = sample
    assert any(b.end_unknown for b in a.bodies.values())
    assert any(b.kind_unknown for b in a.bodies.values())


def test_posts_term_unknown_ends_and_in_office(sample):
    a, _h, _text = sample
    assert any(p.term for p in a.posts)
    assert any(p.start_unknown for p in a.posts)
    assert any(p.end_unknown for p in a.posts)
    assert any(p.in_office and p.start_unknown and p.end_unknown for p in a.posts)


def test_season_part_range_and_before_dates(sample):
    a, _h, _text = sample
    dates = [e.date for e in a.events if e.date]
    assert any(d.end is not None and d.start.part and d.end.part for d in dates), "no range like 1958年夏至秋"
    assert any(d.start.part == "年底" for d in dates)
    assert any(d.qualifier == "before" for d in dates), "no date like 1950前"
    # printed as the source said it: the second half drops the shared year (1958年夏至秋), never a made-up month
    ranged = [d.chinese() for d in dates if d.end is not None and d.start.part and d.end.part]
    assert any(t.count("年") == 1 and "至" in t and "月" not in t for t in ranged), ranged


def test_staffing_beyond_one_body(sample):
    a, _h, _text = sample
    assert any(s.jurisdiction and not s.body and not s.system for s in a.staffing)
    assert any(s.jurisdiction and s.system for s in a.staffing)
    bases = {s.basis for s in a.staffing}
    assert {"approved", "actual"} <= bases
    assert {"over", "reduced"} <= bases, bases   # 超编, 精简


def test_staffing_scope_is_printed_with_the_figure(sample):
    """范围: what a figure covers, as its source says it, is printed after the figure wherever it is listed."""
    from zhi.views.staffing import figures, jurisdiction_tables

    a, h, _text = sample
    scoped = [s for s in a.staffing if s.figures and s.figures.scope_note]
    assert scoped, "no staffing figure with 范围:"
    s = scoped[0]
    assert s.jurisdiction is not None, "the sample's scoped figure is a jurisdiction's"
    tables = jurisdiction_tables(a, h, figures(a), [s.jurisdiction.id])
    listed = [words for t in tables for (_d, _b, _w, words, _src) in t.records]
    assert any(words.endswith(f"（{s.figures.scope_note}）") for words in listed), listed


def test_jurisdiction_set_up_from_named_places_is_one_sentence(sample):
    """以某某街道、某某公社设立某区: the establishment names the area it is made from, in one 大事记 line."""
    a, _h, text = sample
    e = first(a, "establish", lambda e: e.places and e.body.id in a.jurisdictions,
              "no jurisdiction established from named places")
    assert text[e.id].startswith("以" + "、".join(e.places)), text[e.id]
    assert not any(x.type == "cede" and x.date == e.date and x.target_to and x.target_to.id == e.body.id
                   for x in a.events), "the same area is not told twice"


def test_non_statutory_level_and_powers(sample):
    """功能区: a level that is no 建制, printed as such; 管理权限: powers granted on a date, never a level."""
    from zhi.model import NON_STATUTORY_LEVELS
    from zhi.views.lineage import volume_jurisdictions

    a, h, text = sample
    e = first(a, "establish", lambda e: e.body and e.body.id in e.new and e.new[e.body.id].level in NON_STATUTORY_LEVELS,
              "no 功能区 set up")
    assert text[e.id].endswith(f"，为{NON_STATUTORY_LEVELS[e.new[e.body.id].level]}。"), text[e.id]
    assert volume_jurisdictions(a, h)[-1].id == e.body.id, "a 功能区 is listed after the lawful divisions"
    g = first(a, "authority", lambda g: g.powers, "no grant of powers (管理权限)")
    t = h.get(g.body.id)
    assert text[g.id].endswith(g.powers + "。")
    assert [s.value for s in t.powers] == [g.powers]
    assert all(s.start_event is not g for s in t.levels), "a grant of powers changes no level"


def test_units_merged_and_renamed(sample):
    """内设机构: one made of two others (merged_from), one renamed (renamed_from), said as bodies' changes are."""
    from zhi.views.lineage import unit_rows

    a, _h, _text = sample
    merged = [(b, u) for b in a.bodies.values() for u in b.units if len(u.merged_from) > 1]
    renamed = [(b, u) for b in a.bodies.values() for u in b.units if u.renamed_from]
    assert merged and renamed, "no 内设机构 merged or renamed in the sample"
    b, u = merged[0]
    rows = {r.name: r for r in unit_rows(b.units)}
    assert rows[u.name].origin == f"{'、'.join(u.merged_from)}合并为{u.name}"
    assert all(rows[old].end is not None and rows[old].end.same_as(u.start) for old in u.merged_from)


def test_body_of_two_jurisdictions(sample):
    """市县合署: a body set up with two jurisdictions, the first its 主; the 一览 of each lists it."""
    from zhi.views.snapshot import snapshot

    a, h, _text = sample
    e = first(a, "establish", lambda e: e.body and e.body.id in e.new and e.new[e.body.id].co_jurisdictions,
              "no body of two jurisdictions")
    t = h.get(e.body.id)
    nb = e.new[e.body.id]
    assert t.jurisdictions_on(e.date) == (nb.jurisdiction.id, *(r.id for r in nb.co_jurisdictions))
    for j in t.jurisdictions_on(e.date):
        assert e.body.id in {r.body for r in snapshot(a, h, j, e.date, [])}, j


def test_memo(sample):
    a, _h, _text = sample
    assert any(m.text for m in a.memos)


def test_jurisdiction_level_change_prints_and_derives(sample):
    """A 县 made a 县级市 (rename + rerank with level) and back: the 年表 says so, the level spans follow."""
    a, h, text = sample
    found = [e for e in events(a, "rerank") if e.level and e.body.id in a.jurisdictions]
    assert len(found) >= 2, "no jurisdiction level change (县→县级市) in the sample"
    up = next(e for e in found if e.level == "县级市")
    t = h.get(up.body.id)
    assert text[up.id].endswith("改为县级市。")
    assert [s.value for s in t.levels if s.start_event is up] == ["县级市"]
    renamed = [e for e in events(a, "rename") if e.body.id == up.body.id and e.date.sort_key() == up.date.sort_key()]
    assert renamed and text[up.id].startswith(renamed[0].name)   # the name already changed that day
    back = [e for e in found if e is not up and e.date.sort_key() > up.date.sort_key()]
    assert back and all("改为县。" not in text[e.id] for e in back)
    assert any(e.wording and e.wording in text[e.id] for e in back)


def test_cede_with_counts_only(sample):
    a, _h, text = sample
    e = first(a, "cede", lambda e: e.divisions and not e.places, "no cede with counts only (divisions, no places)")
    n, kind = next(iter(e.divisions.values())), next(iter(e.divisions))
    assert f"的{n}个{kind}划归" in text[e.id]


def test_unofficial_name_is_no_rename(sample):
    a, h, text = sample
    found = events(a, "unofficial-name")
    assert found and events(a, "restore-name")
    e = found[0]
    assert "擅自将" in text[e.id] and "更名" not in text[e.id] and text[e.id].endswith(f"改名为{e.name}。")
    t = h.get(e.body.id)
    assert e.name not in {s.value[0] for s in t.names}      # never an official name
    assert t.unofficial_names and t.unofficial_names[0].end is not None
    assert any(text[r.id].endswith("恢复原名。") for r in events(a, "restore-name"))


def test_body_count_prints_as_the_source_and_is_checked(sample):
    from zhi.checks import run_checks

    a, h, text = sample
    found = events(a, "body-count")
    assert found
    assert any(e.count_before is not None and f"由{e.count_before}个" in text[e.id] for e in found)
    assert all(f"{e.count}个" in text[e.id] for e in found)
    differs = [f for f in run_checks(a, history=h) if f.code == "count-differs"]
    # each finding states the source's figure and the archive's own, never one for the other
    assert differs and all("来源记" in f.message and "档案中那天" in f.message for f in differs)


def test_merge_before_count_prints_the_total(sample):
    a, _h, text = sample
    e = first(a, "merge", lambda e: e.before_count, "no merge with before_count (“等5个单位”)")
    assert e.before_count > len(e.before)
    assert f"等{e.before_count}个单位合并" in text[e.id]


def test_reorganise_wording_prints_the_source_verb(sample):
    a, _h, text = sample
    found = [e for e in events(a, "reorganise") if e.wording == "改建为"]
    assert found, "no reorganise with wording: 改建为"
    assert any("改建为" in text[e.id] and "改组" not in text[e.id] for e in found)


def test_rejurisdiction_wording_back(sample):
    a, _h, text = sample
    found = [e for e in events(a, "rejurisdiction") if e.wording == "复归"]
    assert found, "no rejurisdiction with wording: 复归"
    assert any("复归" in text[e.id] and "划归" not in text[e.id] for e in found)


def test_body_extant_by_its_source(sample):
    a, h, _text = sample
    found = [b for b in a.bodies.values() if b.extant]
    assert found, "no body with end: 至今"
    assert all(b.sources for b in found), "end: 至今 without the source that says so"
    t = h.get(found[0].id)
    assert t.lives[-1].end is None and not t.end_unknown


def test_establish_wording_prints_the_source_verb(sample):
    a, _h, text = sample
    found = [e for e in events(a, "establish") if e.wording in ("建立", "成立", "组建")]
    assert found, "no establishment with wording (建立/成立/组建)"
    assert any(text[e.id].startswith(e.wording) or f"{e.wording}。" in text[e.id] for e in found if e.id in text)
    assert not any(text[e.id].startswith("设立") for e in found if e.id in text)


def test_reparent_entrusted_administration(sample):
    a, h, text = sample
    e = first(a, "reparent", lambda e: e.wording == "代管", "no reparent with wording: 代管")
    assert text[e.id].endswith("代管。") and "改属" not in text[e.id] and "隶属" not in text[e.id]
    from zhi.views.lineage import lineage
    lin = lineage(a, h, e.body.id)
    assert any(p.ref == e.parent.id and p.relation == "代管" and "代管" not in p.value for p in lin.parents)


def test_resume_under_another_name(sample):
    a, h, text = sample
    e = first(a, "resume", lambda e: e.name, "no resume with name (恢复活动 under another name)")
    t = h.get(e.body.id)
    assert any(s.start_event is e and s.value[0] == e.name for s in t.names)
    assert e.name in text[e.id] and "恢复" in text[e.id]


def test_counted_colocation_names_no_body(sample):
    a, h, text = sample
    e = first(a, "co-locate", lambda e: e.count is not None, "no co-locate given only as a count (count, scope)")
    assert not e.before and f"{e.count}个" in text[e.id] and e.wording in text[e.id]
    assert e.excludes and f"（不含{'、'.join(e.excludes)}）" in text[e.id]
    assert not any(s.start_event is e for t in h.timelines.values() for s in t.colocations)


def test_members_and_units_are_printed_and_no_staffing(sample):
    from zhi.views.staffing import figures

    a, h, text = sample
    e = first(a, "members", lambda e: {"subordinates", "members", "of_which"} <= {k for k, _w, _n in e.figures},
              "no 成员数 event with subordinates, members and of_which (其中)")
    assert e.wording, "the sample's 成员数 says the source's verb for its units (wording: 设有)"
    for key, what, n in e.figures:
        said = {"subordinates": f"{e.wording}{n}个{what}", "members": f"有{what}{n}人"}.get(key, f"，其中{what}{n}人")
        assert said in text[e.id]
    assert e.id not in {f.origin for f in figures(a)}
    assert any(s.start_event is e for s in h.get(e.body.id).figures)


def test_planned_count_and_count_with_excludes(sample):
    from zhi.checks import run_checks

    a, h, text = sample
    plan = first(a, "body-count", lambda e: e.planned and e.count_before is not None, "no planned count (planned: 将)")
    assert f"{plan.planned}由{plan.count_before}个{plan.wording}{plan.count}个" in text[plan.id]
    ex = first(a, "body-count", lambda e: e.excludes, "no count with excludes (不含合署机构)")
    assert text[ex.id].endswith(f"{ex.count}个（不含{'、'.join(ex.excludes)}）。")
    found = run_checks(a, history=h)
    assert any(f.code == "count-not-compared" and f.loc == plan.loc for f in found)
    assert not any(f.code == "count-differs" and f.loc == plan.loc for f in found)


def test_split_says_what_was_split_off_in_the_sources_words(sample):
    """A split whose source lives on, worded with “…” for the source (析…南部): the 年表 prints the source's words
    around the source's name at that date, and never the 部分职能 no record of the sample says."""
    a, _h, text = sample
    e = first(a, "split", lambda e: e.wording and "…" in e.wording and e.before[0].id in {r.id for r in e.after},
              "no split with a framed wording (析…南部)")
    head, tail = e.wording.split("…")
    printed = text[e.id]
    assert printed.startswith(head) and f"{tail}，设立" in printed, printed
    assert not any("部分职能" in t for t in text.values()), [t for t in text.values() if "部分职能" in t]


def _transcribed(a, e) -> str | None:
    """The full texts of all of ``e``'s sources run together without blanks, or None when one has no full text."""
    import re

    docs = [a.documents.get(c.doc) for c in e.sources]
    if not docs or any(d is None or d.transcription is None for d in docs):
        return None
    return re.sub(r"\s", "", "".join(d.transcription.read_text(encoding="utf-8") for d in docs))


def test_a_rename_prints_the_verb_its_full_text_uses(sample):
    """Truth to the record (review tester): where the cited full text says 甲改称乙 or 甲改为乙, the 年表 says so,
    not the 更名为 of no source. Every sample rename whose sources are all transcribed is read against them."""
    import re

    a, _h, text = sample
    read = 0
    for e in events(a, "rename"):
        full = _transcribed(a, e)
        said = full and re.search(f"(改称|改为|更名为|改名为|复名为|易名为)({re.escape(e.name)})", full)
        if said and e.id in text:
            read += 1
            assert f"{said.group(1)}{e.name}" in text[e.id], (e.id, said.group(0), text[e.id])
    assert read >= 5, "the sample has renames whose full text gives the verb"


def test_a_rank_change_states_only_a_rank_its_complete_full_text_gives(sample):
    """ev-…-rank asserted 正科级 where the cited text says only 列入政府工作部门 (review tester). A rank change whose
    sources are all transcribed and complete (no page missing, which might have said it) names no rank they lack."""
    a, _h, _text = sample
    read = 0
    for e in events(a, "rerank"):
        full = _transcribed(a, e)
        if full is None or "缺页" in full:
            continue
        read += 1
        assert not e.rank or e.rank in full, (e.id, e.rank)
    assert read, "no rank change with complete transcribed sources"


def test_a_sponsor_is_printed_and_is_not_the_parent(sample):
    from zhi.views.lineage import lineage
    from zhi.wordings import SPONSOR_FORMS

    a, h, text = sample
    e = first(a, "establish", lambda e: e.sponsor is not None, "no establishment with a sponsor (主持设立)")
    form = SPONSOR_FORMS[e.sponsor_wording]
    sponsor = h.get(e.sponsor.id).name_on(e.date)[0]
    assert f"{form.before}{sponsor}{form.after}" in text[e.id]
    assert h.get(e.body.id).parent_on(e.date) != e.sponsor.id
    assert [p.ref for p in lineage(a, h, e.body.id, []).sponsors] == [e.sponsor.id]


def test_headcount_is_not_bianzhi(sample):
    """guide/staffing.md “其中”、实有人数: a headcount the sample records prints as the source says and is in no
    编制 column or sum: only in the 实有人数 column of its own row."""
    from zhi.views.staffing import figures, jurisdiction_table, staffing_words

    a, h, _text = sample
    figs = figures(a)
    counted = [f for f in figs if f.staffing.headcount is not None and f.jurisdiction]
    assert counted, "no headcount (人数) in the sample"
    f = counted[0]
    said = staffing_words(f.staffing)
    assert said.startswith("实有") and f"{f.staffing.headcount}人" in said and f.staffing.posts == {}
    t = jurisdiction_table(a, h, figs, f.jurisdiction, range(f.date.year, f.date.year + 1))
    assert said in [words for *_, words, _src in t.records]
    assert all(f.staffing.headcount not in (ln.total(), *(v for k, v in ln.values.items() if k != "人数"))
               for r in t.rows for ln in r.lines)
    people = [ln for r in t.rows for ln in r.lines if ln.what == "headcount" and ln.values["人数"] == f.staffing.headcount]
    assert people and people[0].label.endswith(f"实有{f.staffing.counted or '人数'}")


def test_origin_known_only_in_or_before_a_year(sample):
    """guide/dates.md “或以前”“至迟”: an origin dated so is printed as written, listed only where every reading has
    the body set up, and named under the earlier 一览 as not known to exist yet."""
    from zhi.dates import parse_date
    from zhi.views.lineage import lineage
    from zhi.views.snapshot import fate_unknown_note, snapshot
    from zhi.views.staffing import figures

    a, h, _text = sample
    e = first(a, "establish", lambda e: e.date.inclusive and e.date.qualifier == "before",
              "no establishment dated 或以前 / 至迟")
    t = h.get(e.body.id)
    jur = t.jurisdictions[0].value
    y = e.date.start.year
    lin = lineage(a, h, t.id)
    said = e.date.chinese()   # as the source words it: 至迟1950年, 1950年或以前
    assert lin.start.chinese() == said and (said.startswith("至迟") or said.endswith(("或以前", "或之前")))
    assert t.id in {r.body for r in snapshot(a, h, jur, parse_date(f"{y}-12-31"), figures(a))}
    assert t.id not in {r.body for r in snapshot(a, h, jur, parse_date(f"{y - 1}-12-31"), figures(a))}
    assert f"（{e.date.chinese()}设立）" in fate_unknown_note(h, jur, parse_date(f"{y - 1}-12-31"))


def test_a_second_establishment_with_previous_end_unknown(sample):
    """Set up twice (成立 … 成立), the end between not recorded: two lives, the first ending at no invented date."""
    a, h, text = sample
    e = first(a, "establish", lambda e: e.previous_end_unknown, "no second establish with previous_end: 不详")
    lives = h.get(e.body.id).lives
    assert len(lives) >= 2 and lives[-1].start_event is e
    before = lives[-2]
    assert before.end is not None and before.end.qualifier == "before" and before.end_event is None
    assert e.wording and e.wording in text[e.id], "printed with the source's verb, never as 恢复"


def test_a_sources_list_of_units_by_name(sample):
    """成员数 units: a body's units at a date as the source lists them, printed by name; no unit becomes a record."""
    a, h, text = sample
    e = first(a, "members", lambda e: any(k == "units" for k, _w, _n in e.figures), "no 成员数 with units")
    names = [w for k, w, _n in e.figures if k == "units"]
    assert "、".join(names) in text[e.id]
    assert not any(s.value[0] in names for t in h.timelines.values() for s in t.names)


# Constructs added by the real chronicles of the last rounds (宜黄 and others): the sample writes each once too.

def test_post_held_ex_officio_and_holder_unnamed(sample):
    a, _h, _text = sample
    ex = [p for p in a.posts if p.ex_officio]
    assert ex, "no post with ex_officio:"
    assert not any(p.person for p in ex), "an ex_officio post names no person"
    unnamed = [p for p in a.posts if p.person and a.people.get(p.person.id) and a.people[p.person.id].unnamed]
    assert unnamed, "no post held by a person written name: 不详"


def test_body_start_unknown_first_met_in_a_merge(sample):
    a, h, _text = sample
    found = [b for b in a.bodies.values() if b.start_unknown]
    assert found, "no body with start: 不详"
    # no establishment is made up for it: its first recorded event is the one that names it
    for b in found:
        assert h.get(b.id).events and h.get(b.id).events[0].type != "establish"


def test_units_with_unknown_years(sample):
    a, _h, _text = sample
    assert any(u.start_unknown and u.end_unknown for b in a.bodies.values() for u in b.units)


def test_web_page_with_access_date(sample):
    a, _h, _text = sample
    assert any(d.url and d.accessed for d in a.documents.values())


def test_record_dated_by_its_source(sample):
    import yaml
    a, _h, _text = sample
    ids = []
    for f in sorted((ROOT / "sources").rglob("*.yaml")):
        records = yaml.safe_load(f.read_text(encoding="utf-8"))
        for r in records if isinstance(records, list) else [records]:
            if isinstance(r, dict) and str(r.get("date", "")) in ("见于来源", "据来源") and "id" in r:
                ids.append(r["id"])
    assert ids, "no record with date: 见于来源"
    for e in a.events:
        if e.id in ids:
            first = a.documents[next(iter(e.sources)).doc]
            # the source's 记述下限 when it states one (1987年或以前), else its own date
            assert e.date.chinese() == (f"{first.covers.chinese()}或以前" if first.covers else first.date.chinese())


def test_increment_approximate_count_and_groups(sample):
    a, _h, _text = sample
    assert any(e.wording in ("增补", "增选", "补选", "增加", "减少") for e in a.events if e.type == "members")
    figs = [s.figures for s in a.staffing if s.figures]
    assert any(str(f.headcount) != str(int(f.headcount)) for f in figs if f.headcount is not None), \
        "no approximate head-count (1800余)"
    assert any(f.headcount_groups for f in figs), "no staffing record with several groups (人数: {甲: 1, 乙: 1})"
