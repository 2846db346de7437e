"""Pages of the safety organisation: bodies, appointing documents, members and officers."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.core.views import form_page, run_service
from apps.org.permissions import policy_required
from apps.org.policy import visible_department_ids
from apps.responsibility import policies, selectors, services
from apps.responsibility.forms import BodyForm, DocumentForm, MemberForm
from apps.responsibility.models import AppointmentDocument, SafetyBody


@policy_required(policies.can_read_organisation)
def organisation(request):
    visible = visible_department_ids(request.user)
    return render(
        request,
        "responsibility/organisation.html",
        {
            "bodies": selectors.body_list(),
            "documents": AppointmentDocument.objects.all(),
            "officers": selectors.officer_list(user=request.user),
            "without_officer": selectors.units_without_officer(department_ids=visible),
            "can_edit": policies.can_edit_organisation(request.user),
        },
    )


@policy_required(policies.can_edit_organisation)
def document_edit(request):
    form = DocumentForm(request.POST or None)
    back = reverse("responsibility:organisation")
    if request.method == "POST" and form.is_valid():
        run_service(
            request, form, lambda: services.document_save(data=form.cleaned_data, user=request.user), _("Saved.")
        )
        if not form.errors:
            return redirect(back)
    return form_page(request, form, title=_("Appointing document"), cancel_url=back)


@policy_required(policies.can_edit_organisation)
def body_edit(request):
    form = BodyForm(request.POST or None)
    back = reverse("responsibility:organisation")
    if request.method == "POST" and form.is_valid():
        run_service(request, form, lambda: services.body_save(data=form.cleaned_data, user=request.user), _("Saved."))
        if not form.errors:
            return redirect(back)
    return form_page(request, form, title=_("Safety body"), cancel_url=back)


@policy_required(policies.can_edit_organisation)
def member_add(request, pk: int):
    body = get_object_or_404(SafetyBody, pk=pk)
    form = MemberForm(request.POST or None)
    back = reverse("responsibility:organisation")
    if request.method == "POST" and form.is_valid():
        run_service(
            request, form, lambda: services.member_add(body=body, user=request.user, **form.cleaned_data), _("Saved.")
        )
        if not form.errors:
            return redirect(back)
    return form_page(request, form, title=_("Add a member to %(b)s") % {"b": body}, cancel_url=back)
