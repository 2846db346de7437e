"""What every emergency viewset shares: the policies of reads and writes."""

from __future__ import annotations

from apps.emergency.policies import can_change_record, can_read_emergency

# Safety managers, leadership and department heads read (the selector's scope decides what);
# a department's head or a safety manager writes its records.
READS = {"read": can_read_emergency}
RECORD_WRITES = {"save": can_change_record}
