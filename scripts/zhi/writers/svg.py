"""SVG figures made at build time (no JavaScript): a body's lineage diagram and staffing charts.

Written by hand because the figures are small and fixed in shape; a plotting library would add a large
dependency and non-reproducible output for two simple drawings.
"""

from __future__ import annotations

from html import escape

from ..views.lineage import Lineage

FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif"
INK, MUTED, ACCENT, FILL = "#222", "#666", "#8b1a1a", "#fbf7ef"


def _text_width(s: str, size: int) -> int:
    return sum(size if ord(ch) > 0x2E80 else int(size * 0.6) for ch in s)


def _box(x: int, y: int, w: int, lines: list[tuple[str, str]], href: str | None, size: int = 13,
         strong: bool = False) -> str:
    h = 10 + len(lines) * (size + 6)
    parts = [f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4" fill="{FILL}" '
             f'stroke="{ACCENT if strong else MUTED}" stroke-width="{2 if strong else 1}"/>']
    for i, (text, color) in enumerate(lines):
        parts.append(f'<text x="{x + w // 2}" y="{y + 8 + (i + 1) * (size + 6) - 6}" font-size="{size}" '
                     f'text-anchor="middle" fill="{color}">{escape(text)}</text>')
    g = "".join(parts)
    if href:
        g = f'<a href="{escape(href)}">{g}</a>'
    return g


def lineage_svg(lin: Lineage, link) -> str:
    """Predecessors → the body (its names with dates) → successors."""
    # the last name of a body whose end is unknown runs to "？", not to an open end that reads as "still there"
    unknown_end = "？" if lin.last_known else ""
    center_lines = [(f"{p.value}（{p.start.year if p.start else '?'}—{p.end.year if p.end else unknown_end}）", INK)
                    for p in lin.names] or [(lin.name, INK)]
    preds = [(pid, name, e) for pid, name, e in lin.predecessors]
    succs = [(sid, name, e) for sid, name, e in lin.successors]
    size = 13
    side_w = max([_text_width(n, size) + 24 for _, n, _ in preds + succs] + [140])
    mid_w = max([_text_width(t, size) + 24 for t, _ in center_lines] + [160])
    gap = 70
    width = (side_w + gap if preds else 0) + mid_w + (gap + side_w if succs else 0) + 20
    box_h = 10 + (size + 6) * 2
    rows = max(len(preds), len(succs), 1)
    mid_h = 10 + len(center_lines) * (size + 6)
    height = max(rows * (box_h + 12), mid_h) + 20
    x_mid = 10 + (side_w + gap if preds else 0)
    y_mid = (height - mid_h) // 2
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" font-family="{FONT}" role="img" aria-label="{escape(lin.name)}沿革图">',
           '<defs><marker id="arr" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
           f'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{MUTED}"/></marker></defs>']
    out.append(_box(x_mid, y_mid, mid_w, center_lines, None, size, strong=True))

    def column(items, x, to_mid: bool):
        n = len(items)
        top = (height - n * (box_h + 12) + 12) // 2
        for i, (rid, name, e) in enumerate(items):
            y = top + i * (box_h + 12)
            out.append(_box(x, y, side_w, [(name, INK), (f"{e.date.chinese()}{e.type_zh}", MUTED)], link(rid), size))
            ym = y + box_h // 2
            if to_mid:
                out.append(f'<line x1="{x + side_w}" y1="{ym}" x2="{x_mid - 4}" y2="{y_mid + mid_h // 2}" '
                           f'stroke="{MUTED}" marker-end="url(#arr)"/>')
            else:
                out.append(f'<line x1="{x_mid + mid_w}" y1="{y_mid + mid_h // 2}" x2="{x - 4}" y2="{ym}" '
                           f'stroke="{MUTED}" marker-end="url(#arr)"/>')

    if preds:
        column(preds, 10, True)
    if succs:
        column(succs, x_mid + mid_w + gap, False)
    out.append("</svg>")
    return "".join(out)


def bar_chart_svg(title: str, labels: list[str], series: list[tuple[str, list[int], str]],
                  bar_w_max: int = 10) -> str:
    """Grouped bars, one group per label; series are (name, values, colour)."""
    n, k = len(labels), max(len(series), 1)
    # at most about 640 units of plot width, so that a long series gets thinner bars, not a strip that
    # shrinks to nothing when fitted to a page
    group_w = min(bar_w_max * k + 8, max(640 / max(n, 1), 3 * k))
    bar_w = (group_w - (8 if group_w > 4 * k + 8 else 1)) / k
    left, top, plot_h = 44, 34, 180
    width = round(left + max(n, 1) * group_w + 20)
    height = top + plot_h + 44
    vmax = max([v for _, vals, _ in series for v in vals] + [1])
    step = max(1, _nice_step(vmax))
    vtop = ((vmax + step - 1) // step) * step
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" font-family="{FONT}" role="img" aria-label="{escape(title)}">',
           f'<text x="{left}" y="18" font-size="14" fill="{INK}">{escape(title)}</text>']
    for v in range(0, vtop + 1, step):
        y = top + plot_h - plot_h * v / vtop
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#ddd"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end" fill="{MUTED}">{v}</text>')
    for i, label in enumerate(labels):
        gx = left + i * group_w + 4
        for j, (name, vals, colour) in enumerate(series):
            v = vals[i] if i < len(vals) else 0
            h = plot_h * v / vtop
            out.append(f'<rect x="{gx + j * bar_w:.1f}" y="{top + plot_h - h:.1f}" width="{max(bar_w - 1, 1):.1f}" '
                       f'height="{h:.1f}" '
                       f'fill="{colour}"><title>{escape(label)} {escape(name)} {v}</title></rect>')
        if i % max(1, -(-28 // max(int(group_w), 1))) == 0:  # a label every ~28 units, so they never overlap
            out.append(f'<text x="{gx + group_w / 2 - 4:.1f}" y="{top + plot_h + 14}" font-size="9" '
                       f'text-anchor="middle" fill="{MUTED}">{escape(label)}</text>')
    lx = left
    for name, _, colour in series:
        out.append(f'<rect x="{lx}" y="{height - 16}" width="10" height="10" fill="{colour}"/>'
                   f'<text x="{lx + 14}" y="{height - 7}" font-size="11" fill="{INK}">{escape(name)}</text>')
        lx += _text_width(name, 11) + 34
    out.append("</svg>")
    return "".join(out)


def _nice_step(vmax: int) -> int:
    for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if vmax / s <= 8:
            return s
    return 10 ** (len(str(vmax)) - 1)
