"""`zhi search`: the editors' full-text search, its filters, facets and incremental index."""

import argparse
import os
import shutil
import time

import pytest
from conftest import ROOT, make_archive
from zhi import search_index as si
from zhi.commands import search as search_cmd
from zhi.history import derive_history
from zhi.loader import load_archive
from zhi.views.chronology import chronology

SECRET_DOC = """\
id: d-1988-mi
number: 测编〔1988〕9号
issuer: 测试县机构编制委员会
date: 1988-04-02
title: 关于核减县计划经济委员会编制的请示
classification: 秘密★10年
"""
SECRET_TEXT = """\
# 关于核减县计划经济委员会编制的请示

县计经委现有行政编制12名，拟核减为10名，精简人员另行安置。
"""


def run_cli(root, capsys, *argv):
    p = argparse.ArgumentParser()
    search_cmd.register(p.add_subparsers())
    args = p.parse_args(["search", *argv, "--root", str(root)])
    code = args.func(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def project(tmp_path):
    root = make_archive(tmp_path)
    (root / "sources/documents/d3.yaml").write_text(SECRET_DOC, encoding="utf-8")
    (root / "sources/documents/d-1988-mi.md").write_text(SECRET_TEXT, encoding="utf-8")
    return root


def test_chinese_query_is_ranked_and_highlighted(project, capsys):
    code, out, err = run_cli(project, capsys, "计划")
    assert code == 0
    assert "已建立检索索引" in err
    first = out.splitlines()[0]
    assert first.startswith("找到 ") and "事件" in first and "机构" in first
    assert "【计划】" in out  # not a terminal: hits wrapped in 【】
    res = si.search(project, "计划")
    scores = [h.score for h in res.hits]
    assert scores == sorted(scores, reverse=True) and len(scores) > 3
    # a body is found by its names, with its file and line
    body = next(h for h in res.hits if h.rid == "cs-jiwei")
    assert body.kind == "body" and body.file == "sources/bodies/jiwei.yaml" and body.line == 1
    # a prose chapter is searched with the reference [[cs-jiwei@1956-06-01]] read as the body's name
    chap = [h for h in res.hits if h.kind == "chapter"]
    assert chap and chap[0].file == "chronicle/p1/c1.md"
    snip, line = si.snippet(chap[0], res.terms)
    assert "【计划】委员会" in snip and line >= 7
    # 编制 (jieba search mode) finds staffing records and documents too
    res = si.search(project, "编制")
    assert {"staffing", "document", "event"} <= set(res.kinds)


def test_kind_and_year_filters_and_facets(project, capsys):
    si.update_index(project)
    a = load_archive(project)
    expected = [e for e in chronology(a, derive_history(a)) if 1980 <= e.date.year <= 1990 and "计划" in e.plain()]
    assert expected
    res = si.search(project, "计划", kinds=["event"], years=(1980, 1990))
    assert {h.rid for h in res.hits} == {e.event.id for e in expected}
    assert res.kinds == {"event": len(expected)}
    assert res.years == {"1980年代": len(expected)}
    assert sum(res.levels.values()) == len(expected)
    # the same through the command, with the Chinese alias of the kind
    code, out, _ = run_cli(project, capsys, "计划", "--kind", "事件", "--year", "1980-1990")
    assert code == 0
    assert out.splitlines()[0] == f"找到 {len(expected)} 条（事件 {len(expected)}）"
    assert f"1980年代 {len(expected)}" in out
    # a single year shows counts per year
    code, out, _ = run_cli(project, capsys, "计划", "--year", "1984")
    assert "按年：1984年" in out
    # bad input is explained, not a traceback
    code, _, err = run_cli(project, capsys, "计划", "--kind", "会议")
    assert code == 2 and "类别“会议”无法识别" in err
    code, _, err = run_cli(project, capsys, "计划", "--year", "八十年代")
    assert code == 2 and "年份" in err


def test_body_and_jurisdiction_filters(project):
    si.update_index(project)
    res = si.search(project, "计划", body="cs-jijingwei")
    assert res.hits and all("cs-jijingwei" in h.content or h.kind != "body" for h in res.hits)
    assert "post" in res.kinds  # 王明 主任 of 县计经委
    assert si.search(project, "计划", jurisdiction="cs-xian").hits
    assert not si.search(project, "计划", jurisdiction="no-such-place").hits


def test_classified_document_and_transcription_are_found(project, capsys):
    code, out, _ = run_cli(project, capsys, "核减", "--level", "秘密")
    assert code == 0
    assert "文件 1" in out.splitlines()[0] and "全文 1" in out.splitlines()[0]
    assert "按密级：秘密 2" in out
    assert "sources/documents/d3.yaml:1" in out and "sources/documents/d-1988-mi.md:1" in out
    res = si.search(project, "精简人员")  # only in the transcription; its line is that of the hit
    assert [(h.kind, h.level) for h in res.hits] == [("transcription", "秘密")]
    assert si.snippet(res.hits[0], res.terms)[1] == 3
    res = si.search(project, "测编〔1988〕9号")
    assert any(h.rid == "d-1988-mi" and h.level == "秘密" for h in res.hits)
    assert not si.search(project, "核减", levels=["公开"]).hits


def test_edit_reindexes_only_the_changed_file(project):
    first = si.update_index(project)
    assert first.full and first.entries > 10
    again = si.update_index(project)
    assert not again.loaded and not again.reindexed  # nothing changed: the archive is not even read
    assert not si.search(project, "撤并乡镇").hits
    path = project / "sources/documents/d1.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("工作部门的通知", "工作部门及撤并乡镇的通知"),
                    encoding="utf-8")
    later = time.time() + 5  # make the change visible even on coarse file-time clocks
    os.utime(path, (later, later))
    up = si.update_index(project)
    assert not up.full and up.loaded
    assert up.reindexed == ["sources/documents/d1.yaml"] and up.removed == []
    assert up.entries == 1
    hits = si.search(project, "撤并乡镇").hits
    assert [h.rid for h in hits] == ["d-1956-1"]
    # touching a file without changing what it says rewrites nothing
    other = project / "sources/people/people.yaml"
    os.utime(other, (later + 5, later + 5))
    up = si.update_index(project)
    assert up.loaded and up.reindexed == []


