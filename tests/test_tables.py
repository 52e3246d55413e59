"""Tables in and out (issue 18, item 5): 沿革表, 任免表 and 编制表 as .xlsx (made here with openpyxl, dates as
date cells in the formats Excel shows) and .csv (GBK, as Excel saves it on a Chinese Windows) are previewed,
written without duplicates, and every unreadable row is reported by its number; the same tables are exported
to .xlsx, filtered by edition or marked as the whole archive (a secret canary shows which)."""

import argparse
import datetime as dt

import pytest
from conftest import make_archive, write
from openpyxl import Workbook, load_workbook
from zhi.checks import run_checks
from zhi.commands import export as export_cmd
from zhi.commands import importing
from zhi.loader import load_archive

# Facts of 金溪县志, 档案机构设置 (http://meta.librarydata.cn/metainfo?metaID=140220020210002040): 1956年4月县委、
# 县人委各设档案室; 1959年11月两室合并为县档案馆; 1970年4月1日改名为县革命委员会档案馆; 1979年3月复名县档案馆;
# 1981年12月成立档案局; 1984年5月撤销. Here they belong to the test archive's 测试县 and cite its documents
# (the 文号 below are the test archive's own, registered by DOCS).
DOCS = """\
- id: d-1959-11
  number: 测编〔1959〕11号
  issuer: 测试县人民委员会
  date: 1959-11-02
  title: 关于合并档案室设立县档案馆的通知
- id: d-1981-12
  number: 测编〔1981〕12号
  issuer: 测试县人民政府
  date: 1981-12-05
  title: 关于成立县档案局的通知
- id: d-1984-5
  number: 测编〔1984〕5号
  issuer: 测试县人民政府
  date: 1984-05-10
  title: 关于撤销县档案局的通知
- id: d-1970-mi
  number: 测革〔1970〕4号
  issuer: 测试县革命委员会
  date: 1970-03-20
  title: 关于县档案馆改名的通知
  classification: 秘密★10年
"""


def project(tmp_path):
    root = make_archive(tmp_path)
    write(root, "sources/documents/d-tables.yaml", DOCS)
    return root


def workbook(path, header, rows, formats=None):
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    for (row, col), fmt in (formats or {}).items():
        ws.cell(row, col).number_format = fmt
    wb.save(path)
    return path


def run_import(root, capsys, *argv):
    p = argparse.ArgumentParser()
    importing.register(p.add_subparsers())
    args = p.parse_args(["import", *map(str, argv), "--root", str(root)])
    code = args.func(args)
    out = capsys.readouterr()
    return code, out.out, out.err


LINEAGE_HEADER = ["名称", "简称", "设立", "撤销", "上级", "规格", "依据", "编号", "密级"]


def lineage_rows():
    return [
        ["测试县档案馆", "县档案馆", dt.datetime(1959, 11, 1), None, "测试县人民委员会", "股级", "测编〔1959〕11号",
         "cs-danganguan", ""],
        ["测试县革命委员会档案馆", "", "1970-04-01", None, "", "", "测革〔1970〕4号", "cs-danganguan", ""],
        ["测试县档案局", "县档案局", dt.datetime(1981, 12, 1), dt.datetime(1984, 5, 1), "cs-zhengfu", "", "测编(1981)12号",
         "", ""],
        ["测试县档案室", "", "1956年4月", "", "测试县人民委员会", "", "测编〔1956〕99号", "", ""],   # unknown 依据
        ["", "", "1957", "", "", "", "", "", ""],                                                    # no name
        ["测试县方志办", "", "1984.3", "", "测试县人民委员会", "", "测编〔1984〕7号", "", ""],        # dotted date
        ["测试县地名办", "", "1984-03", "", "测试县人民委员会", "", "测编〔1984〕7号", "", "机要"],   # odd 密级
    ]


def test_lineage_table_preview_then_write_without_duplicates(tmp_path, capsys):
    root = project(tmp_path)
    # date cells shown as year-month: 1981年12月 and 1984年5月, never turned into the 1st of the month
    xlsx = workbook(tmp_path / "沿革表.xlsx", LINEAGE_HEADER, lineage_rows(),
                    {(2, 3): 'yyyy"年"m"月"', (4, 3): 'yyyy"年"m"月"', (4, 4): 'yyyy"年"m"月"'})
    before = sorted(p.relative_to(root).as_posix() for p in (root / "sources").rglob("*"))
    code, out, err = run_import(root, capsys, xlsx)
    assert code == 1  # some rows could not be read
    assert sorted(p.relative_to(root).as_posix() for p in (root / "sources").rglob("*")) == before  # preview only
    assert "（沿革表）：新建 3 项" in out and "加 --yes" in out
    assert "第 2、3 行：机构 cs-danganguan（测试县档案馆→测试县革命委员会档案馆）" in out
    assert "第 5 行" in err and "测编〔1956〕99号" in err and "找不到" in err
    assert "第 6 行：没有名称" in err
    assert "第 7 行" in err and "1984.3" in err and "1984-03" in err
    # a row imported at the highest level is made, with a 待核 note; it is not also listed as not read
    assert "第 8 行：机构" in out and "（待核：密级“机要”无法识别，已按绝密导入；核对原件后改正 classification）" in out
    assert "第 8 行" not in err and "（其中 1 行待核）" in out and "未能读入 3 行" in out

    code, out, err = run_import(root, capsys, xlsx, "--yes")
    assert "写入  sources/events/1959.yaml" in out
    events = (root / "sources/events/1959.yaml").read_text(encoding="utf-8")
    assert "date: 1959-11\n" in events and "type: establish" in events and "parent: cs-zhengfu" in events
    e1970 = (root / "sources/events/1970.yaml").read_text(encoding="utf-8")
    assert "type: rename" in e1970 and "classification: 秘密★10年" in e1970  # as secret as its source
    e1984 = (root / "sources/events/1984.yaml").read_text(encoding="utf-8")
    assert "ev-jjw" in e1984 and "type: abolish" in e1984 and "date: 1984-05\n" in e1984  # appended, not replaced
    assert "classification: 绝密" in (root / "sources/events/1984.yaml").read_text(encoding="utf-8")
    assert "  # 待核：密级“机要”无法识别，已按绝密导入" in e1984   # beside the value it concerns
    body = (root / "sources/bodies/cs-danganguan.yaml").read_text(encoding="utf-8")
    assert body.startswith("id: cs-danganguan\n") and body.endswith("\n# kind: 待填\n")
    assert "# 沿革表未写机构类别；机构类别可写：党委工作部门、" in body   # the list on a line of its own
    a = load_archive(root)
    assert {e.id for e in a.events} >= {"ev-1959-cs-danganguan", "ev-1970-cs-danganguan-rename"}
    found = run_checks(a)
    assert not [f for f in found if f.code.startswith(("yaml", "ref-", "id-", "date-"))], [f.as_text() for f in found]
    # the body's 类别 is not guessed: zhi check asks for it at the body's file
    assert any(f.code == "schema-missing" and f.loc.file == "sources/bodies/cs-danganguan.yaml" for f in found)

    # again: nothing new
    code, out, err = run_import(root, capsys, xlsx, "--yes")
    assert "新建 0 项" in out and "档案中已有 cs-danganguan" in out


