from django.urls import path

from apps.assessment import views

app_name = "assessment"

urlpatterns = [
    path("", views.assessment_list, name="list"),
    path("new/", views.assessment_create, name="create"),
    path("<int:pk>/", views.assessment_detail, name="detail"),
    path("<int:pk>/summary/", views.assessment_summary, name="summary"),
    path("<int:pk>/elements/<str:code>/", views.element_detail, name="element"),
    path("<int:pk>/findings/<int:finding_pk>/", views.finding_score, name="finding_score"),
    path("<int:pk>/findings/<int:finding_pk>/evidence/", views.finding_evidence, name="finding_evidence"),
    path(
        "<int:pk>/findings/<int:finding_pk>/evidence/<int:attachment_pk>/",
        views.finding_evidence_download,
        name="finding_evidence_download",
    ),
    path("<int:pk>/suggest/", views.assessment_suggest, name="suggest"),
    path("<int:pk>/submit/", views.assessment_submit, name="submit"),
    path("<int:pk>/gate/", views.assessment_gate, name="gate"),
    path("<int:pk>/award/", views.assessment_award, name="award"),
]
