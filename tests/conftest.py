import fcntl
import hashlib
import os
import pickle
import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings as _hypothesis_settings
from zhi.build import build_edition

# property tests assert results, never wall-clock time: a loaded 2-core CI machine must not fail them on a deadline
_hypothesis_settings.register_profile("zhi", deadline=None)
_hypothesis_settings.load_profile("zhi")

TESTS = Path(__file__).parent
ROOT = TESTS.parent
BASE = TESTS / "fixtures" / "base"
# a test's subprocesses (python -m zhi.cli, .venv/bin/zhi) run this checkout's code too, as pyproject's pytest
# `pythonpath` makes the tests themselves do: the shared .venv is installed from one checkout only
os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT / "scripts"), *filter(None, [os.environ.get("PYTHONPATH")])])

# ---- the two tiers: `make test` runs everything; `make test-quick` (pytest -m "not slow") leaves out the tests
# that typeset a whole book or drive a browser. A test is slow when it asks for one of these fixtures, lives in
# one of these files, or is marked @pytest.mark.slow itself; in the quick tier a test that typesets a book
# anyway fails and says to mark it (see _quick_tier_never_typesets).
SLOW_FIXTURES = {
    "built", "site", "pdf", "internal", "chunked",       # the sample built with its PDF (conftest, test_book)
    "internal_draft",                                     # the sample's internal edition as a draft, with its PDF
    "zensical_built",                                     # the sample's site rendered by Zensical
    "server", "browser", "page",                          # a real browser (test_browser)
    "planted", "dense", "history_built",                  # archives built with their PDF (confidentiality, notes,
}                                                         # staffing)
SLOW_FILES = {"test_book.py", "test_browser.py", "test_serve.py"}


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: typesets a whole book or drives a browser (left out of make test-quick)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if item.path.name in SLOW_FILES or SLOW_FIXTURES & names:
            item.add_marker(pytest.mark.slow)


_RUNNING: dict[str, pytest.Item] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    """The test being set up, for the quick tier's guard: its module and session fixtures are made during its
    setup, before any function-scoped fixture could watch them."""
    _RUNNING["item"] = item
    yield


@pytest.fixture(scope="session", autouse=True)
def _quick_tier_never_typesets():
    """In the quick tier (ZHI_QUICK_TESTS=1, set by make test-quick) a test that typesets a book fails at once
    with the mend, so that the tier stays quick as tests are added; also when the book is typeset by a module
    or session fixture the test asks for (made before the test's own fixtures, where a function-scoped guard
    came too late and let a whole book through)."""
    if os.environ.get("ZHI_QUICK_TESTS") != "1":
        yield
        return
    import zhi.build

    real = zhi.build.typeset

    def guarded(*args, **kwargs):
        item = _RUNNING.get("item")
        if item is not None and not item.get_closest_marker("slow"):
            pytest.fail(f"{item.nodeid} typesets a book: mark it @pytest.mark.slow (or build with pdf=False)")
        return real(*args, **kwargs)

    zhi.build.typeset = guarded
    yield
    zhi.build.typeset = real


def shared_once(tmp_path_factory, name: str, make):
    """A session value made once for the whole run, also when pytest-xdist runs the tests in several worker
    processes: the first worker makes it (``make(folder)``) under a lock and keeps it pickled beside the run's
    temporary folders; the others wait for it and read it. Without xdist it is simply made."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return make(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent / f"shared-{name}"
    shared.mkdir(exist_ok=True)
    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        kept = shared / "value.pickle"
        if kept.exists():
            return pickle.loads(kept.read_bytes())
        folder = shared / "work"
        shutil.rmtree(folder, ignore_errors=True)  # a worker that failed to make it left a part
        folder.mkdir()
        value = make(folder)
        kept.write_bytes(pickle.dumps(value))
        return value



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


def digest(out: Path) -> dict[str, str]:
    """Every file under ``out`` (relative path) → the SHA-256 of its bytes: two builds compared file for file."""
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def varints(b64: str) -> list[int]:
    """A list of ids as the search index writes it (writers/search.py ``_varints``: base64 delta varints)."""
    import base64

    out, v, shift, prev = [], 0, 0, 0
    for c in base64.b64decode(b64):
        v |= (c & 0x7F) << shift
        if c & 0x80:
            shift += 7
            continue
        prev += v
        out.append(prev)
        v = shift = 0
    return out


def write(root: Path, rel: str, text: str) -> None:
    """Write a file of a test archive, making its folders."""
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) by ``new`` in a file of a test archive."""
    p = root / rel
    text = p.read_text(encoding="utf-8")
    assert old in text, old
    p.write_text(text.replace(old, new), encoding="utf-8")


def write_dedented(root: Path, rel: str, text: str) -> None:
    """Write a file of a test archive given as an indented block in the test (dedented, leading newline dropped)."""
    write(root, rel, textwrap.dedent(text).lstrip())


def archive_with(tmp_path: Path, events: str = "", bodies: dict[str, str] | None = None,
                 files: dict[str, str] | None = None) -> Path:
    """The base archive with the events of ``events`` (YAML, in sources/events/x.yaml), a body file for each
    id → 类别 of ``bodies`` (sources/bodies/x.yaml), and ``files`` (path → text) written over it."""
    root = make_archive(tmp_path)
    if bodies:
        write(root, "sources/bodies/x.yaml", "".join(f"- id: {rid}\n  kind: {kind}\n" for rid, kind in bodies.items()))
    if events:
        write(root, "sources/events/x.yaml", events)
    for rel, text in (files or {}).items():
        write(root, rel, text)
    return root


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
    """The sample built (site, PDF and DOCX) into a copy of the project, never touching the editor's site/;
    built once for the run, however many xdist workers share it (its tests only read it)."""
    return shared_once(tmp_path_factory, "sample", lambda folder: build_edition(copy_project(folder), docx=True))


@pytest.fixture(scope="session")
def site(built) -> Path:
    return built.out


@pytest.fixture(scope="session")
def internal_draft(tmp_path_factory):
    """The sample's internal edition as a 征求意见稿 (site and PDF), built once for the run: the edition
    (内部 material in, 秘密 out) and the stage (marked on every page) are read from the same build."""
    def make(folder: Path):
        root = copy_project(folder)
        book = root / "chronicle" / "book.yaml"
        text = book.read_text(encoding="utf-8")
        assert "kaoyi: true" in text
        book.write_text(text.replace("kaoyi: true", "kaoyi: true\nstage: 征求意见稿"), encoding="utf-8")
        return build_edition(root, edition="internal")
    return shared_once(tmp_path_factory, "sample-internal-draft", make)


# ---- the site's two renderers (zhi.renderers): the browser suite runs on each ------------------------------------
RENDERERS = ("mkdocs", "zensical")


@pytest.fixture(scope="session")
def zensical_built(tmp_path_factory):
    """The sample's site rendered by Zensical instead of MkDocs (no PDF: the book does not depend on the site's
    renderer), built once for the run."""
    return shared_once(tmp_path_factory, "sample-zensical",
                       lambda folder: build_edition(copy_project(folder), pdf=False, renderer="zensical"))


@pytest.fixture(scope="module", params=RENDERERS)
def renderer(request) -> str:
    """Parametrises a module's tests over the renderers (a module's ``site`` fixture then asks for it)."""
    return request.param


def rendered_site(request, renderer: str) -> Path:
    """The sample's site as the renderer made it: MkDocs' is the full build (with PDF and DOCX)."""
    return request.getfixturevalue("built" if renderer == "mkdocs" else "zensical_built").out
