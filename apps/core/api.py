"""Shared API pieces: pagination and the one exception handler."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from apps.core.exceptions import ApplicationError


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500


def exception_handler(exc, context):
    """Map ApplicationError and Django's ValidationError to a 400 a person can act on."""
    if isinstance(exc, ApplicationError):
        body = {"detail": exc.message}
        if exc.errors:
            body["errors"] = [{"row": e.row, "column": e.column, "message": e.message} for e in exc.errors]
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            body = {field: [str(m) for m in msgs] for field, msgs in exc.message_dict.items()}
            body["detail"] = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in body.items())
        else:
            body = {"detail": " ".join(exc.messages)}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
