"""One deliberately broken archive per check: `zhi check` names the exact file, line and code."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import TESTS, make_archive
from zhi.checks.codes import CODES

BROKEN = sorted(p for p in (TESTS / "fixtures" / "broken").iterdir() if p.is_dir())


def run_check(root: Path, *extra: str) -> tuple[int, list[dict]]:
    proc = subprocess.run([sys.executable, "-m", "zhi.cli", "--root", str(root), "check", "--format", "json", "--all",
                           *extra], capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def test_base_archive_is_clean(tmp_path):
    code, findings = run_check(make_archive(tmp_path))
    assert findings == []
    assert code == 0


@pytest.mark.parametrize("fixture", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_fixture_reports_code_and_line(tmp_path, fixture):
    expected = yaml.safe_load((fixture / "expect.yaml").read_text(encoding="utf-8"))
    assert expected, "every fixture states what it must produce"
    code, findings = run_check(make_archive(tmp_path, fixture))
    got = {(f["file"], f["line"], f["code"]) for f in findings}
    for exp in expected:
        assert (exp["file"], exp["line"], exp["code"]) in got, f"expected {exp}, got {sorted(got)}"
    expect_error = any(CODES[e["code"]][0] == "error" for e in expected)
    assert code == (1 if expect_error else 0)
    for f in findings:
        assert f["message"] and all(k in f for k in ("file", "line", "code", "severity", "message"))


def test_every_error_code_has_a_fixture():
    covered = set()
    for fixture in BROKEN:
        covered |= {e["code"] for e in yaml.safe_load((fixture / "expect.yaml").read_text(encoding="utf-8"))}
    # codes that are hard to provoke from a small archive are listed here explicitly
    not_yet = {"layout-missing", "book-missing", "leak", "layout-unknown", "file-empty", "schema-value", "id-invalid",
               "parent-wrong-kind", "body-no-jurisdiction", "parent-conflict", "jurisdiction-conflict",
               "rank-conflict", "kind-conflict", "second-name-twice", "jurisdiction-out-of-scope",
               "doc-uncited", "post-outside-lifespan", "staffing-empty"}
    missing = {c for c in CODES if c not in covered and c not in not_yet}
    assert not missing, f"codes without a broken fixture: {sorted(missing)}"
