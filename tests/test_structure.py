"""The shape of the code: the product package has no import cycle, and the test-data generator is not part
of it (only the `zhi synth` command reaches it, when run)."""

import ast
import subprocess
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def module_graph(package: str) -> dict[str, set[str]]:
    """Each module of ``package`` → the modules of ``package`` it imports at module level."""
    files = {}
    for p in (SCRIPTS / package).rglob("*.py"):
        parts = p.relative_to(SCRIPTS).with_suffix("").parts
        files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    graph = {}
    for mod, p in files.items():
        here = mod if p.name == "__init__.py" else mod.rpartition(".")[0]
        deps = set()
        for node in ast.parse(p.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom):
                base = ".".join(here.split(".")[:len(here.split(".")) - node.level + 1]) if node.level else ""
                target = ".".join(x for x in (base, node.module) if x)
                deps |= {f"{target}.{a.name}" if f"{target}.{a.name}" in files else target for a in node.names}
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names}
        graph[mod] = {d for d in deps if d in files and d != mod}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle's modules (Tarjan's strongly connected components of more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_in_zhi():
    graph = module_graph("zhi")
    assert "zhi.views.snapshot" in graph and "zhi.views.staffing" in graph["zhi.views.snapshot"]
    assert cycles(graph) == []


def test_the_generator_lives_outside_the_product():
    assert not (SCRIPTS / "zhi" / "synth.py").exists()
    users = [p.relative_to(SCRIPTS).as_posix() for p in (SCRIPTS / "zhi").rglob("*.py")
             if "zhisynth" in p.read_text(encoding="utf-8")]
    assert users == ["zhi/commands/synth.py"]
    command = ast.parse((SCRIPTS / "zhi" / "commands" / "synth.py").read_text(encoding="utf-8"))
    at_top = [ast.unparse(n) for n in command.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    assert at_top and not [s for s in at_top if "zhisynth" in s]  # imported when the command runs, not before
    assert all(m.startswith("zhisynth") for m in module_graph("zhisynth"))


def test_no_virtualenv_is_tracked():
    """A committed `.venv` (a symlink a worktree uses to share the venv) replaces the real venv of every checkout it
    reaches: git overwrites ignored files. It happened twice (6178ae1 and an earlier one)."""
    root = Path(__file__).resolve().parents[1]
    tracked = subprocess.run(["git", "ls-files", "--", ".venv", "venv", ".venv/*"], cwd=root, capture_output=True,
                             text=True, check=True).stdout.split()
    assert tracked == []
