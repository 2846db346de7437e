from django.urls import include, path

from apps.accidents import views

app_name = "accidents"

urlpatterns = [
    path("", views.accident_list, name="list"),
    path("new/", views.accident_edit, name="create"),
    path(
        "<int:pk>/",
        include(
            [
                path("", views.accident_detail, name="detail"),
                path("edit/", views.accident_edit, name="edit"),
                path("times/", views.report_times, name="times"),
                path("people/", views.person_add, name="person_add"),
                path("updates/", views.casualty_update, name="update"),
                path("investigation/", views.investigation, name="investigation"),
                path("measures/", views.measure_add, name="measure_add"),
                path("close/", views.accident_close, name="close"),
                path("files/<int:attachment_pk>/", views.accident_file, name="file"),
            ]
        ),
    ),
    path("statistics/", views.statistics, name="statistics"),
    path(
        "man-hours/",
        include(
            [
                path("", views.man_hours_list, name="man_hours"),
                path("import/", views.man_hours_import, name="man_hours_import"),
                path("import/template/", views.man_hours_template, name="man_hours_template"),
            ]
        ),
    ),
    path(
        "lessons/",
        include(
            [
                path("", views.lesson_list, name="lessons"),
                path("new/", views.lesson_edit, name="lesson_create"),
                path("<int:pk>/edit/", views.lesson_edit, name="lesson_edit"),
            ]
        ),
    ),
]
