"""The department filter of the list pages: one select, offering what the person may see."""

from django import template

from apps.org.selectors import department_list

register = template.Library()


@register.inclusion_tag("org/_department_filter.html", takes_context=True)
def department_filter(context, width: str, departments=None):
    """The `department` select of a list's filters, in a column of `width` (Bootstrap classes):
    the departments the person sees (`org.selectors.department_list`), or those given, with the
    one filtered by selected."""
    if departments is None:
        departments = department_list(user=context["request"].user)
    return {"width": width, "departments": departments, "chosen": context.get("filters", {}).get("department", "")}
