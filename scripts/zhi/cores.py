"""A secret designation's word (its core, 专名核心) and the Wade-Giles spellings of secret names (closedK).

A secret body named with a designation (临水县沙鸻十三号联络站) is known to a reader by the word before its number
as well: 沙鸻第十三联络站, 沙鸻十三站, 十三号沙鸻联络站, 沙鸻013号, 沙鸻幺三号, 沙鸻Ⅻ+1号, 沙鸻联络站 all name it, however the
number is written or left out. The word (沙鸻) is kept as secret as the name when it is no common word
(``common_core``): no word of the trade or of ordinary speech, and held by no name below the secret name's level
that the secret record has not stated is another body (``different_from``: then it is open within that name only,
as a designation is: ``leaks.Entry.within``). Its pinyin (shaheng, Sha-heng 13, SHAHENG-13) and Wade-Giles
spelling are looked for too, as a name's pinyin is (``leaks.romanized``).

A person's secret name, and a secret place's name, are looked for in Wade-Giles besides pinyin (乔明远: Ch'iao
Ming-yüan, chiao ming yuan): the syllables come from pypinyin's Wade-Giles style (``Style.WADEGILES``), read as
``leaks.latin_readings`` reads Latin letters (apostrophes out, ü as u).
"""

from __future__ import annotations

import dataclasses
import functools
import re

from .leaks import (
    _DIGIT_PINYIN,
    GENERIC_ENDINGS,
    PERSON_PINYIN_MIN,
    PINYIN_MIN,
    PLACE_HEADS,
    Entry,
    designation,
    fold,
    latin_readings,
    name_parts,
    numbered,
    secret_names,
    skeletons,
    stated_apart,
    syllables,
    towns_below,
)

CORE_MIN = 2          # a core of fewer Han characters is anyone's word
CORE_LETTERS_MIN = 7  # a core's pinyin of fewer letters (luting, an English word too: six) is not looked for in Latin letters
# words of the trade a designation may be built on (6101工程, 红旗3号): open, with the common words of pypinyin's
# phrase table (``common_core``)
COMMON_CORES = frozenset(("工程", "项目", "任务", "计划", "专案", "人民", "革命", "胜利", "前进", "东方", "东风", "红旗", "红星",
                          "解放", "建设", "和平", "团结", "友谊", "光明", "新华", "中华", "国营", "地方", "机关", "干部",
                          "工作", "联络", "联系", "办公", "管理", "服务", "综合", "保密", "机要", "安全", "公安", "国防",
                          "技术", "通讯", "通信", "监察", "保卫", "人防", "民兵", "武装", "战备"))
