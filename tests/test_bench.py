"""The benchmark's rebuild measures a real edit: a body's name changed in an events file, a fact every reader sees,
not a comment no page shows; and it leaves the project as it found it."""

import importlib.util
import sys

import pytest
from conftest import ROOT, digest, make_archive, with_theme

_spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench"] = bench
_spec.loader.exec_module(bench)


def test_the_edit_changes_one_name_an_event_gives(tmp_path):
    root = make_archive(tmp_path)
    path, edited, name = bench._name_edit(root)
    before = path.read_text(encoding="utf-8")
    assert path.parent.name == "events" or "events" in path.parts
    assert "基准" in name and name not in before and name in edited
    removed = [line for line in before.splitlines() if line not in edited.splitlines()]
    added = [line for line in edited.splitlines() if line not in before.splitlines()]
    assert len(removed) == len(added) == 1
    assert added[0].strip() == f"name: {name}"
    assert removed[0].strip().removeprefix("name: ") == name.replace("基准", "")


@pytest.mark.slow
def test_the_rebuild_stage_shows_the_edit_and_restores_the_project(tmp_path):
    root = with_theme(make_archive(tmp_path))
    sources = digest(root / "sources")
    chronicle = digest(root / "chronicle")
    info = bench._rebuild_stage(root)
    assert "基准" in info["edited"]
    assert 0 < info["pages rendered"] < info["pages"]   # incremental, and the edited pages were rendered anew
    assert info["rebuild cpu s"] > 0
    assert all(info[f"{stage} cpu"] >= 0 for stage in ("load+check", "derive+write", "search index", "leak scan"))
    assert 0 < info["total cpu"] <= info["rebuild cpu s"] + 0.5
    assert digest(root / "sources") == sources and digest(root / "chronicle") == chronicle


@pytest.mark.slow
def test_the_book_stage_edits_a_chapter_twice_and_restores_the_project(tmp_path):
    root = with_theme(make_archive(tmp_path))
    chronicle = digest(root / "chronicle")
    info = bench._book_stage(root)
    assert info["edited"].startswith("chronicle/") and info["chunks"] >= 2
    # the edited chapter's chunk is typeset again, and not every chunk of the book
    assert 1 <= info["chunks re-typeset"] <= info["chunks"]
    assert 1 <= info["chunks re-typeset then"] <= info["chunks"] + 1
    assert info["after edit s"] > 0 and info["after a mention and a note s"] > 0
    assert digest(root / "chronicle") == chronicle
