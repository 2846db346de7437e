"""API of the letter templates and the responsibility letters: issue, sign and the signing
progress."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import parsers, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core.viewsets import ListCreateUpdateViewSet, ReadOnlyViewSet, ServiceAction, validated
from apps.responsibility import policies, selectors, services
from apps.responsibility.api._common import _year
from apps.responsibility.models import LetterTemplate, ResponsibilityLetter
from apps.responsibility.services.letters import TEMPLATE_FIELDS


class LetterTemplateSerializer(serializers.ModelSerializer):
    class Meta:
        model = LetterTemplate
        fields = ["id", *TEMPLATE_FIELDS]


class TemplateViewSet(ListCreateUpdateViewSet):
    queryset = LetterTemplate.objects.all()
    serializer_class = LetterTemplateSerializer
    policies = {"read": policies.can_read_letter_templates, "save": policies.can_edit_letter_template}
    create_service = update_service = services.template_save
    instance_name = "template"


class LetterSerializer(serializers.ModelSerializer):
    department_name = serializers.CharField(source="department.name", read_only=True)
    issuer_name = serializers.CharField(source="issuer.name", read_only=True)
    holder_name = serializers.CharField(source="holder.name", read_only=True)

    class Meta:
        model = ResponsibilityLetter
        fields = [
            "id",
            "year",
            "level",
            "template",
            "department",
            "department_name",
            "issuer",
            "issuer_name",
            "holder",
            "holder_name",
            "title",
            "body",
            "sign_by",
            "status",
        ]
        read_only_fields = fields


class LetterIssueSerializer(serializers.Serializer):
    template = serializers.PrimaryKeyRelatedField(queryset=LetterTemplate.objects.filter(is_active=True))
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    sign_by = serializers.DateField()


class LetterSignSerializer(serializers.Serializer):
    scan = serializers.FileField(required=False, allow_null=True, default=None)


class LetterViewSet(ReadOnlyViewSet):
    """Letters everyone may see of their own; `issue` (bulk, idempotent), `sign` by a party."""

    serializer_class = LetterSerializer
    policies = {
        "read": policies.can_read_letters,
        "issue": policies.can_issue_letters,
        "sign": policies.can_sign_letter,
    }
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser, parsers.FormParser]

    selector = selectors.letter_list
    list_filters = True

    @extend_schema(request=LetterIssueSerializer, responses={201: dict})
    @action(detail=False, methods=["post"])
    def issue(self, request):
        issued = services.letters_issue(user=request.user, **validated(LetterIssueSerializer, request))
        return Response(issued, status=status.HTTP_201_CREATED)

    sign = ServiceAction(
        services.letter_sign, "letter", body=LetterSignSerializer, reply=LetterSerializer, answer="fresh"
    )

    @extend_schema(parameters=[OpenApiParameter("year", int)], responses={200: dict})
    @action(detail=False, methods=["get"])
    def progress(self, request):
        return Response(selectors.signing_progress(user=request.user, year=_year(request)))
