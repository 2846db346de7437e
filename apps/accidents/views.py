from __future__ import annotations

import functools

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.accidents import importers, policies, selectors, services
from apps.accidents.forms import (
    AccidentForm,
    CasualtyUpdateForm,
    InvestigationForm,
    LessonForm,
    ManHoursForm,
    MeasureForm,
    PersonForm,
    ReportTimesForm,
)
from apps.accidents.models import AccidentStatus, AccidentType, Grade
from apps.core.import_pages import import_pages
from apps.core.selectors import attachment_list, history_entries
from apps.core.views import PAGE_SIZE, RecordPage, edit_page, finder, list_page, post_from_page, run_action, run_service
from apps.org.permissions import policy_required
from apps.org.policy import require

_get = finder(selectors.accident_list)


@policy_required(policies.can_read_accidents)
def accident_list(request):
    return list_page(
        request,
        selectors.accident_list,
        grades=Grade.choices,
        statuses=AccidentStatus.choices,
        types=AccidentType.objects.all(),
        can_report=policies.can_report_accident(request.user),
    )


@policy_required(policies.can_read_accidents)
def accident_detail(request, pk: int, status: int = 200, **forms):
    """The accident's page; after a refused form, with that form as typed and its errors."""
    accident = _get(request, pk)
    actions = policies.accident_actions(request.user, accident)
    now = timezone.now()
    context = {
        "accident": accident,
        "basis": accident.grade_basis,
        "people": accident.people.select_related("employee"),
        "updates": accident.updates.all(),
        "measures": selectors.measure_tasks(accident),
        "lessons": accident.lessons.all(),
        "attachments": attachment_list(owner=accident),
        "history": history_entries(accident),
        "actions": actions,
        "seconds_left": int((accident.report_deadline - now).total_seconds()),
    }
    if actions["report"]:
        context["times_form"] = forms.get("times_form") or ReportTimesForm(
            initial={
                "head_told_at": accident.head_told_at and timezone.localtime(accident.head_told_at),
                "authority_told_at": accident.authority_told_at and timezone.localtime(accident.authority_told_at),
            }
        )
        context["person_form"] = forms.get("person_form") or PersonForm()
        if not accident.is_near_miss:
            context["update_form"] = forms.get("update_form") or CasualtyUpdateForm(
                initial={
                    "reported_on": timezone.localdate(),
                    "deaths": accident.deaths,
                    "serious_injuries": accident.serious_injuries,
                    "minor_injuries": accident.minor_injuries,
                }
            )
    if actions["investigate"]:
        context["measure_form"] = forms.get("measure_form") or MeasureForm(
            initial={"department": accident.department_id}
        )
    return render(request, "accidents/accident_detail.html", context, status=status)


@policy_required(policies.can_report_accident)
def accident_edit(request, pk: int | None = None):
    accident = _get(request, pk) if pk else None
    if accident is not None:
        # Seen (a department's employees see its accidents) but not theirs to report.
        require(policies.can_report_accident(request.user, accident))
    form = AccidentForm(request.POST or None, request.FILES or None, instance=accident, user=request.user)
    return edit_page(
        request,
        form,
        functools.partial(services.accident_save, accident=accident),
        _("Accident saved."),
        title=_("Edit accident report") if pk else _("Report an accident or near miss"),
        cancel_url=accident.get_absolute_url() if accident else reverse("accidents:list"),
        uploads=True,
        denied_on_form=True,
    )


# The forms of the accident's page; a rule about who may act on this accident (the
# investigation leader, say) is told on the form.
accident_page = RecordPage(get=_get, page=accident_detail, record="accident", denied_on_form=True)
reports = policy_required(policies.can_report_accident)
report_times = accident_page.form(
    reports, ReportTimesForm, "times_form", services.accident_report_times, gettext_lazy("Reporting times saved.")
)
person_add = accident_page.form(reports, PersonForm, "person_form", services.person_add, gettext_lazy("Person added."))
measure_add = accident_page.form(
    policy_required(policies.can_add_measure),
    MeasureForm,
    "measure_form",
    services.measure_add,
    gettext_lazy("Measure assigned as a task."),
)


