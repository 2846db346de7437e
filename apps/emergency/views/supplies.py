"""The pages of emergency supplies and their checks."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.selectors import history_entries
from apps.core.views import form_page, post_from_page, run_service
from apps.emergency import policies, selectors, services
from apps.emergency.forms import SupplyCheckForm, SupplyForm
from apps.emergency.models import SupplyKind
from apps.emergency.views._common import _page
from apps.org.permissions import policy_required
from apps.org.selectors import department_list


@policy_required(policies.can_read_emergency)
def supply_list(request):
    filters = request.GET.dict()
    page = _page(request, selectors.supply_list(user=request.user, filters=filters))
    for supply in page:
        supply.actions = policies.record_actions(request.user, supply)
    return render(
        request,
        "emergency/supply_list.html",
        {
            "page": page,
            "filters": filters,
            "kinds": SupplyKind.choices,
            "departments": department_list(user=request.user),
            "can_edit": policies.can_edit_supply(request.user),
            "check_form": SupplyCheckForm(initial={"checked_on": timezone.localdate()}),
        },
    )


@policy_required(policies.can_read_emergency)
def supply_detail(request, pk: int, check_form=None, status=200):
    supply = get_object_or_404(selectors.supply_list(user=request.user, filters={"active": "0"}), pk=pk)
    return render(
        request,
        "emergency/supply_detail.html",
        {
            "supply": supply,
            "checks": supply.checks.select_related("checked_by")[:50],
            "history": history_entries(supply),
            "actions": policies.record_actions(request.user, supply),
            "check_form": check_form
            or SupplyCheckForm(initial={"checked_on": timezone.localdate(), "quantity_found": supply.quantity}),
        },
        status=status,
    )


@policy_required(policies.can_change_record)
def supply_edit(request, pk: int | None = None):
    supply = get_object_or_404(selectors.supply_list(user=request.user, filters={"active": "0"}), pk=pk) if pk else None
    form = SupplyForm(request.POST or None, instance=supply, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            request,
            form,
            lambda: services.supply_save(supply=supply, data=form.cleaned_data, user=request.user),
            _("Supply saved."),
        )
        if saved is not None:
            return redirect(saved)
    return form_page(request, form, title=_("Emergency supply"), cancel_url=reverse("emergency:supply_list"))


@require_POST
@policy_required(policies.can_change_record)
def supply_check(request, pk: int):
    supply = get_object_or_404(selectors.supply_list(user=request.user, filters={"active": "0"}), pk=pk)
    form = SupplyCheckForm(request.POST)

    def done(check):
        if check.is_backdated:
            messages.info(
                request,
                _(
                    "The check is dated before the last one: it is kept in "
                    "the checks; the stock and the dates are unchanged."
                ),
            )
        return reverse("emergency:supply_list")

    return post_from_page(
        request,
        form,
        lambda data: services.supply_check(supply=supply, user=request.user, **data),
        _("Check recorded."),
        done=done,
        # Refused: the item's page with what was entered and why.
        page=lambda form: supply_detail(request, pk, check_form=form, status=400),
    )
