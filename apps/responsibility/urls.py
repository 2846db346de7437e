from django.urls import path

from apps.responsibility import views

app_name = "responsibility"

urlpatterns = [
    path("objectives/", views.objectives, name="objectives"),
    path("objectives/new/", views.objective_edit, name="objective_create"),
    path("objectives/<int:pk>/edit/", views.objective_edit, name="objective_edit"),
    path("objectives/<int:pk>/targets/", views.target_edit, name="target_edit"),
    path("objectives/assess/", views.assessment_submit, name="assessment_submit"),
    path("duties/", views.duties, name="duties"),
    path("duties/new/", views.duty_edit, name="duty_create"),
    path("duties/<int:pk>/", views.duty_detail, name="duty_detail"),
    path("duties/<int:pk>/revise/", views.duty_edit, name="duty_revise"),
    path("duties/<int:pk>/review/", views.duty_review, name="duty_review"),
    path("letters/", views.letters, name="letters"),
    path("letters/issue/", views.letters_issue, name="letters_issue"),
    path("letters/templates/new/", views.template_edit, name="template_create"),
    path("letters/<int:pk>/", views.letter_detail, name="letter_detail"),
    path("letters/<int:pk>/sign/", views.letter_sign, name="letter_sign"),
    path("letters/<int:pk>/scans/<int:attachment_pk>/", views.letter_scan, name="letter_scan"),
    path("organisation/", views.organisation, name="organisation"),
    path("organisation/documents/new/", views.document_edit, name="document_create"),
    path("organisation/bodies/new/", views.body_edit, name="body_create"),
    path("organisation/bodies/<int:pk>/members/", views.member_add, name="member_add"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/new/", views.meeting_edit, name="meeting_create"),
    path("meetings/compliance/", views.compliance, name="compliance"),
    path("meetings/settings/", views.settings_edit, name="settings"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/decisions/", views.decision_add, name="decision_add"),
]
