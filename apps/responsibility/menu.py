from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.responsibility import policies

register(
    NavItem(
        "responsibility.objectives",
        _("Safety objectives"),
        "responsibility:objectives",
        1,
        "bi-bullseye",
        policies.can_read_objectives,
        order=10,
    )
)
register(
    NavItem("responsibility.letters", _("Responsibility letters"), "responsibility:letters", 2, "bi-pen", order=10)
)
register(
    NavItem(
        "responsibility.duties",
        _("Safety duties"),
        "responsibility:duties",
        2,
        "bi-journal-text",
        policies.can_read_duties,
        order=20,
    )
)
register(
    NavItem(
        "responsibility.organisation",
        _("Safety organisation"),
        "responsibility:organisation",
        2,
        "bi-diagram-3",
        policies.can_read_organisation,
        order=30,
    )
)
register(NavItem("responsibility.meetings", _("Safety meetings"), "responsibility:meetings", 2, "bi-people", order=40))
