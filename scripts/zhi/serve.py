"""`zhi serve`: live preview. Builds the site, serves it on localhost, rebuilds when a file under
sources/, chronicle/, theme/ or mkdocs.yml changes, and makes open pages reload themselves.

The reload script is added to HTML pages as they are served (never written into site/), and asks the
server every second for the build number; a page whose build is older reloads.

When a rebuild fails (errors in the archive), the editor sees it in the browser: before any good build every
page is the list of findings, in Chinese; after one, the last good pages stay and each carries a notice that it
is stale, with a link to the findings, until the errors are mended. The server never shows a directory listing.
"""

from __future__ import annotations

import html
import http.server
import re
import sys
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from .build import BuildError, LeakError, build_edition, work_dir
from .workdir import WorkDir


def preview_out(root: Path) -> Path:
    """Names the preview's builds (their working tree is what is served); nothing is written there."""
    return root / ".cache" / "preview"

RELOAD_JS = b"""<script>(function(){var v=null;function poll(){fetch('/__zhi_build').then(function(r){return r.text()})
.then(function(t){if(v===null){v=t}else if(t!==v){location.reload()}}).catch(function(){}).finally(function(){
setTimeout(poll,1000)})}poll()})();</script>"""


_PAGE = """<!doctype html><html lang="zh"><meta charset="utf-8"><title>{title}</title>
<style>body{{font:16px/1.7 sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}li{{margin:.3em 0}}
code{{background:#f3f3f3}}</style><body><h1>{title}</h1>{body}</body></html>"""

# the notice on every page while the archive has errors: fixed at the top, the site's own header moved below it
STALE_HTML = """<style>body{{padding-top:2.6em}}.md-header{{top:2.6em}}</style><div id="zhi-stale" role="alert"
style="position:fixed;top:0;left:0;right:0;height:2.6em;box-sizing:border-box;overflow:hidden;z-index:10000;
background:#b71c1c;color:#fff;padding:.5em 1em;font:15px/1.6 sans-serif">本页已过时：{when} 保存的修改使档案有
{count}，预览未能更新，显示的是上一次成功生成的版本。<a href="/__zhi_problems" style="color:#fff;
text-decoration:underline">查看问题</a>；改正后保存，页面会自动刷新。</div>"""


REFUSED_HTML = """<!doctype html><html lang="zh"><meta charset="utf-8"><title>保密检查未通过</title>
<body><h1>保密检查未通过，预览已停止</h1><p>生成的页面中有不应公开的内容，详见运行 zhi serve 的终端。
改正后保存，预览会自动恢复。</p></body></html>"""


class _State:
    def __init__(self):
        self.build = 0
        self.lock = threading.Lock()
        self.pending = threading.Event()
        self.idle = threading.Event()    # no build is writing the working tree
        self.idle.set()
        self.refused = False             # the last build was refused by the leak scan: serve nothing
        self.good = False                # a build has succeeded: its pages can be served
        self.problems: list[str] = []    # why the last build failed (Chinese, file:line each), or []
        self.summary = ""                # e.g. "3 个错误"
        self.failed_at = ""              # when it failed (HH:MM:SS)


def problems_page(state: _State) -> bytes:
    """The findings of the failed build, as a page."""
    if state.problems:
        items = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in state.problems)
        body = (f"<p>{html.escape(state.failed_at)} 生成预览时发现档案有{html.escape(state.summary)}，预览未能更新。"
                f"按下面的说明改正（文件:行号 指出在哪个文件的哪一行），保存后本页会自动刷新。</p><ol>{items}</ol>"
                f"<p>在终端里运行 <code>zhi check</code> 也能看到同样的清单。</p>")
        title = "档案有错误，预览未能更新"
    else:
        body, title = "<p>预览正在生成，请稍候，本页会自动刷新。</p>", "预览正在生成"
    return _PAGE.format(title=title, body=body).replace("</body>", RELOAD_JS.decode() + "</body>").encode()


def _failure(message: str) -> tuple[list[str], str]:
    """The lines of a build error worth listing (its findings, or the message itself), and how many errors it
    names ("3 个错误")."""
    lines = [x.strip() for x in message.splitlines() if x.strip()]
    m = re.search(r"(\d+) 个错误", lines[0] if lines else "")
    return (lines[1:] or lines), (f" {m.group(1)} 个错误" if m else "问题")


