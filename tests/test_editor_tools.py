"""zhi status and zhi new, as the chief editor and an editor use them."""

import re
import subprocess
import sys

import pytest
from conftest import make_archive
from zhi.checks import run_checks
from zhi.commands.new import create
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.status import compile_status


def zhi(root, *args):
    return subprocess.run([sys.executable, "-m", "zhi.cli", "--root", str(root), *args], capture_output=True,
                          text=True, check=False)


def test_status_figures_match_an_independent_count(tmp_path):
    root = make_archive(tmp_path)
    (root / "sources/events/x.yaml").write_text(
        "- id: ev-x\n  type: rename\n  date: 1962\n  body: cs-jiwei\n  name: 测试县计划局\n", encoding="utf-8")
    (root / "sources/documents/d9.yaml").write_text("id: d-9\ntitle: 未引用的文件\ndate: 1970\n", encoding="utf-8")
    a = load_archive(root)
    h = derive_history(a)
    st = compile_status(a, h, run_checks(a, history=h))
    # count independently
    body = (root / "chronicle/p1/c1.md").read_text(encoding="utf-8").split("---", 2)[2]
    body = re.sub(r"\[\[[^\]]*\]\]", "", body)
    expected_chars = len(re.findall(r"[\u4e00-\u9fff]", body))
    c1 = next(c for c in st.chapters if c.path == "chronicle/p1/c1.md")
    assert c1.chars == expected_chars and c1.status == "修改稿" and c1.target == 3000
    assert st.events_without_source == 1
    assert st.documents_uncited == ["d-9"]
    assert c1.errors == 0
    county_years = {1956, 1962, 1984}
    assert not county_years & set(st.empty_years["cs-xian"])
    assert 1970 in st.empty_years["cs-xian"] and 1999 in st.empty_years["cs-xian"]  # up to the lower limit
    out = zhi(root, "status")
    assert out.returncode == 0 and "修改稿" in out.stdout and "没有来源的事件：1 条" in out.stdout


def test_new_records_are_well_formed(tmp_path):
    root = make_archive(tmp_path)
    for kind in ("body", "event", "document", "person", "post", "staffing", "jurisdiction", "记事"):
        files = create(root, kind)
        assert all(f.exists() for f in files)
    second = create(root, "文件")
    assert second[0].name != create(root, "document")[0].name  # fresh ids (a document is a file of its own)
    findings = run_checks(load_archive(root))
    codes = {f.code for f in findings}
    # the templates parse and carry no unknown keys; what is left is for the editor to fill
    assert "yaml-syntax" not in codes and "schema-unknown-key" not in codes and "schema-type" not in codes
    # the templates' hints are no levels: a hint naming one (# 公开 内部 秘密 …) held every new record at 绝密
    assert "classification-comment" not in codes and "not-public-word" not in codes
    assert "event-no-source" in codes and "memo-no-source" in codes
    # without --date no record is dated today (past the book's 下限): the date is a placeholder the check names,
    # and the advice for a required key is to fill it in, not to delete the line
    today = __import__("datetime").date.today()
    for f in (root / "sources").rglob("*.yaml"):
        assert f"date: {today.isoformat()}" not in f.read_text(encoding="utf-8") and str(today.year) not in f.parts
    held = [f for f in findings if f.code == "placeholder" and "date（日期）" in f.message]
    assert held and all("必填" in f.message and "填上" in f.message and "删去这一行" not in f.message
                        for f in held if f.loc.file.startswith("sources/events"))
    name = [f for f in findings if f.code == "placeholder" and "name（名称）" in f.message]
    assert name and all("填上" in f.message and "删去这一行" not in f.message for f in name)
    issuer = next(f for f in findings if f.code == "placeholder" and "issuer" in f.message)
    assert "删去这一行" in issuer.message  # an optional key may still be left out
    assert not [f for f in findings if "下限" in f.message]
    out = zhi(root, "new", "人物", "--id", "p-wang")
    assert out.returncode == 1 and "已被使用" in out.stdout


def test_new_follows_the_archive_layout_and_limits(tmp_path):
    """zhi new writes into the archive's year files with ids in its pattern, warns outside 上下限 (here
    1949—2000), and gives a new jurisdiction its establish event too."""
    root = make_archive(tmp_path)
    notes: list[str] = []
    files = create(root, "事件", date="1984-03", notes=notes)
    assert files == [root / "sources/events/1984.yaml"]
    text = files[0].read_text(encoding="utf-8")
    assert "ev-jjw" in text and "- id: ev-1984-03-1\n" in text and "date: 1984-03\n" in text  # appended
    assert not [n for n in notes if "上限" in n or "下限" in n]
    files = create(root, "编制", date="1990-12-31")
    assert files == [root / "sources/staffing/1990.yaml"]
    files = create(root, "文件", date="1984-03-01")
    assert files[0].parent == root / "sources/documents/1984" and files[0].name.startswith("d-1984-03-01-")
    # outside the limits
    notes = []
    create(root, "事件", date="2005-06", notes=notes)
    assert any("晚于本志下限（2000年）" in n for n in notes)
    notes = []
    create(root, "事件", date="1930", notes=notes)
    assert any("早于本志上限（1949年）" in n for n in notes)
    # a jurisdiction and its establish event
    files = create(root, "行政区划", date="1958-11", notes=notes)
    jid = files[0].stem
    assert files[1] == root / "sources/events/1958.yaml"
    event = files[1].read_text(encoding="utf-8")
    assert f"body: {jid}" in event and "type: establish" in event and "date: 1958-11" in event
    a = load_archive(root)
    assert any(e.type == "establish" and any(r.id == jid for r in e.participants()) for e in a.events)
    codes = {f.code for f in run_checks(a)}
    assert "yaml-syntax" not in codes and "schema-unknown-key" not in codes and "id-duplicate" not in codes
    # a person goes into the archive's people file
    files = create(root, "人物")
    assert files == [root / "sources/people/people.yaml"]
    # bad date: a message, nothing written
    with pytest.raises(ValueError, match="日期"):
        create(root, "事件", date="1984.3")


def test_new_never_writes_into_a_draft_file(tmp_path):
    """A new record goes into the folder's largest file, never a draft (_) or hidden (.) one, which is not read."""
    root = make_archive(tmp_path)
    (root / "sources/people/_草稿.yaml").write_text("# 待核的人物\n" + "- {id: p-x, name: 某甲}\n" * 40,
                                                   encoding="utf-8")
    files = create(root, "人物")
    assert files and not files[0].name.startswith(("_", ".")), files
    assert files[0].parent == root / "sources/people"
