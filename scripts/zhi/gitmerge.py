"""A git merge driver for the archive's YAML files: two editors who each add records to the same file
(``sources/events/1984.yaml``) merge without a conflict.

A file that is a list of records (``- id: …`` at the left margin) is cut into one block per record, keyed by its
id; the text before the first record (the file's heading comments) is a block of its own. The three versions
(the common ancestor, ours, theirs) are then merged record by record:

* a record added on one side, or on both sides identically, is kept (new ones of theirs go after the record that
  precedes them in their file and after ours added there);
* a record changed on one side only takes that change; one deleted on one side and untouched on the other goes;
* a record changed differently on both sides, or changed on one side and deleted on the other, is a real
  conflict: the whole file is then merged by ``git merge-file``, which writes the usual conflict markers.

A file that is not a list of records with distinct ids (a single body record, a chapter) is merged by
``git merge-file`` too. Blocks are compared without their trailing blank lines, and the merged file separates
records as our version of the file does (by one blank line, or none).

Installed by ``scripts/setup.sh`` (``git config merge.zhi-records.driver``) and used through ``.gitattributes``;
a clone without the set-up falls back to git's own line merge, which is safe but conflicts more often.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

_ITEM = re.compile(r"^- ")
_ID = re.compile(r"^(?:- |  )id:\s*['\"]?([^'\"\s#]+)", re.MULTILINE)
HEAD = "\0head"


def blocks(text: str) -> dict[str, str] | None:
    """The file's blocks by key, in order; None if it is not a list of records with distinct ids."""
    parts: list[list[str]] = [[]]
    for line in text.splitlines(keepends=True):
        if _ITEM.match(line):
            parts.append([])
        parts[-1].append(line)
    head = "".join(parts[0])
    if any(x.strip() and not x.lstrip().startswith("#") for x in parts[0]):
        return None  # something other than comments before the first record: not a list of records
    out: dict[str, str] = {HEAD: head}
    for part in parts[1:]:
        block = "".join(part)
        m = _ID.search(block)
        if m is None or m.group(1) in out:
            return None  # a record without an id, or an id twice
        out[m.group(1)] = block
    return out


def _same(a: str | None, b: str | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.rstrip() == b.rstrip())


def merge_texts(base: str, ours: str, theirs: str) -> str | None:
    """The merged file, or None when the records conflict (or a file is not a list of records)."""
    o, a, b = blocks(base), blocks(ours), blocks(theirs)
    if o is None or a is None or b is None:
        return None
    result: dict[str, str] = {}
    for key in list(a) + [k for k in b if k not in a]:
        ko, ka, kb = o.get(key), a.get(key), b.get(key)
        if _same(ka, kb):
            chosen = ka
        elif _same(ka, ko):
            chosen = kb
        elif _same(kb, ko):
            chosen = ka
        else:
            return None  # changed on both sides, or changed on one and deleted on the other
        if chosen is not None:
            result[key] = chosen
    # their new records go after the record that precedes them in their file
    order = [k for k in a if k in result]
    for i, key in enumerate(b):
        if key in result and key not in order:
            prev = next((k for k in reversed(list(b)[:i]) if k in order), None)
            at = order.index(prev) + 1 if prev is not None else len(order)
            while at < len(order) and order[at] not in o and order[at] not in b:
                at += 1  # after the records that we added there
            order.insert(at, key)
    # records are separated as in our file: by a blank line, or not at all
    inner = [v for k, v in list(a.items())[1:-1]]
    sep = "\n" if sum(v.endswith("\n\n") for v in inner) * 2 >= len(inner) and inner else ""
    if not inner:
        sep = "\n" if a.get(HEAD, "").strip() or any(v.endswith("\n\n") for v in b.values()) else ""
    records = [result[k].rstrip("\n") + "\n" for k in order if k != HEAD]
    return result.get(HEAD, "") + sep.join(records)


def merge_files(base: Path, ours: Path, theirs: Path, name: str = "") -> int:
    """The merge driver: write the merge into ``ours``; 0 when clean, else the number of conflicts."""
    texts = [p.read_text(encoding="utf-8") for p in (base, ours, theirs)]
    merged = merge_texts(*texts)
    if merged is not None:
        ours.write_text(merged, encoding="utf-8")
        return 0
    label = name or ours.name
    proc = subprocess.run(["git", "merge-file", "-L", f"{label}（本地）", "-L", f"{label}（共同祖先）",
                           "-L", f"{label}（合入的）", str(ours), str(base), str(theirs)], check=False)
    return proc.returncode


def register(subparsers) -> None:
    p = subparsers.add_parser("merge-records", prog="zhi merge-records",
                              help="git 合并档案 YAML 时按记录编号合并（由安装脚本配置给 git，编辑不必直接运行）",
                              description="git 的合并程序（merge driver）：两人在同一个记录文件里各自新增记录时，合并不再冲突。\n"
                                          "由 scripts/setup.sh 写入 git 设置，.gitattributes 指定用于 sources/ 下的 YAML 文件。")
    p.add_argument("base", metavar="共同祖先")
    p.add_argument("ours", metavar="本地")
    p.add_argument("theirs", metavar="合入的")
    p.add_argument("name", nargs="?", default="", metavar="文件名")
    p.set_defaults(func=lambda args: merge_files(Path(args.base), Path(args.ours), Path(args.theirs), args.name))
