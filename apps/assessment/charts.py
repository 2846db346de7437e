"""Server-rendered SVG charts: the same markup goes into the page and the PDF report."""

from __future__ import annotations

import math
from decimal import Decimal

from django.utils.html import escape


def radar_svg(
    labels: list[str],
    values: list[Decimal | None],
    *,
    previous: list[Decimal | None] | None = None,
    size: int = 460,
    title: str = "",
) -> str:
    """A radar chart of percentages (0-100), one axis per label; None is drawn at 0."""
    n = len(labels)
    if n < 3:
        return ""
    cx = cy = size / 2
    radius = size / 2 - 100

    def point(i: int, percent: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * max(0.0, min(100.0, percent)) / 100
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    def polygon(series, css: str) -> str:
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, float(v or 0)) for i, v in enumerate(series)))
        return f'<polygon points="{points}" class="{css}"/>'

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size}" '
        f'height="{size}" role="img" aria-label="{escape(title)}">',
        "<style>.grid{fill:none;stroke:#ccc;stroke-width:1}.axis{stroke:#ddd}"
        ".now{fill:rgba(13,110,253,.25);stroke:#0d6efd;stroke-width:2}"
        ".before{fill:none;stroke:#999;stroke-width:1.5;stroke-dasharray:4 3}"
        ".label{font-size:11px;fill:#333;font-family:'Noto Sans CJK SC',sans-serif}</style>",
    ]
    for ring in (20, 40, 60, 80, 100):
        parts.append(polygon([ring] * n, "grid"))
    for i, label in enumerate(labels):
        x, y = point(i, 100)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" class="axis"/>')
        lx, ly = point(i, 118)
        anchor = "middle" if abs(lx - cx) < 10 else ("start" if lx > cx else "end")
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" class="label">{escape(_short(label))}</text>'
        )
    if previous:
        parts.append(polygon(previous, "before"))
    parts.append(polygon(values, "now"))
    parts.append("</svg>")
    return "".join(parts)


def _short(label: str, limit: int = 8) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
