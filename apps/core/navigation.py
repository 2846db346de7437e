"""The menu: the workspace, the 13 evaluation elements, and system pages.

Apps register their pages in `AppConfig.ready()`. An element with no page yet gets one entry
that opens a plain "not available yet" page, so the menu never has a dead link.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The 13 A-level elements (AQ/T 9006-2010) with what each covers, shown on placeholder pages.
ELEMENTS: dict[int, tuple] = {
    1: (_("Objectives"), _("Yearly safety objectives split to departments and assessed at year end.")),  # noqa: E501
    2: (
        _("Organisation and duties"),
        _("Safety office and officers, duty system, responsibility letters, safety meetings."),
    ),  # noqa: E501
    3: (_("Safety investment"), _("Safety-cost guarantee rule, cost set aside and spent on safety, cost ledger.")),  # noqa: E501
    4: (
        _("Laws, regulations and rules"),
        _("Register of applicable laws, internal rules and operating procedures, yearly compliance evaluation."),
    ),  # noqa: E501
    5: (
        _("Education and training"),
        _("Training plans and hours, three-level induction, special-operation certificates."),
    ),  # noqa: E501
    6: (
        _("Equipment and facilities"),
        _("Equipment ledger, inspection and maintenance, three simultaneities, scrapping."),
    ),  # noqa: E501
    7: (_("Operation safety"), _("Permits for dangerous work, warning signs, contractors, management of change.")),  # noqa: E501
    8: (
        _("Hazard investigation and rectification"),
        _("Five kinds of inspections, hazard reports, closed-loop rectification, hazard ledger."),
    ),  # noqa: E501
    9: (_("Major hazard sources"), _("GB 18218 identification and grading, registration and filing, monitoring.")),  # noqa: E501
    10: (
        _("Occupational health"),
        _("Working conditions, monitoring, protective equipment, hazard notification and declaration."),
    ),  # noqa: E501
    11: (_("Emergency rescue"), _("Emergency plans, teams, supplies and drills with evaluation.")),  # noqa: E501
    12: (
        _("Accident reporting and investigation"),
        _("Accident reports, grading, investigation, corrective measures and statistics."),
    ),  # noqa: E501
    13: (
        _("Performance evaluation and improvement"),
        _("Yearly self-assessment against the scoring standard and the self-evaluation report."),
    ),  # noqa: E501
}

WORKSPACE = "workspace"
SYSTEM = "system"

# Pages of the workspace that later apps provide, shown as "not available yet" until then.
PLANNED_PAGES: dict[str, tuple] = {
    "dashboard": (_("Dashboard"), _("The grade the company would get today, element scores, trends and backlogs."))  # noqa: E501
}


@dataclass(frozen=True)
class NavItem:
    key: str
    label: object
    url_name: str
    section: str | int  # WORKSPACE, SYSTEM, or an element number 1-13
    icon: str = "bi-dot"
    visible: Callable[[object], bool] | None = None
    order: int = 100

    def url(self) -> str:
        return reverse(self.url_name)


_items: dict[str, NavItem] = {}


def register(item: NavItem) -> None:
    _items[item.key] = item


def registered(key: str) -> bool:
    return key in _items


def menu(user) -> dict:
    """The menu for one user: visible items grouped by section, placeholders for the rest."""
    visible = [
        item
        for item in sorted(_items.values(), key=lambda i: (i.order, str(i.label)))
        if item.visible is None or item.visible(user)
    ]
    workspace = [_entry(i) for i in visible if i.section == WORKSPACE]
    for key, (label, _about) in PLANNED_PAGES.items():
        if key not in _items:
            workspace.append(
                {
                    "key": key,
                    "label": label,
                    "url": reverse("core:coming_soon", args=[key]),
                    "icon": "bi-speedometer2",
                    "planned": True,
                }
            )
    elements = []
    for number, (label, _about) in ELEMENTS.items():
        items = [_entry(i) for i in visible if i.section == number]
        elements.append(
            {
                "number": number,
                "label": label,
                "items": items,
                "planned_url": None if items else reverse("core:coming_soon", args=[str(number)]),
            }
        )
    system = [_entry(i) for i in visible if i.section == SYSTEM]
    return {"workspace": workspace, "elements": elements, "system": system}


def _entry(item: NavItem) -> dict:
    return {"key": item.key, "label": item.label, "url": item.url(), "icon": item.icon, "planned": False}
