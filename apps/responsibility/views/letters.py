"""Pages of the responsibility letters: the register, issuing, templates, a letter, its scans
and signing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.exceptions import ApplicationError
from apps.core.selectors import as_int, attachment_list
from apps.core.views import form_page, run_service
from apps.org.access import access_for
from apps.org.permissions import manages, reads_org, role_required
from apps.responsibility import selectors, services
from apps.responsibility.forms import IssueForm, SignForm, TemplateForm
from apps.responsibility.models import LetterLevel, LetterStatus
from apps.responsibility.views._common import PAGE_SIZE


@login_required
def letters(request):
    filters = request.GET.dict()
    filters.setdefault("year", str(timezone.localdate().year))
    year = as_int(filters["year"])
    access = access_for(request.user)
    page = Paginator(selectors.letter_list(user=request.user, filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "responsibility/letters.html",
        {
            "page": page,
            "filters": filters,
            "year": year,
            "levels": LetterLevel.choices,
            "statuses": LetterStatus.choices,
            "progress": selectors.signing_progress(user=request.user, year=year),
            "can_edit": access.manages_everything,
            "can_export": reads_org(access),
            "employee_id": access.employee_id,
        },
    )


@role_required(manages)
def letters_issue(request):
    form = IssueForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        result = services.letters_issue(user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _(
                "%(created)s letters issued, %(existing)s already held one, "
                "%(units_without_head)s units skipped for lack of a head."
            )
            % result,
        )
        return redirect("responsibility:letters")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Issue responsibility letters"),
            "cancel_url": reverse("responsibility:letters"),
        },
    )


@role_required(manages)
def template_edit(request):
    form = TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run_service(
            request,
            form,
            lambda: services.template_save(data=form.cleaned_data, user=request.user),
            _("Saved."),
        )
        if not form.errors:
            return redirect(reverse("responsibility:letters_issue"))
    return form_page(
        request, form, title=_("Letter template"), cancel_url=reverse("responsibility:letters")
    )


@login_required
def letter_detail(request, pk: int):
    letter = get_object_or_404(selectors.letter_list(user=request.user), pk=pk)
    signatures = list(letter.signatures.select_related("signer"))
    side = services.letter_side(letter, request.user)
    return render(
        request,
        "responsibility/letter_detail.html",
        {
            "letter": letter,
            "signatures": signatures,
            "scans": attachment_list(owner=letter),
            "can_sign": side is not None and side not in {s.side for s in signatures},
            "form": SignForm(),
        },
    )


@login_required
def letter_scan(request, pk: int, attachment_pk: int):
    letter = get_object_or_404(selectors.letter_list(user=request.user), pk=pk)
    attachment = get_object_or_404(attachment_list(owner=letter), pk=attachment_pk)
    return FileResponse(attachment.file.open("rb"), filename=attachment.original_name)


@login_required
@require_POST
def letter_sign(request, pk: int):
    letter = get_object_or_404(selectors.letter_list(user=request.user), pk=pk)
    form = SignForm(request.POST, request.FILES)
    form.is_valid()
    try:
        services.letter_sign(letter=letter, user=request.user, scan=form.cleaned_data.get("scan"))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Letter signed."))
    return redirect("responsibility:letter_detail", pk=pk)
