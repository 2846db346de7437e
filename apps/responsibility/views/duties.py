"""Pages of the duty documents: the list, a document, a new document or version, and the yearly
review. Published duties are everyone's to read."""

from __future__ import annotations

import functools

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.services import fields_as_keywords
from apps.core.views import edit_page
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
    return edit_page(
        request,
        form,
        functools.partial(services.duty_save, previous=previous),
        _("Saved."),
        title=_("Safety duties"),
        back="responsibility:duties",
    )


@policy_required(policies.can_write_duties)
def duty_review(request, pk: int):
    document = get_object_or_404(selectors.duty_list(user=request.user, filters={"current": "0"}), pk=pk)
    return edit_page(
        request,
        ReviewForm(request.POST or None, initial={"year": timezone.localdate().year}),
        fields_as_keywords(functools.partial(services.duty_review, document=document)),
        _("Saved."),
        title=_("Review: %(d)s") % {"d": document},
        back="responsibility:duties",
    )
