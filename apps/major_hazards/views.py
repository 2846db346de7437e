from __future__ import annotations

import functools

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.core.models import Attachment
from apps.core.selectors import history_entries, searched
from apps.core.views import RecordPage, edit_page, finder, list_page, post_from_page, run_action
from apps.major_hazards import policies, selectors, services
from apps.major_hazards.exporters import report_pdf
from apps.major_hazards.forms import (
    AssessmentForm,
    InventoryItemForm,
    MeasureCheckForm,
    MeasureForm,
    RegisterEntryForm,
    UnitForm,
)
from apps.major_hazards.models import MonitoringMeasureKind, RegisterEntry, SafetyAssessment, UnitKind
from apps.org.permissions import policy_required

LEVELS = [(n, gettext_lazy("Level %(n)s") % {"n": n}) for n in (1, 2, 3, 4)]


_unit = finder(selectors.unit_list, active="all")


# ------------------------------------------------------------------------------
# Units and identification
# ------------------------------------------------------------------------------
@policy_required(policies.can_read_major_hazards)
def unit_list(request):
    return list_page(
        request,
        selectors.unit_list,
        kinds=UnitKind.choices,
        levels=LEVELS,
        can_edit=policies.can_manage_major_hazards(request.user),
    )


def _with_files(objects: list) -> list[tuple]:
    """Each object with its attachments, in one query for all of them."""
    if not objects:
        return []
    files: dict[int, list] = {}
    content_type = ContentType.objects.get_for_model(objects[0])
    attachments = Attachment.objects.filter(content_type=content_type, object_id__in=[o.pk for o in objects]).order_by(
        "created_at"
    )
    for attachment in attachments:
        files.setdefault(attachment.object_id, []).append(attachment)
    return [(o, files.get(o.pk, [])) for o in objects]


@policy_required(policies.can_read_major_hazards)
def unit_detail(request, pk: int):
    return _detail_page(request, _unit(request, pk))


def _detail_page(request, unit, check_form=None, check_measure_id=None, status=200):
    """The unit's page; after a refused check, with the check form as typed and its errors."""
    identifications = list(selectors.identification_list(user=request.user, unit=unit)[:50])
    measures = list(selectors.measure_list(user=request.user, unit=unit))
    entries = list(selectors.register_list(user=request.user).filter(unit=unit))
    assessments = list(selectors.assessment_list(user=request.user, unit=unit))
    current = identifications[0] if identifications else None
    # 情况发生变化后重新备案: the level filed is no longer the level identified.
    refile = bool(current and current.is_major and entries and entries[0].level != current.level)
    return render(
        request,
        "major_hazards/unit_detail.html",
        {
            "unit": unit,
            "current": current,
            "refile": refile,
            "filing_due": selectors.filing_due(unit),
            "checks": selectors.check_list(user=request.user).filter(measure__unit=unit)[:20],
            "identifications": identifications,
            "inventory": selectors.inventory_list(user=request.user, unit=unit),
            "entries": _with_files(entries),
            "assessments": _with_files(assessments),
            "measures": measures,
            "history": history_entries(unit),
            "actions": policies.unit_actions(request.user, unit),
            "check_form": check_form or MeasureCheckForm(initial={"checked_on": timezone.localdate()}),
            "check_measure_id": check_measure_id,
        },
        status=status,
    )


@policy_required(policies.can_read_major_hazards)
def reference(request):
    """The GB 18218-2018 tables the identification uses: 表1 with 表3 β, 表2 with 表4 β."""
    q = request.GET.get("q", "").strip()
    substances = searched(selectors.substance_list(), q, "name", "aliases", "cas")
    return render(
        request,
        "major_hazards/reference.html",
        {"substances": substances, "categories": selectors.category_list(), "q": q},
    )


unit_page = RecordPage(get=_unit, page=unit_detail, record="unit")
unit_edit = unit_page.edit(
    policy_required(policies.can_manage_major_hazards), UnitForm, services.unit_save, back="major_hazards:list"
)
identify_again = unit_page.button(
    policy_required(policies.can_manage_major_hazards),
    services.identification_record,
    gettext_lazy("Identification recorded."),
)


