"""Charts drawn on the server as SVG (no script: the CSP forbids inline script, and no library is needed for bars):
one horizontal bar per answer option, its count and share written beside it. Every chart stands next to its table,
which holds the same numbers for screen readers and print."""
from markupsafe import Markup, escape

ROW, LABEL, BAR, GAP = 26, 120, 260, 8


def bar_chart(distribution, chart_id, title="Распределение ответов"):
    """``distribution`` [(label, count, percent rounded to one place)] -> an inline <svg> described by its title; the
    table beside it carries the same numbers."""
    height = ROW * len(distribution) + GAP
    width = LABEL + BAR + 90
    parts = [f'<svg class="q-chart" id="{escape(chart_id)}" viewBox="0 0 {width} {height}" width="100%" '
             f'role="img" aria-labelledby="{escape(chart_id)}-title" data-testid="chart">',
             f'<title id="{escape(chart_id)}-title">{escape(title)}</title>']
    for index, (label, count, percent) in enumerate(distribution):
        y = GAP + index * ROW
        length = round(BAR * percent / 100, 1)
        parts.append(f'<text class="q-chart-label" x="{LABEL - 6}" y="{y + 14}" text-anchor="end">'
                     f'{escape(label)}</text>')
        parts.append(f'<rect class="q-chart-track" x="{LABEL}" y="{y}" width="{BAR}" height="{ROW - GAP}" rx="2"/>')
        parts.append(f'<rect class="q-chart-bar" x="{LABEL}" y="{y}" width="{length}" height="{ROW - GAP}" rx="2"/>')
        share = f"{percent:.1f}".replace(".", ",")
        parts.append(f'<text class="q-chart-value" x="{LABEL + BAR + 6}" y="{y + 14}">{count} ({share} %)</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
