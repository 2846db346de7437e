"""Shared viewset shapes. Kept apart from apps.core.api, which DRF imports while loading."""

import functools

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from apps.core import selectors, services
from apps.core.models import GeneratedFile, GeneratedFileStatus


def validated(serializer_class, request) -> dict:
    """The request's body checked by a serializer: its validated data, or a 400 naming each
    field."""
    body = serializer_class(data=request.data)
    body.is_valid(raise_exception=True)
    return body.validated_data


def fields_as_keywords(service):
    """A service that takes the validated fields as keywords, for `ServiceMixin`."""

    @functools.wraps(service)
    def call(*, data, **kwargs):
        return service(**kwargs, **data)

    return call


# Create, update and destroy through the app's services, never `serializer.save()`.
#
# A viewset declares the services it writes through (plain functions; class attributes):
#
#     create_service = services.plan_save     # (data=validated_data, user=user)
#     update_service = services.plan_save     # (plan=instance, data=validated_data, user=user)
#     destroy_service = services.plan_delete  # (plan=instance, user=user)
#     instance_name = "plan"                  # the keyword the instance is passed under
#
# `parent_name = "unit"` takes that field out of the data and passes it as its own keyword (on
# update the record's own parent, so a record never moves). A service taking the fields as
# keywords rather than `data=` is declared as `fields_as_keywords(services.task_create)`.
# Where a service wants other arguments (files from the request), override
# `service_arguments`; where the response should show the record re-read (with the selector's
# annotations), override `service_result`. A refusal (ApplicationError, Django's
# ValidationError) becomes a 400 through `core.api.exception_handler`; the response body and
# status are DRF's own, so the OpenAPI schema is the same as for `serializer.save()`.
# (Comments, not a docstring: DRF would show a docstring as every subclass's description in
# the OpenAPI schema.)
class ServiceMixin:
    create_service = None
    update_service = None
    destroy_service = None
    instance_name = ""
    parent_name = ""

    def service_arguments(self, data, instance=None) -> dict:
        """The keywords of the create or update service, besides `user`."""
        kwargs = {}
        if self.parent_name:
            data = dict(data)
            parent = data.pop(self.parent_name, None)
            kwargs[self.parent_name] = parent if instance is None else getattr(instance, self.parent_name)
        if instance is not None:
            kwargs[self.instance_name] = instance
        kwargs["data"] = data
        return kwargs

    def service_result(self, obj):
        """What the response serialises after a create or update."""
        return obj

    def call_service(self, kind: str, **kwargs):
        # Read from the class, so the function is not bound to the viewset as a method.
        service = getattr(type(self), f"{kind}_service")
        if service is None:
            raise ImproperlyConfigured(f"{type(self).__name__} declares no {kind}_service.")
        return service(user=self.request.user, **kwargs)

    def perform_create(self, serializer):
        obj = self.call_service("create", **self.service_arguments(serializer.validated_data))
        serializer.instance = self.service_result(obj)

    def perform_update(self, serializer):
        arguments = self.service_arguments(serializer.validated_data, serializer.instance)
        serializer.instance = self.service_result(self.call_service("update", **arguments))

    def perform_destroy(self, instance):
        self.call_service("destroy", **{self.instance_name: instance})


# Records that are listed, read and created, never changed or deleted through the API (a
# comment, as below).
class ListCreateViewSet(
    ServiceMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    pass


# Records that are listed, read, created and changed, never deleted through the API. (A comment:
# DRF would show a docstring as every subclass's description.)
class ListCreateUpdateViewSet(
    ServiceMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    pass


# Records listed, read, created, changed and deleted, every write through a service.
class ServiceModelViewSet(ServiceMixin, viewsets.ModelViewSet):
    pass


class GeneratedFileSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = GeneratedFile
        fields = [
            "id",
            "kind",
            "title",
            "params",
            "status",
            "progress",
            "error",
            "created_at",
            "finished_at",
            "download_url",
        ]
        read_only_fields = ["title", "status", "progress", "error", "created_at", "finished_at"]

    def get_download_url(self, generated) -> str | None:
        if generated.status != GeneratedFileStatus.DONE:
            return None
        return reverse("core:generated_file_download", args=[generated.pk])


class ExportViewSet(viewsets.ReadOnlyModelViewSet):
    """Exports run in the background: POST a kind and its parameters, then poll the record."""

    queryset = GeneratedFile.objects.none()
    serializer_class = GeneratedFileSerializer
    # Anyone signed in may ask; each exporter's `allowed` (its app's policy) decides the kind.
    # (core sits below org, so the check is spelled out here)
    policies = {"create": lambda user, obj=None: user.is_authenticated}

    def get_queryset(self):
        return selectors.generated_file_list(user=self.request.user)

    @extend_schema(request=GeneratedFileSerializer, responses=GeneratedFileSerializer)
    def create(self, request):
        body = GeneratedFileSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        generated = services.export_start(
            user=request.user, kind=body.validated_data["kind"], params=body.validated_data.get("params")
        )
        return Response(GeneratedFileSerializer(generated).data, status=status.HTTP_202_ACCEPTED)
