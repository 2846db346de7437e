"""Our overhead in building the self-evaluation report of the built-in standard.

Prints the time to build the whole report (queries, scoring, chart, template, WeasyPrint), the
time WeasyPrint alone takes to render the same HTML, and their ratio. Target: ratio <= 1.2.
Runs against a throwaway SQLite database that it fills with the demo company.
"""

from __future__ import annotations

import os
from pathlib import Path

from _common import best_of, setup_django  # noqa: E402

setup_django()

from django.core.management import call_command  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.utils import translation  # noqa: E402


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--quiet-users", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from weasyprint import HTML

    from apps.assessment.exporters import ReportExporter, report_context
    from apps.assessment.models import Assessment
    from apps.org.models import Employee

    assessment = Assessment.objects.filter(status="approved").first()
    user = Employee.objects.get(employee_no="E0002").user
    exporter = ReportExporter(user=user, params={"assessment": assessment.pk})
    with translation.override("zh-hans"):
        html = render_to_string("pdf/assessment/report.html", report_context(assessment))
        base_url = str(Path(__file__).resolve().parent.parent / "static")
        exporter.render()  # warm up fonts and templates
        full = best_of(exporter.render)
        weasy = best_of(lambda: HTML(string=html, base_url=base_url).write_pdf())
    print(f"items in the standard:        {assessment.findings.count()}")
    print(f"whole report:                 {full:.3f} s")
    print(f"WeasyPrint alone, same HTML:  {weasy:.3f} s")
    print(f"ratio (ours / WeasyPrint):    {full / weasy:.2f}  (target <= 1.2)")


if __name__ == "__main__":
    main()
