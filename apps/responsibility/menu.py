from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org.access import access_for


def _reads(user) -> bool:
    access = access_for(user)
    return access.sees_everything or access.is_department_head


register(NavItem("responsibility.objectives", _("Safety objectives"), "responsibility:objectives", 1,
                 "bi-bullseye", _reads, order=10))  # fmt: skip
register(NavItem("responsibility.letters", _("Responsibility letters"), "responsibility:letters", 2,
                 "bi-pen", order=10))  # fmt: skip
register(NavItem("responsibility.duties", _("Safety duties"), "responsibility:duties", 2,
                 "bi-journal-text", _reads, order=20))  # fmt: skip
register(NavItem("responsibility.organisation", _("Safety organisation"), "responsibility:organisation",
                 2, "bi-diagram-3", _reads, order=30))  # fmt: skip
register(NavItem("responsibility.meetings", _("Safety meetings"), "responsibility:meetings", 2,
                 "bi-people", order=40))  # fmt: skip
