from django.urls import path

from apps.equipment import views

app_name = "equipment"

urlpatterns = [
    path("<int:pk>/files/<int:attachment_pk>/", views.equipment_file, name="file"),
    path("", views.equipment_list, name="list"),
    path("new/", views.equipment_edit, name="create"),
    path("import/", views.equipment_import, name="import"),
    path("import/template/", views.import_template, name="import_template"),
    path("labels/", views.labels, name="labels"),
    path("<int:pk>/", views.equipment_detail, name="detail"),
    path("<int:pk>/edit/", views.equipment_edit, name="edit"),
    path("<int:pk>/records/", views.record_create, name="record"),
    path("<int:pk>/scrap/", views.scrap_request, name="scrap"),
    path("devices/", views.device_list, name="device_list"),
    path("devices/new/", views.device_edit, name="device_create"),
    path("devices/<int:pk>/edit/", views.device_edit, name="device_edit"),
    path("devices/<int:pk>/check/", views.device_check, name="device_check"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_edit, name="plan_create"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("projects/", views.project_list, name="project_list"),
    path("projects/new/", views.project_edit, name="project_create"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
]
