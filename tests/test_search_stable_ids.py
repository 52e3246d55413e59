"""An edit to one page's text leaves every other page's search segments where they were (writers/search.py ROOM):
a rebuild writes, and the leak scan reads again, the changed page's segment files only, and the index equals the
one a build from scratch writes."""

from zhi.writers.search import SEG, PageText, write_index


def _pages(middle: str) -> list[PageText]:
    return [PageText("jigou/a/", "甲局", "甲局的沿革。" * 150),
            PageText("jigou/b/", "乙局", middle),
            PageText("jigou/c/", "丙局", "丙局的沿革，设于某年。" * 130)]


def _files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_page_that_grows_by_a_segment_leaves_the_other_pages_segment_files_as_they_were(tmp_path):
    site = tmp_path / "site"
    write_index(site, _pages("乙局的沿革。" * 20))
    before = {k: v for k, v in _files(site / "search" / "s").items()}
    stamps = {p.name: p.stat().st_mtime_ns for p in (site / "search" / "s").iterdir()}
    grown = "乙局的沿革。" * 20 + "乙局后来更名。" * (SEG // 7 + 2)   # one segment more
    write_index(site, _pages(grown))
    after = _files(site / "search" / "s")
    for name, data in before.items():
        if "甲局" in data.decode() or "丙局" in data.decode():
            assert after.get(name) == data, name
            assert (site / "search" / "s" / name).stat().st_mtime_ns == stamps[name], name   # not rewritten
    assert any("乙局后来更名" in v.decode() for v in after.values())
    # the same index as one written from scratch
    cold = tmp_path / "cold"
    write_index(cold, _pages(grown))
    assert _files(cold / "search") == _files(site / "search")
