"""The leak scan's verdicts kept between builds (buildcache.py) are keyed on a file's bytes, the scanner's code and
the forbidden strings: a file is skipped only when all three are as they were when it was found clean."""

import os
from pathlib import Path

from zhi import buildcache, leaks
from zhi.leaks import fingerprint, scan

NAME = "鹭汀七号联络站"
FORBIDDEN = {"白鹭九号联络站": "机构（机密）"}


def _site(tmp_path: Path, text: str) -> Path:
    site = tmp_path / "site"
    (site / "jigou").mkdir(parents=True, exist_ok=True)
    (site / "jigou" / "index.html").write_text(f"<p>{text}</p>\n", encoding="utf-8")
    return site


def test_a_file_changed_behind_the_same_size_and_time_is_scanned_again(tmp_path):
    site = _site(tmp_path, "县人民政府办公")
    page = site / "jigou" / "index.html"
    clean: dict = {}
    assert scan(site, FORBIDDEN, "public", clean) == []
    assert "jigou/index.html" in clean
    st = page.stat()
    page.write_text("<p>白鹭九号联络站</p>\n", encoding="utf-8")   # the same length in bytes
    assert page.stat().st_size == st.st_size
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))          # and the same time: a copy, a restore, a checkout
    found = scan(site, FORBIDDEN, "public", clean)
    assert [(x.file, x.what) for x in found] == [("jigou/index.html", "白鹭九号联络站")]
    assert "jigou/index.html" not in clean


def test_a_secret_name_added_to_a_record_is_found_in_a_page_the_rebuild_did_not_rewrite(tmp_path):
    site = _site(tmp_path, f"{NAME}（公开时写入的页面）")
    fp = fingerprint(FORBIDDEN, "public")
    clean: dict = {}
    assert scan(site, FORBIDDEN, "public", buildcache.verdicts({}, fp, False) or clean) == []
    state = {"fingerprint": fp, "clean": clean}
    assert buildcache.verdicts(state, fp, False) == clean   # nothing changed: the verdict stands, the page is skipped
    # the editor raises the body to 机密: the page is not rewritten, but the forbidden strings changed
    forbidden = {**FORBIDDEN, NAME: "机构（机密）"}
    kept = buildcache.verdicts(state, fingerprint(forbidden, "public"), False)
    assert kept == {}
    found = scan(site, forbidden, "public", kept)
    assert [(x.file, x.what) for x in found] == [("jigou/index.html", NAME)]


def test_a_change_to_the_scanner_s_code_voids_every_verdict(tmp_path, monkeypatch):
    fp = fingerprint(FORBIDDEN, "public")
    state = {"fingerprint": fp, "clean": {"jigou/index.html": "0" * 40}}
    monkeypatch.setattr(leaks, "scanner_digest", lambda: "another scanner")
    assert buildcache.verdicts(state, fingerprint(FORBIDDEN, "public"), False) == {}


def test_verdicts_kept_by_file_times_by_an_older_zhi_are_not_taken():
    fp = fingerprint(FORBIDDEN, "public")
    assert buildcache.verdicts({"fingerprint": fp, "clean": {"a.html": [120, 1700000000]}}, fp, False) == {}
    assert buildcache.verdicts({"fingerprint": fp, "clean": {"a.html": "ab"}}, fp, True) == {}


def _workbook(path: Path, sheets: dict[str, str]) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        for name, text in sheets.items():
            z.writestr(f"xl/worksheets/{name}.xml", f"<worksheet><c><is><t>{text}</t></is></c></worksheet>")


def test_a_workbook_is_read_again_only_in_its_changed_sheets_and_a_leak_there_is_found(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "shuju").mkdir(parents=True)
    book = site / "shuju" / "data.xlsx"
    _workbook(book, {"sheet1": "县人民政府办公室", "sheet2": "县财政局"})
    clean: dict = {}
    assert scan(site, FORBIDDEN, "public", clean) == []
    assert sorted(k for k in clean if not k.startswith(leaks.NAME_KEY)) == [
        "shuju/data.xlsx!xl/worksheets/sheet1.xml", "shuju/data.xlsx!xl/worksheets/sheet2.xml"]
    read = []
    monkeypatch.setattr(leaks, "_part_text", lambda data, real=leaks._part_text: read.append(data) or real(data))
    _workbook(book, {"sheet1": "县人民政府办公室", "sheet2": "县财政局、白鹭九号联络站"})
    found = scan(site, FORBIDDEN, "public", clean)
    assert [(x.file, x.what) for x in found] == [("shuju/data.xlsx", "白鹭九号联络站")]
    assert len(read) == 1 and "白鹭九号联络站" in read[0].decode()   # the unchanged sheet was not read again
    # the same leak in the sheet that did not change, with the forbidden strings changed: found there too
    _workbook(book, {"sheet1": "县人民政府办公室", "sheet2": "县财政局"})
    assert scan(site, FORBIDDEN, "public", clean) == []
    found = scan(site, {**FORBIDDEN, "县人民政府办公室": "机构（机密）"}, "public", {})
    assert [(x.file, x.what) for x in found] == [("shuju/data.xlsx", "县人民政府办公室")]


def test_a_workbook_that_is_no_zip_is_refused_not_passed(tmp_path):
    site = tmp_path / "site"
    (site / "shuju").mkdir(parents=True)
    (site / "shuju" / "data.xlsx").write_bytes(b"\x00not a zip")
    found = scan(site, FORBIDDEN, "public", {})
    assert [(x.file, x.what) for x in found] == [("shuju/data.xlsx", "无法读取的文件")]


def test_file_names_found_clean_are_kept_and_a_new_name_is_read(tmp_path):
    site = _site(tmp_path, "县人民政府办公")
    clean: dict = {}
    assert scan(site, FORBIDDEN, "public", clean) == []
    assert leaks.NAME_KEY + "jigou/" in clean and leaks.NAME_KEY + "jigou/index.html" in clean
    (site / "白鹭九号联络站").mkdir()
    (site / "白鹭九号联络站" / "index.html").write_text("<p>县财政局</p>\n", encoding="utf-8")
    found = scan(site, FORBIDDEN, "public", clean)
    assert [(x.file, x.what) for x in found] == [("白鹭九号联络站", "白鹭九号联络站")]
    assert leaks.NAME_KEY + "白鹭九号联络站/" not in clean
