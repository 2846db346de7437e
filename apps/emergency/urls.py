from django.urls import include, path

from apps.emergency import views

app_name = "emergency"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path(
        "plans/",
        include(
            [
                path("new/", views.plan_edit, name="plan_create"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.plan_detail, name="plan_detail"),
                            path("edit/", views.plan_edit, name="plan_edit"),
                            path("filing/", views.plan_file, name="plan_file"),
                            path("evaluations/", views.plan_evaluate, name="plan_evaluate"),
                        ]
                    ),
                ),
            ]
        ),
    ),
    path("<str:model>/<int:pk>/files/<int:attachment_pk>/", views.attachment_download, name="file"),
    path(
        "teams/",
        include(
            [
                path("", views.team_list, name="team_list"),
                path("new/", views.team_edit, name="team_create"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.team_detail, name="team_detail"),
                            path("edit/", views.team_edit, name="team_edit"),
                            path("members/", views.member_add, name="member_add"),
                            path(
                                "members/<int:member_pk>/remove/",
                                views.member_remove,
                                name="member_remove",
                            ),
                        ]
                    ),
                ),
            ]
        ),
    ),
    path(
        "supplies/",
        include(
            [
                path("", views.supply_list, name="supply_list"),
                path("new/", views.supply_edit, name="supply_create"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.supply_detail, name="supply_detail"),
                            path("edit/", views.supply_edit, name="supply_edit"),
                            path("check/", views.supply_check, name="supply_check"),
                        ]
                    ),
                ),
            ]
        ),
    ),
    path(
        "drills/",
        include(
            [
                path("", views.drill_list, name="drill_list"),
                path("overdue/", views.overdue, name="overdue"),
                path("new/", views.drill_create, name="drill_create"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.drill_detail, name="drill_detail"),
                            path("evaluation/", views.drill_evaluate, name="drill_evaluate"),
                            path("improvements/", views.improvement_add, name="improvement_add"),
                        ]
                    ),
                ),
            ]
        ),
    ),
    path(
        "drill-plans/",
        include(
            [
                path("", views.drillplan_list, name="drillplan_list"),
                path("new/", views.drillplan_create, name="drillplan_create"),
                path(
                    "<int:pk>/",
                    include(
                        [
                            path("", views.drillplan_detail, name="drillplan_detail"),
                            path("items/", views.drillplan_item_add, name="drillplan_item_add"),
                            path(
                                "items/<int:item_pk>/delete/",
                                views.drillplan_item_delete,
                                name="drillplan_item_delete",
                            ),
                            path("submit/", views.drillplan_submit, name="drillplan_submit"),
                        ]
                    ),
                ),
            ]
        ),
    ),
]
