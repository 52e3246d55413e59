"""A rebuild after editors' edits of several kinds publishes, byte for byte, the site a build from scratch makes,
and nothing of a record raised to 秘密 stays behind in the public site."""

import zipfile
from pathlib import Path

import pytest
from conftest import digest, make_archive, varints, with_theme, write
from zhi.build import build_edition


def edit(root: Path) -> None:
    """A rename with a new source, a document raised to 秘密, a record deleted."""
    write(root, "sources/documents/d3.yaml",
          "- id: d-1992-5\n  number: 测编〔1992〕5号\n  issuer: 测试县机构编制委员会\n  date: 1992-04-20\n"
          "  title: 关于县计划经济委员会更名的通知\n")
    write(root, "sources/events/1992.yaml",
          "- id: ev-rename\n  type: rename\n  date: 1992-05\n  body: cs-jijingwei\n  name: 测试县计划委员会\n"
          "  short: 县计委\n  sources: [d-1992-5]\n")
    docs = root / "sources/documents/d2.yaml"
    text = docs.read_text(encoding="utf-8")
    assert "- id: d-1990-3\n" in text
    docs.write_text(text.replace("- id: d-1990-3\n", "- id: d-1990-3\n  classification: 秘密\n"), encoding="utf-8")
    (root / "sources/posts/posts.yaml").unlink()


@pytest.mark.slow
def test_rebuild_after_edits_of_every_kind_equals_a_clean_build(tmp_path):
    root = with_theme(make_archive(tmp_path))
    first = build_edition(root, pdf=False)
    assert first.timings["pages rendered"] == first.pages
    site = root / "site"
    before = digest(site)
    assert "wenjian/d-1990-3/index.html" in before
    assert "测编〔1990〕3号" in (site / "wenjian/index.html").read_text(encoding="utf-8")
    assert "王明" in (site / "jigou/cs-jijingwei/index.html").read_text(encoding="utf-8")

    edit(root)
    again = build_edition(root, pdf=False)
    assert again.timings["pages rendered"] < again.pages  # the rebuild was incremental
    incremental = digest(site)
    assert incremental != before
    # the edits are in the site: the new name and its source, no page and no 文号 of the raised document,
    # the deleted post gone from the body's page
    body = (site / "jigou/cs-jijingwei/index.html").read_text(encoding="utf-8")
    assert "测试县计划委员会" in body and "王明" not in body
    assert "wenjian/d-1992-5/index.html" in incremental
    assert "wenjian/d-1990-3/index.html" not in incremental
    for rel in incremental:
        if rel.endswith((".html", ".json", ".txt", ".csv", ".jsonld", ".xml")):
            text = (site / rel).read_text(encoding="utf-8", errors="replace")
            assert "测编〔1990〕3号" not in text and "关于调整县计划经济委员会编制的通知" not in text, rel

    # the workbook's sheets that did not change came from the sheet cache: none of them holds the raised document
    workbook = [rel for rel in incremental if rel.endswith(".xlsx")]
    assert workbook
    with zipfile.ZipFile(site / workbook[0]) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert len(sheets) > 3
        for n in sheets:
            assert "测编〔1990〕3号" not in z.read(n).decode("utf-8"), n
        assert any("测编〔1992〕5号" in z.read(n).decode("utf-8") for n in sheets)   # the new source is in
    assert list((root / ".cache" / "opendata" / "sheets").glob("*.xml"))

    clean = build_edition(root, pdf=False, out=tmp_path / "clean")
    assert clean.timings["pages rendered"] == clean.pages
    full = digest(tmp_path / "clean")
    assert sorted(full) == sorted(incremental)
    assert [rel for rel in full if full[rel] != incremental[rel]] == []



