"""Two editors add events to the same year file: with the merge driver set up as scripts/setup.sh does, git
merges them record by record; changes to the same record still conflict, and plain git conflicts without it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_archive
from zhi.checks import run_checks
from zhi.gitmerge import merge_texts
from zhi.loader import load_archive

# Two real establishments from 金溪县志 (档案机构设置, http://meta.librarydata.cn/metainfo?metaID=140220020210002040):
# 县档案局成立 1981年12月; 1985年12月4日恢复, 与县档案馆合署办公 (here as the test archive's own bodies).
OURS_EVENT = """
- id: ev-1981-danganju
  type: establish
  date: 1981-12
  body: cs-danganju
  name: 测试县档案局
  parent: cs-zhengfu
  sources: [d-1956-1]
"""
THEIRS_EVENT = """
- id: ev-1985-danganguan
  type: establish
  date: 1985-12-04
  body: cs-danganguan
  name: 测试县档案馆
  parent: cs-zhengfu
  sources: [d-1956-1]
"""


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_AUTHOR_NAME": "编辑甲", "GIT_AUTHOR_EMAIL": "a@example.org",
           "GIT_COMMITTER_NAME": "编辑甲", "GIT_COMMITTER_EMAIL": "a@example.org",
           "PYTHONPATH": str(ROOT / "scripts")}
    return subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=root, env=env, capture_output=True,
                          text=True, check=check)


def repo(tmp_path: Path, driver: bool) -> Path:
    root = make_archive(tmp_path)
    (root / ".gitattributes").write_text((ROOT / ".gitattributes").read_text(encoding="utf-8"), encoding="utf-8")
    git(root, "init", "-q")
    if driver:  # what scripts/setup.sh writes, with this interpreter instead of .venv/bin/zhi
        setup = (ROOT / "scripts/setup.sh").read_text(encoding="utf-8")
        assert 'merge.zhi-records.driver ".venv/bin/zhi merge-records %O %A %B %P"' in setup
        git(root, "config", "merge.zhi-records.driver", f"'{sys.executable}' -m zhi.cli merge-records %O %A %B %P")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "档案")
    return root


def add_on_branch(root: Path, branch: str, text: str, start: str = "main") -> None:
    git(root, "checkout", "-q", "-b", branch, start)
    path = root / "sources/events/1984.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    git(root, "commit", "-qam", branch)


def two_editors(root: Path, ours: str, theirs: str) -> subprocess.CompletedProcess:
    add_on_branch(root, "jia", ours)
    add_on_branch(root, "yi", theirs)
    git(root, "checkout", "-q", "jia")
    return git(root, "merge", "-q", "--no-edit", "yi", check=False)


@pytest.mark.parametrize("driver", [True, False])
def test_two_editors_adding_events_to_one_year_file(tmp_path, driver):
    root = repo(tmp_path, driver)
    merged = two_editors(root, OURS_EVENT, THEIRS_EVENT)
    text = (root / "sources/events/1984.yaml").read_text(encoding="utf-8")
    if not driver:  # git's line merge: both appended at the end of the file, a conflict
        assert merged.returncode != 0 and "<<<<<<<" in text
        return
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert "<<<<<<<" not in text
    assert text.index("ev-jjw") < text.index("ev-1981-danganju") < text.index("ev-1985-danganguan")
    a = load_archive(root)
    ids = [e.id for e in a.events]
    assert {"ev-1981-danganju", "ev-1985-danganguan", "ev-jjw"} <= set(ids) and len(ids) == len(set(ids))
    assert not [f for f in run_checks(a) if f.code.startswith(("yaml", "id-"))]


def test_both_editors_changing_one_record_still_conflict(tmp_path):
    root = repo(tmp_path, True)
    path = root / "sources/events/1984.yaml"
    original = path.read_text(encoding="utf-8")
    for branch, date in (("jia", "1984-03-13"), ("yi", "1984-03-14")):
        git(root, "checkout", "-q", "-b", branch, "main")
        path.write_text(original.replace("date: 1984-03-12", f"date: {date}", 1), encoding="utf-8")
        git(root, "commit", "-qam", branch)
    git(root, "checkout", "-q", "jia")
    merged = git(root, "merge", "-q", "--no-edit", "yi", check=False)
    text = path.read_text(encoding="utf-8")
    assert merged.returncode != 0
    assert "<<<<<<<" in text and "1984-03-13" in text and "1984-03-14" in text


def test_record_merge_rules():
    base = "# 1984年\n\n- id: a\n  type: x\n\n- id: b\n  type: y\n"
    ours = base.replace("type: y", "type: Y") + "\n- id: c\n  type: z\n"
    theirs = base.replace("- id: a\n  type: x\n\n", "") + "\n- id: d\n  type: w\n"
    merged = merge_texts(base, ours, theirs)
    # their deletion of a (untouched by us), our change of b, both additions, the heading comment kept
    assert merged == "# 1984年\n\n- id: b\n  type: Y\n\n- id: c\n  type: z\n\n- id: d\n  type: w\n"
    # deleted on one side, changed on the other: a conflict
    assert merge_texts(base, base.replace("type: x", "type: X"), theirs) is None
    # a file that is not a list of records (a body) is left to git
    assert merge_texts("id: a\nname: 甲\n", "id: a\nname: 乙\n", "id: a\nname: 甲\nnote: x\n") is None
    # the same id twice is not guessed at
    assert merge_texts(base, base + "\n- id: a\n  type: q\n", theirs) is None
