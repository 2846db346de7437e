"""The one way a form view calls a service (core.views.run_service) and renders its page."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import HttpResponse
from django.test import RequestFactory
from rest_framework import mixins

from apps.core.exceptions import ApplicationError
from apps.core.views import form_page, post_from_page, run_action, run_service
from apps.core.viewsets import ServiceMixin, fields_as_keywords


class NameForm(forms.Form):
    name = forms.CharField()


def _request(user=None):
    request = RequestFactory().post("/", {"name": "x"})
    request.session = {}
    request._messages = FallbackStorage(request)
    if user is not None:
        request.user = user
    return request


def _raise(exc):
    def action():
        raise exc

    return action


def _bound():
    form = NameForm({"name": "x"})
    assert form.is_valid()
    return form


def test_success_returns_the_result_and_says_so():
    request, form = _request(), _bound()
    assert run_service(request, form, lambda: 42, "Done.") == 42
    assert [str(m) for m in request._messages] == ["Done."]
    assert not form.errors


@pytest.mark.parametrize(
    "exc, field, text",
    [
        (ApplicationError("Refused."), "__all__", "Refused."),
        (ValidationError({"name": "Taken."}), "name", "Taken."),
        (ValidationError({"elsewhere": "Not here."}), "__all__", "Not here."),
        (ValidationError("Plain."), "__all__", "Plain."),
    ],
)
def test_a_refusal_is_shown_on_the_form(exc, field, text):
    request, form = _request(), _bound()
    assert run_service(request, form, _raise(exc), "Done.") is None
    assert text in form.errors[field]
    assert list(request._messages) == []


def test_permission_denied_is_a_403_unless_asked_to_show_it():
    form = _bound()
    with pytest.raises(PermissionDenied, match="Only the leader"):
        run_service(_request(), form, _raise(PermissionDenied("Only the leader")), "Done.")
    assert run_service(_request(), form, _raise(PermissionDenied("Only the leader")), "", denied_on_form=True) is None
    assert form.errors["__all__"] == ["Only the leader"]


@pytest.mark.django_db
def test_form_page_renders_the_shared_template(world):
    request = _request(world.safety_manager)
    response = form_page(request, NameForm(), title="A title", cancel_url="/back/", multipart=True, status=400)
    body = response.content.decode()
    assert response.status_code == 400
    assert "A title" in body and 'href="/back/"' in body and "multipart/form-data" in body


def _writes(viewset):
    """The writes a registered viewset offers that reach `perform_*`."""
    mixin_for = {
        "create": mixins.CreateModelMixin,
        "update": mixins.UpdateModelMixin,
        "destroy": mixins.DestroyModelMixin,
    }
    method = {"create": "create", "update": "update", "destroy": "destroy"}
    return [
        kind
        for kind, mixin in mixin_for.items()
        if issubclass(viewset, mixin) and getattr(viewset, method[kind]) is getattr(mixin, method[kind])
    ]


def test_every_api_write_goes_through_a_declared_service():
    """No viewset saves a serializer itself: each write it offers names its service."""
    from config.api import router

    missing = []
    for _prefix, viewset, _basename in router.registry:
        for kind in _writes(viewset):
            if not issubclass(viewset, ServiceMixin):
                missing.append(f"{viewset.__name__}: not a ServiceMixin ({kind})")
            elif getattr(viewset, f"{kind}_service") is None:
                missing.append(f"{viewset.__name__}.{kind}_service")
    assert missing == []


def test_the_service_mixin_passes_the_instance_parent_and_user():
    calls = []

    def save(**kwargs):
        calls.append(kwargs)
        return "saved"

    class Parent:
        unit = "unit of the record"

    class Viewset(ServiceMixin):
        create_service = update_service = save
        instance_name = "item"
        parent_name = "unit"

    view = Viewset()
    view.request = type("Request", (), {"user": "someone"})()
    serializer = type("Serializer", (), {"validated_data": {"unit": "new", "qty": 2}})()
    view.perform_create(serializer)
    serializer.instance = Parent()
    view.perform_update(serializer)
    assert calls == [
        {"user": "someone", "unit": "new", "data": {"qty": 2}},
        {"user": "someone", "unit": "unit of the record", "item": calls[1]["item"], "data": {"qty": 2}},
    ]
    assert isinstance(calls[1]["item"], Parent)
    with pytest.raises(ImproperlyConfigured, match="declares no destroy_service"):
        view.perform_destroy(Parent())


def test_fields_as_keywords_spreads_the_data():
    spread = fields_as_keywords(lambda **kwargs: kwargs)
    assert spread(data={"a": 1}, user="u") == {"a": 1, "user": "u"}


def _button_post(rf, user):

    request = rf.post("/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


@pytest.mark.parametrize(
    "error",
    [
        PermissionDenied("Only the head of 机加工车间 may sign."),
        ApplicationError("Only the head of 机加工车间 may sign."),
        ValidationError("Only the head of 机加工车间 may sign."),
    ],
)
def test_run_action_shows_any_refusal_as_an_error_and_redirects(rf, error):

    def refuse():
        raise error

    request = _button_post(rf, AnonymousUser())
    response = run_action(request, refuse, "done", redirect_to="/back/")
    assert response.status_code == 302 and response.url == "/back/"
    assert [(m.level_tag, m.message) for m in get_messages(request)] == [
        ("error", "Only the head of 机加工车间 may sign.")
    ]


def test_run_action_returns_the_result_and_says_so(rf):

    request = _button_post(rf, AnonymousUser())
    assert run_action(request, lambda: 42, "Signed.") == 42
    assert [m.message for m in get_messages(request)] == ["Signed."]


class _Note(forms.Form):
    note = forms.CharField()


def _page(form):
    return HttpResponse(f"page again: {form.errors.as_text()}", status=400)


def test_post_from_page_redirects_even_when_the_service_returns_nothing(rf):
    """A service that returns None was once taken for a refusal (the page came back as 400)."""
    request = _button_post(rf, AnonymousUser())
    form = _Note({"note": "复查合格"})
    response = post_from_page(request, form, lambda data: None, "Saved.", done="/record/7/", page=_page)
    assert response.status_code == 302 and response.url == "/record/7/"
    assert [m.message for m in get_messages(request)] == ["Saved."]


@pytest.mark.parametrize(
    "data, action, shown",
    [
        ({}, lambda data: 1, "note"),  # invalid: the service is not called
        ({"note": "x"}, "refuse", "Too short."),
    ],
)
def test_post_from_page_shows_the_page_again_with_why(rf, data, action, shown):
    if action == "refuse":

        def action(data):
            raise ValidationError({"note": "Too short."})

    request = _button_post(rf, AnonymousUser())
    response = post_from_page(request, _Note(data), action, "Saved.", done="/record/7/", page=_page)
    assert response.status_code == 400
    assert shown in response.content.decode()
    assert list(get_messages(request)) == []


def test_post_from_page_hands_the_result_to_done(rf):
    request = _button_post(rf, AnonymousUser())
    response = post_from_page(
        request, _Note({"note": "x"}), lambda data: 41, "", done=lambda r: f"/n/{r + 1}/", page=_page
    )
    assert response.url == "/n/42/"


def test_a_refusal_without_words_still_says_something(rf, english):
    request = _button_post(rf, AnonymousUser())

    def refuse():
        raise PermissionDenied

    run_action(request, refuse, "done")
    assert [m.message for m in get_messages(request)] == ["You may not do this."]
