"""保密观 and 考异 (tester's C7): a 考异 whose every dissenting source an edition withholds is withheld with them
(printed, it tells readers that a source they cannot see exists); where some dissent is open, only the open
dissent is shown. ``zhi check`` tells the editor which editions drop the 考异.

The facts are those of tests/fixtures/kaoyi (《建党90年正宁大事记》, with the fictional 《测试县志》); the two
withheld sources added here are fictional."""

import re
import shutil

import pytest
from conftest import ROOT, TESTS, make_archive, write
from zhi.build import build_edition
from zhi.checks import run_checks
from zhi.editions import filter_archive
from zhi.history import derive_history
from zhi.leaks import file_text
from zhi.loader import load_archive

OVERLAY = TESTS / "fixtures" / "kaoyi"
ONLY_INTERNAL = "CANARYKYA从大事记所记名称"        # 考异 of a dissent only an internal document gives
ONLY_SECRET = "CANARYKYB所记14名含借调人员"        # 考异 of a dissent only a secret document gives
SOME_OPEN = "CANARYKYC系清产核资完毕之月"           # 考异 of dissents one open and one secret
INTERNAL_TITLE = "关于CANARYKYDOCI招生机构的情况汇报"
SECRET_TITLE = "关于CANARYKYDOCS编制调整的请示"

WITHHELD_DOCS = f"""
- id: d-ky-neibu
  issuer: 测试县革命委员会
  date: 1966-08
  title: {INTERNAL_TITLE}
  classification: 内部
- id: d-ky-mimi
  issuer: 测试县编委
  date: 1984-03
  title: {SECRET_TITLE}
  classification: 秘密★10年
"""


def plant(root):
    write(root, "sources/documents/withheld.yaml", WITHHELD_DOCS)
    ev = root / "sources/events/1966.yaml"
    text = ev.read_text(encoding="utf-8")
    # the 招生 body: its only dissent (another name) is in an internal document
    text = text.replace("    - {doc: d-cs-xianzhi, name: 县招生办公室}      # another name: dissent, no 考异 yet",
                        f"    - {{doc: d-ky-neibu, name: 县招生办公室}}\n  conflict_note: {ONLY_INTERNAL}，取县招生委员会。")
    # the 木材公司: one open dissent (《测试县志》) and one secret
    text = text.replace("    - {doc: d-cs-xianzhi, date: 1966-08, page: 52}   # contradictory date: dissent",
                        "    - {doc: d-cs-xianzhi, date: 1966-08, page: 52}\n    - {doc: d-ky-mimi, date: 1966-09}")
    text = text.replace("《测试县志》记为8月，系清产核资完毕之月", f"《测试县志》记为8月，{SOME_OPEN}")
    ev.write_text(text, encoding="utf-8")
    ev = root / "sources/events/1984.yaml"
    text = ev.read_text(encoding="utf-8")
    # the 计经委: its only dissent (a figure) is in a secret document
    text = text.replace("{doc: d-cs-xianzhi, figures: {行政编制: 14}, name: 县计经委}",
                        "{doc: d-ky-mimi, figures: {行政编制: 14}}")
    text = text.replace("《测试县志》所记14名含借调人员", ONLY_SECRET)
    ev.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    r = plant(make_archive(tmp_path_factory.mktemp("kaoyi-secret"), OVERLAY))
    shutil.copytree(ROOT / "theme", r / "theme")
    shutil.copy(ROOT / "mkdocs.yml", r / "mkdocs.yml")
    book = r / "chronicle" / "book.yaml"
    book.write_text(book.read_text(encoding="utf-8") + "kaoyi: true\n", encoding="utf-8")
    return r


def texts(out) -> dict[str, str]:
    found = {}
    for p in sorted(out.rglob("*")):
        t = file_text(p) if p.is_file() else None
        if t is not None:
            found[p.relative_to(out).as_posix()] = re.sub(r"\s+", "", t).replace("\u2060", "")
    return found


