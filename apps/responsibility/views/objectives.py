"""Pages of the yearly objectives, their department targets and the year-end assessment."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.org.access import access_for
from apps.org.permissions import manages, reads_org, role_required
from apps.responsibility import selectors, services
from apps.responsibility.forms import AssessmentForm, ObjectiveForm, TargetForm
from apps.responsibility.models import Objective
from apps.responsibility.views._common import _form_page, _year


@role_required(reads_org)
def objectives(request):
    year = _year(request)
    access = access_for(request.user)
    rows = selectors.objective_rows(year=year, user=request.user)
    return render(
        request,
        "responsibility/objectives.html",
        {
            "year": year,
            "rows": rows,
            "assessments": selectors.assessment_list(user=request.user, year=year),
            "can_edit": access.manages_everything,
        },
    )


@role_required(manages)
def objective_edit(request, pk: int | None = None):
    objective = get_object_or_404(Objective, pk=pk) if pk is not None else None
    form = ObjectiveForm(
        request.POST or None, instance=objective, initial={"year": timezone.localdate().year}
    )
    back = reverse("responsibility:objectives")
    return _form_page(
        request,
        form,
        _("Safety objective"),
        back,
        lambda d: services.objective_save(objective=objective, data=d, user=request.user),
        lambda o: f"{back}?year={o.year}",
    )


@role_required(reads_org)
def target_edit(request, pk: int):
    objective = get_object_or_404(Objective, pk=pk)
    form = TargetForm(request.POST or None)
    back = reverse("responsibility:objectives") + f"?year={objective.year}"
    return _form_page(
        request,
        form,
        _("Department target: %(o)s") % {"o": objective},
        back,
        lambda d: services.target_set(objective=objective, user=request.user, **d),
        back,
    )


@role_required(manages)
def assessment_submit(request):
    year = _year(request)
    form = AssessmentForm(request.POST or None)
    back = reverse("responsibility:objectives") + f"?year={year}"
    return _form_page(
        request,
        form,
        _("Year-end assessment %(year)s") % {"year": year},
        back,
        lambda d: services.assessment_submit(year=year, user=request.user, **d),
        back,
    )
