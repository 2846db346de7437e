"""Pages of the safety organisation: bodies, appointing documents, members and officers."""

from __future__ import annotations

import functools

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from apps.core.services import fields_as_keywords
from apps.core.views import edit_page
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
    return _organisation_form(
        request, DocumentForm(request.POST or None), services.document_save, title=_("Appointing document")
    )


@policy_required(policies.can_edit_organisation)
def body_edit(request):
    return _organisation_form(request, BodyForm(request.POST or None), services.body_save, title=_("Safety body"))


@policy_required(policies.can_edit_organisation)
def member_add(request, pk: int):
    body = get_object_or_404(SafetyBody, pk=pk)
    return _organisation_form(
        request,
        MemberForm(request.POST or None),
        fields_as_keywords(functools.partial(services.member_add, body=body)),
        title=_("Add a member to %(b)s") % {"b": body},
    )


def _organisation_form(request, form, save, *, title):
    """A form of the organisation page: saved, back to that page."""
    return edit_page(request, form, save, _("Saved."), title=title, back="responsibility:organisation")
