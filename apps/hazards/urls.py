from django.urls import include, path

from apps.hazards import views

app_name = "hazards"

urlpatterns = [
    path("", views.hazard_list, name="list"),
    path("report/", views.hazard_report, name="report"),
    path("statistics/", views.statistics, name="statistics"),
    path(
        "<int:pk>/",
        include(
            [
                path("", views.hazard_detail, name="detail"),
                path("assign/", views.hazard_assign, name="assign"),
                path("rectify/", views.hazard_rectify, name="rectify"),
                path("verify/", views.hazard_verify, name="verify"),
                path("photos/<int:attachment_pk>/", views.hazard_photo, name="photo"),
            ]
        ),
    ),
    path(
        "inspections/",
        include(
            [
                path("", views.inspection_list, name="inspection_list"),
                path("new/", views.inspection_record, name="inspection_record"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.inspection_detail, name="inspection_detail"),
                            path(
                                "results/<int:result_pk>/hazard/",
                                views.inspection_raise,
                                name="inspection_raise",
                            ),
                            path(
                                "photos/<int:attachment_pk>/",
                                views.inspection_photo,
                                name="inspection_photo",
                            ),
                        ]
                    ),
                ),
            ]
        ),
    ),
    path(
        "plans/",
        include(
            [
                path("", views.plan_list, name="plan_list"),
                path("new/", views.plan_edit, name="plan_create"),
                path("<int:pk>/edit/", views.plan_edit, name="plan_edit"),
            ]
        ),
    ),
    path("checklists/new/", views.checklist_create, name="checklist_create"),
]