def test_posts_and_staffing_tables(tmp_path, capsys):
    root = project(tmp_path)
    posts = tmp_path / "任免.csv"  # saved by Excel on a Chinese Windows: GBK
    posts.write_bytes("姓名,性别,机构,职务,任职时间,免职时间,依据\n"
                      "王明,男,cs-jijingwei,主任,1984-03,1990-05,测编〔1984〕7号\n"
                      "李芳,女,测试县计划经济委员会,副主任,1985年2月,,测编〔1984〕7号\n"
                      "赵强,男,测试县不存在局,局长,1986,,\n"
                      "钱进,男,cs-jijingwei,,1986,,\n".encode("gb18030"))
    code, out, err = run_import(root, capsys, posts, "--yes")
    assert "跳过  第 2 行：王明任主任（1984-03）档案中已有" in out
    assert "人物 p-lifang（李芳）" in out and "任职 李芳 副主任（1985-02—）" in out
    assert "第 4 行：机构“测试县不存在局”在档案中找不到" in err and "第 5 行：没有职务" in err
    text = (root / "sources/posts/imported.yaml").read_text(encoding="utf-8")
    assert "post: 副主任" in text and "from: 1985-02" in text and "to:" not in text  # no end: not invented

    staffing = workbook(tmp_path / "编制.xlsx", ["机构", "日期", "口径", "行政编制", "事业编制", "领导职数（正科级）",
                                               "副科级职数", "依据"], [
        ["cs-jijingwei", "1990-06-01", "核定", 10, 2, None, None, "测编〔1990〕3号"],       # already in the archive
        ["测试县计划经济委员会", dt.datetime(1991, 12, 31), "实有", 9, None, 1, 2, "测编〔1990〕3号"],
        ["cs-jijingwei", "1992", "核定", "十", None, None, None, ""],
    ])
    code, out, err = run_import(root, capsys, staffing, "--yes")
    assert code == 1  # a row was not read
    assert "第 2 行：cs-jijingwei 1990-06-01 核定编制档案中已有" in out
    assert "编制 测试县计划经济委员会 1991-12-31 实有 行政编制9名、领导职数正科级1名、领导职数副科级2名" in out
    assert "第 4 行：“行政编制”一栏的“十”不是整数" in err
    assert "figures: {行政编制: 9, 领导职数: {正科级: 1, 副科级: 2}}" in \
        (root / "sources/staffing/1991.yaml").read_text(encoding="utf-8")
    a = load_archive(root)
    assert not [f for f in run_checks(a) if f.severity == "error"], [f.as_text() for f in run_checks(a)]


def run_export(root, capsys, *argv):
    p = argparse.ArgumentParser()
    export_cmd.register(p.add_subparsers())
    args = p.parse_args(["export", *map(str, argv), "--root", str(root)])
    code = args.func(args)
    return code, capsys.readouterr().out


def cells(path):
    wb = load_workbook(path)
    return {ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)] for ws in wb}


def test_export_is_an_edition_or_marked_whole(tmp_path, capsys):
    root = project(tmp_path)
    canary = "测试县保密技术监测站"
    write(root, "sources/events/secret.yaml",
          f"- id: ev-1985-canary\n  type: establish\n  date: 1985-01\n  body: cs-canary\n  name: {canary}\n"
          "  parent: cs-zhengfu\n  sources: [d-1970-mi]\n  classification: 秘密★10年\n")
    write(root, "sources/bodies/canary.yaml", "id: cs-canary\nkind: 事业单位\nclassification: 秘密★10年\n")
    write(root, "sources/posts/secret.yaml", "- person: p-wang\n  body: cs-canary\n  post: 站长\n  from: 1985-01\n"
          "  sources: [d-1970-mi]\n  classification: 秘密★10年\n")
    assert not [f for f in run_checks(load_archive(root)) if f.severity == "error"]
    code, out = run_export(root, capsys, tmp_path / "公开.xlsx")
    assert code == 0 and "公开版" in out
    public = cells(tmp_path / "公开.xlsx")
    assert set(public) == {"沿革", "任免", "编制"}
    flat = repr(public)
    assert canary not in flat and "站长" not in flat and "cs-canary" not in flat
    assert public["沿革"][0][:4] == ("名称", "简称", "起", "止")
    row = next(r for r in public["沿革"] if r[0] == "测试县计划经济委员会")
    assert row[2] == "1984年3月12日" and row[7] == "cs-jijingwei"
    assert any(r[:3] == ("测试县计划经济委员会", "1990年6月1日", "核定") and r[3] == 10 for r in public["编制"])
    code, out = run_export(root, capsys, tmp_path / "全部.xlsx", "--all")
    whole = cells(tmp_path / "全部.xlsx")
    for sheet in whole.values():
        assert "不得外传" in sheet[0][0] and sheet[1][-1] == "密级"
    assert any(r[0] == canary and r[-1] == "秘密★10年" for r in whole["沿革"])
    assert any(r[2] == "站长" and r[-1] == "秘密★10年" for r in whole["任免"])


