"""A 合署办公 or 职能划转 event an edition holds, whose other party is above that edition: the edition drops it, and
`zhi check` warns (file, line, which edition) without naming the withheld party."""

from __future__ import annotations

from pathlib import Path

from conftest import write_dedented as write
from zhi.checks import run_checks
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology


def archive(root: Path, other_level: str) -> Path:
    write(root, "sources/jurisdictions/yh.yaml", "id: yh\nlevel: 县\n")
    write(root, "sources/bodies/all.yaml", f"""
    - {{id: jw, kind: 政府工作部门}}
    - {{id: bm, kind: 其他, classification: {other_level}}}
    - {{id: tj, kind: 政府工作部门}}
    """)
    write(root, "sources/documents/d.yaml", "- {id: d1, genre: 志书, title: 云河县志, date: 1991}\n")
    write(root, "sources/events/all.yaml", f"""
    - {{id: ev-yh, type: establish, date: 1949-10-01, body: yh, name: 云河县, sources: [d1]}}
    - {{id: ev-jw, type: establish, date: 1956-01, body: jw, name: 云河县计划委员会, jurisdiction: yh, sources: [d1]}}
    - {{id: ev-tj, type: establish, date: 1956-01, body: tj, name: 云河县统计科, jurisdiction: yh, sources: [d1]}}
    - id: ev-bm
      type: establish
      date: 1956-01
      body: bm
      name: 云河县保密委员会办公室
      jurisdiction: yh
      classification: {other_level}
      sources: [d1]
    - {{id: ev-he, type: 合署办公, date: 1960-02, bodies: [jw, bm], sources: [d1]}}
    - {{id: ev-he2, type: 合署办公, date: 1961-02, bodies: [jw, tj], sources: [d1]}}
    """)
    return root


def test_secret_party_warned_per_edition_without_its_name(tmp_path):
    a = load_archive(archive(tmp_path, "秘密"))
    h = derive_history(a)
    found = [f for f in run_checks(a, history=h) if f.code == "event-withheld"]
    assert [(f.severity, f.loc.file, f.loc.line) for f in found] == [("warning", "sources/events/all.yaml", 12)] * 2
    assert "公开版不印" in found[0].message and "内部版不印" in found[1].message
    for f in found:
        assert "ev-he" in f.message and "jw" in f.message
        assert "bm" not in f.message and "保密" not in f.message
    # the event really is not printed by the public edition, and the held 合署 is
    pub = filter_archive(a, "public", h)
    printed = "".join(en.plain() for en in chronology(pub, derive_history(pub)))
    assert "合署办公" in printed and "保密委员会" not in printed


def test_internal_party_warned_for_the_public_edition_only(tmp_path):
    a = load_archive(archive(tmp_path, "内部"))
    found = [f for f in run_checks(a, history=derive_history(a)) if f.code == "event-withheld"]
    assert len(found) == 1 and "公开版" in found[0].message and "内部版" not in found[0].message


def test_event_as_secret_as_its_party_is_not_warned(tmp_path):
    root = archive(tmp_path, "秘密")
    p = root / "sources/events/all.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("bodies: [jw, bm], sources: [d1]}",
                                                       "bodies: [jw, bm], sources: [d1], classification: 秘密}"),
                 encoding="utf-8")
    a = load_archive(root)
    assert [f for f in run_checks(a, history=derive_history(a)) if f.code == "event-withheld"] == []


def test_an_event_printed_without_its_secret_sponsor_or_merged_party_is_warned(tmp_path):
    """The public edition prints a held body's establishment without the secret body that 主持 it, and a merge
    without the secret one of the bodies merged: the sentence is shorter than the source's. The editor is told which
    part is left out (the part's role, never its name); the printed sentence really lacks it."""
    root = archive(tmp_path, "秘密")
    p = root / "sources/events/all.yaml"
    p.write_text(p.read_text(encoding="utf-8") + """
- {id: ev-zz, type: establish, date: 1962-03, body: zz, name: 云河县档案馆, jurisdiction: yh, sources: [d1],
   sponsor: bm, sponsor_wording: 在…主持下}
- {id: ev-mg, type: merge, date: 1963-05, before: [jw, tj, bm], after: jw, sources: [d1]}
""", encoding="utf-8")
    b = root / "sources/bodies/all.yaml"
    b.write_text(b.read_text(encoding="utf-8") + "- {id: zz, kind: 事业单位}\n", encoding="utf-8")
    a = load_archive(root)
    h = derive_history(a)
    assert not [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"]
    found = {f.loc.line: f.message for f in run_checks(a, history=h)
             if f.code == "event-withheld" and "公开版" in f.message}
    by_text = {line: msg for line, msg in found.items() if "ev-zz" in msg or "ev-mg" in msg}
    assert len(by_text) == 2, found
    zz = next(m for m in by_text.values() if "ev-zz" in m)
    mg = next(m for m in by_text.values() if "ev-mg" in m)
    assert "主持的机构" in zz and "照印" in zz and "此前的机构" in mg
    for m in (zz, mg):
        assert "bm" not in m and "保密" not in m
    pub = filter_archive(a, "public", h)
    printed = "".join(en.plain() for en in chronology(pub, derive_history(pub)))
    assert "设立云河县档案馆" in printed and "主持" not in printed and "保密委员会" not in printed, printed


def test_a_merge_whose_only_other_party_is_secret_is_not_told_as_a_sentence_without_subject(tmp_path):
    """A tester's public build printed “1991年4月1日　并入县档案馆。”: the secret body merged into an open one was left
    out and nothing was left to merge. The edition drops the event (the editor is warned), the survivor lives on."""
    root = archive(tmp_path, "秘密")
    p = root / "sources/events/all.yaml"
    p.write_text(p.read_text(encoding="utf-8") + """
- {id: ev-mg, type: merge, date: 1963-05, before: [bm, jw], after: jw, sources: [d1]}
""", encoding="utf-8")
    a = load_archive(root)
    h = derive_history(a)
    pub = filter_archive(a, "public", h)
    printed = [en.plain() for en in chronology(pub, derive_history(pub))]
    assert not [t for t in printed if "并入" in t], printed
    assert pub.bodies.get("jw") is not None
    found = [f.message for f in run_checks(a, history=h) if f.code == "event-withheld" and "ev-mg" in f.message]
    assert found and "不印这条事件" in found[0], found


def test_an_id_with_no_record_is_not_told_as_a_secret_party(tmp_path):
    """A tester's split named new bodies whose files were not written yet: ref-unknown says so; event-withheld
    told the editor to change a classification, which was not the problem."""
    root = archive(tmp_path, "秘密")
    p = root / "sources/events/all.yaml"
    p.write_text(p.read_text(encoding="utf-8") + """
- {id: ev-sp, type: split, date: 1963-05, before: tj, after: [tj, {id: no-such-body, name: 云河县物价科}], sources: [d1]}
""", encoding="utf-8")
    a = load_archive(root)
    found = run_checks(a, history=derive_history(a))
    assert "ref-unknown" in [f.code for f in found] or any("no-such-body" in f.message for f in found)
    assert not [f.message for f in found if f.code == "event-withheld" and "ev-sp" in f.message]
