"""The dashboard's charts: ECharts options for the page (drawn in the browser) and the same
series as server-rendered SVG for the monthly report PDF. Every series is also shown as a table."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.translation import gettext as _

from apps.assessment.charts import radar_svg

BLUE, ORANGE, RED, GREEN, GREY = "#0d6efd", "#fd7e14", "#dc3545", "#198754", "#6c757d"


def _num(value) -> float | None:
    return None if value is None else float(value)


def _bar(name: str, colour: str, data: list) -> dict:
    return {"name": name, "type": "bar", "color": colour, "data": data}


def _by_department(names: list[str], series: list[dict], y_axis: dict, *, legend=True) -> dict:
    """Bars per department row, the names slanted under the axis."""
    option: dict = {"tooltip": {"trigger": "axis"}}
    if legend:
        option["legend"] = {"data": [s["name"] for s in series]}
    option.update(
        {
            "grid": {"containLabel": True, "left": 40, "right": 8, "bottom": 8, "top": 40},
            "xAxis": {"type": "category", "data": names, "axisLabel": {"interval": 0, "rotate": 30}},
            "yAxis": y_axis,
            "series": series,
        }
    )
    return option


def _department_charts(units) -> dict:
    """Open and overdue hazards, unfinished and overdue tasks, training compliance per row."""
    names = [u.name for u in units]
    counts = {"type": "value", "minInterval": 1}
    return {
        "hazards": _by_department(
            names,
            [
                _bar(_("Open"), BLUE, [{"value": u.hazards_open, "url": u.hazards_open_url} for u in units]),
                _bar(_("Overdue"), RED, [{"value": u.hazards_overdue, "url": u.hazards_overdue_url} for u in units]),
            ],
            counts,
        ),
        "tasks": _by_department(
            names,
            [
                _bar(_("Unfinished"), GREY, [{"value": u.tasks_open, "url": u.tasks_open_url} for u in units]),
                _bar(_("Overdue"), RED, [{"value": u.tasks_overdue, "url": u.tasks_overdue_url} for u in units]),
            ],
            dict(counts),
        ),
        "training": _by_department(
            names,
            [
                _bar(
                    _("Hours compliance (%)"),
                    GREEN,
                    [{"value": _num(u.hours_rate), "url": u.training_url} for u in units],
                )
            ],
            {"type": "value", "max": 100, "name": "%"},
            legend=False,
        ),
    }


def _rectification_chart(months) -> dict:
    """Hazards found per month (bars) and the share of them rectified (a line)."""
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0, "data": [_("Found"), _("Rectification rate (%)")]},
        "grid": {"containLabel": True, "left": 8, "right": 8, "bottom": 8, "top": 48},
        "xAxis": {"type": "category", "data": [m.month.strftime("%Y-%m") for m in months]},
        "yAxis": [{"type": "value", "minInterval": 1}, {"type": "value", "max": 100, "name": "%"}],
        "series": [
            _bar(_("Found"), GREY, [m.found for m in months]),
            {
                "name": _("Rectification rate (%)"),
                "type": "line",
                "yAxisIndex": 1,
                "color": GREEN,
                "data": [_num(m.rate) for m in months],
            },
        ],
    }


def _elements_chart(projection) -> dict:
    """Each element's projected score against its full points."""
    return {
        "tooltip": {"trigger": "axis"},
        "grid": {"containLabel": True, "left": 8, "right": 24, "bottom": 8},
        "xAxis": {"type": "value", "max": 100, "name": "%"},
        "yAxis": {"type": "category", "inverse": True, "data": [f"{e.code} {e.name}" for e in projection.elements]},
        "series": [_bar(_("Score against full (%)"), BLUE, [_num(e.percent) for e in projection.elements])],
    }


def _history_chart(history, projection) -> dict:
    """The scores of past assessments and today's projection, with the three grade lines."""
    points = [(f"{a.year} {a.get_kind_display()}", a.score) for a in history]
    points.append((_("Today (projected)"), projection.result.score))
    return {
        "tooltip": {"trigger": "axis"},
        "grid": {"containLabel": True, "left": 8, "right": 8, "bottom": 8},
        "xAxis": {"type": "category", "data": [p[0] for p in points]},
        "yAxis": {"type": "value", "min": 0, "max": 100},
        "series": [
            {
                "name": _("Score"),
                "type": "line",
                "color": BLUE,
                "data": [_num(p[1]) for p in points],
                "markLine": {
                    "silent": True,
                    "symbol": "none",
                    "label": {"position": "insideStartTop"},
                    "data": [{"yAxis": 90}, {"yAxis": 75}, {"yAxis": 60}],
                },
            }
        ],
    }


def echarts_options(board) -> dict:
    """Chart id → ECharts option. Points may carry a `url`: clicking opens the records."""
    options: dict = {}
    if board.units:
        options.update(_department_charts(board.units))
    if board.rectification:
        options["rectification"] = _rectification_chart(board.rectification)
    projection = board.projection
    if projection is not None and projection.result is not None:
        options["elements"] = _elements_chart(projection)
        options["history"] = _history_chart(board.history, projection)
    return options


