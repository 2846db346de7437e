"""Data migration for a model moved onto `ApprovablePlan` (apps/workflow/models.py).

Fills who submitted and who decided, and when, from the plan's latest approval task and its
sign-off; a plan sent back to draft by a rejection (the old flow of department assessments)
becomes "rejected", which is editable and resubmittable as draft was. Uses only the historical
models it is given, so it keeps working as the code moves on.
"""

from __future__ import annotations


def backfill_decisions(app_label: str, model_name: str):
    def forward(apps, schema_editor) -> None:
        ContentType = apps.get_model("contenttypes", "ContentType")
        Task = apps.get_model("workflow", "Task")
        SignOff = apps.get_model("workflow", "SignOff")
        Plan = apps.get_model(app_label, model_name)
        content_type = ContentType.objects.filter(app_label=app_label, model=model_name.lower()).first()
        if content_type is None:
            return
        for plan in Plan.objects.all().iterator():
            task = Task.objects.filter(source_type=content_type, source_id=plan.pk)
            task = task.order_by("pk").last()
            if task is None:
                continue
            signoff = SignOff.objects.filter(task=task).order_by("signed_at", "pk").last()
            if plan.status == "draft":
                if signoff is None or signoff.decision != "reject":
                    continue
                plan.status = "rejected"
            plan.submitted_at = task.submitted_at
            plan.submitted_by_id = task.submitted_by_id
            if signoff is not None and plan.status in ("approved", "rejected"):
                plan.decided_at = signoff.signed_at
                plan.decided_by_id = signoff.signer_id
            fields = ["status", "submitted_at", "submitted_by", "decided_at", "decided_by"]
            plan.save(update_fields=fields)

    return forward