def test_removed_file_disappears(project):
    si.update_index(project)
    assert any(h.rid == "d-1988-mi" for h in si.search(project, "核减").hits)
    (project / "sources/documents/d3.yaml").unlink()
    up = si.update_index(project)
    assert "sources/documents/d3.yaml" in up.removed
    hits = si.search(project, "核减").hits
    assert all(h.file != "sources/documents/d3.yaml" for h in hits)
    # the transcription is no longer attached to any document: its entries go too
    assert all(h.kind != "transcription" for h in hits)
    # a removed chapter's sections go as well
    (project / "chronicle/p1/c1.md").unlink()
    si.update_index(project)
    assert not si.search(project, "计划", kinds=["chapter"]).hits


def test_sample_project_finds_hd_caizheng(tmp_path, capsys):
    root = tmp_path / "sample"
    for name in ("sources", "chronicle"):
        shutil.copytree(ROOT / name, root / name)
    code, out, _ = run_cli(root, capsys, "区财政局", "--limit", "5")
    assert code == 0 and "（hd-caizheng）" in out
    res = si.search(root, "区财政局", kinds=["body"])
    assert res.hits[0].rid == "hd-caizheng"
    assert "【区财政局】" in si.snippet(res.hits[0], res.terms)[0]


# A real 文号: 镇巴县人民政府《镇巴县人民政府工作规则》，镇政发〔2024〕7号，2024年4月6日
# (http://zb.gov.cn/zbxzf/xzfwj/202404/49ca3d0c669f4c2ebf6f7fabf563549c.shtml). The second document keeps an
# old original's padded serial and round brackets as printed; an event in 1990年5月 must not answer 编〔1990〕5.
REAL_DOC = """\
id: d-2024-gzgz
number: 镇政发〔2024〕7号
issuer: 镇巴县人民政府
date: 2024-04-06
title: 镇巴县人民政府工作规则
"""
OLD_DOC = """\
id: d-1990-padded
number: 测编(1990)05号
issuer: 测试县机构编制委员会
date: 1990-05-20
title: 关于县档案馆定编的通知
note: 原件序号印作“05”，括号为圆括号。
"""


@pytest.fixture
def numbered(project):
    (project / "sources/documents/d-real.yaml").write_text(REAL_DOC, encoding="utf-8")
    (project / "sources/documents/d-old.yaml").write_text(OLD_DOC, encoding="utf-8")
    si.update_index(project)
    return project