@pytest.mark.parametrize("fmt,value,want", [('yyyy"年"m"月"', dt.datetime(1984, 3, 1), "1984-03"),
                                            ("yyyy-mm-dd", dt.datetime(1984, 3, 1), "1984-03-01"),
                                            ("yyyy", dt.datetime(1984, 1, 1), "1984"),
                                            ("General", 1984, "1984")])
def test_date_cells_keep_the_precision_they_show(fmt, value, want):
    from zhi.tables import _cell_text

    assert _cell_text(value, fmt) == want


def test_a_row_with_an_unreadable_level_is_made_at_the_highest_level_with_a_note(tmp_path, capsys):
    """The 密级 “秘 密” (its space a no-break space from Word) is not understood: the 任职 is imported as 绝密 and the
    preview lists it once, as 新建 with a 待核 note naming the hidden character; never also as 未读入."""
    root = project(tmp_path)
    posts = tmp_path / "任免.csv"
    posts.write_text("姓名,性别,机构,职务,任职时间,依据,密级\n"
                     "李芳,女,cs-jijingwei,副主任,1985年2月,测编〔1984〕7号,秘\u00a0密\n", encoding="utf-8")
    code, out, err = run_import(root, capsys, posts)
    assert code == 0 and err == ""
    made = [line for line in out.splitlines() if "任职 李芳 副主任" in line]
    assert len(made) == 1 and made[0].strip().startswith("新建")
    assert "（待核：密级“秘〔不换行空格 U+00A0〕密”无法识别，已按绝密导入；核对原件后改正 classification）" in made[0]
    assert "未能读入 0 行" in out and "（其中 1 行待核）" in out
    code, out, err = run_import(root, capsys, posts, "--yes")
    text = (root / "sources/posts/imported.yaml").read_text(encoding="utf-8")
    assert "  classification: 绝密\n  # 待核：密级“秘〔不换行空格 U+00A0〕密”无法识别" in text
    a = load_archive(root)
    post = next(p for p in a.posts if p.post == "副主任")
    assert post.classification.name == "绝密"


def test_uncommenting_the_kind_placeholder_gives_a_short_finding_with_the_list(tmp_path, capsys):
    root = project(tmp_path)
    xlsx = workbook(tmp_path / "沿革表.xlsx", LINEAGE_HEADER, lineage_rows()[:2])
    run_import(root, capsys, xlsx, "--yes")
    path = root / "sources/bodies/cs-danganguan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("# kind: 待填", "kind: 待填"), encoding="utf-8")
    found = [f for f in run_checks(load_archive(root)) if f.loc.file == "sources/bodies/cs-danganguan.yaml"
             and f.code != "body-silent"]   # the two-row table says nothing after 1970: true, and a warning
    assert [f.code for f in found] == ["placeholder"]
    assert found[0].loc.line == 3
    assert found[0].message.startswith("“kind（类别）”写的是占位文字“待填”，不是档案中的值；这是必填的键，请查到后填上（可写：党委工作部门、")
    assert "删去这一行" not in found[0].message  # kind is required: it cannot be left out


@pytest.mark.parametrize("level", ['="秘"&"密"', "=IF(1,\"秘密\",\"\")", 1, dt.datetime(2002, 6, 1), "#N/A"])
def test_a_level_cell_that_is_no_literal_level_holds_the_row_at_the_highest_level(tmp_path, capsys, level):
    """A 密级 cell holding a formula that Excel shows as 秘密 (zhi never evaluates it, nor trusts a cached result),
    a number, a date or an error value is no level zhi can read: the staffing row comes in at 绝密 with 待核."""
    root = project(tmp_path)
    xlsx = workbook(tmp_path / "编制.xlsx", ["机构", "日期", "行政编制", "事业编制", "口径", "依据", "密级", "备注"],
                    [["cs-jijingwei", "1982-06-01", None, 9, "核定", "测编〔1981〕12号", level, "附注"]])
    if level == "#N/A":  # an error value as Excel writes it
        from openpyxl import load_workbook as lw
        wb = lw(xlsx)
        wb.active["G2"].data_type = "e"
        wb.save(xlsx)
    code, out, err = run_import(root, capsys, xlsx, "--yes")
    assert code == 0, err
    made = [line for line in out.splitlines() if "编制 cs-jijingwei 1982-06-01" in line]
    assert len(made) == 1 and "已按绝密导入" in made[0], out
    a = load_archive(root)
    s = next(s for s in a.staffing if s.date and s.date.iso() == "1982-06-01")
    assert s.classification.name == "绝密"


def test_a_formula_anywhere_in_a_row_is_text_and_the_row_is_pending(tmp_path, capsys):
    """A formula in the 备注 of a public row is written as its text (not a value zhi computed), with 待核."""
    root = project(tmp_path)
    xlsx = workbook(tmp_path / "编制.xlsx", ["机构", "日期", "行政编制", "口径", "依据", "密级", "备注"],
                    [["cs-jijingwei", "1992-06-01", 7, "核定", "测编〔1981〕12号", "", '=CONCAT("附","注")']])
    code, out, err = run_import(root, capsys, xlsx, "--yes")
    assert code == 0, err
    assert "（待核：“备注”一栏是公式，zhi 不计算公式" in out
    text = (root / "sources/staffing/1992.yaml").read_text(encoding="utf-8")
    assert '# 待核：“备注”一栏是公式' in text and 'note: "=CONCAT(\\"附\\",\\"注\\")"' in text, text
    a = load_archive(root)
    assert not [f for f in run_checks(a) if f.severity == "error"]