@require_POST
@policy_required(policies.can_report_accident)
def casualty_update(request, pk: int):
    accident = _get(request, pk)

    def action(data):
        update = services.casualty_update(accident=accident, user=request.user, **data)
        if not update.applied:
            messages.warning(request, services.late_update_message(accident))
        elif update.grade_before != update.grade_after:
            messages.warning(
                request, _("The accident is regraded: %(grade)s.") % {"grade": update.get_grade_after_display()}
            )
        return update

    return post_from_page(
        request,
        CasualtyUpdateForm(request.POST),
        action,
        _("Casualty update recorded."),
        done=accident,
        page=lambda form: accident_detail(request, pk, status=400, update_form=form),
        denied_on_form=True,
    )


@policy_required(policies.can_investigate)
def investigation(request, pk: int):
    accident = _get(request, pk)
    return edit_page(
        request,
        InvestigationForm(request.POST or None, instance=accident),
        functools.partial(services.investigation_save, accident=accident),
        _("Investigation saved."),
        title=_("Investigation of %(code)s") % {"code": accident.code},
        cancel_url=accident.get_absolute_url(),
        denied_on_form=True,
    )


@require_POST
@policy_required(policies.can_close_accident)
def accident_close(request, pk: int):
    accident = _get(request, pk)
    closed = run_action(
        request, lambda: services.accident_close(accident=accident, user=request.user), _("Accident closed.")
    )
    if closed is None:
        return accident_detail(request, pk, status=400)
    return redirect(accident)


@policy_required(policies.can_read_accidents)
def accident_file(request, pk: int, attachment_pk: int):
    accident = _get(request, pk)
    attachment = get_object_or_404(attachment_list(owner=accident), pk=attachment_pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=not attachment.is_image, filename=attachment.original_name
    )


# ------------------------------------------------------------------------------
# Statistics and man-hours
# ------------------------------------------------------------------------------
@policy_required(policies.can_read_accidents)
def statistics(request):
    year, refused = selectors.statistics_year(request.GET.get("year"))
    if refused:
        messages.error(request, refused)
    stats = selectors.statistics(user=request.user, year=year)
    return render(
        request, "accidents/statistics.html", {"stats": stats, "year": year, "years": range(year - 4, year + 2)}
    )


@policy_required(policies.can_read_accidents)
def man_hours_list(request):
    filters = request.GET.dict()
    page = Paginator(selectors.man_hours_list(user=request.user, filters=filters), 50).get_page(request.GET.get("page"))
    may_record = policies.can_record_man_hours(request.user)
    form = ManHoursForm(request.POST or None) if may_record else None
    if request.method == "POST":
        require(may_record)
        if form.is_valid():
            saved = run_service(
                request,
                form,
                lambda: services.man_hours_save(user=request.user, **form.cleaned_data),
                _("Man-hours saved."),
                denied_on_form=True,
            )
            if saved is not None:
                return redirect("accidents:man_hours")
    return render(request, "accidents/man_hours.html", {"page": page, "filters": filters, "form": form})


man_hours_import, man_hours_template = import_pages(
    importer=importers.man_hours_import,
    columns=importers.MAN_HOURS_COLUMNS,
    title=_("Import man-hours"),
    sheet_title=_("Man-hours"),
    template_url_name="accidents:man_hours_template",
    list_url_name="accidents:man_hours",
    guard=policy_required(policies.can_record_man_hours),
)


# ------------------------------------------------------------------------------
# Case education
# ------------------------------------------------------------------------------
@policy_required(policies.can_read_accidents)
def lesson_list(request):
    page = Paginator(selectors.lesson_list(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "accidents/lesson_list.html", {"page": page, "can_edit": policies.can_edit_lesson(request.user)}
    )


@policy_required(policies.can_edit_lesson)
def lesson_edit(request, pk: int | None = None):
    lesson = get_object_or_404(selectors.lesson_list(user=request.user), pk=pk) if pk else None
    initial = {"accident": request.GET.get("accident")} if not pk else None
    form = LessonForm(
        request.POST or None, instance=lesson, initial=initial, accidents=selectors.accident_list(user=request.user)
    )
    return edit_page(
        request,
        form,
        functools.partial(services.lesson_save, lesson=lesson),
        back="accidents:lessons",
        denied_on_form=True,
    )
