"""A deterministic synthetic archive, for tests and timing (`zhi synth`). Not part of the product: a
package of its own beside ``zhi``, one module per kind of record.

``generate(out, scale, seed)`` writes a complete project: ``sources/`` (jurisdictions, bodies,
events, documents with some transcriptions, people, posts, staffing), ``chronicle/`` (book.yaml,
凡例, 概述, chapters of generated prose, 编后记) and a copy of the theme and mkdocs.yml.

Everything is drawn from ``random.Random(seed)`` while replaying the years in order and
tracking which bodies are alive, so the events are consistent with what ``zhi check`` enforces.
Names are made from syllable lists; no real or sample place is named. Scale 1 is one county and
one district (the county abolished in 2020, its bodies merged into the district's); scale n has
round(n) such pairs (scales below 1 thin out the bodies of a single pair).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from .documents import transcription
from .gen import Gen
from .prose import Prose, _chars
from .yamlout import dump_list


# ---- entry point --------------------------------------------------------------------------------------------
def generate(out: Path, scale: float = 1.0, seed: int = 1) -> dict:
    """Write a complete synthetic project to out (which must not exist or be empty); return the counts."""
    out = Path(out)
    if scale <= 0:
        raise ValueError("scale must be positive")
    g = Gen(scale, seed)
    g.run()
    files: dict[str, str] = {}
    jrecs = []
    for j in sorted(g.jur.values(), key=lambda j: (g.pair_of[j.id], j.level != "县")):
        jrecs.append({"id": j.id, "level": j.level,
                      "note": f"{j.name}，{'2020年撤销，其行政区域划归' + next(x.name for x in g.jur.values() if g.pair_of[x.id] == g.pair_of[j.id] and x.id != j.id) if j.end else '本志记述范围'}。"})
    files["sources/jurisdictions/jurisdictions.yaml"] = dump_list(jrecs, "行政区划（虚构）")
    # bodies, by the jurisdiction they were set up in and category
    home: dict[str, str] = {}
    for e in g.events:
        if e["type"] == "establish" and e["body"] in g.bodies:
            home.setdefault(e["body"], e["_j"])
        for a in ([e["after"]] if isinstance(e.get("after"), dict) else
                  [x for x in e.get("after", []) if isinstance(x, dict)] if isinstance(e.get("after"), list) else []):
            home.setdefault(a["id"], e["_j"])
    groups: dict[str, list] = {}
    for b in sorted(g.bodies.values(), key=lambda b: b.id):
        j = g.jur[home.get(b.id, b.jid)]
        rec = {"id": b.id, "kind": b.tpl.kind if b.tpl else b.kind}
        if b.tpl and b.tpl.functions:
            rec["functions"] = list(b.tpl.functions)
        groups.setdefault(f"sources/bodies/{j.py}/{b.cat}.yaml", []).append(rec)
    for path, recs in groups.items():
        files[path] = dump_list(recs)
    # events, by jurisdiction and year, in date order
    order = {"establish": 0, "merge": 0, "split": 0, "abolish": 2}
    evs = sorted(g.events, key=lambda e: (e["_d"], order.get(e["type"], 1)))
    groups = {}
    for e in evs:
        j = g.jur[e["_j"]]
        groups.setdefault(f"sources/events/{j.py}/{e['_d'][0]}.yaml", []).append(e)
    for path, recs in groups.items():
        files[path] = dump_list(recs)
    # documents (some with transcriptions)
    groups = {}
    tr = random.Random(seed * 7919 + 17)
    n_tr = 0
    for did in sorted(g.docs, key=lambda k: (g.docs[k]["_d"], k)):
        doc = g.docs[did]
        j = g.jur[doc["_j"]]
        path = f"sources/documents/{j.py}/{doc['_d'][0]}.yaml"
        groups.setdefault(path, []).append(doc)
        if tr.random() < 0.2:
            files[f"sources/documents/{j.py}/{did}.md"] = transcription(tr, doc)
            n_tr += 1
    for path, recs in groups.items():
        files[path] = dump_list(recs)
    files["sources/people/people.yaml"] = dump_list(g.people, "人物（虚构）")
    groups = {}
    for p in g.posts:
        groups.setdefault(f"sources/posts/{g.jur[p['_j']].py}.yaml", []).append(p)
    for path, recs in groups.items():
        files[path] = dump_list(recs)
    groups = {}
    for s in sorted(g.staffing, key=lambda s: (s["_j"], s["date"], s["body"], s["basis"])):
        groups.setdefault(f"sources/staffing/{g.jur[s['_j']].py}.yaml", []).append(s)
    for path, recs in groups.items():
        files[path] = dump_list(recs)
    prose = Prose(g)
    pc = prose.build()
    for path, text in prose.files.items():
        files[f"chronicle/{path}"] = text
    # write
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(files):
        p = out / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(files[path], encoding="utf-8")
    here = Path(__file__).resolve().parents[2]
    if (here / "theme").is_dir() and not (out / "theme").exists():
        shutil.copytree(here / "theme", out / "theme")
    if (here / "mkdocs.yml").is_file():
        shutil.copyfile(here / "mkdocs.yml", out / "mkdocs.yml")
    types: dict[str, int] = {}
    canon = {"核定编制": "staffing", "调整编制": "staffing", "升格": "rerank", "降格": "rerank"}
    for e in g.events:
        t = canon.get(e["type"], e["type"])
        if t == "merge":
            t = "merge-new" if isinstance(e["after"], dict) else "merge-into"
        types[t] = types.get(t, 0) + 1
    prose_chars = sum(_chars(t) for p, t in prose.files.items() if p.endswith(".md"))
    return {"jurisdictions": len(g.jur), "bodies": len(g.bodies), "events": len(g.events),
            "documents": len(g.docs), "transcriptions": n_tr, "people": len(g.people), "posts": len(g.posts),
            "staffing": len(g.staffing), "chapters": pc["chapters"], "prose_chars": prose_chars,
            "event_types": dict(sorted(types.items())), "files": len(files)}