def test_a_person_made_by_classified_rows_is_as_secret_as_the_lowest_of_them(tmp_path, capsys):
    """L2 of the tester: a new person named only by 秘密 and unreadable (绝密) rows is made 秘密, never public; a
    person named by one public row too is public; a public person the archive has already is left alone, but the
    preview says that a 秘密 row names them."""
    root = project(tmp_path)
    posts = tmp_path / "任免.csv"
    posts.write_text("姓名,性别,机构,职务,任职时间,依据,密级\n"
                     "澜汀舟,男,cs-jijingwei,主任,1991-05,测编〔1981〕12号,秘密★\n"
                     "澜汀舟,男,cs-jijingwei,主任,1993-05,测编〔1981〕12号,秘密\n"
                     "汀澜渚,女,cs-jijingwei,副主任,1991-05,测编〔1981〕12号,机密\n"
                     "汀澜渚,女,cs-jijingwei,副主任,1994-05,测编〔1981〕12号,\n"
                     "王明,男,cs-jijingwei,顾问,1995-01,测编〔1981〕12号,秘密\n", encoding="utf-8")
    code, out, err = run_import(root, capsys, posts, "--yes")
    assert code == 0, err
    assert "人物 p-lantingzhou（澜汀舟），密级 秘密（与任职记录相同）" in out
    assert "第 4、5 行：人物 p-tinglanzhu（汀澜渚）" in out and "p-tinglanzhu（汀澜渚），密级" not in out
    wang = next(line for line in out.splitlines() if "任职 王明 顾问" in line)
    assert "档案中的人物 p-wang（王明）是公开记录" in wang
    a = load_archive(root)
    assert a.people["p-lantingzhou"].classification.name == "秘密"
    assert a.people["p-tinglanzhu"].classification.name == "公开"
    assert a.people["p-wang"].classification.name == "公开"
    assert not [f for f in run_checks(a) if f.severity == "error"], [f.as_text() for f in run_checks(a)]


def _merged(path, header, rows, merge):
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    ws.merge_cells(merge)
    wb.save(path)
    return path


@pytest.mark.parametrize("kind", ["lineage", "posts", "staffing"])
def test_a_merged_level_cell_holds_every_row_it_covers(tmp_path, capsys, kind):
    """Tester run 5, L1/L3: a 密级 cell merged over three rows (Excel “合并后居中”, showing 秘密 on each) made only the
    first row 秘密; the rows under it came in public and reached the open data."""
    root = project(tmp_path)
    if kind == "lineage":
        header = ["名称", "设立", "上级", "依据", "密级"]
        rows = [[f"测试县合并格局{i}", "1985-03", "cs-zhengfu", "测编〔1981〕12号", "秘密" if i == 1 else None]
                for i in (1, 2, 3)]
    elif kind == "posts":
        header = ["姓名", "机构", "职务", "任职时间", "依据", "密级"]
        rows = [[f"合格{i}", "cs-jijingwei", f"合并格职务{i}", "1986-01", "测编〔1981〕12号", "秘密" if i == 1 else None]
                for i in (1, 2, 3)]
    else:
        header = ["机构", "日期", "行政编制", "依据", "密级"]
        rows = [["cs-jijingwei", f"1986-0{i}-01", 60 + i, "测编〔1981〕12号", "秘密" if i == 1 else None]
                for i in (1, 2, 3)]
    col = "ABCDEFG"[len(header) - 1]
    xlsx = _merged(tmp_path / "合并格.xlsx", header, rows, f"{col}2:{col}4")
    code, _out, err = run_import(root, capsys, xlsx, "--yes")
    assert code == 0, err
    a = load_archive(root)
    if kind == "lineage":
        made = [e for e in a.events if e.type == "establish" and e.body and e.body.id not in ("cs-xian", "cs-zhengfu")
                and e.date and e.date.iso() == "1985-03"]
    elif kind == "posts":
        made = [p for p in a.posts if p.post.startswith("合并格职务")]
        assert all(p.person.id in a.people and a.people[p.person.id].classification.name == "秘密" for p in made)
    else:
        made = [s for s in a.staffing if s.date and s.date.iso().startswith("1986-0")]
    assert len(made) == 3
    assert all(x.classification.name == "秘密" for x in made)


@pytest.mark.parametrize("head", ["密級", "Classification", "秘密等级", "保密期限"])
def test_a_column_zhi_cannot_read_holds_every_row_at_the_highest_level(tmp_path, capsys, head):
    """Tester run 5, L2: a 密级 column headed 密級 (traditional), Classification or 秘密等级 was dropped without a word
    and its 秘密 rows came in public. Any column zhi does not read may be such a column: the preview names it and
    every row is held at 绝密 with 待核."""
    root = project(tmp_path)
    xlsx = workbook(tmp_path / "表头.xlsx", ["序号", "名称", "设立", "上级", "依据", head],
                    [[1, "测试县表头测试局", "1985-04", "cs-zhengfu", "测编〔1981〕12号", "秘密"]])
    code, out, err = run_import(root, capsys, xlsx, "--yes")
    assert code == 0, err
    assert f"表中“{head}”一栏 zhi 认不出" in out and "已按绝密导入" in out
    assert "“序号”" not in out
    a = load_archive(root)
    made = [e for e in a.events if e.type == "establish" and e.date and e.date.iso() == "1985-04"]
    assert made and all(e.classification.name == "绝密" for e in made)


def test_a_csv_saved_with_semicolons_is_read_by_its_columns(tmp_path, capsys):
    """Tester run 5: a CSV saved with “;” lost its 依据 and 密级 columns without a word."""
    root = project(tmp_path)
    csv_path = tmp_path / "分号.csv"
    csv_path.write_text("名称;设立;上级;依据;密级\n测试县分号局;1985-05;cs-zhengfu;测编〔1981〕12号;秘密\n", encoding="utf-8")
    code, _out, err = run_import(root, capsys, csv_path, "--yes")
    assert code == 0, err
    a = load_archive(root)
    e = next(e for e in a.events if e.type == "establish" and e.date and e.date.iso() == "1985-05")
    assert e.classification.name == "秘密" and [c.doc for c in e.sources] == ["d-1981-12"]


