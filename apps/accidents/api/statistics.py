"""Man-hours per department and month, and the safety statistics with their rates."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from apps.accidents import policies, selectors, services
from apps.accidents.models import ManHours
from apps.core.viewsets import ListCreateViewSet, fields_as_keywords


class ManHoursSerializer(serializers.ModelSerializer):
    class Meta:
        model = ManHours
        fields = ["id", "department", "month", "hours", "headcount"]


class ManHoursViewSet(ListCreateViewSet):
    """Monthly hours worked per department; posting a month again replaces it."""

    serializer_class = ManHoursSerializer
    policies = {"read": policies.can_read_accidents, "create": policies.can_record_man_hours}
    filterset_fields = ["department"]

    def get_queryset(self):
        return selectors.man_hours_list(user=self.request.user, filters=self.request.query_params.dict())

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        if hasattr(serializer, "validators"):
            serializer.validators = []  # a repeated month replaces the old figures
        return serializer

    create_service = fields_as_keywords(services.man_hours_save)


def _period(p) -> dict:
    return {
        "label": p.label,
        "accidents": p.accidents,
        "near_misses": p.near_misses,
        "deaths": p.deaths,
        "serious_injuries": p.serious,
        "minor_injuries": p.minor,
        "lost_time_injuries": p.lost_time,
        "lost_workdays": p.lost_workdays,
        "direct_loss": p.direct_loss,
        "hours": p.hours,
        "staff": p.staff,
        "trir": p.trir,
        "ltifr": p.ltifr,
        "deaths_per_1000_staff": p.deaths_per_thousand,
        "serious_injuries_per_1000_staff": p.serious_per_thousand,
    }


class StatisticsViewSet(viewsets.ViewSet):
    """Safety statistics of a year: by month and in total, by type, grade and department.
    TRIR per 200,000 and LTIFR per 1,000,000 hours worked."""

    policies = {"list": policies.can_read_accidents}

    @extend_schema(parameters=[OpenApiParameter("year", int)], responses={200: dict})
    def list(self, request):
        year, refused = selectors.statistics_year(request.query_params.get("year"))
        if refused:
            raise serializers.ValidationError({"year": [refused]})
        stats = selectors.statistics(user=request.user, year=year)
        return Response(
            {
                "year": year,
                "months": [_period(p) for p in stats.months],
                "total": _period(stats.total),
                "years": [_period(p) for p in stats.years],
                "by_type": stats.by_type,
                "by_grade": [{"grade": r["grade"], "count": r["count"]} for r in stats.by_grade],
                "by_department": [
                    {k: (float(v) if k == "loss" and v is not None else v) for k, v in r.items()}
                    for r in stats.by_department
                ],
            }
        )
