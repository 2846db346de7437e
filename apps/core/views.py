from __future__ import annotations

import functools
import sys

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from apps.core import navigation, selectors, services
from apps.core.exceptions import ApplicationError
from apps.core.forms import add_errors
from apps.core.models import GeneratedFileStatus

PAGE_SIZE = 25  # rows on a page of a list, unless the list says otherwise


@login_required
def coming_soon(request, key: str):
    """A page of the menu whose module is not built yet says so plainly."""
    if key.isdigit() and int(key) in navigation.ELEMENTS:
        number = int(key)
        label, about = navigation.ELEMENTS[number]
    elif key in navigation.PLANNED_PAGES:
        number = None
        label, about = navigation.PLANNED_PAGES[key]
    else:
        raise Http404
    return render(request, "core/coming_soon.html", {"number": number, "label": label, "about": about})


@login_required
def generated_file_list(request):
    files = selectors.generated_file_list(user=request.user)[:100]
    return render(request, "core/generated_file_list.html", {"files": files})


@login_required
@require_GET
def generated_file_status(request, pk: int):
    """Polled by htmx while an export runs; returns the status fragment."""
    generated = get_object_or_404(selectors.generated_file_list(user=request.user), pk=pk)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"status": generated.status, "progress": generated.progress, "error": generated.error})
    return render(request, "core/_generated_file.html", {"file": generated})


@login_required
def generated_file_download(request, pk: int):
    generated = get_object_or_404(selectors.generated_file_list(user=request.user), pk=pk)
    if generated.status != GeneratedFileStatus.DONE or not generated.file:
        raise Http404
    return FileResponse(generated.file.open("rb"), as_attachment=True, filename=generated.file.name.rsplit("/", 1)[-1])


@login_required
@require_POST
def export_start(request, kind: str):
    """Queue an export; the page then polls its status until the file is ready."""
    params = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken" and v}
    try:
        generated = services.export_start(user=request.user, kind=kind, params=params)
    except (ApplicationError, PermissionDenied) as exc:
        message = refusal_text(exc)
        if request.htmx:
            return render(request, "core/_error.html", {"message": message}, status=400)
        messages.error(request, message)
        referer = request.headers.get("Referer", "")
        if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
            return redirect(referer)
        return redirect("core:generated_file_list")
    generated.refresh_from_db()
    if request.htmx:
        return render(request, "core/_generated_file.html", {"file": generated})
    messages.success(request, _("Export “%(title)s” started.") % {"title": generated.title})
    return redirect("core:generated_file_list")


def refusal_text(exc) -> str:
    """What a refusal says to the person, never empty: a ValidationError's messages (the
    services word them to name what is wrong), an ApplicationError's or a policy's reason."""
    text = " ".join(exc.messages) if isinstance(exc, ValidationError) else getattr(exc, "message", None) or str(exc)
    return text or str(_("You may not do this."))


def run_service(request, form, action, success: str, *, denied_on_form: bool = False):
    """Call a service for a bound form: a refusal is shown on the form (field errors where the
    service names the field), success as a message. Returns the result, or None if refused.

    A refusal always leaves an error on the form, so `form.errors` tells a refused call from a
    service that returns nothing. With `denied_on_form`, a PermissionDenied the service raises (a
    rule about who may act on this record, e.g. only the investigation leader) is shown on the
    form as well, instead of the 403 page."""
    refusals = (ApplicationError, PermissionDenied) if denied_on_form else ApplicationError
    try:
        result = action()
    except ValidationError as exc:
        add_errors(form, exc)
    except refusals as exc:
        form.add_error(None, refusal_text(exc))
    else:
        if success:
            messages.success(request, success)
        return result
    return None


def post_from_page(request, form, action, success: str, *, done, page, denied_on_form=False):
    """A form posted from a record's own page (a filing, a check, an evaluation): when valid,
    `action(cleaned_data)` through `run_service`; accepted, a redirect to `done` (a record or
    URL, or a function of the service's result giving one); refused, `page(form)`, the page
    again with what was typed and why (the caller answers it with 400)."""
    if form.is_valid():
        result = run_service(request, form, lambda: action(form.cleaned_data), success, denied_on_form=denied_on_form)
        if not form.errors:
            return redirect(done(result) if callable(done) else done)
    return page(form)


