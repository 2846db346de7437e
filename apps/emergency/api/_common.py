"""What every emergency viewset shares: the policies of reads and writes, the writable mixins."""

from __future__ import annotations

from rest_framework import mixins, viewsets

from apps.emergency.policies import can_change_record, can_read_emergency

# Safety managers, leadership and department heads read (the selector's scope decides what);
# a department's head or a safety manager writes its records.
READS = {"read": can_read_emergency}
RECORD_WRITES = {"create": can_change_record, "update": can_change_record}

_WRITABLE = (
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
)
