"""zhi build --docx failed after several incremental builds (the 宁化 tester: 图表转为 PNG 时出错：1 幅图只得到 2 个文件):
the figures' folder kept an earlier build's PNGs. Each conversion starts from an empty set of figures."""

from zhi.writers.docx import charts_as_png

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" aria-label="沿革图"><rect width="60" height="40"/></svg>'


def test_an_earlier_builds_figures_do_not_count(tmp_path):
    for i in (1, 2, 3):
        (tmp_path / f"chart-{i}.png").write_bytes(b"old")
    html = charts_as_png(f"<p>前</p>{SVG}<p>后</p>", tmp_path)
    assert html.count("<img ") == 1 and "<svg" not in html and 'alt="沿革图"' in html
    assert len(list(tmp_path.glob("chart-*.png"))) == 1
