"""What every emergency viewset shares: department scope and the writable mixins."""

from __future__ import annotations

from rest_framework import mixins, viewsets

from apps.org.permissions import DepartmentScoped, reads_org

_WRITABLE = (
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
)


class _Scoped:
    permission_classes = [DepartmentScoped]
    read_access = staticmethod(reads_org)
