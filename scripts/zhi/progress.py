"""Where long work is: a progress bar on a terminal, one line per stage elsewhere (CI, a pipe, a log file).

Long commands (``zhi build``, ``zhi search`` indexing, ``zhi import`` of a folder) report through a ``Progress``::

    progress = Progress.for_stream(sys.stderr)
    with progress.stage("排版志书", total=len(chunks), unit="块") as st:
        for chunk in chunks:
            ...
            st.update()          # one more done: the bar moves, with the time left estimated by tqdm

On a terminal each stage is a tqdm bar (count, rate, time left), cleared when the stage ends and replaced by
its one-line summary; on a non-terminal only the summary line is printed, when the stage ends. ``QUIET``
(the default of every library function) prints nothing, so tests and library callers stay silent.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from typing import TextIO


class Stage:
    """One stage of the work: counts what is done of ``total`` (when it is known)."""

    def __init__(self, progress: Progress, name: str, total: int | None, unit: str):
        self.progress, self.name, self.total, self.unit = progress, name, total, unit
        self.done, self.note, self.closed = 0, "", False
        progress.open.append(self)
        self.t0 = time.perf_counter()
        self.bar = None
        if progress.stream is not None and progress.bar:
            from tqdm import tqdm

            fmt = None
            if total:
                fmt = ("{desc}：{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} " + unit +
                       " [已用 {elapsed}，尚需 {remaining}]{postfix}")
            # a terminal that reports no width (a bare pseudo-terminal) would get an empty bar: 80 columns then
            width = {"dynamic_ncols": True} if _columns(progress.stream) else {"ncols": 80, "nrows": 24}
            self.bar = tqdm(total=total, desc=name, unit=unit, file=progress.stream, leave=False,
                            bar_format=fmt, **width)

    def update(self, n: int = 1) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)

    def set_total(self, total: int) -> None:
        """The count became known (or changed) once the stage was under way."""
        self.total = total
        if self.bar is not None:
            self.bar.total = total
            self.bar.refresh()

    def set_note(self, note: str) -> None:
        """A few words printed after the summary (e.g. how many came from the cache)."""
        self.note = note
        if self.bar is not None:
            self.bar.set_postfix_str(note, refresh=True)

    def abandon(self) -> None:
        """The stage failed: the bar goes, and no line claims it finished."""
        self._forget()
        if self.bar is not None:
            self.bar.close()

    def close(self) -> float:
        """End the stage: the bar goes, the summary line is printed; returns the seconds it took."""
        seconds = time.perf_counter() - self.t0
        if self.closed:
            return seconds
        self._forget()
        self.progress.line(_summary(self, seconds))
        return seconds

    def _forget(self) -> None:
        self.closed = True
        if self in self.progress.open:
            self.progress.open.remove(self)
        if self.bar is not None:
            self.bar.close()


class Progress:
    """Reports the stages of a long command to ``stream``; ``bar`` chooses the terminal form."""

    def __init__(self, stream: TextIO | None, bar: bool = False, prefix: str = "zhi"):
        self.stream, self.bar, self.prefix = stream, bar, prefix
        self.open: list[Stage] = []

    @classmethod
    def for_stream(cls, stream: TextIO = sys.stderr, prefix: str = "zhi") -> Progress:
        """A bar when ``stream`` is a terminal, stage lines when it is not."""
        isatty = getattr(stream, "isatty", None)
        return cls(stream, bar=bool(isatty and isatty()), prefix=prefix)

    def begin(self, name: str, total: int | None = None, unit: str = "项") -> Stage:
        """Start a stage; ``close()`` it when done (or use ``stage`` as a context manager)."""
        return Stage(self, name, total, unit)

    @contextmanager
    def stage(self, name: str, total: int | None = None, unit: str = "项"):
        st = self.begin(name, total, unit)
        try:
            yield st
        except BaseException:
            st.abandon()
            raise
        st.close()

    def abandon(self) -> None:
        """The command failed: every open stage's bar goes before the error is printed."""
        for st in list(self.open):
            st.abandon()

    def print(self, text: str, file: TextIO | None = None) -> None:
        """Print a line of the command's own output (to ``file``, stdout by default) without breaking a bar."""
        file = file or sys.stdout
        if self.bar and self.open:
            from tqdm import tqdm

            tqdm.write(text, file=file)
        else:
            print(text, file=file, flush=True)

    def line(self, text: str) -> None:
        """A line of its own (never inside a bar)."""
        if self.stream is None:
            return
        print(f"[{self.prefix}] {text}" if self.prefix else text, file=self.stream, flush=True)


def _columns(stream) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 0


def _summary(st: Stage, seconds: float) -> str:
    count = ""
    if st.total is not None:
        count = f"{st.done}/{st.total} {st.unit}，" if st.done != st.total else f"{st.total} {st.unit}，"
    elif st.done:
        count = f"{st.done} {st.unit}，"
    note = f"，{st.note}" if st.note else ""
    return f"{st.name}：{count}用时 {seconds:.1f} 秒{note}"


QUIET = Progress(None)
