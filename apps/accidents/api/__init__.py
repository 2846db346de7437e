"""The accidents REST API, by subject: reports (with the reporting clock), casualties,
investigation and closing, case education, man-hours and statistics."""

from apps.accidents.api.casualties import CasualtyUpdateSerializer, PersonSerializer
from apps.accidents.api.investigation import (
    AccidentMeasureCreateSerializer,
    AccidentMeasureSerializer,
    InvestigationSerializer,
)
from apps.accidents.api.lessons import LessonSerializer, LessonViewSet
from apps.accidents.api.reports import (
    AccidentDetailSerializer,
    AccidentSerializer,
    AccidentTypeSerializer,
    AccidentTypeViewSet,
    AccidentViewSet,
    PhotosSerializer,
    ReportTimesSerializer,
)
from apps.accidents.api.statistics import ManHoursSerializer, ManHoursViewSet, StatisticsViewSet

__all__ = [
    "AccidentDetailSerializer",
    "AccidentMeasureCreateSerializer",
    "AccidentMeasureSerializer",
    "AccidentSerializer",
    "AccidentTypeSerializer",
    "AccidentTypeViewSet",
    "AccidentViewSet",
    "CasualtyUpdateSerializer",
    "InvestigationSerializer",
    "LessonSerializer",
    "LessonViewSet",
    "ManHoursSerializer",
    "ManHoursViewSet",
    "PersonSerializer",
    "PhotosSerializer",
    "ReportTimesSerializer",
    "StatisticsViewSet",
]
