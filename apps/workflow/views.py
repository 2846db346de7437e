from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.core.selectors import attachment_list, history_entries
from apps.core.services import fields_as_keywords
from apps.core.text import names_prefetch
from apps.core.views import PAGE_SIZE, RecordPage, edit_page, list_page
from apps.org.permissions import policy_required
from apps.org.policy import department_choices
from apps.workflow import hooks, policies, selectors, services
from apps.workflow.forms import ReopenForm, SignOffForm, SubmitForm, TaskForm
from apps.workflow.models import SignOffDecision, Task, TaskPriority, TaskStatus


def _task_or_404(request, pk: int) -> Task:
    try:
        return selectors.task_get(user=request.user, pk=pk)
    except Task.DoesNotExist:
        raise Http404 from None


@login_required
def inbox(request):
    boxes = selectors.inbox(user=request.user)
    to_do = list(boxes["to_do"][:100])
    to_sign = list(boxes["to_sign"][:100])
    notifications = list(selectors.notification_list(user=request.user)[:5])
    names_prefetch(n.message for n in notifications)
    return render(request, "workflow/inbox.html", {"to_do": to_do, "to_sign": to_sign, "notifications": notifications})


@login_required
def task_list(request):
    return list_page(
        request,
        selectors.task_list,
        statuses=TaskStatus.choices,
        priorities=TaskPriority.choices,
        can_create=policies.can_create_task(request.user),
    )


@login_required
def task_detail(request, pk: int):
    task = _task_or_404(request, pk)
    return render(request, "workflow/task_detail.html", _detail_context(request, task))


def _detail_context(request, task: Task, **forms) -> dict:
    owned = hooks.is_owned(task)
    source_url = getattr(task.source, "get_absolute_url", None) if task.source_type_id else None
    return {
        "task": task,
        "signoffs": task.signoffs.select_related("signer"),
        "attachments": attachment_list(owner=task),
        "history": history_entries(task),
        "source_url": source_url() if source_url else "",
        "owned": owned,
        "actions": policies.task_actions(request.user, task),
        "submit_form": forms.get("submit_form") or SubmitForm(),
        "signoff_form": forms.get("signoff_form") or SignOffForm(initial={"decision": SignOffDecision.APPROVE}),
        "reopen_form": forms.get("reopen_form") or ReopenForm(),
    }


@policy_required(policies.can_create_task)
def task_create(request):
    return edit_page(
        request,
        TaskForm(request.POST or None, departments=department_choices(request.user)),
        fields_as_keywords(services.task_create),
        _("Task created."),
        title=_("New task"),
        cancel_url=reverse("workflow:task_list"),
        done=_task_url,
    )


@login_required
def task_edit(request, pk: int):
    task = _task_or_404(request, pk)
    allowed = policies.can_edit_task(request.user, task)
    if not allowed:  # a person who sees the task but may not edit it: why, on the task's page
        messages.error(request, allowed.reason)
        return redirect("workflow:task_detail", pk=task.pk)
    return edit_page(
        request,
        TaskForm(request.POST or None, instance=task),
        functools.partial(services.task_update, task=task),
        back=_task_url(task),
    )


def _task_url(task: Task) -> str:
    return reverse("workflow:task_detail", args=[task.pk])


def _refused(request, pk: int, status: int, **forms):
    """The task's page again after a refused state change, with what was typed."""
    messages.error(request, _("The action could not be done; see the form below."))
    context = _detail_context(request, _task_or_404(request, pk), **forms)
    return render(request, "workflow/task_detail.html", context, status=status)


# The state changes of the task's page, one form each.
transitions = RecordPage(get=_task_or_404, page=_refused, record="task", done="workflow:task_detail", guard_first=True)
task_submit = transitions.form(
    login_required, SubmitForm, "submit_form", services.task_submit, gettext_lazy("Submitted for sign-off.")
)
task_sign_off = transitions.form(
    login_required, SignOffForm, "signoff_form", services.task_sign_off, gettext_lazy("Decision recorded.")
)
task_reopen = transitions.form(
    login_required, ReopenForm, "reopen_form", services.task_reopen, gettext_lazy("Task reopened.")
)


@login_required
def task_attachment(request, pk: int, attachment_pk: int):
    task = _task_or_404(request, pk)
    attachment = get_object_or_404(attachment_list(owner=task), pk=attachment_pk)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=not attachment.is_image, filename=attachment.original_name
    )


@login_required
def notification_list(request):
    page = Paginator(selectors.notification_list(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    names_prefetch(n.message for n in page)
    return render(request, "workflow/notification_list.html", {"page": page})


@login_required
@require_POST
def notification_read(request, pk: int | None = None):
    services.notification_mark_read(user=request.user, notification_ids=[pk] if pk else None)
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("workflow:notification_list")
