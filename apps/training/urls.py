from django.urls import include, path

from apps.training import views

app_name = "training"

urlpatterns = [
    path("mine/", views.my_record, name="my_record"),
    path("people/<int:pk>/", views.employee_record, name="employee_record"),
    path("compliance/", views.compliance, name="compliance"),
    path("reinductions/new/", views.reinduction_create, name="reinduction_create"),
    path(
        "courses/",
        include(
            [
                path("", views.course_list, name="course_list"),
                path("new/", views.course_edit, name="course_create"),
                path("<int:pk>/edit/", views.course_edit, name="course_edit"),
            ]
        ),
    ),
    path(
        "sessions/",
        include(
            [
                path("", views.session_list, name="session_list"),
                path("new/", views.session_edit, name="session_create"),
                path("sign-in-template/", views.sign_in_template, name="sign_in_template"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.session_detail, name="session_detail"),
                            path("edit/", views.session_edit, name="session_edit"),
                            path("attendance/", views.attendance_add, name="attendance_add"),
                            path("import/", views.session_import, name="session_import"),
                        ]
                    ),
                ),
            ]
        ),
    ),
    path(
        "certificates/",
        include(
            [
                path("", views.certificate_list, name="certificate_list"),
                path("new/", views.certificate_edit, name="certificate_create"),
                path("<int:pk>/edit/", views.certificate_edit, name="certificate_edit"),
                path("<int:pk>/review/", views.certificate_review, name="certificate_review"),
            ]
        ),
    ),
    path(
        "plans/",
        include(
            [
                path("", views.plan_list, name="plan_list"),
                path("new/", views.plan_create, name="plan_create"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.plan_detail, name="plan_detail"),
                            path("items/", views.plan_item_add, name="plan_item_add"),
                            path(
                                "items/<int:item_pk>/delete/",
                                views.plan_item_delete,
                                name="plan_item_delete",
                            ),
                            path("submit/", views.plan_submit, name="plan_submit"),
                        ]
                    ),
                ),
            ]
        ),
    ),
    path(
        "rules/",
        include(
            [
                path("", views.ruleset_list, name="ruleset_list"),
                path("rows/<int:pk>/", views.ruleset_row_edit, name="ruleset_row_edit"),
                path("settings/", views.settings_edit, name="settings_edit"),
            ]
        ),
    ),
]
