from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.forms import date_input
from apps.org.forms import department_label
from apps.org.models import Department
from apps.workflow.models import SignOffDecision, Task


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,.pdf,.doc,.docx,.xls,.xlsx,.txt"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "description", "department", "assignee", "due_date", "priority"]
        widgets = {"due_date": date_input(), "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments or Department.objects.filter(is_active=True)
        self.fields["department"].label_from_instance = department_label
        self.fields["assignee"].queryset = (
            get_user_model().objects.filter(is_active=True).select_related("employee").order_by("username")
        )
        self.fields["assignee"].label_from_instance = _user_label
        if self.instance.pk:
            del self.fields["department"]

    def _kept(self, name: str):
        """A title or description left as it reads stays the stored text it is, which each
        reader reads in their language (apps/core/text.py)."""
        value = self.cleaned_data.get(name)
        old = getattr(self.instance, name, None) if self.instance.pk else None
        return old if old is not None and value == old else value

    def clean_title(self):
        return self._kept("title")

    def clean_description(self):
        return self._kept("description")

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if not self.instance.pk and due < timezone.localdate():
            raise forms.ValidationError(_("The due date cannot be in the past."))
        return due


def _user_label(user) -> str:
    employee = getattr(user, "employee", None)
    return f"{employee.name} ({user.username})" if employee else user.username


class SubmitForm(forms.Form):
    note = forms.CharField(
        label=_("Work done"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=True,
        help_text=_("Say what was done, so the head can check it."),
    )
    files = MultipleFileField(label=_("Evidence (photos, documents)"), required=False)


class SignOffForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=SignOffDecision.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required when rejecting."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == SignOffDecision.REJECT and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Give the reason for rejecting."))
        return data


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
