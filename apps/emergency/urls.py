from django.urls import path

from apps.emergency import views

app_name = "emergency"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_edit, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/filing/", views.plan_file, name="plan_file"),
    path("plans/<int:pk>/evaluations/", views.plan_evaluate, name="plan_evaluate"),
    path("<str:model>/<int:pk>/files/<int:attachment_pk>/", views.attachment_download, name="file"),
    path("teams/", views.team_list, name="team_list"),
    path("teams/new/", views.team_edit, name="team_create"),
    path("teams/<int:pk>/", views.team_detail, name="team_detail"),
    path("teams/<int:pk>/edit/", views.team_edit, name="team_edit"),
    path("teams/<int:pk>/members/", views.member_add, name="member_add"),
    path("teams/<int:pk>/members/<int:member_pk>/remove/", views.member_remove, name="member_remove"),
    path("supplies/", views.supply_list, name="supply_list"),
    path("supplies/new/", views.supply_edit, name="supply_create"),
    path("supplies/<int:pk>/", views.supply_detail, name="supply_detail"),
    path("supplies/<int:pk>/edit/", views.supply_edit, name="supply_edit"),
    path("supplies/<int:pk>/check/", views.supply_check, name="supply_check"),
    path("drills/", views.drill_list, name="drill_list"),
    path("drills/overdue/", views.overdue, name="overdue"),
    path("drills/new/", views.drill_create, name="drill_create"),
    path("drills/<int:pk>/", views.drill_detail, name="drill_detail"),
    path("drills/<int:pk>/evaluation/", views.drill_evaluate, name="drill_evaluate"),
    path("drills/<int:pk>/improvements/", views.improvement_add, name="improvement_add"),
    path("drills/<int:pk>/report/", views.drill_report, name="drill_report"),
    path("drill-plans/", views.drillplan_list, name="drillplan_list"),
    path("drill-plans/new/", views.drillplan_create, name="drillplan_create"),
    path("drill-plans/<int:pk>/", views.drillplan_detail, name="drillplan_detail"),
    path("drill-plans/<int:pk>/items/", views.drillplan_item_add, name="drillplan_item_add"),
    path("drill-plans/<int:pk>/items/<int:item_pk>/delete/", views.drillplan_item_delete, name="drillplan_item_delete"),
    path("drill-plans/<int:pk>/submit/", views.drillplan_submit, name="drillplan_submit"),
]