@pytest.mark.parametrize("query, rid", [
    ("镇政发〔2024〕7号", "d-2024-gzgz"), ("镇政发(2024)7号", "d-2024-gzgz"), ("镇政发（2024）07号", "d-2024-gzgz"),
    ("镇政发[2024]7号", "d-2024-gzgz"), ("镇政发【2024】7号", "d-2024-gzgz"), ("政发〔2024〕7", "d-2024-gzgz"),
    ("测编(1990)05号", "d-1990-padded"), ("测编〔1990〕5号", "d-1990-padded"), ("测编〔90〕5号", "d-1990-padded"),
    ("编〔1990〕5", "d-1990-padded"), ("测编（1990）", "d-1990-padded"),
    ("测编〔1988〕9号", "d-1988-mi"), ("测编(1988)09号", "d-1988-mi"),
])
def test_every_spelling_of_a_docno_finds_the_document(numbered, query, rid):
    hits = si.search(numbered, query).hits
    assert any(h.rid == rid and h.kind == "document" for h in hits), query
    # the 文号 as the record writes it is what is highlighted
    doc = next(h for h in hits if h.rid == rid and h.kind == "document")
    snip = si.snippet(doc, si.query_terms(query))[0]
    assert "【" in snip and ("1990" in snip or "2024" in snip or "1988" in snip)


def test_a_docno_fragment_is_not_a_date(numbered):
    res = si.search(numbered, "编〔1990〕5")
    assert {h.rid for h in res.hits} == {"d-1990-padded"}
    assert not si.search(numbered, "测编〔1990〕50号").hits  # a longer serial is another document
    assert not si.search(numbered, "测编〔1991〕5号").hits


def test_matching_is_exact_substring(numbered):
    """Every entry whose text holds the query is found (recall) and every hit holds it (precision), for
    substrings taken from the entries themselves."""
    import random

    from zhi.docno import docnos_in

    entries = si.collect(load_archive(numbered))
    rnd = random.Random(3)
    checked = 0
    for e in entries:
        text = "".join(e.content.split())
        if len(text) < 4:
            continue
        i = rnd.randrange(0, len(text) - 3)
        q = text[i:i + rnd.randint(2, 5)]
        want = {(x.file, x.line, x.title) for x in entries
                if q in "".join(x.title.split()) or q in "".join(x.content.split())}
        hits = si.search(numbered, q).hits
        assert want <= {(h.file, h.line, h.title) for h in hits}, q
        for h in hits:
            assert si.fold(q) in si.fold(h.title) or si.fold(q) in si.fold(h.content) or any(
                si.fold(q) in si.fold(n) for _w, n in docnos_in(h.content)), (q, h)
        checked += 1
    assert checked > 20


def test_sample_full_name_finds_the_body_recorded_by_its_short_form(tmp_path):
    """区财政局 of 河东区 (later 望川区) is found as 河东区财政局 and as 望川区财政局, first."""
    root = tmp_path / "sample"
    for name in ("sources", "chronicle"):
        shutil.copytree(ROOT / name, root / name)
    si.update_index(root)
    for q in ("河东区财政局", "望川区财政局"):
        res = si.search(root, q)
        assert res.hits and res.hits[0].rid == "hd-caizheng", q
    # the sample's 临编〔1988〕09号 is found however the serial is typed
    for q in ("临编〔1988〕9号", "临编(1988)09号", "编〔1988〕9"):
        assert any(h.rid == "doc-lb-1988-9" for h in si.search(root, q).hits), q
    assert not any(h.kind == "event" and "1988年9月" in h.content and "临编" not in h.content
                   for h in si.search(root, "编〔1988〕9").hits)


def test_cut_short_by_head_is_quiet(numbered):
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    p = subprocess.run(f"'{sys.executable}' -m zhi.cli --root '{numbered}' search 县 --limit 0 | head -1",
                       shell=True, capture_output=True, text=True, env=env, check=False)
    assert p.stdout.startswith("找到 ")
    assert "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr, p.stderr


def test_a_damaged_store_is_rebuilt(numbered):
    (si.index_dir(numbered) / si.STORE).write_bytes(b"\x00garbage")
    assert not si.search(numbered, "镇政发").hits  # unreadable: no hits, no traceback
    path = numbered / "sources/documents/d-real.yaml"
    later = time.time() + 5
    os.utime(path, (later, later))
    up = si.update_index(numbered)
    assert up.full
    assert [h.rid for h in si.search(numbered, "镇政发〔2024〕7号").hits] == ["d-2024-gzgz"]


def test_an_older_index_is_replaced_and_its_files_removed(project):
    d = si.index_dir(project)
    d.mkdir(parents=True)
    (d / si.MANIFEST).write_text('{"version": 1, "files": {}}', encoding="utf-8")
    (d / "MAIN_old.seg").write_bytes(b"whoosh segment of version 1")
    (d / si.STORE).write_bytes(b"old")
    up = si.update_index(project)
    assert up.full and not (d / "MAIN_old.seg").exists()
    assert any(h.rid == "d-1988-mi" for h in si.search(project, "测编〔1988〕9号").hits)


