from django.urls import path

from apps.training import views

app_name = "training"

urlpatterns = [
    path("mine/", views.my_record, name="my_record"),
    path("people/<int:pk>/", views.employee_record, name="employee_record"),
    path("compliance/", views.compliance, name="compliance"),
    path("reinductions/new/", views.reinduction_create, name="reinduction_create"),
    path("courses/", views.course_list, name="course_list"),
    path("courses/new/", views.course_edit, name="course_create"),
    path("courses/<int:pk>/edit/", views.course_edit, name="course_edit"),
    path("sessions/", views.session_list, name="session_list"),
    path("sessions/new/", views.session_edit, name="session_create"),
    path("sessions/sign-in-template/", views.sign_in_template, name="sign_in_template"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/attendance/", views.attendance_add, name="attendance_add"),
    path("sessions/<int:pk>/import/", views.session_import, name="session_import"),
    path("certificates/", views.certificate_list, name="certificate_list"),
    path("certificates/new/", views.certificate_edit, name="certificate_create"),
    path("certificates/<int:pk>/edit/", views.certificate_edit, name="certificate_edit"),
    path("certificates/<int:pk>/review/", views.certificate_review, name="certificate_review"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/items/", views.plan_item_add, name="plan_item_add"),
    path("plans/<int:pk>/items/<int:item_pk>/delete/", views.plan_item_delete, name="plan_item_delete"),
    path("plans/<int:pk>/submit/", views.plan_submit, name="plan_submit"),
    path("rules/", views.ruleset_list, name="ruleset_list"),
    path("rules/rows/<int:pk>/", views.ruleset_row_edit, name="ruleset_row_edit"),
    path("rules/settings/", views.settings_edit, name="settings_edit"),
]
