"""Pages of the yearly objectives, their department targets and the year-end assessment."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.views import form_page, run_service
from apps.org.permissions import policy_required
from apps.responsibility import policies, selectors, services
from apps.responsibility.forms import AssessmentForm, ObjectiveForm, TargetForm
from apps.responsibility.models import Objective
from apps.responsibility.views._common import _year


@policy_required(policies.can_read_objectives)
def objectives(request):
    year = _year(request)
    rows = selectors.objective_rows(year=year, user=request.user)
    return render(
        request,
        "responsibility/objectives.html",
        {
            "year": year,
            "rows": rows,
            "assessments": selectors.assessment_list(user=request.user, year=year),
            "can_edit": policies.can_edit_objective(request.user),
        },
    )


@policy_required(policies.can_edit_objective)
def objective_edit(request, pk: int | None = None):
    objective = get_object_or_404(Objective, pk=pk) if pk is not None else None
    form = ObjectiveForm(request.POST or None, instance=objective, initial={"year": timezone.localdate().year})
    back = reverse("responsibility:objectives")
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            request,
            form,
            lambda: services.objective_save(objective=objective, data=form.cleaned_data, user=request.user),
            _("Saved."),
        )
        if saved is not None:
            return redirect(f"{back}?year={saved.year}")
    return form_page(request, form, title=_("Safety objective"), cancel_url=back)


@policy_required(policies.can_read_objectives)
def target_edit(request, pk: int):
    objective = get_object_or_404(Objective, pk=pk)
    form = TargetForm(request.POST or None)
    back = reverse("responsibility:objectives") + f"?year={objective.year}"
    if request.method == "POST" and form.is_valid():
        run_service(
            request,
            form,
            lambda: services.target_set(objective=objective, user=request.user, **form.cleaned_data),
            _("Saved."),
        )
        if not form.errors:
            return redirect(back)
    return form_page(request, form, title=_("Department target: %(o)s") % {"o": objective}, cancel_url=back)


@policy_required(policies.can_assess_objectives)
def assessment_submit(request):
    year = _year(request)
    form = AssessmentForm(request.POST or None)
    back = reverse("responsibility:objectives") + f"?year={year}"
    if request.method == "POST" and form.is_valid():
        run_service(
            request,
            form,
            lambda: services.assessment_submit(year=year, user=request.user, **form.cleaned_data),
            _("Saved."),
        )
        if not form.errors:
            return redirect(back)
    return form_page(request, form, title=_("Year-end assessment %(year)s") % {"year": year}, cancel_url=back)
