from __future__ import annotations

import functools

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.core.import_pages import import_pages
from apps.core.selectors import attachment_list, history_entries
from apps.core.views import RecordPage, edit_page, finder, list_page, run_action, split_files
from apps.equipment import importers, policies, selectors, services
from apps.equipment.exporters import labels_pdf
from apps.equipment.forms import (
    DeviceCheckForm,
    DeviceForm,
    EquipmentForm,
    PlanForm,
    ProjectForm,
    RecordForm,
    ScrapForm,
)
from apps.equipment.models import DeviceKind, EquipmentStatus
from apps.equipment.sheets import EQUIPMENT_COLUMNS
from apps.org.permissions import policy_required

LABELS_MAX = 500  # one sheet request; filter the ledger for more


# ------------------------------------------------------------------------------
# Ledger
# ------------------------------------------------------------------------------
@login_required
def equipment_list(request):
    return list_page(
        request,
        selectors.equipment_list,
        statuses=EquipmentStatus.choices,
        can_export=policies.can_export_ledger(request.user),
        can_edit=policies.can_edit_equipment(request.user),
    )


_get = finder(selectors.equipment_list)


@login_required
def equipment_detail(request, pk: int, record_form=None, scrap_form=None, status=200):
    equipment = _get(request, pk)
    actions = policies.equipment_actions(request.user, equipment)
    if record_form is None and actions["record"]:
        record_form = RecordForm(
            equipment=equipment,
            initial={"performed_on": timezone.localdate(), "kind": request.GET.get("kind", "daily_check")},
        )
    return render(
        request,
        "equipment/equipment_detail.html",
        {
            "equipment": equipment,
            "records": selectors.record_list(user=request.user, equipment=equipment)[:50],
            "plans": equipment.plans.all(),
            "devices": equipment.devices.all(),
            "attachments": attachment_list(owner=equipment),
            "history": history_entries(equipment),
            "record_form": record_form if actions["record"] else None,
            "scrap_form": (scrap_form or ScrapForm()) if actions["scrap"] else None,
            "scrap_task": equipment.scrap_task,
            "actions": actions,
        },
        status=status,
    )


def _record(*, equipment, user, **data):
    data, files = split_files(data)
    return services.record_create(user=user, equipment=equipment, files=files, **data)


def _recorded(request, equipment, record):
    if record.hazard_code:
        messages.warning(request, _("Hazard %(code)s raised.") % {"code": record.hazard_code})
    return equipment


equipment_page = RecordPage(get=_get, page=equipment_detail, record="equipment")
equipment_edit = equipment_page.edit(
    policy_required(policies.can_edit_equipment), EquipmentForm, services.equipment_save, back="equipment:list"
)
record_create = equipment_page.form(
    login_required,
    RecordForm,
    "record_form",
    _record,
    gettext_lazy("Record saved."),
    form_kwargs=lambda request, equipment: {"equipment": equipment},
    done=_recorded,
)
scrap_request = equipment_page.form(
    policy_required(policies.can_scrap_equipment),
    ScrapForm,
    "scrap_form",
    services.equipment_scrap_request,
    gettext_lazy("Scrapping request sent to leadership for approval."),
)


@policy_required(policies.can_print_labels)
def labels(request):
    """A printable A4 sheet of QR labels for the equipment the ledger's filters select."""
    qs = selectors.equipment_list(user=request.user, filters=request.GET.dict())[:LABELS_MAX]
    # SITE_URL, when a deployment sets it, wins over the address this request came in on.
    base = getattr(settings, "SITE_URL", "") or request.build_absolute_uri("/")
    content = labels_pdf(equipment=qs, base_url=base, title=_("Equipment labels"))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="equipment-labels.pdf"'
    return response


equipment_import, import_template = import_pages(
    importer=importers.equipment_import,
    columns=EQUIPMENT_COLUMNS,
    title=_("Import the equipment ledger"),
    sheet_title=_("Equipment ledger"),
    template_url_name="equipment:import_template",
    list_url_name="equipment:list",
    guard=policy_required(policies.can_import_equipment),
)


# ------------------------------------------------------------------------------
# Safety devices, plans, 三同时
# ------------------------------------------------------------------------------
@policy_required(policies.can_read_registers)
def device_list(request):
    devices = selectors.device_list(user=request.user)
    if kind := request.GET.get("kind"):
        devices = devices.filter(kind=kind)
    return render(
        request,
        "equipment/device_list.html",
        {
            "devices": devices,
            "kinds": DeviceKind.choices,
            "can_edit": policies.can_edit_device(request.user),
            "check_form": DeviceCheckForm(initial={"checked_on": timezone.localdate()}),
        },
    )


@policy_required(policies.can_edit_device)
def device_edit(request, pk: int | None = None):
    device = get_object_or_404(selectors.device_list(user=request.user), pk=pk) if pk else None
    form = DeviceForm(request.POST or None, instance=device, user=request.user)
    form.fields["equipment"].queryset = selectors.equipment_list(user=request.user)
    return edit_page(
        request, form, functools.partial(services.device_save, device=device), back="equipment:device_list"
    )


@require_POST
@policy_required(policies.can_edit_device)
def device_check(request, pk: int):
    device = get_object_or_404(selectors.device_list(user=request.user), pk=pk)
    form = DeviceCheckForm(request.POST)
    if form.is_valid():
        run_action(
            request,
            lambda: services.device_check(device=device, user=request.user, **form.cleaned_data),
            _("Calibration recorded."),
        )
    return redirect("equipment:device_list")


@policy_required(policies.can_read_registers)
def plan_list(request):
    return render(
        request,
        "equipment/plan_list.html",
        {"plans": selectors.plan_list(user=request.user), "can_edit": policies.can_edit_maintenance_plan(request.user)},
    )


@policy_required(policies.can_edit_maintenance_plan)
def plan_edit(request, pk: int | None = None):
    plan = get_object_or_404(selectors.plan_list(user=request.user), pk=pk) if pk else None
    equipment_qs = selectors.equipment_list(user=request.user).exclude(status=EquipmentStatus.SCRAPPED)
    initial = {"equipment": request.GET.get("equipment")} if not pk else None
    return edit_page(
        request,
        PlanForm(request.POST or None, instance=plan, equipment_qs=equipment_qs, initial=initial),
        functools.partial(services.maintenance_plan_save, plan=plan),
        back="equipment:plan_list",
    )


@policy_required(policies.can_read_registers)
def project_list(request):
    return render(
        request,
        "equipment/project_list.html",
        {"projects": selectors.project_list(user=request.user), "can_edit": policies.can_edit_project(request.user)},
    )


project_edit = RecordPage(get=finder(selectors.project_list), record="project").edit(
    policy_required(policies.can_edit_project), ProjectForm, services.project_save, back="equipment:project_list"
)


@login_required
def equipment_file(request, pk: int, attachment_pk: int):
    """A file of the equipment or of one of its records, for those who see the equipment."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q
    from django.http import FileResponse

    from apps.core.models import Attachment
    from apps.equipment.models import Record

    equipment = _get(request, pk)
    owners = Q(content_type=ContentType.objects.get_for_model(equipment), object_id=equipment.pk) | Q(
        content_type=ContentType.objects.get_for_model(Record),
        object_id__in=Record.objects.filter(equipment=equipment).values("pk"),
    )
    attachment = get_object_or_404(Attachment.objects.filter(owners), pk=attachment_pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=not attachment.is_image, filename=attachment.original_name
    )
