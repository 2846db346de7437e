"""Pages of the responsibility letters: the register, issuing, templates, a letter, its scans
and signing."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.selectors import as_int, attachment_list
from apps.core.views import edit_page, run_action
from apps.org.permissions import policy_required
from apps.org.policy import employee_id
from apps.responsibility import policies, selectors, services
from apps.responsibility.forms import IssueForm, SignForm, TemplateForm
from apps.responsibility.models import LetterLevel, LetterStatus
from apps.responsibility.views._common import PAGE_SIZE


@policy_required(policies.can_read_letters)
def letters(request):
    filters = request.GET.dict()
    filters.setdefault("year", str(timezone.localdate().year))
    year = as_int(filters["year"])
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
            "can_edit": policies.can_issue_letters(request.user),
            "can_export": policies.can_export_responsibility(request.user),
            "employee_id": employee_id(request.user),
        },
    )


@policy_required(policies.can_issue_letters)
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
        {"form": form, "title": _("Issue responsibility letters"), "cancel_url": reverse("responsibility:letters")},
    )


@policy_required(policies.can_edit_letter_template)
def template_edit(request):
    return edit_page(
        request,
        TemplateForm(request.POST or None),
        services.template_save,
        _("Saved."),
        title=_("Letter template"),
        cancel_url=reverse("responsibility:letters"),
        done="responsibility:letters_issue",
    )


@policy_required(policies.can_read_letters)
def letter_detail(request, pk: int):
    letter = get_object_or_404(selectors.letter_list(user=request.user), pk=pk)
    signatures = list(letter.signatures.select_related("signer"))
    actions = policies.letter_actions(request.user, letter, {s.side for s in signatures})
    return render(
        request,
        "responsibility/letter_detail.html",
        {
            "letter": letter,
            "signatures": signatures,
            "scans": attachment_list(owner=letter),
            "actions": actions,
            "form": SignForm(),
        },
    )


@policy_required(policies.can_read_letters)
def letter_scan(request, pk: int, attachment_pk: int):
    letter = get_object_or_404(selectors.letter_list(user=request.user), pk=pk)
    attachment = get_object_or_404(attachment_list(owner=letter), pk=attachment_pk)
    return FileResponse(attachment.file.open("rb"), filename=attachment.original_name)


@policy_required(policies.can_sign_letter)
@require_POST
def letter_sign(request, pk: int):
    letter = get_object_or_404(selectors.letter_list(user=request.user), pk=pk)
    form = SignForm(request.POST, request.FILES)
    form.is_valid()
    return run_action(
        request,
        lambda: services.letter_sign(letter=letter, user=request.user, scan=form.cleaned_data.get("scan")),
        _("Letter signed."),
        redirect_to="responsibility:letter_detail",
        args=(pk,),
    )
