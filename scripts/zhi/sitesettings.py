"""mkdocs.yml: the site's settings an editor may change (the site's name, colours, features), read by zhi alone.

MkDocs reads its configuration with a YAML loader that builds Python objects (a ``!!python/object/apply`` tag runs a
command) and obeys settings that run code: ``hooks`` and ``plugins`` at build time, ``extra_javascript`` in every
reader's browser. So zhi never hands mkdocs.yml to MkDocs: it reads it as plain data, keeps the settings listed
below, and gives MkDocs its own configuration with them merged in. A YAML tag, or a setting not listed, is refused
by ``zhi check`` (``settings-invalid``, naming the line), and none of the file's settings is used until it is
mended: what zhi does not understand is refused, never passed on."""

from __future__ import annotations

from pathlib import Path

import yaml

from .findings import Finding, Loc
from .yamlsource import YamlFile

NAME = "mkdocs.yml"
# the settings an editor may write, and what they are (for the message)
ALLOWED = {"site_name": "网站名称", "site_description": "网站简介", "site_author": "编者", "copyright": "页脚",
           "theme": "主题（配色、功能）", "extra": "主题的附加设置"}
THEME_ALLOWED = {"name", "language", "font", "palette", "features", "icon", "logo", "favicon"}
# extra settings that fetch scripts from other sites into every page
EXTRA_REFUSED = {"analytics", "consent"}


def _plain(v):
    """LMap/LList (dict and list subclasses with line numbers) as plain dicts and lists, for MkDocs' YAML dump."""
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def read(root: Path) -> tuple[dict, list[Finding]]:
    """The settings of ``root/mkdocs.yml`` zhi passes on (plain data), and the findings that refuse any of it; with a
    finding, no setting is passed on."""
    path = root / NAME
    if not path.is_file():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}, [Finding("settings-invalid", "error", "网站设置 mkdocs.yml 无法读取（须为 UTF-8 文本）", Loc(NAME, 1))]
    out: list[Finding] = []
    try:
        tags = [t for t in yaml.scan(text) if isinstance(t, yaml.TagToken)]
    except yaml.YAMLError:
        tags = []   # a syntax error: YamlFile names it below
    for t in tags:
        handle, suffix = t.value
        out.append(Finding("settings-invalid", "error",
                           f"网站设置中有 YAML 标签“{(handle or '') + (suffix or '')}”：标签会让网站生成器执行程序或读取别的文件，"
                           "zhi 不接受；请删去它，只写普通的文字、数字、列表", Loc(NAME, t.start_mark.line + 1)))
    yf = YamlFile(NAME, text)
    out += yf.findings
    data = yf.data if isinstance(yf.data, dict) else {}
    if yf.data is not None and not isinstance(yf.data, dict):
        out.append(Finding("settings-invalid", "error", "网站设置 mkdocs.yml 应为“键: 值”的设置表", Loc(NAME, 1)))
    for key in data:
        if key not in ALLOWED:
            out.append(Finding(
                "settings-invalid", "error",
                f"网站设置“{key}”zhi 不接受：mkdocs.yml 只可写 {'、'.join(f'{k}（{v}）' for k, v in ALLOWED.items())}；"
                "导航、页面、插件、脚本由 zhi 生成（插件、钩子、脚本会在生成或阅读网站时执行程序）。请删去这一项",
                Loc(NAME, data.line_of(key))))
    theme = data.get("theme")
    if isinstance(theme, dict):
        for key in theme:
            if key not in THEME_ALLOWED:
                out.append(Finding("settings-invalid", "error",
                                   f"主题设置“theme: {key}”zhi 不接受：theme 下只可写 {'、'.join(sorted(THEME_ALLOWED))}；"
                                   "页面模板在 theme/ 中，由开发者维护。请删去这一项", Loc(NAME, theme.line_of(key))))
    extra = data.get("extra")
    if isinstance(extra, dict):
        for key in extra:
            if key in EXTRA_REFUSED:
                out.append(Finding("settings-invalid", "error",
                                   f"“extra: {key}”会让每个网页从别的网站加载脚本（读者的阅读记录随之外传，内网、离线时也用不了），"
                                   "zhi 不接受；请删去这一项", Loc(NAME, extra.line_of(key))))
    if out:
        return {}, out
    return _plain({k: v for k, v in data.items() if k in ALLOWED}), []


def merged(settings: dict, config: dict) -> dict:
    """zhi's configuration over the editor's settings: zhi's values win; tables (theme, extra) are merged key by
    key, as MkDocs' INHERIT merges them."""
    out = dict(settings)
    for k, v in config.items():
        out[k] = merged(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out
