"""The sample chronicle shipped with the project: it passes `zhi check` and is as rich as promised."""

from collections import Counter
from pathlib import Path

from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.model import EVENT_TYPES

ROOT = Path(__file__).resolve().parent.parent


def test_sample_has_no_errors():
    a = load_archive(ROOT)
    errors = [f.as_text() for f in run_checks(a) if f.severity == "error"]
    assert errors == []


def test_sample_counts_and_shape():
    a = load_archive(ROOT)
    assert len(a.bodies) >= 60
    assert len(a.events) >= 250
    assert len(a.documents) >= 100
    assert sum(1 for d in a.documents.values() if d.transcription) >= 10
    assert len(a.posts) >= 40
    types = Counter(e.type for e in a.events)
    assert set(types) == set(EVENT_TYPES), f"event kinds missing: {set(EVENT_TYPES) - set(types)}"
    levels = Counter(r.classification.name for r in [*a.documents.values(), *a.events, *a.staffing])
    assert levels["内部"] >= 1 and levels["秘密"] >= 1
    h = derive_history(a)
    # three jurisdictions: one renamed, one ended by a split, one outside the volume
    in_scope = [j for j in a.jurisdictions.values() if j.in_scope]
    assert len(in_scope) >= 2 and any(not j.in_scope for j in a.jurisdictions.values())
    assert any(len(h.get(j.id).names) >= 2 for j in in_scope)
    assert any(h.get(j.id).end_event is not None and h.get(j.id).end_event.type == "split" for j in in_scope)
    merges = [e for e in a.events if e.type == "merge"]
    assert any(e.after[0].id in {r.id for r in e.before} for e in merges)       # into a survivor
    assert any(e.after[0].id not in {r.id for r in e.before} for e in merges)   # into a new body


def test_staffing_tables_stop_when_a_jurisdiction_ends():
    from zhi.views.staffing import figures, jurisdiction_tables

    a = load_archive(ROOT)
    h = derive_history(a)
    ended = [j for j in a.jurisdictions.values() if j.in_scope and h.get(j.id).end is not None]
    assert ended
    for t in jurisdiction_tables(a, h, figures(a), [j.id for j in ended]):
        end = h.get(t.jurisdiction).end
        assert t.rows and t.rows[-1].year <= end.year and t.rows[-1].on.latest() < end.earliest()
