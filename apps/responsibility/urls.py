from django.urls import include, path

from apps.responsibility import views

app_name = "responsibility"

urlpatterns = [
    path(
        "objectives/",
        include(
            [
                path("", views.objectives, name="objectives"),
                path("new/", views.objective_edit, name="objective_create"),
                path("<int:pk>/edit/", views.objective_edit, name="objective_edit"),
                path("<int:pk>/targets/", views.target_edit, name="target_edit"),
                path("assess/", views.assessment_submit, name="assessment_submit"),
            ]
        ),
    ),
    path(
        "duties/",
        include(
            [
                path("", views.duties, name="duties"),
                path("new/", views.duty_edit, name="duty_create"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.duty_detail, name="duty_detail"),
                            path("revise/", views.duty_edit, name="duty_revise"),
                            path("review/", views.duty_review, name="duty_review"),
                        ]
                    ),
                ),
            ]
        ),
    ),
    path(
        "letters/",
        include(
            [
                path("", views.letters, name="letters"),
                path("issue/", views.letters_issue, name="letters_issue"),
                path("templates/new/", views.template_edit, name="template_create"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.letter_detail, name="letter_detail"),
                            path("sign/", views.letter_sign, name="letter_sign"),
                            path(
                                "scans/<int:attachment_pk>/", views.letter_scan, name="letter_scan"
                            ),
                        ]
                    ),
                ),
            ]
        ),
    ),
    path(
        "organisation/",
        include(
            [
                path("", views.organisation, name="organisation"),
                path("documents/new/", views.document_edit, name="document_create"),
                path("bodies/new/", views.body_edit, name="body_create"),
                path("bodies/<int:pk>/members/", views.member_add, name="member_add"),
            ]
        ),
    ),
    path(
        "meetings/",
        include(
            [
                path("", views.meetings, name="meetings"),
                path("new/", views.meeting_edit, name="meeting_create"),
                path("compliance/", views.compliance, name="compliance"),
                path("settings/", views.settings_edit, name="settings"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.meeting_detail, name="meeting_detail"),
                            path("edit/", views.meeting_edit, name="meeting_edit"),
                            path("decisions/", views.decision_add, name="decision_add"),
                        ]
                    ),
                ),
            ]
        ),
    ),
]
