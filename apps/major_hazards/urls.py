from django.urls import path

from apps.major_hazards import views

app_name = "major_hazards"

urlpatterns = [
    path("", views.unit_list, name="list"),
    path("new/", views.unit_edit, name="create"),
    path("register/", views.register_list, name="register"),
    path("measures/", views.measure_list, name="measures"),
    path("reference/", views.reference, name="reference"),
    path("identifications/<int:pk>/report/", views.identification_report, name="report"),
    path("<int:pk>/", views.unit_detail, name="detail"),
    path("<int:pk>/edit/", views.unit_edit, name="edit"),
    path("<int:pk>/identify/", views.identify_again, name="identify"),
    path("<int:pk>/inventory/new/", views.item_edit, name="item_create"),
    path("<int:pk>/inventory/<int:item_pk>/edit/", views.item_edit, name="item_edit"),
    path("<int:pk>/inventory/<int:item_pk>/delete/", views.item_delete, name="item_delete"),
    path("<int:pk>/register/new/", views.entry_edit, name="entry_create"),
    path("<int:pk>/register/<int:entry_pk>/edit/", views.entry_edit, name="entry_edit"),
    path("<int:pk>/assessments/new/", views.assessment_edit, name="assessment_create"),
    path("<int:pk>/measures/new/", views.measure_edit, name="measure_create"),
    path("<int:pk>/measures/<int:measure_pk>/edit/", views.measure_edit, name="measure_edit"),
    path("<int:pk>/measures/<int:measure_pk>/check/", views.measure_check, name="measure_check"),
    path("<int:pk>/files/<int:attachment_pk>/", views.unit_file, name="file"),
]
