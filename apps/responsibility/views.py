from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.exceptions import ApplicationError
from apps.core.forms import add_errors
from apps.core.selectors import as_int, attachment_list
from apps.org.access import access_for
from apps.org.permissions import manages, reads_org, role_required
from apps.responsibility import selectors, services
from apps.responsibility.forms import (
    AssessmentForm,
    BodyForm,
    DecisionForm,
    DocumentForm,
    DutyForm,
    IssueForm,
    MeetingForm,
    MemberForm,
    ObjectiveForm,
    ReviewForm,
    SettingsForm,
    SignForm,
    TargetForm,
    TemplateForm,
)
from apps.responsibility.models import (
    DutyDocument,
    LetterLevel,
    LetterStatus,
    MeetingLevel,
    Objective,
    SafetyBody,
)

PAGE_SIZE = 50


def _year(request) -> int:
    return as_int(request.GET.get("year")) or timezone.localdate().year


def _form_page(request, form, title, cancel, save, success, multipart=False):
    """Run a form whose valid data goes to `save(cleaned_data)`; redirect to `success`."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect(success(result) if callable(success) else success)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "cancel_url": cancel, "multipart": multipart},
    )


# ------------------------------------------------------------------------------
# Objectives
# ------------------------------------------------------------------------------
@role_required(reads_org)
def objectives(request):
    year = _year(request)
    access = access_for(request.user)
    rows = selectors.objective_rows(year=year, user=request.user)
    return render(
        request,
        "responsibility/objectives.html",
        {
            "year": year,
            "rows": rows,
            "assessments": selectors.assessment_list(user=request.user, year=year),
            "can_edit": access.manages_everything,
        },
    )


@role_required(manages)
def objective_edit(request, pk: int | None = None):
    objective = get_object_or_404(Objective, pk=pk) if pk is not None else None
    form = ObjectiveForm(
        request.POST or None, instance=objective, initial={"year": timezone.localdate().year}
    )
    back = reverse("responsibility:objectives")
    return _form_page(
        request,
        form,
        _("Safety objective"),
        back,
        lambda d: services.objective_save(objective=objective, data=d, user=request.user),
        lambda o: f"{back}?year={o.year}",
    )


@role_required(reads_org)
def target_edit(request, pk: int):
    objective = get_object_or_404(Objective, pk=pk)
    form = TargetForm(request.POST or None)
    back = reverse("responsibility:objectives") + f"?year={objective.year}"
    return _form_page(
        request,
        form,
        _("Department target: %(o)s") % {"o": objective},
        back,
        lambda d: services.target_set(objective=objective, user=request.user, **d),
        back,
    )


@role_required(manages)
def assessment_submit(request):
    year = _year(request)
    form = AssessmentForm(request.POST or None)
    back = reverse("responsibility:objectives") + f"?year={year}"
    return _form_page(
        request,
        form,
        _("Year-end assessment %(year)s") % {"year": year},
        back,
        lambda d: services.assessment_submit(year=year, user=request.user, **d),
        back,
    )


# ------------------------------------------------------------------------------
# Duties
# ------------------------------------------------------------------------------
@role_required(reads_org)
def duties(request):
    filters = request.GET.dict()
    return render(
        request,
        "responsibility/duties.html",
        {
            "documents": selectors.duty_list(user=request.user, filters=filters),
            "filters": filters,
            "can_edit": access_for(request.user).manages_everything,
            "year": timezone.localdate().year,
        },
    )


@role_required(manages)
def duty_edit(request, pk: int | None = None):
    previous = get_object_or_404(DutyDocument, pk=pk, is_current=True) if pk is not None else None
    form = DutyForm(
        request.POST or None,
        instance=None,
        initial=(
            {
                k: getattr(previous, k)
                for k in ("scope", "department", "position", "title", "content")
            }
            if previous
            else None
        ),
    )
    return _form_page(
        request,
        form,
        _("Safety duties"),
        reverse("responsibility:duties"),
        lambda d: services.duty_save(data=d, user=request.user, previous=previous),
        reverse("responsibility:duties"),
    )


@role_required(manages)
def duty_review(request, pk: int):
    document = get_object_or_404(DutyDocument, pk=pk)
    form = ReviewForm(request.POST or None, initial={"year": timezone.localdate().year})
    return _form_page(
        request,
        form,
        _("Review: %(d)s") % {"d": document},
        reverse("responsibility:duties"),
        lambda d: services.duty_review(document=document, user=request.user, **d),
        reverse("responsibility:duties"),
    )


# ------------------------------------------------------------------------------
# Letters
# ------------------------------------------------------------------------------
@login_required
def letters(request):
    filters = request.GET.dict()
    filters.setdefault("year", str(timezone.localdate().year))
    year = as_int(filters["year"])
    access = access_for(request.user)
    page = Paginator(selectors.letter_list(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "responsibility/letters.html",
        {
            "page": page,
            "filters": filters,
            "year": year,
            "levels": LetterLevel.choices,
            "statuses": LetterStatus.choices,
            "progress": selectors.signing_progress(user=request.user, year=year),
            "can_edit": access.manages_everything,
            "can_export": reads_org(access),
            "employee_id": access.employee_id,
        },
    )


@role_required(manages)
def letters_issue(request):
    form = IssueForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        result = services.letters_issue(user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "%(created)s letters issued, %(existing)s already held one, "
                "%(units_without_head)s units skipped for lack of a head."
            )
            % result,
        )
        return redirect("responsibility:letters")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Issue responsibility letters"),
            "cancel_url": reverse("responsibility:letters"),
        },
    )


@role_required(manages)
def template_edit(request):
    form = TemplateForm(request.POST or None)
    return _form_page(
        request,
        form,
        _("Letter template"),
        reverse("responsibility:letters"),
        lambda d: services.template_save(data=d, user=request.user),
        reverse("responsibility:letters_issue"),
    )


@login_required
def letter_detail(request, pk: int):
    letter = get_object_or_404(selectors.letter_list(user=request.user), pk=pk)
    signatures = list(letter.signatures.select_related("signer"))
    side = services.letter_side(letter, request.user)
    return render(
        request,
        "responsibility/letter_detail.html",
        {
            "letter": letter,
            "signatures": signatures,
            "scans": attachment_list(owner=letter),
            "can_sign": side is not None and side not in {s.side for s in signatures},
            "form": SignForm(),
        },
    )


@login_required
def letter_scan(request, pk: int, attachment_pk: int):
    letter = get_object_or_404(selectors.letter_list(user=request.user), pk=pk)
    attachment = get_object_or_404(attachment_list(owner=letter), pk=attachment_pk)
    return FileResponse(attachment.file.open("rb"), filename=attachment.original_name)


@login_required
@require_POST
def letter_sign(request, pk: int):
    letter = get_object_or_404(selectors.letter_list(user=request.user), pk=pk)
    form = SignForm(request.POST, request.FILES)
    form.is_valid()
    try:
        services.letter_sign(letter=letter, user=request.user, scan=form.cleaned_data.get("scan"))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Letter signed."))
    return redirect("responsibility:letter_detail", pk=pk)


# ------------------------------------------------------------------------------
# Organisation
# ------------------------------------------------------------------------------
@role_required(reads_org)
def organisation(request):
    access = access_for(request.user)
    visible = access.visible_department_ids()
    from apps.responsibility.models import AppointmentDocument

    return render(
        request,
        "responsibility/organisation.html",
        {
            "bodies": selectors.body_list(),
            "documents": AppointmentDocument.objects.all(),
            "officers": selectors.officer_list(user=request.user),
            "without_officer": selectors.units_without_officer(department_ids=visible),
            "can_edit": access.manages_everything,
        },
    )


@role_required(manages)
def document_edit(request):
    form = DocumentForm(request.POST or None)
    back = reverse("responsibility:organisation")
    return _form_page(
        request,
        form,
        _("Appointing document"),
        back,
        lambda d: services.document_save(data=d, user=request.user),
        back,
    )


@role_required(manages)
def body_edit(request):
    form = BodyForm(request.POST or None)
    back = reverse("responsibility:organisation")
    return _form_page(
        request,
        form,
        _("Safety body"),
        back,
        lambda d: services.body_save(data=d, user=request.user),
        back,
    )


@role_required(manages)
def member_add(request, pk: int):
    body = get_object_or_404(SafetyBody, pk=pk)
    form = MemberForm(request.POST or None)
    back = reverse("responsibility:organisation")
    return _form_page(
        request,
        form,
        _("Add a member to %(b)s") % {"b": body},
        back,
        lambda d: services.member_add(body=body, user=request.user, **d),
        back,
    )


# ------------------------------------------------------------------------------
# Meetings
# ------------------------------------------------------------------------------
@login_required
def meetings(request):
    filters = request.GET.dict()
    page = Paginator(
        selectors.meeting_list(user=request.user, filters=filters), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    access = access_for(request.user)
    return render(
        request,
        "responsibility/meetings.html",
        {
            "page": page,
            "filters": filters,
            "levels": MeetingLevel.choices,
            "can_edit": access.manages_everything or access.is_department_head,
            "can_export": reads_org(access),
        },
    )


@login_required
def meeting_detail(request, pk: int):
    meeting = get_object_or_404(selectors.meeting_list(user=request.user), pk=pk)
    access = access_for(request.user)
    can_edit = services.can_run_meeting(request.user, meeting.level, meeting.department)
    return render(
        request,
        "responsibility/meeting_detail.html",
        {
            "meeting": meeting,
            "attendees": meeting.attendees.select_related("department"),
            "decisions": meeting.decisions.select_related("department", "task"),
            "can_edit": can_edit,
            "form": DecisionForm() if can_edit and meeting.held_on else None,
            "access": access,
        },
    )


@role_required(reads_org)
def meeting_edit(request, pk: int | None = None):
    meeting = (
        get_object_or_404(selectors.meeting_list(user=request.user), pk=pk)
        if pk is not None
        else None
    )
    initial = (
        {"attendees": list(meeting.attendees.all())}
        if meeting
        else {"level": MeetingLevel.DEPARTMENT}
    )
    form = MeetingForm(request.POST or None, instance=meeting, initial=initial)

    def save(data):
        attendees = data.pop("attendees")
        return services.meeting_save(
            meeting=meeting, data=data, user=request.user, attendees=attendees
        )

    return _form_page(
        request,
        form,
        _("Safety meeting"),
        reverse("responsibility:meetings"),
        save,
        lambda m: reverse("responsibility:meeting_detail", args=[m.pk]),
    )


@role_required(reads_org)
@require_POST
def decision_add(request, pk: int):
    meeting = get_object_or_404(selectors.meeting_list(user=request.user), pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decision_add(meeting=meeting, user=request.user, **form.cleaned_data)
        except (ApplicationError, ValidationError) as exc:
            messages.error(request, getattr(exc, "message", None) or " ".join(exc.messages))
        else:
            messages.success(request, _("Decision recorded and a task raised."))
    else:
        messages.error(request, _("Fill in the decision, department and due date."))
    return redirect("responsibility:meeting_detail", pk=pk)


@role_required(reads_org)
def compliance(request):
    year = _year(request)
    today = timezone.localdate()
    # A past year is looked at from its end, so every period of it is due.
    as_of = dt.date(year + 1, 1, 1) if year < today.year else today
    visible = access_for(request.user).visible_department_ids()
    rows = selectors.meeting_compliance(year=year, as_of=as_of, department_ids=visible)
    return render(
        request, "responsibility/compliance.html", {"rows": rows, "year": year, "as_of": as_of}
    )


@role_required(manages)
def settings_edit(request):
    form = SettingsForm(request.POST or None, instance=services.meeting_settings())
    back = reverse("responsibility:compliance")
    return _form_page(
        request,
        form,
        _("Meeting frequencies"),
        back,
        lambda d: services.meeting_settings_save(data=d, user=request.user),
        back,
    )
