"""The GB 18218-2018 reference tables: named substances (表1, β of 表3) and hazard categories
(表2, β of 表4)."""

from __future__ import annotations

from rest_framework import serializers, viewsets

from apps.major_hazards.models import HazardCategory, Substance


class SubstanceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Substance
        fields = ["id", "seq", "name", "aliases", "cas", "critical_quantity", "beta"]


class HazardCategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = HazardCategory
        fields = ["id", "code", "name", "description", "critical_quantity", "beta"]


class SubstanceViewSet(viewsets.ReadOnlyModelViewSet):
    """GB 18218-2018 表1 named substances (β of 表3 for the toxic gases)."""

    queryset = Substance.objects.all()
    serializer_class = SubstanceSerializer
    search_fields = ["name", "aliases", "cas"]


class HazardCategoryViewSet(viewsets.ReadOnlyModelViewSet):
    """GB 18218-2018 表2 hazard categories (β of 表4)."""

    queryset = HazardCategory.objects.all()
    serializer_class = HazardCategorySerializer
