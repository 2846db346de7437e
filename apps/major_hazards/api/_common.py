"""What the major hazards viewsets share: their policies (`apps.major_hazards.policies`)."""

from __future__ import annotations

from apps.major_hazards import policies

# Reads for safety managers, leadership and heads (their departments, by the selectors' scope);
# writes for safety managers.
POLICIES = {
    "read": policies.can_read_major_hazards,
    **dict.fromkeys(["save", "destroy", "identify"], policies.can_manage_major_hazards),
}
