"""SVG figures made at build time (no JavaScript): a body's lineage diagram and staffing charts.

Written by hand because the figures are small and fixed in shape; a plotting library would add a large
dependency and non-reproducible output for two simple drawings.
"""

from __future__ import annotations

import re
from html import escape

from ..views.lineage import Lineage
from ..views.naming import span_years, with_years
from ..views.staffing import CHARTED

FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif"
INK, MUTED, ACCENT, FILL = "#222", "#666", "#8b1a1a", "#fbf7ef"


def _text_width(s: str, size: int) -> int:
    return sum(size if ord(ch) > 0x2E80 else int(size * 0.6) for ch in s)


def _box(x: int, y: int, w: int, lines: list[tuple[str, str]], href: str | None, size: int = 13,
         strong: bool = False) -> str:
    h = 10 + len(lines) * (size + 6)
    parts = [(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4" fill="{FILL}" '
              f'stroke="{ACCENT if strong else MUTED}" stroke-width="{2 if strong else 1}"/>')]
    for i, (text, color) in enumerate(lines):
        parts.append(f'<text x="{x + w // 2}" y="{y + 8 + (i + 1) * (size + 6) - 6}" font-size="{size}" '
                     f'text-anchor="middle" fill="{color}">{escape(text)}</text>')
    g = "".join(parts)
    if href:
        g = f'<a href="{escape(href)}">{g}</a>'
    return g


_NO_LINE_START = set("。，、；：？！）》」』】〕〗〉”’…—%‰·")


def _wrap(text: str, width: int | None, size: int) -> list[str]:
    """A label cut into lines of at most ``width`` units (None: one line): a name's years （1984—2002） go to a
    line of their own, and no line begins with a closing mark (避头)."""
    if width is None or _text_width(text, size) <= width:
        return [text]
    m = re.match(r"^(.+?)(（[^（）]*）)$", text)
    if m and _text_width(m.group(2), size) <= width:
        return _wrap(m.group(1), width, size) + [m.group(2)]
    lines, cur = [], ""
    for ch in text:
        if cur and _text_width(cur + ch, size) > width:
            if ch in _NO_LINE_START and len(cur) > 1:
                lines.append(cur[:-1])
                cur = cur[-1]
            else:
                lines.append(cur)
                cur = ""
        cur += ch
    return [*lines, cur] if cur else lines


