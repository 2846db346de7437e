"""Who may do what with major hazard sources: the one answer the views, the API, the
templates, the menu, the exporters and the services ask.

Reading is for safety managers, leadership and department heads (their departments, by the
selectors' scope); the units, their inventory, filings, assessments and measures are kept by
safety managers; the heads of a unit's department record the checks of its measures."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.major_hazards.models import MonitoringMeasure, Unit
from apps.org.policy import Decision, allow_if, heads, heads_some_department, is_safety_manager, reads_org

MANAGES = _("Only a safety manager manages major hazard sources.")
CHECKS = _("Only a safety manager or the department's head records checks.")

can_read_major_hazards = reads_org
can_export_major_hazards = reads_org


def can_manage_major_hazards(user, obj=None) -> Decision:
    """Units, inventory, identification, filings, assessments and measures."""
    return allow_if(bool(is_safety_manager(user)), MANAGES)


def can_check_measure(user, measure: MonitoringMeasure | Unit | None = None) -> Decision:
    """A safety manager, or the head of the unit's department (any head, before a measure is
    named)."""
    if measure is None:
        return allow_if(bool(heads_some_department(user)), CHECKS)
    unit = measure if isinstance(measure, Unit) else measure.unit
    return allow_if(bool(heads(user, unit.department_id)), CHECKS)


def unit_actions(user, unit: Unit) -> dict[str, Decision]:
    """What a unit's page offers, and why not."""
    return {"edit": can_manage_major_hazards(user, unit), "check": can_check_measure(user, unit)}