def test_a_csv_separated_by_chinese_commas_says_so_and_how_to_save_it(tmp_path, capsys):
    """Review tester: a CSV typed with “，” between its columns got “认不出是哪一种表”, which sent the editor looking at
    the headers. It says the separators are “，” and how to save the file; it is not split by “，” (the 依据 cell of
    a row may hold its own “，”), and nothing is imported."""
    root = project(tmp_path)
    csv_path = tmp_path / "中文逗号.csv"
    csv_path.write_text("名称，设立，上级，依据\n测试县逗号局，1985-06，cs-zhengfu，测编〔1981〕12号\n", encoding="utf-8")
    code, _out, err = run_import(root, capsys, csv_path, "--yes")
    assert code != 0
    assert "中文逗号.csv" in err and "第 1 行" in err and "中文逗号“，”分隔" in err and "CSV UTF-8" in err, err
    assert "认不出是哪一种表" not in err
    assert not [e for e in load_archive(root).events if e.date and e.date.iso() == "1985-06"]


@pytest.mark.parametrize("head", ["密级,密级", "密级,密级（原件）", "密级, 密 级"])
def test_a_table_with_two_level_columns_is_refused_naming_both(tmp_path, capsys, head):
    """Attack tester: “名称,设立,依据,密级,密级” took the last 密级, so a row marked 秘密 in the first came in public.
    Which column to read is a guess: the table is refused, naming both columns, and nothing is imported."""
    root = project(tmp_path)
    csv_path = tmp_path / "两列密级.csv"
    csv_path.write_text(f"名称,设立,上级,依据,{head}\n测试县两密局,1985-07,cs-zhengfu,测编〔1981〕12号,秘密,公开\n",
                        encoding="utf-8")
    code, _out, err = run_import(root, capsys, csv_path, "--yes")
    assert code != 0
    assert "两列密级.csv" in err and "第 5 列（E 列）" in err and "第 6 列（F 列）" in err, err
    assert not [e for e in load_archive(root).events if e.date and e.date.iso() == "1985-07"]


def test_two_leader_columns_of_different_ranks_are_no_repeated_header(tmp_path, capsys):
    """The control: 领导职数（正科级）and 领导职数（副科级）differ only inside brackets, and are two columns."""
    from zhi.tables import _refuse_repeated_headers

    _refuse_repeated_headers(1, ["机构", "领导职数（正科级）", "领导职数（副科级）", "密级"])


# an 内部 rename of a public body: the name exists only through the 内部 event (tester's S1/S2/C2 findings)
INTERNAL_DOC = """\
- id: d-1970-int
  number: 测革〔1970〕5号
  issuer: 测试县革命委员会
  date: 1970-03-21
  title: 关于县档案馆改名的内部通知
  classification: 内部
"""
INTERNAL_NAME = "测试县内部改名CANARY-N1"


def internal_rename_project(tmp_path):
    root = project(tmp_path)
    write(root, "sources/documents/d-int.yaml", INTERNAL_DOC)
    write(root, "sources/bodies/cs-dangan.yaml", "id: cs-dangan\nkind: 事业单位\n")
    write(root, "sources/events/dangan.yaml",
          "- id: ev-1959-cs-dangan\n  type: establish\n  date: 1959-11\n  body: cs-dangan\n  name: 测试县档案馆\n"
          "  parent: cs-zhengfu\n  sources: [d-1959-11]\n"
          f"- id: ev-1970-cs-dangan-rn\n  type: rename\n  date: 1970-04\n  body: cs-dangan\n  name: {INTERNAL_NAME}\n"
          "  sources: [d-1970-int]\n  classification: 内部\n")
    assert not [f for f in run_checks(load_archive(root)) if f.severity == "error"]
    return root


def test_an_internal_export_is_marked_and_every_row_carries_its_level(tmp_path, capsys):
    root = internal_rename_project(tmp_path)
    code, out = run_export(root, capsys, tmp_path / "内部.xlsx", "--edition", "internal")
    assert code == 0 and "内部版" in out
    internal = cells(tmp_path / "内部.xlsx")
    assert set(internal) == {"沿革", "任免", "编制"}
    for sheet in internal.values():
        assert sheet[0][0].startswith("内部资料") and sheet[1][-1] == "密级"
        assert all(r[-1] for r in sheet[2:])   # every row says its level
    assert load_workbook(tmp_path / "内部.xlsx").properties.title.startswith("内部资料")
    assert [r[-1] for r in internal["沿革"] if r[0] == INTERNAL_NAME] == ["内部"]
    # the public edition's workbook has neither the name nor a marking
    run_export(root, capsys, tmp_path / "公开.xlsx")
    public = cells(tmp_path / "公开.xlsx")
    assert INTERNAL_NAME not in repr(public) and public["沿革"][0][0] == "名称"
    assert load_workbook(tmp_path / "公开.xlsx").properties.title is None


def test_a_name_given_by_an_internal_event_is_no_public_row_of_the_whole_export(tmp_path, capsys):
    root = internal_rename_project(tmp_path)
    run_export(root, capsys, tmp_path / "全部.xlsx", "--all")
    whole = cells(tmp_path / "全部.xlsx")
    rows = {r[0]: r for r in whole["沿革"][2:]}
    assert rows[INTERNAL_NAME][-1] == "内部" and rows["测试县计划经济委员会"][-1] == "公开"
    assert rows["测试县档案馆"][-1] == "内部"   # the body is public, but this row's 止 is the 内部 rename's date
    # the canary: an editor filtering by 密级 = 公开 to make a public list sees no 内部 string
    public_rows = [r for sheet in whole.values() for r in sheet[2:] if r[-1] == "公开"]
    assert public_rows and "CANARY" not in repr(public_rows) and "测革〔1970〕5号" not in repr(public_rows)


