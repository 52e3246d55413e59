"""The copy for a disc or a USB stick (光盘版、U盘版): a site that works opened from a folder (``file://``).

A browser opening files from a folder shows a folder listing for a link to a folder (``jigou/x/``) and refuses
``fetch`` of local files, which the search uses. So the portable copy links every page by its file
(``jigou/x/index.html``), and carries its search data also as small scripts (``search/.../N.json.js``) that the
search page loads with ``<script>`` where it cannot fetch (theme/assets/zhi-search.js). Served over HTTP the same
copy works as the ordinary site does.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..workdir import write_if_changed

# a relative link to a folder (no scheme, not root-absolute), with or without an anchor or a query
_FOLDER_LINK = re.compile(r'((?:href|action|src)=")((?:\.\.?|[^":#?/][^":#?]*)?/|(?:\.\.?/)*\.\.?)(\?[^"#]*)?(#[^"]*)?"')


def _to_file(m: re.Match) -> str:
    attr, path, query, anchor = m.group(1), m.group(2), m.group(3) or "", m.group(4) or ""
    if not path.endswith("/"):  # . .. ../..
        path += "/"
    return f'{attr}{path}index.html{query}{anchor}"'


def file_links(html: str) -> str:
    """Every relative link to a folder made a link to the folder's index.html."""
    return _FOLDER_LINK.sub(_to_file, html)


def make_portable(site: Path) -> None:
    """Turn a built site (in place) into one that also works from a folder. Idempotent: files already made
    portable are left as they are (and keep their times, which the incremental build and leak scan use)."""
    for f in site.rglob("*.html"):
        text = f.read_text(encoding="utf-8")
        write_if_changed(f, file_links(text).encode("utf-8"))
    search = site / "search"
    if search.is_dir():
        kept = set()
        for f in sorted(search.rglob("*")):
            if f.is_file() and f.suffix in (".json", ".txt"):
                rel = f.relative_to(search).as_posix()
                data = f.read_text(encoding="utf-8")
                payload = data if f.suffix == ".json" else json.dumps(data, ensure_ascii=False)
                js = f.with_name(f.name + ".js")
                kept.add(js)
                write_if_changed(js, f"zhiSearchData({json.dumps(rel)},{payload});\n".encode())
        for js in search.rglob("*.js"):
            if js not in kept:
                js.unlink()
