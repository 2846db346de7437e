"""The pages of emergency supplies and their checks."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.selectors import history_entries
from apps.core.views import RecordPage, finder
from apps.emergency import policies, selectors, services
from apps.emergency.forms import SupplyCheckForm, SupplyForm
from apps.emergency.models import SupplyKind
from apps.emergency.views._common import _page
from apps.org.permissions import policy_required


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
            "can_edit": policies.can_edit_supply(request.user),
            "check_form": SupplyCheckForm(initial={"checked_on": timezone.localdate()}),
        },
    )


_supply = finder(selectors.supply_list, active="0")


@policy_required(policies.can_read_emergency)
def supply_detail(request, pk: int, check_form=None, status=200):
    supply = _supply(request, pk)
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


supply_page = RecordPage(get=_supply, page=supply_detail, record="supply")
supply_edit = supply_page.edit(
    policy_required(policies.can_change_record), SupplyForm, services.supply_save, back="emergency:supply_list"
)


def _checked(request, supply, check):
    """Back to the list; a check dated before the last one is kept, and the person told so."""
    if check.is_backdated:
        messages.info(
            request,
            _(
                "The check is dated before the last one: it is kept in "
                "the checks; the stock and the dates are unchanged."
            ),
        )
    return reverse("emergency:supply_list")


supply_check = supply_page.form(
    policy_required(policies.can_change_record),
    SupplyCheckForm,
    "check_form",
    services.supply_check,
    gettext_lazy("Check recorded."),
    done=_checked,
)