def test_check_says_which_editions_drop_the_kaoyi(root):
    found = [f for f in run_checks(load_archive(root)) if f.code == "kaoyi-withheld"]
    by_record = {re.search(r"“(ev-[^”]+)”", f.message).group(1): f for f in found}
    assert set(by_record) == {"ev-1966-zhaosheng", "ev-jjw"}, [f.as_text() for f in found]
    zs, jjw = by_record["ev-1966-zhaosheng"], by_record["ev-jjw"]
    assert "公开版不印" in zs.message and "内部版" not in zs.message and "d-ky-neibu（内部）" in zs.message
    assert "公开版和内部版不印" in jjw.message and "d-ky-mimi（秘密★10年）" in jjw.message
    lines = (root / "sources/events/1966.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[zs.loc.line - 1].startswith("- id: ev-1966-zhaosheng") and zs.loc.file == "sources/events/1966.yaml"
    assert zs.severity == "warning" and all(f.severity != "error" for f in run_checks(load_archive(root)))


def test_editions_keep_a_kaoyi_only_where_its_dissent_is_held(root):
    a = load_archive(root)
    h = derive_history(a)
    for edition, kept in (("public", {"ev-1966-mucai"}), ("internal", {"ev-1966-mucai", "ev-1966-zhaosheng"})):
        ed = filter_archive(a, edition, h)
        notes = {e.id for e in ed.events if e.conflict_note}
        assert notes == kept, edition
    assert {e.id for e in filter_archive(a, "public").events if e.conflict_note} == {"ev-1966-mucai"}  # h derived
    # the whole archive is never changed by an edition
    assert sum(1 for e in a.events if e.conflict_note) == 3


@pytest.fixture(scope="module")
def public(root):
    return build_edition(root, "public", pdf=False)


def test_public_site_kaoyi_page_and_open_data_hold_no_withheld_kaoyi(root, public):
    found = texts(public.out)
    kinds = {p.rsplit(".", 1)[-1] for p in found}
    assert {"html", "csv", "jsonld"} <= kinds, kinds
    for canary in (ONLY_INTERNAL, ONLY_SECRET, INTERNAL_TITLE, SECRET_TITLE):
        hits = [p for p, t in found.items() if canary in t]
        assert hits == [], f"{canary} in {hits[:4]}"
    # the 考异 with an open dissent is printed with that dissent only, in the 大事记 note and on the 考异 page
    kaoyi_page = found["kaoyi/index.html"]
    assert SOME_OPEN in kaoyi_page and "另据《测试县志》" in kaoyi_page
    assert "1966年9月" not in kaoyi_page
    assert any(SOME_OPEN in t for p, t in found.items() if p.startswith("dashiji/"))
    assert any(SOME_OPEN in t for p, t in found.items() if p.endswith(".csv"))
    # the facts whose 考异 is withheld are still printed, without any note or 考异
    dashiji = "".join(t for p, t in found.items() if p.startswith("dashiji/") and p.endswith(".html"))
    assert "成立县招生委员会" in dashiji or "设立县招生委员会" in dashiji
    assert "考异：取县招生委员会" not in dashiji and "称县招生办公室" not in dashiji


def test_book_appendix_holds_no_withheld_kaoyi(root):
    from zhi.writers.book import BookWriter

    a = load_archive(root)
    for edition, absent, present in (("public", (ONLY_INTERNAL, ONLY_SECRET), SOME_OPEN),
                                     ("internal", (ONLY_SECRET,), ONLY_INTERNAL)):
        ed = filter_archive(a, edition)
        book = BookWriter(ed, derive_history(ed), root / "theme", edition)
        rows = "".join(str(x) for row in book.kaoyi_rows() for x in row)
        notes = "".join(t for en in book.entries for t in en.note_texts())
        for canary in absent:
            assert canary not in rows and canary not in notes, (edition, canary)
        assert present in rows + notes, edition


def test_a_source_conflict_names_the_level_of_a_secret_reading(tmp_path):
    """Tester run 2 (C4): a public and a secret staffing record of one body, one day, one source differ; the
    warning printed the secret figure (919) in the editor's terminal as if it were any other reading."""
    root = make_archive(tmp_path)
    write(root, "sources/documents/mi.yaml", "- id: d-mi\n  issuer: 测试县编委\n  date: 1990-06\n"
          "  title: 关于编制调整的请示\n  classification: 秘密\n")
    write(root, "sources/staffing/mi.yaml",
          "- body: cs-jijingwei\n  date: 1990-06-01\n  basis: 核定\n  figures: {行政编制: 919}\n  sources: [d-1990-3]\n"
          "  classification: 秘密\n"
          "- body: cs-jijingwei\n  date: 1990-12-31\n  basis: 实有\n  figures: {行政编制: 9}\n"
          "  sources: [d-1990-3, {doc: d-mi, figures: {行政编制: 11}}]\n")
    found = [f.message for f in run_checks(load_archive(root)) if f.code == "source-conflict"]
    same_day = [m for m in found if "919" in m]
    assert len(same_day) == 1
    assert re.search(r"行政编制919名（d-1990-3）（秘密来源", same_day[0])
    assert re.search(r"行政编制10名[^；]*（d-1990-3）(?!（)", same_day[0])   # the open reading is not marked
    dissent = [m for m in found if "11" in m and "d-mi" in m]
    assert len(dissent) == 1 and re.search(r"d-mi 记为[^；]*11名（秘密来源", dissent[0])


@pytest.mark.parametrize("level, dropped", [("秘密", ("public", "internal")), ("内部", ("public",))])
def test_a_kaoyi_about_another_records_withheld_figures_is_withheld(tmp_path, level, dropped):
    """Found attacking: two staffing records of one body, date and basis, the other one secret; the open one's
    考异 (why its figure is followed) was printed in the open data with no other reading beside it."""
    root = make_archive(tmp_path)
    write(root, "sources/staffing/rival.yaml", f"""
- id: st-open
  body: cs-jijingwei
  date: 1992-03
  basis: 核定
  figures: {{行政编制: 11}}
  sources: [d-1990-3]
  conflict_note: CANARYRIVAL另一记录所记系草案数；从县编委文件。
- id: st-other
  body: cs-jijingwei
  date: 1992-03
  basis: 核定
  figures: {{行政编制: 13}}
  sources: [d-1990-3]
  classification: {level}
""")
    a = load_archive(root)
    h = derive_history(a)
    for edition in ("public", "internal"):
        notes = [s.conflict_note for s in filter_archive(a, edition, h).staffing if s.id == "st-open"]
        assert notes == ([""] if edition in dropped else ["CANARYRIVAL另一记录所记系草案数；从县编委文件。"]), edition
    found = [f for f in run_checks(a, history=h) if f.code == "kaoyi-withheld"]
    assert len(found) == 1 and "st-other（" + level in found[0].message, [f.as_text() for f in found]
    assert ("公开版和内部版不印" if len(dropped) == 2 else "公开版不印") in found[0].message
