"""Certificates: the list (expired ones red), editing and the 3-yearly review."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.views import form_page, run_action, run_service
from apps.org.permissions import policy_required
from apps.training import policies, selectors, services
from apps.training.forms import CertificateForm, ReviewForm
from apps.training.models import CertificateKind
from apps.training.views._common import PAGE_SIZE, _departments, reads


@reads
def certificate_list(request):
    filters = request.GET.dict()
    page = Paginator(selectors.certificate_list(user=request.user, filters=filters), PAGE_SIZE)
    return render(
        request,
        "training/certificate_list.html",
        {
            "page": page.get_page(request.GET.get("page")),
            "filters": filters,
            "kinds": CertificateKind.choices,
            "departments": _departments(request.user),
            "can_edit": policies.can_edit_certificate(request.user),
            "review_form": ReviewForm(initial={"reviewed_on": timezone.localdate()}),
            "today": timezone.localdate(),
        },
    )


@policy_required(policies.can_edit_certificate)
def certificate_edit(request, pk: int | None = None):
    certificate = get_object_or_404(selectors.certificate_list(user=request.user), pk=pk) if pk else None
    form = CertificateForm(request.POST or None, instance=certificate)
    if request.method == "POST" and form.is_valid():
        if certificate:
            save = functools.partial(services.certificate_update, certificate=certificate)
        else:
            save = services.certificate_create
        saved = run_service(
            request, form, lambda: save(data=form.cleaned_data, user=request.user), _("Certificate saved.")
        )
        if saved:
            return redirect("training:certificate_list")
    title = _("Edit certificate") if certificate else _("New certificate")
    return form_page(request, form, title=title, cancel_url=reverse("training:certificate_list"))


@policy_required(policies.can_review_certificate)
@require_POST
def certificate_review(request, pk: int):
    certificate = get_object_or_404(selectors.certificate_list(user=request.user), pk=pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        run_action(
            request,
            lambda: services.certificate_review(
                certificate=certificate, reviewed_on=form.cleaned_data["reviewed_on"], user=request.user
            ),
            _("Review recorded."),
        )
    else:
        messages.error(request, _("Give the date of the review."))
    return redirect("training:certificate_list")
