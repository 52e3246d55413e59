"""``settings-invalid``: the site's settings (mkdocs.yml) hold a YAML tag or a setting zhi does not pass on; the
reading and the rule are ``sitesettings.read``, which the build uses too."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..history import History
from ..model import Archive
from ..sitesettings import read


def check_settings(a: Archive, h: History) -> Iterator[Finding]:
    yield from read(a.root)[1]
