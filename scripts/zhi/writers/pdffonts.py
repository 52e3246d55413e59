"""One embedded program per font in a PDF merged from chunks.

Every chunk embeds its own subset of the same fonts: merged as they are, the book would carry each CJK font
once per chunk. No library merges font subsets (pypdf's and qpdf's object dedup only join byte-identical
streams, and these differ in their glyphs), so it is done here by hand. WeasyPrint subsets with HarfBuzz,
keeping glyph ids ("retain gids"): the glyph ids in every chunk's text are those of the installed font, so
one subset of that font with all the glyphs the chunks use can stand in for all of them. A chunk's program
is traced to its font file only if subsetting that file with the chunk's glyphs gives the very same bytes
(same face, same version, same options as WeasyPrint); whatever cannot be traced is left as it is.
HarfBuzz rather than fontTools (which WeasyPrint falls back on): fontTools takes 1.3-2 s per 65 000-glyph
CJK face with retained glyph ids, HarfBuzz some 20 ms.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

_FONT_FILES = ("/FontFile2", "/FontFile3")        # TrueType; OpenType (CFF), /Subtype /OpenType
_SUBSET_TAG = re.compile(r"^/[A-Z]{6}\+")


@dataclass
class _Program:
    """One embedded font program and the fonts (of one chunk) that use it."""

    ref: object                                   # pypdf IndirectObject of the FontFile stream
    file_key: str
    fonts: list = field(default_factory=list)     # (Type0 font, CID font, font descriptor)
    gids: set[int] = field(default_factory=set)   # the glyphs it was cut for
    mergeable: bool = True


def share_font_programs(writer, known: dict[str, list] | None = None) -> None:
    """Point all the chunks' subsets of one font at a single program: a subset of the installed font with
    every glyph any chunk uses (at the same glyph ids), embedded once under one subset tag.

    ``known`` remembers, between builds, the programs already traced to their font file (a digest of the
    program and its glyphs → the file, its face, size and time): a chunk taken from the cache is not traced
    again while its font file is unchanged. Entries this merge used are left in it, the others removed."""
    from pypdf.generic import IndirectObject, NameObject, NumberObject

    programs: dict[int, _Program] = {}
    for font in _reachable_fonts(writer.root_object):
        cid = font["/DescendantFonts"][0].get_object()
        desc = cid.get("/FontDescriptor")
        desc = desc.get_object() if desc is not None else {}
        file_key = next((k for k in _FONT_FILES if k in desc), None)
        ref = desc.raw_get(file_key) if file_key else None
        if not isinstance(ref, IndirectObject):
            continue
        program = programs.setdefault(ref.idnum, _Program(ref, file_key))
        program.fonts.append((font, cid, desc))
        program.gids |= _width_gids(cid.get("/W"))
        if "/CIDSet" in desc:                     # it would have to be rebuilt
            program.mergeable = False
    if not programs or (hb := _HarfBuzz.load()) is None:
        return

    by_face: dict[tuple[str, int], list[_Program]] = {}
    seen = {} if known is not None else None
    for program in programs.values():
        if program.mergeable and (face := _traced_face(hb, program, known, seen)):
            by_face.setdefault(face, []).append(program)
    if known is not None:
        known.clear()
        known.update(seen)
    shared = False
    for (path, index), group in by_face.items():
        target = min(group, key=lambda p: p.ref.idnum).ref     # the new program goes into the first one
        stream = target.get_object()
        if len(group) < 2 or stream.get("/Filter") not in (None, "/FlateDecode") or "/DecodeParms" in stream:
            continue
        gids = set().union(*(p.gids for p in group))
        data = hb.subset(path, index, gids)
        if data is None:
            continue
        stream.set_data(data)
        if group[0].file_key == "/FontFile2":
            stream[NameObject("/Length1")] = NumberObject(len(data))
        digest = hashlib.sha256(f"{Path(path).name}|{index}|{sorted(gids)}".encode()).digest()
        tag = "".join(chr(65 + b % 26) for b in digest[:6])      # same subset, same tag (PDF 9.6.4)
        for program in group:
            for font, cid, desc in program.fonts:
                desc[NameObject(program.file_key)] = target
                for obj, key in ((font, "/BaseFont"), (cid, "/BaseFont"), (desc, "/FontName")):
                    obj[NameObject(key)] = NameObject(_SUBSET_TAG.sub(f"/{tag}+", obj[key]))
        shared = True
    if shared:   # drop the programs no longer referenced
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)


def _reachable_fonts(root):
    """The Type0 (composite) fonts reachable from the document catalog: pages, forms, annotations …"""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[int] = set()
    stack = [root]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                continue
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            if obj.get("/Type") == "/Font" and obj.get("/Subtype") == "/Type0" and "/DescendantFonts" in obj:
                yield obj
            stack.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)


def _width_gids(widths) -> set[int]:
    """The glyph ids a CID font's /W array gives widths for: WeasyPrint writes a width for every glyph it
    draws with the font (with Identity-H and CIDToGIDMap /Identity, CID = glyph id)."""
    from pypdf.generic import ArrayObject

    if widths is None:
        return set()
    w = [item.get_object() for item in widths.get_object()]
    gids: set[int] = set()
    i = 0
    while i + 1 < len(w):
        first, nxt = int(w[i]), w[i + 1]
        if isinstance(nxt, ArrayObject):         # first [w1 w2 …]
            gids.update(range(first, first + len(nxt)))
            i += 2
        else:                                    # first last w
            gids.update(range(first, int(nxt) + 1))
            i += 3
    return gids


def _traced_face(hb: _HarfBuzz, program: _Program, known: dict | None, seen: dict | None) -> tuple[str, int] | None:
    """``_source_face``, remembered in ``known`` by the program's bytes and glyphs while the file is unchanged."""
    if known is None:
        return _source_face(hb, program)
    digest = hashlib.sha256(program.ref.get_object().get_data())
    digest.update(repr(sorted(program.gids)).encode())
    key = digest.hexdigest()
    entry = known.get(key)
    if isinstance(entry, list) and len(entry) == 3 and entry[2] is not None and entry[2] == _stamp(entry[0]):
        face = (entry[0], entry[1])
    else:
        face = _source_face(hb, program)
        entry = [face[0], face[1], _stamp(face[0])] if face else None
    if entry is not None:
        seen[key] = entry
    return face


