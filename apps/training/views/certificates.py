"""Certificates: the list (expired ones red), editing and the 3-yearly review."""

from __future__ import annotations

import functools

from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.views import edit_page, list_page, run_form_action
from apps.org.permissions import policy_required
from apps.training import policies, selectors, services
from apps.training.forms import CertificateForm, ReviewForm
from apps.training.models import CertificateKind
from apps.training.views._common import PAGE_SIZE, _departments, reads


@reads
def certificate_list(request):
    return list_page(
        request,
        selectors.certificate_list,
        per_page=PAGE_SIZE,
        kinds=CertificateKind.choices,
        departments=_departments(request.user),
        can_edit=policies.can_edit_certificate(request.user),
        review_form=ReviewForm(initial={"reviewed_on": timezone.localdate()}),
    )


@policy_required(policies.can_edit_certificate)
def certificate_edit(request, pk: int | None = None):
    certificate = get_object_or_404(selectors.certificate_list(user=request.user), pk=pk) if pk else None
    if certificate:
        save = functools.partial(services.certificate_update, certificate=certificate)
    else:
        save = services.certificate_create
    return edit_page(
        request, CertificateForm(request.POST or None, instance=certificate), save, back="training:certificate_list"
    )


@policy_required(policies.can_review_certificate)
@require_POST
def certificate_review(request, pk: int):
    certificate = get_object_or_404(selectors.certificate_list(user=request.user), pk=pk)
    run_form_action(
        request,
        ReviewForm(request.POST),
        lambda data: services.certificate_review(
            certificate=certificate, reviewed_on=data["reviewed_on"], user=request.user
        ),
        _("Review recorded."),
        invalid=_("Give the date of the review."),
    )
    return redirect("training:certificate_list")
