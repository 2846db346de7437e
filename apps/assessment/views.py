from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.assessment import charts, policies, selectors, services
from apps.assessment.forms import AssessmentForm, AwardForm, FindingForm, GateForm
from apps.assessment.models import Finding
from apps.core.services import fields_as_keywords
from apps.core.views import RecordPage, edit_page, finder, list_page, run_action, run_form_action, run_service
from apps.org.permissions import policy_required
from apps.scoring.models import Element

reads = policy_required(policies.can_read_assessment)
runs = policy_required(policies.can_run_assessment)


_get = finder(selectors.assessment_list)


@reads
def assessment_list(request):
    return list_page(request, selectors.assessment_list, can_create=policies.can_create_assessment(request.user))


@policy_required(policies.can_create_assessment)
def assessment_create(request):
    return edit_page(
        request,
        AssessmentForm(request.POST or None),
        fields_as_keywords(services.assessment_create),
        _("Assessment created: score it element by element."),
        title=_("New assessment"),
        cancel_url=reverse("assessment:list"),
        done=lambda assessment: reverse("assessment:detail", kwargs={"pk": assessment.pk}),
    )


@reads
def assessment_detail(request, pk: int):
    assessment = _get(request, pk)
    summary = selectors.summary(assessment, with_previous=False)
    return render(
        request,
        "assessment/detail.html",
        {
            "assessment": assessment,
            "summary": summary,
            "actions": policies.assessment_actions(request.user, assessment),
            "gate_form": GateForm(instance=assessment),
            "award_form": AwardForm(
                initial={"awarded_level": assessment.awarded_level, "awarded_on": assessment.awarded_on}
            ),
        },
    )


@reads
def element_detail(request, pk: int, code: str):
    assessment = _get(request, pk)
    element = get_object_or_404(Element, standard_id=assessment.standard_id, code=code)
    rows = [f for f in selectors.findings(assessment) if f.item.b_item.element_id == element.pk]
    evidence = _evidence(rows)
    for finding in rows:
        finding.evidence = evidence.get(finding.pk, [])
    elements = list(Element.objects.filter(standard_id=assessment.standard_id).order_by("order"))
    index = next(i for i, e in enumerate(elements) if e.pk == element.pk)
    summary = selectors.summary(assessment, with_previous=False)
    return render(
        request,
        "assessment/element.html",
        {
            "assessment": assessment,
            "element": element,
            "findings": rows,
            "summary": summary,
            "previous_element": elements[index - 1] if index > 0 else None,
            "next_element": elements[index + 1] if index + 1 < len(elements) else None,
            "actions": policies.assessment_actions(request.user, assessment),
            "departments": _departments(),
        },
    )


def _evidence(rows: list[Finding]) -> dict[int, list]:
    """Evidence files of many findings in one query, by finding id."""
    from django.contrib.contenttypes.models import ContentType

    from apps.core.models import Attachment

    files: dict[int, list] = {}
    for attachment in Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(Finding), object_id__in=[f.pk for f in rows]
    ).order_by("created_at"):
        files.setdefault(attachment.object_id, []).append(attachment)
    return files


def _departments():
    from apps.org.models import Department

    return list(Department.objects.filter(is_active=True).order_by("path"))


