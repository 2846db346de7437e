"""The three-level induction (三级安全教育) and the people who must repeat part of it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditedModel, link
from apps.org.models import Employee
from apps.training.models.sessions import SessionLevel

# The three levels of induction (三级安全教育); their hours are the initial (岗前) training.
INDUCTION_LEVELS = (SessionLevel.COMPANY, SessionLevel.WORKSHOP, SessionLevel.TEAM)
# People changing post or back after more than 6 months away repeat these two (5.3.3).
REINDUCTION_LEVELS = (SessionLevel.WORKSHOP, SessionLevel.TEAM)
# Principal heads and safety management staff also count these toward their initial hours:
# their 32/48-hour qualification course is usually held outside the company.
MANAGER_INITIAL_LEVELS = (SessionLevel.EXTERNAL, SessionLevel.SPECIAL)


class ReinductionReason(models.TextChoices):
    POST_CHANGE = "post_change", _("Changed post or type of work")
    RETURN = "return", _("Back after more than 6 months away")
    NEW_PROCESS = "new_process", _("New process, technology, material or equipment")


class Reinduction(AuditedModel):
    """Someone who must repeat workshop- and team-level induction before (re)starting work."""

    employee = link(Employee, _("employee"), related_name="reinductions")
    reason = models.CharField(_("reason"), max_length=20, choices=ReinductionReason.choices)
    since = models.DateField(_("since"), help_text=_("Only training on or after this day counts."))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("repeated induction")
        verbose_name_plural = _("repeated inductions")
        ordering = ["-since"]
        indexes = [models.Index(fields=["employee", "since"])]

    def __str__(self) -> str:
        return f"{self.employee} · {self.get_reason_display()}"
