"""Documents: the 文号 and titles of the papers each event rests on, and their transcriptions."""

from __future__ import annotations

import random

from .catalogue import REFORMS, J, ds, zh_num
from .prose import _chars


class Documents:
    """The documents of the archive (a part of ``Gen``)."""

    # ---- records ----------------------------------------------------------------------------------
    def doc(self, j: J, d: tuple, kind: str, title: str, city: bool = False) -> str:
        """A document of jurisdiction j issued on d: kind 编 (编委), 政 (政府), 发 (党委), 组 (组织部), none."""
        y = d[0]
        code = (j.city_code if city else j.code)
        if kind:
            key = (code, kind, y)
            self.doc_seq[key] = n = self.doc_seq.get(key, 0) + self.r.randint(1, 4)
            issuer = {"编": "机构编制委员会", "政": "人民政府", "发": "委员会", "组": "委组织部"}[kind]
            who = j.city if city else j.name
            issuer = ("中共" + who + issuer) if kind == "发" else (who + issuer)
            if kind == "政" and not city and y < 1981:
                kind2 = "革" if 1968 <= y < 1980 else ("人委" if 1955 <= y < 1968 else "政")
                issuer = who + {"革": "革命委员会", "人委": "人民委员会", "政": "人民政府"}[kind2]
                number = f"{code}{kind2}〔{y}〕{n}号"
            else:
                number = f"{code}{kind}〔{y}〕{n}号"
            did = f"doc-{j.py if not city else 'c' + j.py}-{'bzfr'['编政发组'.index(kind)] if kind in '编政发组' else 'x'}-{y}-{n}"
        else:
            key = (code, "x", y)
            self.doc_seq[key] = n = self.doc_seq.get(key, 0) + 1
            number = None
            issuer = (j.city if city else j.name) + "档案馆"
            did = f"doc-{j.py}-zl-{y}-{n}"
        rec = {"id": did}
        if number:
            rec["number"] = number
        rec["issuer"] = issuer
        rec["date"] = ds(d)
        rec["title"] = title
        if self.r.random() < 0.5:
            rec["archive_ref"] = f"{self.r.randint(1, 40)}-{self.r.randint(1, 3)}-{self.r.randint(1, 300)}-{self.r.randint(1, 60)}"
        rec["_j"] = j.id
        rec["_d"] = d
        self.docs[did] = rec
        return did

    def round_doc(self, j: J, d: tuple, kind: str = "编") -> str:
        key = (j.id, d, kind)
        if key not in self.round_docs:
            if kind == "政":
                title = f"关于印发{j.name}机构改革方案的通知" if d[0] in REFORMS else f"关于调整{j.name}部分机构设置的通知"
            else:
                title = f"关于{j.name}机构设置和人员编制的通知" if d[0] in REFORMS else "关于调整部分机构编制事项的通知"
            self.round_docs[key] = self.doc(j, d, kind, title)
        return self.round_docs[key]


# ---- transcriptions and prose ---------------------------------------------------------------------------
def transcription(rng: random.Random, doc: dict) -> str:
    number = doc.get("number", "")
    issuer = doc["issuer"]
    y, m, d = doc["_d"]
    items = ["根据上级关于机构改革的部署，结合本地实际，经研究决定",
             "按照精简、统一、效能的原则，调整有关机构设置",
             "各有关单位要加强领导，周密安排，确保机构调整平稳有序",
             "人员编制按照核定数额从严掌握，不得突破",
             "内设机构和领导职数另行核定",
             "原有机构的档案资料、财产物资，由新设机构接收管理",
             "各单位要认真做好干部职工的思想工作，保证各项工作正常运转",
             "本通知自印发之日起施行，此前有关规定与本通知不一致的，以本通知为准",
             "请各单位于本月底前将落实情况书面报告"]
    body = [f"# {doc['title']}", "", f"{issuer}文件", ""]
    if number:
        body += [number, ""]
    body += ["各乡镇人民政府，各有关单位：", ""]
    picks = rng.sample(items, rng.randint(4, 6))
    for i, t in enumerate(picks, 1):
        body += [f"{zh_num(i)}、{t}。", ""]
    body += [issuer, "", f"{y}年{m}月{d}日", ""]
    text = "\n".join(body)
    while _chars(text) < 200:
        text += "\n（此件存档）本件共印若干份，分送有关单位，并报上级机关备案。\n"
    return text
