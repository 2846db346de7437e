from django.urls import include, path

from apps.assessment import views

app_name = "assessment"

urlpatterns = [
    path("", views.assessment_list, name="list"),
    path("new/", views.assessment_create, name="create"),
    path(
        "<int:pk>/",
        include(
            [
                path("", views.assessment_detail, name="detail"),
                path("summary/", views.assessment_summary, name="summary"),
                path("elements/<str:code>/", views.element_detail, name="element"),
                path(
                    "findings/<int:finding_pk>/",
                    include(
                        [
                            path("", views.finding_score, name="finding_score"),
                            path("evidence/", views.finding_evidence, name="finding_evidence"),
                            path(
                                "evidence/<int:attachment_pk>/",
                                views.finding_evidence_download,
                                name="finding_evidence_download",
                            ),
                        ]
                    ),
                ),
                path("suggest/", views.assessment_suggest, name="suggest"),
                path("submit/", views.assessment_submit, name="submit"),
                path("gate/", views.assessment_gate, name="gate"),
                path("award/", views.assessment_award, name="award"),
            ]
        ),
    ),
]
