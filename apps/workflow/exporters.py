from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from apps.core import exports
from apps.workflow import selectors


@exports.register
class TaskExporter(exports.Exporter):
    kind = "workflow.tasks"
    title = _("Tasks")

    def queryset(self):
        return selectors.task_list(user=self.user, filters=self.params)

    def count(self) -> int:
        return self.queryset().count()

    def header(self):
        return [
            _("Title"),
            _("Department"),
            _("Assignee"),
            _("Due date"),
            _("Priority"),
            _("Status"),
            _("Overdue"),
            _("Created at"),
            _("Signed off at"),
        ]

    def rows(self) -> Iterator[list]:
        for task in self.queryset().iterator(chunk_size=2000):
            yield [
                str(task.title),
                task.department.name,
                task.assignee.get_full_name() or task.assignee.username if task.assignee else "",
                task.due_date,
                task.get_priority_display(),
                task.get_status_display(),
                str(_("Yes") if task.is_overdue else _("No")),
                task.created_at,
                task.closed_at,
            ]
