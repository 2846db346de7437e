"""The kinds of unit that letters and meetings are organised by: departments and workshops at the
top, sections and teams below them."""

from __future__ import annotations

from apps.org.models import DepartmentKind

TOP_KINDS = (DepartmentKind.DEPARTMENT, DepartmentKind.WORKSHOP)
LOWER_KINDS = (DepartmentKind.SECTION, DepartmentKind.TEAM)