def edit_page(
    request,
    form,
    save,
    success: str | None = None,
    *,
    title=None,
    back=None,
    cancel_url=None,
    done=None,
    multipart=False,
    uploads=False,
    denied_on_form=False,
):
    """The page of one form that saves a record, new or edited: a valid POST calls the service
    `save(data=cleaned_data, user=…)` through `run_service`, as the API calls it
    (`functools.partial` binds the record, `core.services.fields_as_keywords` adapts a service
    taking the fields as keywords); saved, a redirect to `done` (a URL, URL name or record, or a
    function of the saved record giving one; the saved record itself when not given); refused or
    invalid, the page again with what was typed and why. `back` is where both saving and
    cancelling lead, when they lead to the same place. With `uploads`, the form's `files` field
    is handed over apart, `files=`, and the page is multipart. A model form's page is titled
    "New …" or "Edit …", and says "… saved.", after the model's verbose name unless `title` and
    `success` say otherwise."""
    cancel_url = cancel_url or back
    if title is None or success is None:
        if not isinstance(form, forms.ModelForm):
            raise TypeError("edit_page: a form without a model needs its title= and success text")
        name = form._meta.model._meta.verbose_name
        title = title or (_("Edit %(name)s") if form.instance.pk else _("New %(name)s")) % {"name": name}
        success = success or _("%(name)s saved.") % {"name": capfirst(name)}

    def call(data):
        if uploads:
            data, files = split_files(data)
            return save(data=data, files=files, user=request.user)
        return save(data=data, user=request.user)

    return post_from_page(
        request,
        form,
        call,
        success,
        done=done or back or (lambda saved: saved),
        page=lambda form: form_page(
            request,
            form,
            title=title,
            cancel_url=cancel_url and resolve_url(cancel_url),
            multipart=multipart or uploads,
        ),
        denied_on_form=denied_on_form,
    )


def split_files(data) -> tuple[dict, list]:
    """A form's cleaned data without its `files` field, and the files uploaded in it."""
    data = dict(data)
    return data, data.pop("files", None) or []


class RecordPage:
    """A record's new/edit page, and what is posted from its page, forms and buttons, each view
    declared in a line:

        plan_page = RecordPage(get=_plan, page=plan_detail, record="plan")
        plan_edit = plan_page.edit(guard, PlanForm, services.plan_save, back="app:plan_list")
        plan_file = plan_page.form(guard, FilingForm, "filing_form", services.plan_file, _lazy("Filing recorded."))
        plan_submit = plan_page.button(guard, services.plan_submit, _lazy("Plan submitted."))

    `edit` is described with it. A form or button view answers POST only, behind `guard` (the app's `policy_required(…)`; with
    `guard_first`, the guard is asked before the method), and finds the record with
    `get(request, pk)` (404 out of the person's scope). Done, it leads back to the record, or to
    `done`: a URL name taking the record's pk, or `done(request, record, result)` giving a URL."""

    def __init__(
        self, *, get, record: str, page=None, done=None, guard_first: bool = False, denied_on_form: bool = False
    ):
        self.get, self.page, self.record, self.done = get, page, record, done
        self.guard_first, self.denied_on_form = guard_first, denied_on_form

    def form(self, guard, form_class, form_name: str, service, success, *, form_kwargs=None, done=None):
        """A form: bound to the POST (and `form_kwargs(request, record)`), valid, it calls
        `service(<record>=record, user=request.user, **cleaned_data)` through `post_from_page`;
        refused, `page(request, pk, status=400, <form_name>=form)`: the page again with what was
        typed and why."""

        def view(request, pk: int):
            record = self.get(request, pk)
            form = form_class(request.POST, request.FILES, **(form_kwargs(request, record) if form_kwargs else {}))
            return post_from_page(
                request,
                form,
                lambda data: service(**{self.record: record}, user=request.user, **data),
                str(success),
                done=lambda result: self._done(done, request, record, result),
                page=lambda form: self.page(request, pk, status=400, **{form_name: form}),
                denied_on_form=self.denied_on_form,
            )

        return self._guarded(guard, view, service)

    def button(self, guard, service, success, *, done=None):
        """A button (a POST without a form): `service(<record>=record, user=request.user)`
        through `run_action`, a refusal told as an error message."""

        def view(request, pk: int):
            record = self.get(request, pk)
            result = run_action(request, lambda: service(**{self.record: record}, user=request.user), str(success))
            return redirect(self._done(done, request, record, result))

        return self._guarded(guard, view, service)

    def edit(self, guard, form_class, service, *, back):
        """The page that creates a record (no `pk`) or edits it: `form_class(POST, instance=record)`
        (and `user=` for a form that `takes_user`), valid, `service(<record>=record or None,
        data=cleaned_data, user=…)` through `edit_page` (a form with a `files` field hands them
        over apart, `files=`), titled after the model as `edit_page` titles it. Saved or
        cancelled, it leads back to `back` (a URL name); a record with a `page` of its own is
        shown there once saved, and cancelling its edit leads back to it."""
        uploads = "files" in form_class.base_fields
        to_record = self.page is not None

        def view(request, pk: int | None = None):
            record = self.get(request, pk) if pk else None
            kwargs = {"user": request.user} if getattr(form_class, "takes_user", False) else {}
            form = form_class(request.POST or None, request.FILES or None, instance=record, **kwargs)
            return edit_page(
                request,
                form,
                functools.partial(service, **{self.record: record}),
                back=None if to_record else back,
                cancel_url=record.get_absolute_url() if to_record and record else reverse(back),
                uploads=uploads,
                denied_on_form=self.denied_on_form,
            )

        return guard(self._named(view, service))

    def _done(self, done, request, record, result):
        done = done or self.done
        if done is None:
            return record
        if isinstance(done, str):
            return reverse(done, args=[record.pk])
        return done(request, record, result)

    def _guarded(self, guard, view, service):
        view = self._named(view, service)
        return guard(require_POST(view)) if self.guard_first else require_POST(guard(view))

    def _named(self, view, service):
        # Named after its service, in the module of the record's page, for tracebacks and logs.
        view.__name__ = view.__qualname__ = service.__name__
        view.__module__ = getattr(self.page or self.get, "__module__", view.__module__)
        return view