# ------------------------------------------------------------------------------
# SVG for the PDF
# ------------------------------------------------------------------------------
def bar_svg(
    labels: list[str],
    series: list[tuple[str, str, list]],
    *,
    title: str = "",
    width: int = 640,
    height: int = 260,
    max_value=None,
) -> str:
    """Grouped vertical bars: series are (name, colour, values); None is drawn as no bar."""
    if not labels or not series:
        return ""
    values = [v for _name, _colour, vs in series for v in vs if v is not None]
    top = float(max_value if max_value is not None else max(values + [1]))
    top = top or 1
    left, right, bottom, head = 40, 10, 70, 24
    plot_w, plot_h = width - left - right, height - bottom - head
    slot = plot_w / len(labels)
    bar_w = max(2.0, slot * 0.8 / len(series))
    parts = [
        _svg_open(width, height, title),
        f'<line x1="{left}" y1="{head + plot_h}" x2="{width - right}" y2="{head + plot_h}" class="axis"/>',
    ]
    for tick in (0, 0.5, 1):
        y = head + plot_h - plot_h * tick
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" class="tick">{_fmt(top * tick)}</text>')
    for i, label in enumerate(labels):
        x0 = left + slot * i + slot * 0.1
        for j, (_name, colour, vs) in enumerate(series):
            value = vs[i]
            if value is None:
                continue
            h = plot_h * float(value) / top
            x = x0 + j * bar_w
            parts.append(
                f'<rect x="{x:.1f}" y="{head + plot_h - h:.1f}" width="{bar_w - 1:.1f}" '
                f'height="{h:.1f}" fill="{colour}"/>'
            )
        cx = left + slot * i + slot / 2
        parts.append(
            f'<text x="{cx:.1f}" y="{head + plot_h + 14}" text-anchor="end" class="tick" '
            f'transform="rotate(-30 {cx:.1f} {head + plot_h + 14})">{escape(_short(label))}</text>'
        )
    parts.append(_legend(series, left))
    parts.append("</svg>")
    return "".join(parts)


def line_svg(
    labels: list[str],
    series: list[tuple[str, str, list]],
    *,
    title: str = "",
    width: int = 640,
    height: int = 220,
    max_value=100,
) -> str:
    """Lines over categories (e.g. months); a None value breaks the line."""
    if not labels or not series:
        return ""
    left, right, bottom, head = 40, 10, 40, 24
    plot_w, plot_h = width - left - right, height - bottom - head
    step = plot_w / max(1, len(labels) - 1)
    top = float(max_value) or 1
    parts = [
        _svg_open(width, height, title),
        f'<line x1="{left}" y1="{head + plot_h}" x2="{width - right}" y2="{head + plot_h}" class="axis"/>',
    ]
    for tick in (0, 0.5, 1):
        y = head + plot_h - plot_h * tick
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" class="tick">{_fmt(top * tick)}</text>')
    for i, label in enumerate(labels):
        if len(labels) <= 13 or i % 2 == 0:
            parts.append(
                f'<text x="{left + step * i:.1f}" y="{head + plot_h + 16}" text-anchor="middle" '
                f'class="tick">{escape(label)}</text>'
            )
    for _name, colour, vs in series:
        segment: list[str] = []
        for i, value in enumerate(vs + [None]):
            if value is None:
                if len(segment) > 1:
                    parts.append(
                        f'<polyline points="{" ".join(segment)}" fill="none" stroke="{colour}" stroke-width="2"/>'
                    )
                for point in segment:
                    x, y = point.split(",")
                    parts.append(f'<circle cx="{x}" cy="{y}" r="3" fill="{colour}"/>')
                segment = []
                continue
            y = head + plot_h - plot_h * min(float(value), top) / top
            segment.append(f"{left + step * i:.1f},{y:.1f}")
    parts.append(_legend(series, left))
    parts.append("</svg>")
    return "".join(parts)


def report_charts(board) -> dict[str, str]:
    """The SVG charts of the monthly report, from the same figures as the page."""
    result = {}
    projection = board.projection
    if projection is not None and projection.result is not None:
        result["elements"] = radar_svg(
            [e.name for e in projection.elements],
            [e.percent for e in projection.elements],
            title=_("Score against full per element"),
        )
    if board.units:
        labels = [u.name for u in board.units]
        result["hazards"] = bar_svg(
            labels,
            [
                (_("Open"), BLUE, [u.hazards_open for u in board.units]),
                (_("Overdue"), RED, [u.hazards_overdue for u in board.units]),
            ],
            title=_("Open and overdue hazards by department"),
        )
        result["tasks"] = bar_svg(
            labels,
            [
                (_("Unfinished"), GREY, [u.tasks_open for u in board.units]),
                (_("Overdue"), RED, [u.tasks_overdue for u in board.units]),
            ],
            title=_("Task backlog by department"),
        )
    if board.rectification:
        result["rectification"] = line_svg(
            [m.month.strftime("%m") for m in board.rectification],
            [(_("Rectification rate (%)"), GREEN, [m.rate for m in board.rectification])],
            title=_("Hazard rectification rate by month found"),
        )
    return result


def _svg_open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(title)}">'
        "<style>.axis{stroke:#999}.tick{font-size:10px;fill:#555;"
        "font-family:'Noto Sans CJK SC',sans-serif}.legend{font-size:11px;fill:#333;"
        "font-family:'Noto Sans CJK SC',sans-serif}</style>"
    )


def _legend(series, left: int) -> str:
    parts, x = [], left
    for name, colour, _values in series:
        parts.append(
            f'<rect x="{x}" y="6" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="15" class="legend">{escape(name)}</text>'
        )
        x += 24 + 12 * len(str(name))
    return "".join(parts)


def _fmt(value: float) -> str:
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def _short(label: str, limit: int = 8) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
