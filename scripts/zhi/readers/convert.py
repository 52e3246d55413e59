"""Converting a file to Markdown with pandoc (and old .doc files with LibreOffice or antiword first), within
limits of size, time and memory."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .text import ImportError_, _clean_markdown, _decode, _txt_paragraphs, read_text

SUPPORTED = {".docx", ".odt", ".html", ".htm", ".md", ".markdown", ".txt", ".doc"}

# pandoc's Markdown with footnotes and pipe tables, and nothing that would come out as HTML or {attributes}.
MD_FORMAT = ("markdown-raw_html-raw_attribute-native_divs-native_spans-bracketed_spans-fenced_divs"
             "-header_attributes-link_attributes-inline_code_attributes-grid_tables-multiline_tables"
             "-simple_tables-smart")
_PANDOC_IN = {".docx": "docx", ".odt": "odt", ".html": "html", ".htm": "html", ".md": "markdown",
              ".markdown": "markdown", ".txt": "markdown"}


def _pandoc_env() -> None:
    from ..writers.docx import _pandoc_env as env

    env()



# limits: a small file that expands enormously (a crafted .docx) must not take the machine with it
MAX_INPUT = 30 * 1024 * 1024          # bytes of the file itself
MAX_UNPACKED = 200 * 1024 * 1024      # bytes inside a .docx/.odt (a zip)
MAX_OUTPUT = 10 * 1024 * 1024         # bytes of the Markdown full text
PANDOC_TIMEOUT = 120                  # seconds
PANDOC_HEAP = "1g"                    # pandoc's own memory ceiling (its runtime's -M option)


def _pandoc(source: str | Path, fmt: str, from_file: bool) -> str:
    """pandoc with a time limit, a memory ceiling and a cap on what it writes, in a UTF-8 locale."""
    _pandoc_env()
    import os

    import pypandoc

    exe = os.environ.get("PYPANDOC_PANDOC") or pypandoc.get_pandoc_path()
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.md"
        args = [exe, "+RTS", f"-M{PANDOC_HEAP}", "-RTS", "--wrap=none", "--quiet", "-f", fmt, "-t", MD_FORMAT,
                "-o", str(out)]
        if from_file:
            args.append(str(source))
        try:
            r = subprocess.run(args, input=None if from_file else str(source).encode("utf-8"), capture_output=True,
                               timeout=PANDOC_TIMEOUT, env=env, check=False)
        except subprocess.TimeoutExpired as e:
            raise ImportError_(f"转换超过 {PANDOC_TIMEOUT} 秒仍未完成，已停止；文件可能过大、结构异常或已损坏，"
                               f"请用 Word 或 WPS 打开后另存为新文件，或分成几份再导入") from e
        err = _decode(r.stderr)
        if r.returncode != 0:
            if "Heap exhausted" in err or "heap overflow" in err.lower():
                raise ImportError_(f"转换所需内存超过 {PANDOC_HEAP}B，已停止；文件可能过大或结构异常，"
                                   f"请用 Word 或 WPS 打开后另存为新文件，或分成几份再导入")
            reason = " ".join(err.split())
            raise ImportError_(f"pandoc 无法读取此文件（{reason.strip()[:160]}）；文件可能已损坏，"
                               f"请用 Word 或 WPS 打开后重新保存再导入")
        if out.stat().st_size > MAX_OUTPUT:
            raise ImportError_(f"转换出的全文超过 {MAX_OUTPUT // 1024 // 1024} MB，远大于一份公文，已停止；"
                               f"文件可能结构异常，请检查原件")
        return out.read_text(encoding="utf-8", errors="replace")


def _check_size(path: Path) -> None:
    """Refuse files whose size, or whose unpacked size (a .docx or .odt is a zip), is far beyond a document's."""
    size = path.stat().st_size
    if size > MAX_INPUT:
        raise ImportError_(f"文件有 {size // 1024 // 1024} MB，超过导入上限 {MAX_INPUT // 1024 // 1024} MB；"
                           f"扫描图片请放在 scans 中，全文另行录入")
    if path.suffix.lower() in (".docx", ".odt"):
        import zipfile

        try:
            with zipfile.ZipFile(path) as z:
                unpacked = sum(i.file_size for i in z.infolist())
        except (zipfile.BadZipFile, OSError) as e:
            raise ImportError_("文件不是完整的 Word/ODT 文件（无法解压）；请用 Word 或 WPS 打开后重新保存再导入") from e
        if unpacked > MAX_UNPACKED:
            raise ImportError_(f"文件解压后有 {unpacked // 1024 // 1024} MB，超过上限 {MAX_UNPACKED // 1024 // 1024} MB"
                               f"（一份公文通常不到 1 MB）；文件可能结构异常，已停止")



