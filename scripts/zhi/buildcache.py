"""What a rebuild may take over from the last build, keyed on content, never on file times.

The leak scan keeps, per file of the site, the digest of the bytes it last found clean (``content_digest``);
a file is skipped only when its bytes have that digest *and* the verdict was reached by the same scanner
(``scanner_digest``: the source of the modules that decide what is a leak) against the same forbidden strings
(``leaks.fingerprint``). Anything else — a new file, changed bytes, a changed scanner, a secret name added to
a record — and the file is read and scanned again: what has not been scanned as it is now is not clean.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

# the modules whose code decides what the scan finds: a change to any of them makes every earlier verdict void
_SCANNER_MODULES = ("leaks.py", "levelwords.py", "invisible.py", "docno.py", "chapterimages.py", "buildcache.py")


def content_digest(data: bytes) -> str:
    """The digest of a file's bytes (BLAKE2b: fast enough to read the whole site on every build)."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


@functools.cache
def scanner_digest() -> str:
    """A digest of the scanner's own code (the modules in ``_SCANNER_MODULES`` that exist)."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _SCANNER_MODULES:
        path = here / name
        if path.is_file():
            h.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def verdicts(state: dict, fingerprint: str, full: bool) -> dict[str, str]:
    """The files found clean by the last build (relative path → content digest), when that build scanned with
    this fingerprint (which includes ``scanner_digest``) and the site is not being made afresh; else none."""
    if full or state.get("fingerprint") != fingerprint:
        return {}
    clean = state.get("clean")
    if not isinstance(clean, dict) or not all(isinstance(v, str) for v in clean.values()):
        return {}   # a state from an older zhi (kept by file times): nothing taken from it
    return clean