@pytest.mark.slow
def test_a_body_raised_to_secret_leaves_the_rebuilt_site_as_a_clean_build_leaves_it(tmp_path):
    """A body and the event that sets it up raised to 秘密 after a build: the rebuild takes its page away, and its
    name from every page (its superior's, the 年表, the indexes), every download and the search index, as a build
    from scratch does; nothing kept from the earlier build remains."""
    root = with_theme(make_archive(tmp_path))
    write(root, "sources/bodies/dangan.yaml", "id: cs-dangan\nkind: 政府工作部门\n")
    events = "- id: ev-dangan\n  type: establish\n  date: 1990-02\n  body: cs-dangan\n  name: 测试县档案管理局\n" \
             "  parent: cs-zhengfu\n  sources: [d-1956-1]\n"
    write(root, "sources/events/1990.yaml", events)
    build_edition(root, pdf=False)
    site = root / "site"
    assert "jigou/cs-dangan/index.html" in digest(site)
    assert "测试县档案管理局" in (site / "nianbiao/1990/index.html").read_text(encoding="utf-8")
    write(root, "sources/bodies/dangan.yaml", "id: cs-dangan\nkind: 政府工作部门\nclassification: 秘密\n")
    write(root, "sources/events/1990.yaml", events + "  classification: 秘密\n")

    again = build_edition(root, pdf=False)
    assert again.timings["pages rendered"] < again.pages  # the rebuild was incremental
    incremental = digest(site)
    assert "jigou/cs-dangan/index.html" not in incremental
    for rel in incremental:
        data = (site / rel).read_bytes()
        if rel.endswith(".xlsx"):
            with zipfile.ZipFile(site / rel) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        assert "档案管理局".encode() not in data and b"cs-dangan" not in data, rel

    build_edition(root, pdf=False, out=tmp_path / "clean")
    full = digest(tmp_path / "clean")
    assert sorted(full) == sorted(incremental)
    assert [rel for rel in full if full[rel] != incremental[rel]] == []


def _segment_files(site: Path) -> dict[str, list[str]]:
    """Each page's search segment files (by the page's URL), from the index's manifest."""
    import json

    m = json.loads((site / "search/index.json").read_text(encoding="utf-8"))
    urls = [e[0] for f in sorted((site / "search/p").glob("*.json"), key=lambda f: int(f.stem))
            for e in json.loads(f.read_text(encoding="utf-8"))]
    starts, ends = varints(m["starts"]), varints(m["ends"])
    return {url: [f"search/s/{k}.txt" for k in range(starts[i] + 1, ends[i])] for i, url in enumerate(urls)}


@pytest.mark.slow
def test_a_rebuild_after_one_record_edit_equals_a_cold_build_and_leaves_the_untouched_pages_search_files(tmp_path):
    """The edit bench.py times: a name an event gives a body, changed. The rebuilt site is the cold build's, byte for
    byte; the search segment files of every page whose HTML did not change are the same files as before."""
    root = with_theme(make_archive(tmp_path))
    build_edition(root, pdf=False)
    site = root / "site"
    before, segs_before = digest(site), _segment_files(site)
    events = root / "sources/events/1984.yaml"
    text = events.read_text(encoding="utf-8")
    assert "name: 测试县物价局\n" in text
    events.write_text(text.replace("name: 测试县物价局\n", "name: 测试县物价检查局\n"), encoding="utf-8")

    again = build_edition(root, pdf=False)
    assert again.timings["pages rendered"] < again.pages  # the rebuild was incremental
    incremental = digest(site)
    assert "测试县物价检查局" in (site / "nianbiao/1984/index.html").read_text(encoding="utf-8")
    unchanged = [url for url in segs_before if before.get(url + "index.html") == incremental.get(url + "index.html")]
    assert len(unchanged) > len(segs_before) // 2
    segs_after = _segment_files(site)
    for url in unchanged:
        assert segs_after[url] == segs_before[url], url
        assert all(before[f] == incremental[f] for f in segs_after[url]), url

    build_edition(root, pdf=False, out=tmp_path / "clean")
    full = digest(tmp_path / "clean")
    assert sorted(full) == sorted(incremental)
    assert [rel for rel in full if full[rel] != incremental[rel]] == []