def doc_converter() -> tuple[str, str] | None:
    """(kind, executable) of a converter for old .doc files on this machine, or None."""
    for name in ("soffice", "libreoffice"):
        exe = shutil.which(name)
        if exe:
            return ("office", exe)
    exe = shutil.which("antiword")
    if exe:
        return ("antiword", exe)
    return None


DOC_HELP = ("这是旧版 Word 格式（.doc），本机没有可用的转换程序（LibreOffice 或 antiword）。"
            "请用 Word 或 WPS 打开它，选择“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入 .docx 文件")


ANTIWORD_ONLY = ("这是旧版 Word 格式（.doc），本机只有 antiword，它只读得出正文，读不出页眉页脚、批注、文本框、水印、"
                 "文档属性等处的文字（其中可能有密级标志），未导入。请用 Word 或 WPS 打开它，选择“文件 → 另存为”，"
                 "保存类型选“Word 文档（*.docx）”，再导入 .docx 文件（或在本机装上 LibreOffice）")


@contextmanager
def as_read(path: Path):
    """The file the readers read for ``path``: itself, or for an old .doc the .docx LibreOffice makes of it (so that
    its headers, comments, watermarks and properties are read like a .docx's). A .doc only antiword can read (its
    body alone) is refused: what it cannot read may hold a mark."""
    if path.suffix.lower() != ".doc":
        yield path
        return
    _check_size(path)
    conv = doc_converter()
    if conv is None:
        raise ImportError_(DOC_HELP)
    kind, exe = conv
    if kind == "antiword":
        raise ImportError_(ANTIWORD_ONLY)
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([exe, "--headless", "--convert-to", "docx", "--outdir", tmp, str(path)],
                           capture_output=True, timeout=300, check=False)
        out = Path(tmp) / (path.stem + ".docx")
        if r.returncode != 0 or not out.is_file():
            raise ImportError_(f"LibreOffice 无法转换此文件（{_decode(r.stderr).strip()[:160]}）。{DOC_HELP}")
        yield out


def to_markdown(path: Path) -> str:
    """The file's text as Markdown (footnotes and pipe tables kept, no raw HTML). Raises ImportError_."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ImportError_(f"不支持的文件类型“{path.suffix or '（无扩展名）'}”；可导入 "
                           f"{'、'.join(sorted(SUPPORTED))}")
    _check_size(path)
    if suffix == ".doc":   # read through as_read, as the .docx LibreOffice makes of it
        with as_read(path) as docx:
            return to_markdown(docx)
    if suffix in (".docx", ".odt"):
        md = _pandoc(path, _PANDOC_IN[suffix], from_file=True)
    else:
        text = read_text(path)
        if suffix in (".html", ".htm"):
            # pandoc wants UTF-8; the text is decoded already, so drop a stale charset declaration.
            text = re.sub(r"<meta[^>]*charset[^>]*>", "", text, flags=re.IGNORECASE)
        if suffix == ".txt":
            text = _txt_paragraphs(text)
        md = _pandoc(text, _PANDOC_IN[suffix], from_file=False)
    return _clean_markdown(md)


