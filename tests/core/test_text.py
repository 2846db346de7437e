"""Stored texts (apps/core/text.py): stored once, read in the reader's language."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest
from django.utils import translation
from django.utils.translation import gettext_noop

from apps.core.text import Label, Person, StoredText, dumps, render, stored
from apps.workflow.models import TaskStatus
from tests.org.factories import EmployeeFactory, UserFactory


def in_language(language: str, value) -> str:
    with translation.override(language):
        return render(value)


def test_a_message_with_a_label_reads_in_each_language():
    text = stored(
        gettext_noop("Only a submitted task can be signed off; this one is “%(status)s”."),
        status=Label(TaskStatus, TaskStatus.SIGNED_OFF),
    )
    assert in_language("en", text) == ("Only a submitted task can be signed off; this one is “Signed off”.")
    assert in_language("zh-hans", text) == "只有已提交的任务可以签核；当前任务状态为“已签核”。"


def test_the_stored_form_is_json_with_codes_not_words():
    text = stored(gettext_noop("Task reopened: %(title)s"), title=Label(TaskStatus, TaskStatus.REOPENED))
    raw = json.loads(text.dumps())
    assert raw == {
        "msgid": "Task reopened: %(title)s",
        "params": {"title": {"label": "apps.workflow.models.TaskStatus", "value": "reopened"}},
    }


@pytest.mark.django_db
def test_a_person_reads_by_their_current_name():
    user = UserFactory(username="wang")
    employee = EmployeeFactory(name="王伟", user=user)
    text = stored(gettext_noop("Task handed over to you, as %(name)s left: %(title)s"), name=Person(user), title="巡检")
    assert in_language("zh-hans", text) == "因 王伟 离职，任务交接给您：巡检"
    assert in_language("en", text) == "Task handed over to you, as 王伟 left: 巡检"
    employee.name = "王伟明"
    employee.save()
    assert in_language("en", text) == "Task handed over to you, as 王伟明 left: 巡检"
    # Gone from the records: the name as it was stored.
    employee.user = None
    employee.save()
    user.delete()
    assert in_language("en", text) == "Task handed over to you, as 王伟 left: 巡检"


def test_nested_texts_dates_and_numbers_render_in_the_reader_language():
    title = stored(gettext_noop("Task reopened: %(title)s"), title="巡检")
    text = stored(
        gettext_noop("Overdue by %(days)d day(s): %(title)s (%(department)s)"),
        days=3,
        title=title,
        department="机加工车间",
    )
    assert in_language("en", text) == "Overdue by 3 day(s): Task reopened: 巡检 (机加工车间)"
    assert "任务已重新打开：巡检" in in_language("zh-hans", text)
    due = stored(
        gettext_noop("Due on %(due)s: %(title)s (%(department)s)"), due=dt.date(2026, 3, 31), title="x", department="y"
    )
    assert in_language("en", due) == "Due on 2026-03-31: x (y)"


def test_legacy_plain_strings_render_as_themselves():
    assert in_language("en", "旧的通知") == "旧的通知"
    assert in_language("zh-hans", "An old notification") == "An old notification"
    assert render(None) == ""
    assert render("") == ""


def test_a_typed_string_that_looks_like_a_stored_text_stays_literal():
    typed = '{"msgid": "Signed off"}'
    kept = dumps(typed)
    assert kept != typed
    assert in_language("zh-hans", kept) == typed


def test_a_stored_text_behaves_as_the_text_it_reads():
    text = stored(gettext_noop("Task reopened: %(title)s"), title="巡检")
    with translation.override("en"):
        assert text == "Task reopened: 巡检"
        assert str(text).startswith("Task")
        assert text.startswith("Task")
        assert "巡检" in text
        assert len(text) == len("Task reopened: 巡检")
        assert f"{text}" == "Task reopened: 巡检"
    with translation.override("zh-hans"):
        assert text == "任务已重新打开：巡检"
    copy = pickle.loads(pickle.dumps(text))
    assert isinstance(copy, StoredText) and copy.raw == text.raw
