from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import parsers, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ReadOnlyViewSet, validated
from apps.scoring import importers, policies, selectors
from apps.scoring.models import BItem, Element, ScoringItem, Standard


class ScoringItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = ScoringItem
        fields = ["id", "code", "requirement", "points", "method", "is_veto", "group", "indicator_key", "auto_rule"]


class BItemSerializer(serializers.ModelSerializer):
    items = ScoringItemSerializer(many=True, read_only=True)

    class Meta:
        model = BItem
        fields = ["id", "code", "name", "items"]


class ElementSerializer(serializers.ModelSerializer):
    b_items = BItemSerializer(many=True, read_only=True)

    class Meta:
        model = Element
        fields = ["id", "code", "name", "points", "b_items"]


class StandardSerializer(serializers.ModelSerializer):
    item_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Standard
        fields = [
            "id",
            "name",
            "version",
            "industry",
            "full_points",
            "threshold_1",
            "threshold_2",
            "threshold_3",
            "element_min_share",
            "is_active",
            "item_count",
        ]


class StandardDetailSerializer(StandardSerializer):
    elements = serializers.SerializerMethodField()

    class Meta(StandardSerializer.Meta):
        fields = [*StandardSerializer.Meta.fields, "elements"]

    @extend_schema(exclude=True)
    def get_elements(self, standard) -> list[dict]:
        return ElementSerializer(selectors.standard_tree(standard), many=True).data


class ImportSerializer(serializers.Serializer):
    file = serializers.FileField()


class StandardViewSet(ReadOnlyViewSet):
    """Scoring standards; a new one is imported from the three-sheet workbook."""

    queryset = Standard.objects.none()
    policies = {"read": policies.can_read_standards, "import_file": policies.can_import_standard}
    search_fields = ["name", "industry"]
    filterset_fields = ["is_active"]
    selector = selectors.standard_list

    def get_serializer_class(self):
        return StandardDetailSerializer if self.action == "retrieve" else StandardSerializer

    @extend_schema(request={"multipart/form-data": ImportSerializer}, responses=StandardSerializer)
    @action(detail=False, methods=["post"], url_path="import", parser_classes=[parsers.MultiPartParser])
    def import_file(self, request):
        valid = validated(ImportSerializer, request)
        standard = importers.standard_import(upload=valid["file"], user=request.user)
        standard = selectors.standard_list().get(pk=standard.pk)
        return Response(StandardSerializer(standard).data, status=status.HTTP_201_CREATED)
