"""`zhi build`: check, filter to the edition, derive, write, render (renderers/: MkDocs by default, or Zensical),
swap into place atomically.

The site is rendered in a working tree kept between builds (workdir.py), so that a rebuild re-renders only
the pages whose Markdown changed, re-reads only those for the search index and re-scans only the files that
changed for leaks. The finished site is copied next to the output and swapped in only when complete, so
an interrupted build leaves the previous output whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import buildcache, notecount, renderers, sitesettings
from .chapterimages import site_images
from .checks import run_checks
from .checks.codes import UNBENDING
from .editions import EDITION_ZH, filter_archive
from .findings import Finding
from .history import History, derive_history
from .leaks import fingerprint, forbidden_strings, scan
from .leaks import report as leak_report
from .loader import load_archive
from .model import Archive
from .progress import QUIET, Progress
from .project import load_house_style, theme_dir
from .views.naming import name_on
from .workdir import WorkDir, tree_digest
from .writers import opendata
from .writers.book import INTERNAL_MARK, BookWriter
from .writers.docx import write_docx
from .writers.portable import make_portable
from .writers.search import collect, write_index
from .writers.site import SiteWriter
from .writers.typeset import typeset


class BuildError(Exception):
    pass


class SecrecyError(BuildError):
    """A build refused for a secrecy reason (保密观: a check code of ``UNBENDING``, or the leak scan): the last
    published build may hold the same material, so it is set aside (``set_aside``), not left to be served."""


class LeakError(SecrecyError):
    """The leak scan refused the outputs. The refused files are already gone from the working tree."""


@dataclass
class BuildResult:
    out: Path
    pages: int
    findings: list[Finding]
    timings: dict[str, float] = field(default_factory=dict)
    book: object = None  # typeset.TypesetResult when the PDF was made
    kept_pdf: bool = False  # --no-pdf: the PDF of an earlier build was kept, not made anew
    # (entries of the 大事记, entries of the 机构变动年表): the summary says how selective the 大事记 is
    dashiji: tuple[int, int] = (0, 0)


def output_dir(root: Path, edition: str, offline: bool = False) -> Path:
    # the internal edition goes to a folder of its own that the public site never links; the copy for a disc
    # or a stick (--offline) to one beside it (each output folder has its own working tree)
    if offline:
        return root / "build" / ("offline" if edition == "public" else f"offline-{edition}")
    return root / "site" if edition == "public" else root / "build" / "internal"


def edition_mark(edition: str) -> str:
    """What every page of an edition's site and book says of its circulation ("" for the public edition)."""
    return "" if edition == "public" else INTERNAL_MARK


def generated_config(root: Path, title: str, nav: list, book=None, edition: str = "public") -> dict:
    """The site's configuration in MkDocs' format, which every renderer reads; the renderer adds where the
    Markdown tree is and where the site goes."""
    cfg = {
        "site_name": title,
        "nav": nav,
        "use_directory_urls": True,
        "theme": {"name": "material", "custom_dir": str(theme_dir(root) / "overrides"), "language": "zh",
                  "font": False, "favicon": "assets/favicon.svg"},
        "plugins": [],
        "extra_css": ["assets/zhi.css"],
        # zhi-tables.js marks a table or diagram that scrolls sideways on a phone (a theme copied from an older
        # zhi has none: its tables scroll all the same, unmarked)
        "extra_javascript": ["assets/zhi-search.js"] + (["assets/zhi-tables.js"]
                                                       if (theme_dir(root) / "assets/zhi-tables.js").is_file() else []),
        "markdown_extensions": ["tables", {"footnotes": {"BACKLINK_TITLE": "返回正文第 %d 条注处",
                                                            # numbered as a reader meets them: an editor's own note
                                                            # defined in the text, a source's appended at the end
                                                            "USE_DEFINITION_ORDER": False}},
                                "md_in_html", "def_list", {"toc": {"permalink": False}}, "admonition", "zhi.safelinks"],
        "strict": False,
        "extra": {"zhi_mark": edition_mark(edition)},   # merged with mkdocs.yml's extra
    }
    # the foot of every page and the site's address come from the book's settings (chronicle/book.yaml), never
    # from the sample; without an address there is no sitemap (a sitemap needs absolute URLs)
    if book is not None and book.footer:
        cfg["copyright"] = book.footer
    if book is not None and book.site_url:
        cfg["site_url"] = book.site_url
    # the editor's settings (mkdocs.yml) as plain data zhi has checked, never read by MkDocs itself: its loader
    # runs !!python tags and its hooks and plugins run code (sitesettings.py); refused settings are not used
    return sitesettings.merged(sitesettings.read(root)[0], cfg)


