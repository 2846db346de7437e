from django.urls import path

from apps.hazards import views

app_name = "hazards"

urlpatterns = [
    path("", views.hazard_list, name="list"),
    path("report/", views.hazard_report, name="report"),
    path("statistics/", views.statistics, name="statistics"),
    path("<int:pk>/", views.hazard_detail, name="detail"),
    path("<int:pk>/assign/", views.hazard_assign, name="assign"),
    path("<int:pk>/rectify/", views.hazard_rectify, name="rectify"),
    path("<int:pk>/verify/", views.hazard_verify, name="verify"),
    path("<int:pk>/photos/<int:attachment_pk>/", views.hazard_photo, name="photo"),
    path("inspections/", views.inspection_list, name="inspection_list"),
    path("inspections/new/", views.inspection_record, name="inspection_record"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("inspections/<int:pk>/results/<int:result_pk>/hazard/", views.inspection_raise, name="inspection_raise"),
    path("inspections/<int:pk>/photos/<int:attachment_pk>/", views.inspection_photo, name="inspection_photo"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_edit, name="plan_create"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("checklists/new/", views.checklist_create, name="checklist_create"),
]
