"""`zhi serve`: live preview. Builds the site, serves it on localhost, rebuilds when a file under
sources/, chronicle/, theme/ or mkdocs.yml changes, and makes open pages reload themselves.

The reload script is added to HTML pages as they are served (never written into site/), and asks the
server every second for the build number; a page whose build is older reloads.
"""

from __future__ import annotations

import http.server
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
            if self.path == "/__zhi_build":
                return self.send(200, str(state.build).encode(), "text/plain")
            # pages are never served while a build writes them, nor after the leak scan refused them
            state.idle.wait(600)
            if state.refused or not state.idle.is_set():
                return self.send(503, REFUSED_HTML.replace("</body>", RELOAD_JS.decode() + "</body>").encode())
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix == ".html" and path.is_file():
                return self.send(200, path.read_bytes().replace(b"</body>", RELOAD_JS + b"</body>", 1))
            super().do_GET()

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
        print(f"[{time.strftime('%H:%M:%S')}] 未能更新：{e}", file=sys.stderr, flush=True)
        return
    finally:
        state.idle.set()
    with state.lock:
        state.refused = False
        state.build += 1
    print(f"[{time.strftime('%H:%M:%S')}] 已更新（{res.pages} 页，重新生成 {res.timings.get('pages rendered', 0):.0f} 页，"
          f"{time.perf_counter() - t0:.1f} 秒）", flush=True)


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