def _reproducible(root: Path) -> None:
    """Dates written into outputs (sitemap, DOCX) come from SOURCE_DATE_EPOCH: the last commit's time."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    import subprocess

    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], check=False,
                             capture_output=True,
                             text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    os.environ["SOURCE_DATE_EPOCH"] = out if out.isdigit() else "315532800"  # 1980-01-01 outside git


def pdf_metadata(title: str, archive: Archive, edition: str, history: History) -> dict[str, str]:
    # the jurisdictions by their latest names (never internal ids: anyone who gets the file reads the metadata)
    scope = "、".join(name_on(history, j.id, None) for j in archive.jurisdictions.values() if j.in_scope)
    return {"Title": title + ("（内部版）" if edition == "internal" else ""),
            "Subject": f"{title}：机构设置与编制沿革",
            "Keywords": "机构编制志, 地方志, " + scope,
            "Creator": "zhi", "Producer": "zhi (WeasyPrint, pypdf)"}


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two directories (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _swap(staging: Path, out: Path) -> None:
    """Replace ``out`` with ``staging`` so that at every moment one of them is whole: an atomic exchange where
    the kernel offers one, else two renames microseconds apart."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.is_dir() and _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)
        return
    old = out.with_name(out.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


PDF_NAME = "zhi.pdf"
DOCX_NAME = "zhi.docx"


def _require_theme(root: Path) -> None:
    """A project needs page layouts (its theme/ or zhi's own) and site settings (mkdocs.yml); say so before anything
    runs."""
    missing = [name for name, ok in (("版式 theme/", (theme_dir(root) / "pages").is_dir()),
                                     ("网站设置 mkdocs.yml", (root / "mkdocs.yml").is_file())) if not ok]
    if missing:
        raise BuildError(f"项目“{root}”缺少{'和'.join(missing)}，无法生成。"
                         "用 zhi init 新建的项目自带网站设置，版式用 zhi 自带的；别处建的项目，请从 zhi 仓库把 mkdocs.yml"
                         " 复制到项目目录")


def build_edition(root: Path, edition: str = "public", archive: Archive | None = None, pdf: bool = True,
                  docx: bool = False, out: Path | None = None, publish: bool = True,
                  progress: Progress = QUIET, offline: bool = False, renderer: str | None = None) -> BuildResult:
    """Build one edition. With ``publish`` the finished site replaces ``out`` atomically; without, the
    working tree's site is left where it is (``zhi serve`` serves it from there). ``progress`` is told
    each stage as it ends (and, on a terminal, shows a bar while it runs). ``offline`` makes the copy that
    works opened from a folder (writers/portable.py). ``renderer`` names the site's renderer (renderers/),
    else ``renderer:`` in book.yaml, else the default (MkDocs). A refused build says that ``out`` was not updated
    and still holds the build of its date (``stale_note``), which an editor might otherwise publish as the new one."""
    root = root.resolve()
    out = out or output_dir(root, edition, offline)
    try:
        return _build_edition(root, edition, archive, pdf, docx, out, publish, progress, offline, renderer)
    except SecrecyError as e:
        raise type(e)(f"{e}\n{set_aside(out) if publish else ''}".rstrip()) from None
    except BuildError as e:
        raise type(e)(f"{e}\n{stale_note(out) if publish else ''}".rstrip()) from None


def set_aside(out: Path) -> str:
    """A build refused for a secrecy reason: the last build in ``out`` may hold the very material refused now (a
    name since found secret, a mark in a chapter it printed), so it is moved out of the folder that is served, to
    ``site.stale-<its date>`` beside it, never left where it would be published; the refusal says where it went."""
    if not out.is_dir() or not any(out.iterdir()):
        return stale_note(out)
    made = datetime.fromtimestamp(out.stat().st_ctime)
    aside = out.with_name(f"{out.name}.stale-{made:%Y%m%d-%H%M%S}")
    n = 1
    while aside.exists():
        n += 1
        aside = out.with_name(f"{out.name}.stale-{made:%Y%m%d-%H%M%S}-{n}")
    out.rename(aside)
    return (f"注意：这是保密方面的原因，{made:%Y年%-m月%-d日 %H:%M} 生成的上一版网站（连同其中的 PDF、Word 稿）可能也含有这些内容，"
            f"已从 {out} 移到 {aside}：{out} 现在没有网站，不会被当作新版发布。请勿发布 {aside.name}，"
            "核对后删去它；改正上列问题后重新生成。")


def stale_note(out: Path) -> str:
    """What a refused build leaves in the output folder, said plainly: not updated, the build of its date, the
    PDF and Word copy it holds kept (never lost), not to be published as the new one."""
    if not (out / "index.html").is_file():
        return f"没有生成网站：{out} 里没有可发布的网站。"
    made = datetime.fromtimestamp(out.stat().st_ctime).strftime("%Y年%-m月%-d日 %H:%M")
    kept = [n for n in (PDF_NAME, DOCX_NAME) if (out / n).is_file()]
    return (f"注意：{out} 没有更新，里面仍是 {made} 生成的上一版网站"
            + (f"（连同那时的 {'、'.join(kept)}，原样保留）" if kept else "")
            + "，不含这次的修改；请勿把它当作新版发布。改正上列问题后重新生成。")


def _build_edition(root: Path, edition: str, archive: Archive | None, pdf: bool, docx: bool, out: Path,
                   publish: bool, progress: Progress, offline: bool, renderer: str | None) -> BuildResult:
    timings: dict[str, float] = {}
    t0, cpu0 = time.perf_counter(), time.process_time()
    with _step(timings, "load+check", progress, "读取并检查档案") as st:
        archive, findings = _load_and_check(root, archive)
        st.set_note(f"{len(findings)} 条检查结果")
    _refuse_errors(findings)
    _require_theme(root)
    try:
        render = renderers.get(renderer or (archive.book.renderer if archive.book else None))
    except renderers.RendererError as e:
        raise BuildError(str(e)) from None

    # without a new PDF the last one is kept (and the home page says it may be older than the site); the
    # leak scan below reads it again, so a PDF holding what is now classified still stops the build
    earlier_pdf = None if pdf else next((p for p in (work_dir(root, out) / "book" / PDF_NAME, out / PDF_NAME)
                                         if p.is_file()), None)
    # likewise the last Word copy, when this build makes none
    earlier_docx = None if docx else next((p for p in (work_dir(root, out) / "book" / DOCX_NAME, out / DOCX_NAME)
                                           if p.is_file()), None)
    with _step(timings, "derive+write", progress, "生成页面", unit="页") as st:
        ed = filter_archive(archive, edition)
        ed_history = derive_history(ed)
        writer = SiteWriter(ed, ed_history, theme_dir(root), edition,
                            pdf_name=PDF_NAME if pdf or earlier_pdf else None, pdf_kept=earlier_pdf is not None,
                            data_meta=opendata.metadata(root, ed, edition, EDITION_ZH[edition]),
                            raw_links_from_source=render.RAW_LINKS_FROM_SOURCE,
                            template_cache=root / ".cache" / "templates")
        tree = writer.write()
        st.update(len(tree.pages))

    book_report = None
    docx_notes: dict[str, list[str]] = {}
    # one working tree per output folder, kept between builds (see workdir.py)
    with WorkDir(work_dir(root, out)) as wd:
        # the edition's chapters' images, beside their pages under neutral names (the pages' addresses rewritten)
        images = site_images(root, ed.book, tree.pages)
        files = _site_files(root, tree)
        files.update(images)
        if pdf:
            t3 = time.perf_counter()
            book = BookWriter(ed, ed_history, theme_dir(root), edition)
            (wd.path / "book").mkdir(exist_ok=True)
            book_report = typeset(book, wd.path / "book" / PDF_NAME, root, pdf_metadata(writer.title, ed, edition, ed_history),
                                  cache=root / ".cache" / "book", progress=progress)
            files[PDF_NAME] = (wd.path / "book" / PDF_NAME).read_bytes()
            timings["pdf"] = time.perf_counter() - t3
        elif earlier_pdf is not None:
            files[PDF_NAME] = earlier_pdf.read_bytes()
        if docx:
            with _step(timings, "docx", progress, "生成 Word 文档"):
                docx_notes = write_docx(BookWriter(ed, ed_history, theme_dir(root), edition),
                                        wd.path / "book" / DOCX_NAME, book_report.index_pages if book_report else None)
                files[DOCX_NAME] = (wd.path / "book" / DOCX_NAME).read_bytes()
        elif earlier_docx is not None:
            files[DOCX_NAME] = earlier_docx.read_bytes()

        cfg = generated_config(root, writer.title, tree.nav, ed.book, edition)
        state, key, full = _render_site(root, wd, render, cfg, files, len(tree.pages), timings, progress,
                                        sorted(images))
        site = wd.site
        _mark_site(site, cfg, edition)
        _refuse_lost_notes(ed, wd, book_report, docx_notes if docx else None)

        with _step(timings, "search index", progress, "更新检索索引"):
            texts = wd.page_texts()
            write_index(site, collect(site, texts), tree.keys, tree.years)
            wd.save_page_texts(texts)
            if offline:  # after the index (made from the pages as MkDocs wrote them), before the leak scan
                make_portable(site)

        with _step(timings, "leak scan", progress, "保密检查"):
            kept = [name for name, earlier in ((PDF_NAME, earlier_pdf), (DOCX_NAME, earlier_docx)) if earlier]
            fp, clean = _scan_for_leaks(archive, edition, site, state, full,
                                        [k for keys in tree.keys.values() for k in keys], kept)
        wd.save_state(key=key, fingerprint=fp, clean=clean)
        if publish:
            with _step(timings, "publish", progress, "发布"):
                _publish(site, out)
        else:
            out = site
    timings["total"] = time.perf_counter() - t0
    timings["total cpu"] = time.process_time() - cpu0
    return BuildResult(out, len(tree.pages), findings, timings, book_report, kept_pdf=earlier_pdf is not None,
                       dashiji=(len(writer.dashiji), len(writer.lines)))


# ---- the steps of a build ---------------------------------------------------------------------------------
@contextmanager
def _step(timings: dict[str, float], key: str, progress: Progress, name: str, unit: str = "项"):
    """A stage of the build: timed into ``timings[key]`` (wall clock) and ``timings[key + " cpu"]`` (this
    process's processor time, steadier on a busy machine), and reported to ``progress``."""
    t, cpu = time.perf_counter(), time.process_time()
    with progress.stage(name, unit=unit) as st:
        yield st
        timings[key] = time.perf_counter() - t
        timings[key + " cpu"] = time.process_time() - cpu


def _load_and_check(root: Path, archive: Archive | None) -> tuple[Archive, list[Finding]]:
    _reproducible(root)
    style = load_house_style(root)
    archive = archive or load_archive(root)
    archive.findings.extend(style.findings)
    history = derive_history(archive)
    return archive, run_checks(archive, style.severities, history)


def _refuse_errors(findings: list[Finding]) -> None:
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        refusal = SecrecyError if any(f.code in UNBENDING for f in errors) else BuildError
        raise refusal(f"档案检查有 {len(errors)} 个错误，未生成网站；请先运行 zhi check 并改正：\n" +
                      "\n".join(f.as_text() for f in errors[:20]))


def _site_files(root: Path, tree) -> dict[str, bytes]:
    """The pages' Markdown, the open data and the theme's assets, by their path in the site's sources."""
    files = {p.path: p.text.encode("utf-8") for p in tree.pages}
    files.update(tree.data)  # the open data: made from the edition's archive, scanned for leaks below
    assets = theme_dir(root) / "assets"
    for f in sorted(assets.rglob("*")):
        if f.is_file():
            files["assets/" + f.relative_to(assets).as_posix()] = f.read_bytes()
    return files


def _render_site(root: Path, wd: WorkDir, render, cfg: dict, files: dict[str, bytes], pages: int,
                 timings: dict[str, float], progress: Progress, images: list[str] = ()) -> tuple[dict, str, bool]:
    """Bring the working tree up to date and render it: everything when the renderer, configuration, theme,
    versions or the set of chapters' images changed (``full``: the renderer writes an image's address for the
    page only when the image is there), else only the pages whose Markdown changed."""
    key = hashlib.sha256(json.dumps([render.__name__, cfg, renderers.versions(render), list(images)],
                                    ensure_ascii=False, sort_keys=True).encode() +
                         tree_digest(theme_dir(root) / "overrides", root / "mkdocs.yml").encode()).hexdigest()
    state = wd.state()
    full = state.get("key") != key or not wd.site.is_dir()
    wd.forget()  # until this build is through, the tree counts as unfinished
    changes = wd.sync(files)
    if full:
        wd.clear_site()
        renderers.tidy(wd.path, render)  # another renderer's copy and cache go when this one takes over
    else:
        wd.remove_outputs(changes.removed)
    rendered = pages if full else sum(1 for p in changes.written if p.endswith(".md"))
    label = f"渲染网站（{render.LABEL}）" if full else f"渲染改动的页面（{render.LABEL}）"
    with _step(timings, "render", progress, label, "页") as st:
        try:
            render.render(wd.path, cfg, wd.site, dirty=not full)
        except renderers.RendererError as e:
            raise BuildError(str(e)) from None
        st.update(rendered)
    timings["pages rendered"] = rendered
    return state, key, full


def _mark_site(site: Path, cfg: dict, edition: str) -> None:
    if "site_url" not in cfg:  # renderers write an empty sitemap without the site's address: none is better
        (site / "sitemap.xml").unlink(missing_ok=True)
    marker = f"{edition} {EDITION_ZH[edition]}\n"
    if not (site / ".edition").is_file() or (site / ".edition").read_text(encoding="utf-8") != marker:
        (site / ".edition").write_text(marker, encoding="utf-8")


def _refuse_lost_notes(ed: Archive, wd: WorkDir, book_report, docx_notes: dict[str, list[str]] | None) -> None:
    """No note is ever lost: every chapter's notes reach the site, the PDF and the DOCX."""
    chapters = notecount.source_notes(ed)
    lost = notecount.site_problems(chapters, notecount.site_counts(wd.site, chapters))
    if book_report is not None:
        lost += notecount.lost_notes(chapters, book_report.notes, book_report.anchors, "PDF")
    if docx_notes is not None:
        lost += notecount.lost_notes(chapters, docx_notes,
                                     notecount.docx_note_anchors(wd.path / "book" / DOCX_NAME), "Word 文档")
    if lost:
        raise BuildError(f"有 {len(lost)} 条注没有印出，" + notecount.STOP + "\n" + "\n".join(lost[:30]))


def _scan_for_leaks(archive: Archive, edition: str, site: Path, state: dict, full: bool,
                    keys=(), kept=()) -> tuple[str, dict]:
    """The leak scan over the rendered site (only the files whose bytes the last build did not find clean with
    the same scanner and forbidden strings: buildcache.py); refused files are removed from the working tree and
    the build stops. ``keys``: the search keys the site made of the edition's own records (open to it); ``kept``:
    the book files an earlier build made, carried over unchanged (--no-pdf), which the refusal names as such."""
    forbidden = forbidden_strings(archive, edition, keys)
    plain = load_house_style(archive.root).not_marks
    fp = fingerprint(forbidden, edition, plain)
    clean = buildcache.verdicts(state, fp, full)
    leaks = scan(site, forbidden, edition, clean, plain)
    if leaks:
        # the working tree is what `zhi serve` shows: nothing the scan refused stays there to be served
        for rel in {x.file for x in leaks}:
            if (site / rel).is_dir():   # a folder whose name says it (a chapter's file name: its page's address)
                shutil.rmtree(site / rel, ignore_errors=True)
            else:
                (site / rel).unlink(missing_ok=True)
        stale = [f for f in kept if any(x.file == f for x in leaks)]
        why = _stale_why(stale, edition)
        raise LeakError(f"保密检查未通过：生成的文件中有 {len(leaks)} 处不应出现在{EDITION_ZH[edition]}中的内容，"
                         f"已停止：\n" + leak_report(leaks) + why)
    return fp, clean


# why a book file of an earlier build was kept, and what makes it anew: the PDF with --no-pdf, the Word file
# whenever --docx is not given
_KEPT_BECAUSE = {PDF_NAME: ("这次用了 --no-pdf", "去掉 --no-pdf 重新生成"),
                 DOCX_NAME: ("这次没有加 --docx", "加 --docx 重新生成 Word 稿")}


def _stale_why(stale: list[str], edition: str) -> str:
    """The refusal's words on book files an earlier build made and this one kept (``_KEPT_BECAUSE``), each with
    its real cause."""
    if not stale:
        return ""
    causes = "；".join(f"{f} 是上一次生成、{_KEPT_BECAUSE[f][0]}而原样保留的" for f in stale)
    fixes = "，".join(_KEPT_BECAUSE[f][1] for f in stale)
    return (f"\n其中 {causes}，里面有档案现在不许{EDITION_ZH[edition]}收的内容（记录的密级改高了，或删去了）："
            f"请{fixes}。")


def _publish(site: Path, out: Path) -> None:
    """A copy of the finished site swapped in for ``out`` at once."""
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".zhi-build-", dir=out.parent))
    try:
        staging = work / "site"
        shutil.copytree(site, staging)
        _swap(staging, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)



def work_dir(root: Path, out: Path) -> Path:
    """The working tree of the builds that go to ``out``."""
    return root / ".cache" / "build" / hashlib.sha1(os.fsencode(out.resolve())).hexdigest()[:12]