def _stamp(path: object) -> str | None:
    try:
        st = os.stat(str(path))
    except (OSError, ValueError):
        return None
    return f"{st.st_size}:{st.st_mtime_ns}"


def _source_face(hb: _HarfBuzz, program: _Program) -> tuple[str, int] | None:
    """The installed font file (and face in a collection) the program was cut from: one with the program's
    PostScript name that, subset to the glyphs of the program's fonts, gives the program byte for byte."""
    from fontTools.ttLib import TTFont

    stream = program.ref.get_object()
    if program.file_key == "/FontFile3" and stream.get("/Subtype") != "/OpenType":
        return None
    data = stream.get_data()
    try:
        ps_name = TTFont(io.BytesIO(data), lazy=True)["name"].getDebugName(6)
    except Exception:  # noqa: BLE001 - a program fontTools cannot read is left as it is
        return None
    for face in _fontconfig_faces(ps_name or ""):
        if hb.subset(*face, program.gids) == data:
            return face
    return None


@functools.cache
def _fontconfig_faces(ps_name: str) -> list[tuple[str, int]]:
    if not re.fullmatch(r"[A-Za-z0-9_.+-]+", ps_name):
        return []
    try:
        out = subprocess.run(["fc-list", "-f", "%{file}\t%{index}\n", f":postscriptname={ps_name}"],
                             capture_output=True, text=True, check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    faces = set()
    for line in out.splitlines():
        path, _, index = line.rpartition("\t")
        if path and index.isdigit():
            faces.add((path, int(index)))
    return sorted(faces)


class _HarfBuzz:
    """The few calls of HarfBuzz's subsetter needed here, through cffi (which WeasyPrint uses too)."""

    CDEF = """
        typedef ... hb_blob_t; typedef ... hb_face_t; typedef ... hb_set_t; typedef ... hb_subset_input_t;
        typedef uint32_t hb_codepoint_t; typedef uint32_t hb_tag_t;
        hb_blob_t *hb_blob_create_from_file_or_fail (const char *file_name);
        const char *hb_blob_get_data (hb_blob_t *blob, unsigned int *length);
        void hb_blob_destroy (hb_blob_t *blob);
        hb_face_t *hb_face_create (hb_blob_t *blob, unsigned int index);
        hb_blob_t *hb_face_reference_blob (hb_face_t *face);
        unsigned int hb_face_get_glyph_count (const hb_face_t *face);
        void hb_face_destroy (hb_face_t *face);
        void hb_set_add (hb_set_t *set, hb_codepoint_t codepoint);
        void hb_set_add_range (hb_set_t *set, hb_codepoint_t first, hb_codepoint_t last);
        hb_tag_t hb_tag_from_string (const char *str, int len);
        hb_subset_input_t *hb_subset_input_create_or_fail (void);
        hb_set_t *hb_subset_input_glyph_set (hb_subset_input_t *input);
        hb_set_t *hb_subset_input_set (hb_subset_input_t *input, int set_type);
        void hb_subset_input_set_flags (hb_subset_input_t *input, unsigned value);
        void hb_subset_input_destroy (hb_subset_input_t *input);
        hb_face_t *hb_subset_or_fail (hb_face_t *source, const hb_subset_input_t *input);
    """
    # the options of weasyprint.pdf.fonts.Font._harfbuzz_subset (default hinting=False)
    NO_HINTING, RETAIN_GIDS, DESUBROUTINIZE = 0x1, 0x2, 0x4
    PASSTHROUGH_UNRECOGNIZED, NOTDEF_OUTLINE = 0x20, 0x40
    DROP_TABLE_TAG = 3
    DROP_TABLES = (b"BASE", b"DSIG", b"EBDT", b"EBLC", b"EBSC", b"GPOS", b"GSUB", b"JSTF", b"LTSH", b"PCLT",
                   b"SVG ")

    def __init__(self, ffi, hb, hb_subset):
        self.ffi, self.hb, self.hb_subset = ffi, hb, hb_subset
        self.faces: dict[tuple[str, int], object] = {}

    @classmethod
    def load(cls) -> _HarfBuzz | None:
        """The libraries WeasyPrint subsets with, or None where they are missing (or older than 2.9)."""
        import cffi

        ffi = cffi.FFI()
        ffi.cdef(cls.CDEF)
        libs = []
        for lib, needed in (("harfbuzz", "hb_blob_create_from_file_or_fail"),
                            ("harfbuzz-subset", "hb_subset_or_fail")):
            loaded = None
            for name in (f"lib{lib}.so.0", f"lib{lib}.0.dylib", f"lib{lib}-0.dll", lib):
                try:
                    loaded = ffi.dlopen(name)
                    break
                except OSError:
                    continue
            if loaded is None or not hasattr(loaded, needed):
                return None
            libs.append(loaded)
        return cls(ffi, *libs)

    def _face(self, path: str, index: int):
        if (path, index) not in self.faces:
            blob = self.hb.hb_blob_create_from_file_or_fail(os.fsencode(path))
            face = None
            if blob != self.ffi.NULL:
                face = self.ffi.gc(self.hb.hb_face_create(blob, index), self.hb.hb_face_destroy)
                self.hb.hb_blob_destroy(blob)     # the face holds its own reference
            self.faces[path, index] = face
        return self.faces[path, index]

    def subset(self, path: str, index: int, gids: set[int]) -> bytes | None:
        """The face subset to the glyphs, which keep their ids, the way WeasyPrint subsets: once keeping glyph
        ids, then again to drop what the first pass added after the last glyph asked for. Glyph ids past the
        end of the font stand for characters WeasyPrint drew as .notdef."""
        hb, sub, ffi = self.hb, self.hb_subset, self.ffi
        face = self._face(path, index)
        if face is None or not gids:
            return None
        inp = sub.hb_subset_input_create_or_fail()
        if inp == ffi.NULL:
            return None
        inp = ffi.gc(inp, sub.hb_subset_input_destroy)
        glyphs = sub.hb_subset_input_glyph_set(inp)
        for gid in sorted(gids):
            hb.hb_set_add(glyphs, gid)
        drop = sub.hb_subset_input_set(inp, self.DROP_TABLE_TAG)
        for tag in self.DROP_TABLES:
            hb.hb_set_add(drop, hb.hb_tag_from_string(tag, -1))
        flags = self.PASSTHROUGH_UNRECOGNIZED | self.DESUBROUTINIZE
        if max(gids) >= hb.hb_face_get_glyph_count(face):
            flags |= self.NOTDEF_OUTLINE
        sub.hb_subset_input_set_flags(inp, flags | self.RETAIN_GIDS)
        result = sub.hb_subset_or_fail(face, inp)
        if result == ffi.NULL:
            return None
        result = ffi.gc(result, hb.hb_face_destroy)
        hb.hb_set_add_range(glyphs, 0, max(gids))
        sub.hb_subset_input_set_flags(inp, flags | self.NO_HINTING)
        result = sub.hb_subset_or_fail(result, inp)
        if result == ffi.NULL:
            return None
        result = ffi.gc(result, hb.hb_face_destroy)
        blob = hb.hb_face_reference_blob(result)
        length = ffi.new("unsigned int *")
        data = ffi.buffer(hb.hb_blob_get_data(blob, length), length[0])[:]
        hb.hb_blob_destroy(blob)
        return data or None
