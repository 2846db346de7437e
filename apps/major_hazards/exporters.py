from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.core.numbers import excel_number
from apps.core.pdf import render_pdf
from apps.core.selectors import as_int
from apps.major_hazards import policies, selectors
from apps.major_hazards.models import Identification, UnitKind
from apps.org.selectors import company_get

REPORT_TEMPLATE = "pdf/major_hazards/identification.html"
LEVEL_NAMES = {1: _("Level 1"), 2: _("Level 2"), 3: _("Level 3"), 4: _("Level 4")}


def figure(value, places: int = 4, rounding: str = ROUND_HALF_UP) -> str:
    """A figure as the report prints it: rounded half-up to 4 decimals, no trailing zeros."""
    if value is None:
        return "—"
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=rounding)
    text = format(rounded, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def result_figure(value) -> str:
    """S, Σ β·q/Q and R are cut, not rounded: 0.99999 prints 0.9999 (< 1), never 1."""
    return figure(value, rounding=ROUND_DOWN)


def report_context(identification: Identification) -> dict:
    """Every line of the calculation as recorded: substance, q, Q and its source, β, q/Q, β·q/Q."""
    sources = {
        "table1": _t("Table 1"),
        "table2": _t("Table 2"),
        "table3": _t("Table 3"),
        "table4": _t("Table 4"),
        "default": _t("Default"),
    }
    lines = [
        {
            "label": line["label"],
            "substance": line["substance"],
            "category": line["category"],
            "q": figure(line["q"], 3),
            "critical_quantity": figure(line["critical_quantity"], 3),
            "q_source": sources.get(line["q_source"], line["q_source"]),
            "beta": figure(line["beta"], 1),
            "beta_source": sources.get(line["beta_source"], ""),
            "ratio": figure(line["ratio"]),
            "weighted": figure(line["weighted"]),
        }
        for line in identification.lines
    ]
    weighted_sum = sum((Decimal(line["weighted"]) for line in identification.lines), Decimal(0))
    return {
        "title": _t("Major hazard source identification report"),
        "company": company_get(),
        "unit": identification.unit,
        "identification": identification,
        "lines": lines,
        "s": result_figure(identification.s),
        "alpha": figure(identification.alpha, 1),
        "weighted_sum": result_figure(weighted_sum),
        "r": result_figure(identification.r),
        "level": str(LEVEL_NAMES.get(identification.level, "")),
        "generated_at": timezone.localtime(),
    }


def report_html(identification: Identification) -> str:
    return render_to_string(REPORT_TEMPLATE, report_context(identification))


def report_pdf(identification: Identification) -> bytes:
    return render_pdf(REPORT_TEMPLATE, report_context(identification))


@exports.register
class IdentificationReportExporter(exports.PdfExporter):
    """辨识分级报告 of one unit: its latest identification (or the one asked for)."""

    kind = "major_hazards.identification_pdf"
    title = _("Major hazard source identification report")
    policy = policies.can_export_major_hazards

    def render(self, progress=None) -> bytes:
        records = selectors.identification_list(user=self.user)
        if pk := as_int(self.params.get("identification")):
            record = records.get(pk=pk)
        else:
            record = records.filter(unit_id=as_int(self.params.get("unit"))).order_by("-identified_on", "-pk").first()
            if record is None:
                raise Identification.DoesNotExist(_t("This unit has not been identified yet."))
        return report_pdf(record)


def _or_blank(value):
    return value or ""


@exports.register
class RegisterExporter(exports.TableExporter):
    """重大危险源登记台账: each unit with its current identification, filing and assessment."""

    kind = "major_hazards.register"
    title = _("Major hazard register")
    policy = policies.can_export_major_hazards
    columns = [
        exports.Column(_("Unit code"), "code"),
        exports.Column(_("Name"), "name"),
        exports.Column(_("Kind of unit"), "unit_kind", choices=UnitKind),
        exports.Column(_("Department"), "department__name"),
        exports.Column(_("Location"), "location"),
        exports.Column(_("People possibly exposed"), "exposed_people"),
        exports.Column("S", "current_s", show=excel_number),
        exports.Column("R", "current_r", show=excel_number),
        exports.Column(_("Major hazard level"), "current_level", show=lambda level: str(LEVEL_NAMES.get(level, ""))),
        exports.Column(_("Major hazard source"), "current_is_major", show=exports.yes_no),
        exports.Column(_("Identified on"), "current_on"),
        exports.Column(_("Register number"), "filing__number", show=_or_blank),
        exports.Column(_("Filing authority"), "filing__filing_authority", show=_or_blank),
        exports.Column(_("Filed on"), "filing__filed_on"),
        exports.Column(_("Next assessment due"), "assessment_due"),
    ]
    selector = selectors.unit_list

    def records(self):
        """The units, each with its latest filing (`filing`, None when never filed): two queries."""
        units = list(self.queryset())
        filings = {}
        for entry in selectors.register_list(user=self.user).filter(unit__in=[u.pk for u in units]):
            filings.setdefault(entry.unit_id, entry)  # the latest filing first
        for unit in units:
            unit.filing = filings.get(unit.pk)
        return units