@runs
@require_POST
def finding_score(request, pk: int, finding_pk: int):
    """Quick scoring of one item: htmx swaps the row and the running score."""
    assessment = _get(request, pk)
    finding = get_object_or_404(
        Finding.objects.select_related("item__b_item__element", "department"), assessment=assessment, pk=finding_pk
    )
    form = FindingForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        scored = run_service(
            request,
            form,
            lambda: services.finding_score(
                finding=finding,
                user=request.user,
                applicable=data["applicable"],
                deduction=data["deduction"] or 0,
                reason=data["reason"],
                department=data["department"],
                veto_failed=data["veto_failed"],
            ),
            "",
            denied_on_form=True,
        )
        finding = scored or finding
    errors = form.errors
    finding.evidence = _evidence([finding]).get(finding.pk, [])
    context = {
        "assessment": assessment,
        "finding": finding,
        "actions": policies.assessment_actions(request.user, assessment),
        "departments": _departments(),
        "errors": errors,
        "posted": request.POST if errors else None,
    }
    if request.htmx:
        context["summary"] = selectors.summary(assessment, with_previous=False)
        context["oob"] = True
        return render(request, "assessment/_finding_row.html", context)
    if errors:
        messages.error(request, _("Item %(code)s was not saved.") % {"code": finding.item.code})
    else:
        messages.success(request, _("Item %(code)s saved.") % {"code": finding.item.code})
    return redirect(
        reverse("assessment:element", args=[assessment.pk, finding.item.b_item.element.code]) + f"#item-{finding.pk}"
    )


assessment_page = RecordPage(get=_get, record="assessment", done="assessment:detail", guard_first=True)
assessment_suggest = assessment_page.button(
    runs, services.findings_suggest, gettext_lazy("Suggested deductions filled in from the live indicators.")
)
assessment_submit = assessment_page.button(
    runs,
    services.assessment_submit,
    gettext_lazy("Submitted: leadership has been asked to approve."),
    done="assessment:summary",
)


@runs
@require_POST
def assessment_gate(request, pk: int):
    assessment = _get(request, pk)
    run_form_action(
        request,
        GateForm(request.POST, instance=assessment),
        lambda data: services.assessment_update(assessment=assessment, data=data, user=request.user),
        _("Saved."),
    )
    return redirect("assessment:detail", pk=assessment.pk)


@runs
@require_POST
def assessment_award(request, pk: int):
    assessment = _get(request, pk)
    form = AwardForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the grade and the date it was awarded."))
        return redirect("assessment:detail", pk=assessment.pk)
    return run_action(
        request,
        lambda: services.assessment_award(
            assessment=assessment,
            level=form.cleaned_data["awarded_level"],
            awarded_on=form.cleaned_data["awarded_on"],
            user=request.user,
        ),
        _("Grade recorded: you will be reminded before its 3-year re-review."),
        redirect_to="assessment:detail",
        args=(assessment.pk,),
    )


@reads
def assessment_summary(request, pk: int):
    assessment = _get(request, pk)
    summary = selectors.summary(assessment)
    return render(
        request, "assessment/summary.html", {"assessment": assessment, "summary": summary, "radar": radar_for(summary)}
    )


def radar_for(summary) -> str:
    if not summary.elements:
        raise Http404
    return charts.radar_svg(
        [e.name for e in summary.elements],
        [e.percent for e in summary.elements],
        previous=[summary.previous_elements.get(e.code) for e in summary.elements] if summary.previous else None,
        title=_("Score rate of each element (earned over applicable points)"),
    )


@runs
@require_POST
def finding_evidence(request, pk: int, finding_pk: int):
    """Attach an evidence file (photo, scan, document) to one finding."""
    assessment = _get(request, pk)
    finding = get_object_or_404(
        Finding.objects.select_related("item__b_item__element"), assessment=assessment, pk=finding_pk
    )
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file to attach."))
    else:
        run_action(
            request,
            lambda: services.finding_attach(finding=finding, upload=upload, user=request.user),
            _("Evidence attached to %(code)s.") % {"code": finding.item.code},
        )
    return redirect(
        reverse("assessment:element", args=[assessment.pk, finding.item.b_item.element.code]) + f"#item-{finding.pk}"
    )


@reads
def finding_evidence_download(request, pk: int, finding_pk: int, attachment_pk: int):
    from django.http import FileResponse

    from apps.core.selectors import attachment_list

    assessment = _get(request, pk)
    finding = get_object_or_404(Finding, assessment=assessment, pk=finding_pk)
    attachment = get_object_or_404(attachment_list(owner=finding), pk=attachment_pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=not attachment.is_image, filename=attachment.original_name
    )
