"""Pages of the duty documents: the list, a document, a new document or version, and the yearly
review. Published duties are everyone's to read."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.views import form_page, run_service
from apps.org.permissions import policy_required
from apps.responsibility import policies, selectors, services
from apps.responsibility.forms import DutyForm, ReviewForm


@policy_required(policies.can_read_duties)
def duties(request):
    filters = request.GET.dict()
    return render(
        request,
        "responsibility/duties.html",
        {
            "documents": selectors.duty_list(user=request.user, filters=filters),
            "filters": filters,
            "can_edit": policies.can_write_duties(request.user),
            "year": timezone.localdate().year,
        },
    )


@policy_required(policies.can_read_duties)
def duty_detail(request, pk: int):
    document = get_object_or_404(selectors.duty_list(user=request.user, filters={"current": "0"}), pk=pk)
    return render(
        request,
        "responsibility/duty_detail.html",
        {
            "document": document,
            "reviews": document.reviews.select_related("reviewer").order_by("-year"),
            "actions": policies.duty_actions(request.user, document),
            "year": timezone.localdate().year,
        },
    )


@policy_required(policies.can_write_duties)
def duty_edit(request, pk: int | None = None):
    previous = (
        get_object_or_404(selectors.duty_list(user=request.user), pk=pk, is_current=True) if pk is not None else None
    )
    form = DutyForm(
        request.POST or None,
        instance=None,
        initial=(
            {k: getattr(previous, k) for k in ("scope", "department", "position", "title", "content")}
            if previous
            else None
        ),
    )
    if request.method == "POST" and form.is_valid():
        run_service(
            request,
            form,
            lambda: services.duty_save(data=form.cleaned_data, user=request.user, previous=previous),
            _("Saved."),
        )
        if not form.errors:
            return redirect(reverse("responsibility:duties"))
    return form_page(request, form, title=_("Safety duties"), cancel_url=reverse("responsibility:duties"))


@policy_required(policies.can_write_duties)
def duty_review(request, pk: int):
    document = get_object_or_404(selectors.duty_list(user=request.user, filters={"current": "0"}), pk=pk)
    form = ReviewForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        run_service(
            request,
            form,
            lambda: services.duty_review(document=document, user=request.user, **form.cleaned_data),
            _("Saved."),
        )
        if not form.errors:
            return redirect(reverse("responsibility:duties"))
    return form_page(
        request, form, title=_("Review: %(d)s") % {"d": document}, cancel_url=reverse("responsibility:duties")
    )
