"""Bodies and their events: establishment, renaming, merging, splitting, abolition, transfers."""

from __future__ import annotations

from .catalogue import CAT_BY_KEY, CATALOGUE, SECOND_NAMES, TOWN_ENDS, B, J, Tpl, add_days, ds, dzh


class Bodies:
    """The bodies and the events of their history (a part of ``Gen``)."""

    def full_name(self, j: J, tpl: Tpl) -> tuple[str, str]:
        if tpl.key == "dangwei":
            return f"中共{j.name}委员会", f"{j.short}委"
        if tpl.key == "zhengxie":
            return f"中国人民政治协商会议{j.name}委员会", f"{j.short}政协"
        if tpl.key == "tuanwei":
            return f"共青团{j.name}委员会", f"团{j.short}委"
        full = j.name + tpl.core + tpl.suffix
        short = j.short + (tpl.short or (tpl.core + tpl.suffix))
        return full, short

    def parent_for(self, j: J, tpl: Tpl) -> str | None:
        if tpl.parent == "none":
            return None
        role = {"gov": "zhengfu", "party": "dangwei"}.get(tpl.parent, tpl.parent)
        p = self.by_key(j, role)
        if p is None and tpl.parent not in ("gov", "party"):
            p = self.by_key(j, "zhengfu")
        return p.id if p else None

    def gov_name(self, j: J, d: tuple) -> tuple[str, str]:
        y = d[0]
        if 1955 <= y < 1968:
            return f"{j.name}人民委员会", f"{j.short}人委"
        if 1968 <= y < 1981:
            return f"{j.name}革命委员会", f"{j.short}革委会"
        return f"{j.name}人民政府", f"{j.short}政府"

    # ---- events that change the state -----------------------------------------------------------
    def establish(self, j: J, d: tuple, tpl: Tpl, docs: list[str], name=None, short=None, bid=None,
                  parent: str | None = "auto", staffing=True) -> B:
        bid = bid or self.new_id(j, tpl.key)
        full, sh = (name, short) if name else self.full_name(j, tpl)
        if tpl.key == "zhengfu":
            full, sh = self.gov_name(j, d)
        if parent == "auto":
            parent = self.parent_for(j, tpl)
        b = B(bid, j.id, tpl, tpl.kind, tpl.cat, start=d, name=full, short=sh,
              parent=parent, rank=tpl.rank, names=[(d, full)], functions=list(tpl.functions))
        self.add(b)
        kw = {"body": bid, "name": full}
        if sh:
            kw["short"] = sh
        if parent:
            kw["parent"] = parent
        kw["jurisdiction"] = j.id
        if tpl.rank:
            kw["rank"] = tpl.rank
        if staffing and tpl.rank and self.r.random() < 0.35:
            kw["staffing"] = self.figures(b)
        self.ev(j, d, "establish", docs, **kw)
        self.mark(d, bid, *([parent] if parent else []))
        text = f"{dzh(d)}，设立[[{bid}@{ds(d)}]]" + (f"（简称{sh}）" if sh else "") + \
               (f"，隶属[[{parent}]]" if parent else "") + (f"，{tpl.rank}" if tpl.rank else "")
        if "staffing" in kw:
            text += "，" + self.fig_text(kw["staffing"])
        b.story.append((d, text, docs))
        return b

    def end_body(self, bid: str, d: tuple, successor: str | None, docs: list[str]) -> None:
        """End bid on d; move its surviving children to the successor (or the government)."""
        b = self.bodies[bid]
        b.end = d
        j = self.jur[b.jid]
        kids = sorted((c for c in self.jb.get(b.jid, ()) if c.parent == bid and c.end is None and c.start is not None),
                      key=lambda c: c.id)
        for c in kids:
            if c.jid != b.jid:
                continue
            target = successor if successor and self.bodies[successor].end is None and \
                self.bodies[successor].jid == c.jid and successor != c.id else None
            if target is None:
                gov = self.by_key(j, "zhengfu")
                target = gov.id if gov and gov.id != bid and gov.end is None else None
            if target is None or target == c.id:
                continue
            self.ev(j, d, "reparent", docs, body=c.id, parent=target)
            c.parent = target
            self.mark(d, c.id)
            c.story.append((d, f"{dzh(d)}，[[{c.id}]]改由[[{target}]]管理", docs[:1]))

    def rename(self, j: J, d: tuple, b: B, full: str, short: str | None, docs: list[str]) -> None:
        prev = b.names[-1][0]
        kw = {"body": b.id, "name": full}
        if short:
            kw["short"] = short
        self.ev(j, d, "rename", docs, **kw)
        b.story.append((d, f"{dzh(d)}，[[{b.id}@{ds(prev)}]]更名为[[{b.id}@{ds(d)}]]" +
                        (f"（简称{short}）" if short else ""), docs))
        b.name, b.short = full, short
        b.names.append((d, full))
        self.mark(d, b.id)

    def name_free(self, j: J, full: str) -> bool:
        return all(not (x.end is None and x.name == full) for x in self.jb.get(j.id, ()))

    # ---- one jurisdiction's years ---------------------------------------------------------------------
    def found(self, j: J, d: tuple, county: bool) -> None:
        doc = self.doc(j, d, "" if county else "政", f"{j.name}建置沿革资料" if county else f"关于{j.name}人民政府成立的通告")
        gov = self.establish(j, d, CAT_BY_KEY["zhengfu"], [doc])
        d2 = add_days(d, 1)
        self.establish(j, d2, CAT_BY_KEY["dangwei"], [doc])
        d3 = add_days(d2, 20)
        keys = [t.key for t in CATALOGUE if t.year <= d[0] + (3 if county else 0) and t.cat in ("party", "gov", "law", "mass")
                and t.key not in ("dangwei", "zhengfu") and t.parent in ("gov", "party", "none")]
        n = max(4, int(len(keys) * (0.7 if not county else 0.6) * self.density))
        picks = sorted(self.r.sample(keys, min(n, len(keys))), key=keys.index)
        doc2 = self.doc(j, d3, "政" if not county else "", f"关于设立{j.name}人民政府工作部门的通知")
        for k in picks:
            self.establish(j, d3, CAT_BY_KEY[k], [doc2])
        self.towns(j, d3, 9 if county else 4, doc2)
        del gov

    def towns(self, j: J, d: tuple, n: int, doc: str) -> None:
        n = max(2, int(n * self.density))
        pair_names = self.pair_towns.setdefault(self.pair_of[j.id], set())
        for _ in range(n):
            core, py = self.place(2, pair_names)
            street = j.level == "市辖区" and self.r.random() < 0.5
            end = "街道" if street else self.r.choice(TOWN_ENDS)
            tpl = Tpl("town-" + py, core, end, "街道" if street else "乡镇", "town", "none", "正科级", 1949)
            bid = f"{j.py}-{py}-{'jd' if street else 'z'}"
            if bid in self.bodies:
                continue
            self.establish(j, d, tpl, [doc], name=f"{j.name}{core}{end}", short=core + end, bid=bid, parent=None,
                           staffing=False)

    def op(self, j: J, d: tuple, op: str, docs: list[str]) -> bool:
        """One operation on the bodies of ``j`` on ``d`` (each is a method of its own, given the government
        departments alive then); False when it cannot be done then."""
        depts = self.alive(j, d, lambda b: b.kind in ("政府工作部门", "政府直属机构") and b.cat == "gov")
        ops = {
            "merge-new": self.op_merge_new,
            "merge-into": self.op_merge_into,
            "split": self.op_split,
            "abolish": self.op_abolish,
            "rename": self.op_rename,
            "rerank": self.op_rerank,
            "add-name": self.op_add_name,
            "drop-name": self.op_drop_name,
            "transfer": self.op_transfer,
            "reparent": self.op_reparent,
            "staffing": self.op_staffing,
            "town": self.op_town,
        }
        return ops[op](j, d, docs, depts) if op in ops else False

    def op_merge_new(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        if len(depts) < 4:
            return False
        a, b = r.sample(depts, 2)
        ca = a.tpl.core if a.tpl and a.tpl.suffix == "局" else None
        cb = b.tpl.core if b.tpl and b.tpl.suffix == "局" else None
        if not ca or not cb or len(ca + cb) > 9:
            return False
        full, short = f"{j.name}{ca}{cb}局", f"{j.short}{ca[:2]}{cb[:2]}局"
        if not self.name_free(j, full):
            return False
        key = f"{a.tpl.key}-{b.tpl.key}"
        tpl = Tpl(key, ca + cb, "局", "政府工作部门", "gov", "gov", "正科级", d[0],
                  functions=a.tpl.functions + b.tpl.functions)
        nid = self.new_id(j, key)
        gov = self.by_key(j, "zhengfu")
        nb = B(nid, j.id, tpl, tpl.kind, "gov", start=d, name=full, short=short, parent=gov.id if gov else None,
               rank="正科级", names=[(d, full)], functions=list(tpl.functions))
        after = {"id": nid, "name": full, "short": short}
        if nb.parent:
            after["parent"] = nb.parent
        after["jurisdiction"] = j.id
        after["rank"] = "正科级"
        kw = {"before": [a.id, b.id] if r.random() < 0.7 else [a.id, {"id": b.id, "as": b.short or b.name}],
              "after": after}
        if r.random() < 0.5:
            kw["staffing"] = self.figures(nb)
        self.add(nb)
        self.ev(j, d, "merge", docs, **kw)
        self.mark(d, a.id, b.id, nid)
        text = f"{dzh(d)}，[[{a.id}]]与[[{b.id}]]合并，设立[[{nid}]]（简称{short}）"
        for x in (a, b):
            x.story.append((d, text, docs))
        nb.story.append((d, text + ("，" + self.fig_text(kw["staffing"]) if "staffing" in kw else ""), docs))
        self.end_body(a.id, d, nid, docs)
        self.end_body(b.id, d, nid, docs)
        return True

    def op_merge_into(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        if len(depts) < 4:
            return False
        a, s = r.sample(depts, 2)
        kw = {"before": [a.id, s.id], "after": s.id}
        self.ev(j, d, "merge", docs, **kw)
        self.mark(d, a.id, s.id)
        text = f"{dzh(d)}，[[{a.id}]]并入[[{s.id}]]"
        a.story.append((d, text, docs))
        s.story.append((d, text, docs))
        self.end_body(a.id, d, s.id, docs)
        return True

    def op_split(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        av = [t for t in self.available(j, d[0], ("gov",)) if t.parent == "gov"]
        if not depts or not av:
            return False
        src = r.choice(depts)
        keep = r.random() < 0.7 or len(av) < 2
        news = r.sample(av, 1 if keep else 2)
        after: list = [src.id] if keep else []
        created = []
        for t in news:
            full, short = self.full_name(j, t)
            if not self.name_free(j, full):
                return False
            nid = self.new_id(j, t.key)
            gov = self.by_key(j, "zhengfu")
            nb = B(nid, j.id, t, t.kind, t.cat, start=d, name=full, short=short, parent=gov.id if gov else None,
                   rank=t.rank, names=[(d, full)], functions=list(t.functions))
            desc = {"id": nid, "name": full, "short": short}
            if nb.parent:
                desc["parent"] = nb.parent
            desc["jurisdiction"] = j.id
            if t.rank:
                desc["rank"] = t.rank
            after.append(desc)
            created.append(nb)
        for nb in created:
            self.add(nb)
        self.ev(j, d, "split", docs, before=src.id, after=after)
        self.mark(d, src.id, *[nb.id for nb in created])
        names = "、".join(f"[[{nb.id}]]" for nb in created)
        text = (f"{dzh(d)}，从[[{src.id}]]分设{names}" if keep else
                f"{dzh(d)}，[[{src.id}@{ds(src.start)}]]撤销，分设为{names}")
        src.story.append((d, text, docs))
        for nb in created:
            nb.story.append((d, text, docs))
        if not keep:
            self.end_body(src.id, d, created[0].id, docs)
        return True

    def op_abolish(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        cands = [b for b in self.alive(j, d, lambda b: b.kind in ("政府工作部门", "政府直属机构", "事业单位", "党委办事机构"))]
        if len(cands) < 3:
            return False
        b = r.choice(cands)
        kw = {"body": b.id}
        to = None
        if r.random() < 0.6:
            others = [x for x in depts if x.id != b.id and x.id != b.parent]
            if others:
                to = r.choice(others)
                kw["functions_to"] = [to.id]
                self.mark(d, to.id)
        self.ev(j, d, "abolish", docs, **kw)
        self.mark(d, b.id)
        b.story.append((d, f"{dzh(d)}，撤销[[{b.id}]]" + (f"，职能划入[[{to.id}]]" if to else ""), docs))
        self.end_body(b.id, d, to.id if to else None, docs)
        return True

    def op_rename(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        cands = [b for b in self.alive(j, d, lambda b: b.tpl is not None and (b.tpl.suffix == "局" or b.cat == "shiye")
                                       and b.names[-1][0] < d)]
        if not cands:
            return False
        b = r.choice(cands)
        t = b.tpl
        variants = []
        if t.suffix == "局":
            variants = [(f"{j.name}{t.core}委员会", f"{j.short}{t.core[:1]}委"), (f"{j.name}{t.core}管理局", None),
                        (f"{j.name}{t.core}事务局", None), (f"{j.name}{t.core}局", f"{j.short}{t.core}局")]
        elif b.cat == "shiye":
            variants = [(f"{j.name}{t.core}", None), (f"{j.name}{t.core}服务中心", None), (f"{j.name}{t.core}（中心）", None)]
        else:
            base = j.name + t.core + t.suffix
            variants = [(base, f"{j.short}{t.short or t.core}"), (base + "办公室", None)]
        variants = [v for v in variants if v[0] != b.name and self.name_free(j, v[0])]
        if not variants:
            return False
        full, short = r.choice(variants)
        self.rename(j, d, b, full, short, docs)
        return True

    def op_rerank(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        cands = self.alive(j, d, lambda b: b.rank in ("正科级", "副科级", "股级") and b.cat != "town")
        if not cands:
            return False
        b = r.choice(cands)
        kw = {"body": b.id}
        if b.kind == "政府工作部门" and r.random() < 0.25:
            kw["kind"] = "政府直属机构"
            b.kind = "政府直属机构"
            text = f"{dzh(d)}，[[{b.id}]]由政府工作部门改为政府直属机构"
            etype = "rerank"
        else:
            new = {"正科级": "副科级", "副科级": "正科级", "股级": "副科级"}[b.rank]
            up = new == "正科级" or b.rank == "股级"
            kw["rank"] = new
            b.rank = new
            text = f"{dzh(d)}，[[{b.id}]]{'升格' if up else '降格'}为{new}"
            etype = "rerank" if r.random() < 0.6 else ("升格" if up else "降格")
        self.ev(j, d, etype, docs, **kw)
        self.mark(d, b.id)
        b.story.append((d, text, docs))
        return True

    def op_add_name(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        cands = [b for b in depts if len(b.second) < 2]
        if not cands:
            return False
        b = r.choice(cands)
        options = [j.name + s for s in SECOND_NAMES if j.name + s not in b.second]
        name = r.choice(options)
        self.ev(j, d, "add-name", docs, body=b.id, name=name)
        b.second.append(name)
        self.mark(d, b.id)
        b.story.append((d, f"{dzh(d)}，[[{b.id}]]加挂{name}牌子", docs))
        return True

    def op_drop_name(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        cands = [b for b in self.alive(j, d, lambda b: bool(b.second))]
        if not cands:
            return self.op(j, d, "add-name", docs)
        b = r.choice(cands)
        name = b.second.pop(0)
        self.ev(j, d, "drop-name", docs, body=b.id, name=name)
        self.mark(d, b.id)
        b.story.append((d, f"{dzh(d)}，[[{b.id}]]不再挂{name}牌子", docs))
        return True

    def op_transfer(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        src = [b for b in depts if b.functions]
        if not src or len(depts) < 2:
            return False
        a = r.choice(src)
        b = r.choice([x for x in depts if x.id != a.id])
        f = r.choice(a.functions)
        self.ev(j, d, "transfer", docs, **{"from": a.id, "to": b.id, "functions": [f]})
        self.mark(d, a.id, b.id)
        b.functions.append(f)
        text = f"{dzh(d)}，[[{a.id}]]的{f}职能划入[[{b.id}]]"
        a.story.append((d, text, docs))
        b.story.append((d, text, docs))
        return True

    def op_reparent(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        kids = self.alive(j, d, lambda b: b.kind == "事业单位")
        if not kids or not depts:
            return False
        c = r.choice(kids)
        targets = [x for x in depts if x.id != c.parent]
        gov = self.by_key(j, "zhengfu")
        if gov and c.parent != gov.id and gov.start < d:
            targets.append(gov)
        if not targets:
            return False
        p = r.choice(targets)
        self.ev(j, d, "reparent", docs, body=c.id, parent=p.id)
        c.parent = p.id
        self.mark(d, c.id, p.id)
        c.story.append((d, f"{dzh(d)}，[[{c.id}]]改由[[{p.id}]]管理", docs))
        return True

    def op_staffing(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        cands = self.alive(j, d, lambda b: b.rank is not None and b.cat != "town")
        if not cands:
            return False
        b = r.choice(cands)
        f = self.figures(b)
        self.ev(j, d, r.choice(["staffing", "staffing", "核定编制", "调整编制"]), docs, body=b.id, staffing=f)
        self.mark(d, b.id)
        b.story.append((d, f"{dzh(d)}，[[{b.id}]]{self.fig_text(f)}", docs))
        return True

    def op_town(self, j: J, d: tuple, docs: list[str], depts: list[B]) -> bool:
        r = self.r
        towns = self.alive(j, d, lambda b: b.cat == "town")
        xiang = [b for b in towns if b.name.endswith("乡")]
        if xiang and self.r.random() < 0.6:
            b = r.choice(xiang)
            core = b.tpl.core
            full = f"{j.name}{core}镇"
            if not self.name_free(j, full):
                return False
            self.rename(j, d, b, full, core + "镇", docs)
            b.story[-1] = (d, (f"{dzh(d)}，撤销{core}乡，设立{core}镇，[[{b.id}@{ds(b.names[-2][0])}]]改称"
                               f"[[{b.id}@{ds(d)}]]"), docs)
            return True
        if len(towns) >= 3:
            a, s = r.sample(towns, 2)
            self.ev(j, d, "merge", docs, before=[a.id, s.id], after=s.id)
            self.mark(d, a.id, s.id)
            text = f"{dzh(d)}，撤销[[{a.id}]]建制，并入[[{s.id}]]"
            a.story.append((d, text, docs))
            s.story.append((d, text, docs))
            self.end_body(a.id, d, s.id, docs)
            return True
        self.towns(j, d, 1, docs[0])
        return True

    # ---- 2020: the county is abolished, its bodies go to the district ----------------------------------
    def dissolve(self, county: J, district: J) -> None:
        r = self.r
        d = (2020, 9, 1)
        doc = self.doc(county, (2020, 8, r.randint(10, 25)), "编", f"关于撤销{county.name}后有关机构调整的通知", city=True)
        doc2 = self.doc(county, (2020, 6, r.randint(1, 28)), "政", f"关于撤销{county.name}的批复", city=True)
        self.ev(county, d, "merge", [doc2], before=[county.id, district.id], after=district.id,
                note=f"{county.name}撤销，其行政区域划归{district.name}管辖。")
        county.end = d
        alive = sorted((b for b in self.jb.get(county.id, ()) if b.end is None and b.start is not None),
                       key=lambda b: (b.kind != "事业单位", b.cat != "town", b.id))
        for b in alive:
            if b.end is not None:
                continue
            if b.start >= d:
                continue
            if b.cat == "town":
                self.ev(county, d, "rejurisdiction", [doc], body=b.id, jurisdiction=district.id)
                self.move(b, district.id)
                core = b.tpl.core
                end = b.name[-1]
                full = f"{district.name}{core}{end}"
                if self.name_free(district, full):
                    self.rename(district, d, b, full, b.short, [doc])
                b.story.append((d, f"{dzh(d)}，[[{b.id}]]划归[[{district.id}]]管辖", [doc]))
                continue
            twin = self.by_key(district, b.tpl.key) if b.tpl else None
            if b.kind == "事业单位":
                parent = self.bodies.get(b.parent) if b.parent else None
                pt = self.by_key(district, parent.tpl.key) if parent and parent.tpl else None
                pt = pt or self.by_key(district, "zhengfu")
                if twin is None and r.random() < 0.6 and pt:
                    self.ev(county, d, "rejurisdiction", [doc], body=b.id, jurisdiction=district.id, parent=pt.id)
                    self.move(b, district.id)
                    b.parent = pt.id
                    self.mark(d, b.id)
                    b.story.append((d, f"{dzh(d)}，[[{b.id}]]划归[[{district.id}]]，由[[{pt.id}]]管理", [doc]))
                    continue
            if twin is not None and twin.start < d:
                self.ev(county, d, "merge", [doc], before=[b.id, twin.id], after=twin.id)
                text = f"{dzh(d)}，[[{b.id}]]并入[[{twin.id}]]"
                b.story.append((d, text, [doc]))
                twin.story.append((d, text, [doc]))
            else:
                self.ev(county, d, "abolish", [doc], body=b.id)
                b.story.append((d, f"{dzh(d)}，[[{b.id}]]撤销", [doc]))
            b.end = d  # everything left in the county ends today: no rerouting of children
            self.mark(d, b.id)