def list_page(request, select, *, template: str | None = None, per_page: int = PAGE_SIZE, **context):
    """A list page: what `select(user=…, filters=…)` finds for the filters asked for (the query
    string), a page of it, and whatever else the template shows (choices, what the person may do).
    The template is named after the selector, as Django's list views name theirs:
    `apps.training.selectors.session_list` shows `training/session_list.html`."""
    template = template or _template_of(select)
    filters = request.GET.dict()
    page = Paginator(select(user=request.user, filters=filters), per_page).get_page(request.GET.get("page"))
    return render(request, template, {"page": page, "filters": filters, **context})


def _template_of(select) -> str:
    name = getattr(select, "__name__", "<lambda>")
    if name == "<lambda>":
        raise TypeError("list_page: a selector without a name of its own needs template=")
    return f"{select.__module__.split('.')[1]}/{name}.html"


def finder(select, **filters):
    """`find(request, pk)`: record `pk` among those `select(user=…)` gives the person (with
    `filters=` when given), or 404: a record outside the person's scope is not found."""

    def find(request, pk: int):
        return get_object_or_404(select(user=request.user, **({"filters": filters} if filters else {})), pk=pk)

    # In the module that asks for it: RecordPage names its views after the module of `get`.
    find.__module__ = sys._getframe(1).f_globals["__name__"]
    return find


def run_form_action(request, form, action, success: str, *, invalid: str | None = None):
    """A small form posted like a button (from a list or a record's page, answered with a
    redirect by the caller): valid, `action(cleaned_data)` through `run_action`; invalid, an
    error message, `invalid` or else the form's own errors. Returns the result, or None."""
    if form.is_valid():
        return run_action(request, lambda: action(form.cleaned_data), success)
    messages.error(request, invalid or " ".join(str(e) for errs in form.errors.values() for e in errs))
    return None


def run_action(request, action, success: str, *, redirect_to=None, args=()):
    """Call a service for a button (a POST without a form): a refusal, whether a broken rule or
    a person who may not act (the policy's reason), becomes an error message, success a
    message. Returns the result, or None if refused; with `redirect_to` (a URL, or a URL name
    with `args`) returns the redirect there instead, refused or not."""
    result = None
    try:
        result = action()
    except (ValidationError, ApplicationError, PermissionDenied) as exc:
        messages.error(request, refusal_text(exc))
    else:
        if success:
            messages.success(request, success)
    if redirect_to is None:
        return result
    return redirect(redirect_to, *args)


def form_page(request, form, *, title, cancel_url, multipart=False, status=200):
    """The one page of a single form: its title, the fields, save and cancel."""
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "cancel_url": cancel_url, "multipart": multipart},
        status=status,
    )
