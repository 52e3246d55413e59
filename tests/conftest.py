import shutil
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent
BASE = TESTS / "fixtures" / "base"


def make_archive(tmp_path: Path, overlay: Path | None = None) -> Path:
    """A copy of the small valid base archive, with the files of ``overlay`` laid over it."""
    dest = tmp_path / "project"
    shutil.copytree(BASE, dest)
    if overlay is not None:
        for p in overlay.rglob("*"):
            if p.is_file() and p.name != "expect.yaml":
                target = dest / p.relative_to(overlay)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(p, target)
    return dest


@pytest.fixture
def base_archive(tmp_path):
    return make_archive(tmp_path)
