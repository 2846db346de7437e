from django.urls import path

from apps.accidents import views

app_name = "accidents"

urlpatterns = [
    path("", views.accident_list, name="list"),
    path("new/", views.accident_edit, name="create"),
    path("<int:pk>/", views.accident_detail, name="detail"),
    path("<int:pk>/edit/", views.accident_edit, name="edit"),
    path("<int:pk>/times/", views.report_times, name="times"),
    path("<int:pk>/people/", views.person_add, name="person_add"),
    path("<int:pk>/updates/", views.casualty_update, name="update"),
    path("<int:pk>/investigation/", views.investigation, name="investigation"),
    path("<int:pk>/measures/", views.measure_add, name="measure_add"),
    path("<int:pk>/close/", views.accident_close, name="close"),
    path("<int:pk>/files/<int:attachment_pk>/", views.accident_file, name="file"),
    path("statistics/", views.statistics, name="statistics"),
    path("man-hours/", views.man_hours_list, name="man_hours"),
    path("man-hours/import/", views.man_hours_import, name="man_hours_import"),
    path("man-hours/import/template/", views.man_hours_template, name="man_hours_template"),
    path("lessons/", views.lesson_list, name="lessons"),
    path("lessons/new/", views.lesson_edit, name="lesson_create"),
    path("lessons/<int:pk>/edit/", views.lesson_edit, name="lesson_edit"),
]
