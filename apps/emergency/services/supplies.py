"""Emergency supplies and their checks."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from apps.core import recurrence
from apps.core.exceptions import ApplicationError
from apps.core.text import stored
from apps.emergency import policies
from apps.emergency.models import Supply, SupplyCheck
from apps.emergency.services._common import _apply, _not_future, _recipients, _save
from apps.org.models import Role
from apps.org.policy import require
from apps.org.selectors import users_with_role
from apps.workflow import services as workflow

SUPPLY_FIELDS = (
    "name",
    "kind",
    "specification",
    "department",
    "location",
    "quantity",
    "required_quantity",
    "unit",
    "expires_on",
    "check_interval_months",
    "last_checked_on",
    "next_check_due",
    "keeper",
    "is_active",
)


def _next_check(supply: Supply) -> dt.date | None:
    if supply.last_checked_on is None:
        return None
    return recurrence.add_months(supply.last_checked_on, supply.check_interval_months)


@transaction.atomic
def supply_save(*, supply: Supply | None = None, data: dict, user) -> Supply:
    if supply is not None:
        require(policies.can_act_for_department(user, supply.department_id))
    supply = supply or Supply()
    _apply(supply, data, SUPPLY_FIELDS)
    require(policies.can_act_for_department(user, supply.department_id))
    if not supply.check_interval_months or supply.check_interval_months < 1:
        raise ApplicationError(_("Checked every (months): give a positive number of months."))
    if not data.get("next_check_due"):
        supply.next_check_due = _next_check(supply) or supply.next_check_due
    _save(supply, user=user)
    return supply


@transaction.atomic
def supply_check(
    *,
    supply: Supply,
    user,
    checked_on: dt.date,
    quantity_found: int,
    in_good_order: bool = True,
    note: str = "",
    expires_on: dt.date | None = None,
) -> SupplyCheck:
    """A check done: the quantity found becomes the stock, the next check starts from it.

    A check dated before the item's last check is entered late: it is kept in the item's
    checks, but the stock, the dates and the expiry stay those of the later check."""
    require(policies.can_act_for_department(user, supply.department_id))
    _not_future(checked_on, _("Check date"))
    check = SupplyCheck(
        supply=supply,
        checked_on=checked_on,
        quantity_found=quantity_found,
        in_good_order=in_good_order,
        note=note,
        checked_by=user,
    )
    _save(check, user=user)
    check.is_backdated = bool(supply.last_checked_on and checked_on < supply.last_checked_on)
    if check.is_backdated:
        return check
    supply.quantity = quantity_found
    supply.last_checked_on = checked_on
    if expires_on is not None:
        supply.expires_on = expires_on
    supply.next_check_due = _next_check(supply)
    _save(
        supply,
        user=user,
        reason=stored(gettext_noop("Checked on %(date)s"), **{"date": checked_on.isoformat()}).dumps(),
    )
    if supply.is_missing or not in_good_order:
        # A shortfall or damage found in a check is announced once, when it is found.
        recipients = _recipients([supply.department_id], list(users_with_role(Role.SAFETY_MANAGER)))
        workflow.notify(
            users=recipients[supply.department_id],
            url=supply.get_absolute_url(),
            message=stored(
                gettext_noop("Check of %(supply)s: %(found)s found of %(required)s required%(damaged)s."),
                **{
                    "supply": supply,
                    "found": quantity_found,
                    "required": supply.required_quantity,
                    "damaged": "" if in_good_order else stored(gettext_noop(", not in good order")),
                },
            ),
        )
    return check