def lineage_svg(lin: Lineage, link, wrap: int | None = None) -> str:
    """Predecessors → the body (its names with dates) → successors. With ``wrap`` (units), long names are set on
    more lines, so that the drawing stays narrow enough for a printed page without shrinking its text."""
    # the last name of a body whose end is unknown runs to "？", not to an open end that reads as "still there"
    unknown_end = "？" if lin.last_known else ""
    size = 13
    center_lines = [(part, INK) for p in lin.names
                    # a name closed only by its jurisdiction's end (去向不详) runs to "？" too
                    for part in _wrap(with_years(p.value, span_years(p.start, None if p.end_text else p.end,
                                                                     '？' if p.end_text else unknown_end)),
                                      wrap and int(wrap * 1.3), size)] or [(lin.name, INK)]
    # a body abolished with its duties taken over is no 前身/后继: drawn apart, its line dashed, its box saying 职能划入
    # (on the left, into the body) or 职能划出 (on the right); each box has its own name then (a body may be there twice)
    preds = [(pid, name, e, f"{e.date.happened()}{e.said_zh}") for pid, name, e in lin.predecessors] + \
        [(pid, name, e, f"{e.date.happened()}{e.said_zh}，职能划入") for pid, name, e in lin.duties_in]
    succs = [(sid, name, e, f"{e.date.happened()}{e.said_zh}") for sid, name, e in lin.successors] + \
        [(sid, name, e, f"{e.date.happened()}{e.said_zh}，职能划出") for sid, name, e in lin.duties_out]
    side_lines = [_wrap(name, wrap, size) for _, name, _, _ in preds + succs]
    # (wide enough for the date line too: “1968年12月2日撤销，职能划入” ran out of its box on the left)
    side_w = max([_text_width(t, size) + 24 for lines in side_lines for t in lines]
                 + [_text_width(said, size) + 24 for *_, said in preds + succs] + [140])
    mid_w = max([_text_width(t, size) + 24 for t, _ in center_lines] + [160])
    gap = 70
    width = (side_w + gap if preds else 0) + mid_w + (gap + side_w if succs else 0) + 20
    box_h = 10 + (size + 6) * (1 + max([len(lines) for lines in side_lines] + [1]))
    rows = max(len(preds), len(succs), 1)
    mid_h = 10 + len(center_lines) * (size + 6)
    height = max(rows * (box_h + 12), mid_h) + 20
    x_mid = 10 + (side_w + gap if preds else 0)
    y_mid = (height - mid_h) // 2
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" font-family="{FONT}" role="img" aria-label="{escape(lin.name)}沿革图">'),
           ('<defs><marker id="arr" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            f'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{MUTED}"/></marker></defs>')]
    out.append(_box(x_mid, y_mid, mid_w, center_lines, None, size, strong=True))

    def column(items, first: int, x, to_mid: bool):
        n = len(items)
        top = (height - n * (box_h + 12) + 12) // 2
        for i, (rid, _, e, said) in enumerate(items):
            y = top + i * (box_h + 12)
            lines = [(t, INK) for t in side_lines[first + i]] + [(said, MUTED)]
            out.append(_box(x, y, side_w, lines, link(rid), size))
            ym = y + box_h // 2
            dash = ' stroke-dasharray="4 3"' if said.endswith(("职能划入", "职能划出")) else ""
            if to_mid:
                out.append(f'<line x1="{x + side_w}" y1="{ym}" x2="{x_mid - 4}" y2="{y_mid + mid_h // 2}" '
                           f'stroke="{MUTED}"{dash} marker-end="url(#arr)"/>')
            else:
                out.append(f'<line x1="{x_mid + mid_w}" y1="{y_mid + mid_h // 2}" x2="{x - 4}" y2="{ym}" '
                           f'stroke="{MUTED}"{dash} marker-end="url(#arr)"/>')

    if preds:
        column(preds, 0, 10, True)
    if succs:
        column(succs, len(preds), x_mid + mid_w + gap, False)
    out.append("</svg>")
    return "".join(out)


# Chart geometry: the drawing is CHART_W units wide and shown at most at that many CSS pixels, so one unit is
# at most 1 px on screen (a 390 px phone shows it nearly at full size) and 0.75 pt in print (the 16开 text
# block is wider than 360 px, so print never shrinks it). LABEL_SIZE units are then ≥ 8 pt in print and
# ≈ 11 px on a phone; tests/test_staffing.py measures both in the real outputs.
CHART_W = 360
LABEL_SIZE = 11
TITLE_SIZE = 13


def bar_chart_svg(title: str, labels: list[str], series: list[tuple[str, list[int | None], str]]) -> str:
    """Grouped bars, one group per label; series are (name, values, colour); None is no bar (未载)."""
    n, k = len(labels), max(len(series), 1)
    left, right, top, plot_h = 40, 8, 26, 150
    plot_w = CHART_W - left - right
    group_w = plot_w / max(n, 1)
    gap = min(4.0, group_w * 0.2)
    bar_w = max((group_w - gap) / k, 0.5)
    legend_rows = _legend_rows(series)
    height = top + plot_h + 22 + 16 * len(legend_rows)
    vmax = max([v for _, vals, _ in series for v in vals if v is not None] + [1])
    step = max(1, _nice_step(vmax))
    vtop = ((vmax + step - 1) // step) * step
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_W} {height}" width="{CHART_W}" '
            f'height="{height}" font-family="{FONT}" role="img" aria-label="{escape(title)}">'),
           f'<text x="{left}" y="16" font-size="{TITLE_SIZE}" fill="{INK}">{escape(title)}</text>']
    for v in range(0, vtop + 1, step):
        y = top + plot_h - plot_h * v / vtop
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{CHART_W - right}" y2="{y:.1f}" stroke="#ddd"/>'
                   f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="{LABEL_SIZE}" text-anchor="end" '
                   f'fill="{MUTED}">{v}</text>')
    # a label every so many groups that labels never touch (about 3 characters' room each)
    room = max(_text_width(lb, LABEL_SIZE) for lb in labels) + 6 if labels else 1
    every = max(1, -(-room // max(group_w, 0.1)))
    every = next((s for s in (1, 2, 5, 10, 20, 25, 50) if s >= every), int(every))
    for i, label in enumerate(labels):
        gx = left + i * group_w + gap / 2
        for j, (name, vals, colour) in enumerate(series):
            v = vals[i] if i < len(vals) else None
            if v is None:
                continue
            h = plot_h * v / vtop
            out.append(f'<rect x="{gx + j * bar_w:.1f}" y="{top + plot_h - h:.1f}" width="{max(bar_w - 0.5, 0.5):.1f}" '
                       f'height="{h:.1f}" fill="{colour}"><title>{escape(label)} {escape(name)} {v}</title></rect>')
        if i % every == 0:
            out.append(f'<text x="{left + i * group_w + group_w / 2:.1f}" y="{top + plot_h + 15}" '
                       f'font-size="{LABEL_SIZE}" text-anchor="middle" fill="{MUTED}">{escape(label)}</text>')
    for row, items in enumerate(legend_rows):
        lx, y = left, top + plot_h + 24 + 16 * row
        for name, colour in items:
            out.append(f'<rect x="{lx}" y="{y}" width="10" height="10" fill="{colour}"/>'
                       f'<text x="{lx + 14}" y="{y + 9}" font-size="{LABEL_SIZE}" fill="{INK}">{escape(name)}</text>')
            lx += _text_width(name, LABEL_SIZE) + 28
    out.append("</svg>")
    return "".join(out)


def _legend_rows(series) -> list[list[tuple[str, str]]]:
    rows: list[list[tuple[str, str]]] = [[]]
    width = 40
    for name, _, colour in series:
        w = _text_width(name, LABEL_SIZE) + 28
        if rows[-1] and width + w > CHART_W:
            rows.append([])
            width = 40
        rows[-1].append((name, colour))
        width += w
    return rows


def staffing_chart(t) -> str:
    """The chart of a jurisdiction's 编制统计表 (views.staffing.Table): each kind of line a series of totals."""
    labels = [str(r.year) for r in t.rows]
    series = []
    for what, colour in zip(CHARTED, ("#8b1a1a", "#c9a227", "#2f5d8a"), strict=True):
        vals = [(ln.total() if (ln := r.line(what)) else None) for r in t.rows]
        if any(v is not None for v in vals):
            name = next(ln.label for r in t.rows if (ln := r.line(what)))
            series.append((name, vals, colour))
    if not series:   # nothing to plot (a 系统's figures only): no chart drawn as if zero; Table.chart_note says why
        return ""
    return bar_chart_svg(f"{t.name}{t.chart_what}（年末，各类合计）", labels, series)


def _nice_step(vmax: int) -> int:
    for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if vmax / s <= 8:
            return s
    return 10 ** (len(str(vmax)) - 1)
