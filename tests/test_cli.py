"""The `zhi` command as an editor meets it: found from any sub-directory, Chinese help, exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import make_archive
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zhi.checks import run_checks
from zhi.loader import load_archive

ZHI = [sys.executable, "-m", "zhi.cli"]


def run(args, cwd, env=None):
    return subprocess.run(ZHI + args, cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})}, check=False)


def test_check_from_a_subdirectory(tmp_path):
    root = make_archive(tmp_path)
    proc = run(["check"], cwd=root / "sources" / "events")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "检查了" in proc.stdout and "错误 0 条" in proc.stdout


def test_outside_a_project_says_so_in_chinese(tmp_path):
    proc = run(["check"], cwd=tmp_path)
    assert proc.returncode == 2
    assert "找不到编纂项目" in proc.stderr and "Traceback" not in proc.stderr


def test_help_is_chinese(tmp_path):
    for args in (["--help"], ["check", "--help"]):
        proc = run(args, cwd=tmp_path)
        assert proc.returncode == 0
        assert "用法：" in proc.stdout and "显示本帮助并退出" in proc.stdout
        assert "usage:" not in proc.stdout and "show this help" not in proc.stdout


def test_json_output_is_a_list_of_findings(tmp_path):
    root = make_archive(tmp_path)
    (root / "sources" / "events" / "x.yaml").write_text("- id: ev-x\n  type: rename\n  date: 1960\n  body: nobody\n"
                                                         "  name: 某局\n", encoding="utf-8")
    proc = run(["check", "--format", "json"], cwd=root)
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert isinstance(data, list) and data
    codes = {(f["code"], f["line"]) for f in data}
    assert ("ref-unknown", 4) in codes and ("event-no-source", 1) in codes
    assert all(set(f) >= {"file", "line", "code", "severity", "message"} for f in data)


def test_all_findings_at_once(tmp_path):
    """Several independent errors in several files are all reported in one run."""
    root = make_archive(tmp_path)
    (root / "sources" / "bodies" / "a.yaml").write_text("id: a-1\nkind: 事业单位\nfoo: 1\n", encoding="utf-8")
    (root / "sources" / "people" / "b.yaml").write_text("- id: p-x\n  name: [1\n", encoding="utf-8")
    (root / "sources" / "documents" / "c.yaml").write_text("id: d-c\ndate: 1999-02-30\ntitle: 某文\n", encoding="utf-8")
    findings = run_checks(load_archive(root))
    got = {(f.loc.file, f.code) for f in findings}
    assert {("sources/bodies/a.yaml", "schema-unknown-key"), ("sources/bodies/a.yaml", "body-no-origin"),
            ("sources/people/b.yaml", "yaml-syntax"), ("sources/documents/c.yaml", "date-invalid")} <= got


def test_house_style_changes_severity(tmp_path):
    root = make_archive(tmp_path)
    (root / "sources" / "documents" / "x.yaml").write_text("id: d-x\nnumber: 测编(1991)1号\ndate: 1991\ntitle: 某文\n",
                                                           encoding="utf-8")
    assert run(["check"], cwd=root).returncode == 0  # docno-malformed is a warning by default
    (root / "sources" / "house-style.yaml").write_text("severity:\n  docno-malformed: 错误\n", encoding="utf-8")
    assert run(["check"], cwd=root).returncode == 1


yaml_chars = st.sampled_from(list("- :\n  []{}'\"#&*!|>%@`,?测试机构编制1984〔〕") +
                             ["id: ", "type: ", "merge", "date: ", "before: ", "after: ", "body: ", "sources: "])


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(yaml_chars, max_size=60).map("".join))
def test_loader_never_raises_on_garbage(tmp_path, text):
    root = Path(tmp_path) / "g"
    (root / "sources" / "events").mkdir(parents=True, exist_ok=True)
    (root / "sources" / "events" / "x.yaml").write_text(text, encoding="utf-8")
    findings = run_checks(load_archive(root))
    for f in findings:
        assert f.loc.file and f.code and f.message
