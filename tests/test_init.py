"""zhi init: a new chronicle started from nothing, as the README tells a new 编办 to start (a tester typing
《平度县志》 found that `zhi new` in an empty folder failed and `zhi build` failed until theme/ and mkdocs.yml were
copied by hand, with a message blaming the program)."""

import os
import subprocess
import sys
from pathlib import Path

from zhi.build import BuildError, build_edition

ZHI = [sys.executable, "-m", "zhi.cli"]


def run(args, cwd):
    return subprocess.run(ZHI + args, cwd=cwd, capture_output=True, text=True, timeout=300, env=dict(os.environ),
                          check=False)


def test_outside_a_project_the_message_points_to_zhi_init(tmp_path):
    proc = run(["new", "行政区划"], cwd=tmp_path)
    assert proc.returncode == 2 and "zhi init" in proc.stderr and "Traceback" not in proc.stderr


def test_a_new_project_checks_and_builds_from_its_first_record(tmp_path):
    dest = tmp_path / "新志"
    proc = run(["init", str(dest), "--title", "甲县机构编制志", "--upper", "1949", "--lower", "1990"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "zhi new 行政区划" in proc.stdout
    for rel in ("sources/bodies", "sources/events", "sources/documents", "sources/jurisdictions"):
        assert (dest / rel).is_dir(), rel
    assert not (dest / "theme").exists()   # built with the running zhi's layouts, so a newer zhi's reach it
    book = (dest / "chronicle/book.yaml").read_text(encoding="utf-8")
    assert 'title: "甲县机构编制志"' in book and "upper: 1949" in book and "lower: 1990" in book
    assert 'site_name: "甲县机构编制志"' in (dest / "mkdocs.yml").read_text(encoding="utf-8")
    # the 凡例 to be written is a finding, never printed silently
    proc = run(["check"], cwd=dest)
    assert proc.returncode == 0, proc.stdout
    assert "chronicle/fanli.md:8" in proc.stdout and "[chapter-placeholder]" in proc.stdout
    # the editor's first records, as zhi new writes them and the guide says to fill them in
    assert run(["new", "行政区划", "--date", "1949-10"], cwd=dest).returncode == 0
    assert run(["new", "文件", "--date", "1949-10"], cwd=dest).returncode == 0
    doc = next((dest / "sources/documents").rglob("*.yaml"))
    text = doc.read_text(encoding="utf-8")
    for key, value in (("number", "省府〔1949〕12号"), ("issuer", "某省人民政府"), ("title", "关于设立甲县的通知")):
        line = next(ln for ln in text.splitlines() if ln.startswith(f"{key}:"))
        text = text.replace(line, f"{key}: {value}")
    doc.write_text(text, encoding="utf-8")
    ev = dest / "sources/events/1949.yaml"
    text = ev.read_text(encoding="utf-8")
    name = next(ln for ln in text.splitlines() if ln.strip().startswith("name:"))
    srcs = next(ln for ln in text.splitlines() if ln.strip().startswith("sources:"))
    ev.write_text(text.replace(name, "  name: 甲县").replace(srcs, f"  sources: [{doc.stem}]"), encoding="utf-8")
    proc = run(["check"], cwd=dest)
    assert "错误 0 条" in proc.stdout, proc.stdout
    res = build_edition(dest, pdf=False)
    assert "甲县" in (res.out / "index.html").read_text(encoding="utf-8")


def test_init_never_overwrites(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "笔记.txt").write_text("x", encoding="utf-8")
    proc = run(["init", str(tmp_path / "old"), "--title", "甲县志", "--upper", "1949", "--lower", "1990"], cwd=tmp_path)
    assert proc.returncode == 2 and "不是空文件夹" in proc.stderr
    assert sorted(p.name for p in (tmp_path / "old").iterdir()) == ["笔记.txt"]
    proc = run(["init", str(tmp_path / "n"), "--title", "甲县志", "--upper", "1990", "--lower", "1949"], cwd=tmp_path)
    assert proc.returncode == 2 and "早于上限" in proc.stderr


def test_build_without_site_settings_says_what_is_missing(tmp_path):
    dest = tmp_path / "p"
    assert run(["init", str(dest), "--title", "甲县志", "--upper", "1949", "--lower", "1990"], cwd=tmp_path).returncode == 0
    (dest / "mkdocs.yml").unlink()
    try:
        build_edition(dest, pdf=False)
    except BuildError as e:
        assert "缺少网站设置 mkdocs.yml" in str(e)
    else:
        raise AssertionError("a project without mkdocs.yml was built")


def test_a_project_with_its_own_theme_uses_it_and_one_without_uses_zhis():
    from conftest import ROOT
    from zhi.project import theme_dir

    assert theme_dir(ROOT) == ROOT / "theme"
    assert theme_dir(Path("/nonexistent/project")) == ROOT / "theme"


def test_the_fanli_of_a_historical_volume_and_a_moved_lower_limit(tmp_path):
    """6 (《槐荫区志》 tester): zhi init --upper 1948 --lower 1960 wrote 凡例 “……的历史与现状”, and after book.yaml's lower
    became 1989 the book still printed 1960 with nothing said. A past volume's 凡例 says 沿革; a 凡例 whose stated range
    differs from book.yaml is a warning naming file and line."""
    dest = tmp_path / "槐荫"
    assert run(["init", str(dest), "--title", "槐荫区区级机构志", "--upper", "1948", "--lower", "1960"],
               cwd=tmp_path).returncode == 0
    fanli = (dest / "chronicle/fanli.md").read_text(encoding="utf-8")
    assert "1948年至1960年机构编制的沿革" in fanli and "现状" not in fanli
    assert "[fanli-range]" not in run(["check"], cwd=dest).stdout
    book = dest / "chronicle/book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("lower: 1960", "lower: 1989"), encoding="utf-8")
    out = run(["check"], cwd=dest).stdout
    assert "chronicle/fanli.md:8" in out and "[fanli-range]" in out and "1948年至1960年" in out and "1989年" in out
