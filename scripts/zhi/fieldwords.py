"""Words zhi says about an editor's fields: a key's Chinese name, "did you mean" for a value near an allowed one,
an editor's placeholder (（待填）) standing in for a value, and what keeps a value from printing as one word.
Shared by the record reader (fields.py) and the staffing reader (staffingfields.py)."""

from __future__ import annotations

import difflib
import re

from .invisible import bare

# an editor's note to self standing in for a value: （待填）, 【待查：文号】, 待补 …
PLACEHOLDER_RE = re.compile(r"^\s*[（(【\[]?\s*待(?:填|补|查|核|考|定)|[（(【\[]\s*待(?:填|补|查|核|考)[^）)】\]]*[）)】\]]"
                            r"|^[？?×Xx…\s]+$")

KEY_ZH = {
    "id": "编号", "type": "类型", "date": "日期", "decided": "决定日期", "body": "机构", "before": "原机构",
    "after": "新机构", "name": "名称", "short": "规范简称", "parent": "上级", "jurisdiction": "行政区划",
    "rank": "规格", "kind": "类别", "second_names": "加挂牌子", "staffing": "编制", "sources": "来源",
    "conflict_note": "考异", "note": "备注", "classification": "密级", "number": "发文字号", "issuer": "发文机关",
    "issuer_body": "发文机关编号", "title": "标题", "archive_ref": "档号", "url": "网址", "transcription": "全文",
    "scans": "扫描件", "person": "人物", "post": "职务", "posts": "所设职务", "from": "起", "to": "止", "basis": "口径",
    "figures": "数字", "functions": "职能", "functions_to": "职能去向", "functions_wording": "职能去向用词", "units": "内设机构", "level": "层级",
    "scope": "范围", "gender": "性别", "born": "出生", "died": "去世", "as": "原文称谓", "doc": "文件",
    "page": "页码", "end": "止年", "term": "届次", "in_office": "在任日期", "ex_officio": "由某职兼任", "names": "名称", "co_parents": "双重领导", "parent_wording": "上级关系用词", "partly": "部分并入",
    "rest_unknown": "其余去向不详", "before_count": "参加合并的单位数", "previous_end": "此前的终止", "resume": "恢复时间", "wording": "原文用语", "bodies": "机构", "description": "说明", "genre": "出版物类别",
    "section": "卷章", "publisher": "出版者", "accessed": "访问日期", "dashiji": "大事记", "group": "大事记合并条目", "text": "记事",
    "mentions": "涉及记录", "action": "行文用语",
    "by": "擅改者", "count": "个数", "count_before": "原有个数", "planned": "计划用语", "excludes": "不含", "throughout": "整段时间",
    "with": "对口的行政区划", "with_scope": "对口的机构", "subordinates": "下辖单位", "members": "成员", "of_which": "其中",
    "powers": "权限", "distinguish": "区别语", "different_from": "非同一机构", "merged_from": "由哪些内设机构合并", "renamed_from": "原名",
    "original_classification": "原密级", "declassified": "解密", "remarks": "附注",
}


def _sound(text: str) -> str:
    from pypinyin import lazy_pinyin

    return " ".join(lazy_pinyin(text))


def closest(value: str, allowed) -> str | None:
    """The allowed value an editor most likely meant by ``value``: the same once full-width forms, invisible
    characters and capitals are set aside (ＩＮ, In → in); the same sound, a slip of the 拼音 input method
    (南 → 男, 和定 → 核定); else the nearest spelling (政府部门 → 政府工作部门). None when nothing is near."""
    allowed = [a for a in allowed if a]
    v = bare(str(value)).strip()
    for a in allowed:
        if v.casefold() == a.casefold():
            return a
    if v and not v.isascii():
        same = [a for a in allowed if not a.isascii() and _sound(a) == _sound(v)]
        if len(same) == 1:
            return same[0]
    close = difflib.get_close_matches(v, allowed, n=1, cutoff=0.5)
    return close[0] if close else None


def did_you_mean(value: str, allowed) -> str:
    """“是否应为“…”？” for the closest allowed value, or "" when nothing is near."""
    c = closest(value, allowed)
    return f"是否应为“{c}”？" if c else ""


def key_tip(key: str, allowed) -> str:
    """What an unknown key should have been: itself without full-width forms and invisible characters, or the
    closest allowed key, or the list of allowed keys."""
    if bare(key) in allowed:
        return f"应写成“{bare(key)}”。"
    close = difflib.get_close_matches(bare(key), sorted(allowed), n=1, cutoff=0.6)
    return f"是否应为“{close[0]}”？" if close else f"可用的键：{'、'.join(sorted(allowed))}。"


def key_label(key: str) -> str:
    zh = KEY_ZH.get(key)
    return f"{key}（{zh}）" if zh else key


# a wording is words: no blank (a full-width space, a no-break space) and no mark that ends a sentence inside it,
# no comma or colon at either end (合并，成立 and 实行“四块牌子、一套班子” are wordings; 成立。 and 改建为，are not)
_WORDING_BAD = re.compile(r"[\s\u3000。；;！!？?]")
_WORDING_EDGE = re.compile(r"^[，、,：:]|[，、,：:]$")


def words_flaw(v: str) -> str | None:
    """The character that keeps ``v`` from being printed inside a sentence or a table cell as one word (a blank
    anywhere, a sentence's end inside it, a comma or colon at either end), or None: a wording, a 领导职数 level."""
    bad = _WORDING_BAD.search(v) or _WORDING_EDGE.search(v)
    return bad.group(0) if bad else None