def test_an_exported_workbook_imports_back_into_a_fresh_copy_with_no_level_lowered(tmp_path, capsys):
    root = internal_rename_project(tmp_path / "a")
    run_export(root, capsys, tmp_path / "全部.xlsx", "--all")
    fresh = project(tmp_path / "b")
    write(fresh, "sources/documents/d-int.yaml", INTERNAL_DOC)
    _code, out, err = run_import(fresh, capsys, tmp_path / "全部.xlsx", "--yes")
    # the marking line is no header; every sheet is read (沿革、任免、编制), none silently dropped
    assert "认不出" not in err and "表头" not in err, err
    assert "工作表“沿革”（沿革表）" in out and "工作表“任免”（任免表）" in out and "工作表“编制”（编制表）" in out
    # the figure its merge event sets (ev-jjw) is a row of the 编制 sheet, known by its 编号: never a second record
    assert "测试县计划经济委员会 1984年3月12日 编制档案中已有（事件 ev-jjw）" in out
    a = load_archive(fresh)
    assert not [s for s in a.staffing if s.scope == "cs-jijingwei" and s.date.iso() == "1984-03-12"]
    events = [e for e in a.events if e.body and e.body.id == "cs-dangan"]
    assert sorted(e.type for e in events) == ["establish", "rename"]
    # sources came back through 依据; levels are never lower than exported: the workbook's mark makes every
    # row at least 内部 (fail closed), the 内部 rename stays 内部
    assert all(e.sources and e.classification.rank >= 1 for e in events), [(e.id, e.classification) for e in events]
    run_export(fresh, capsys, tmp_path / "再导出.xlsx", "--all")
    again = {r[0]: r for r in cells(tmp_path / "再导出.xlsx")["沿革"][2:]}
    before = {r[0]: r for r in cells(tmp_path / "全部.xlsx")["沿革"][2:]}
    from zhi.classification import parse_level
    for name in ("测试县档案馆", INTERNAL_NAME):
        assert again[name][:-1] == before[name][:-1]
        assert parse_level(again[name][-1]).rank >= parse_level(before[name][-1]).rank


def test_a_workbook_sheet_zhi_does_not_recognise_is_named_as_skipped(tmp_path, capsys):
    root = project(tmp_path)
    wb = Workbook()
    wb.active.title = "说明"
    wb.active.append(["这是说明，不是表"])
    ws = wb.create_sheet("沿革")
    ws.append(LINEAGE_HEADER)
    ws.append(lineage_rows()[0])
    wb.save(tmp_path / "两张.xlsx")
    _code, out, err = run_import(root, capsys, tmp_path / "两张.xlsx")
    assert "两张.xlsx，工作表“说明”：认不出是哪一种表" in out and "工作表“沿革”（沿革表）：新建 1 项" in out
    assert "未读入" not in err


# ---- every staffing figure, and only once (review-T: the 编制 sheet left out every figure set by an event) ----------
def test_the_staffing_sheet_holds_every_figure_the_sample_records_events_included(tmp_path, capsys):
    """The sample sets 88 figures by events (1965 县公安局 核定行政编制38名 …) beside its staffing records: the
    核对表 holds them all, each with its 编号 (the event's id), 口径, 依据 and 密级."""
    from conftest import copy_project
    from zhi.views.staffing import event_scope

    root = copy_project(tmp_path / "sample")
    a = load_archive(root)
    by_event = [e for e in a.events if event_scope(a, e)]
    records = [s for s in a.staffing if s.figures and s.scope and s.date]
    assert len(by_event) >= 80 and records
    run_export(root, capsys, tmp_path / "全部.xlsx", "--all")
    sheet = cells(tmp_path / "全部.xlsx")["编制"]
    head, rows = sheet[1], sheet[2:]
    assert len(rows) == len(by_event) + len(records)
    col = {h: i for i, h in enumerate(head)}
    ids = [r[col["编号"]] for r in rows]
    assert {e.id for e in by_event} <= set(ids) and len(set(filter(None, ids))) == len(list(filter(None, ids)))
    gongan = rows[ids.index("ev-1965-lx-gongan-bz")]
    assert (gongan[col["机构"]], gongan[col["日期"]], gongan[col["口径"]], gongan[col["行政编制"]],
            gongan[col["领导职数（正科级）"]], gongan[col["领导职数（副科级）"]], gongan[col["密级"]]) == \
        ("县公安局", "1965年", "核定", 38, 1, 2, "公开")
    assert gongan[col["依据"]] == "doc-lxrw-1965-tzb"   # a document with no 文号 is cited by its id
    # in date order: the 1965 figure comes before every 1984 one
    assert [r[col["日期"]][:4] for r in rows] == sorted(r[col["日期"]][:4] for r in rows)


def test_reimporting_the_exported_sheet_never_records_an_event_figure_twice(tmp_path, capsys):
    """The round trip the guide suggests (export, correct, import): an event's figure is recognised by its 编号 and
    skipped; a figure changed in the sheet is refused with the record to correct, never made a second record."""
    root = project(tmp_path)
    run_export(root, capsys, tmp_path / "核对表.xlsx")
    wb = load_workbook(tmp_path / "核对表.xlsx")
    ws = wb["编制"]
    head = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[head.index("编号")].value == "ev-jjw")
    assert (row[0].value, row[1].value, row[head.index("行政编制")].value) == ("测试县计划经济委员会", "1984年3月12日", 12)
    before = sorted(p.relative_to(root).as_posix() for p in (root / "sources").rglob("*"))
    code, out, err = run_import(root, capsys, tmp_path / "核对表.xlsx", "--yes")
    assert "第 2 行：测试县计划经济委员会 1984年3月12日 编制档案中已有（事件 ev-jjw）" in out
    assert "工作表“编制”（编制表）：新建 0 项" in out, out
    assert not [p for p in (root / "sources/staffing").rglob("*") if p.name != "1990.yaml"]
    assert sorted(p.relative_to(root).as_posix() for p in (root / "sources").rglob("*")) == before
    # the editor corrects the figure in the sheet: zhi says which record to correct, and makes nothing
    row[head.index("行政编制")].value = 13
    wb.save(tmp_path / "改过.xlsx")
    code, out, err = run_import(root, capsys, tmp_path / "改过.xlsx", "--yes")
    assert code == 1 and "第 2 行：编号 ev-jjw 是档案中已有的事件（sources/events/1984.yaml:1），表中的编制数与它所记不同" in err
    assert sorted(p.relative_to(root).as_posix() for p in (root / "sources").rglob("*")) == before
    # a sheet without the 编号 column (an older export, a hand-made table): the event's figure is still known
    wb = load_workbook(tmp_path / "核对表.xlsx")
    wb["编制"].delete_cols(head.index("编号") + 1)
    wb.save(tmp_path / "无编号.xlsx")
    code, out, err = run_import(root, capsys, tmp_path / "无编号.xlsx", "--yes")
    assert "工作表“编制”（编制表）：新建 0 项" in out, out
    assert sorted(p.relative_to(root).as_posix() for p in (root / "sources").rglob("*")) == before