def _handler(site: Path, state: _State):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(site), **kw)

        def log_message(self, *args):
            pass

        def send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            try:
                self._get()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser went away
            except Exception as e:  # noqa: BLE001 - a page that cannot be served says so, in Chinese
                self.send(500, _PAGE.format(title="预览出错", body=f"<p>这一页未能显示（{html.escape(type(e).__name__)}："
                                            f"{html.escape(str(e))}）。请把这句话报告给维护者。</p>").encode())

        def _get(self):
            if self.path == "/__zhi_build":
                return self.send(200, str(state.build).encode(), "text/plain")
            if self.path == "/__zhi_problems":
                return self.send(200, problems_page(state))
            # pages are never served while a build writes them, nor after the leak scan refused them
            state.idle.wait(600)
            if state.refused or not state.idle.is_set():
                return self.send(503, REFUSED_HTML.replace("</body>", RELOAD_JS.decode() + "</body>").encode())
            if not state.good:  # nothing built yet: the reason, not an empty directory
                return self.send(503, problems_page(state))
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix == ".html" and path.is_file():
                extra = RELOAD_JS
                if state.problems:
                    extra += STALE_HTML.format(when=html.escape(state.failed_at),
                                               count=html.escape(state.summary)).encode()
                return self.send(200, path.read_bytes().replace(b"</body>", extra + b"</body>", 1))
            if not path.exists():
                return self.send(404, _PAGE.format(title="找不到这一页", body=(
                    f"<p>预览中没有“{html.escape(self.path)}”这一页。它可能已改名或删去。</p>"
                    "<p><a href=\"/\">回到首页</a></p>")).replace("</body>", RELOAD_JS.decode() + "</body>").encode())
            super().do_GET()

        def list_directory(self, path):  # never an English "Directory listing"
            self.send(404, _PAGE.format(title="找不到这一页", body="<p><a href=\"/\">回到首页</a></p>").encode())

    return Handler


class _Watch(FileSystemEventHandler):
    def __init__(self, state: _State, root: Path):
        self.state, self.root = state, root

    def on_any_event(self, event):
        if event.event_type in ("opened", "closed_no_write"):
            return
        for p in (getattr(event, "src_path", ""), getattr(event, "dest_path", "")):
            if not p:
                continue
            try:
                rel = Path(p).relative_to(self.root).as_posix()
            except ValueError:
                continue
            if "/." in "/" + rel or rel.endswith("~") or "__pycache__" in rel:
                continue
            if rel == "mkdocs.yml" or rel.split("/", 1)[0] in ("sources", "chronicle", "theme"):
                self.state.pending.set()


def _rebuild(root: Path, state: _State) -> None:
    """Rebuild the preview: the public edition without the PDF, rendered incrementally in its working tree
    and served from there (a preview needs no atomic swap). """
    t0 = time.perf_counter()
    state.idle.clear()
    try:
        res = build_edition(root, pdf=False, out=preview_out(root), publish=False)
    except LeakError as e:
        with state.lock:
            state.refused = True
            state.build += 1     # open pages reload and show that the preview stopped
        print(f"[{time.strftime('%H:%M:%S')}] 未能更新：{e}", file=sys.stderr, flush=True)
        return
    except BuildError as e:
        _failed(state, str(e))
        return
    except Exception as e:  # noqa: BLE001 - a bug in a build must not end the preview; the editor is told
        _failed(state, f"生成失败（{type(e).__name__}：{e}）。这多半是程序的问题，请报告给维护者。")
        return
    finally:
        state.idle.set()
    with state.lock:
        state.refused = False
        state.good = True
        state.problems, state.summary = [], ""
        state.build += 1
    print(f"[{time.strftime('%H:%M:%S')}] 已更新（{res.pages} 页，重新生成 {res.timings.get('pages rendered', 0):.0f} 页，"
          f"{time.perf_counter() - t0:.1f} 秒）", flush=True)


def _failed(state: _State, message: str) -> None:
    """Record a failed build: open pages reload and show it (the list, or a stale notice)."""
    with state.lock:
        state.problems, state.summary = _failure(message)
        state.failed_at = time.strftime("%H:%M:%S")
        state.build += 1
    print(f"[{state.failed_at}] 未能更新：{message}", file=sys.stderr, flush=True)


def serve(root: Path, port: int = 8000, host: str = "127.0.0.1") -> None:
    state = _State()
    _rebuild(root, state)
    site = WorkDir(work_dir(root, preview_out(root))).site   # served even before a first good build
    site.mkdir(parents=True, exist_ok=True)
    httpd = http.server.ThreadingHTTPServer((host, port), _handler(site, state))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    observer = Observer()
    watcher = _Watch(state, root.resolve())
    for name in ("sources", "chronicle", "theme"):
        if (root / name).is_dir():
            observer.schedule(watcher, str(root / name), recursive=True)
    observer.schedule(watcher, str(root), recursive=False)
    observer.start()
    print(f"预览地址：http://{host}:{httpd.server_address[1]}/  （修改 sources/、chronicle/ 中的文件后自动更新；Ctrl+C 退出）",
          flush=True)
    try:
        while True:
            if state.pending.wait(0.5):
                time.sleep(0.3)  # let an editor's save finish
                state.pending.clear()
                _rebuild(root, state)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        httpd.shutdown()

