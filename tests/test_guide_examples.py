"""The worked examples of the editors' guide really check clean and say what the guide says they print."""

import re
from pathlib import Path

import pytest
from zhi.checks import run_checks
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology, counted_together

GUIDE = Path(__file__).resolve().parent.parent / "guide"
FILE_BLOCK = re.compile(r"文件 `(sources/[^`]+)`[^\n]*\n+```yaml\n(.*?)```", re.DOTALL)


def section(md: str, heading: str) -> str:
    start = md.index(heading)
    nxt = md.find("\n## ", start + len(heading))
    return md[start:nxt if nxt != -1 else len(md)]


def lay_out(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "project"
    for rel, body in FILE_BLOCK.findall(text):
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body, encoding="utf-8")
    return root


EXAMPLES = [
    ("events.md", "## 完整示例二"),
    ("events.md", "## 完整示例三"),
    ("events.md", "## 完整示例四"),
    ("events.md", "## 完整示例五"),
    ("events.md", "## 完整示例六"),
    ("events.md", "## 完整示例七"),
    ("events.md", "## 完整示例八"),
    ("events.md", "## 完整示例九"),
    ("events.md", "## 完整示例十"),
    ("events.md", "## 完整示例十一"),
    ("events.md", "## 完整示例十二"),
    ("jurisdictions.md", "## 完整示例二"),
    ("jurisdictions.md", "## 完整示例三"),
    ("jurisdictions.md", "## 完整示例四"),
    ("jurisdictions.md", "## 完整示例五"),
    ("jurisdictions.md", "## 完整示例六"),
    ("jurisdictions.md", "## 完整示例七"),
    ("jurisdictions.md", "## 完整示例八"),
    ("jurisdictions.md", "## 完整示例九"),
    ("jurisdictions.md", "## 完整示例十"),
    ("jurisdictions.md", "## 完整示例十一"),
    ("jurisdictions.md", "## 完整示例十二"),
    ("bodies.md", "## 完整示例：同属两个行政区划"),
    ("dates.md", "## 完整示例：“或以前”“至迟”“或以后”"),
    ("dates.md", "## 完整示例：农历月份、年号纪年"),
    ("bodies.md", "## 完整示例：上级机构、所属县在隶属期间更名"),
    ("bodies.md", "## 完整示例：前后两个同名的机构"),
    ("bodies.md", "## 完整示例：来源只说某几年间有这个机构"),
    ("bodies.md", "## 完整示例：始年不详的机构（甲并入乙）"),
    ("bodies.md", "## 完整示例：公开机构的名称含有涉密机构的代号（非同一机构）"),
    ("bodies.md", "## 完整示例：局改公司"),
    ("bodies.md", "## 完整示例：附注"),
    ("documents.md", "## 标题不详的文件、出版物、占位文字"),
    ("documents.md", "## 已解密的文件"),
    ("dashiji.md", "### 例：来源只称“县编委”"),
    ("staffing.md", "## 来源只说“设”几人：口径写“设置”"),
    ("staffing.md", "## 来源只说“编制若干人”：口径写“记载”"),
    ("staffing.md", "## 编制数的范围：来源说明“包括……”"),
    ("staffing.md", "## “其中”、实有人数、未配备专职人员"),
    ("staffing.md", "## 完整示例：时期、部分与沿用的数字"),
]


@pytest.mark.parametrize("guide,heading", EXAMPLES, ids=[f"{g}:{h[3:]}" for g, h in EXAMPLES])
def test_guide_example_checks_clean_and_prints_what_it_says(tmp_path, guide, heading):
    text = section((GUIDE / guide).read_text(encoding="utf-8"), heading)
    root = lay_out(tmp_path, text)
    assert (root / "sources").is_dir()
    a = load_archive(root, with_book=False)
    h = derive_history(a)
    errors = [f.as_text() for f in run_checks(a, history=h) if f.severity == "error"]
    assert errors == []
    printed = {f"{en.date.chinese()}　{en.plain()}" for en in counted_together(a, h, chronology(a, h))}  # 年表 lines
    promised = re.findall(r"^- (\d{4}年[^\n]*　[^\n]*。)$", text, re.MULTILINE)
    assert promised, "the example shows what the 大事记 prints"
    for line in promised:
        assert line in printed, f"the guide promises “{line}”; zhi prints {sorted(printed)}"


def test_guide_example_groups_the_dashiji_as_it_promises(tmp_path):
    """guide/events.md 完整示例七: the 大事记 lines it promises (several bodies of a count, several dates)."""
    from zhi.views.dashiji import dashiji

    text = section((GUIDE / "events.md").read_text(encoding="utf-8"), "## 完整示例七")
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    h = derive_history(a)
    rules_house = tmp_path / "project" / "sources" / "house-style.yaml"
    rules_house.write_text("dashiji:\n  kinds: [政府工作部门, 事业单位]\n", encoding="utf-8")
    from zhi.views.dashiji import rules_for
    printed = {f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h, rules_for(tmp_path / "project"))}
    promised = re.findall(r"^大事记：(\d{4}年[^\n]*　[^\n]*。)$", text, re.MULTILINE)
    assert len(promised) == 2
    for line in promised:
        assert line in printed, f"the guide promises “{line}”; zhi prints {sorted(printed)}"


