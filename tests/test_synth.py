"""The synthetic archive generator: valid archives, every event type, byte-identical for a seed."""

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from zhisynth import generate

ROOT = Path(__file__).resolve().parent.parent
ALL_TYPES = {"establish", "rename", "merge-new", "merge-into", "split", "abolish", "transfer", "reparent",
             "rejurisdiction", "rerank", "add-name", "drop-name", "staffing"}


def check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zhi.cli", "--root", str(root), "check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(ROOT / "scripts")},
                          check=False)


def tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def scale1(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "s1"
    return out, generate(out, 1.0, 1)


def test_scale1_checks_clean_and_has_every_event_type(scale1):
    out, counts = scale1
    res = check(out)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert "错误 0 条" in res.stdout
    assert ALL_TYPES <= {t for t, n in counts["event_types"].items() if n > 0}, counts["event_types"]
    assert counts["jurisdictions"] == 2
    assert 120 <= counts["bodies"] <= 170 and 380 <= counts["events"] <= 560, counts
    assert counts["transcriptions"] > 0 and counts["chapters"] >= 15
    assert (out / "chronicle" / "book.yaml").is_file() and (out / "mkdocs.yml").is_file()
    assert (out / "theme").is_dir()


def test_small_scale_checks_clean(tmp_path):
    out = tmp_path / "s03"
    counts = generate(out, 0.3, 5)
    res = check(out)
    assert res.returncode == 0, res.stdout[-3000:]
    assert counts["events"] > 50


def test_same_seed_same_bytes_other_seed_differs(tmp_path, scale1):
    out, _ = scale1
    again = tmp_path / "again"
    generate(again, 1.0, 1)
    assert tree_hash(out) == tree_hash(again)
    other = tmp_path / "other"
    generate(other, 1.0, 2)
    assert tree_hash(out) != tree_hash(other)


def test_no_sample_place_names_in_output(scale1):
    out, _ = scale1
    text = "".join(p.read_text(encoding="utf-8") for p in (out / "sources").rglob("*.yaml"))
    for name in ("临水", "河东", "望川", "北山", "青澜", "云河", "澜西", "澜川", "沧澜", "东岭"):
        assert name not in text
