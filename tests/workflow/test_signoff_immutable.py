"""No one, superuser included, can change or delete a SignOff through UI, API or admin."""

import os

import pytest
from django.test import Client

from apps.workflow import services
from apps.workflow.models import SignOff
from tests.org.factories import UserFactory
from tests.workflow.factories import make_task


@pytest.fixture
def signoff(world):
    task = make_task(department=world.dept_a, user=world.safety_manager, assignee=world.employee_a)
    services.task_submit(task=task, user=world.employee_a, note="x")
    return services.task_sign_off(task=task, user=world.head_a, decision="approve", comment="好")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def test_the_model_refuses_changes_and_deletion(signoff):
    signoff.comment = "改过"
    with pytest.raises(TypeError, match="never changed"):
        signoff.save()
    with pytest.raises(TypeError, match="never deleted"):
        signoff.delete()
    with pytest.raises(TypeError, match="never changed"):
        SignOff.objects.filter(pk=signoff.pk).update(comment="改过")
    with pytest.raises(TypeError, match="never deleted"):
        SignOff.objects.filter(pk=signoff.pk).delete()
    assert SignOff.objects.get(pk=signoff.pk).comment == "好"


def test_the_admin_shows_it_read_only_even_to_a_superuser(signoff, superuser):
    client = Client()
    client.force_login(superuser)
    change_url = f"/admin/workflow/signoff/{signoff.pk}/change/"
    page = client.get(change_url)
    assert page.status_code == 200
    assert b'name="comment"' not in page.content
    assert client.post(change_url, {"comment": "改过", "decision": "reject"}).status_code == 403
    assert client.get(f"/admin/workflow/signoff/{signoff.pk}/delete/").status_code == 403
    assert client.post(f"/admin/workflow/signoff/{signoff.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/workflow/signoff/add/").status_code == 403
    bulk = client.post(
        "/admin/workflow/signoff/", {"action": "delete_selected", "_selected_action": [signoff.pk], "post": "yes"}
    )
    # Without the delete permission the admin offers no action: the list is shown again.
    assert bulk.status_code == 200
    assert SignOff.objects.filter(pk=signoff.pk, comment="好").exists()


def test_the_task_admin_cannot_delete_the_task_or_edit_its_signoffs(signoff, superuser):
    client = Client()
    client.force_login(superuser)
    assert client.get(f"/admin/workflow/task/{signoff.task_id}/delete/").status_code == 403
    page = client.get(f"/admin/workflow/task/{signoff.task_id}/change/")
    assert page.status_code == 200
    assert b"signoffs-0-comment" not in page.content


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_the_api_has_no_way_to_change_or_delete_it(signoff, superuser, method):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(superuser)
    url = f"/api/v1/signoffs/{signoff.pk}/"
    assert client.get(url).status_code == 200
    response = getattr(client, method)(url, {"comment": "改过"}, format="json")
    assert response.status_code == 405
    assert client.post("/api/v1/signoffs/", {"task": signoff.task_id}, format="json").status_code == 405
    assert SignOff.objects.get(pk=signoff.pk).comment == "好"


@pytest.mark.skipif(
    "postgres" not in os.environ.get("DATABASE_URL", ""),
    reason="the trigger exists on PostgreSQL (CI); SQLite relies on the model and queryset guards",
)
def test_on_postgresql_the_database_refuses_raw_sql_changes(signoff):
    from django.db import DatabaseError, connection, transaction

    for sql in (
        "UPDATE workflow_signoff SET comment = 'raw' WHERE id = %s",
        "DELETE FROM workflow_signoff WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="A sign-off is never changed or deleted"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [signoff.pk])
    assert SignOff.objects.get(pk=signoff.pk).comment == "好"


def test_a_reused_primary_key_cannot_overwrite_a_decision(signoff):
    from django.db import IntegrityError, transaction

    forged = SignOff(pk=signoff.pk, task=signoff.task, signer=signoff.signer, decision="reject")
    # The primary key's uniqueness, in SQLite's words or PostgreSQL's.
    with pytest.raises(IntegrityError, match="UNIQUE constraint failed|duplicate key value"), transaction.atomic():
        forged.save()
    with pytest.raises(TypeError, match="never changed"):
        SignOff._base_manager.filter(pk=signoff.pk).update(decision="reject")
    assert SignOff.objects.get(pk=signoff.pk).decision == "approve"


def test_the_database_refuses_raw_updates(signoff):
    from django.db import DatabaseError, connection, transaction

    with (
        pytest.raises(DatabaseError, match="A sign-off is never changed"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE workflow_signoff SET comment = 'raw' WHERE id = %s", [signoff.pk])
    assert SignOff.objects.get(pk=signoff.pk).comment == "好"
