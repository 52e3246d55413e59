"""Records written as YAML, in a fixed, readable form."""

from __future__ import annotations

import json
import re

# ---- YAML writing (hand-written style, deterministic) ---------------------------------------------------
_PLAIN = re.compile(r"^[0-9A-Za-z\u3000-\u303f\u4e00-\u9fff\uff00-\uffef〔〕（）、，。；：·—_.\-★]+$")


def _scalar(v) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    s = str(v)
    if _PLAIN.match(s) and s[0] not in "-?:,[]{}#&*!|>'\"%@`" and s not in ("null", "true", "false", "yes", "no") \
            and not re.fullmatch(r"[0-9.]+", s):
        return s
    return json.dumps(s, ensure_ascii=False)


def _flow(v) -> str:
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_flow(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_flow(x) for x in v) + "]"
    return _scalar(v)


def _block(rec: dict, indent: int) -> list[str]:
    pad = " " * indent
    lines = []
    for k, v in rec.items():
        if k.startswith("_"):
            continue
        if isinstance(v, dict) and k in ("after",):
            lines.append(f"{pad}{k}:")
            lines += _block(v, indent + 2)
        elif isinstance(v, list) and any(isinstance(x, dict) and "name" in x for x in v):
            lines.append(f"{pad}{k}:")
            for x in v:
                if isinstance(x, dict):
                    sub = _block(x, indent + 4)
                    lines.append(f"{pad}  - " + sub[0].lstrip())
                    lines += sub[1:]
                else:
                    lines.append(f"{pad}  - {_scalar(x)}")
        else:
            lines.append(f"{pad}{k}: {_flow(v)}")
    return lines


def dump_list(recs: list[dict], header: str = "") -> str:
    out = [f"# {header}", ""] if header else []
    for rec in recs:
        lines = _block(rec, 2)
        out.append("- " + lines[0].lstrip())
        out += lines[1:]
        out.append("")
    return "\n".join(out)


def dump_one(rec: dict) -> str:
    return "\n".join(_block(rec, 0)) + "\n"
