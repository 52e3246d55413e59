"""The build's working tree, kept between builds so that a rebuild redoes only what changed.

``.cache/build/<name>/`` holds the Markdown tree the writers made (``docs/``), the site MkDocs rendered from
it (``site/``) and ``state.json``. A build renders every page's Markdown in memory, but writes only the files
whose bytes changed; MkDocs then re-renders only those pages (its ``dirty`` mode compares modification
times). Whenever something every page depends on changes — the navigation, the generated configuration,
the theme, ``mkdocs.yml`` or the installed MkDocs — or an earlier build did not finish, the site is rebuilt
whole.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

STATE_VERSION = 1


@dataclass
class Changes:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write unless the file already holds these bytes, so that an unchanged file keeps its modification
    time (MkDocs' dirty mode, the leak scanner and the search texts go by it). True if written."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def tree_digest(*paths: Path) -> str:
    """A digest of files' names, sizes and contents (the theme, mkdocs.yml)."""
    h = hashlib.sha256()
    for base in paths:
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for p in files:
            h.update(p.as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


class WorkDir:
    def __init__(self, path: Path):
        self.path = path
        self.docs = path / "docs"
        self.site = path / "site"
        self._state_file = path / "state.json"
        self._lock = None

    def __enter__(self) -> Self:
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.path / ".lock", "w")
        fcntl.flock(self._lock, fcntl.LOCK_EX)  # two builds of the same edition take turns
        return self

    def __exit__(self, *exc) -> None:
        if self._lock:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()

    def state(self) -> dict:
        try:
            st = json.loads(self._state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return st if st.get("version") == STATE_VERSION else {}

    def save_state(self, **values) -> None:
        tmp = self._state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": STATE_VERSION, **values}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self._state_file)

    def forget(self) -> None:
        """Mark the tree as unfinished: if this build is interrupted, the next one starts afresh."""
        self._state_file.unlink(missing_ok=True)

    def sync(self, files: dict[str, bytes]) -> Changes:
        """Make ``docs/`` hold exactly ``files`` (relative path → bytes), touching only what differs."""
        ch = Changes()
        for rel, data in files.items():
            if write_if_changed(self.docs / rel, data):
                ch.written.append(rel)
        if self.docs.is_dir():
            for p in sorted(self.docs.rglob("*")):
                if p.is_file() and p.relative_to(self.docs).as_posix() not in files:
                    p.unlink()
                    ch.removed.append(p.relative_to(self.docs).as_posix())
        return ch

    def remove_outputs(self, removed: list[str]) -> None:
        """Delete what MkDocs made from source files that are gone (a dirty build does not)."""
        from .writers.site import url_of

        for rel in removed:
            target = self.site / (url_of(rel) + "index.html" if rel.endswith(".md") else rel)
            target.unlink(missing_ok=True)
            # the folder it leaves empty goes too: its name is the page's address, often the id of a record that
            # has just been withheld (a raised classification), and a web server lists empty folders as well
            folder = target.parent
            while folder != self.site and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent

    def clear_site(self) -> None:
        shutil.rmtree(self.site, ignore_errors=True)
        (self.path / "texts.pickle").unlink(missing_ok=True)

    def page_texts(self) -> dict:
        """The search index's cache of page texts (see writers.search.collect), kept with the site."""
        try:
            with open(self.path / "texts.pickle", "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            return {}

    def save_page_texts(self, texts: dict) -> None:
        tmp = self.path / "texts.tmp"
        with open(tmp, "wb") as f:
            pickle.dump(texts, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path / "texts.pickle")
