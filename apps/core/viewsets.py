"""Shared viewset shapes. Kept apart from apps.core.api, which DRF imports while loading."""

import inspect

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from apps.core import selectors, services
from apps.core.models import GeneratedFile, GeneratedFileStatus
from apps.core.services import fields_as_keywords  # noqa: F401  (the viewsets' name for it)


def validated(serializer_class, request, instance=None, *, partial: bool = False) -> dict:
    """The request's body checked by a serializer (against `instance` when it changes one, with
    `partial` for a PATCH): its validated data, or a 400 naming each field."""
    body = serializer_class(instance, data=request.data, partial=partial)
    body.is_valid(raise_exception=True)
    return body.validated_data


def fields_with(fields, **beside) -> list[str]:
    """A service's `*_FIELDS` as a serializer lists them, each shown field right after the one it
    is about: `fields_with(SESSION_FIELDS, course="course_name")` puts `course_name` after
    `course`; a tuple puts several."""
    listed = []
    for name in fields:
        extra = beside.get(name, ())
        listed += [name, *((extra,) if isinstance(extra, str) else extra)]
    return listed


# Rows come from the app's selector, never from a queryset of the viewset's own:
#
#     selector = selectors.plan_list  # called with `user=` (the person asking) when it takes one
#     list_filters = True             # the list passes the query string as `filters=` ...
#     detail_filters = {"active": "all"}  # ... and a record's own URL these (default None)
#
# A viewset whose rows need more than that overrides `get_queryset`. The router and the schema
# still want the model: a viewset that states no `queryset` gets `Model.objects.none()` of its
# `serializer_class`'s model; one without a serializer_class, or whose rows are a queryset of
# its own, states it. (Comments, not a docstring, as below.)
class SelectorMixin:
    selector = None
    list_filters = False
    detail_filters = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        model = getattr(getattr(cls.__dict__.get("serializer_class"), "Meta", None), "model", None)
        if "queryset" not in cls.__dict__ and model is not None:
            cls.queryset = model.objects.none()

    def get_queryset(self):
        # Read from the class, so the function is not bound to the viewset as a method.
        selector = type(self).selector
        if selector is None:
            return super().get_queryset()
        kwargs = {}
        if "user" in inspect.signature(selector).parameters:
            kwargs["user"] = self.request.user
        if self.list_filters:
            kwargs["filters"] = self.request.query_params.dict() if self.action == "list" else self.detail_filters
        return selector(**kwargs)


class ServiceAction:
    """An endpoint that hands a request's body to a service, declared in one line of the
    viewset and built into the method under the attribute's name:

        check = ServiceAction(services.device_check, "device", body=DeviceCheckSerializer,
                              reply=DeviceSerializer, doc="A calibration or test was done.")

    With an instance keyword it is a detail action: the record is found (404 out of scope, then
    the policy of the action's name) and passed under that keyword; without, a list action, or
    the viewset's own POST when named `create`. The body is validated by `body` (none:
    `request=None`) and the service called as `service(user=..., **fields)`, or with
    `data=fields` under `as_data`. The response is `reply` of what the service returns, or with
    `answer="record"` of the record itself, with `answer="fresh"` of the record (or the one
    created) read again through `get_queryset` (with the selector's annotations); `created`
    answers 201. Other keywords go to `@action` (`url_path`)."""

    def __init__(
        self,
        service,
        instance="",
        *,
        reply,
        body=None,
        as_data=False,
        answer="result",
        created=False,
        doc="",
        **options,
    ):
        self.service, self.instance, self.body, self.reply = service, instance, body, reply
        self.as_data, self.answer, self.created, self.doc = as_data, answer, created, doc
        self.options = {"methods": ["post"], **options}

    def __set_name__(self, owner, name):
        setattr(owner, name, self.build(name))

    def build(self, name):
        spec = self
        answer_status = status.HTTP_201_CREATED if spec.created else status.HTTP_200_OK

        def method(self, request, pk=None):
            kwargs = {"user": request.user}
            if spec.instance:
                record = kwargs[spec.instance] = self.get_object()
            if spec.body is not None:
                fields = validated(spec.body, request)
                kwargs.update({"data": fields} if spec.as_data else fields)
            result = spec.service(**kwargs)
            if spec.answer == "fresh":
                result = self.get_queryset().get(pk=(record if spec.instance else result).pk)
            elif spec.answer == "record":
                result = record
            return Response(spec.reply(result).data, status=answer_status)

        method.__name__ = method.__qualname__ = name
        method.__doc__ = spec.doc or None
        if name != "create":
            method = action(detail=bool(spec.instance), **spec.options)(method)
        return extend_schema(request=spec.body, responses=spec.reply)(method)


# Create, update and destroy through the app's services, never `serializer.save()`.
#
# A viewset declares the services it writes through (plain functions; class attributes):
#
#     create_service = services.plan_create   # (data=validated_data, user=user)
#     update_service = services.plan_update   # (plan=instance, data=validated_data, user=user)
#     destroy_service = services.plan_delete  # (plan=instance, user=user)
#     instance_name = "plan"                  # the keyword the instance is passed under
#
# One service that creates and changes is named once: `create_service = update_service =
# services.plan_save` (with the policy `"save"`, apps.org.permissions).
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
    SelectorMixin,
    ServiceMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    pass


# Records that are listed, read, created and changed, never deleted through the API. (A comment:
# DRF would show a docstring as every subclass's description.)
class ListCreateUpdateViewSet(
    SelectorMixin,
    ServiceMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    pass


# Records listed and read only, from the selector.
class ReadOnlyViewSet(SelectorMixin, viewsets.ReadOnlyModelViewSet):
    pass


# Records listed, read, created, changed and deleted, every write through a service.
class ServiceModelViewSet(SelectorMixin, ServiceMixin, viewsets.ModelViewSet):
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