_NUMBER = re.compile(r"\d+号?")
_NOT_HAN = re.compile("[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@functools.cache
def _phrases() -> frozenset[str]:
    """The words of pypinyin's phrase table (some 47,000 words of ordinary Chinese: 红旗, 东风, 金丝雀)."""
    try:
        from pypinyin.phrases_dict import phrases_dict
    except ImportError:   # pragma: no cover - pypinyin is a locked dependency
        return frozenset()
    return frozenset(phrases_dict)


# how many open bodies' names must hold a designation's word for it to be the archive's common word (``name_cores``)
COMMON_IN_ARCHIVE = 2


def common_core(core: str) -> bool:
    """Whether a designation's word is a common word (``COMMON_CORES``, pypinyin's phrase table): then it names no
    body, and ordinary prose says it."""
    return core in COMMON_CORES or core in _phrases()


def core_of(part: str) -> str:
    """The word of a designation part (``leaks.name_parts``: 沙鸻十三号 → 沙鸻, 十三号沙鸻 → 沙鸻): the Han characters
    of its designation (``leaks.designation``, up to the number with 号) without the number, or of the whole part
    when none stand before the number; "" when fewer than ``CORE_MIN`` are left."""
    def word(x: str) -> str:
        return _NOT_HAN.sub("", _NUMBER.sub("", numbered(x)))

    core = word(designation(part)) or word(part)   # (the word after the number when none stands before it)
    return core if len(core) >= CORE_MIN else ""


def name_cores(ents: list[Entry], places: dict, a=None) -> list[Entry]:
    """For each secret name of a body or jurisdiction with a designation (``leaks.name_parts``), the designation's
    word (``core_of``) as an entry of its own, as secret as the name, unless it is a common word (``common_core``).
    A name below the name's level holding the word opens it within that name when the secret record states the two
    are different bodies (``different_from``, ``leaks.stated_apart``); any other such name leaves it secret, and
    the check names the conflict there (``checks.secrecy``: ``_cores_made_open``)."""
    out, seen = [], set()
    for e, below, towns in secret_names(ents, places, a, whole=False):
        for part, is_designation in name_parts(e.text, towns):
            core = _unplaced(core_of(part) if is_designation else "", towns)
            if not core or common_core(core) or (core, e.holder) in seen or any(core in t for t in towns):
                continue
            # a word the archive's own open names use for two bodies or more (财政 of 县财政局, 区财政局 beside a secret
            # 区财政××局) is the archive's common word: pypinyin's table holds only the phrases its readings need
            if len({x.holder for x, f in below if not x.level.rank and core in f}) >= COMMON_IN_ARCHIVE:
                continue
            seen.add((core, e.holder))
            apart = [f for x, f in below if core in f and stated_apart(x, e.text, places, True, e.record)]
            # (opened within each reading of that name too: 沙鸻13号养殖场, the numeral reading of 沙鸻十三号养殖场)
            within = tuple(sorted({r[r.index(core):] for f in apart for r in (f, *skeletons(f)) if core in r}))
            out.append(dataclasses.replace(e, text=core, whole=e.text, within=within))
    return out


def _unplaced(core: str, towns) -> str:
    """A core without the place's name it begins with (临水县沙鸻 → 沙鸻: ``leaks.PLACE_HEADS`` and the archive's
    jurisdictions below the name's level); "" when fewer than ``CORE_MIN`` characters are left."""
    places = sorted({*towns, *PLACE_HEADS}, key=len, reverse=True)
    while (place := next((p for p in places if p and core.startswith(p) and len(core) > len(p)), "")):
        core = core[len(place):]
    return core if len(core) >= CORE_MIN else ""


@functools.lru_cache(maxsize=4096)
def wg_syllables(name: str) -> tuple[str, ...]:
    """A name's syllables in Wade-Giles (乔明远: chiao ming yuan), as ``leaks.latin_readings`` reads Latin letters:
    lower case, apostrophes out, ü as u; a lone digit as its numeral's pinyin syllable (as ``leaks.syllables``)."""
    from pypinyin import Style, lazy_pinyin

    out: list[str] = []
    for item in lazy_pinyin(fold(name), style=Style.WADEGILES):
        for run in re.findall(r"[A-Za-z'’ü]+|\d+", item):
            if len(run) > 1 and run.isdigit():
                return tuple(out)
            out.append(_DIGIT_PINYIN[run] if run.isdigit() else latin_readings(run)[0].strip("|"))
    return tuple(x for x in out if x)


def latin_cores(cores: list[Entry], ents: list[Entry]) -> list[Entry]:
    """Each core's (``name_cores``) pinyin and Wade-Giles (``wg_syllables``) as entries (kind ``pinyin``), when it
    has ``CORE_LETTERS_MIN`` letters or more and no name or id below its level says it in Latin letters."""
    out, seen = [], set()
    said: dict[tuple[int, str], str] = {}
    for e in cores:
        if (e.level.rank, e.text) not in said:   # (the names holding the core in Han characters are its conflicts)
            said[e.level.rank, e.text] = _said_below([x for x in ents if e.text not in fold(x.text)])(e.level.rank)
        for sy in dict.fromkeys((syllables(e.text), wg_syllables(e.text))):
            key = " ".join(sy)
            if len("".join(sy)) < CORE_LETTERS_MIN or "".join(sy) in said[e.level.rank, e.text] \
                    or (key, e.holder) in seen:
                continue
            seen.add((key, e.holder))
            within = [f(w) for w in e.within for f in (syllables, wg_syllables)]
            out.append(dataclasses.replace(e, text=key, kind="pinyin", within=tuple(
                dict.fromkeys(x for w in within if w[: len(sy)] == sy for x in slugs(sy, w[len(sy):])))))
    return out


SLUG_JOINERS = "-_."
SLUG_SYLLABLES = 6   # the syllables after a core spelled with every placement of a joiner (2^6 × 3 spellings)


def slugs(core: tuple[str, ...], rest: tuple[str, ...]) -> list[str]:
    """An open name's pinyin (a core ``core`` and the syllables after it) as it may be written in Latin letters
    with joiners between some syllables (zhexiao-liuhao-yuchang, zhexiao_liuhaoyuchang): a core's pinyin is found in
    text as it stands, where a joiner ends what a plain ``within`` opens."""
    head, out = "".join(core), ["".join(core + rest)]
    if not rest:
        return out
    masks = range(2 ** len(rest)) if len(rest) <= SLUG_SYLLABLES else (0, 2 ** len(rest) - 1)
    for sep in SLUG_JOINERS:
        for mask in masks:
            out.append(head + "".join((sep if mask >> i & 1 else "") + x for i, x in enumerate(rest)))
    return out


def wade_giles(ents: list[Entry], places: dict) -> list[Entry]:
    """A secret person's name (three characters or more, whole, and given name first) and a secret place's name (its
    first ``PINYIN_MIN`` syllables or more) in Wade-Giles (``wg_syllables``), as entries (kind ``pinyin``) beside
    their pinyin (``leaks.romanized``), when the spelling differs from the pinyin and no name or id below the level
    says it."""
    out, seen = [], set()
    said = _said_below(ents)
    for e in ents:
        person = e.record.startswith("人物 ") and e.kind == "name" and not e.whole
        if e.kind != "name" or not e.level.rank or e.whole or (not person and fold(e.text) not in places):
            continue
        sy, py = wg_syllables(e.text), syllables(e.text)
        if len(sy) < (PERSON_PINYIN_MIN if person else PINYIN_MIN) or sy == py \
                or (person and _NOT_HAN.sub("", e.text) != e.text):
            continue
        below = said(e.level.rank)
        if person:
            keys = [" ".join(x) for x in (sy, sy[1:] + sy[:1]) if "".join(x) not in below]
        else:
            n = next((n for n in range(PINYIN_MIN, len(sy) + 1) if "".join(sy[:n]) not in below), 0)
            keys = [" ".join(sy[:n])] if n else []
        for key in keys:
            if (key, e.holder) not in seen:
                seen.add((key, e.holder))
                out.append(dataclasses.replace(e, text=key, kind="pinyin", whole=e.text))
    return out


def _said_below(ents: list[Entry]):
    """What the names (in pinyin and Wade-Giles) and ids below a level say in Latin letters, made once per level."""
    said: dict[int, str] = {}

    def below(rank: int) -> str:
        if rank not in said:
            xs = [x for x in ents if x.level.rank < rank]
            said[rank] = "\0".join(["".join(f(x.text)) for x in xs if x.kind == "name" and _NOT_HAN.sub("", x.text)
                                    for f in (syllables, wg_syllables)]
                                   + [r for x in xs if x.kind == "id" for r in latin_readings(x.text)])
        return said[rank]
    return below


def kind_words(name: str, part: str) -> list[str]:
    """The words of a secret name's kind after its designation part (临水县沙鸻十三号联络站, 沙鸻十三号: 联络站 and 联络,
    without the generic ending), each of two characters or more."""
    folded, alone = fold(name), designation(part) or part
    tail = folded[folded.find(alone) + len(alone):] if alone in folded else ""
    end = next((x for x in GENERIC_ENDINGS if tail.endswith(x)), "")
    return [k for k in dict.fromkeys((tail, tail[: len(tail) - len(end)])) if len(k) >= CORE_MIN]


def apart_with_kind(cores: list[Entry], ents: list[Entry], places: dict, a=None) -> list[Entry]:
    """For each core opened within a body's name the secret record states is another (``Entry.within``): that name
    followed by the secret name's kind words (``kind_words``), as secret as the secret name. The open 沙鸻十三号养殖场
    and the secret 沙鸻十三号联络站's 联络站 make 沙鸻十三号养殖场联络站 (or 沙鸻十三号养殖场（联络站）), which a reader reads as
    the secret body, whatever different_from says."""
    out, seen = [], set()
    for e in cores:
        if not e.within:
            continue
        towns = towns_below(places, a, e.level.rank)
        for part, is_designation in name_parts(e.whole, towns):
            if not is_designation:
                continue
            for kind in kind_words(e.whole, part):
                for w in e.within:
                    text = w + kind
                    if _NOT_HAN.sub("", w) != w or (text, e.holder) in seen:
                        continue   # (the name as written, not its numeral reading: that is read from it)
                    seen.add((text, e.holder))
                    out.append(dataclasses.replace(e, text=text, within=()))
    return out


def apart_units(a) -> list:
    """``secret-shared`` at a 内设机构 of a body a secret record states is another (``different_from``) whose name
    begins with a word of the secret name's kind (``kind_words``): printed after the open body's name (沙鸻十三号养殖场
    联络站), it spells the secret body."""
    from .findings import Finding
    from .leaks import entries, own_names

    out = []
    ents = entries(a)
    names = own_names(a)
    for e in ents:
        if e.kind != "name" or not e.within or not e.whole or not e.level.rank:
            continue
        bearers = {id(r): r for name, held in names.items() if any(w in name for w in e.within)
                   for r, _ in held}.values()
        kinds = [k for part, d in name_parts(e.whole) if d for k in kind_words(e.whole, part)]
        for r in bearers:
            for u in getattr(r, "units", ()):
                if u.classification.rank < e.level.rank and any(fold(u.name).startswith(k) for k in kinds):
                    out.append(Finding("secret-shared", "error",
                                       f"机构 {r.id}（{r.classification}）的内设机构“{u.name}”印在它的名称之后（"
                                       f"“{next(w for w in e.within)}{u.name}”），恰好拼出{e.origin}"
                                       f"（{e.level}）的名称里代号加机构类别的部分；非同一机构（different_from）只放开两者共有的代号，"
                                       f"不放开这样拼出的名称，生成时会被保密检查拦下。请核对内设机构的名称，或把它的 classification "
                                       f"改为不低于“{e.level.name}”", u.loc or r.loc))
    return list({(f.loc, f.message.split("印在")[0]): f for f in out}.values())   # (one for each unit)
