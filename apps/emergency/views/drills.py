"""The pages of drills: list, plans overdue, detail, record, evaluation and improvements."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.selectors import attachment_list, history_entries
from apps.core.views import RecordPage, edit_page, finder, list_page
from apps.emergency import policies, rules, selectors, services
from apps.emergency.forms import DrillEvaluationForm, DrillForm, DrillReportForm, ImprovementForm
from apps.emergency.models import DrillKind
from apps.org.permissions import policy_required


@policy_required(policies.can_read_emergency)
def drill_list(request):
    return list_page(
        request,
        selectors.drill_list,
        kinds=DrillKind.choices,
        overdue_count=len(_obligations_overdue(timezone.localdate())),
        can_edit=policies.can_record_drill(request.user),
    )


# The company's drill obligations (rules.DRILL_GROUPS), as the overdue page names them.
OBLIGATION_LABELS = {
    "comprehensive_or_specialist": gettext_lazy("A comprehensive or specialist plan drill"),
    "onsite": gettext_lazy("An on-site disposal plan drill"),
}


def _obligations_overdue(today):
    return selectors.obligations_overdue(selectors.drill_obligations(today), today)


@policy_required(policies.can_read_emergency)
def overdue(request):
    """The company's drill obligations: those missed in the last 12 months and the current periods
    (第三十三条; every half-year for a unit of 708号 第八条)."""
    today = timezone.localdate()
    obligations = selectors.drill_obligations(today)
    missed = selectors.obligations_overdue(obligations, today)
    rows = [
        {"label": OBLIGATION_LABELS[o.group], "obligation": o, "missed": o in missed}
        for o in [*missed, *(o for o in obligations if o.end >= today)]
    ]
    return render(
        request,
        "emergency/overdue.html",
        {
            "rows": rows,
            "missed_count": len(missed),
            "next_due": rules.next_obligation_due(obligations, today),
            "half_yearly": selectors.drills_half_yearly(),
            "can_record": policies.can_record_drill(request.user),
        },
    )


_drill = finder(selectors.drill_list)


@policy_required(policies.can_read_emergency)
def drill_detail(request, pk: int, evaluation_form=None, improvement_form=None, report_form=None, status=200):
    drill = _drill(request, pk)
    initial = {
        "evaluated_on": drill.evaluated_on or timezone.localdate(),
        "worked_well": drill.worked_well,
        "problems_found": drill.problems_found,
        "conclusion": drill.conclusion,
    }
    return render(
        request,
        "emergency/drill_detail.html",
        {
            "drill": drill,
            "actions": policies.record_actions(request.user, drill),
            "improvements": drill.improvements.select_related("department", "task"),
            "attachments": attachment_list(owner=drill),
            "history": history_entries(drill),
            "evaluation_form": evaluation_form or DrillEvaluationForm(initial=initial),
            # A unit of 708号 第八条 reports each drill to the authority.
            "reports_drills": selectors.drills_half_yearly(),
            "report_form": report_form
            or DrillReportForm(initial={"reported_on": drill.reported_on or timezone.localdate()}),
            "improvement_form": improvement_form
            or ImprovementForm(user=request.user, initial={"department": drill.department_id}),
        },
        status=status,
    )


@policy_required(policies.can_change_record)
def drill_create(request):
    initial = {"plan": request.GET.get("plan"), "held_on": timezone.localdate()}
    form = DrillForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        plans=selectors.drillable_plans(user=request.user),
        initial=initial,
    )

    return edit_page(
        request,
        form,
        services.drill_record,
        _("Drill recorded."),
        title=_("Record a drill"),
        cancel_url=reverse("emergency:drill_list"),
        uploads=True,
    )


drill_page = RecordPage(get=_drill, page=drill_detail, record="drill")
changes = policy_required(policies.can_change_record)
drill_evaluate = drill_page.form(
    changes, DrillEvaluationForm, "evaluation_form", services.drill_evaluate, gettext_lazy("Evaluation saved.")
)
drill_report = drill_page.form(
    changes, DrillReportForm, "report_form", services.drill_report, gettext_lazy("Report to the authority saved.")
)
improvement_add = drill_page.form(
    changes,
    ImprovementForm,
    "improvement_form",
    services.improvement_raise,
    gettext_lazy("Improvement raised as a task."),
    form_kwargs=lambda request, drill: {"user": request.user},
)
