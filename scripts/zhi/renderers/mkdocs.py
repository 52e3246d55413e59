"""The default renderer: MkDocs with Material for MkDocs, driven through MkDocs' build API in this process.

MkDocs re-renders only the pages whose Markdown changed (its dirty mode compares modification times; the
working tree writes only changed files, see workdir.py)."""

from __future__ import annotations

import logging
from pathlib import Path

import yaml

LABEL = "MkDocs"
RAW_LINKS_FROM_SOURCE = False  # raw HTML is left as it is written
DISTS = ("mkdocs", "mkdocs-material", "markdown")
LEFTOVERS = ("mkdocs.yml",)  # the generated configuration it renders from


def missing() -> str | None:
    try:
        import material  # noqa: F401
        import mkdocs  # noqa: F401
    except ImportError:
        return "未安装网站渲染器 MkDocs（mkdocs-material）：请运行 make build（或 sh scripts/setup.sh）安装项目的依赖"
    return None


def render(project: Path, config: dict, site: Path, dirty: bool = False) -> Path:
    from mkdocs.commands import build as mk_build
    from mkdocs.config import load_config

    cfg = dict(config, docs_dir=str(project / "docs"), site_dir=str(site))
    path = project / "mkdocs.yml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name in ("mkdocs", "mkdocs.plugins", "mkdocs.commands.build"):
        logging.getLogger(name).setLevel(logging.ERROR)
    mk_build.build(load_config(str(path)), dirty=dirty)
    (site / "sitemap.xml.gz").unlink(missing_ok=True)  # the sitemap, if any, is the plain one
    return site
