"""A secret name's distinctive part read the same way everywhere (closedE): the level an event's sources give it is
decided by one function for the editions and the leak scan (``editions.sourced_level``)."""

from conftest import make_archive, write
from zhi.editions import edition_test, sourced_level
from zhi.leaks import forbidden_strings
from zhi.loader import load_archive

OPEN_BODY = "id: cs-lt\nkind: 其他\n"


def _event(sources: str, level: str = "") -> str:
    return ("- {id: ev-lt, type: establish, date: 1988-06, body: cs-lt, name: 鹭汀七号联络站, jurisdiction: cs-xian, "
            f"sources: {sources}{', classification: ' + level if level else ''}}}\n")


def test_an_event_resting_only_on_a_document_the_archive_lacks_is_withheld_and_its_name_forbidden(tmp_path):
    """The editions withheld such an event (no edition holds its source) while the scan read its name as open: now
    both count the missing source as 绝密 (fail closed)."""
    root = make_archive(tmp_path)
    write(root, "sources/bodies/lt.yaml", OPEN_BODY)
    write(root, "sources/events/lt.yaml", _event("[d-nowhere]"))
    a = load_archive(root)
    ev = next(e for e in a.events if e.id == "ev-lt")
    assert sourced_level(a, ev).name == "绝密"
    assert not edition_test(a, "public")(ev) and not edition_test(a, "internal")(ev)
    assert "鹭汀七号联络站" in forbidden_strings(a, "public")
    assert "鹭汀七号联络站" in forbidden_strings(a, "internal")


def test_the_editions_and_the_scan_agree_on_every_event(tmp_path):
    """Whatever an event's sources: the edition holds it exactly when its name is no secret of that edition."""
    root = make_archive(tmp_path)
    write(root, "sources/bodies/lt.yaml", OPEN_BODY)
    write(root, "sources/documents/d-s.yaml", "id: d-s\ndate: 1988-05-01\ntitle: 关于设立联络机构的通知\n"
                                              "classification: 秘密\n")
    write(root, "sources/documents/d-n.yaml", "id: d-n\ndate: 1988-05-01\ntitle: 关于设立联络机构的批复\n"
                                              "classification: 内部\n")
    for sources in ("[d-1956-1]", "[d-s]", "[d-n]", "[d-s, d-n]", "[d-nowhere]", "[d-nowhere, d-1956-1]"):
        write(root, "sources/events/lt.yaml", _event(sources))
        a = load_archive(root)
        ev = next(e for e in a.events if e.id == "ev-lt")
        for edition in ("public", "internal"):
            held = edition_test(a, edition)(ev)
            assert held == ("鹭汀七号联络站" not in forbidden_strings(a, edition)), (sources, edition)
