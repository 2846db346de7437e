"""The one PDF renderer: a template under templates/pdf/ turned into bytes by WeasyPrint."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict) -> bytes:
    # Imported here: WeasyPrint loads Pango at import time, which only PDF work needs.
    from weasyprint import HTML

    html = render_to_string(template_name, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR / "static")).write_pdf()
