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
TEMPLATES = ".templates"  # the theme's templates compiled (Jinja2's bytecode cache), kept between builds
LEFTOVERS = ("mkdocs.yml", TEMPLATES)  # the generated configuration it renders from, the compiled templates


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
    conf = load_config(str(path))
    _compiled_once(conf.theme, project / TEMPLATES)
    mk_build.build(conf, dirty=dirty)
    (site / "sitemap.xml.gz").unlink(missing_ok=True)  # the sitemap, if any, is the plain one
    return site


def _compiled_once(theme, folder: Path) -> None:
    """The theme's Jinja2 environment with a bytecode cache: Material's templates are compiled once, not at every
    build (a rebuild after one edit spent seconds on it). Jinja2 checks each cached template against its
    source, so an edited template is compiled anew."""
    import jinja2

    make_env = theme.get_env

    def get_env():
        env = make_env()
        folder.mkdir(exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        return env

    theme.get_env = get_env
