from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.selectors import attachment_list, history_entries
from apps.core.text import names_prefetch
from apps.core.views import post_from_page, run_service
from apps.org.permissions import policy_required
from apps.org.policy import department_choices
from apps.org.selectors import department_list
from apps.workflow import hooks, policies, selectors, services
from apps.workflow.forms import ReopenForm, SignOffForm, SubmitForm, TaskForm
from apps.workflow.models import SignOffDecision, Task, TaskPriority, TaskStatus

PAGE_SIZE = 25


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
    filters = request.GET.dict()
    tasks = selectors.task_list(user=request.user, filters=filters)
    page = Paginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "workflow/task_list.html",
        {
            "page": page,
            "filters": filters,
            "statuses": TaskStatus.choices,
            "priorities": TaskPriority.choices,
            "departments": department_list(user=request.user),
            "can_create": policies.can_create_task(request.user),
        },
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
    form = TaskForm(request.POST or None, departments=department_choices(request.user))
    if request.method == "POST" and form.is_valid():
        task = run_service(
            request, form, lambda: services.task_create(user=request.user, **form.cleaned_data), _("Task created.")
        )
        if task is not None:
            return redirect("workflow:task_detail", pk=task.pk)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("New task"), "cancel_url": reverse("workflow:task_list")},
    )


@login_required
def task_edit(request, pk: int):
    task = _task_or_404(request, pk)
    allowed = policies.can_edit_task(request.user, task)
    if not allowed:  # a person who sees the task but may not edit it: why, on the task's page
        messages.error(request, allowed.reason)
        return redirect("workflow:task_detail", pk=task.pk)
    form = TaskForm(request.POST or None, instance=task)
    if request.method == "POST" and form.is_valid():
        run_service(
            request,
            form,
            lambda: services.task_update(task=task, data=form.cleaned_data, user=request.user),
            _("Task saved."),
        )
        if not form.errors:
            return redirect("workflow:task_detail", pk=task.pk)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Edit task"), "cancel_url": reverse("workflow:task_detail", args=[task.pk])},
    )


def _transition(request, task: Task, form, action, success: str, form_name: str):
    """Run one state change; on a refusal re-show the page with what was typed."""

    def page(form):
        messages.error(request, _("The action could not be done; see the form below."))
        task.refresh_from_db()
        context = _detail_context(request, task, **{form_name: form})
        return render(request, "workflow/task_detail.html", context, status=400)

    done = reverse("workflow:task_detail", args=[task.pk])
    return post_from_page(request, form, action, success, done=done, page=page)


@login_required
@require_POST
def task_submit(request, pk: int):
    task = _task_or_404(request, pk)
    form = SubmitForm(request.POST, request.FILES)
    return _transition(
        request,
        task,
        form,
        lambda d: services.task_submit(task=task, user=request.user, note=d["note"], files=d["files"]),
        _("Submitted for sign-off."),
        "submit_form",
    )


@login_required
@require_POST
def task_sign_off(request, pk: int):
    task = _task_or_404(request, pk)
    form = SignOffForm(request.POST)
    return _transition(
        request,
        task,
        form,
        lambda d: services.task_sign_off(task=task, user=request.user, decision=d["decision"], comment=d["comment"]),
        _("Decision recorded."),
        "signoff_form",
    )


@login_required
@require_POST
def task_reopen(request, pk: int):
    task = _task_or_404(request, pk)
    form = ReopenForm(request.POST)
    return _transition(
        request,
        task,
        form,
        lambda d: services.task_reopen(task=task, user=request.user, reason=d["reason"]),
        _("Task reopened."),
        "reopen_form",
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