# ---- an end no source gives stays unknown, in the sheet and back (review-T: 止 2020年9月1日 for 去向不详) --------------
def test_an_unknown_end_is_exported_as_unknown_and_imported_as_unknown(tmp_path, capsys):
    """The county ends (1995) and no source says what became of its 计经委: the sheet's 止 says 去向不详, not the
    county's date; a body with `end: 不详` says 不详. Read back, either is `end: 不详`, never an abolition."""
    root = project(tmp_path)
    write(root, "sources/events/end.yaml", "- id: ev-end\n  type: abolish\n  date: 1995-01-01\n  body: cs-xian\n"
          "  sources: [d-1990-3]\n")
    write(root, "sources/bodies/cs-gone.yaml", "id: cs-gone\nkind: 事业单位\nend: 不详\n")
    write(root, "sources/events/gone.yaml", "- id: ev-gone\n  type: establish\n  date: 1959-11\n  body: cs-gone\n"
          "  name: 测试县档案馆\n  parent: cs-zhengfu\n  sources: [d-1959-11]\n")
    assert not [f for f in run_checks(load_archive(root)) if f.severity == "error"]
    run_export(root, capsys, tmp_path / "核对表.xlsx")
    rows = {r[7]: r for r in cells(tmp_path / "核对表.xlsx")["沿革"][1:]}
    assert rows["cs-jijingwei"][3] == "去向不详" and rows["cs-gone"][3] == "不详"
    assert "1995" not in repr([rows["cs-jijingwei"], rows["cs-zhengfu"]])
    # the sheet read into a fresh archive that lacks both bodies: an unknown end, no abolish event
    fresh = project(tmp_path / "b")
    table = tmp_path / "沿革.csv"
    table.write_text("名称,起,止,上级,行政区划,依据\n"
                     "测试县农业局,1959年11月,去向不详,cs-zhengfu,cs-xian,测编〔1959〕11号\n"
                     "测试县林业局,1959年11月,不详,不详,不详,测编〔1959〕11号\n", encoding="utf-8")
    known = set(load_archive(fresh).bodies)
    code, out, err = run_import(fresh, capsys, table, "--yes")
    assert code == 0 and "新建 2 项" in out and err == "", err
    a = load_archive(fresh)
    made = [b for b in a.bodies.values() if b.id not in known]
    assert len(made) == 2 and all(b.end_unknown for b in made)
    assert not [e for e in a.events if e.type == "abolish"]
    text = "".join((fresh / "sources/bodies" / f"{b.id}.yaml").read_text(encoding="utf-8") for b in made)
    assert "# 沿革表的“止”写作“去向不详”：档案未载它何时、如何终止\nend: 不详\n" in text


def test_a_body_first_recorded_as_restored_is_exported_and_imported_as_restored(tmp_path, capsys):
    """《莒南县志》 first names the 民政局 when it is restored (1972年2月恢复) and the 办公室 when it is 复设: no 设立 is
    known. The sheet's 起 says 恢复/复设 after the date, and importing it makes that 恢复 (previous_end: 不详), never a
    设立 on the date of the restoration."""
    import shutil
    from pathlib import Path

    from zhi.history import derive_history

    real = tmp_path / "junan"
    shutil.copytree(Path(__file__).parent / "fixtures" / "real" / "junan-gewei", real)
    run_export(real, capsys, tmp_path / "莒南.xlsx")
    rows = {r[7]: r for r in cells(tmp_path / "莒南.xlsx")["沿革"][1:]}
    assert rows["junan-minzhengju"][2] == "1972年2月恢复" and rows["junan-bangongshi"][2] == "1968年3月复设"
    assert rows["junan-xinfangke"][2] == "1979年10月"   # set up then: no verb
    root = project(tmp_path / "b")
    table = tmp_path / "沿革.csv"
    table.write_text("名称,起,上级,行政区划,类别,依据\n"
                     "测试县民政局,1972年2月恢复,cs-zhengfu,cs-xian,政府工作部门,测编〔1959〕11号\n"
                     "测试县人委办公室,1968年3月复设,cs-zhengfu,cs-xian,政府工作部门,测编〔1959〕11号\n", encoding="utf-8")
    code, out, err = run_import(root, capsys, table, "--yes")
    assert code == 0 and "新建 2 项" in out, (out, err)
    a = load_archive(root)
    made = {nb.name: e for e in a.events for nb in e.new.values() if nb.name in ("测试县民政局", "测试县人委办公室")}
    assert {n: (e.type, e.previous_end_unknown, e.wording, e.date.iso()) for n, e in made.items()} == {
        "测试县民政局": ("restore", True, None, "1972-02"), "测试县人委办公室": ("restore", True, "复设", "1968-03")}
    h = derive_history(a)
    assert all(h.get(e.body.id).earlier_unknown is e for e in made.values())
    assert not [f for f in run_checks(a) if f.severity == "error"], [f.as_text() for f in run_checks(a)]