@policy_required(policies.can_read_major_hazards)
def identification_report(request, pk: int):
    """The identification report (PDF) of one recorded identification, every line shown."""
    record = get_object_or_404(selectors.identification_list(user=request.user), pk=pk)
    response = HttpResponse(report_pdf(record), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="identification-{record.pk}.pdf"'
    return response


# ------------------------------------------------------------------------------
# Inventory
# ------------------------------------------------------------------------------
@policy_required(policies.can_manage_major_hazards)
def item_edit(request, pk: int, item_pk: int | None = None):
    unit = _unit(request, pk)
    item = get_object_or_404(unit.inventory, pk=item_pk) if item_pk else None
    return edit_page(
        request,
        InventoryItemForm(request.POST or None, instance=item),
        functools.partial(services.inventory_item_save, unit=unit, item=item),
        _("Inventory saved and the unit identified again."),
        title=_("Chemical in %(unit)s") % {"unit": unit},
        back=unit,
    )


@require_POST
@policy_required(policies.can_manage_major_hazards)
def item_delete(request, pk: int, item_pk: int):
    unit = _unit(request, pk)
    item = get_object_or_404(unit.inventory, pk=item_pk)
    return run_action(
        request,
        lambda: services.inventory_item_delete(item=item, user=request.user),
        _("Chemical removed and the unit identified again."),
        redirect_to=unit,
    )


# ------------------------------------------------------------------------------
# Register, assessments, measures
# ------------------------------------------------------------------------------
@policy_required(policies.can_read_major_hazards)
def register_list(request):
    return list_page(request, selectors.register_list, levels=LEVELS)


@policy_required(policies.can_manage_major_hazards)
def entry_edit(request, pk: int, entry_pk: int | None = None):
    unit = _unit(request, pk)
    entry = get_object_or_404(unit.register_entries, pk=entry_pk) if entry_pk else None
    initial = {"level": unit.current_level} if entry is None else None
    form = RegisterEntryForm(request.POST or None, request.FILES or None, instance=entry, initial=initial)
    return edit_page(
        request, form, functools.partial(services.register_entry_save, unit=unit, entry=entry), back=unit, uploads=True
    )


@policy_required(policies.can_manage_major_hazards)
def assessment_edit(request, pk: int):
    unit = _unit(request, pk)
    form = AssessmentForm(request.POST or None, request.FILES or None)
    return edit_page(request, form, functools.partial(services.assessment_save, unit=unit), back=unit, uploads=True)


@policy_required(policies.can_read_major_hazards)
def measure_list(request):
    return list_page(request, selectors.measure_list, kinds=MonitoringMeasureKind.choices)


@policy_required(policies.can_manage_major_hazards)
def measure_edit(request, pk: int, measure_pk: int | None = None):
    unit = _unit(request, pk)
    measure = get_object_or_404(unit.measures, pk=measure_pk) if measure_pk else None
    return edit_page(
        request,
        MeasureForm(request.POST or None, instance=measure),
        functools.partial(services.measure_save, unit=unit, measure=measure),
        back=unit,
    )


@require_POST
@policy_required(policies.can_check_measure)
def measure_check(request, pk: int, measure_pk: int):
    unit = _unit(request, pk)
    measure = get_object_or_404(unit.measures, pk=measure_pk)
    form = MeasureCheckForm(request.POST)
    return post_from_page(
        request,
        form,
        lambda data: services.measure_check(measure=measure, user=request.user, **data),
        _("Check recorded."),
        done=unit,
        # Refused: the page again with what was typed and why, next to the measure.
        page=lambda form: _detail_page(request, unit, check_form=form, check_measure_id=measure.pk, status=400),
    )


@policy_required(policies.can_read_major_hazards)
def unit_file(request, pk: int, attachment_pk: int):
    """A filing certificate or assessment report of a unit the user sees."""
    unit = _unit(request, pk)
    owners = Q(
        content_type=ContentType.objects.get_for_model(RegisterEntry), object_id__in=unit.register_entries.values("pk")
    ) | Q(content_type=ContentType.objects.get_for_model(SafetyAssessment), object_id__in=unit.assessments.values("pk"))
    attachment = get_object_or_404(Attachment.objects.filter(owners), pk=attachment_pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=not attachment.is_image, filename=attachment.original_name
    )
