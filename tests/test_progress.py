"""Progress of long work: one line per stage on a non-terminal (CI, a pipe), a live bar on a terminal."""

import io
import re
import subprocess
import sys

from conftest import ROOT, make_archive, with_theme
from zhi.progress import QUIET, Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_pipe_gets_one_line_per_stage_with_count_and_time():
    out = io.StringIO()
    p = Progress.for_stream(out)
    assert not p.bar
    with p.stage("排版志书", total=3, unit="块") as st:
        for _ in range(3):
            st.update()
        st.set_note("另有 2 块取自缓存")
    st = p.begin("渲染网站")
    st.update(40)
    st.unit = "页"
    st.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and "\r" not in out.getvalue()
    assert re.fullmatch(r"\[zhi\] 排版志书：3 块，用时 \d+\.\d 秒，另有 2 块取自缓存", lines[0]), lines[0]
    assert re.fullmatch(r"\[zhi\] 渲染网站：40 页，用时 \d+\.\d 秒", lines[1]), lines[1]


def test_an_unfinished_count_is_shown_as_done_of_total():
    out = io.StringIO()
    with Progress(out).stage("导入", total=5, unit="个文件") as st:
        st.update(2)
    assert "导入：2/5 个文件，用时" in out.getvalue()


def test_a_terminal_gets_a_bar_with_the_time_left_then_the_stage_line():
    out = Terminal()
    p = Progress.for_stream(out)
    assert p.bar
    with p.stage("排版志书（第二遍，定页码）", total=4, unit="块") as st:
        for _ in range(4):
            st.update()
    text = out.getvalue()
    assert "\r" in text and "尚需" in text and "0/4 块" in text          # the live bar, by tqdm
    assert text.rstrip().splitlines()[-1].split("\r")[-1].startswith("[zhi] 排版志书（第二遍，定页码）：4 块，用时")


def test_a_failed_stage_claims_nothing_and_quiet_prints_nothing():
    out = io.StringIO()
    p = Progress(out)
    try:
        with p.stage("保密检查"):
            raise RuntimeError("leak")
    except RuntimeError:
        pass
    st = p.begin("发布")
    p.abandon()
    assert out.getvalue() == "" and p.open == [] and st.closed
    with QUIET.stage("x", total=1) as st:
        st.update()


def test_zhi_build_piped_prints_each_stage_once(tmp_path):
    root = with_theme(make_archive(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "zhi.cli", "--root", str(root), "build", "--no-pdf"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr
    stages = [ln.split("：", 1)[0] for ln in proc.stderr.splitlines() if ln.startswith("[zhi] ")]
    assert stages == ["[zhi] 读取并检查档案", "[zhi] 生成页面", "[zhi] 渲染网站（MkDocs）", "[zhi] 更新检索索引",
                      "[zhi] 保密检查", "[zhi] 发布"], proc.stderr
    assert "\r" not in proc.stderr
    pages = re.search(r"生成页面：(\d+) 页", proc.stderr)
    assert pages and f"（{pages.group(1)} 页" in proc.stdout


def test_import_of_a_folder_counts_the_files(tmp_path):
    from zhi.importer import import_files

    root = make_archive(tmp_path)
    folder = tmp_path / "scans"
    folder.mkdir()
    for n in (7, 8, 9):
        (folder / f"{n}.md").write_text(f"临编[1984]第{n}号\n\n关于第{n}件事的通知\n\n1984年5月{n}日\n", encoding="utf-8")
    out = io.StringIO()
    outcomes = import_files(root, [folder], progress=Progress(out))
    assert [o.status for o in outcomes] == ["导入"] * 3
    assert re.fullmatch(r"\[zhi\] 导入文件：3 个，用时 \d+\.\d 秒\n", out.getvalue()), out.getvalue()


def test_output_printed_beside_a_bar_keeps_its_own_line():
    err, out = Terminal(), io.StringIO()
    p = Progress.for_stream(err)
    with p.stage("导入文件", total=2, unit="个") as st:
        p.print("导入  a.md → sources/documents/imported/a.yaml", file=out)
        st.update(2)
    assert out.getvalue() == "导入  a.md → sources/documents/imported/a.yaml\n"
