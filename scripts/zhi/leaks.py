"""保密观: after every build, read the finished outputs and refuse them if anything leaked.

The scanner knows the whole archive (all levels) and the edition's limit. It collects the strings that only
records above the limit hold (ids, titles, 文号, names, distinctive sentences of transcriptions and prose)
and looks for them, for classification marks, and for ID-card and mobile numbers in every output file:
HTML, the search index, the sitemap, the PDF's text and metadata, the DOCX.
"""

from __future__ import annotations

import html
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .classification import Level
from .docno import normalise_docno
from .editions import EDITIONS
from .model import Archive

MARKS = re.compile(r"秘密★|机密|绝密|内部资料|不得外传")
SECRET_MARKS = re.compile(r"秘密★|机密|绝密")  # the internal edition may carry 内部 marks, never these
ID_CARD = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![0-9])1[3-9]\d{9}(?![0-9])")
_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def _id_card_ok(s: str) -> bool:
    total = sum(int(c) * w for c, w in zip(s[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == s[17].upper()


@dataclass
class Leak:
    file: str
    what: str      # the string or pattern found
    why: str       # where it comes from (record, level) or what kind of pattern

    def as_text(self) -> str:
        return f"{self.file}：发现“{self.what}”（{self.why}）"


def _sentences(text: str, min_len: int = 12) -> list[str]:
    parts = re.split(r"[。！？；\n]", re.sub(r"[#>*`|\[\]]", " ", text))
    out = []
    for p in parts:
        p = re.sub(r"\s+", "", p)
        if len(p) >= min_len:
            out.append(p[:40])
    return out


def record_strings(a: Archive) -> list[tuple[str, Level, str]]:
    """(string, level, origin) for every distinctive string a record or a chapter holds."""
    out: list[tuple[str, Level, str]] = []

    def add(s, level, origin):
        if s:
            out.append((str(s).strip(), level, origin))

    for j in a.jurisdictions.values():
        add(j.id, j.classification, f"行政区划 {j.id}")
    for b in a.bodies.values():
        add(b.id, b.classification, f"机构 {b.id}")
        for f in b.functions:
            add(f, b.classification, f"机构 {b.id} 职能")
        for u in b.units:
            add(u.name, b.classification, f"机构 {b.id} 内设机构")
    for d in a.documents.values():
        origin = f"文件 {d.id}"
        add(d.id, d.classification, origin)
        add(d.title, d.classification, origin)
        if d.number:
            add(d.number, d.classification, origin)
            add(normalise_docno(d.number), d.classification, origin)
        add(d.archive_ref if len(d.archive_ref) >= 8 else "", d.classification, origin)
        if d.transcription and d.transcription.is_file():
            for s in _sentences(d.transcription.read_text(encoding="utf-8", errors="replace")):
                add(s, d.classification, origin + " 全文")
    for p in a.people.values():
        add(p.id, p.classification, f"人物 {p.id}")
        add(p.name, p.classification, f"人物 {p.id}")
    for e in a.events:
        origin = f"事件 {e.id}"
        add(e.id, e.classification, origin)
        for nb in e.new.values():
            add(nb.name, e.classification, origin)
            add(nb.short, e.classification, origin)
            for sn in nb.second_names:
                add(sn, e.classification, origin)
        add(e.name, e.classification, origin)
        add(e.short, e.classification, origin)
        for f in e.functions:
            add(f, e.classification, origin)
    for p in a.posts:
        add(p.id, p.classification, f"任职 {p.loc}")
    for s in a.staffing:
        add(s.id, s.classification, f"编制 {s.loc}")
    if a.book is not None:
        for ch in a.book.chapters():
            add(ch.title, ch.classification, ch.path)
            lines = ch.body.splitlines()
            for s in _sentences(ch.body):
                add(s, ch.classification, ch.path)
            for level, first, last in ch.passages:
                block = "\n".join(lines[first + 1: (last if last >= 0 else len(lines))])
                for s in _sentences(block, 8):
                    add(s, level if level.rank > ch.classification.rank else ch.classification, f"{ch.path} 密级段落")
    return out


def forbidden_strings(a: Archive, edition: str) -> dict[str, str]:
    """Strings that only material above the edition's level holds, with their origin."""
    limit = EDITIONS[edition]
    strings = record_strings(a)
    # what open records hold may appear; open prose does not make a string open (an editor who copies a
    # secret title into a public chapter is exactly the leak to catch)
    allowed_text = "\n".join(s for s, level, origin in strings
                             if level.rank <= limit.rank and not origin.startswith("chronicle/"))
    out: dict[str, str] = {}
    for s, level, origin in strings:
        if level.rank <= limit.rank or s in out:
            continue
        if len(s) < 4 and not re.match(r"^[A-Za-z0-9_.-]+$", s):
            continue  # two- or three-character names collide with ordinary words; ids and titles do not
        if len(s) < 3 or s in allowed_text:
            continue
        out[s] = f"{origin}，{level}"
    return out


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    try:
        text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    reader = PdfReader(str(path))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())

    def outline(items):
        for o in items:
            if isinstance(o, list):
                yield from outline(o)
            else:
                yield o.title

    return text + "\n" + meta + "\n" + " ".join(outline(reader.outline))


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")]
    return html.unescape(re.sub(r"<[^>]+>", " ", "\n".join(parts)))


def file_text(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xml", ".json", ".txt", ".md", ".svg", ".js", ".css"):
        raw = path.read_text(encoding="utf-8", errors="replace")
        if suffix in (".html", ".htm", ".xml", ".svg"):
            return raw + "\n" + html.unescape(re.sub(r"<[^>]+>", " ", raw))
        if suffix == ".json":
            import json

            try:
                return raw + "\n" + json.dumps(json.loads(raw), ensure_ascii=False)
            except ValueError:
                return raw
        return raw
    if suffix == ".pdf":
        return _pdf_text(path)
    if suffix == ".docx":
        return _docx_text(path)
    return None


SKIP_DIRS = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")


def fingerprint(forbidden: dict[str, str], edition: str) -> str:
    """What a clean verdict depends on besides the file itself: the edition and the forbidden strings."""
    import hashlib

    h = hashlib.sha256(edition.encode())
    for k in sorted(forbidden):
        h.update(b"\0" + k.encode())
    return h.hexdigest()


def scan(out: Path, forbidden: dict[str, str], edition: str = "public",
         clean: dict[str, list[int]] | None = None) -> list[Leak]:
    """Scan every file under ``out``. ``clean`` (relative path → [size, mtime_ns]) names files found clean
    before under the same fingerprint: those are skipped if unchanged, and the dict is updated in place."""
    leaks: list[Leak] = []
    squeezed = {re.sub(r"\s+", "", k): (k, v) for k, v in forbidden.items()}
    seen = set()
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        rel = path.relative_to(out).as_posix()
        if rel.startswith(SKIP_DIRS):
            continue  # the theme's own code and fonts, not made from records
        seen.add(rel)
        if clean is not None:
            st = path.stat()
            stamp = [st.st_size, st.st_mtime_ns]
            if clean.get(rel) == stamp:
                continue
            clean.pop(rel, None)
        found = len(leaks)
        text = file_text(path)
        if text is None:
            continue
        flat = re.sub(r"\s+", "", text)
        visible = re.sub(r"<[^>]+>", " ", text)
        for key, (s, origin) in squeezed.items():
            if key in flat:
                leaks.append(Leak(rel, s, origin))
        for m in (MARKS if edition == "public" else SECRET_MARKS).finditer(visible):
            leaks.append(Leak(rel, m.group(0), "密级标志"))
        for m in ID_CARD.finditer(visible):
            if _id_card_ok(m.group(0)):
                leaks.append(Leak(rel, m.group(0), "身份证号码"))
        for m in MOBILE.finditer(visible):
            leaks.append(Leak(rel, m.group(0), "手机号码"))
        if clean is not None and len(leaks) == found:
            clean[rel] = stamp
    if clean is not None:
        for rel in set(clean) - seen:
            del clean[rel]
    return leaks
