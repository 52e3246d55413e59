"""The site's renderer: what turns the Markdown tree zhi wrote into HTML pages, behind one small interface.

Everything before (the Markdown tree, the generated configuration) and after (the search data, the portable
copy, the sitemap decision, the leak scan) is zhi's own and the same for every renderer. A renderer module
offers:

- ``LABEL``: its name as the build's progress shows it;
- ``RAW_LINKS_FROM_SOURCE``: whether it resolves links in raw HTML (the diagrams' SVG) from the Markdown file's
  folder and rewrites them, as Zensical does, or leaves them as written, relative to the page's URL, as MkDocs
  does (the site writer writes them so: writers/site.py url_rel). This is the one thing the Markdown tree
  adapts to the renderer;
- ``DISTS``: the installed distributions whose versions, when upgraded, make every page render anew;
- ``missing()``: None when it can run here, else a Chinese sentence saying how to install it;
- ``render(project, config, site, dirty)``: render ``project/docs`` (the Markdown tree) with ``config`` (a
  MkDocs-format configuration: both renderers read it) into ``site``, and return ``site``. ``dirty`` allows
  re-rendering only what changed. Files the renderer makes that zhi does not publish (its own search index)
  are gone when it returns;
- ``LEFTOVERS``: the names of what it keeps in the working tree between builds besides ``docs/`` and ``site/``
  (Zensical: its configuration, its rendering folder and its cache ``.cache/``). They stay inside zhi's working
  tree, itself under the project's ``.cache/``, and are removed when another renderer takes over (``tidy``).

MkDocs with Material for MkDocs is the default; Zensical, by the same team, reads the same configuration.
"""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path
from types import ModuleType

DEFAULT = "mkdocs"
NAMES = ("mkdocs", "zensical")


class RendererError(Exception):
    """The renderer cannot be used or failed; the message is Chinese and says what to do."""


def get(name: str | None) -> ModuleType:
    """The renderer module of that name (the default for None or "")."""
    name = name or DEFAULT
    if name not in NAMES:
        raise RendererError(f"没有名为“{name}”的网站渲染器；可选 {'、'.join(NAMES)}（默认 {DEFAULT}）")
    module = importlib.import_module(f"{__name__}.{name}")
    problem = module.missing()
    if problem:
        raise RendererError(problem)
    return module


def tidy(project: Path, module: ModuleType) -> None:
    """Remove from the working tree ``project`` what the other renderers left there (a renderer switched back
    leaves no stale copy of the site, nor a cache of rendered pages, behind)."""
    for name in NAMES:
        if name == module.__name__.rsplit(".", 1)[-1]:
            continue
        for left in importlib.import_module(f"{__name__}.{name}").LEFTOVERS:
            p = project / left
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)


def versions(module: ModuleType) -> list[str]:
    """The installed versions of the renderer's distributions (an upgrade renders every page anew)."""
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for d in module.DISTS:
        try:
            out.append(f"{d} {version(d)}")
        except PackageNotFoundError:
            out.append(d)
    return out


__all__ = ["DEFAULT", "NAMES", "RendererError", "get", "tidy", "versions"]
