"""The chronicle: 凡例, 概述, chapters of generated prose, 编后记."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .catalogue import CATS, REFORMS, B, J, zh_num
from .yamlout import dump_one

if TYPE_CHECKING:
    from .gen import Gen

import re


def _chars(s: str) -> int:
    return sum(1 for c in re.sub(r"\[\[[^\]]*\]\]", "某某", s) if "\u4e00" <= c <= "\u9fff")


FILLER = [
    "这一时期，机构设置随着经济社会发展和上级部署多次调整，职能逐步理顺，管理体制日趋规范。",
    "各项调整均按照精简、统一、效能的原则进行，编制总量从严控制，内设机构和领导职数相应核定。",
    "历次调整后，原有机构的档案资料由接收单位统一管理，人员按照有关规定妥善安置，工作衔接平稳。",
    "本章所记机构名称、隶属关系、规格和编制，均据机构编制部门文件和档案馆所存资料整理。",
    "机构沿革中个别年份资料缺失，所记设立、撤销日期以现存文件为准，未见文件的暂付阙如。",
    "随着职能转变的深入，部分管理职能下放或划转，机构承担的事务逐步由直接管理转向宏观指导和监督服务。",
]


class Prose:
    def __init__(self, g: Gen):
        self.g = g
        self.r = g.r
        self.files: dict[str, str] = {}
        self.parts: list[dict] = []
        self.chapter_no = 0

    def para(self, b: B) -> list[str]:
        out = []
        for d, text, docs in sorted(b.story, key=lambda s: s[0]):
            foot = "".join(f"[[{x}]]" for x in docs[:1])
            out.append(text + foot + "。")
        paras = []
        cur = ""
        for s in out:
            cur += s
            if _chars(cur) > 220:
                paras.append(cur)
                cur = ""
        if cur:
            paras.append(cur)
        if b.functions:
            paras.append(f"[[{b.id}]]的主要职责是：{'；'.join(b.functions)}。")
        return paras

    def chapters_for(self, jurs: list[J], cat: str, title: str) -> list[str]:
        g = self.g
        out = []
        for j in jurs:
            bodies = sorted((b for b in g.bodies.values()
                             if b.cat == cat and b.story and (b.jid == j.id or self._origin(b) == j.id)),
                            key=lambda b: (b.start, b.id))
            if not bodies:
                continue
            sections: list[tuple[str, list[str]]] = [(b.names[-1][1] if False else b.name, self.para(b)) for b in bodies]
            chunks: list[list] = [[]]
            size = 0
            for sec in sections:
                n = sum(_chars(p) for p in sec[1])
                if size + n > 1300 and chunks[-1]:
                    chunks.append([])
                    size = 0
                chunks[-1].append(sec)
                size += n
            if len(chunks) > 1 and sum(_chars(p) for s in chunks[-1] for p in s[1]) < 600:
                last = chunks.pop()
                chunks[-1].extend(last)
            for k, chunk in enumerate(chunks):
                self.chapter_no += 1
                name = f"第{zh_num(self.chapter_no)}章 {j.name}{title}" + (f"（{zh_num(k + 1)}）" if len(chunks) > 1 else "")
                path = f"{cat}/{j.py}-{k + 1}.md"
                self.files[path] = self.chapter(name, j, chunk)
                out.append(path)
        return out

    def _origin(self, b: B) -> str:
        return b.jid

    def chapter(self, title: str, j: J, sections: list) -> str:
        r = self.r
        lines = ["---", f"title: {title}", f"status: {r.choice(['初稿', '修改稿', '送审稿', '定稿'])}",
                 f"target: {r.choice([2000, 2500, 3000])}", "---", "", f"# {title}", ""]
        intro = f"本章记述{j.name}有关机构的设置沿革。" + r.choice(FILLER)
        lines += [intro, ""]
        total = _chars(intro)
        for i, (name, paras) in enumerate(sections, 1):
            lines += [f"## 第{zh_num(i)}节 {name}", ""]
            for p in paras:
                lines += [p, ""]
                total += _chars(p)
        k = 0
        while total < 1050:
            p = FILLER[k % len(FILLER)]
            lines += [p, ""]
            total += _chars(p)
            k += 1
        return "\n".join(lines)

    def build(self) -> dict:
        g = self.g
        jurs = sorted(g.jur.values(), key=lambda j: (g.pair_of[j.id], j.level != "县"))
        part_no = 0
        for cat, title in CATS:
            chapters = self.chapters_for(jurs, cat, title)
            if chapters:
                part_no += 1
                self.parts.append({"title": f"第{zh_num(part_no)}篇 {title}", "chapters": chapters})
        first = jurs[1] if len(jurs) > 1 else jurs[0]
        book = {"title": f"{first.city}{first.name}机构编制志", "subtitle": "1949—2022（虚构测速卷）",
                "upper": 1949, "lower": 2022, "front": ["fanli.md", "gaishu.md"]}
        text = ["# 虚构档案生成器（zhi synth）所写，内容纯属虚构。", dump_one(book).rstrip(), "parts:"]
        for p in self.parts:
            text.append(f"  - title: {p['title']}")
            text.append("    chapters:")
            text += [f"      - {c}" for c in p["chapters"]]
        text.append("back: [bianhouji.md]")
        self.files["book.yaml"] = "\n".join(text) + "\n"
        names = "、".join(j.name for j in jurs[:6]) + ("等" if len(jurs) > 6 else "")
        self.files["fanli.md"] = "\n".join([
            "---", "title: 凡例", "status: 定稿", "---", "", "# 凡例", "",
            f"一、本志记述{names}机构编制沿革，上限1949年，下限2022年。本志为程序生成的虚构资料，所记机构、人物、文件均属虚构。", "",
            "二、本志采用述、记、志、图、表、录等体裁，以志为主。", "",
            "三、机构名称以当时名称为准，首次出现时写全称，其后用规范简称。", "",
            "四、资料来源于各级机构编制部门文件和档案馆馆藏档案，一般不注出处，重要事项以脚注注明。", "",
            "五、大事记以事件生效日期为序，同日事件以设立、合并、分设在前，撤销在后。", ""])
        gaishu = ["---", "title: 概述", "status: 修改稿", "---", "", "# 概述", ""]
        for j in jurs:
            n = sum(1 for b in g.bodies.values() if b.jid == j.id)
            first_ev = "1949年10月" if j.level == "县" else f"{j.start[0]}年{j.start[1]}月"
            gaishu += [f"{first_ev}，[[{j.id}]]人民政府成立。此后历经{len([y for y in REFORMS if y > j.start[0]])}次机构改革，"
                       f"机构设置几经调整。至{'2020年撤销' if j.end else '2022年底'}，档案所载先后设置机构{n}个。" +
                       FILLER[1] + FILLER[5], ""]
        gaishu += ["## 机构改革", "", "".join(
            f"{y}年，按照上级部署进行机构改革，党政机构和人员编制有所精简。" for y in REFORMS) + FILLER[2], ""]
        self.files["gaishu.md"] = "\n".join(gaishu)
        self.files["bianhouji.md"] = (
            "---\ntitle: 编后记\nstatus: 定稿\n---\n\n# 编后记\n\n"
            "本志由 zhi synth 按固定的随机种子生成，用于测试编纂工具的检查、生成和排版，并测量其速度。"
            "志中地名、机构名、人名、文号均为虚构，如有雷同，纯属巧合。\n")
        return {"chapters": sum(len(p["chapters"]) for p in self.parts)}