def test_an_untitled_documents_description_is_found(project):
    # found by a tester: `zhi search` missed a document known only by its description
    (project / "sources/documents/d-desc.yaml").write_text(
        "id: d-desc\ndate: 1999-07-01\ndescription: 关于鹤汀渡口检查站人员抽调的情况说明\nclassification: 机密★20年\n",
        encoding="utf-8")
    si.update_index(project)
    hits = si.search(project, "鹤汀渡口").hits
    assert [(h.rid, h.level) for h in hits] == [("d-desc", "机密")]
    assert "情况说明" in hits[0].title


def test_a_hit_carries_the_level_of_the_unit_or_passage_it_is_in(tmp_path):
    """Tester run 2 (S1, S2): a 秘密 内设机构 of a public body was labelled 公开 (the body's level), and a
    ``:::秘密`` passage sharing a section with a ``::: 机密`` one was labelled 机密."""
    root = make_archive(tmp_path)
    body = root / "sources/bodies/zhengfu.yaml"
    body.write_text(body.read_text(encoding="utf-8") + "units:\n  - name: 办公室\n  - name: 鹭汀特勤股\n"
                    "    classification: 秘密\n    note: 股内另设值班组。\n", encoding="utf-8")
    (root / "chronicle/p1/c1.md").write_text(
        "---\ntitle: 附记\n---\n\n# 附记\n\n公开的段落，鹭岛一。\n\n:::秘密\n秘密的段落，鹭岛二。\n:::\n\n"
        "::: 机密\n机密的段落，鹭岛三。\n:::\n\n公开的结尾，鹭岛四。\n", encoding="utf-8")
    si.update_index(root)
    unit = si.search(root, "特勤股").hits
    assert [(h.kind, h.level, h.rid) for h in unit] == [("body", "秘密", "cs-zhengfu")]
    assert si.search(root, "值班组").hits[0].level == "秘密"
    office = [h for h in si.search(root, "办公室").hits if h.rid == "cs-zhengfu"]
    assert office and {h.level for h in office} == {"公开"}
    levels = {n: {h.level for h in si.search(root, f"鹭岛{n}", kinds=["chapter"]).hits} for n in "一二三四"}
    assert levels == {"一": {"公开"}, "二": {"秘密"}, "三": {"机密"}, "四": {"公开"}}
    hit = si.search(root, "鹭岛二", kinds=["chapter"]).hits[0]
    lines = (root / "chronicle/p1/c1.md").read_text(encoding="utf-8").splitlines()
    assert "鹭岛二" in "\n".join(lines[hit.line - 1:hit.line + 2])


def test_memos_are_found_and_a_hit_has_the_level_of_the_text_that_matched(tmp_path, capsys):
    """Tester run 5 (C3): 记事 were not indexed at all, and a public body's secret 牌子 matched as 公开."""
    root = make_archive(tmp_path)
    (root / "sources/memos").mkdir(parents=True, exist_ok=True)
    (root / "sources/memos/1984.yaml").write_text(
        "- {id: memo-1984-pub, date: 1984-10, text: 县里召开会议，部署鹭汀机构改革。, sources: [d-1956-1]}\n"
        "- {id: memo-1984-mi, date: 1984-11, text: 鹭汀保密会议召开。, sources: [d-1956-1], classification: 秘密}\n",
        encoding="utf-8")
    (root / "sources/events/add.yaml").write_text(
        "- {id: ev-1985-addname, type: add-name, date: 1985-02, body: cs-zhengfu, name: 鹭汀秘密牌子,"
        " classification: 秘密, sources: [d-1956-1]}\n", encoding="utf-8")
    si.update_index(root)
    memo = si.search(root, "部署鹭汀机构改革").hits
    assert [(h.kind, h.level, h.rid) for h in memo] == [("memo", "公开", "memo-1984-pub")]
    assert [(h.kind, h.level) for h in si.search(root, "鹭汀保密会议").hits] == [("memo", "秘密")]
    # the 牌子 matched in the body's entry carries the add-name event's level, not the body's 公开
    plate = [h for h in si.search(root, "鹭汀秘密牌子").hits if h.kind == "body"]
    assert plate and {h.level for h in plate} == {"秘密"}
    assert not [h for h in si.search(root, "鹭汀秘密牌子", levels=["公开"]).hits]
    assert not [h for h in si.search(root, "鹭汀保密", levels=["公开"]).hits]
    code, out, _err = run_cli(root, capsys, "鹭汀")
    assert code == 0 and "记事 2" in out and "部署【鹭汀】机构改革" in out, out
