"""What the training pages share: the page size, the read guard and the departments offered in
the filters."""

from __future__ import annotations

from apps.org.models import Department
from apps.org.permissions import policy_required
from apps.org.policy import in_scope
from apps.training import policies

PAGE_SIZE = 50
reads = policy_required(policies.can_read_training)


def _departments(user):
    """Departments offered in the filters: all, or those the head heads."""
    qs = Department.objects.filter(is_active=True).order_by("path")
    return in_scope(qs, user, "id", heads_only=True)
