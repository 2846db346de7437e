from django.utils.translation import gettext_lazy as _

from apps.core.navigation import NavItem, register
from apps.org import policies

register(NavItem("org.company", _("Company profile"), "org:company", 2, "bi-building", order=10))
register(NavItem("org.departments", _("Departments"), "org:department_list", 2, "bi-diagram-3", order=20))
register(NavItem("org.employees", _("Employees"), "org:employee_list", 2, "bi-people", policies.can_read_employees, 30))
register(
    NavItem("org.positions", _("Positions"), "org:position_list", 2, "bi-person-badge", policies.can_read_positions, 40)
)
