"""S and R on the pages as on the report: cut to 4 decimals, never rounded across a boundary."""

from django import template

from apps.major_hazards.exporters import result_figure as _result_figure

register = template.Library()


@register.filter
def result_figure(value) -> str:
    """0.99999 shows 0.9999 (not major) and 99.99999 shows 99.9999 (level 2), never 1 or 100."""
    return _result_figure(value)
