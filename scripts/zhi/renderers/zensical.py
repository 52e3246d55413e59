"""The second renderer: Zensical, by the team of Material for MkDocs, which reads the same configuration.

It runs as its own process (a Rust program calling back into Python for Markdown, and zhi's Markdown
extension ``zhi.safelinks`` with it), so that its output and a crash of it are caught and told in Chinese.
Zensical's default look is a new one ("modern"); zhi asks for the "classic" variant, Material's, on which the
theme's overrides (theme/overrides/) and zhi.css are made, so that both renderers give the same site.

Zensical clears its output folder and writes every page on each build (it keeps its own cache for speed). It
renders into a folder of its own, which is then mirrored into the working tree's site writing only the files
whose bytes changed: an unchanged page keeps its modification time, so the search data and the leak scan
re-read only what changed, as they do after MkDocs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from ..workdir import write_if_changed
from . import RendererError

LABEL = "Zensical"
RAW_LINKS_FROM_SOURCE = True  # every link of a page, raw HTML's too, is resolved from its Markdown file
DISTS = ("zensical", "markdown", "pymdown-extensions")
RENDERED = "zensical-site"  # the folder Zensical renders into, beside docs/ in the working tree
ZHI_OWN = (".edition",)     # what zhi writes into the site after rendering: kept by the mirror
ZHI_OWN_DIRS = ("search/",)  # the search data (search/index.html, the search page, is rendered)
# what Zensical keeps in the working tree between builds: the configuration zhi writes, its rendering and its
# cache of rendered pages (it puts .cache/ beside its configuration, that is inside zhi's working tree, itself
# under the project's .cache/; a whole rebuild starts it afresh with --clean)
LEFTOVERS = ("zensical.yml", RENDERED, ".cache")


def missing() -> str | None:
    from importlib.util import find_spec

    if find_spec("zensical") is None:
        return ("未安装网站渲染器 Zensical：请在项目的 Python 环境中运行 .venv/bin/pip install -r requirements.lock"
                "（锁定的依赖含 Zensical），或去掉 --renderer zensical、删去 chronicle/book.yaml 中的 renderer 一行，"
                "改用默认的 MkDocs")
    return None


def render(project: Path, config: dict, site: Path, dirty: bool = False) -> Path:
    # Zensical wants the docs and output folders inside the folder of its configuration, named relatively
    cfg = dict(config, docs_dir="docs", site_dir=RENDERED)
    theme = dict(cfg.get("theme") or {})
    theme.setdefault("variant", "classic")
    cfg["theme"] = theme
    path = project / "zensical.yml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    zhi_path = str(Path(__file__).resolve().parents[2])  # the folder holding the zhi package (zhi.safelinks)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (zhi_path, os.environ.get("PYTHONPATH")) if p))
    clean = [] if dirty else ["--clean"]  # a whole rebuild keeps nothing of Zensical's cache
    done = subprocess.run([sys.executable, "-m", "zensical", "build", *clean, "-f", str(path)], cwd=project, env=env,
                          capture_output=True, text=True, check=False)
    out = project / RENDERED
    if done.returncode != 0 or not (out / "index.html").is_file():
        lines = [x for x in (done.stderr + "\n" + done.stdout).splitlines() if x.strip()]
        raise RendererError("网站渲染失败（Zensical，退出码 {}）。原有的输出未被改动。Zensical 的最后几行输出：\n{}\n"
                            "可改用默认的 MkDocs（去掉 --renderer zensical）；若仍失败，请报告给维护者".format(
                                done.returncode, "\n".join(lines[-12:])))
    (out / "search.json").unlink(missing_ok=True)  # Zensical's own search index: the site uses zhi's search
    mirror(out, site)
    return site


def mirror(src: Path, dst: Path) -> None:
    """Make ``dst`` hold what ``src`` holds, writing only files whose bytes differ; files gone from ``src`` are
    removed, except those zhi itself writes after rendering (the search data, the edition marker)."""
    have = set()
    for f in src.rglob("*"):
        if f.is_file():
            rel = f.relative_to(src).as_posix()
            have.add(rel)
            write_if_changed(dst / rel, f.read_bytes())
    if not dst.is_dir():
        return
    for f in sorted(dst.rglob("*"), reverse=True):
        rel = f.relative_to(dst).as_posix()
        if f.is_file() and rel not in have and rel not in ZHI_OWN and not (
                rel.startswith(ZHI_OWN_DIRS) and not rel.endswith(".html")):
            f.unlink()
        elif f.is_dir() and not any(f.iterdir()):
            f.rmdir()
