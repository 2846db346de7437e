from django.urls import include, path

from apps.equipment import views

app_name = "equipment"

urlpatterns = [
    path(
        "<int:pk>/",
        include(
            [
                path("files/<int:attachment_pk>/", views.equipment_file, name="file"),
                path("", views.equipment_detail, name="detail"),
                path("edit/", views.equipment_edit, name="edit"),
                path("records/", views.record_create, name="record"),
                path("scrap/", views.scrap_request, name="scrap"),
            ]
        ),
    ),
    path("", views.equipment_list, name="list"),
    path("new/", views.equipment_edit, name="create"),
    path("import/", views.equipment_import, name="import"),
    path("import/template/", views.import_template, name="import_template"),
    path("labels/", views.labels, name="labels"),
    path(
        "devices/",
        include(
            [
                path("", views.device_list, name="device_list"),
                path("new/", views.device_edit, name="device_create"),
                path("<int:pk>/edit/", views.device_edit, name="device_edit"),
                path("<int:pk>/check/", views.device_check, name="device_check"),
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
    path(
        "projects/",
        include(
            [
                path("", views.project_list, name="project_list"),
                path("new/", views.project_edit, name="project_create"),
                path("<int:pk>/edit/", views.project_edit, name="project_edit"),
            ]
        ),
    ),
]
