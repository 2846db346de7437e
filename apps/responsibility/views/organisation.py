"""Pages of the safety organisation: bodies, appointing documents, members and officers."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from apps.org.access import access_for
from apps.org.permissions import manages, reads_org, role_required
from apps.responsibility import selectors, services
from apps.responsibility.forms import BodyForm, DocumentForm, MemberForm
from apps.responsibility.models import AppointmentDocument, SafetyBody
from apps.responsibility.views._common import _form_page


@role_required(reads_org)
def organisation(request):
    access = access_for(request.user)
    visible = access.visible_department_ids()
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
