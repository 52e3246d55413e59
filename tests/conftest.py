import shutil
from pathlib import Path

import pytest
from zhi.build import build_edition

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


def with_theme(root: Path) -> Path:
    """An archive made buildable: the project's theme and mkdocs.yml beside its sources."""
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def write(root: Path, rel: str, text: str) -> None:
    """Write a file of a test archive, making its folders."""
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


@pytest.fixture
def base_archive(tmp_path):
    return make_archive(tmp_path)


def copy_project(dest: Path) -> Path:
    for name in ("sources", "chronicle", "theme"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The sample built (site, PDF and DOCX) into a copy of the project, never touching the editor's site/."""
    return build_edition(copy_project(tmp_path_factory.mktemp("proj")), docx=True)


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built.out