@pytest.mark.parametrize("ids", [True, False])
def test_a_later_row_with_a_name_a_secret_row_gave_is_as_secret_as_that_row(tmp_path, capsys, ids):
    """Tester: row 3 (秘密) renames the 档案馆 to 测试县机要档案馆; row 4 names it again with an empty 密级. Row 4 was
    written as a public rename to the same name, publishing the secret name. It now takes row 3's level, with a
    待核 note naming row 3 — whether the rows are tied by one 编号 or, without one, by the name."""
    root = project(tmp_path)
    csv = tmp_path / "沿革.csv"
    rows = [("测试县档案馆", "1959-11", "测试县人民委员会", "测编〔1959〕11号", ""),
            ("测试县机要档案馆", "1970-04", "", "测编〔1959〕11号", "秘密"),
            ("测试县机要档案馆", "1975-04", "", "测编〔1959〕11号", "")]
    csv.write_text("名称,设立,上级,依据,密级" + (",编号" if ids else "") + "\n"
                   + "".join(",".join(r) + (",cs-dag" if ids else "") + "\n" for r in rows), encoding="utf-8")
    code, out, err = run_import(root, capsys, csv, "--yes")
    assert code == 0, err
    note = "待核：名称“测试县机要档案馆”是第 3 行起用的，那一行密级为秘密，此行密级不能更低，已按秘密导入"
    assert note in out and "（其中 1 行待核）" in out
    e1975 = (root / "sources/events/1975.yaml").read_text(encoding="utf-8")
    assert f"classification: 秘密\n  # {note}" in e1975
    a = load_archive(root)
    renames = [e for e in a.events if str(e.date)[:4] in ("1970", "1975")]   # 1970年4月, 1975年4月
    assert len(renames) == 2 and {e.classification.name for e in renames} == {"秘密"}
    # the public edition holds no record that gives the secret name
    from zhi.editions import filter_archive

    assert not [e.id for e in filter_archive(a, "public").events if str(e.date)[:4] in ("1970", "1975")]


def test_a_name_first_given_in_public_is_not_made_secret_by_a_later_secret_row(tmp_path, capsys):
    root = project(tmp_path)
    csv = tmp_path / "沿革.csv"
    csv.write_text("名称,设立,上级,依据,密级,编号\n"
                   "测试县档案馆,1959-11,测试县人民委员会,测编〔1959〕11号,,cs-dag\n"
                   "测试县档案馆,1970-04,,测编〔1959〕11号,秘密,cs-dag\n", encoding="utf-8")
    code, out, _err = run_import(root, capsys, csv, "--yes")
    assert code == 0 and "行待核" not in out and "（待核" not in out, out
    a = load_archive(root)
    assert {str(e.date): e.classification.name for e in a.events if e.id.startswith("ev-19")
            and "cs-dag" in e.id} == {"1959年11月": "公开", "1970年4月": "秘密"}


def test_a_public_post_or_figure_of_a_body_under_a_secret_name_is_no_public_row(tmp_path, capsys):
    """Attack tester: in `zhi export --all`, a 公开 任职 in a body under an 内部 name (and a 公开 编制 of it) were rows
    labelled 公开 that printed the name: an editor filtering 密级＝公开 got the secret name."""
    root = internal_rename_project(tmp_path)
    write(root, "sources/posts/dangan.yaml",
          "- {person: p-wang, body: cs-dangan, post: 馆长, from: 1971, sources: [d-1959-11]}\n")
    write(root, "sources/staffing/dangan.yaml",
          "- {body: cs-dangan, date: 1972, basis: 核定, figures: {事业编制: 3}, sources: [d-1959-11]}\n")
    run_export(root, capsys, tmp_path / "全部.xlsx", "--all")
    whole = cells(tmp_path / "全部.xlsx")
    public_rows = [r for sheet in whole.values() for r in sheet[2:] if r[-1] == "公开"]
    assert "CANARY" not in repr(public_rows)
    assert [r[-1] for r in whole["任免"][2:] if INTERNAL_NAME in repr(r)] == ["内部"]
    assert [r[-1] for r in whole["编制"][2:] if INTERNAL_NAME in repr(r)] == ["内部"]


# ---- a post another post holds (ex_officio) survives the round trip -------------------------------------------------
def test_an_ex_officio_post_is_exported_as_said_and_imported_back_as_ex_officio(tmp_path, capsys):
    """《宜黄县志》: 县文联“主席由县委宣传部副部长兼任” — a post with no person. The 任免 sheet's 姓名 says it as the site
    does (由…兼任); imported, it is that post again (ex_officio), never a person named 由…兼任, nor a row refused for
    having no 姓名; imported into the archive it came from, it is known and skipped."""
    root = project(tmp_path / "a")
    write(root, "sources/posts/ex-officio.yaml", "- {body: cs-jijingwei, post: 主任, ex_officio: 县计委副主任, from: 1990-06, "
          "to: 不详, sources: [d-1990-3]}\n")
    assert not [f for f in run_checks(load_archive(root)) if f.severity == "error"]
    run_export(root, capsys, tmp_path / "核对表.xlsx")
    (row,) = [r for r in cells(tmp_path / "核对表.xlsx")["任免"] if r[2] == "主任" and "兼任" in (r[0] or "")]
    assert row[0] == "由县计委副主任兼任", row
    fresh = project(tmp_path / "b")
    code, out, err = run_import(fresh, capsys, tmp_path / "核对表.xlsx", "--yes")
    assert code == 0 and "没有姓名" not in out + err, (out, err)
    a = load_archive(fresh)
    (p,) = [p for p in a.posts if p.post == "主任" and p.body.id == "cs-jijingwei" and p.person is None]
    assert (p.person, p.ex_officio, p.holder_said) == (None, "县计委副主任", "由县计委副主任兼任")
    assert not any("兼任" in x.name for x in a.people.values())
    assert not [f for f in run_checks(a) if f.severity == "error"], [f.as_text() for f in run_checks(a)]
    _code, out, _err = run_import(root, capsys, tmp_path / "核对表.xlsx")
    assert "主任由县计委副主任兼任（1990-06）档案中已有" in out, out
