"""mkdocs.yml is read by zhi as plain data, never by MkDocs (attack tester: a `!!python/object/apply:os.system` tag
in it ran a command during `zhi build`, and `hooks:` ran a Python file that wrote a secret title into the site, exit
0). A tag or a setting zhi does not pass on is settings-invalid at its line, the build is refused, nothing runs."""

import pytest
from conftest import ROOT, make_archive, with_theme
from zhi.build import BuildError, build_edition, generated_config
from zhi.checks import run_checks
from zhi.loader import load_archive


def _settings(tmp_path, extra: str):
    root = with_theme(make_archive(tmp_path))
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8") + extra, encoding="utf-8")
    return root


def _found(root):
    return [f for f in run_checks(load_archive(root)) if f.code == "settings-invalid"]


def test_the_sample_settings_pass_and_are_merged_under_zhis():
    assert [f for f in run_checks(load_archive(ROOT)) if f.code == "settings-invalid"] == []
    cfg = generated_config(ROOT, "书名", [])
    assert "INHERIT" not in cfg
    assert cfg["theme"]["features"][0] == "navigation.tabs" and cfg["theme"]["custom_dir"].endswith("overrides")
    assert cfg["extra"]["generator"] is False and "zhi_mark" in cfg["extra"] and cfg["site_name"] == "书名"


@pytest.mark.parametrize(("extra", "line_of", "what"), [
    ("extra_javascript:\n  - !!python/object/apply:os.system [\"touch {pwn}\"]\n", "!!python", "标签"),
    ("hooks:\n  - theme/hook.py\n", "hooks:", "hooks"),
    ("plugins:\n  - search\n", "plugins:", "plugins"),
    ("extra_javascript:\n  - https://example.org/x.js\n", "extra_javascript:", "extra_javascript"),
    ("markdown_extensions:\n  - pymdownx.snippets\n", "markdown_extensions:", "markdown_extensions"),
    ("INHERIT: /etc/other.yml\n", "INHERIT:", "INHERIT"),
    ("site_name: !ENV [HOME]\n", "!ENV", "标签"),
])
def test_a_tag_or_a_setting_that_runs_code_is_refused_at_its_line(tmp_path, extra, line_of, what):
    pwn = tmp_path / "pwn"
    root = _settings(tmp_path, extra.replace("{pwn}", str(pwn)))
    found = _found(root)
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    want = next(i for i, ln in enumerate(lines, 1) if line_of in ln)
    assert any(f.loc.line == want and f.severity == "error" and what in f.message for f in found), \
        [f.as_text() for f in found]
    # nothing of a refused file is passed on, and reading it ran nothing
    cfg = generated_config(root, "书名", [])
    assert not {"hooks", "plugins", "markdown_extensions", "INHERIT"} & set(cfg) or cfg["plugins"] == []
    assert cfg["extra_javascript"] == ["assets/zhi-search.js", "assets/zhi-tables.js"]
    assert not pwn.exists()


def test_a_theme_setting_that_brings_templates_is_refused(tmp_path):
    root = _settings(tmp_path, "")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("  name: material\n",
                                                                      "  name: material\n  custom_dir: /tmp/evil\n")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert any("custom_dir" in f.message for f in _found(root))


@pytest.mark.slow
def test_the_build_is_refused_and_runs_nothing(tmp_path):
    pwn = tmp_path / "pwn"
    root = _settings(tmp_path, f"extra_javascript:\n  - !!python/object/apply:os.system [\"touch {pwn}\"]\n"
                               "hooks:\n  - theme/hook.py\n")
    (root / "theme/hook.py").write_text(f"def on_post_build(config):\n    open({str(pwn)!r}, 'w').write('x')\n",
                                        encoding="utf-8")
    with pytest.raises(BuildError):
        build_edition(root, pdf=False)
    assert not pwn.exists()
    assert not (root / "site").exists()


@pytest.mark.slow
def test_a_template_of_an_old_theme_failing_tells_the_editor_to_replace_the_theme(tmp_path):
    """Both testers' archives carried a theme/ copied from an older zhi; the build said only “这多半是程序的问题……
    year.md.j2:22 报告给维护者”. A failure inside the project's own theme/ template names it and says what to do."""
    import subprocess
    import sys

    root = with_theme(make_archive(tmp_path))
    page = root / "theme/pages/chronology.md.j2"
    page.write_text("{% set a, b = [1, 2, 3] %}\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "zhi.cli", "--root", str(root), "build", "--no-pdf"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 1
    assert "theme/pages/chronology.md.j2 第 1 行" in proc.stderr and "用本版 zhi 的 theme/ 替换" in proc.stderr, \
        proc.stderr