def test_guide_example_eleven_prints_one_line_for_one_sentence_of_the_source(tmp_path):
    """guide/events.md 完整示例十一: 成立甲、乙等N个单位 told by a 志书 is one line of the 年表 and one 大事记 entry, not one
    a body (each line read “成立甲等6个单位”, “成立乙等6个单位”: 6 and 6 more)."""
    from zhi.views.dashiji import dashiji

    text = section((GUIDE / "events.md").read_text(encoding="utf-8"), "## 完整示例十一")
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    h = derive_history(a)
    lines = [f"{en.date.chinese()}　{en.plain()}" for en in counted_together(a, h, chronology(a, h))]
    assert lines == ["1958年10月　成立云河县农具厂、云河县农机站、云河县种子站等6个单位。",
                     "1958年10月　成立云河县兽医站、云河县良种场等4个单位，其中云河县兽医站、云河县良种场均为事业单位。"]
    printed = [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h)]
    promised = re.findall(r"^大事记：(\d{4}年[^\n]*　[^\n]*。)$", text, re.MULTILINE)
    assert promised and printed == promised


def test_dashiji_guide_example_prints_what_it_promises(tmp_path):
    """guide/dashiji.md: the selection, grouping, leaders and 记事 of its worked example, line for line."""
    from zhi.views.dashiji import dashiji

    text = section((GUIDE / "dashiji.md").read_text(encoding="utf-8"), "## 完整示例")
    root = lay_out(tmp_path, text)
    a = load_archive(root, with_book=False)
    h = derive_history(a)
    assert [f.as_text() for f in run_checks(a, history=h) if f.severity in ("error", "warning")] == []
    printed = [f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h)]
    promised = re.findall(r"^- (\d{4}年[^\n]*　[^\n]*。)$", text, re.MULTILINE)
    assert printed == promised
    full = {f"{en.date.chinese()}　{en.plain()}" for en in chronology(a, h)}
    assert "1984年6月　云河县妇女联合会更名为云河县妇女联合会（试行）。" in full   # 不收: still in the 年表
    assert not any("妇女联合会（试行）" in p for p in printed)


def test_guide_example_eight_says_the_superior_once(tmp_path):
    """guide/events.md 完整示例八: 县委下设组织部、宣传部 in one 大事记 entry, the superior said once."""
    from zhi.views.dashiji import Rules, dashiji

    text = section((GUIDE / "events.md").read_text(encoding="utf-8"), "## 完整示例八")
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    h = derive_history(a)
    printed = {f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h, Rules.from_options({}))}
    promised = re.findall(r"^大事记：(\d{4}年[^\n]*　[^\n]*。)$", text, re.MULTILINE)
    assert len(promised) == 1
    assert promised[0] in printed, sorted(printed)


def test_guide_example_nine_says_the_takeover_once_and_stops_the_bodies(tmp_path):
    """guide/events.md 完整示例九: the 大事记 line it promises, and the 停止活动 the body pages print."""
    from zhi.views.dashiji import dashiji
    from zhi.views.lineage import lineage

    text = section((GUIDE / "events.md").read_text(encoding="utf-8"), "## 完整示例九")
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    h = derive_history(a)
    promised = re.search(r"大事记里 1968 年 3 月的五条合为一条：“(1968年3月　.*?。)”", text, re.DOTALL).group(1)
    printed = {f"{it.date.chinese()}　{it.plain()}" for it in dashiji(a, h)}
    assert promised.replace("\n", "") in printed, sorted(printed)
    said = {rid: "；".join(f"{p.value}（{p.start.chinese()}—{p.end.chinese() if p.end else ''}）"
                          for p in lineage(a, h, rid, []).suspensions) for rid in ("yunhe-xianwei", "yunhe-renwei")}
    assert said["yunhe-xianwei"] in text and said["yunhe-renwei"] in text, said


def test_jurisdiction_example_two_prints_the_archives_end_as_the_guide_says(tmp_path):
    """The county's 2001 abolition is no end of its 档案馆 the source gives: the page prints 止年不详 and why, as the
    guide says, never 2001年2月（去向不详）."""
    from conftest import ROOT
    from zhi.writers.site import SiteWriter
    text = section((GUIDE / "jurisdictions.md").read_text(encoding="utf-8"), "## 完整示例二")
    said = "1959年—止年不详（2001年2月撤销云河市后去向不详）"
    assert f"“存续　{said}”" in text
    a = load_archive(lay_out(tmp_path, text), with_book=False)
    w = SiteWriter(a, derive_history(a), ROOT / "theme")
    w.collect_backlinks()
    w.body_pages()
    page = next(p.text for p in w.tree.pages if p.path == "jigou/yunhe-danganguan.md")
    assert f"| 存续 | {said} |" in page
