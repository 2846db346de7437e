"""Shared viewset shapes. Kept apart from apps.core.api, which DRF imports while loading."""

from rest_framework import mixins, viewsets


class ListCreateUpdateViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Records that are listed, read, created and changed, never deleted through the API."""
