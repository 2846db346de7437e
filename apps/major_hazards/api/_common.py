"""What the major hazards viewsets share."""

from __future__ import annotations

from apps.org.permissions import DepartmentScoped, reads_org


class _Scoped:
    """Reads for safety managers, leadership and heads (their departments); writes for safety
    managers (the services check it again)."""

    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)
