"""Pages of the yearly objectives, their department targets and the year-end assessment."""

from __future__ import annotations

import functools

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.services import fields_as_keywords
from apps.core.views import edit_page
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
    return edit_page(
        request,
        form,
        functools.partial(services.objective_save, objective=objective),
        cancel_url=back,
        done=lambda saved: f"{back}?year={saved.year}",
    )


@policy_required(policies.can_read_objectives)
def target_edit(request, pk: int):
    objective = get_object_or_404(Objective, pk=pk)
    return _year_form(
        request,
        TargetForm(request.POST or None),
        functools.partial(services.target_set, objective=objective),
        year=objective.year,
        title=_("Department target: %(o)s") % {"o": objective},
    )


@policy_required(policies.can_assess_objectives)
def assessment_submit(request):
    year = _year(request)
    return _year_form(
        request,
        AssessmentForm(request.POST or None),
        functools.partial(services.assessment_submit, year=year),
        year=year,
        title=_("Year-end assessment %(year)s") % {"year": year},
    )


def _year_form(request, form, save, *, year: int, title):
    """A form of the objectives of `year`: `save(user=…, **cleaned_data)`; saved, back to them."""
    back = reverse("responsibility:objectives") + f"?year={year}"
    return edit_page(request, form, fields_as_keywords(save), _("Saved."), title=title, back=back)
