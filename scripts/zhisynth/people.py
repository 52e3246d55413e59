"""People and the posts they held."""

from __future__ import annotations

from .catalogue import GIVEN, POSTS, SURNAMES, ds


class People:
    """People and posts (a part of ``Gen``)."""

    # ---- people, posts, staffing records --------------------------------------------------------------
    def people_and_posts(self) -> None:
        r = self.r
        bodies = sorted((b for b in self.bodies.values() if b.rank and b.cat != "town" and b.tpl), key=lambda b: b.id)
        n = max(6, int(25 * self.scale))
        picks = r.sample(bodies, min(n, len(bodies)))
        names: set[str] = set()
        seq = 0
        for b in sorted(picks, key=lambda b: b.id):
            j = self.jur[b.jid]
            suffix = next((s for s in ("委员会", "办公室", "局", "部", "院", "会") if b.name.endswith(s)), "局")
            titles = POSTS.get(suffix, ["主任", "副主任"])
            life_end = b.end or (2022, 12, 31)
            y = b.start[0]
            for title in titles:
                seq += 1
                for _ in range(50):
                    nm = r.choice(SURNAMES) + "".join(r.sample(GIVEN, r.choice((1, 2))))
                    if nm not in names:
                        break
                names.add(nm)
                pid = f"p-{seq:04d}"
                person = {"id": pid, "name": nm, "gender": r.choice(["男", "男", "女"]),
                          "born": str(r.randint(max(1900, y - 55), y - 28))}
                self.people.append(person)
                start = (b.start[0], b.start[1], b.start[2])
                if r.random() < 0.5 and life_end[0] - start[0] > 3:
                    start = (start[0] + r.randint(1, min(8, life_end[0] - start[0] - 1)), r.randint(1, 12), r.randint(1, 28))
                span = r.randint(3, 10)
                end = (start[0] + span, r.randint(1, 12), r.randint(1, 28))
                post = {"person": pid, "body": b.id, "post": title, "from": ds(start)}
                if end < life_end:
                    post["to"] = ds(end)
                elif b.end:
                    post["to"] = ds(b.end)
                doc = self.doc(j, start, "组", f"关于{nm}等同志职务任免的通知")
                post["sources"] = [doc]
                post["_j"] = j.id
                self.posts.append(post)
