from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.workflow import selectors


def _person(user) -> str:
    return user.get_full_name() or user.username if user else ""


@exports.register
class TaskExporter(exports.TableExporter):
    kind = "workflow.tasks"
    title = _("Tasks")
    columns = [
        exports.Column(_("Title"), "title", show=str),
        exports.Column(_("Department"), "department__name"),
        exports.Column(_("Assignee"), "assignee", show=_person),
        exports.Column(_("Due date"), "due_date"),
        exports.Column(_("Priority"), show=lambda task: task.get_priority_display()),
        exports.Column(_("Status"), show=lambda task: task.get_status_display()),
        exports.Column(_("Overdue"), "is_overdue", show=exports.yes_no),
        exports.Column(_("Created at"), "created_at"),
        exports.Column(_("Signed off at"), "closed_at"),
    ]
    selector = selectors.task_list
