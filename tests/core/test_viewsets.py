"""The shared viewset pieces: rows from a declared selector, endpoints declared as service
actions, the `save` policy and the field lists taken from the services."""

import pytest
from rest_framework import serializers, status, viewsets
from rest_framework.test import APIRequestFactory, force_authenticate

from apps.core.viewsets import SelectorMixin, ServiceAction, fields_with
from apps.org.permissions import PolicyPermission


def test_fields_with_puts_each_name_beside_its_field():
    listed = fields_with(("course", "department", "level"), course="course_name", level=("a", "b"))
    assert listed == ["course", "course_name", "department", "level", "a", "b"]


class _View(SelectorMixin):
    def __init__(self, action, query=""):
        self.action = action
        self.request = APIRequestFactory().get(f"/?{query}")
        self.request.user = "someone"
        self.request.query_params = self.request.GET


def test_the_selector_gets_the_user_and_on_the_list_the_query_string():
    calls = []

    def scoped(*, user, filters=None):
        calls.append((user, filters))
        return "rows"

    def unscoped(*, filters=None):
        calls.append(("nobody", filters))
        return "all rows"

    class View(_View):
        selector = scoped
        list_filters = True
        detail_filters = {"active": "all"}

    assert View("list", "q=pump").get_queryset() == "rows"
    assert View("retrieve").get_queryset() == "rows"
    View.selector = unscoped
    View.list_filters = False
    assert View("list", "q=pump").get_queryset() == "all rows"
    assert calls == [("someone", {"q": "pump"}), ("someone", {"active": "all"}), ("nobody", None)]


def test_save_stands_for_create_and_update_unless_they_are_named():
    def edit(user, obj=None):
        return True

    def make(user, obj=None):
        return True

    view = type("View", (), {"policies": {"save": edit, "create": make}})()
    for action, check in [("create", make), ("update", edit), ("partial_update", edit), ("destroy", None)]:
        view.action = action
        found = PolicyPermission.check_for(view, "POST")
        assert found is check or (check is None and found.__name__ == "is_safety_manager")


class _Body(serializers.Serializer):
    note = serializers.CharField()


class _Reply(serializers.Serializer):
    note = serializers.CharField()


class _Record:
    pk = 7
    note = "as it was"


class _ActionView(viewsets.GenericViewSet):
    authentication_classes = []
    permission_classes = []

    def get_object(self):
        return _Record()

    submit = ServiceAction(
        lambda *, record, user, note: type("Result", (), {"note": f"{note} by {user}"})(),
        "record",
        body=_Body,
        reply=_Reply,
        created=True,
        doc="Submit the record.",
    )
    keep = ServiceAction(lambda *, record, user: None, "record", reply=_Reply, answer="record")


def _post(name, data):
    view = _ActionView.as_view({"post": name})
    request = APIRequestFactory().post("/", data, format="json")
    force_authenticate(request, user="someone")
    return view(request, pk=7)


def test_a_service_action_validates_calls_and_answers():
    response = _post("submit", {"note": "done"})
    assert response.status_code == status.HTTP_201_CREATED
    assert response.data == {"note": "done by someone"}
    assert _ActionView.submit.__doc__ == "Submit the record."
    assert _ActionView.submit.mapping == {"post": "submit"} and _ActionView.submit.detail


@pytest.mark.parametrize("data", [{}, {"note": ""}])
def test_a_service_action_refuses_an_invalid_body(data):
    assert _post("submit", data).status_code == status.HTTP_400_BAD_REQUEST


def test_a_service_action_may_answer_with_the_record():
    response = _post("keep", {})
    assert response.status_code == status.HTTP_200_OK
    assert response.data == {"note": "as it was"}
